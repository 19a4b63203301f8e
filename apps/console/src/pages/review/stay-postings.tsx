import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { Can } from '../../api/session';
import { formatTime } from '../../ui/format';
import { Money } from '../../ui/money';
import { PostingStatusBadge } from '../../ui/pms-badges';
import { ErrorNotice } from '../../ui/states';
import { PostingActions, type Conflict } from '../postings/actions';
import type { LineItemDetail } from './filter';

/**
 * The guest stay a hotel call is charged to, and the item's postings to the PMS (with the
 * exception actions, as on the postings page).
 */
export function StayAndPostings({ item, zone }: { item: LineItemDetail; zone: string }) {
  const postings = useQuery({
    queryKey: ['postings', { lineItemId: item.id }],
    queryFn: () =>
      ok(api.GET('/api/v1/postings', { params: { query: { lineItemId: item.id, limit: 100 } } })),
    enabled: item.postings.length > 0,
  });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const stay = item.stay;
  // The API lists newest first; the item's story reads oldest first.
  const rows = [...(postings.data?.items ?? [])].reverse();
  return (
    <section className="card item-stay" aria-labelledby="item-stay">
      <h2 id="item-stay">Guest stay and postings</h2>
      {stay ? (
        <dl className="facts">
          <div className="fact">
            <dt>Guest</dt>
            <dd>{stay.guestName ?? <span className="muted">not named by the PMS</span>}</dd>
          </div>
          <div className="fact">
            <dt>Reservation</dt>
            <dd>{stay.reservation}</dd>
          </div>
          <div className="fact">
            <dt>Room</dt>
            <dd>{stay.room}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">No guest stay held the room when the call was made.</p>
      )}
      <h3>Postings to the PMS</h3>
      {item.postings.length === 0 ? (
        <p className="muted">None: this charge has not been queued for the PMS.</p>
      ) : postings.isError ? (
        <ErrorNotice error={postings.error} retry={() => void postings.refetch()} />
      ) : (
        <>
          {conflict && (
            <div className="state error" role="alert">
              <p className="state-title">P# {conflict.postingNumber} was not changed</p>
              <p>{conflict.message}</p>
              <button
                type="button"
                onClick={() => {
                  setConflict(null);
                  void postings.refetch();
                }}
              >
                Reload
              </button>
            </div>
          )}
          <div className="table-wrap">
            <table className="data compact item-postings">
              <thead>
                <tr>
                  <th scope="col">P#</th>
                  <th scope="col">Room</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Reason / answer</th>
                  <th scope="col">Posted ({zone})</th>
                  <Can role="accountant">
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </Can>
                </tr>
              </thead>
              <tbody>
                {(rows.length > 0 ? rows : item.postings).map((posting) => (
                  <tr key={posting.id} data-posting={posting.postingNumber}>
                    <td>{posting.postingNumber}</td>
                    <td>{posting.room}</td>
                    <td className="num">
                      <Money amount={posting.amount} currency={item.currency} />
                    </td>
                    <td>
                      <PostingStatusBadge status={posting.status} late={posting.late} />
                    </td>
                    <td className="break">
                      {'reasonText' in posting && posting.reasonText
                        ? posting.reasonText
                        : (posting.reason ?? '')}
                      {posting.answerStatus && (
                        <span className="muted"> (PMS answered {posting.answerStatus})</span>
                      )}
                    </td>
                    <td>
                      {posting.postedAt ? (
                        formatTime(posting.postedAt, zone)
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <Can role="accountant">
                      <td className="actions">
                        {'version' in posting && (
                          <PostingActions posting={posting} onConflict={setConflict} />
                        )}
                      </td>
                    </Can>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small">
            <Link href={`/postings?status=all&room=${encodeURIComponent(item.postings[0].room)}`}>
              Every posting of room {item.postings[0].room}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
