import { Page } from '../ui/page';
import { Empty } from '../ui/states';

export default function Overview() {
  return (
    <Page title="Overview">
      <Empty title="This page is being built." />
    </Page>
  );
}
