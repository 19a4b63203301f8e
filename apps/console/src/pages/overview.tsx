import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'wouter';
import { api, ok, type Schema } from '../api/client';
import { minorToDecimal } from '../ui/format';
import { Money } from '../ui/money';
import { Page } from '../ui/page';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import { Time } from '../ui/time';
import { Choice, count, lagText, RunStatus, zoneLabel } from './admin/common';
import { currenciesOf, DailyChart, DailyTable, type Day } from './admin/daily-chart';

type SourceOverview = Schema<'SourceOverviewView'>;
type TopRow = Schema<'TopRowView'>;
type Amounts = { currency: string; amountMinor: number }[];

const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dayText = (date: string) => longDay.format(new Date(`${date}T00:00:00Z`));

export default function Overview() {
  const [params, setParams] = useSearchParams();
  const sourceId = Number(params.get('source')) || undefined;
  const sources = useQuery({
    queryKey: ['overview', 'sources'],
    queryFn: () => ok(api.GET('/api/v1/overview/sources')),
    refetchInterval: 60_000,
  });
  const list = sources.data?.sources ?? [];
  const chosen = list.find((source) => source.sourceId === sourceId);

  return (
    <Page
      title="Overview"
      intro="How each source is syncing, what waits for review, and the calls and charges of the last 30 days."
    >
      <div className="stack">
        <section className="card" aria-labelledby="sources-title">
          <h2 id="sources-title">Sources</h2>
          {sources.isPending ? (
            <Loading what="Reading the sources" />
          ) : sources.isError ? (
            <ErrorNotice error={sources.error} retry={() => void sources.refetch()} />
          ) : list.length === 0 ? (
            <Empty title="No source yet.">
              <p>
                Add a <Link href="/sources">source</Link> to pull calls from Xima.
              </p>
            </Empty>
          ) : (
            <SourcesTable sources={list} />
          )}
        </section>

        <section className="card" aria-labelledby="daily-title">
          <div className="section-head">
            <h2 id="daily-title">Calls and charges per day</h2>
            <div className="filters compact">
              <Choice
                label="Source"
                value={sourceId ?? ''}
                onChange={(event) =>
                  setParams(event.target.value ? { source: event.target.value } : {}, {
                    replace: true,
                  })
                }
              >
                <option value="">Every source</option>
                {list.map((source) => (
                  <option key={source.sourceId} value={source.sourceId}>
                    {source.name}
                  </option>
                ))}
              </Choice>
            </div>
          </div>
          <Daily sourceId={sourceId} zone={chosen?.timeZone} />
        </section>

        <div className="two-columns">
          <TopList by="billing-account" title="Top billing accounts" sourceId={sourceId} />
          <TopList by="destination" title="Top destinations" sourceId={sourceId} />
        </div>
      </div>
    </Page>
  );
}

function SourcesTable({ sources }: { sources: SourceOverview[] }) {
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Last sync</th>
              <th scope="col" className="num">
                Behind by
              </th>
              <th scope="col">Latest runs</th>
              <th scope="col" className="num">
                Waiting for review
              </th>
              <th scope="col" className="num">
                Their sum
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.sourceId}>
                <th scope="row">
                  <Link href={`/sources/${source.sourceId}`}>{source.name}</Link>
                  <div className="muted small">
                    {zoneLabel(source.timeZone)}
                    {source.enabled ? '' : ' · disabled'}
                  </div>
                </th>
                <td>
                  {source.lastRun ? (
                    <>
                      <RunStatus status={source.lastRun.status} />{' '}
                      <Link href={`/sync-runs/${source.lastRun.id}`}>
                        <Time instant={source.lastRun.startedAt} timeZone={source.timeZone} />
                      </Link>
                      {source.lastRun.error && (
                        <div className="field-error small">{source.lastRun.error}</div>
                      )}
                    </>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td className="num">
                  {source.lagSeconds === null ? '—' : lagText(source.lagSeconds)}
                </td>
                <td>
                  {source.recentRuns.total === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <>
                      <span className="muted">
                        {source.recentRuns.total === 1
                          ? '1 run'
                          : `${source.recentRuns.total} runs`}
                        :{' '}
                      </span>
                      {source.recentRuns.failed > 0 ? (
                        <span className="badge bad">{source.recentRuns.failed} failed</span>
                      ) : (
                        <span className="badge good">none failed</span>
                      )}{' '}
                      {source.recentRuns.unreadableRows > 0 && (
                        <span className="badge warn">
                          {count(source.recentRuns.unreadableRows)} unreadable rows
                        </span>
                      )}
                    </>
                  )}
                </td>
                <td className="num">
                  <Link href={`/review?status=pending,needs-review&sourceId=${source.sourceId}`}>
                    {count(source.pending.items)}
                  </Link>
                  {source.pending.needsReview > 0 && (
                    <div className="muted small">
                      {count(source.pending.needsReview)} need review
                    </div>
                  )}
                </td>
                <td className="num">
                  <AmountList amounts={source.pending.byCurrency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note">
        Times in each source&apos;s zone. &ldquo;Behind by&rdquo; is how far before now a source is
        synced up to; the sums are billed amounts before tax.
      </p>
    </>
  );
}

function AmountList({ amounts }: { amounts: Amounts }) {
  if (amounts.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {amounts.map((sum) => (
        <div key={sum.currency}>
          <Money amount={minorToDecimal(sum.amountMinor, sum.currency)} currency={sum.currency} />
        </div>
      ))}
    </>
  );
}

function Daily({ sourceId, zone }: { sourceId?: number; zone?: string }) {
  const daily = useQuery({
    queryKey: ['overview', 'daily', { sourceId }],
    queryFn: () => ok(api.GET('/api/v1/overview/daily', { params: { query: { sourceId } } })),
  });
  if (daily.isPending) return <Loading what="Reading the days" />;
  if (daily.isError) {
    return <ErrorNotice error={daily.error} retry={() => void daily.refetch()} />;
  }
  const { days, from, to } = daily.data;
  const period = `${dayText(from)} to ${dayText(to)}`;
  const where = zone ? `days in ${zoneLabel(zone)}` : "days in each source's zone";
  if (days.every((day) => day.calls === 0 && day.byCurrency.length === 0)) {
    return <Empty title={`No calls from ${period}.`} />;
  }
  return (
    <>
      <p className="card-intro">
        {period}, {where}. Charges are billed amounts before tax of items not rejected, one line a
        currency.
      </p>
      <DailyChart days={days} label={summary(days, period)} />
      <details className="numbers">
        <summary>The numbers, day by day</summary>
        <DailyTable days={days} />
      </details>
    </>
  );
}

/** What the chart shows, in a sentence for a screen reader. */
function summary(days: Day[], period: string): string {
  const calls = days.reduce((sum, day) => sum + day.calls, 0);
  const busiest = days.reduce((best, day) => (day.calls > best.calls ? day : best), days[0]);
  const charges = currenciesOf(days).map((currency) => {
    const minor = days.reduce(
      (sum, day) => sum + (day.byCurrency.find((c) => c.currency === currency)?.amountMinor ?? 0),
      0,
    );
    return `${minorToDecimal(minor, currency)} ${currency}`;
  });
  return (
    `Chart of calls and charges per day, ${period}: ${count(calls)} calls in all, ` +
    `most on ${dayText(busiest.date)} (${count(busiest.calls)}); charges ${charges.join(', ') || 'none'}. ` +
    'The table below has every day.'
  );
}

function TopList({
  by,
  title,
  sourceId,
}: {
  by: 'billing-account' | 'destination';
  title: string;
  sourceId?: number;
}) {
  const top = useQuery({
    queryKey: ['overview', 'top', { by, sourceId }],
    queryFn: () =>
      ok(api.GET('/api/v1/overview/top', { params: { query: { by, sourceId, limit: 10 } } })),
  });
  const id = `top-${by}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {top.isPending ? (
        <Loading />
      ) : top.isError ? (
        <ErrorNotice error={top.error} retry={() => void top.refetch()} />
      ) : top.data.rows.length === 0 ? (
        <Empty title="Nothing billed in these 30 days." />
      ) : (
        <>
          <p className="card-intro">
            {dayText(top.data.from)} to {dayText(top.data.to)}, by charges.
          </p>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">
                    {by === 'billing-account' ? 'Billing account' : 'Destination'}
                  </th>
                  <th scope="col" className="num">
                    Calls
                  </th>
                  <th scope="col" className="num">
                    Charges
                  </th>
                </tr>
              </thead>
              <tbody>
                {top.data.rows.map((row) => (
                  <tr key={row.key ?? '(none)'}>
                    <td>
                      <TopLabel row={row} by={by} sourceId={sourceId} />
                    </td>
                    <td className="num">{count(row.calls)}</td>
                    <td className="num">
                      <AmountList amounts={row.byCurrency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function TopLabel({
  row,
  by,
  sourceId,
}: {
  row: TopRow;
  by: 'billing-account' | 'destination';
  sourceId?: number;
}) {
  if (by !== 'billing-account' || row.key === null) return <>{row.label}</>;
  const query = new URLSearchParams({ billingAccount: row.key });
  if (sourceId) query.set('sourceId', String(sourceId));
  return <Link href={`/review?${query.toString()}`}>{row.label}</Link>;
}
