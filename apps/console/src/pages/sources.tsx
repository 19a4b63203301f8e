import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, ok } from '../api/client';
import { Can, useSession } from '../api/session';
import { Field } from '../ui/field';
import { formatDuration } from '../ui/format';
import { useNotify } from '../ui/notices';
import { Page } from '../ui/page';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import { Time } from '../ui/time';
import {
  count,
  dayIn,
  zoneLabel,
  fieldErrors,
  RunStatus,
  runSeconds,
  SYNC_RUNS_KEY,
  useBusinesses,
  useRatePlans,
  useSources,
  useSyncRuns,
  type Source,
  type SyncRun,
} from './admin/common';
import { SourceForm } from './admin/source-form';

/** `/sources`, `/sources/new` and `/sources/:id`. */
export default function Sources() {
  const { id } = useParams<{ id?: string }>();
  if (id === undefined) return <SourceList />;
  if (id === 'new') return <NewSource />;
  return <SourceDetail id={Number(id)} />;
}

const KIND_LABEL: Record<Source['kind'], string> = {
  'call-records': 'Call records',
  'account-summary': 'Account summary',
};

function SourceList() {
  const sources = useSources();
  const businesses = useBusinesses();
  const plans = useRatePlans();
  const runs = useSyncRuns();
  const lastRun = new Map<number, SyncRun>();
  for (const run of runs.data ?? []) if (!lastRun.has(run.sourceId)) lastRun.set(run.sourceId, run);
  const businessName = (id: number) => businesses.data?.find((b) => b.id === id)?.name ?? `#${id}`;
  const planName = (id: number) => plans.data?.find((p) => p.id === id)?.name ?? `#${id}`;

  return (
    <Page
      title="Sources"
      intro="The Xima reports the service pulls calls from: each is rated with its plan and billed by its business. Times are in each source's own zone."
      actions={
        <Can role="admin">
          <Link href="/sources/new" className="button primary-link">
            New source
          </Link>
        </Can>
      }
    >
      {sources.isPending ? (
        <Loading what="Reading the sources" />
      ) : sources.isError ? (
        <ErrorNotice error={sources.error} retry={() => void sources.refetch()} />
      ) : sources.data.length === 0 ? (
        <Empty title="No source yet.">
          <p>A source names a Xima report to pull calls from.</p>
          <Can role="admin">
            <Link href="/sources/new">Create the first source</Link>
          </Can>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Sources</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Business</th>
                <th scope="col">Kind</th>
                <th scope="col">Rate plan</th>
                <th scope="col">Time zone</th>
                <th scope="col">State</th>
                <th scope="col">Synced up to</th>
                <th scope="col">Last sync</th>
              </tr>
            </thead>
            <tbody>
              {sources.data.map((source) => {
                const run = lastRun.get(source.id);
                return (
                  <tr key={source.id}>
                    <td className="source-cell">
                      <Link href={`/sources/${source.id}`}>{source.name}</Link>
                    </td>
                    <td>{businessName(source.businessId)}</td>
                    <td className="nowrap">{KIND_LABEL[source.kind]}</td>
                    <td>{planName(source.ratePlanId)}</td>
                    <td className="nowrap">{source.timezone}</td>
                    <td>
                      <EnabledBadge enabled={source.enabled} />
                    </td>
                    <td className="nowrap">
                      <Time instant={source.watermark} timeZone={source.timezone} />
                    </td>
                    <td className="nowrap">
                      {run ? (
                        <>
                          <RunStatus status={run.status} />{' '}
                          <Link href={`/sync-runs/${run.id}`}>
                            <Time instant={run.startedAt} timeZone={source.timezone} />
                          </Link>
                        </>
                      ) : (
                        <span className="muted">never</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function EnabledBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <span className="badge good">enabled</span>
  ) : (
    <span className="badge muted-badge">disabled</span>
  );
}

function NewSource() {
  const [, navigate] = useLocation();
  const notify = useNotify();
  const { can } = useSession();
  if (!can('admin')) {
    return (
      <Page title="New source">
        <Empty title="Only an admin can create a source." />
      </Page>
    );
  }
  return (
    <Page
      title="New source"
      intro="A Xima report to pull calls from, the plan that rates them and the business that bills them."
    >
      <div className="card">
        <SourceForm
          onSaved={(source) => {
            notify(`Source "${source.name}" created.`);
            navigate(`/sources/${source.id}`);
          }}
          onCancel={() => navigate('/sources')}
        />
      </div>
    </Page>
  );
}

function SourceDetail({ id }: { id: number }) {
  const client = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const source = useQuery({
    queryKey: ['sources', id],
    queryFn: () => ok(api.GET('/api/v1/sources/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Page title="Source">
        <Empty title="There is no such source.">
          <Link href="/sources">All sources</Link>
        </Empty>
      </Page>
    );
  }
  if (source.isPending) return <Loading what="Reading the source" />;
  if (source.isError) {
    return (
      <Page title="Source">
        <ErrorNotice error={source.error} retry={() => void source.refetch()} />
        <Link href="/sources">All sources</Link>
      </Page>
    );
  }
  const current = source.data;
  return (
    <Page
      title={current.name}
      intro={
        <>
          {KIND_LABEL[current.kind]} · report <code>{current.historicDataKey}</code> · times in{' '}
          {zoneLabel(current.timezone)} <EnabledBadge enabled={current.enabled} />
        </>
      }
      actions={<Link href="/sources">All sources</Link>}
    >
      <div className="stack">
        <div className="two-columns">
          <Can role="admin">
            <SyncNow source={current} />
          </Can>
          <section className="card" aria-labelledby="state-title">
            <h2 id="state-title">Where it stands</h2>
            <dl className="props">
              <dt>Synced up to</dt>
              <dd>
                <Time instant={current.watermark} timeZone={current.timezone} />
              </dd>
              <dt>Schedule</dt>
              <dd>{current.syncCron ? <code>{current.syncCron}</code> : "the service's"}</dd>
              <dt>Invoice delivery</dt>
              <dd>{current.deliveryUrl ?? <span className="muted">none</span>}</dd>
              <dt>Changed</dt>
              <dd>
                <Time instant={current.updatedAt} timeZone={current.timezone} /> (version{' '}
                {current.version})
              </dd>
            </dl>
          </section>
        </div>
        <SourceRuns source={current} />
        <section className="card" aria-labelledby="settings-title">
          <div className="section-head">
            <h2 id="settings-title">Settings</h2>
            <Can role="admin">
              {!editing && (
                <button type="button" onClick={() => setEditing(true)}>
                  Edit settings
                </button>
              )}
            </Can>
          </div>
          {editing ? (
            <SourceForm
              key={current.version}
              source={current}
              onSaved={(saved) => {
                client.setQueryData(['sources', id], saved);
                setEditing(false);
                notify(`Source "${saved.name}" saved.`);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <Settings source={current} />
          )}
        </section>
      </div>
    </Page>
  );
}

function Settings({ source }: { source: Source }) {
  const businesses = useBusinesses();
  const plans = useRatePlans();
  const business = businesses.data?.find((b) => b.id === source.businessId);
  const plan = plans.data?.find((p) => p.id === source.ratePlanId);
  return (
    <dl className="props">
      <dt>Business</dt>
      <dd>{business?.name ?? `#${source.businessId}`}</dd>
      <dt>Rate plan</dt>
      <dd>
        <Link href={`/rate-plans/${source.ratePlanId}`}>
          {plan ? `${plan.name} (${plan.currency})` : `#${source.ratePlanId}`}
        </Link>
      </dd>
      <dt>Approve pending items at once</dt>
      <dd>{source.autoApprove ? 'yes' : 'no'}</dd>
      <dt>Days per request</dt>
      <dd>{source.chunkDays}</dd>
      <dt>Overlap</dt>
      <dd>{source.overlapMinutes} min</dd>
      <dt>Settle time</dt>
      <dd>{source.settleMinutes} min</dd>
      <dt>Columns</dt>
      <dd>
        {source.columns ? (
          <pre className="json" tabIndex={0}>
            {JSON.stringify(source.columns, null, 2)}
          </pre>
        ) : (
          <span className="muted">Xima&apos;s default titles</span>
        )}
      </dd>
      <dt>Extra parameters</dt>
      <dd>
        {source.parameters?.length ? (
          <pre className="json" tabIndex={0}>
            {JSON.stringify(source.parameters, null, 2)}
          </pre>
        ) : (
          <span className="muted">none</span>
        )}
      </dd>
      <dt>Delivery secret</dt>
      <dd>{source.deliverySecretSet ? 'set (never shown)' : 'not set'}</dd>
    </dl>
  );
}

/** Pulls and rates a window now; shows the run it started, finished or still running. */
function SyncNow({ source }: { source: Source }) {
  const client = useQueryClient();
  const [from, setFrom] = useState(() => dayIn(source.timezone, -1));
  const [to, setTo] = useState(() => dayIn(source.timezone, 0));
  const sync = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/sources/{id}/sync', {
          params: { path: { id: source.id } },
          body: { from, to },
        }),
      ),
    onSuccess: (run) => {
      client.setQueryData(['sync-run', run.id], run);
      void client.invalidateQueries({ queryKey: SYNC_RUNS_KEY });
      void client.invalidateQueries({ queryKey: ['sources'] });
    },
  });
  // A run answered while still running (202) is followed here until it ends.
  const followed = useQuery({
    queryKey: ['sync-run', sync.data?.id],
    queryFn: () =>
      ok(api.GET('/api/v1/sync-runs/{id}', { params: { path: { id: sync.data!.id } } })),
    enabled: sync.data !== undefined,
    initialData: sync.data,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1500 : false),
  });
  const run = followed.data ?? sync.data;
  const errors = fieldErrors(sync.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sync.mutate();
  };
  const zone = zoneLabel(source.timezone);
  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync now</h2>
      <p className="card-intro">
        Pull and rate the calls of a window now. Dates are days in {zone}; the end day is not
        included.
      </p>
      <form onSubmit={submit} className="filters" aria-label="Sync window">
        <Field
          label="From"
          type="date"
          required
          value={from}
          error={errors.from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <Field
          label="To (not included)"
          type="date"
          required
          value={to}
          error={errors.to}
          onChange={(event) => setTo(event.target.value)}
        />
        <div className="filter-buttons">
          <button type="submit" className="primary" disabled={sync.isPending}>
            {sync.isPending ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      </form>
      {sync.isError && Object.keys(errors).length === 0 && <ErrorNotice error={sync.error} />}
      {run && (
        <div className="run-result" role="status">
          <p>
            <Link href={`/sync-runs/${run.id}`}>Sync run #{run.id}</Link>{' '}
            <RunStatus status={run.status} />
            {run.status === 'running' ? ' — still running; this updates by itself.' : null}
          </p>
          <p className="muted">
            {count(run.fetched)} fetched · {count(run.inserted)} new · {count(run.duplicates)}{' '}
            duplicates · {count(run.rated)} rated · {count(run.needsReview)} need review ·{' '}
            {count(run.errors)} unreadable
            {runSeconds(run) !== null ? ` · took ${formatDuration(runSeconds(run)!)}` : ''}
          </p>
          {run.messages.length > 0 && (
            <ul className="messages">
              {run.messages.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function SourceRuns({ source }: { source: Source }) {
  const runs = useSyncRuns(source.id, 10);
  return (
    <section className="card" aria-labelledby="runs-title">
      <div className="section-head">
        <h2 id="runs-title">Latest sync runs</h2>
        <Link href={`/sync-runs?source=${source.id}`}>All runs of this source</Link>
      </div>
      {runs.isPending ? (
        <Loading what="Reading the runs" />
      ) : runs.isError ? (
        <ErrorNotice error={runs.error} retry={() => void runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <Empty title="This source has not synced yet." />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Window</th>
                <th scope="col">Started</th>
                <th scope="col" className="num">
                  Fetched
                </th>
                <th scope="col" className="num">
                  Rated
                </th>
                <th scope="col" className="num">
                  Unreadable
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id}>
                  <td>
                    <Link href={`/sync-runs/${run.id}`}>#{run.id}</Link>
                  </td>
                  <td>
                    <RunStatus status={run.status} />
                  </td>
                  <td className="nowrap">
                    <Time instant={run.from} timeZone={source.timezone} /> –{' '}
                    <Time instant={run.to} timeZone={source.timezone} />
                  </td>
                  <td className="nowrap">
                    <Time instant={run.startedAt} timeZone={source.timezone} />
                  </td>
                  <td className="num">{count(run.fetched)}</td>
                  <td className="num">{count(run.rated)}</td>
                  <td className="num">{count(run.errors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
