import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, download, ok, type Schema } from '../../api/client';
import { formatTime } from '../../ui/format';
import { useNotify } from '../../ui/notices';
import { Page } from '../../ui/page';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useSources, zoneLabel } from '../admin/common';
import './postings.css';
import { wallClockToInstant } from './wall-clock';

type Stay = Schema<'StayView'>;

interface StayFilter {
  room?: string;
  reservation?: string;
  /** Wall-clock time in the hotel's zone, `YYYY-MM-DDTHH:mm`. */
  at?: string;
}

function readStayFilter(search: string): StayFilter {
  const params = new URLSearchParams(search);
  const filter: StayFilter = {};
  for (const key of ['room', 'reservation', 'at'] as const) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** Guest stays as the PMS told them: who was in a room at a time, a reservation's rooms. */
export function StaysPage() {
  const search = useSearch();
  const filter = readStayFilter(search);
  const [, navigate] = useLocation();
  const sources = useSources();
  const zone = sources.data?.find((source) => source.kind === 'call-records')?.timezone ?? 'UTC';
  const [draft, setDraft] = useState<StayFilter>(filter);
  const at = filter.at ? wallClockToInstant(filter.at, zone) : null;
  const stays = useQuery({
    queryKey: ['stays', filter, at],
    queryFn: () =>
      ok(
        api.GET('/api/v1/stays', {
          params: {
            query: {
              ...(filter.room ? { room: filter.room } : {}),
              ...(filter.reservation ? { reservation: filter.reservation } : {}),
              ...(at ? { at } : {}),
              limit: 100,
            },
          },
        }),
      ),
    enabled: !sources.isPending,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) {
      if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    }
    const query = params.toString();
    navigate(`/postings/stays${query ? `?${query}` : ''}`);
  };
  return (
    <Page
      title="Guest stays"
      intro={`Who was in which room, as the PMS told us: look up a room at a time, or a reservation. Times are in the hotel's time zone: ${zoneLabel(zone)}.`}
      actions={
        <Link href="/postings" className="button">
          ← Postings
        </Link>
      }
    >
      <form className="filters" onSubmit={submit} aria-label="Look up stays">
        <div className="field">
          <label htmlFor="stays-room">Room</label>
          <input
            id="stays-room"
            inputMode="numeric"
            value={draft.room ?? ''}
            onChange={(event) => setDraft({ ...draft, room: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="stays-at">In house at ({zone})</label>
          <input
            id="stays-at"
            type="datetime-local"
            value={draft.at ?? ''}
            onChange={(event) => setDraft({ ...draft, at: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="stays-reservation">Reservation</label>
          <input
            id="stays-reservation"
            value={draft.reservation ?? ''}
            onChange={(event) => setDraft({ ...draft, reservation: event.target.value })}
          />
        </div>
        <div className="filter-buttons">
          <button type="submit" className="primary">
            Look up
          </button>
        </div>
      </form>
      {stays.isPending ? (
        <Loading what="Looking up the stays" />
      ) : stays.isError ? (
        <ErrorNotice error={stays.error} retry={() => void stays.refetch()} />
      ) : stays.data.items.length === 0 ? (
        <Empty title="No stay matches.">
          <p>The PMS has told us of no guest for this room, time or reservation.</p>
        </Empty>
      ) : (
        <StayTable stays={stays.data.items} zone={zone} />
      )}
    </Page>
  );
}

const ENDED_BY: Record<NonNullable<Stay['endedBy']>, string> = {
  'check-out': 'Checked out',
  move: 'Moved to another room',
  resync: 'Gone at a resync',
};

function StayTable({ stays, zone }: { stays: Stay[]; zone: string }) {
  const notify = useNotify();
  const save = (stay: Stay, format: 'pdf' | 'csv') =>
    download(
      `/api/v1/stays/${stay.id}/call-detail?format=${format}`,
      `call-detail-${stay.reservation}.${format}`,
    ).catch((error: unknown) =>
      notify(error instanceof Error ? error.message : 'The download failed.', 'error'),
    );
  return (
    <div className="table-wrap">
      <table className="data postings-table">
        <caption className="visually-hidden">Guest stays</caption>
        <thead>
          <tr>
            <th scope="col">Room</th>
            <th scope="col">Guest</th>
            <th scope="col">Reservation</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Postings</th>
            <th scope="col">Call detail</th>
          </tr>
        </thead>
        <tbody>
          {stays.map((stay) => (
            <tr key={stay.id} data-stay={stay.id}>
              <td>{stay.room}</td>
              <td>
                {stay.guestName ?? <span className="muted">not named</span>}
                {stay.sharer && <span className="muted block">sharing the room</span>}
              </td>
              <td>{stay.reservation}</td>
              <td className="call">{formatTime(stay.from, zone)}</td>
              <td className="call">
                {stay.to ? (
                  <>
                    {formatTime(stay.to, zone)}
                    {stay.endedBy && <span className="muted block">{ENDED_BY[stay.endedBy]}</span>}
                  </>
                ) : (
                  <span className="badge good">In house</span>
                )}
              </td>
              <td>
                <Link href={`/postings?status=all&room=${encodeURIComponent(stay.room)}`}>
                  Room {stay.room}'s postings
                </Link>
              </td>
              <td className="nowrap">
                <button
                  type="button"
                  className="ghost"
                  onClick={() => void save(stay, 'pdf')}
                  aria-label={`PDF: call detail of reservation ${stay.reservation}`}
                >
                  PDF
                </button>{' '}
                <button
                  type="button"
                  className="ghost"
                  onClick={() => void save(stay, 'csv')}
                  aria-label={`CSV: call detail of reservation ${stay.reservation}`}
                >
                  CSV
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
