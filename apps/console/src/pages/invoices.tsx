import { useParams } from 'wouter';
import { InvoiceDetail } from './invoices/detail';
import { InvoiceList } from './invoices/list';
import { Page } from '../ui/page';
import { Empty } from '../ui/states';
import './invoices/invoices.css';

/** `/invoices`: the list and the batch; `/invoices/:id`: one invoice. */
export default function Invoices() {
  const { id } = useParams<{ id?: string }>();
  if (id === undefined) return <InvoiceList />;
  if (!/^\d+$/.test(id)) {
    return (
      <Page title="Invoice">
        <Empty title={`There is no invoice “${id}”.`} />
      </Page>
    );
  }
  return <InvoiceDetail key={id} id={Number(id)} />;
}
