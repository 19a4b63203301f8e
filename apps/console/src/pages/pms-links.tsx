import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ApiError, ok, type Schema } from '../api/client';
import { Can } from '../api/session';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';
import { useNotify } from '../ui/notices';
import { Page } from '../ui/page';
import { HeardAt, LinkStateBadge, linkStateMeaning } from '../ui/pms-badges';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import {
  Check,
  Choice,
  Confirm,
  count,
  fieldErrors,
  useSources,
  zoneLabel,
  type Source,
} from './admin/common';
import './pms-links.css';

type PmsLink = Schema<'PmsLinkView'>;
type LinkBody = Schema<'CreatePmsLinkDto'>;

const PMS_LINKS_KEY = ['pms-links'] as const;

/** How often the page asks for the links' states: a link going down shows within seconds. */
const POLL_MS = 3000;

const CHARSETS: LinkBody['charset'][] = ['ascii', 'cp850', 'windows-1252', 'iso-8859-1'];

export default function PmsLinks() {
  const links = useQuery({
    queryKey: PMS_LINKS_KEY,
    queryFn: () => ok(api.GET('/api/v1/pms-links')).then((answer) => answer.items),
    refetchInterval: POLL_MS,
  });
  const sources = useSources();
  const [editing, setEditing] = useState<PmsLink | 'new' | null>(null);
  const newButton = (
    <Can role="admin">
      <button type="button" className="primary" onClick={() => setEditing('new')}>
        New link
      </button>
    </Can>
  );
  return (
    <Page
      title="PMS links"
      intro="The connections to the hotels' property management systems: whether each is up, and the charges waiting to post to guests' folios. Refreshed every few seconds."
      actions={newButton}
    >
      {links.isPending ? (
        <Loading what="Loading the links" />
      ) : links.isError ? (
        <ErrorNotice error={links.error} retry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <Empty title="No PMS link yet.">
          <p>
            A link posts the calls of a call-records source to the guests' folios in the hotel's
            PMS. An admin creates one with the PMS interface's host and port.
          </p>
        </Empty>
      ) : (
        <div className="stack">
          {links.data.map((link) => (
            <LinkCard
              key={link.id}
              link={link}
              sources={sources.data ?? []}
              onEdit={() => setEditing(link)}
            />
          ))}
        </div>
      )}
      <Dialog
        title={editing === 'new' ? 'New PMS link' : `Edit ${editing?.name ?? ''}`}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <LinkForm
            link={editing === 'new' ? null : editing}
            sources={sources.data ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Page>
  );
}

function LinkCard({
  link,
  sources,
  onEdit,
}: {
  link: PmsLink;
  sources: Source[];
  onEdit: () => void;
}) {
  const linked = sources.filter((source) => link.sourceIds.includes(source.id));
  const zone = linked[0]?.timezone ?? 'UTC';
  const queue = link.queue;
  const postings = (status: string) => `/postings?linkId=${link.id}&status=${status}`;
  return (
    <section className="card pms-link" aria-labelledby={`link-${link.id}`}>
      <header className="pms-link-head">
        <h2 id={`link-${link.id}`}>{link.name}</h2>
        <LinkStateBadge state={link.state} />
        {!link.enabled && <span className="badge">Disabled</span>}
        <Can role="admin">
          <LinkActions link={link} onEdit={onEdit} />
        </Can>
      </header>
      {link.state === 'elsewhere' ? (
        // What the PMS last said is known to the instance that runs the link, not to this one.
        <p className="card-intro">
          {linkStateMeaning(link.state)} It runs on{' '}
          <code>{link.instance ?? 'another instance'}</code>.
        </p>
      ) : (
        <p className="card-intro">
          {linkStateMeaning(link.state)} Last heard from the PMS:{' '}
          <HeardAt instant={link.lastHeardAt ?? null} timeZone={zone} />.
        </p>
      )}
      <h3 className="visually-hidden">Postings queue</h3>
      <dl className="pms-queue">
        <QueueCount
          term="Exceptions"
          value={queue.exception}
          href={postings('exception')}
          tone={queue.exception > 0 ? 'bad' : ''}
        />
        <QueueCount term="Waiting to post" value={queue.pending} href={postings('pending')} />
        <QueueCount
          term="Sent, awaiting answer"
          value={queue['in-flight']}
          href={postings('in-flight')}
        />
        <QueueCount term="Posted" value={queue.posted} href={postings('posted')} />
        <QueueCount
          term="Written off"
          value={queue['written-off']}
          href={postings('written-off')}
        />
      </dl>
      <details className="pms-settings">
        <summary>Settings</summary>
        <dl className="props">
          <dt>PMS interface</dt>
          <dd>
            {link.host}:{link.port}
          </dd>
          <dt>Sources posted</dt>
          <dd>
            {link.sourceIds
              .map((id) => sources.find((source) => source.id === id)?.name ?? `Source ${id}`)
              .join(', ') || '—'}
          </dd>
          <dt>Posting mode</dt>
          <dd>{modeText(link.postingMode)}</dd>
          <dt>Character set</dt>
          <dd>{link.charset}</dd>
          <dt>Answer timeout</dt>
          <dd>{seconds(link.answerTimeoutMs)}</dd>
          <dt>Alive check after</dt>
          <dd>{seconds(link.aliveIntervalMs)} of silence</dd>
          <dt>Next posting number</dt>
          <dd>P# {link.nextPostingNumber}</dd>
          <dt>Times shown in</dt>
          <dd>{zoneLabel(zone)}</dd>
        </dl>
      </details>
    </section>
  );
}

function QueueCount({
  term,
  value,
  href,
  tone = '',
}: {
  term: string;
  value: number;
  href: string;
  tone?: string;
}) {
  return (
    <div className={tone}>
      <dt>{term}</dt>
      <dd>
        <Link href={href} aria-label={`${count(value)} ${term.toLowerCase()}: show them`}>
          {count(value)}
        </Link>
      </dd>
    </div>
  );
}

function modeText(mode: PmsLink['postingMode']): string {
  return mode === 'on-rating'
    ? 'On rating: each charge posts as soon as it is rated'
    : 'On approval: a charge posts when an accountant approves it';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function LinkActions({ link, onEdit }: { link: PmsLink; onEdit: () => void }) {
  const client = useQueryClient();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const resync = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/v1/pms-links/{id}/resync', { params: { path: { id: link.id } } })),
    onSuccess: () => {
      notify(`Asked ${link.name} for its guest list again.`);
      void client.invalidateQueries({ queryKey: PMS_LINKS_KEY });
    },
    onError: (error) => notify(error.message, 'error'),
  });
  const remove = useMutation({
    mutationFn: () =>
      ok(api.DELETE('/api/v1/pms-links/{id}', { params: { path: { id: link.id } } })),
    onSuccess: () => {
      setConfirming(false);
      notify(`${link.name} deleted.`);
      void client.invalidateQueries({ queryKey: PMS_LINKS_KEY });
    },
  });
  return (
    <div className="pms-link-actions">
      <button type="button" onClick={onEdit}>
        Edit…
      </button>
      <button
        type="button"
        onClick={() => resync.mutate()}
        disabled={resync.isPending}
        title="Ask the PMS to send every guest in house again"
      >
        Resync guests
      </button>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete…
      </button>
      <Dialog
        title={`Delete ${link.name}?`}
        open={confirming}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        <Confirm
          onCancel={() => setConfirming(false)}
          onConfirm={() => remove.mutate()}
          confirmLabel="Delete the link"
          busy={remove.isPending}
          error={remove.error}
        >
          <p>The connection to the PMS closes and its settings are removed.</p>
          {remove.error instanceof ApiError && remove.error.status === 409 ? (
            <p>
              A link that has postings or guest stays is kept, so that what was posted stays
              traceable: disable it instead (Edit… → untick “Enabled”).
            </p>
          ) : (
            <p>A link that has postings or guest stays cannot be deleted; disable it instead.</p>
          )}
        </Confirm>
      </Dialog>
    </div>
  );
}

interface FormState {
  name: string;
  host: string;
  port: string;
  sourceIds: number[];
  postingMode: LinkBody['postingMode'];
  charset: NonNullable<LinkBody['charset']>;
  answerTimeout: string;
  aliveInterval: string;
  enabled: boolean;
}

function initial(link: PmsLink | null): FormState {
  return {
    name: link?.name ?? '',
    host: link?.host ?? '',
    port: link ? String(link.port) : '',
    sourceIds: link?.sourceIds ?? [],
    postingMode: link?.postingMode ?? 'on-rating',
    charset: (link?.charset as FormState['charset'] | undefined) ?? 'ascii',
    answerTimeout: String((link?.answerTimeoutMs ?? 30_000) / 1000),
    aliveInterval: String((link?.aliveIntervalMs ?? 300_000) / 1000),
    enabled: link?.enabled ?? true,
  };
}

function LinkForm({
  link,
  sources,
  onDone,
}: {
  link: PmsLink | null;
  sources: Source[];
  onDone: () => void;
}) {
  const client = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState<FormState>(() => initial(link));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((before) => ({ ...before, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body: LinkBody = {
        name: form.name.trim(),
        host: form.host.trim(),
        port: Number(form.port),
        sourceIds: form.sourceIds,
        postingMode: form.postingMode,
        charset: form.charset,
        answerTimeoutMs: Math.round(Number(form.answerTimeout) * 1000),
        aliveIntervalMs: Math.round(Number(form.aliveInterval) * 1000),
        enabled: form.enabled,
      };
      return link === null
        ? ok(api.POST('/api/v1/pms-links', { body }))
        : ok(api.PATCH('/api/v1/pms-links/{id}', { params: { path: { id: link.id } }, body }));
    },
    onSuccess: (saved) => {
      notify(link === null ? `${saved.name} created.` : `${saved.name} saved.`);
      void client.invalidateQueries({ queryKey: PMS_LINKS_KEY });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const callRecords = sources.filter((source) => source.kind === 'call-records');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field
          label="Name"
          required
          value={form.name}
          onChange={(event) => set('name', event.target.value)}
          error={errors.name}
        />
        <Field
          label="PMS host"
          required
          hint="The PMS interface's host name or address."
          value={form.host}
          onChange={(event) => set('host', event.target.value)}
          error={errors.host}
        />
        <Field
          label="Port"
          required
          inputMode="numeric"
          value={form.port}
          onChange={(event) => set('port', event.target.value)}
          error={errors.port}
        />
      </div>
      <fieldset className="group">
        <legend>Sources posted</legend>
        <p className="field-hint">
          Call-records sources whose rooms this link posts (a source has one link).
        </p>
        {callRecords.length === 0 && <p className="muted">No call-records source exists.</p>}
        {callRecords.map((source) => (
          <Check
            key={source.id}
            label={source.name}
            checked={form.sourceIds.includes(source.id)}
            onChange={(event) =>
              set(
                'sourceIds',
                event.target.checked
                  ? [...form.sourceIds, source.id]
                  : form.sourceIds.filter((id) => id !== source.id),
              )
            }
          />
        ))}
        {errors.sourceIds && <p className="field-error">{errors.sourceIds}</p>}
      </fieldset>
      <div className="form-grid">
        <Choice
          label="Posting mode"
          value={form.postingMode}
          onChange={(event) => set('postingMode', event.target.value as FormState['postingMode'])}
          error={errors.postingMode}
        >
          <option value="on-rating">On rating (each charge as it is rated)</option>
          <option value="on-approval">On approval (when an accountant approves)</option>
        </Choice>
        <Choice
          label="Character set"
          hint="As the PMS interface is configured."
          value={form.charset}
          onChange={(event) => set('charset', event.target.value as FormState['charset'])}
          error={errors.charset}
        >
          {CHARSETS.map((charset) => (
            <option key={charset} value={charset}>
              {charset}
            </option>
          ))}
        </Choice>
        <Field
          label="Answer timeout (seconds)"
          hint="How long to wait for the PMS's answer to a posting."
          inputMode="numeric"
          value={form.answerTimeout}
          onChange={(event) => set('answerTimeout', event.target.value)}
          error={errors.answerTimeoutMs}
        />
        <Field
          label="Alive check after (seconds)"
          hint="Silence after which the link is checked; at most 300."
          inputMode="numeric"
          value={form.aliveInterval}
          onChange={(event) => set('aliveInterval', event.target.value)}
          error={errors.aliveIntervalMs}
        />
      </div>
      <Check
        label="Enabled"
        hint="A disabled link keeps its queue and does not connect."
        checked={form.enabled}
        onChange={(event) => set('enabled', event.target.checked)}
      />
      {save.error && Object.keys(errors).length === 0 ? <ErrorNotice error={save.error} /> : null}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {link === null ? 'Create the link' : 'Save'}
        </button>
      </div>
    </form>
  );
}
