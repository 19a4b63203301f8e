// What the three pages of a law firm's books share: the firm picker and the tabs between
// matters, timekeepers and rules, each keeping the firm in the address.
import { Link, useLocation } from 'wouter';
import { Choice } from '../admin/common';
import { formatDay, type Business } from './queries';

export interface LawFirmTab {
  /** After `/matters/` ('' for the matters themselves). */
  path: '' | 'timekeepers' | 'rules';
  label: string;
  title: string;
}

export const LAW_FIRM_TABS: LawFirmTab[] = [
  { path: '', label: 'Matters', title: 'Matters' },
  { path: 'timekeepers', label: 'Timekeepers', title: 'Timekeepers' },
  { path: 'rules', label: 'Client and matter rules', title: 'Client and matter rules' },
];

/** The address of a tab of a firm's books, with its query (filters) if any. */
export function lawFirmHref(tab: LawFirmTab['path'], businessId: number, query = ''): string {
  const params = new URLSearchParams(query);
  params.set('business', String(businessId));
  return `/matters${tab ? `/${tab}` : ''}?${params.toString()}`;
}

export interface LawFirmProps {
  business: Business;
  firms: Business[];
}

/** The firm (a picker when there are several) and the tabs of its books. */
export function LawFirmBar({ business, firms, tab }: LawFirmProps & { tab: LawFirmTab['path'] }) {
  const [, navigate] = useLocation();
  return (
    <div className="law-firm-bar">
      {firms.length > 1 ? (
        <Choice
          label="Law firm"
          value={business.id}
          onChange={(event) => navigate(lawFirmHref(tab, Number(event.target.value)))}
        >
          {firms.map((firm) => (
            <option key={firm.id} value={firm.id}>
              {firm.name}
            </option>
          ))}
        </Choice>
      ) : (
        <p className="law-firm-name">
          <span className="muted">Law firm</span> <strong>{business.name}</strong>
        </p>
      )}
      <nav aria-label="The firm's books" className="law-firm-tabs">
        {LAW_FIRM_TABS.map((entry) => (
          <Link
            key={entry.path}
            href={lawFirmHref(entry.path, business.id)}
            aria-current={entry.path === tab ? 'page' : undefined}
          >
            {entry.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** A day of the firm's calendar (`2026-10-31`), as the reader's locale writes it. */
export function Day({ day }: { day: string }) {
  return <time dateTime={day}>{formatDay(day)}</time>;
}
