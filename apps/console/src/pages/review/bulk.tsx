import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useNotify } from '../../ui/notices';
import { ErrorNotice } from '../../ui/states';
import { allows, apiFilter, narrowedFor, whyNot, type Filter, type LineItem } from './filter';
import { useQueueTotals, useRefreshItems } from './queries';

type BulkAction = 'approve' | 'reject';

const DONE: Record<BulkAction, { verb: string; past: string; status: string }> = {
  approve: { verb: 'Approve', past: 'approved', status: 'approved' },
  reject: { verb: 'Reject', past: 'rejected', status: 'rejected' },
};

export const items = (count: number) => `${count} item${count === 1 ? '' : 's'}`;
const were = (count: number) => (count === 1 ? 'was' : 'were');

/** What the rows' selection holds: some rows by id, or everything the filter matches. */
export type Selection = { kind: 'rows'; rows: LineItem[] } | { kind: 'filter'; count: number };

/**
 * The selected rows split by what an action does to each: sent, already there (left as they
 * are), or refused by the state machine (sent, they would make the whole request fail).
 */
function plan(action: BulkAction, rows: LineItem[]) {
  const send: LineItem[] = [];
  const unchanged: LineItem[] = [];
  const refused = new Map<string, number>();
  for (const row of rows) {
    if (row.status === DONE[action].status) unchanged.push(row);
    else if (allows(action, row)) send.push(row);
    else {
      const why = whyNot(action, row);
      refused.set(why, (refused.get(why) ?? 0) + 1);
    }
  }
  return { send, unchanged, refused };
}

/** The answer in words: what changed, what was left as it was, what could not be done. */
function outcomeText(action: BulkAction, changed: number, planned: ReturnType<typeof plan>) {
  const { past } = DONE[action];
  const parts = [changed > 0 ? `${capital(past)} ${items(changed)}.` : `Nothing was ${past}.`];
  if (planned.unchanged.length > 0) {
    const count = planned.unchanged.length;
    parts.push(
      `${items(count)} ${were(count)} already ${past} and left as ${count === 1 ? 'it was' : 'they were'}.`,
    );
  }
  if (planned.refused.size > 0) {
    const total = [...planned.refused.values()].reduce((sum, count) => sum + count, 0);
    const why = [...planned.refused].map(([reason, count]) => `${count} ${reason}`).join(', ');
    parts.push(`${items(total)} could not be ${past} (${why}).`);
  }
  return parts.join(' ');
}
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The bar above the queue for accountants: Approve and Reject the selected rows, or every item
 * the filter matches (its count shown before anything runs), and the last answer in words.
 */
export function BulkBar({
  selection,
  filter,
  matching,
  onSelectMatching,
  onClear,
}: {
  selection: Selection;
  filter: Filter;
  /** How many items the filter matches (undefined while counting). */
  matching: number | undefined;
  onSelectMatching: () => void;
  onClear: () => void;
}) {
  const notify = useNotify();
  const refresh = useRefreshItems();
  const [asking, setAsking] = useState<BulkAction | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; tone: 'good' | 'bad' } | null>(null);
  const count = selection.kind === 'rows' ? selection.rows.length : selection.count;

  const byRows = useMutation({
    mutationFn: async ({ action, reason }: { action: BulkAction; reason?: string }) => {
      if (selection.kind !== 'rows') throw new Error('no rows selected');
      const planned = plan(action, selection.rows);
      let changed = 0;
      if (planned.send.length > 0) {
        const answer = await ok(
          api.POST('/api/v1/line-items/bulk', {
            body: { action, ids: planned.send.map((row) => row.id), reason },
          }),
        );
        changed = answer.count;
      }
      return outcomeText(action, changed, planned);
    },
    onSuccess: (text) => finish(text, 'good'),
    onError: (error) => finish(`Nothing was changed: ${error.message}`, 'bad'),
  });

  const finish = (text: string, tone: 'good' | 'bad') => {
    setOutcome({ text, tone });
    setAsking(null);
    notify(text, tone === 'good' ? 'success' : 'error');
    if (tone === 'good') onClear();
    void refresh();
  };

  const start = (action: BulkAction) => {
    setOutcome(null);
    if (action === 'approve' && selection.kind === 'rows') byRows.mutate({ action });
    else setAsking(action);
  };

  return (
    <div className="bulk-bar" role="region" aria-label="Selected items">
      <div className="bulk-bar-row">
        <p className="bulk-count" aria-live="polite">
          {selection.kind === 'filter'
            ? `All ${items(selection.count)} that match the filter are selected.`
            : count === 0
              ? 'No rows selected (tick them, or press x on the current row).'
              : `${items(count)} selected.`}
        </p>
        <div className="bulk-actions">
          <button
            type="button"
            className="primary"
            disabled={count === 0 || byRows.isPending}
            onClick={() => start('approve')}
          >
            Approve
          </button>
          <button
            type="button"
            disabled={count === 0 || byRows.isPending}
            onClick={() => start('reject')}
          >
            Reject
          </button>
          {selection.kind === 'rows' && matching !== undefined && matching > 0 && (
            <button type="button" className="ghost link-button" onClick={onSelectMatching}>
              Select all {items(matching)} that match the filter
            </button>
          )}
          {count > 0 && (
            <button type="button" className="ghost" onClick={onClear}>
              Clear the selection
            </button>
          )}
        </div>
      </div>
      {outcome && (
        <p className={`bulk-outcome ${outcome.tone}`} role="status">
          {outcome.text}
        </p>
      )}
      <Dialog
        title={
          asking
            ? `${DONE[asking].verb} ${selection.kind === 'filter' ? 'all that match the filter' : items(count)}`
            : ''
        }
        open={asking !== null}
        onClose={() => setAsking(null)}
      >
        {asking && selection.kind === 'rows' && (
          <ReasonForm
            action={asking}
            count={count}
            pending={byRows.isPending}
            error={byRows.error}
            onSubmit={(reason) => byRows.mutate({ action: asking, reason })}
            onCancel={() => setAsking(null)}
          />
        )}
        {asking && selection.kind === 'filter' && (
          <ByFilter
            action={asking}
            filter={filter}
            matching={selection.count}
            onDone={(text) => finish(text, 'good')}
            onCancel={() => setAsking(null)}
          />
        )}
      </Dialog>
    </div>
  );
}

/** Reject's reason (required) for the selected rows. */
function ReasonForm({
  action,
  count,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  action: BulkAction;
  count: number;
  pending: boolean;
  error: Error | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit}>
      <Field
        label="Reason"
        required={action === 'reject'}
        autoFocus
        value={reason}
        hint="Kept in each item's history."
        onChange={(event) => setReason(event.target.value)}
      />
      {error && <ErrorNotice error={error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="danger" disabled={pending || !reason.trim()}>
          {DONE[action].verb} {items(count)}
        </button>
      </div>
    </form>
  );
}

/**
 * Every item the filter matches that the action may start from, counted before it runs (an
 * approved item is not approved again: it is left as it is), then the bulk route by filter.
 */
function ByFilter({
  action,
  filter,
  matching,
  onDone,
  onCancel,
}: {
  action: BulkAction;
  filter: Filter;
  matching: number;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const narrowed = narrowedFor(action, filter);
  const totals = useQueueTotals(narrowed);
  const [reason, setReason] = useState('');
  const count = narrowed === null ? 0 : totals.data?.count;
  const run = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/line-items/bulk', {
          body: { action, filter: apiFilter(narrowed!), reason: reason.trim() || undefined },
        }),
      ),
    onSuccess: (answer) => {
      const left = matching - answer.count;
      onDone(
        `${capital(DONE[action].past)} ${items(answer.count)} that matched the filter.` +
          (left > 0
            ? ` ${items(left)} ${were(left)} left as ${left === 1 ? 'it was' : 'they were'} (already ${DONE[action].past} or not open to it).`
            : ''),
      );
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (action === 'reject' && !reason.trim()) return;
    run.mutate();
  };
  return (
    <form onSubmit={submit}>
      {count === undefined ? (
        <p role="status">Counting the items this applies to…</p>
      ) : (
        <p>
          The filter matches {items(matching)};{' '}
          <strong>
            {items(count)} can be {DONE[action].past}
          </strong>
          {count < matching ? ' (the others are already done or cannot be).' : '.'}
        </p>
      )}
      {totals.error && <ErrorNotice error={totals.error} />}
      <Field
        label="Reason"
        required={action === 'reject'}
        autoFocus
        value={reason}
        hint={action === 'reject' ? 'Required; kept in each item’s history.' : 'Optional.'}
        onChange={(event) => setReason(event.target.value)}
      />
      {run.error && <ErrorNotice error={run.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className={action === 'reject' ? 'danger' : 'primary'}
          disabled={!count || run.isPending || (action === 'reject' && !reason.trim())}
        >
          {DONE[action].verb} {count === undefined ? '…' : items(count)}
        </button>
      </div>
    </form>
  );
}
