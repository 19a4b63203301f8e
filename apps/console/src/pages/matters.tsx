import { useMutation, useQuery } from '@tanstack/react-query';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { Fragment, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ok, type Schema } from '../api/client';
import { useSession } from '../api/session';
import { formatTime } from '../ui/format';
import { Money } from '../ui/money';
import { useNotify } from '../ui/notices';
import { Page } from '../ui/page';
import { SelectField } from '../ui/field';
import { ErrorNotice } from '../ui/states';
import {
  apiFilter,
  filterQuery,
  NEEDS_A_MATTER,
  nextDay,
  PLAIN_DAY,
  previousDay,
  readFilter,
  REASONS,
  reasonLabel,
  type Filter,
  type LineItem,
} from './review/filter';
import { DayField, TypedField } from './review/filters';
import { useRefreshItems } from './review/queries';
import { useSources, zoneOf } from './review/sources';
import './matters.css';

type Suggestion = Schema<'MatterSuggestionView'>;

/** Rows a page of the correction queue holds. */
const PAGE_SIZE = 50;

/** The correction queue's own filter: items that still need review, of the matter reasons. */
function queueFilter(filter: Filter): Filter {
  return { ...filter, status: 'needs-review', reason: filter.reason ?? NEEDS_A_MATTER };
}

const MATTER_REASONS = REASONS.filter((reason) => NEEDS_A_MATTER.split(',').includes(reason.value));

const items = (count: number) => `${count} item${count === 1 ? '' : 's'}`;

/**
 * Matters: a law firm's items that need a matter (no code, a malformed or unknown one, a closed
 * matter), each with the likely matters to assign in one click, or every item of the filter
 * at once (docs/law-firms.md, the correction queue).
 */
export default function Matters() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const { can } = useSession();
  const canAct = can('accountant');
  const filter = useMemo(() => readFilter(search), [search]);
  const queue = queueFilter(filter);
  const key = filterQuery(queue);
  const { byId } = useSources();
  const [open, setOpen] = useState<number | null>(null);

  const page = useQuery({
    queryKey: ['line-items', 'matters', key],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/line-items', {
          params: { query: { ...apiFilter(queue), limit: PAGE_SIZE, totals: true } },
          signal,
        }),
      ),
  });
  const rows = useMemo(() => page.data?.items ?? [], [page.data]);
  const count = page.data?.totals?.count ?? 0;

  const setFilter = (next: Filter) => {
    const query = filterQuery({ ...next, status: undefined });
    setOpen(null);
    navigate(query ? `/review/matters?${query}` : '/review/matters', { replace: true });
  };
  const set = (field: keyof Filter, value: string) => setFilter({ ...filter, [field]: value });

  const columns = useMemo<ColumnDef<LineItem>[]>(
    () => [
      {
        id: 'time',
        header: 'Time',
        cell: ({ row }) => (
          <Link href={`/review/${row.original.id}`}>
            <span className="visually-hidden">Item {row.original.id}, </span>
            {formatTime(row.original.startTime, zoneOf(byId, row.original.sourceId))}
          </Link>
        ),
        meta: { className: 'nowrap' },
      },
      { id: 'extension', header: 'Extension', cell: ({ row }) => row.original.extension ?? '—' },
      {
        id: 'timekeeper',
        header: 'Timekeeper',
        cell: ({ row }) => row.original.timekeeper?.name ?? <span className="muted">—</span>,
      },
      {
        id: 'code',
        header: 'Code dialed',
        cell: ({ row }) =>
          row.original.accountCode ? (
            <code>{row.original.accountCode}</code>
          ) : (
            <span className="muted">none</span>
          ),
      },
      { id: 'reason', header: 'Why', cell: ({ row }) => reasonLabel(row.original.reason) },
      {
        id: 'amount',
        header: 'Amount',
        cell: ({ row }) => <Money amount={row.original.amount} currency={row.original.currency} />,
        meta: { className: 'num' },
      },
      {
        id: 'open',
        header: () => <span className="visually-hidden">Suggestions</span>,
        cell: ({ row }) => (
          <button
            type="button"
            className="ghost"
            aria-expanded={open === row.original.id}
            onClick={() => setOpen(open === row.original.id ? null : row.original.id)}
          >
            {open === row.original.id ? 'Hide matters' : 'Suggest matters'}
            <span className="visually-hidden"> for item {row.original.id}</span>
          </button>
        ),
      },
    ],
    [byId, open],
  );
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });

  return (
    <Page
      title="Matters to correct"
      intro="A law firm's calls that need a matter before they are billed: no code, a malformed or unknown one, or a closed matter. Assign the likely matter, one item or all that match."
      actions={
        <Link href="/review" className="button">
          All items
        </Link>
      }
    >
      <form
        className="card matters-filters"
        aria-label="Filter the items"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Why"
          value={filter.reason ?? ''}
          onChange={(event) => set('reason', event.target.value)}
        >
          <option value="">Any matter problem</option>
          {MATTER_REASONS.map((reason) => (
            <option key={reason.value} value={reason.value}>
              {reason.label}
            </option>
          ))}
        </SelectField>
        <TypedField
          label="Extension"
          value={filter.extension ?? ''}
          onChange={(value) => set('extension', value)}
        />
        <DayField
          label="From"
          value={filter.from && PLAIN_DAY.test(filter.from) ? filter.from : ''}
          onChange={(day) => set('from', day)}
        />
        <DayField
          label="To"
          value={filter.to && PLAIN_DAY.test(filter.to) ? previousDay(filter.to) : ''}
          onChange={(day) => set('to', day ? nextDay(day) : '')}
        />
      </form>
      {page.error ? (
        <ErrorNotice error={page.error} retry={() => void page.refetch()} />
      ) : (
        <>
          <p className="matters-count" role="status">
            {page.isPending
              ? 'Loading the items…'
              : count === 0
                ? 'No item needs a matter under this filter.'
                : `${items(count)} need a matter${count > rows.length ? ` (the first ${rows.length} shown)` : ''}.`}
          </p>
          <div className="table-wrap" hidden={rows.length === 0}>
            <table className="data matters-table" aria-label="Items that need a matter">
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => (
                      <th
                        key={header.id}
                        scope="col"
                        className={classOf(header.column.columnDef.meta)}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <Fragment key={row.id}>
                    <tr data-item-id={row.original.id}>
                      {row.getVisibleCells().map((cell) => (
                        <td key={cell.id} className={classOf(cell.column.columnDef.meta)}>
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ))}
                    </tr>
                    {open === row.original.id && (
                      <tr className="matters-suggestions-row">
                        <td colSpan={columns.length}>
                          <Suggestions
                            item={row.original}
                            canAct={canAct}
                            matching={count}
                            filter={queue}
                            onDone={() => setOpen(null)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}

const classOf = (meta: unknown) => (meta as { className?: string } | undefined)?.className;

/**
 * An item's likely matters, best first, each with why; an accountant assigns one to the item,
 * or to every item the filter matches.
 */
function Suggestions({
  item,
  canAct,
  matching,
  filter,
  onDone,
}: {
  item: LineItem;
  canAct: boolean;
  matching: number;
  filter: Filter;
  onDone: () => void;
}) {
  const notify = useNotify();
  const refresh = useRefreshItems();
  const suggestions = useQuery({
    queryKey: ['line-item', item.id, 'suggestions'],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/line-items/{id}/suggestions', {
          params: { path: { id: item.id } },
          signal,
        }),
      ),
  });
  const assign = useMutation({
    mutationFn: (suggestion: Suggestion) =>
      ok(
        api.POST('/api/v1/line-items/{id}/assign', {
          params: { path: { id: item.id } },
          body: {
            matterId: suggestion.matter.id,
            version: item.version,
            reason: `Correction queue: ${suggestion.why[0] ?? 'chosen'}`,
          },
        }),
      ),
    onSuccess: (changed) => {
      notify(`Item ${changed.id} is billed to ${changed.billingAccount ?? ''} now.`);
      onDone();
    },
    onError: (error) => notify(`Not assigned: ${error.message}`, 'error'),
    onSettled: () => void refresh(),
  });
  const assignAll = useMutation({
    mutationFn: (suggestion: Suggestion) =>
      ok(
        api.POST('/api/v1/line-items/bulk', {
          body: {
            action: 'assign',
            filter: apiFilter(filter),
            matterId: suggestion.matter.id,
            reason: `Correction queue, all that matched: ${suggestion.matter.code}`,
          },
        }),
      ),
    onSuccess: (answer, suggestion) => {
      notify(`${items(answer.count)} billed to ${suggestion.matter.code} now.`);
      onDone();
    },
    onError: (error) => notify(`Nothing was assigned: ${error.message}`, 'error'),
    onSettled: () => void refresh(),
  });
  const busy = assign.isPending || assignAll.isPending;

  if (suggestions.isPending) return <p role="status">Finding likely matters…</p>;
  if (suggestions.error) return <ErrorNotice error={suggestions.error} />;
  const list = suggestions.data.suggestions;
  if (list.length === 0) {
    return <p className="muted">No likely matter: open the item to assign a code by hand.</p>;
  }
  return (
    <ol className="matters-suggestions" aria-label={`Likely matters for item ${item.id}`}>
      {list.map((suggestion) => (
        <li key={suggestion.matter.id}>
          <div>
            <code className="matters-code">{suggestion.matter.code}</code>
            <span className="matters-client">
              {suggestion.matter.clientName} — {suggestion.matter.matterName}
            </span>
            {!suggestion.matter.billable && <span className="muted"> (not billable)</span>}
            <p className="muted matters-why">{suggestion.why.join('; ')}</p>
          </div>
          {canAct && (
            <div className="matters-actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => assign.mutate(suggestion)}
              >
                Assign {suggestion.matter.code}
                <span className="visually-hidden"> to item {item.id}</span>
              </button>
              {matching > 1 && (
                <button type="button" disabled={busy} onClick={() => assignAll.mutate(suggestion)}>
                  Assign all {items(matching)} to {suggestion.matter.code}
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
