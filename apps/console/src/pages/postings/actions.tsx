// What an accountant does with a posting: an exception is retried, rerouted to another room,
// posted late to its checked-out stay, or written off; a posted charge is corrected by a new
// negative posting. Each sends the version the page saw, so that a posting changed meanwhile is
// refused (409) and the page offers to reload.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, ok } from '../../api/client';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useNotify } from '../../ui/notices';
import { ErrorNotice } from '../../ui/states';
import { useRefreshPostings, type Posting } from './queries';
import './postings.css';

export interface Conflict {
  postingNumber: number;
  message: string;
}

type Ask = 'reroute' | 'write-off' | 'correct';

export function PostingActions({
  posting,
  onConflict,
}: {
  posting: Posting;
  onConflict: (conflict: Conflict) => void;
}) {
  const [asking, setAsking] = useState<Ask | null>(null);
  const notify = useNotify();
  const refresh = useRefreshPostings();
  const id = posting.id;
  const version = posting.version;
  const label = `P# ${posting.postingNumber}`;
  const direct = useMutation({
    mutationFn: (action: 'retry' | 'post-late') =>
      action === 'retry'
        ? ok(
            api.POST('/api/v1/postings/{id}/retry', {
              params: { path: { id } },
              body: { version },
            }),
          )
        : ok(
            api.POST('/api/v1/postings/{id}/post-late', {
              params: { path: { id } },
              body: { version },
            }),
          ),
    onSuccess: (_, action) => {
      notify(
        action === 'retry'
          ? `${label} is queued to post again.`
          : `${label} is queued as a late charge to room ${posting.room}.`,
      );
      void refresh(posting.lineItemId);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        // The notice above the table may be out of view: the toast says it where the person is.
        notify(`${label} was not changed: ${error.message}`, 'error');
        onConflict({ postingNumber: posting.postingNumber, message: error.message });
      } else {
        notify(error.message, 'error');
      }
    },
  });
  if (posting.status === 'exception') {
    return (
      <div className="posting-actions">
        <button
          type="button"
          onClick={() => direct.mutate('retry')}
          disabled={direct.isPending}
          aria-label={`Retry ${label}`}
        >
          Retry
        </button>
        <button
          type="button"
          onClick={() => setAsking('reroute')}
          aria-label={`Reroute ${label} to a room…`}
        >
          Reroute…
        </button>
        {posting.stayId !== null && (
          <button
            type="button"
            onClick={() => direct.mutate('post-late')}
            disabled={direct.isPending}
            aria-label={`Post late ${label} to its checked-out stay`}
          >
            Post late
          </button>
        )}
        <button
          type="button"
          onClick={() => setAsking('write-off')}
          aria-label={`Write off ${label}…`}
        >
          Write off…
        </button>
        <AskDialog posting={posting} asking={asking} onClose={() => setAsking(null)} />
      </div>
    );
  }
  if (
    posting.status === 'posted' &&
    posting.amountMinor > 0 &&
    posting.correctsPostingId === null
  ) {
    return (
      <div className="posting-actions">
        <button type="button" onClick={() => setAsking('correct')} aria-label={`Correct ${label}…`}>
          Correct…
        </button>
        <AskDialog posting={posting} asking={asking} onClose={() => setAsking(null)} />
      </div>
    );
  }
  return null;
}

const TITLES: Record<Ask, string> = {
  reroute: 'Reroute to another room',
  'write-off': 'Write off the charge',
  correct: 'Correct a posted charge',
};

/** The dialog of an action that needs a word from the person: a room, or a reason. */
function AskDialog({
  posting,
  asking,
  onClose,
}: {
  posting: Posting;
  asking: Ask | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={asking ? `${TITLES[asking]}: P# ${posting.postingNumber}` : ''}
      open={asking !== null}
      onClose={onClose}
    >
      {asking && <AskForm posting={posting} asking={asking} onDone={onClose} />}
    </Dialog>
  );
}

function AskForm({
  posting,
  asking,
  onDone,
}: {
  posting: Posting;
  asking: Ask;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const notify = useNotify();
  const refresh = useRefreshPostings();
  const id = posting.id;
  const version = posting.version;
  const label = `P# ${posting.postingNumber}`;
  const act = useMutation({
    mutationFn: () => {
      const value = text.trim();
      switch (asking) {
        case 'reroute':
          return ok(
            api.POST('/api/v1/postings/{id}/reroute', {
              params: { path: { id } },
              body: { version, room: value },
            }),
          );
        case 'write-off':
          return ok(
            api.POST('/api/v1/postings/{id}/write-off', {
              params: { path: { id } },
              body: { version, reason: value },
            }),
          );
        case 'correct':
          return ok(
            api.POST('/api/v1/postings/{id}/correct', {
              params: { path: { id } },
              body: { version, reason: value },
            }),
          );
      }
    },
    onSuccess: (after) => {
      notify(
        asking === 'reroute'
          ? `${label} is queued to post to room ${after.room}.`
          : asking === 'write-off'
            ? `${label} is written off.`
            : `Correction P# ${after.postingNumber} is queued to post to room ${after.room}.`,
      );
      void refresh(posting.lineItemId);
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) act.mutate();
  };
  const stale = act.error instanceof ApiError && act.error.status === 409;
  return (
    <form onSubmit={submit}>
      {asking === 'reroute' && (
        <>
          <p>
            The charge (now for room {posting.room}) is posted to the guest who is in house in the
            room you name. Use it when the call was made from another guest's room phone.
          </p>
          <Field
            label="Room"
            required
            autoFocus
            value={text}
            onChange={(event) => setText(event.target.value)}
            hint="A room with a guest in house now."
          />
        </>
      )}
      {asking === 'write-off' && (
        <>
          <p>
            The charge is not posted to any folio, and its line item is rejected with your reason.
            The write-off is kept in the audit log.
          </p>
          <Field
            label="Reason"
            required
            autoFocus
            value={text}
            onChange={(event) => setText(event.target.value)}
            hint="Why the hotel gives this call up, for the audit log."
          />
        </>
      )}
      {asking === 'correct' && (
        <>
          <p>
            The posted charge stays on the folio; a new posting of the same amount, negative, is
            sent to room {posting.room} to cancel it.
          </p>
          <Field
            label="Reason"
            required
            autoFocus
            value={text}
            onChange={(event) => setText(event.target.value)}
            hint="Why the charge is taken back, for the audit log."
          />
        </>
      )}
      {act.error ? <ErrorNotice error={act.error} /> : null}
      {stale && (
        <p>
          If someone else acted on this posting meanwhile, reload the queue to see it as it is now.{' '}
          <button
            type="button"
            onClick={() => {
              void refresh(posting.lineItemId);
              onDone();
            }}
          >
            Reload the queue
          </button>
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className={asking === 'reroute' ? 'primary' : 'danger'}
          disabled={act.isPending || !text.trim()}
        >
          {asking === 'reroute'
            ? 'Reroute'
            : asking === 'write-off'
              ? 'Write off'
              : 'Post the correction'}
        </button>
      </div>
    </form>
  );
}
