import { useParams, useSearch } from 'wouter';
import { Page } from '../ui/page';
import { Empty, ErrorNotice, Loading } from '../ui/states';
import { LAW_FIRM_TABS } from './law-firm/frame';
import { MatterList } from './law-firm/matter-list';
import { useLawFirms } from './law-firm/queries';
import { RuleList } from './law-firm/rules';
import { TimekeeperList } from './law-firm/timekeepers';
import './law-firm/law-firm.css';

/**
 * A law firm's books: `/matters` its clients and matters, `/matters/timekeepers` who uses which
 * extension, `/matters/rules` its client and matter rules; `?business=` names the firm.
 */
export default function LawFirmBooks() {
  const { id: tabName } = useParams<{ id?: string }>();
  const firms = useLawFirms();
  const wanted = Number(new URLSearchParams(useSearch()).get('business'));
  const tab = LAW_FIRM_TABS.find((entry) => entry.path === (tabName ?? ''));
  if (!tab) {
    return (
      <Page title="Matters">
        <Empty title={`There is no page “${tabName}” of a law firm's books.`} />
      </Page>
    );
  }
  if (firms.isPending) {
    return (
      <Page title={tab.title}>
        <Loading what="Loading the law firms" />
      </Page>
    );
  }
  if (firms.isError) {
    return (
      <Page title={tab.title}>
        <ErrorNotice error={firms.error} retry={() => void firms.refetch()} />
      </Page>
    );
  }
  const list = firms.data ?? [];
  if (list.length === 0) {
    return (
      <Page title={tab.title}>
        <Empty title="No business is a law firm.">
          <p>
            Matters, timekeepers and client rules belong to a business of kind <code>law-firm</code>
            . An admin sets a business's kind with the API (
            <code>PATCH /api/v1/businesses/:id</code>).
          </p>
        </Empty>
      </Page>
    );
  }
  const business = list.find((firm) => firm.id === wanted) ?? list[0];
  const props = { business, firms: list };
  return tab.path === 'timekeepers' ? (
    <TimekeeperList key={business.id} {...props} />
  ) : tab.path === 'rules' ? (
    <RuleList key={business.id} {...props} />
  ) : (
    <MatterList key={business.id} {...props} />
  );
}
