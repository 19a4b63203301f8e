import { useEffect, useState } from 'react';

const memory = new Map<string, unknown>();

/**
 * State that outlives the page's component: the queue unmounts when an item's detail opens and
 * mounts again on the way back, with its page, its selection and its current row as they were.
 */
export function useRemembered<T>(key: string, initial: () => T) {
  const [value, setValue] = useState<T>(() =>
    memory.has(key) ? (memory.get(key) as T) : initial(),
  );
  useEffect(() => {
    memory.set(key, value);
  }, [key, value]);
  return [value, setValue] as const;
}
