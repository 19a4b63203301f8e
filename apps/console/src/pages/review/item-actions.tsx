import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, ok } from '../../api/client';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { formatMoney } from '../../ui/format';
import { Money } from '../../ui/money';
import { useNotify } from '../../ui/notices';
import { ErrorNotice } from '../../ui/states';
import { allows, statusLabel, type Action, type LineItem, type LineItemDetail } from './filter';
import { useRefreshItems } from './queries';

/** A refusal because the item changed since the page read it (409): what the API said of it. */
export interface Conflict {
  message: string;
  status: string | null;
  version: number | null;
  /** The item as it is now, read after the refusal (null while being read, or unreadable). */
  latest: LineItem | null;
}

interface ActionInput {
  action: Action;
  reason?: string;
  amount?: string;
  billingAccount?: string;
}

const LABELS: Record<Action, string> = {
  approve: 'Approve',
  reject: 'Reject',
  adjust: 'Adjust',
  assign: 'Assign',
  reset: 'Reset',
};

const PAST: Record<Action, string> = {
  approve: 'approved',
  reject: 'rejected',
  adjust: 'adjusted',
  assign: 'assigned',
  reset: 'reset',
};

/** The dialogs' buttons, named apart from the page's own (Reject, Adjust, Assign). */
const SUBMIT: Record<'reject' | 'adjust' | 'assign', string> = {
  reject: 'Reject the item',
  adjust: 'Save the new amount',
  assign: 'Assign the account',
};

/** Sends one action with the version the page shows, so that a stale page is refused (409). */
function send(item: LineItem, input: ActionInput) {
  const params = { path: { id: item.id } };
  const version = item.version;
  switch (input.action) {
    case 'approve':
      return ok(
        api.POST('/api/v1/line-items/{id}/approve', {
          params,
          body: { version, reason: input.reason },
        }),
      );
    case 'reset':
      return ok(
        api.POST('/api/v1/line-items/{id}/reset', {
          params,
          body: { version, reason: input.reason },
        }),
      );
    case 'reject':
      return ok(
        api.POST('/api/v1/line-items/{id}/reject', {
          params,
          body: { version, reason: input.reason! },
        }),
      );
    case 'adjust':
      return ok(
        api.POST('/api/v1/line-items/{id}/adjust', {
          params,
          body: { version, reason: input.reason!, amount: input.amount! },
        }),
      );
    case 'assign':
      return ok(
        api.POST('/api/v1/line-items/{id}/assign', {
          params,
          body: { version, reason: input.reason!, billingAccount: input.billingAccount! },
        }),
      );
  }
}

/**
 * The item's actions for accountants: only those its status allows. Approve and Reset act at
 * once; Reject, Adjust and Assign ask for what they need first.
 */
export function ItemActions({
  item,
  stale,
  onConflict,
  onDone,
}: {
  item: LineItemDetail;
  /** The page is known to show an old version: nothing is offered until it is reloaded. */
  stale: boolean;
  onConflict: (conflict: Conflict) => void;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const notify = useNotify();
  const refresh = useRefreshItems();
  const [asking, setAsking] = useState<'reject' | 'adjust' | 'assign' | null>(null);
  const act = useMutation({
    mutationFn: (input: ActionInput) => send(item, input),
    onSuccess: (_, input) => {
      setAsking(null);
      onDone();
      notify(`Item ${item.id} ${PAST[input.action]}.`);
      void refresh();
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 409) return;
      setAsking(null);
      const detail = (field: string) =>
        error.details.find((entry) => entry.field === field)?.message ?? null;
      const version = detail('version');
      const conflict: Conflict = {
        message: error.message,
        status: detail('status'),
        version: version === null ? null : Number(version),
        latest: null,
      };
      onConflict(conflict);
      // What it is now, to say what changed (the refusal names the status, not the amounts).
      void client
        .fetchQuery({
          queryKey: ['line-item', item.id, 'latest'],
          queryFn: () =>
            ok(api.GET('/api/v1/line-items/{id}', { params: { path: { id: item.id } } })),
          staleTime: 0,
        })
        .then((latest) => onConflict({ ...conflict, latest }))
        .catch(() => undefined);
    },
  });
  // A charge on its way to (or on) a guest's folio is acted on through its postings instead.
  const postedOrQueued = item.postings.some((posting) => posting.status !== 'written-off');
  const offered = postedOrQueued
    ? []
    : (Object.keys(LABELS) as Action[]).filter((action) => allows(action, item));
  if (offered.length === 0) {
    return (
      <p className="muted item-no-actions">
        {item.invoiceId !== null
          ? 'This item is on an invoice: nothing can change it here.'
          : item.status === 'posted'
            ? "This charge is posted to the guest's folio: a correction is a negative posting (see its postings)."
            : postedOrQueued
              ? "This charge goes to the guest's folio through the PMS: act on its postings below."
              : `A ${statusLabel(item.status).toLowerCase()} item takes no review action.`}
      </p>
    );
  }
  const error = act.error instanceof ApiError && act.error.status === 409 ? null : act.error;
  return (
    <div className="item-actions">
      <div className="item-actions-row" role="group" aria-label="Actions on this item">
        {offered.map((action) => (
          <button
            key={action}
            type="button"
            className={
              action === 'approve' ? 'primary' : action === 'reject' ? 'danger' : undefined
            }
            disabled={act.isPending || stale}
            onClick={() => {
              act.reset();
              if (action === 'approve' || action === 'reset') act.mutate({ action });
              else setAsking(action);
            }}
          >
            {LABELS[action]}
          </button>
        ))}
      </div>
      {item.billingAccount === null && item.status === 'needs-review' && (
        <p className="field-hint">Assign a billing account before approving.</p>
      )}
      {error && !asking && <ErrorNotice error={error} />}
      <Dialog
        title={asking ? `${LABELS[asking]} item ${item.id}` : ''}
        open={asking !== null}
        onClose={() => setAsking(null)}
      >
        {asking && (
          <ActionForm
            action={asking}
            item={item}
            pending={act.isPending}
            error={error}
            onSubmit={(input) => act.mutate(input)}
            onCancel={() => setAsking(null)}
          />
        )}
      </Dialog>
    </div>
  );
}

/** Reject (a reason), Adjust (an amount and a reason), Assign (an account and a reason). */
function ActionForm({
  action,
  item,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  action: 'reject' | 'adjust' | 'assign';
  item: LineItemDetail;
  pending: boolean;
  error: Error | null;
  onSubmit: (input: ActionInput) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(action === 'adjust' ? item.amount : '');
  const [account, setAccount] = useState(item.billingAccount ?? '');
  const fieldError = (field: string) =>
    error instanceof ApiError
      ? error.details.find((entry) => entry.field === field)?.message
      : undefined;
  const complete =
    reason.trim() !== '' &&
    (action !== 'adjust' || amount.trim() !== '') &&
    (action !== 'assign' || account.trim() !== '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    onSubmit({
      action,
      reason: reason.trim(),
      amount: action === 'adjust' ? amount.trim() : undefined,
      billingAccount: action === 'assign' ? account.trim() : undefined,
    });
  };
  return (
    <form onSubmit={submit}>
      {action === 'adjust' && (
        <Field
          label="Amount"
          inputMode="decimal"
          required
          autoFocus
          value={amount}
          error={fieldError('amount')}
          hint={`In ${item.currency}, before tax; rating gave ${formatMoney(item.ratedAmount, item.currency)}. Taxes are computed again.`}
          onChange={(event) => setAmount(event.target.value)}
        />
      )}
      {action === 'assign' && (
        <Field
          label="Billing account"
          required
          autoFocus
          value={account}
          error={fieldError('billingAccount')}
          hint="The room, client-matter or account to bill; the item goes back to pending."
          onChange={(event) => setAccount(event.target.value)}
        />
      )}
      <Field
        label="Reason"
        required
        autoFocus={action === 'reject'}
        value={reason}
        error={fieldError('reason')}
        hint="Required; kept in the item's history."
        onChange={(event) => setReason(event.target.value)}
      />
      {error && !fieldError('amount') && !fieldError('billingAccount') && !fieldError('reason') && (
        <ErrorNotice error={error} />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className={action === 'reject' ? 'danger' : 'primary'}
          disabled={pending || !complete}
        >
          {SUBMIT[action]}
        </button>
      </div>
    </form>
  );
}

/** The item changed under the person: what it was, what it is now, and a way to reload. */
export function ConflictNotice({
  conflict,
  seen,
  onReload,
}: {
  conflict: Conflict;
  seen: LineItem;
  onReload: () => Promise<void>;
}) {
  const [reloading, setReloading] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const now = conflict.latest;
  const status = now?.status ?? conflict.status;
  const version = now?.version ?? conflict.version;
  const stale = version !== null && version !== seen.version;
  return (
    <div className="conflict" role="alert" tabIndex={-1} ref={box}>
      <p className="state-title">
        {stale ? 'This item changed since you opened it.' : 'The service refused this action.'}
      </p>
      {stale && (
        <p>
          You saw it <strong>{statusLabel(seen.status).toLowerCase()}</strong> at{' '}
          <Money amount={seen.amount} currency={seen.currency} /> (version {seen.version}); it is
          now <strong>{statusLabel(status ?? seen.status).toLowerCase()}</strong>
          {now && (
            <>
              {' '}
              at <Money amount={now.amount} currency={now.currency} />
              {now.billingAccount !== seen.billingAccount &&
                `, billed to ${now.billingAccount ?? 'no account'}`}
            </>
          )}{' '}
          (version {version}). Nothing was changed.
        </p>
      )}
      <p className="muted">{conflict.message}</p>
      <button
        type="button"
        className="primary"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          void onReload().finally(() => setReloading(false));
        }}
      >
        Reload
      </button>
    </div>
  );
}
