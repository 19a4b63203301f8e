// How the PMS link's words show: a link's state and a posting's status as badges that say what
// they mean for the night auditor, and "when did we last hear" as people say it.
import type { Schema } from '../api/client';
import { formatTime } from './format';

export type LinkState = Schema<'PmsLinkView'>['state'];
export type PostingStatus = Schema<'PostingView'>['status'];

const LINK_STATES: Record<LinkState, { label: string; tone: string; meaning: string }> = {
  connecting: {
    label: 'Connecting',
    tone: 'warn',
    meaning: 'Opening the connection to the PMS; postings wait.',
  },
  linked: { label: 'Linked', tone: 'good', meaning: 'Talking to the PMS; charges are posted.' },
  down: {
    label: 'Down',
    tone: 'bad',
    meaning: 'No connection (or the link is disabled); postings wait and nothing is lost.',
  },
  resync: {
    label: 'Resyncing guests',
    tone: 'warn',
    meaning: 'The PMS is sending its guest list again; postings wait until it ends.',
  },
  'night-audit': {
    label: 'Night audit',
    tone: 'warn',
    meaning: 'The PMS is running its night audit; postings wait until it ends.',
  },
  elsewhere: {
    label: 'On another instance',
    tone: '',
    meaning: 'Another instance of the service runs this link; its live state is known there.',
  },
};

export function linkStateLabel(state: LinkState): string {
  return LINK_STATES[state]?.label ?? state;
}

export function linkStateMeaning(state: LinkState): string {
  return LINK_STATES[state]?.meaning ?? '';
}

/** A link's state in words, coloured: green linked, red down, amber anything in between. */
export function LinkStateBadge({ state }: { state: LinkState }) {
  const entry = LINK_STATES[state];
  return (
    <span className={`badge ${entry?.tone ?? ''}`} data-state={state}>
      {entry?.label ?? state}
    </span>
  );
}

/** The posting statuses in the order a charge passes them, with the words the pages use. */
export const POSTING_STATUSES: { value: PostingStatus; label: string; tone: string }[] = [
  { value: 'exception', label: 'Exception', tone: 'bad' },
  { value: 'pending', label: 'Waiting to post', tone: '' },
  { value: 'in-flight', label: 'Sent, awaiting answer', tone: 'warn' },
  { value: 'posted', label: 'Posted', tone: 'good' },
  { value: 'written-off', label: 'Written off', tone: '' },
];

export function postingStatusLabel(status: string): string {
  return POSTING_STATUSES.find((entry) => entry.value === status)?.label ?? status;
}

export function PostingStatusBadge({ status, late }: { status: string; late?: boolean }) {
  const tone = POSTING_STATUSES.find((entry) => entry.value === status)?.tone ?? '';
  return (
    <span className={`badge ${tone}`} data-posting-status={status}>
      {postingStatusLabel(status)}
      {late ? ' (late charge)' : ''}
    </span>
  );
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `12 seconds ago`, `3 minutes ago`, `2 days ago`: how long since an instant. */
export function ago(instant: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(instant) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86_400), 'day');
}

/** An instant as "3 minutes ago", with the wall-clock time (zone named) beside it. */
export function HeardAt({ instant, timeZone }: { instant: string | null; timeZone: string }) {
  if (!instant) return <span className="muted">Never</span>;
  return (
    <span>
      {ago(instant)}{' '}
      <time className="muted" dateTime={new Date(instant).toISOString()} title={timeZone}>
        ({formatTime(instant, timeZone)})
      </time>
    </span>
  );
}
