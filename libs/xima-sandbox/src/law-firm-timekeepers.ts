import { csvLine } from './csv';
import { AGENTS_BY_ROLE } from './directory';
import { clockOf, localDate } from './law-firm-matters';

export type TimekeeperClassification = 'PARTNER' | 'ASSOCIATE' | 'PARALEGAL';

/** Who bills time at an extension, from a day on (`''`: since always). */
export interface LawFirmTimekeeper {
  readonly extension: string;
  readonly timekeeperId: string;
  readonly name: string;
  readonly classification: TimekeeperClassification;
  /** `YYYY-MM-DD` in the firm's zone, or `''`. */
  readonly effectiveFrom: string;
}

export const LAW_FIRM_TIMEKEEPERS_CSV_HEADER =
  'extension,timekeeperId,name,classification,effectiveFrom';

/** The extension that changes hands: its attorney leaves, a new associate takes the desk. */
export const NEW_OWNER_EXTENSION = '521';
export const NEW_OWNER = {
  timekeeperId: 'TK117',
  name: 'Imani Brooks',
  classification: 'ASSOCIATE',
} as const;
export const DEFAULT_NEW_OWNER_FROM = '2026-01-15';

export interface LawFirmTimekeeperOptions {
  /** The day NEW_OWNER takes extension NEW_OWNER_EXTENSION, `YYYY-MM-DD`; default 2026-01-15. */
  effectiveFrom?: string;
}

const CLASSIFICATIONS: readonly TimekeeperClassification[] = [
  'PARTNER', // 253 Spencer Porter
  'PARTNER',
  'ASSOCIATE',
  'ASSOCIATE',
  'ASSOCIATE',
  'PARALEGAL',
  'ASSOCIATE',
  'PARALEGAL',
  'PARTNER', // 510 Thomas Abernathy
  'ASSOCIATE',
  'ASSOCIATE',
  'PARALEGAL',
  'PARTNER',
  'ASSOCIATE',
  'PARALEGAL',
  'ASSOCIATE', // 521 Casey Moreno
];

/**
 * The firm's timekeepers by extension: each attorney of the directory under the directory's
 * name since always, and the new owner of NEW_OWNER_EXTENSION from `effectiveFrom`.
 */
export function lawFirmTimekeepers(options: LawFirmTimekeeperOptions = {}): LawFirmTimekeeper[] {
  const effectiveFrom = options.effectiveFrom ?? DEFAULT_NEW_OWNER_FROM;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) {
    throw new RangeError(`effectiveFrom must be a date YYYY-MM-DD, got ${effectiveFrom}`);
  }
  const rows: LawFirmTimekeeper[] = AGENTS_BY_ROLE.attorney.map((agent, i) => ({
    extension: agent.extension,
    timekeeperId: `TK${101 + i}`,
    name: agent.key.slice(0, agent.key.lastIndexOf('(')),
    classification: CLASSIFICATIONS[i],
    effectiveFrom: '',
  }));
  rows.push({ extension: NEW_OWNER_EXTENSION, ...NEW_OWNER, effectiveFrom });
  return rows;
}

export function lawFirmTimekeepersCsv(timekeepers: readonly LawFirmTimekeeper[]): string {
  const lines = [LAW_FIRM_TIMEKEEPERS_CSV_HEADER];
  for (const t of timekeepers) {
    lines.push(csvLine([t.extension, t.timekeeperId, t.name, t.classification, t.effectiveFrom]));
  }
  return `${lines.join('\n')}\n`;
}

/** The extension of an Initial Agent key: `Spencer Porter(253)` -> `253`. */
export function extensionOfAgent(agentKey: string): string | undefined {
  return /\((\d+)\)$/.exec(agentKey)?.[1];
}

/**
 * The timekeeper in force for a call: the row of the call's extension with the latest
 * effectiveFrom on or before the call's day in `timezone`; undefined for a non-attorney.
 */
export function expectedTimekeeper(
  call: { readonly agent: string; readonly startMs: number },
  timekeepers: readonly LawFirmTimekeeper[],
  timezone: string,
): LawFirmTimekeeper | undefined {
  const extension = extensionOfAgent(call.agent);
  const day = localDate(clockOf(timezone), call.startMs);
  let best: LawFirmTimekeeper | undefined;
  for (const t of timekeepers) {
    if (t.extension !== extension || t.effectiveFrom > day) continue;
    if (best === undefined || t.effectiveFrom > best.effectiveFrom) best = t;
  }
  return best;
}
