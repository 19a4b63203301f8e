import { Page } from '../ui/page';
import { Empty } from '../ui/states';

export default function RatePlans() {
  return (
    <Page title="RatePlans">
      <Empty title="This page is being built." />
    </Page>
  );
}
