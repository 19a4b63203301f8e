import { useMutation, useQueryClient } from '@tanstack/react-query';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDuration, formatTime } from '../../ui/format';
import { Money } from '../../ui/money';
import { useNotify } from '../../ui/notices';
import { Page } from '../../ui/page';
import { ErrorNotice } from '../../ui/states';
import { BulkBar, items, type Selection } from './bulk';
import { allows, filterQuery, readFilter, whyNot, type Filter, type LineItem } from './filter';
import { QueueFilters } from './filters';
import {
  PAGE_SIZE,
  prefetchFirstPage,
  useQueuePage,
  useQueueTotals,
  useRefreshItems,
} from './queries';
import { useRemembered } from './remembered';
import { StatusBadge } from './status-badge';
import { useSources, zoneOf, type Source } from './sources';

/** What the queue keeps while an item's detail is open: its page, selection and current row. */
interface QueueState {
  filter: string;
  /** The cursors of the pages before this one and of this one (null: the first page). */
  cursors: (string | null)[];
  selected: Record<number, LineItem>;
  allMatching: boolean;
  currentId: number | null;
  currentIndex: number;
}

const fresh = (filter: string): QueueState => ({
  filter,
  cursors: [null],
  selected: {},
  allMatching: false,
  currentId: null,
  currentIndex: -1,
});

/** The review queue: filters, totals, a keyset page of items, selection and bulk actions. */
export function ReviewQueue() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const { can } = useSession();
  const canAct = can('accountant');
  const notify = useNotify();
  const refresh = useRefreshItems();
  const client = useQueryClient();
  const filter = useMemo(() => readFilter(search), [search]);
  const filterKey = filterQuery(filter);
  const [remembered, setRemembered] = useRemembered('review-queue', () => fresh(filterKey));
  const state = remembered.filter === filterKey ? remembered : fresh(filterKey);
  const update = useCallback(
    (change: (state: QueueState) => Partial<QueueState>) =>
      setRemembered((previous) => {
        const base = previous.filter === filterKey ? previous : fresh(filterKey);
        return { ...base, ...change(base) };
      }),
    [filterKey, setRemembered],
  );

  const { sources, byId, error: sourcesError, pending: sourcesPending } = useSources();
  const cursor = state.cursors[state.cursors.length - 1];
  const page = useQueuePage(filter, cursor);
  const totals = useQueueTotals(filter);
  const rows = useMemo(() => page.data?.items ?? [], [page.data]);
  // Rows wait for the sources too (asked for at the same time): their times are in the
  // source's zone, and a row first shown in UTC would change under the reader's eyes.
  const loading = page.isPending || sourcesPending;
  const busy = loading || page.isPlaceholderData;

  const setFilter = (next: Filter) => {
    prefetchFirstPage(client, next);
    const query = filterQuery(next);
    navigate(query ? `/review?${query}` : '/review', { replace: true });
  };
  const detailHref = (id: number) => `/review/${id}${filterKey ? `?${filterKey}` : ''}`;

  // The current row: the remembered one, else the row now at its place (after an approval
  // takes a row out of a pending queue, the next one moves up to where it was).
  const found = rows.findIndex((row) => row.id === state.currentId);
  const currentIndex =
    found >= 0
      ? found
      : state.currentIndex >= 0
        ? Math.min(state.currentIndex, rows.length - 1)
        : -1;
  const current = currentIndex >= 0 ? rows[currentIndex] : undefined;

  // The selected rows as the page now has them (a row approved since it was ticked says so).
  const selectedRows = Object.values(state.selected).map(
    (row) => rows.find((shown) => shown.id === row.id) ?? row,
  );
  const selection: Selection = state.allMatching
    ? { kind: 'filter', count: totals.data?.count ?? 0 }
    : { kind: 'rows', rows: selectedRows };

  const toggle = useCallback(
    (row: LineItem) =>
      update((state) => {
        const selected = { ...state.selected };
        if (selected[row.id]) delete selected[row.id];
        else selected[row.id] = row;
        return { selected, allMatching: false };
      }),
    [update],
  );
  const togglePage = (on: boolean) =>
    update((state) => {
      const selected = { ...state.selected };
      for (const row of rows) {
        if (on) selected[row.id] = row;
        else delete selected[row.id];
      }
      return { selected, allMatching: false };
    });

  const approveOne = useMutation({
    mutationFn: (row: LineItem) =>
      ok(
        api.POST('/api/v1/line-items/{id}/approve', {
          params: { path: { id: row.id } },
          body: { version: row.version },
        }),
      ),
    onSuccess: (item) => notify(`Approved item ${item.id}.`),
    onError: (error) => notify(`Not approved: ${error.message}`, 'error'),
    onSettled: () => void refresh(),
  });

  // The queue's keys, outside text fields and dialogs: j/k move, x selects, a approves,
  // Enter opens the current row. Bound again at each render, so they see its rows.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      if (document.querySelector('dialog[open]')) return;
      const move = (index: number) => {
        const row = rows[index];
        if (row) update(() => ({ currentId: row.id, currentIndex: index }));
      };
      switch (event.key) {
        case 'j':
          move(Math.min(currentIndex + 1, rows.length - 1));
          break;
        case 'k':
          move(Math.max(currentIndex - 1, 0));
          break;
        case 'x':
          if (current && canAct) toggle(current);
          break;
        case 'a':
          if (!current || !canAct) return;
          if (allows('approve', current)) approveOne.mutate(current);
          else
            notify(
              `Item ${current.id} cannot be approved: it is ${whyNot('approve', current)}.`,
              'error',
            );
          break;
        case 'Enter':
          if (!current || target?.closest('a, button, summary')) return;
          navigate(detailHref(current.id));
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const currentId = current?.id;
  useEffect(() => {
    if (currentId !== undefined) {
      document
        .querySelector(`tr[data-item-id="${currentId}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    }
  }, [currentId]);

  const allOnPage = rows.length > 0 && rows.every((row) => state.selected[row.id]);
  const someOnPage = rows.some((row) => state.selected[row.id]);
  const columns = useQueueColumns({
    byId,
    canAct,
    detailHref,
    isSelected: (id) => state.allMatching || Boolean(state.selected[id]),
    toggle,
    header: { all: allOnPage || state.allMatching, some: someOnPage, toggle: togglePage },
  });
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
  });

  const pageNumber = state.cursors.length;
  const first = (pageNumber - 1) * PAGE_SIZE + 1;
  return (
    <Page
      title="Review"
      intro="Check each call's charge before it is billed: approve it, reject it, or correct it."
      actions={
        <Link href="/review/matters" className="button">
          Matters to correct
        </Link>
      }
    >
      <QueueFilters filter={filter} sources={sources} onChange={setFilter} />
      {sourcesError && <ErrorNotice error={sourcesError} />}
      {/* A bad filter is said once, by the page's own request. */}
      <QueueTotals totals={totals.data} error={page.error ? null : totals.error} />
      {canAct && (
        <BulkBar
          selection={selection}
          filter={filter}
          matching={totals.data?.count}
          onSelectMatching={() => update(() => ({ allMatching: true }))}
          onClear={() => update(() => ({ selected: {}, allMatching: false }))}
        />
      )}
      {page.error ? (
        <ErrorNotice error={page.error} retry={() => void page.refetch()} />
      ) : (
        <>
          <div className="table-wrap review-table-wrap">
            <table
              className={`data review-table${busy && rows.length > 0 ? ' is-stale' : ''}`}
              data-filter={filterKey}
              aria-busy={busy ? 'true' : 'false'}
              aria-label="Line items"
              aria-describedby="review-keys"
            >
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
                {loading ? (
                  <tr>
                    <td colSpan={columns.length} className="review-table-state">
                      <span className="spinner" aria-hidden="true" />
                      Loading the items…
                    </td>
                  </tr>
                ) : rows.length === 0 ? (
                  <tr>
                    <td colSpan={columns.length} className="review-table-state">
                      <p className="state-title">No items match this filter.</p>
                      {filterKey && (
                        <button type="button" onClick={() => setFilter({})}>
                          Clear the filter
                        </button>
                      )}
                    </td>
                  </tr>
                ) : (
                  table.getRowModel().rows.map((row, index) => {
                    const item = row.original;
                    const isCurrent = index === currentIndex;
                    const isSelected = state.allMatching || Boolean(state.selected[item.id]);
                    return (
                      <tr
                        key={row.id}
                        data-item-id={item.id}
                        className={
                          [isCurrent && 'is-current', isSelected && 'is-selected']
                            .filter(Boolean)
                            .join(' ') || undefined
                        }
                        aria-current={isCurrent ? 'true' : undefined}
                        onClick={() => update(() => ({ currentId: item.id, currentIndex: index }))}
                      >
                        {row.getVisibleCells().map((cell) => (
                          <td key={cell.id} className={classOf(cell.column.columnDef.meta)}>
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </td>
                        ))}
                      </tr>
                    );
                  })
                )}
              </tbody>
            </table>
          </div>
          <nav className="review-pager" aria-label="Pages of items">
            <button
              type="button"
              disabled={pageNumber === 1 || busy}
              onClick={() =>
                update((state) => ({
                  cursors: state.cursors.slice(0, -1),
                  currentIndex: -1,
                  currentId: null,
                }))
              }
            >
              Previous
            </button>
            <span className="muted">
              {rows.length > 0 &&
                `Items ${first}–${first + rows.length - 1}${
                  totals.data ? ` of ${totals.data.count}` : ''
                }`}
            </span>
            <button
              type="button"
              disabled={!page.data?.nextCursor || busy}
              onClick={() =>
                update((state) => ({
                  cursors: [...state.cursors, page.data!.nextCursor],
                  currentIndex: -1,
                  currentId: null,
                }))
              }
            >
              Next page
            </button>
          </nav>
        </>
      )}
      <p id="review-keys" className="review-keys muted">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> next and previous row
        {canAct && (
          <>
            , <kbd>x</kbd> select it, <kbd>a</kbd> approve it
          </>
        )}
        , <kbd>Enter</kbd> open it.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {current
          ? `Current row: item ${current.id}, ${current.billingAccount ?? 'no billing account'}, ${current.amount} ${current.currency}, ${current.status}${state.selected[current.id] ? ', selected' : ''}.`
          : ''}
      </p>
    </Page>
  );
}

/** A column's class (numbers right-aligned, times unbroken), kept in its `meta`. */
const classOf = (meta: unknown) => (meta as { className?: string } | undefined)?.className;

/** The queue's columns, with the selection column for the roles that act. */
function useQueueColumns({
  byId,
  canAct,
  detailHref,
  isSelected,
  toggle,
  header,
}: {
  byId: Map<number, Source>;
  canAct: boolean;
  detailHref: (id: number) => string;
  isSelected: (id: number) => boolean;
  toggle: (row: LineItem) => void;
  header: { all: boolean; some: boolean; toggle: (on: boolean) => void };
}): ColumnDef<LineItem>[] {
  const zones = new Set([...byId.values()].map((source) => source.timezone));
  const oneZone = zones.size === 1 ? [...zones][0] : null;
  const columns: ColumnDef<LineItem>[] = [
    {
      id: 'time',
      header: oneZone ? `Time (${oneZone})` : "Time (source's zone)",
      cell: ({ row }) => (
        <Link href={detailHref(row.original.id)} className="review-open">
          <span className="visually-hidden">Item {row.original.id}, </span>
          {formatTime(row.original.startTime, zoneOf(byId, row.original.sourceId))}
        </Link>
      ),
      meta: { className: 'nowrap' },
    },
    {
      id: 'source',
      header: 'Source',
      cell: ({ row }) => {
        const name = byId.get(row.original.sourceId)?.name ?? `Source ${row.original.sourceId}`;
        return <span title={name}>{name}</span>;
      },
      meta: { className: 'clip' },
    },
    {
      id: 'billingAccount',
      header: 'Billing account',
      cell: ({ row }) => row.original.billingAccount ?? <span className="badge warn">None</span>,
      meta: { className: 'nowrap' },
    },
    {
      id: 'extension',
      header: 'Extension',
      cell: ({ row }) => row.original.extension ?? <Blank />,
    },
    {
      id: 'dialed',
      header: 'Dialed number',
      cell: ({ row }) =>
        row.original.dialedNumber ??
        (row.original.calls > 1 ? (
          <span className="muted">{row.original.calls} calls</span>
        ) : (
          <Blank />
        )),
      meta: { className: 'nowrap' },
    },
    {
      id: 'destination',
      header: 'Destination',
      cell: ({ row }) => row.original.destinationClass ?? <Blank />,
      meta: { className: 'nowrap' },
    },
    {
      id: 'duration',
      header: 'Duration',
      cell: ({ row }) => formatDuration(row.original.talkSeconds),
      meta: { className: 'num' },
    },
    {
      id: 'amount',
      header: 'Amount',
      cell: ({ row }) => (
        <>
          <Money amount={row.original.amount} currency={row.original.currency} />
          {row.original.adjusted && (
            <span className="review-adjusted" title={`Rated ${row.original.ratedAmount}`}>
              {' '}
              adjusted
            </span>
          )}
        </>
      ),
      meta: { className: 'num' },
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    },
  ];
  if (!canAct) return columns;
  return [
    {
      id: 'select',
      header: () => (
        <input
          type="checkbox"
          aria-label="Select every row on this page"
          checked={header.all}
          ref={(box) => {
            if (box) box.indeterminate = !header.all && header.some;
          }}
          onChange={(event) => header.toggle(event.target.checked)}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select item ${row.original.id}`}
          checked={isSelected(row.original.id)}
          onChange={() => toggle(row.original)}
          onClick={(event) => event.stopPropagation()}
        />
      ),
      meta: { className: 'select' },
    },
    ...columns,
  ];
}

function Blank() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </span>
  );
}

/** The count and sums of everything the filter matches, per currency. */
function QueueTotals({
  totals,
  error,
}: {
  totals:
    | {
        count: number;
        byCurrency: {
          currency: string;
          count: number;
          amount: string;
          tax: string;
          total: string;
        }[];
      }
    | undefined;
  error: Error | null;
}) {
  if (error) return <ErrorNotice error={error} />;
  return (
    <div className="review-totals" aria-live="polite">
      {totals === undefined ? (
        <span className="muted">Counting the items that match…</span>
      ) : (
        <>
          <span>
            <strong>{items(totals.count)}</strong> match the filter
          </span>
          {totals.byCurrency.map((sum) => (
            <span key={sum.currency} className="review-sum">
              {sum.currency}: <Money amount={sum.amount} currency={sum.currency} /> + tax{' '}
              <Money amount={sum.tax} currency={sum.currency} /> ={' '}
              <strong>
                <Money amount={sum.total} currency={sum.currency} />
              </strong>
            </span>
          ))}
        </>
      )}
    </div>
  );
}
