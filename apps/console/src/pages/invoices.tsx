import { Page } from '../ui/page';
import { Empty } from '../ui/states';

export default function Invoices() {
  return (
    <Page title="Invoices">
      <Empty title="This page is being built." />
    </Page>
  );
}
