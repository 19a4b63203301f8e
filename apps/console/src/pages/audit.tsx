import { Page } from '../ui/page';
import { Empty } from '../ui/states';

export default function AuditLog() {
  return (
    <Page title="AuditLog">
      <Empty title="This page is being built." />
    </Page>
  );
}
