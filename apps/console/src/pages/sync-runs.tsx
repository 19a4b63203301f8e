import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'wouter';
import { api, ok } from '../api/client';
import { formatDuration } from '../ui/format';
import { Page } from '../ui/page';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import { Time } from '../ui/time';
import {
  Choice,
  count,
  RunStatus,
  runSeconds,
  useSources,
  useSyncRuns,
  type Source,
  type SyncRun,
} from './admin/common';

/** `/sync-runs` (the latest runs, by source) and `/sync-runs/:id` (one run). */
export default function SyncRuns() {
  const { id } = useParams<{ id?: string }>();
  return id === undefined ? <RunList /> : <RunDetail id={Number(id)} />;
}

const TRIGGER_LABEL: Record<string, string> = {
  schedule: 'schedule',
  manual: 'sync now',
  cli: 'command line',
  demo: 'demo start',
};

function RunList() {
  const [params, setParams] = useSearchParams();
  const sourceId = Number(params.get('source')) || undefined;
  const sources = useSources();
  const runs = useSyncRuns(sourceId, 100);
  const sourceOf = (id: number) => sources.data?.find((source) => source.id === id);
  const running = runs.data?.some((run) => run.status === 'running') ?? false;

  return (
    <Page
      title="Sync runs"
      intro="Each pull of calls from Xima: what it fetched, stored and rated, and what it could not read. Times are in each source's zone."
    >
      <div className="filters">
        <Choice
          label="Source"
          value={sourceId ?? ''}
          onChange={(event) =>
            setParams(event.target.value ? { source: event.target.value } : {}, { replace: true })
          }
        >
          <option value="">Every source</option>
          {(sources.data ?? []).map((source) => (
            <option key={source.id} value={source.id}>
              {source.name}
            </option>
          ))}
        </Choice>
        {running && (
          <p className="muted filter-buttons" role="status">
            A run is going on: this list updates by itself.
          </p>
        )}
      </div>
      {runs.isPending ? (
        <Loading what="Reading the sync runs" />
      ) : runs.isError ? (
        <ErrorNotice error={runs.error} retry={() => void runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <Empty title={sourceId ? 'This source has not synced yet.' : 'No sync has run yet.'}>
          <p>
            Runs start on the schedule, or with &ldquo;Sync now&rdquo; on a{' '}
            <Link href="/sources">source</Link>.
          </p>
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Sync runs, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started by</th>
                  <th scope="col">Window</th>
                  <th scope="col">Started</th>
                  <th scope="col" className="num">
                    Took
                  </th>
                  <th scope="col" className="num">
                    Fetched
                  </th>
                  <th scope="col" className="num">
                    New
                  </th>
                  <th scope="col" className="num">
                    Duplicates
                  </th>
                  <th scope="col" className="num">
                    Rated
                  </th>
                  <th scope="col" className="num">
                    No charge
                  </th>
                  <th scope="col" className="num">
                    Needs review
                  </th>
                  <th scope="col" className="num">
                    Unreadable
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.data.map((run) => {
                  const source = sourceOf(run.sourceId);
                  const zone = source?.timezone ?? 'UTC';
                  const seconds = runSeconds(run);
                  return (
                    <tr key={run.id}>
                      <td>
                        <Link href={`/sync-runs/${run.id}`}>#{run.id}</Link>
                      </td>
                      <td className="source-cell">
                        <Link href={`/sources/${run.sourceId}`}>
                          {source?.name ?? `Source ${run.sourceId}`}
                        </Link>
                      </td>
                      <td>
                        <RunStatus status={run.status} />
                      </td>
                      <td className="nowrap">{TRIGGER_LABEL[run.trigger] ?? run.trigger}</td>
                      <td className="nowrap">
                        <Window run={run} timeZone={zone} />
                      </td>
                      <td className="nowrap">
                        <Time instant={run.startedAt} timeZone={zone} />
                      </td>
                      <td className="num">{seconds === null ? '…' : formatDuration(seconds)}</td>
                      <td className="num">{count(run.fetched)}</td>
                      <td className="num">{count(run.inserted)}</td>
                      <td className="num">{count(run.duplicates)}</td>
                      <td className="num">{count(run.rated)}</td>
                      <td className="num">{count(run.noCharge)}</td>
                      <td className="num">{count(run.needsReview)}</td>
                      <td className="num">
                        {run.errors > 0 ? (
                          <span className="badge bad">{count(run.errors)}</span>
                        ) : (
                          0
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="table-note">The latest {runs.data.length} runs, newest first.</p>
        </>
      )}
    </Page>
  );
}

/** A run's window on its source's wall clock. */
function Window({ run, timeZone }: { run: SyncRun; timeZone: string }) {
  return (
    <>
      <Time instant={run.from} timeZone={timeZone} /> –{' '}
      <Time instant={run.to} timeZone={timeZone} />
    </>
  );
}

function RunDetail({ id }: { id: number }) {
  const valid = Number.isInteger(id) && id > 0;
  const run = useQuery({
    queryKey: ['sync-run', id],
    queryFn: () => ok(api.GET('/api/v1/sync-runs/{id}', { params: { path: { id } } })),
    enabled: valid,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1500 : false),
  });
  const sources = useSources();
  if (!valid) {
    return (
      <Page title="Sync run">
        <Empty title="There is no such run.">
          <Link href="/sync-runs">All sync runs</Link>
        </Empty>
      </Page>
    );
  }
  if (run.isPending) return <Loading what="Reading the run" />;
  if (run.isError) {
    return (
      <Page title={`Sync run #${id}`}>
        <ErrorNotice error={run.error} retry={() => void run.refetch()} />
        <Link href="/sync-runs">All sync runs</Link>
      </Page>
    );
  }
  const current = run.data;
  const source: Source | undefined = sources.data?.find((s) => s.id === current.sourceId);
  const zone = source?.timezone ?? 'UTC';
  const seconds = runSeconds(current);
  return (
    <Page
      title={`Sync run #${current.id}`}
      intro={
        <>
          <Link href={`/sources/${current.sourceId}`}>
            {source?.name ?? `Source ${current.sourceId}`}
          </Link>
          {' · started by '}
          {TRIGGER_LABEL[current.trigger] ?? current.trigger} · times in {zone}
        </>
      }
      actions={<Link href="/sync-runs">All sync runs</Link>}
    >
      <div className="stack">
        <section className="card" aria-labelledby="run-state">
          <h2 id="run-state">
            <RunStatus status={current.status} />{' '}
            {current.status === 'running'
              ? 'Running: this page updates by itself'
              : current.status === 'succeeded'
                ? 'Finished'
                : 'Failed'}
          </h2>
          <dl className="props">
            <dt>Window</dt>
            <dd>
              <Window run={current} timeZone={zone} /> (the end not included)
            </dd>
            <dt>Started</dt>
            <dd>
              <Time instant={current.startedAt} timeZone={zone} />
            </dd>
            <dt>Finished</dt>
            <dd>
              <Time instant={current.finishedAt} timeZone={zone} />
            </dd>
            <dt>Took</dt>
            <dd>{seconds === null ? 'still running' : formatDuration(seconds)}</dd>
            <dt>Requests retried</dt>
            <dd>{count(current.retries)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="run-counts">
          <h2 id="run-counts">Counts</h2>
          <dl className="facts">
            <Fact label="Fetched" value={current.fetched} />
            <Fact label="New records" value={current.inserted} />
            <Fact label="Duplicates" value={current.duplicates} />
            <Fact label="Rated" value={current.rated} />
            <Fact label="No charge" value={current.noCharge} />
            <Fact
              label="Needs review"
              value={current.needsReview}
              tone={current.needsReview > 0 ? 'warn' : undefined}
            />
            <Fact
              label="Unreadable rows"
              value={current.errors}
              tone={current.errors > 0 ? 'bad' : undefined}
            />
          </dl>
          <p className="table-note">
            Duplicates were stored by an earlier run. Unreadable rows are rows Xima sent that could
            not be read, or that no version of the rate plan covers; the ledger keeps each with its
            reason (below).
          </p>
        </section>
        {current.errors > 0 && <UnreadableRows run={current} />}
        <section className="card" aria-labelledby="run-messages">
          <h2 id="run-messages">Messages</h2>
          {current.messages.length === 0 ? (
            <p className="muted">
              {current.status === 'failed' ? 'The run left no message.' : 'Nothing to report.'}
            </p>
          ) : (
            <ul className="messages">
              {current.messages.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Page>
  );
}

/** Unreadable rows shown at first, and added by each "Show more" (the API gives up to 1000). */
const FIRST_ERRORS = 25;
const MORE_ERRORS = 100;
const MAX_ERRORS = 1000;

function UnreadableRows({ run }: { run: SyncRun }) {
  const [limit, setLimit] = useState(FIRST_ERRORS);
  const rows = useQuery({
    queryKey: ['sync-run-errors', run.id, run.errors, limit],
    queryFn: () =>
      ok(
        api.GET('/api/v1/sync-runs/{id}/errors', {
          params: { path: { id: run.id }, query: { limit } },
        }),
      ).then((answer) => answer.items),
    placeholderData: keepPreviousData,
  });
  const shown = rows.data?.length ?? 0;
  return (
    <section className="card" aria-labelledby="run-errors">
      <h2 id="run-errors">Unreadable rows</h2>
      <p className="card-intro">
        In the order the run met them; open a row to see it as Xima sent it.
      </p>
      {rows.isPending ? (
        <Loading what="Reading the unreadable rows" />
      ) : rows.isError ? (
        <ErrorNotice error={rows.error} retry={() => void rows.refetch()} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Why</th>
                  <th scope="col">The row</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.map((row, index) => (
                  <tr key={row.id}>
                    <td className="num">{index + 1}</td>
                    <td>{row.reason}</td>
                    <td>
                      <details>
                        <summary>Show</summary>
                        <pre className="json" tabIndex={0}>
                          {pretty(row.rawJson)}
                        </pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="more">
            {shown < run.errors && limit < MAX_ERRORS ? (
              <button
                type="button"
                disabled={rows.isFetching}
                onClick={() => setLimit(Math.min(MAX_ERRORS, limit + MORE_ERRORS))}
              >
                {rows.isFetching
                  ? 'Reading…'
                  : `Show more (${count(shown)} of ${count(run.errors)})`}
              </button>
            ) : (
              <p className="muted">
                {shown < run.errors
                  ? `The first ${count(shown)} of ${count(run.errors)}.`
                  : `All ${count(run.errors)}.`}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** JSON text indented for reading; text that is not JSON as it is. */
function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function Fact({ label, value, tone }: { label: string; value: number; tone?: 'bad' | 'warn' }) {
  return (
    <div className={tone}>
      <dt>{label}</dt>
      <dd>{count(value)}</dd>
    </div>
  );
}
