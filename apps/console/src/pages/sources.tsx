import { Page } from '../ui/page';
import { Empty } from '../ui/states';

export default function Sources() {
  return (
    <Page title="Sources">
      <Empty title="This page is being built." />
    </Page>
  );
}
