import { Can } from '../../api/session';
import { Page } from '../../ui/page';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { count } from '../admin/common';
import { Day, LawFirmBar, type LawFirmProps } from './frame';
import { Counts, ImportCard, Revalidated } from './import-card';
import {
  importTimekeepers,
  useRefreshLawFirm,
  useTimekeepers,
  type TimekeeperImportSummary,
} from './queries';

const TIMEKEEPER_COLUMNS = 'extension,timekeeperId,name,classification,effectiveFrom';

/** Who made a firm's calls: extension -> timekeeper, from a date on; the list import. */
export function TimekeeperList({ business, firms }: LawFirmProps) {
  const timekeepers = useTimekeepers(business.id);
  const refresh = useRefreshLawFirm();
  return (
    <Page
      title="Timekeepers"
      intro="Who uses each extension, from which day: a call carries its timekeeper to the invoice and the LEDES file."
    >
      <LawFirmBar business={business} firms={firms} tab="timekeepers" />
      <Can role="accountant">
        <ImportCard<TimekeeperImportSummary>
          title="Import the timekeeper list"
          intro="The whole list, history included: a row says who uses an extension from a day on (an empty effectiveFrom: since always). The file replaces the list; a file with any problem changes nothing."
          columns={TIMEKEEPER_COLUMNS}
          send={(csv) => importTimekeepers(business.id, csv)}
          onImported={(answer) => {
            void refresh(business.id);
            return `Timekeeper list imported: ${count(answer.total)} rows in the file.`;
          }}
          summary={(answer) => (
            <>
              <p className="import-headline">
                {answer.added + answer.changed + answer.removed === 0
                  ? `Nothing changed: the list already matched the ${count(answer.total)} rows of this file.`
                  : `Imported: ${count(answer.total)} rows in the file.`}
              </p>
              <Counts
                entries={[
                  { label: 'Added', value: answer.added, tone: 'good-count' },
                  { label: 'Changed', value: answer.changed, tone: 'warn' },
                  { label: 'Removed (not in the file)', value: answer.removed, tone: 'warn' },
                  { label: 'Unchanged', value: answer.unchanged, tone: 'plain' },
                ]}
              />
              <Revalidated {...answer.revalidated} />
            </>
          )}
        />
      </Can>
      {timekeepers.isPending ? (
        <Loading what="Loading the timekeepers" />
      ) : timekeepers.isError ? (
        <ErrorNotice error={timekeepers.error} retry={() => void timekeepers.refetch()} />
      ) : timekeepers.data.length === 0 ? (
        <Empty title="The firm has no timekeepers yet.">
          <p>Import the list of extensions and who uses them; until then calls name nobody.</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="data timekeepers-table">
            <caption className="visually-hidden">Timekeepers by extension and date</caption>
            <thead>
              <tr>
                <th scope="col">Extension</th>
                <th scope="col">Timekeeper ID</th>
                <th scope="col">Name</th>
                <th scope="col">Classification</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {timekeepers.data.map((timekeeper) => (
                <tr key={timekeeper.id} data-extension={timekeeper.extension}>
                  <th scope="row">{timekeeper.extension}</th>
                  <td>
                    <code>{timekeeper.timekeeperId}</code>
                  </td>
                  <td>{timekeeper.name}</td>
                  <td>{timekeeper.classification}</td>
                  <td className="nowrap">
                    {timekeeper.effectiveFrom ? (
                      <Day day={timekeeper.effectiveFrom} />
                    ) : (
                      <span className="muted">Always</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
