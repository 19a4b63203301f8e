// What the admin pages (sources, sync runs, audit log, users, API keys, overview) share: the
// short lists they read, the run status badge, the labelled controls Field does not cover, a
// one-time secret with its copy button, and a confirmation dialog.
import { useQuery } from '@tanstack/react-query';
import {
  useId,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { api, ok, type Schema } from '../../api/client';
import { ErrorNotice } from '../../ui/states';
import './admin.css';

export { count, dayIn, fieldErrors, lagText, runSeconds, zoneLabel } from './numbers';

export type Source = Schema<'SourceView'>;
export type SyncRun = Schema<'SyncRunView'>;

export const SOURCES_KEY = ['sources'] as const;
export const SYNC_RUNS_KEY = ['sync-runs'] as const;

/** Every source (a short list, answered whole). */
export function useSources() {
  return useQuery({
    queryKey: SOURCES_KEY,
    queryFn: () => ok(api.GET('/api/v1/sources')).then((answer) => answer.items),
  });
}

export function useBusinesses() {
  return useQuery({
    queryKey: ['businesses'],
    // The cached value is the API's answer as it is (other pages share the key); select here.
    queryFn: () => ok(api.GET('/api/v1/businesses')),
    staleTime: 60_000,
    select: (answer) => answer.items,
  });
}

export function useRatePlans() {
  return useQuery({
    queryKey: ['rate-plans'],
    queryFn: () => ok(api.GET('/api/v1/rate-plans')).then((answer) => answer.items),
    staleTime: 60_000,
  });
}

/**
 * The zone of times that belong to no source (audit events, users, keys): the default
 * business's, as the API reads plain dates in it; UTC until it is known.
 */
export function useHomeZone(): string {
  const businesses = useBusinesses();
  return businesses.data?.find((business) => business.isDefault)?.timezone ?? 'UTC';
}

/** The latest runs, newest first; polled while one of them is running. */
export function useSyncRuns(sourceId?: number, limit = 50) {
  return useQuery({
    queryKey: [...SYNC_RUNS_KEY, { sourceId, limit }],
    queryFn: () =>
      ok(api.GET('/api/v1/sync-runs', { params: { query: { sourceId, limit } } })).then(
        (answer) => answer.items,
      ),
    refetchInterval: (query) =>
      query.state.data?.some((run) => run.status === 'running') ? 2000 : false,
  });
}

const RUN_TONE: Record<SyncRun['status'], string> = {
  running: 'badge warn',
  succeeded: 'badge good',
  failed: 'badge bad',
};

export function RunStatus({ status }: { status: SyncRun['status'] }) {
  return <span className={RUN_TONE[status]}>{status}</span>;
}

/** A labelled select with its hint and its error (SelectField has neither). */
export function Choice({
  label,
  hint,
  error,
  children,
  ...select
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? `${id}-note` : undefined}
        {...select}
      >
        {children}
      </select>
      {(hint || error) && (
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

/** A labelled text area (JSON settings), with its hint and its error. */
export function TextArea({
  label,
  hint,
  error,
  ...area
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? `${id}-note` : undefined}
        {...area}
      />
      {(hint || error) && (
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label beside it. */
export function Check({
  label,
  hint,
  error,
  ...input
}: { label: string; hint?: ReactNode; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field check">
      <div className="check-row">
        <input
          id={id}
          type="checkbox"
          aria-describedby={hint || error ? `${id}-note` : undefined}
          {...input}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {(hint || error) && (
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

/**
 * A secret shown this once (a one-time password, a new API key): selectable text and a copy
 * button that says whether it copied.
 */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    navigator.clipboard
      .writeText(value)
      .then(() => setCopied('yes'))
      .catch(() => setCopied('no'));
  };
  return (
    <div className="field secret">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input
          id={id}
          readOnly
          value={value}
          className="secret-value"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="field-hint" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'no'
            ? 'The browser did not allow copying: select the text and copy it yourself.'
            : 'It is shown only this once.'}
      </p>
    </div>
  );
}

/**
 * The body of an "are you sure?" dialog: the consequence in words, the API's refusal if it
 * refused, and the two buttons. (A page keeps one Dialog open at a time and puts this inside.)
 */
export function Confirm({
  onCancel,
  onConfirm,
  confirmLabel,
  busy,
  error,
  tone = 'danger',
  children,
}: {
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  tone?: 'danger' | 'primary';
  children: ReactNode;
}) {
  return (
    <>
      {children}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={tone} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}
