import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, ok, type Schema } from '../api/client';
import { useSession } from '../api/session';
import { Field } from '../ui/field';
import { Page } from '../ui/page';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import { Time } from '../ui/time';
import { Choice, useHomeZone, zoneLabel } from './admin/common';

type AuditEvent = Schema<'AuditEventView'>;

/** The actions the service records, offered as suggestions (any text may be typed). */
const ACTIONS = [
  'api-key.create',
  'api-key.revoke',
  'business.create',
  'business.update',
  'invoice.delete',
  'invoice.deliver',
  'invoice.draft',
  'invoice.finalize',
  'invoice.refresh',
  'invoice.void',
  'line-item.adjust',
  'line-item.approve',
  'line-item.assign',
  'line-item.re-rate',
  'line-item.reject',
  'line-item.reset',
  'rate-plan.add-version',
  'rate-plan.create',
  'session.sign-in',
  'session.sign-out',
  'sign-in.lockout',
  'source.create',
  'source.update',
  'user.change-password',
  'user.create',
  'user.reset-password',
  'user.update',
];

const ENTITY_TYPES = [
  'api-key',
  'business',
  'invoice',
  'line-item',
  'rate-plan',
  'sign-in',
  'source',
  'user',
];

/** Where an entity's own page is, when the console has one. */
const ENTITY_PAGE: Record<string, string> = {
  'line-item': '/review',
  invoice: '/invoices',
  'rate-plan': '/rate-plans',
  source: '/sources',
};

/** The filter as the URL holds it, so that it survives a reload and can be shared. */
const FILTER_KEYS = ['action', 'actor', 'entityType', 'entityId', 'from', 'to'] as const;
type Filter = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

function filterOf(params: URLSearchParams): Filter {
  const filter: Filter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

/** `actor=user:3` or `actor=key:5` as the API's two filters. */
function actorQuery(actor: string | undefined): { actorUserId?: number; actorKeyId?: number } {
  const [kind, id] = (actor ?? '').split(':');
  if (kind === 'user' && Number(id) > 0) return { actorUserId: Number(id) };
  if (kind === 'key' && Number(id) > 0) return { actorKeyId: Number(id) };
  return {};
}

export default function Audit() {
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const zone = useHomeZone();
  const events = useInfiniteQuery({
    queryKey: ['audit-events', filter],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/audit-events', {
          params: {
            query: {
              action: filter.action,
              entityType: filter.entityType,
              entityId: filter.entityId,
              from: filter.from,
              to: filter.to,
              ...actorQuery(filter.actor),
              limit: 50,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const apply = (next: Filter) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]);
    setParams(search);
  };
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title="Audit log"
      intro={`Every change and sign-in, who made it and when, newest first. Times and dates are in ${zoneLabel(zone)}, the default business's zone.`}
    >
      <AuditFilters key={params.toString()} filter={filter} onApply={apply} />
      {events.isPending ? (
        <Loading what="Reading the audit log" />
      ) : events.isError ? (
        <ErrorNotice error={events.error} retry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="No event matches this filter.">
          {Object.keys(filter).length > 0 && (
            <button type="button" onClick={() => apply({})}>
              Clear the filter
            </button>
          )}
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Audit events, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">What</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {items.map((event) => (
                  <EventRow
                    key={event.id}
                    event={event}
                    zone={zone}
                    onActor={(actor) => apply({ ...filter, actor })}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="more">
            {events.hasNextPage ? (
              <button
                type="button"
                onClick={() => void events.fetchNextPage()}
                disabled={events.isFetchingNextPage}
              >
                {events.isFetchingNextPage ? 'Reading…' : 'Show older events'}
              </button>
            ) : (
              <p className="muted">
                {items.length === 1 ? 'The only event' : `All ${items.length} events`} of this
                filter.
              </p>
            )}
          </div>
        </>
      )}
    </Page>
  );
}

function actorKey(actor: AuditEvent['actor']): string | null {
  if (actor.userId !== null) return `user:${actor.userId}`;
  if (actor.keyId !== null) return `key:${actor.keyId}`;
  return null;
}

function EventRow({
  event,
  zone,
  onActor,
}: {
  event: AuditEvent;
  zone: string;
  onActor: (actor: string) => void;
}) {
  const key = actorKey(event.actor);
  const page = ENTITY_PAGE[event.entityType];
  const what = `${event.entityType} ${event.entityId}`;
  return (
    <tr>
      <td className="nowrap">
        <Time instant={event.occurredAt} timeZone={zone} />
      </td>
      <td className="nowrap">
        {key ? (
          <button
            type="button"
            className="inline-link"
            title={`Only what ${event.actor.name} did`}
            onClick={() => onActor(key)}
          >
            {event.actor.name}
          </button>
        ) : (
          event.actor.name
        )}
        <span className="badge muted-badge actor-kind">
          {event.actor.userId !== null
            ? 'person'
            : event.actor.keyId !== null
              ? 'API key'
              : 'service'}
        </span>
      </td>
      <td>
        <code>{event.action}</code>
      </td>
      <td className="nowrap">
        {page && /^\d+$/.test(event.entityId) ? (
          <Link href={`${page}/${event.entityId}`}>{what}</Link>
        ) : (
          what
        )}
      </td>
      <td>{event.reason ?? <span className="muted">—</span>}</td>
      <td>
        <Change event={event} />
      </td>
    </tr>
  );
}

/** The values before and after, folded away: most rows are read for who and what. */
function Change({ event }: { event: AuditEvent }) {
  if (event.oldValue === null && event.newValue === null) return <span className="muted">—</span>;
  return (
    <details>
      <summary>Values</summary>
      {event.oldValue !== null && (
        <>
          <strong>Before</strong>
          <pre className="json" tabIndex={0}>
            {JSON.stringify(event.oldValue, null, 2)}
          </pre>
        </>
      )}
      {event.newValue !== null && (
        <>
          <strong>After</strong>
          <pre className="json" tabIndex={0}>
            {JSON.stringify(event.newValue, null, 2)}
          </pre>
        </>
      )}
    </details>
  );
}

/** The filter form: applied on submit, so that typing does not fire a request a key. */
function AuditFilters({ filter, onApply }: { filter: Filter; onApply: (filter: Filter) => void }) {
  const [draft, setDraft] = useState<Filter>(filter);
  const actors = useActors();
  const set = (key: keyof Filter) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const known = actors.some((actor) => actor.value === draft.actor);
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
      <Field
        label="Action"
        list="audit-actions"
        value={draft.action ?? ''}
        onChange={set('action')}
      />
      <datalist id="audit-actions">
        {ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <Choice label="Who" value={draft.actor ?? ''} onChange={set('actor')}>
        <option value="">Anyone</option>
        {!known && draft.actor && <option value={draft.actor}>{draft.actor}</option>}
        {actors.map((actor) => (
          <option key={actor.value} value={actor.value}>
            {actor.label}
          </option>
        ))}
      </Choice>
      <Choice label="Kind of thing" value={draft.entityType ?? ''} onChange={set('entityType')}>
        <option value="">Any</option>
        {ENTITY_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </Choice>
      <Field
        label="Its id"
        inputMode="numeric"
        size={6}
        value={draft.entityId ?? ''}
        onChange={set('entityId')}
      />
      <Field label="From" type="date" value={draft.from ?? ''} onChange={set('from')} />
      <Field label="Before" type="date" value={draft.to ?? ''} onChange={set('to')} />
      <div className="filter-buttons">
        <button type="submit" className="primary">
          Filter
        </button>
        {Object.keys(filter).length > 0 && (
          <button type="button" onClick={() => onApply({})}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}

/** People and keys to filter by: an admin may list them; others filter by a name in a row. */
function useActors(): { value: string; label: string }[] {
  const { can } = useSession();
  const admin = can('admin');
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => ok(api.GET('/api/v1/users')).then((answer) => answer.items),
    enabled: admin,
  });
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => ok(api.GET('/api/v1/api-keys')).then((answer) => answer.items),
    enabled: admin,
  });
  return [
    ...(users.data ?? []).map((user) => ({ value: `user:${user.id}`, label: user.name })),
    ...(keys.data ?? []).map((key) => ({ value: `key:${key.id}`, label: `${key.name} (API key)` })),
  ];
}
