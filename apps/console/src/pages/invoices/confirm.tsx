import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { ErrorNotice } from '../../ui/states';

/**
 * The API's refusal; a 409 means the invoice changed since the page read it (someone finalized
 * or voided it): say so and offer to reload it.
 */
export function Refusal({ error, reload }: { error: unknown; reload: () => void }) {
  const stale = error instanceof ApiError && error.status === 409;
  return (
    <div>
      <ErrorNotice error={error} />
      {stale && (
        <p>
          The invoice may have changed since you opened it.{' '}
          <button type="button" onClick={reload}>
            Reload the invoice
          </button>
        </p>
      )}
    </div>
  );
}

/** A question and its two answers, inside a Dialog; the refusal, if the API refuses. */
export function Confirm({
  confirm,
  danger = false,
  busy,
  error,
  onConfirm,
  onCancel,
  onReload,
  children,
}: {
  confirm: string;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  return (
    <div>
      <p>{children}</p>
      {error ? <Refusal error={error} reload={onReload} /> : null}
      <div className="dialog-actions">
        <button type="button" className="ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={danger ? 'danger' : 'primary'}
          onClick={onConfirm}
          disabled={busy}
        >
          {busy ? 'Working…' : confirm}
        </button>
      </div>
    </div>
  );
}

/** Voiding needs a reason, kept on the invoice; the button stays off until there is one. */
export function VoidForm({
  name,
  busy,
  error,
  onVoid,
  onCancel,
  onReload,
}: {
  name: string;
  busy: boolean;
  error: unknown;
  onVoid: (reason: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onVoid(reason.trim());
  };
  return (
    <form onSubmit={submit}>
      <p>
        {name} stays numbered but void; its items go back to approved, ready for another invoice.
        The reason is kept on the invoice.
      </p>
      <div className="field">
        <label htmlFor="void-reason">Reason</label>
        <textarea
          id="void-reason"
          required
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby="void-reason-hint"
        />
        <p id="void-reason-hint" className="field-hint">
          Required, such as “Billed to the wrong room”.
        </p>
      </div>
      {error ? <Refusal error={error} reload={onReload} /> : null}
      <div className="dialog-actions">
        <button type="button" className="ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="danger" disabled={busy || !reason.trim()}>
          {busy ? 'Voiding…' : 'Void invoice'}
        </button>
      </div>
    </form>
  );
}
