import { Page } from '../ui/page';
import { Empty } from '../ui/states';

export default function SyncRuns() {
  return (
    <Page title="SyncRuns">
      <Empty title="This page is being built." />
    </Page>
  );
}
