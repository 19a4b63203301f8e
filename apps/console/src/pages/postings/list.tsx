import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { download } from '../../api/client';
import { Can } from '../../api/session';
import { formatTime } from '../../ui/format';
import { Money } from '../../ui/money';
import { useNotify } from '../../ui/notices';
import { Page } from '../../ui/page';
import {
  LinkStateBadge,
  POSTING_STATUSES,
  PostingStatusBadge,
  postingStatusLabel,
} from '../../ui/pms-badges';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { Choice, count, useSources, zoneLabel } from '../admin/common';
import { PostingActions, type Conflict } from './actions';
import {
  readFilter,
  useLineItems,
  useLinks,
  usePostings,
  writeFilter,
  type LineItemDetail,
  type Posting,
  type PostingFilter,
} from './queries';
import './postings.css';

/** The postings to the PMS, opening on the exceptions queue the night auditor works through. */
export function PostingsPage() {
  const search = useSearch();
  const filter = readFilter(search);
  const [, navigate] = useLocation();
  const links = useLinks();
  const sources = useSources();
  const show = (next: PostingFilter) => {
    const query = writeFilter(next);
    navigate(`/postings${query ? `?${query}` : ''}`);
  };
  const zones = [...new Set((sources.data ?? []).map((source) => source.timezone))];
  const exceptions = (links.data ?? [])
    .filter((link) => filter.linkId === undefined || link.id === filter.linkId)
    .reduce((sum, link) => sum + link.queue.exception, 0);
  return (
    <Page
      title={filter.status === 'exception' ? 'Posting exceptions' : 'Postings'}
      intro={
        <>
          Charges sent to guests' folios in the PMS.{' '}
          {filter.status === 'exception'
            ? 'Below, the ones the PMS refused or that found no guest in the room: retry, reroute, post late or write off each one.'
            : 'Newest first.'}{' '}
          Call times are in the source's time zone
          {zones.length > 0 ? `: ${zones.map((zone) => zoneLabel(zone)).join(', ')}` : ''}.
        </>
      }
      actions={
        <>
          <Link href="/postings/stays" className="button">
            Guest stays
          </Link>
          <Link href="/pms-links" className="button">
            PMS links
          </Link>
        </>
      }
    >
      {links.data && links.data.length > 0 && (
        <p className="postings-links">
          {links.data.map((link) => (
            <span key={link.id}>
              {link.name}: <LinkStateBadge state={link.state} />
            </span>
          ))}
          {filter.status === 'exception' && (
            <strong>
              {count(exceptions)} exception{exceptions === 1 ? '' : 's'} to resolve
            </strong>
          )}
        </p>
      )}
      <Filters
        filter={filter}
        links={(links.data ?? []).map((link) => ({ id: link.id, name: link.name }))}
        onShow={show}
      />
      {/* A new filter starts again at its newest page. */}
      <Queue key={search} filter={filter} />
    </Page>
  );
}

function Filters({
  filter,
  links,
  onShow,
}: {
  filter: PostingFilter;
  links: { id: number; name: string }[];
  onShow: (filter: PostingFilter) => void;
}) {
  const [room, setRoom] = useState(filter.room ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onShow({ ...filter, room: room.trim() || undefined });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the postings">
      <Choice
        label="Status"
        value={filter.status ?? 'all'}
        onChange={(event) =>
          onShow({
            ...filter,
            status: event.target.value === 'all' ? null : (event.target.value as Posting['status']),
          })
        }
      >
        {POSTING_STATUSES.map((status) => (
          <option key={status.value} value={status.value}>
            {status.value === 'exception' ? 'Exceptions' : status.label}
          </option>
        ))}
        <option value="all">Every status</option>
      </Choice>
      {links.length > 1 && (
        <Choice
          label="PMS link"
          value={filter.linkId ?? ''}
          onChange={(event) =>
            onShow({
              ...filter,
              linkId: event.target.value ? Number(event.target.value) : undefined,
            })
          }
        >
          <option value="">Every link</option>
          {links.map((link) => (
            <option key={link.id} value={link.id}>
              {link.name}
            </option>
          ))}
        </Choice>
      )}
      <div className="field">
        <label htmlFor="postings-room">Room</label>
        <input
          id="postings-room"
          value={room}
          inputMode="numeric"
          onChange={(event) => setRoom(event.target.value)}
        />
      </div>
      <div className="filter-buttons">
        <button type="submit">Show</button>
        {filter.room && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setRoom('');
              onShow({ ...filter, room: undefined });
            }}
          >
            Every room
          </button>
        )}
      </div>
    </form>
  );
}

function Queue({ filter }: { filter: PostingFilter }) {
  // The beforeIds of the pages opened so far: the last is the page shown.
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const beforeId = pages[pages.length - 1];
  const postings = usePostings(filter, beforeId);
  const items = postings.data?.items ?? [];
  const lineItems = useLineItems(items.map((posting) => posting.lineItemId));
  const sources = useSources();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  if (postings.isPending) return <Loading what="Loading the postings" />;
  if (postings.isError) {
    return <ErrorNotice error={postings.error} retry={() => void postings.refetch()} />;
  }
  const zoneOf = (item: LineItemDetail | undefined) =>
    sources.data?.find((source) => source.id === item?.sourceId)?.timezone ?? 'UTC';
  if (items.length === 0) {
    return (
      <Empty
        title={
          filter.status === 'exception'
            ? 'No posting exceptions: every charge went to a folio or is on its way.'
            : `No ${filter.status ? postingStatusLabel(filter.status).toLowerCase() + ' ' : ''}postings${filter.room ? ` for room ${filter.room}` : ''}.`
        }
      >
        {pages.length > 1 && (
          <button type="button" onClick={() => setPages(pages.slice(0, -1))}>
            ← Newer postings
          </button>
        )}
      </Empty>
    );
  }
  return (
    <>
      {conflict && (
        <div className="state error" role="alert">
          <p className="state-title">P# {conflict.postingNumber} was not changed</p>
          <p>
            Someone acted on it since this page loaded, or it is no longer an exception.{' '}
            {conflict.message}
          </p>
          <button
            type="button"
            onClick={() => {
              setConflict(null);
              void postings.refetch();
            }}
          >
            Reload the queue
          </button>
        </div>
      )}
      <div className="table-wrap">
        <table className="data postings-table">
          <caption className="visually-hidden">
            {filter.status ? postingStatusLabel(filter.status) : 'Postings'}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">P#</th>
              <th scope="col">Room</th>
              <th scope="col">Guest / stay</th>
              <th scope="col">Call</th>
              <th scope="col">Dialled number</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Last answer</th>
              <Can role="accountant">
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </Can>
            </tr>
          </thead>
          <tbody>
            {items.map((posting) => (
              <Row
                key={posting.id}
                posting={posting}
                item={lineItems.get(posting.lineItemId)}
                zone={zoneOf(lineItems.get(posting.lineItemId))}
                onConflict={setConflict}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="more">
        {pages.length > 1 && (
          <button type="button" onClick={() => setPages(pages.slice(0, -1))}>
            ← Newer postings
          </button>
        )}
        {typeof postings.data.nextBeforeId === 'number' && (
          <button
            type="button"
            onClick={() => setPages([...pages, postings.data.nextBeforeId ?? null])}
          >
            Older postings →
          </button>
        )}
      </div>
    </>
  );
}

function Row({
  posting,
  item,
  zone,
  onConflict,
}: {
  posting: Posting;
  item: LineItemDetail | undefined;
  zone: string;
  onConflict: (conflict: Conflict) => void;
}) {
  const stay = item?.stay ?? null;
  return (
    <tr data-posting={posting.postingNumber}>
      <td className="nowrap">
        {posting.postingNumber}
        {posting.correctsPostingId !== null && <span className="muted block">correction</span>}
      </td>
      <td className="nowrap">{posting.room}</td>
      <td className="guest">
        {stay ? (
          <StayCell stay={stay} />
        ) : item ? (
          <span className="muted">No guest</span>
        ) : (
          <span className="muted">…</span>
        )}
      </td>
      <td className="call">
        {item ? formatTime(item.startTime, zone) : <span className="muted">…</span>}
        <Link href={`/review/${posting.lineItemId}`} className="block small">
          Line item {posting.lineItemId}
        </Link>
      </td>
      <td>{item?.dialedNumber ?? <span className="muted">—</span>}</td>
      <td className="num">
        <Money amount={posting.amount} currency={posting.currency} />
      </td>
      <td>
        <PostingStatusBadge status={posting.status} late={posting.late} />
      </td>
      <td className="reason">{posting.reasonText ?? <span className="muted">—</span>}</td>
      <td className="num">{posting.attempts}</td>
      <td className="answer">
        {posting.answerStatus ? (
          <>
            <code>{posting.answerStatus}</code>
            {posting.answerText ? ` ${posting.answerText}` : ''}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <Can role="accountant">
        <td className="actions">
          <PostingActions posting={posting} onConflict={onConflict} />
        </td>
      </Can>
    </tr>
  );
}

function StayCell({ stay }: { stay: NonNullable<LineItemDetail['stay']> }) {
  const notify = useNotify();
  const save = (format: 'pdf' | 'csv') =>
    download(
      `/api/v1/stays/${stay.id}/call-detail?format=${format}`,
      `call-detail-${stay.reservation}.${format}`,
    ).catch((error: unknown) =>
      notify(error instanceof Error ? error.message : 'The download failed.', 'error'),
    );
  return (
    <>
      {stay.guestName ?? <span className="muted">Guest not named</span>}
      <span className="muted block stay-reservation">Reservation {stay.reservation}</span>
      <span className="call-detail">
        Call detail:{' '}
        <button
          type="button"
          className="ghost small"
          onClick={() => void save('pdf')}
          aria-label={`Call detail of reservation ${stay.reservation}, PDF`}
        >
          PDF
        </button>{' '}
        <button
          type="button"
          className="ghost small"
          onClick={() => void save('csv')}
          aria-label={`Call detail of reservation ${stay.reservation}, CSV`}
        >
          CSV
        </button>
      </span>
    </>
  );
}
