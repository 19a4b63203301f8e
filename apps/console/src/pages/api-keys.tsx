import { Page } from '../ui/page';
import { Empty } from '../ui/states';

export default function ApiKeys() {
  return (
    <Page title="ApiKeys">
      <Empty title="This page is being built." />
    </Page>
  );
}
