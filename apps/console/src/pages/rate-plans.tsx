import { useParams } from 'wouter';
import { Page } from '../ui/page';
import { Empty } from '../ui/states';
import { RatePlanDetail } from './rate-plans/detail';
import { RatePlanList } from './rate-plans/list';
import './rate-plans/rate-plans.css';

/** `/rate-plans`: every plan; `/rate-plans/:id`: one plan, its versions, a quote, an import. */
export default function RatePlans() {
  const { id } = useParams<{ id?: string }>();
  if (id === undefined) return <RatePlanList />;
  if (!/^\d+$/.test(id)) {
    return (
      <Page title="Rate plan">
        <Empty title={`There is no rate plan “${id}”.`} />
      </Page>
    );
  }
  return <RatePlanDetail key={id} id={Number(id)} />;
}
