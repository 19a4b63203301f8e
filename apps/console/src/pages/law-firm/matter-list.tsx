import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Can } from '../../api/session';
import { Page } from '../../ui/page';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { Choice, count } from '../admin/common';
import { Day, LawFirmBar, lawFirmHref, type LawFirmProps } from './frame';
import { Counts, ImportCard, Revalidated } from './import-card';
import {
  importMatters,
  useMatters,
  useRefreshLawFirm,
  type Matter,
  type MatterFilter,
  type MatterImportSummary,
} from './queries';

const MATTER_COLUMNS = 'clientNumber,clientName,matterNumber,matterName,status,closedDate,billable';

function readFilter(search: string): MatterFilter {
  const params = new URLSearchParams(search);
  const q = params.get('q')?.trim();
  const status = params.get('status');
  return {
    ...(q ? { q } : {}),
    ...(status === 'open' || status === 'closed' ? { status } : {}),
  };
}

function writeFilter(filter: MatterFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  return params.toString();
}

/** A firm's clients and matters, as its time-and-billing system sent them; the list import. */
export function MatterList({ business, firms }: LawFirmProps) {
  const search = useSearch();
  const filter = readFilter(search);
  const [, navigate] = useLocation();
  const refresh = useRefreshLawFirm();
  return (
    <Page
      title="Matters"
      intro="The firm's clients and matters: a call's account code (client-matter) is billed only when it names an open, billable matter of this list."
    >
      <LawFirmBar business={business} firms={firms} tab="" />
      <Can role="accountant">
        <ImportCard<MatterImportSummary>
          title="Import the matter list"
          intro="The list your time-and-billing system exports, as a CSV file. Matters are added or updated by client and matter number; matters the file leaves out are kept. A file with any problem changes nothing."
          columns={MATTER_COLUMNS}
          send={(csv) => importMatters(business.id, csv)}
          onImported={(answer) => {
            void refresh(business.id);
            return `Matter list imported: ${count(answer.total)} matters in the file.`;
          }}
          summary={(answer) => <MatterSummary summary={answer} />}
        />
      </Can>
      <Filters
        filter={filter}
        onShow={(next) => navigate(lawFirmHref('', business.id, writeFilter(next)))}
      />
      {/* A new filter starts again at its first page. */}
      <Matters key={search} businessId={business.id} filter={filter} />
    </Page>
  );
}

function Filters({
  filter,
  onShow,
}: {
  filter: MatterFilter;
  onShow: (filter: MatterFilter) => void;
}) {
  const [q, setQ] = useState(filter.q ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onShow({ ...filter, q: q.trim() || undefined });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Find matters" role="search">
      <div className="field matter-search">
        <label htmlFor="matter-search">Client or matter</label>
        <input
          id="matter-search"
          type="search"
          value={q}
          placeholder="Number, name or 10234-001"
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <Choice
        label="Status"
        value={filter.status ?? ''}
        onChange={(event) =>
          onShow({
            ...filter,
            status: (event.target.value || undefined) as MatterFilter['status'],
          })
        }
      >
        <option value="">Open and closed</option>
        <option value="open">Open</option>
        <option value="closed">Closed</option>
      </Choice>
      <div className="filter-buttons">
        <button type="submit">Find</button>
        {(filter.q || filter.status) && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setQ('');
              onShow({});
            }}
          >
            Every matter
          </button>
        )}
      </div>
    </form>
  );
}

function Matters({ businessId, filter }: { businessId: number; filter: MatterFilter }) {
  const matters = useMatters(businessId, filter);
  if (matters.isPending) return <Loading what="Loading the matters" />;
  if (matters.isError) {
    return <ErrorNotice error={matters.error} retry={() => void matters.refetch()} />;
  }
  const items = matters.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return filter.q || filter.status ? (
      <Empty
        title={`No ${filter.status ?? ''} matters${filter.q ? ` match “${filter.q}”` : ''}.`.replace(
          /\s+/g,
          ' ',
        )}
      />
    ) : (
      <Empty title="The firm has no matters yet.">
        <p>
          Import the matter list from its time-and-billing system (CSV). Until then, the firm's
          account codes are billed when they have the plan's form.
        </p>
      </Empty>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="data matters-table">
          <caption className="visually-hidden">Matters by client and matter number</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Client</th>
              <th scope="col">Matter</th>
              <th scope="col">Status</th>
              <th scope="col">Billable</th>
            </tr>
          </thead>
          <tbody>
            {items.map((matter) => (
              <MatterRow key={matter.id} matter={matter} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="more">
        {matters.hasNextPage ? (
          <button
            type="button"
            onClick={() => void matters.fetchNextPage()}
            disabled={matters.isFetchingNextPage}
          >
            {matters.isFetchingNextPage
              ? 'Loading…'
              : `More matters (${count(items.length)} shown)`}
          </button>
        ) : (
          <p className="table-note">
            {count(items.length)} matter{items.length === 1 ? '' : 's'}.
          </p>
        )}
      </div>
    </>
  );
}

function MatterRow({ matter }: { matter: Matter }) {
  const code = `${matter.clientNumber}-${matter.matterNumber}`;
  return (
    <tr data-matter={code}>
      <th scope="row" className="nowrap">
        <code>{code}</code>
      </th>
      <td>
        <span className="number">{matter.clientNumber}</span> {matter.clientName}
      </td>
      <td>
        <span className="number">{matter.matterNumber}</span> {matter.matterName}
      </td>
      <td className="nowrap">
        {matter.status === 'open' ? (
          <span className="badge good">Open</span>
        ) : (
          <span className="badge muted-badge">
            Closed
            {matter.closedDate ? (
              <>
                {' '}
                <Day day={matter.closedDate} />
              </>
            ) : null}
          </span>
        )}
      </td>
      <td className="nowrap">
        {matter.billable ? 'Yes' : <span className="badge warn">No: not charged</span>}
      </td>
    </tr>
  );
}

const CHANGE_KINDS = [
  { key: 'added', label: 'New matters', tone: 'good-count' },
  { key: 'closed', label: 'Closed', tone: 'warn' },
  { key: 'reopened', label: 'Reopened' },
  { key: 'renamed', label: 'Renamed' },
  { key: 'billableChanged', label: 'Billable changed', tone: 'warn' },
] as const;

/** What a matter import changed, as the billing clerk reads it. */
function MatterSummary({ summary }: { summary: MatterImportSummary }) {
  const changed = CHANGE_KINDS.reduce((sum, kind) => sum + summary[kind.key], 0);
  const listed = CHANGE_KINDS.filter((kind) => summary.codes[kind.key].length > 0);
  return (
    <>
      <p className="import-headline">
        {changed === 0
          ? `Nothing changed: the firm's list already matched the ${count(summary.total)} matters of this file.`
          : `Imported: ${count(summary.total)} matters in the file.`}
      </p>
      <Counts
        entries={[
          ...CHANGE_KINDS.map((kind) => ({
            label: kind.label,
            value: summary[kind.key],
            tone: 'tone' in kind ? kind.tone : undefined,
          })),
          { label: 'Unchanged', value: summary.unchanged, tone: 'plain' },
          { label: 'Kept, not in the file', value: summary.notInFile, tone: 'plain' },
        ]}
      />
      {summary.notInFile > 0 && (
        <p className="muted small">
          Matters not in the file are kept as they were: an import never deletes a matter.
        </p>
      )}
      <Revalidated {...summary.revalidated} />
      {(listed.length > 0 || summary.codes.notInFile.length > 0) && (
        <details className="numbers">
          <summary>Which matters</summary>
          <dl className="props">
            {[...listed, { key: 'notInFile' as const, label: 'Kept, not in the file' }]
              .filter((kind) => summary.codes[kind.key].length > 0)
              .map((kind) => (
                <div key={kind.key} className="props-row">
                  <dt>{kind.label}</dt>
                  <dd>
                    {summary.codes[kind.key].join(', ')}
                    {summary[kind.key] > summary.codes[kind.key].length &&
                      ` and ${count(summary[kind.key] - summary.codes[kind.key].length)} more`}
                  </dd>
                </div>
              ))}
          </dl>
        </details>
      )}
    </>
  );
}
