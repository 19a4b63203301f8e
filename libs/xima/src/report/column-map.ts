/** Canonical field -> report column titles tried in order (case-insensitive, trimmed). */
export interface ColumnMap {
  callId?: string[];
  startTime?: string[];
  direction?: string[];
  extension?: string[];
  dialedNumber?: string[];
  talkMs?: string[];
  accountCode?: string[];
  calls?: string[];
  totalTalkMs?: string[];
}

export type ColumnField = keyof ColumnMap;

/** The titles tried for "Call Details" and "Account Code Summary" (docs/xima-reports.md). */
export const DEFAULT_COLUMNS: Required<ColumnMap> = {
  callId: ['Call ID', 'Call Key'],
  startTime: ['Start Time'],
  direction: ['Call Direction'],
  extension: ['Initial Agent', 'Calling Agent', 'Internal Party', 'Calling Party Number'],
  dialedNumber: ['External Number', 'External Party', 'Dialed Party Number'],
  talkMs: ['Total Talking Duration', 'Talking Duration'],
  accountCode: ['Account Code'],
  calls: ['Call Count'],
  totalTalkMs: ['Total Talking Duration'],
};

/** A source's override replaces a field's whole list; fields it does not name keep the defaults. */
export function mergeColumns(columns: ColumnMap = {}): Required<ColumnMap> {
  const merged = { ...DEFAULT_COLUMNS };
  for (const field of Object.keys(DEFAULT_COLUMNS) as ColumnField[]) {
    const titles = Object.hasOwn(columns, field) ? columns[field] : undefined;
    if (titles !== undefined) merged[field] = titles.filter((t) => typeof t === 'string');
  }
  return merged;
}

/**
 * Titles match when equal after trimming, lower-casing and collapsing inner runs of whitespace:
 * Xima's docs only promise case-insensitive and trimmed, and a doubled space in a custom report's
 * title is no reason to fail a run.
 */
export function normaliseTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
