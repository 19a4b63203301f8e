import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { Page } from '../../ui/page';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { Time } from '../../ui/time';

const KIND_LABEL = { 'per-call': 'Per call', 'account-summary': 'Account-code summary' } as const;

/** Every rate plan; each opens on its versions, a quote form and a rate-table import. */
export function RatePlanList() {
  const plans = useQuery({
    queryKey: ['rate-plans', 'list'],
    queryFn: () => ok(api.GET('/api/v1/rate-plans')),
  });
  return (
    <Page
      title="Rate plans"
      intro="What each call costs: the plans, their versions and what changed, a quote before a plan bills anyone, a carrier's rate table imported as a new version."
    >
      {plans.isPending ? (
        <Loading what="Loading rate plans" />
      ) : plans.isError ? (
        <ErrorNotice error={plans.error} retry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Empty title="There are no rate plans yet.">
          <p>
            An admin creates one with the API or the command line (
            <code>npm run cli -- rate-plans import plan.json</code>).
          </p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Kind</th>
                <th scope="col">Currency</th>
                <th scope="col">Last changed (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((plan) => (
                <tr key={plan.id}>
                  <td>
                    <Link href={`/rate-plans/${plan.id}`}>{plan.name}</Link>
                  </td>
                  <td>{KIND_LABEL[plan.kind]}</td>
                  <td>{plan.currency}</td>
                  <td>
                    <Time instant={plan.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export { KIND_LABEL };
