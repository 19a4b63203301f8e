import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { Can } from '../../api/session';
import { useNotify } from '../../ui/notices';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { Time } from '../../ui/time';
import { deliveriesKey, type DeliveryLog, type Invoice } from './queries';

const STATE_TEXT: Record<DeliveryLog['state'], { label: string; tone: string }> = {
  none: { label: 'Not sent', tone: '' },
  'in-progress': { label: 'Sending', tone: 'warn' },
  delivered: { label: 'Delivered', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
};

/**
 * The invoice's deliveries to its source's billing system (docs/invoices.md, Delivery): every
 * attempt, and a fresh sequence for an accountant when the last one failed.
 */
export function Deliveries({ invoice }: { invoice: Invoice }) {
  const client = useQueryClient();
  const notify = useNotify();
  const log = useQuery({
    queryKey: deliveriesKey(invoice.id),
    queryFn: () =>
      ok(api.GET('/api/v1/invoices/{id}/deliveries', { params: { path: { id: invoice.id } } })),
    // A sequence in progress retries in the background: follow it while it runs.
    refetchInterval: (query) => (query.state.data?.state === 'in-progress' ? 2000 : false),
  });
  const source = useQuery({
    queryKey: ['sources', 'one', invoice.sourceId],
    queryFn: () =>
      ok(api.GET('/api/v1/sources/{id}', { params: { path: { id: invoice.sourceId ?? 0 } } })),
    enabled: invoice.sourceId !== null,
  });
  // Only a finalised invoice whose source names a billing system can be sent (docs/invoices.md).
  const sendable =
    invoice.status === 'finalized' && source.data !== undefined && source.data.deliveryUrl !== null;
  const retry = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/v1/invoices/{id}/deliveries', { params: { path: { id: invoice.id } } })),
    onSuccess: (next) => {
      client.setQueryData(deliveriesKey(invoice.id), next);
      notify('Delivery started.');
    },
  });

  return (
    <section className="invoice-deliveries" aria-labelledby="deliveries-title">
      <div className="section-head">
        <h2 id="deliveries-title">
          Deliveries{' '}
          {log.data && (
            <span className={`badge ${STATE_TEXT[log.data.state].tone}`}>
              {STATE_TEXT[log.data.state].label}
            </span>
          )}
        </h2>
        {sendable && log.data && (log.data.state === 'failed' || log.data.state === 'none') && (
          <Can role="accountant">
            <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
              {log.data.state === 'failed' ? 'Retry delivery' : 'Deliver now'}
            </button>
          </Can>
        )}
      </div>
      {retry.isError && <ErrorNotice error={retry.error} />}
      {log.isPending ? (
        <Loading what="Loading deliveries" />
      ) : log.isError ? (
        <ErrorNotice error={log.error} retry={() => void log.refetch()} />
      ) : log.data.attempts.length === 0 ? (
        <Empty title="Not sent to a billing system.">
          <p>
            An invoice is sent when its source names a billing system (a delivery URL on the Sources
            page); this one has none, or was never sent.
          </p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Attempt
                </th>
                <th scope="col">When</th>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  HTTP
                </th>
                <th scope="col">Error</th>
                <th scope="col">Sent to</th>
              </tr>
            </thead>
            <tbody>
              {log.data.attempts.map((attempt) => (
                <tr key={attempt.attempt}>
                  <td className="num">{attempt.attempt}</td>
                  <td>
                    <Time instant={attempt.attemptedAt} timeZone={invoice.timezone} />
                  </td>
                  <td>
                    <span
                      className={`badge ${attempt.status === 'delivered' ? 'good' : attempt.status === 'failed' ? 'bad' : 'warn'}`}
                    >
                      {attempt.status}
                    </span>
                  </td>
                  <td className="num">{attempt.httpStatus ?? '—'}</td>
                  <td>{attempt.error ?? <span className="muted">—</span>}</td>
                  <td className="url">{attempt.url}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
