import { useQueries } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, ok, type Schema } from '../api/client';
import { Money } from '../ui/money';
import { Page } from '../ui/page';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import { Time } from '../ui/time';
import {
  count,
  lagText,
  RunStatus,
  useSources,
  useSyncRuns,
  zoneLabel,
  type Source,
  type SyncRun,
} from './admin/common';

/** The statuses of items that wait for a reviewer. */
const WAITING = ['pending', 'needs-review'];

/** How many of a source's latest runs the overview sums up. */
const RECENT_RUNS = 10;

type Totals = Schema<'LineItemTotalsView'>;

export default function Overview() {
  const sources = useSources();
  const runs = useSyncRuns(undefined, 200);
  const waiting = useQueries({
    queries: (sources.data ?? []).map((source) => ({
      queryKey: ['line-item-totals', { sourceId: source.id, status: WAITING }],
      queryFn: () =>
        ok(
          api.GET('/api/v1/line-items', {
            params: { query: { sourceId: source.id, status: WAITING, limit: 1 } },
            querySerializer: { array: { style: 'form', explode: false } },
          }),
        ).then((page) => page.totals),
    })),
  });

  return (
    <Page
      title="Overview"
      intro="How each source is syncing, what went wrong lately, and what waits for review."
    >
      {sources.isPending ? (
        <Loading what="Reading the sources" />
      ) : sources.isError ? (
        <ErrorNotice error={sources.error} retry={() => void sources.refetch()} />
      ) : sources.data.length === 0 ? (
        <Empty title="No source yet.">
          <p>
            Add a <Link href="/sources">source</Link> to pull calls from Xima.
          </p>
        </Empty>
      ) : (
        <section className="card" aria-labelledby="sources-title">
          <h2 id="sources-title">Sources</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Last sync</th>
                  <th scope="col" className="num">
                    Behind by
                  </th>
                  <th scope="col">Latest {RECENT_RUNS} runs</th>
                  <th scope="col" className="num">
                    Waiting for review
                  </th>
                  <th scope="col" className="num">
                    Their sum
                  </th>
                </tr>
              </thead>
              <tbody>
                {sources.data.map((source, index) => (
                  <SourceRow
                    key={source.id}
                    source={source}
                    runs={(runs.data ?? []).filter((run) => run.sourceId === source.id)}
                    waiting={waiting[index]?.data}
                    waitingError={waiting[index]?.isError ?? false}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <p className="table-note">
            Times in each source&apos;s zone. &ldquo;Behind by&rdquo; is how far before now the
            source is synced up to.
          </p>
        </section>
      )}
    </Page>
  );
}

function SourceRow({
  source,
  runs,
  waiting,
  waitingError,
}: {
  source: Source;
  runs: SyncRun[];
  waiting: Totals | null | undefined;
  waitingError: boolean;
}) {
  const last = runs[0];
  const recent = runs.slice(0, RECENT_RUNS);
  const failed = recent.filter((run) => run.status === 'failed').length;
  const unreadable = recent.reduce((sum, run) => sum + run.errors, 0);
  const lag = source.watermark
    ? Math.max(0, Math.round((Date.now() - Date.parse(source.watermark)) / 1000))
    : null;
  return (
    <tr>
      <th scope="row">
        <Link href={`/sources/${source.id}`}>{source.name}</Link>
        <div className="muted small">{zoneLabel(source.timezone)}</div>
      </th>
      <td className="nowrap">
        {last ? (
          <>
            <RunStatus status={last.status} />{' '}
            <Link href={`/sync-runs/${last.id}`}>
              <Time instant={last.startedAt} timeZone={source.timezone} />
            </Link>
          </>
        ) : (
          <span className="muted">never</span>
        )}
      </td>
      <td className="num">{lag === null ? '—' : lagText(lag)}</td>
      <td>
        {recent.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <>
            {failed > 0 ? (
              <span className="badge bad">{failed} failed</span>
            ) : (
              <span className="badge good">none failed</span>
            )}{' '}
            {unreadable > 0 ? (
              <span className="badge warn">{count(unreadable)} unreadable rows</span>
            ) : null}
          </>
        )}
      </td>
      <td className="num">
        {waitingError ? (
          <span className="muted">could not be read</span>
        ) : waiting ? (
          <Link href={`/review?status=${WAITING.join(',')}&sourceId=${source.id}`}>
            {count(waiting.count)}
          </Link>
        ) : (
          '…'
        )}
      </td>
      <td className="num">
        {waiting?.byCurrency.length ? (
          waiting.byCurrency.map((sum) => (
            <div key={sum.currency}>
              <Money amount={sum.total} currency={sum.currency} />
            </div>
          ))
        ) : waiting ? (
          <span className="muted">—</span>
        ) : null}
      </td>
    </tr>
  );
}
