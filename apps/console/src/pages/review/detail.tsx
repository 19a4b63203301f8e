import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { Can } from '../../api/session';
import { formatDuration, formatTime, minorToDecimal } from '../../ui/format';
import { Money } from '../../ui/money';
import { Page } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/states';
import { statusLabel, type LineItemDetail } from './filter';
import { ConflictNotice, ItemActions, type Conflict } from './item-actions';
import { useSources, zoneOf } from './sources';
import { StayAndPostings } from './stay-postings';
import { StatusBadge } from './status-badge';

/** One item: what it bills and why, the Xima row it came from, its history, and the actions. */
export function ItemDetail({ id }: { id: number }) {
  const search = useSearch();
  const back = `/review${search ? `?${search}` : ''}`;
  const { byId, pending: sourcesPending } = useSources();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [, navigate] = useLocation();
  // Escape goes back to the queue (outside text fields and dialogs, which use it themselves).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (
        target?.closest('input, textarea, select, dialog') ||
        document.querySelector('dialog[open]')
      ) {
        return;
      }
      navigate(back);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, back]);
  const detail = useQuery({
    queryKey: ['line-item', id],
    queryFn: () => ok(api.GET('/api/v1/line-items/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
  const backLink = (
    <Link href={back} className="button" aria-keyshortcuts="Escape">
      ← Back to the queue <kbd aria-hidden="true">Esc</kbd>
    </Link>
  );
  if (detail.isPending || sourcesPending) {
    return (
      <Page title={`Item ${id}`} actions={backLink}>
        <Loading what="Loading the item" />
      </Page>
    );
  }
  if (detail.isError) {
    return (
      <Page title={`Item ${id}`} actions={backLink}>
        <ErrorNotice error={detail.error} retry={() => void detail.refetch()} />
      </Page>
    );
  }
  const item = detail.data;
  const zone = zoneOf(byId, item.sourceId);
  const source = byId.get(item.sourceId);
  return (
    <Page title={`Item ${item.id}`} intro={<Intro item={item} zone={zone} />} actions={backLink}>
      <div className="item-head card">
        <div className="item-head-facts">
          <StatusBadge status={item.status} />
          <span className="item-amount">
            <Money amount={item.amount} currency={item.currency} />
          </span>
          {item.adjusted && (
            <span className="muted">
              adjusted; rated <Money amount={item.ratedAmount} currency={item.currency} />
            </span>
          )}
          <span className="muted">version {item.version}</span>
        </div>
        <Can role="accountant">
          <ItemActions
            item={item}
            stale={conflict !== null}
            onConflict={setConflict}
            onDone={() => setConflict(null)}
          />
        </Can>
      </div>
      {conflict && (
        <ConflictNotice
          conflict={conflict}
          seen={item}
          onReload={async () => {
            await detail.refetch();
            setConflict(null);
          }}
        />
      )}
      {(item.stay !== null || item.postings.length > 0) && (
        <StayAndPostings item={item} zone={zone} />
      )}
      <div className="item-grid">
        <section className="card" aria-labelledby="item-charge">
          <h2 id="item-charge">The charge</h2>
          <dl className="facts">
            <Fact term="Billing account">
              {item.billingAccount ?? <span className="badge warn">None: assign one</span>}
            </Fact>
            <Fact term="Source">{source?.name ?? `Source ${item.sourceId}`}</Fact>
            <Fact term={`Time (${zone})`}>{formatTime(item.startTime, zone)}</Fact>
            <Fact term="Extension">{item.extension}</Fact>
            <Fact term="Account code">{item.accountCode}</Fact>
            <Fact term="Dialed number">{item.dialedNumber}</Fact>
            <Fact term="Normalised number">{item.normalizedNumber}</Fact>
            <Fact term="Destination">
              {item.destinationClass &&
                `${item.destinationClass}${item.destinationPrefix ? ` (prefix ${item.destinationPrefix})` : ''}`}
            </Fact>
            <Fact term="Time band">{item.timeBand}</Fact>
            <Fact term="Talk time">
              {formatDuration(item.talkSeconds)}
              {item.billedSeconds !== item.talkSeconds &&
                `, billed ${formatDuration(item.billedSeconds)}`}
            </Fact>
            {item.calls !== 1 && <Fact term="Calls">{String(item.calls)}</Fact>}
            <Fact term="Amount">
              <Money amount={item.amount} currency={item.currency} />
            </Fact>
            {item.taxes.map((tax) => (
              <Fact key={tax.name} term={`${tax.name} (${tax.ratePercent}%)`}>
                <Money amount={tax.amount} currency={item.currency} />
              </Fact>
            ))}
            <Fact term="Total">
              <strong>
                <Money amount={item.total} currency={item.currency} />
              </strong>
            </Fact>
            <Fact term="Rating's note">{item.reason}</Fact>
            <Fact term="Reviewer's reason">{item.reviewReason}</Fact>
            {item.invoiceId !== null && (
              <Fact term="Invoice">
                <Link href={`/invoices/${item.invoiceId}`}>Invoice {item.invoiceId}</Link>
              </Fact>
            )}
          </dl>
        </section>
        <Breakdown item={item} />
        <XimaRow item={item} zone={zone} />
        <History item={item} zone={zone} />
      </div>
    </Page>
  );
}

function Intro({ item, zone }: { item: LineItemDetail; zone: string }) {
  const when = formatTime(item.startTime, zone);
  if (item.extension || item.dialedNumber) {
    return (
      <>
        A call{item.extension ? ` from extension ${item.extension}` : ''}
        {item.dialedNumber ? ` to ${item.dialedNumber}` : ''}, {when}.
      </>
    );
  }
  return (
    <>
      {item.calls} call{item.calls === 1 ? '' : 's'} on account code {item.accountCode ?? '—'}, from{' '}
      {when}.
    </>
  );
}

/** A term and its value; an empty value shows as a dash. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  const empty =
    children === null || children === undefined || children === '' || children === false;
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}

const RATE_TERMS: Record<string, string> = {
  connectFee: 'Connect fee',
  perMinute: 'Per minute',
  perCall: 'Per call',
  firstIncrementSeconds: 'First increment (s)',
  incrementSeconds: 'Then increments of (s)',
  minimumCharge: 'Minimum charge',
  maximumCharge: 'Maximum charge',
  markupPercent: 'Markup (%)',
};

/** How rating priced the item, step by step, as the API wrote it down at rating time. */
function Breakdown({ item }: { item: LineItemDetail }) {
  const breakdown = item.breakdown as {
    explanation?: string;
    rate?: Record<string, string | number | null> | null;
    taxes?: { name: string; ratePercent: string; amountMinor: number }[];
    currency?: string;
    reason?: string | null;
  };
  const steps = breakdown.explanation ? breakdown.explanation.split('; ') : [];
  const rate = breakdown.rate ?? null;
  return (
    <section className="card" aria-labelledby="item-breakdown">
      <h2 id="item-breakdown">How the charge was computed</h2>
      {steps.length > 0 ? (
        <ol className="breakdown-steps">
          {steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">
          Rating priced nothing here{breakdown.reason ? `: ${breakdown.reason}` : ''}.
        </p>
      )}
      {item.adjusted && (
        <p className="notice-inline">
          A reviewer set the amount to {item.amount} {item.currency} (rating gave {item.ratedAmount}
          ); taxes were computed again on it.
        </p>
      )}
      {rate && (
        <>
          <h3>The rate applied</h3>
          <dl className="facts compact">
            {Object.entries(rate)
              .filter(([, value]) => value !== null)
              .map(([key, value]) => (
                <Fact key={key} term={RATE_TERMS[key] ?? key}>
                  {String(value)}
                </Fact>
              ))}
          </dl>
        </>
      )}
      {breakdown.taxes && breakdown.taxes.length > 0 && breakdown.currency && (
        <>
          <h3>Taxes at rating</h3>
          <ul className="plain">
            {breakdown.taxes.map((tax) => (
              <li key={tax.name}>
                {tax.name} {tax.ratePercent}%:{' '}
                <Money
                  amount={minorToDecimal(tax.amountMinor, breakdown.currency!)}
                  currency={breakdown.currency!}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">
        Plan{' '}
        {String((item.planVersion.plan as { name?: string } | undefined)?.name ?? item.ratePlanId)},
        version {item.ratePlanVersion}.
      </p>
    </section>
  );
}

const RECORD_TERMS: Record<string, string> = {
  kind: 'Kind',
  callId: 'Call id',
  startTime: 'Started',
  direction: 'Direction',
  extension: 'Extension',
  dialedNumber: 'Dialed number',
  talkMs: 'Talk time',
  accountCode: 'Account code',
  periodStart: 'Period from',
  periodEnd: 'Period to',
  calls: 'Calls',
  totalTalkMs: 'Total talk time',
  syncRunId: 'Sync run',
};

/** The call record (or account-code summary) Xima sent, with its raw row, cell by cell. */
function XimaRow({ item, zone }: { item: LineItemDetail; zone: string }) {
  const record = item.sourceRecord as Record<string, unknown> & {
    raw?: { values?: Record<string, { value: unknown; formattedValue?: string }> };
  };
  const cells = Object.entries(record.raw?.values ?? {});
  const shown = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return null;
    if (key === 'startTime' || key === 'periodStart' || key === 'periodEnd') {
      return formatTime(text(value), zone);
    }
    if (key === 'talkMs' || key === 'totalTalkMs') {
      return formatDuration(Math.round(Number(value) / 1000));
    }
    if (key === 'syncRunId')
      return <Link href={`/sync-runs/${text(value)}`}>Run {text(value)}</Link>;
    return text(value);
  };
  return (
    <section className="card" aria-labelledby="item-xima">
      <h2 id="item-xima">The Xima row it came from</h2>
      <dl className="facts compact">
        {Object.entries(RECORD_TERMS)
          .filter(([key]) => key in record)
          .map(([key, term]) => (
            <Fact key={key} term={term}>
              {shown(key, record[key])}
            </Fact>
          ))}
      </dl>
      {cells.length > 0 && (
        <div className="table-wrap">
          <table className="data compact">
            <caption className="visually-hidden">The row's cells as Xima sent them</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Column
                </th>
                <th scope="col">Value</th>
                <th scope="col">As Xima shows it</th>
              </tr>
            </thead>
            <tbody>
              {cells.map(([column, cell]) => (
                <tr key={column}>
                  <td className="num">{column}</td>
                  <td className="break">{text(cell.value)}</td>
                  <td>{cell.formattedValue ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface HistoryEvent {
  id: number;
  occurredAt: string;
  actor: { name: string };
  action: string;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
  reason: string | null;
}

const CHANGE_TERMS: Record<string, string> = {
  status: 'status',
  billingAccount: 'billing account',
  amount: 'amount',
  tax: 'tax',
  total: 'total',
  ratedAmount: 'rated amount',
  ratePlanVersion: 'plan version',
};

/** Who did what to the item and why, oldest first (its audit events). */
function History({ item, zone }: { item: LineItemDetail; zone: string }) {
  const events = item.history as unknown as HistoryEvent[];
  return (
    <section className="card" aria-labelledby="item-history">
      <h2 id="item-history">History</h2>
      {events.length === 0 ? (
        <p className="muted">Nobody has acted on this item: it is as rating made it.</p>
      ) : (
        <ol className="history">
          {events.map((event) => (
            <li key={event.id}>
              <p className="history-head">
                <strong>{actionLabel(event.action)}</strong> by {event.actor.name},{' '}
                <span className="muted">{formatTime(event.occurredAt, zone)}</span>
              </p>
              <ul className="plain history-changes">
                {changes(event).map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
              {event.reason && <p className="history-reason">“{event.reason}”</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What happened to the item's postings, in the night auditor's words. */
const POSTING_ACTIONS: Record<string, string> = {
  'posting.posted': 'Posted to the guest folio',
  'posting.exception': 'Posting exception',
  'posting.retry': 'Posting retried',
  'posting.reroute': 'Posting rerouted',
  'posting.post-late': 'Posted late (queued)',
  'posting.write-off': 'Posting written off',
  'posting.correct': 'Posting corrected',
};

function actionLabel(action: string): string {
  if (action in POSTING_ACTIONS) return POSTING_ACTIONS[action];
  const name = action.replace(/^line-item\./, '').replace(/-/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function changes(event: HistoryEvent): string[] {
  const before = event.oldValue ?? {};
  const after = event.newValue ?? {};
  return Object.entries(CHANGE_TERMS)
    .filter(([key]) => key in after && text(before[key]) !== text(after[key]))
    .map(([key, term]) => {
      const show = (value: unknown) =>
        key === 'status' ? statusLabel(text(value)) : value === null ? 'none' : text(value);
      return key in before
        ? `${term}: ${show(before[key])} → ${show(after[key])}`
        : `${term}: ${show(after[key])}`;
    });
}

/** A value of a JSON document as text (objects as JSON). */
function text(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
