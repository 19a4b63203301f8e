import { InitialSchema1795824000000 } from './1795824000000-initial-schema';
import { Businesses1796000000000 } from './1796000000000-businesses';
import { UsersAndSessions1796100000000 } from './1796100000000-users-and-sessions';
import { OverviewTotals1796200000000 } from './1796200000000-overview-totals';
import { PmsLink1796300000000 } from './1796300000000-pms-link';
import { LawFirms1796400000000 } from './1796400000000-law-firms';
import { Leases1796500000000 } from './1796500000000-leases';

/** Every migration, in order, listed explicitly (globs break in bundled builds). */
export const LEDGER_MIGRATIONS = [
  InitialSchema1795824000000,
  Businesses1796000000000,
  UsersAndSessions1796100000000,
  OverviewTotals1796200000000,
  PmsLink1796300000000,
  LawFirms1796400000000,
  Leases1796500000000,
];
export { LEDGER_POSTGRES_MIGRATIONS } from './postgres';
