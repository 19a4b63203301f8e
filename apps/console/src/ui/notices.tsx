import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

interface Notice {
  id: number;
  text: string;
  tone: 'success' | 'error';
}

const NoticeContext = createContext<(text: string, tone?: Notice['tone']) => void>(() => {});

/** Short confirmations ("3 items approved") read out by screen readers, gone after a while. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((text: string, tone: Notice['tone'] = 'success') => {
    const id = Date.now() + Math.random();
    setNotices((list) => [...list, { id, text, tone }]);
    setTimeout(() => setNotices((list) => list.filter((notice) => notice.id !== id)), 6000);
  }, []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <p key={notice.id} className={`notice ${notice.tone}`}>
            {notice.text}
          </p>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotify() {
  return useContext(NoticeContext);
}
