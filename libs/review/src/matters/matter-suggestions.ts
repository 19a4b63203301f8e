import type { Matter } from '@app/ledger';

export type MatterRow = Pick<
  Matter,
  'id' | 'clientNumber' | 'clientName' | 'matterNumber' | 'matterName' | 'status' | 'billable'
>;

/** A matter and the code that bills it. */
export interface CodedMatter {
  matter: MatterRow;
  code: string;
}

/** What the correction queue knows of an item's likely matters (docs/law-firms.md). */
export interface SuggestionSignals {
  /** The code as dialed (trimmed), or null when none was. */
  dialed: string | null;
  extension: string | null;
  /** How far back `used` looks, in days. */
  days: number;
  /** Codes of known matters the extension billed in that time, with how often. */
  used: readonly (CodedMatter & { uses: number })[];
  /** Known matters whose code is one edit from the dialed code. */
  oneEdit: readonly CodedMatter[];
  /** The client the dialed code names, when it is a known client, and its open matters. */
  client: string | null;
  clientMatters: readonly CodedMatter[];
}

export interface Suggestion extends CodedMatter {
  score: number;
  /** How many times the extension billed it in the period looked at (0: never). */
  uses: number;
  why: string[];
}

/**
 * The weight of each signal in a suggestion's score: one edit from the dialed code counts most
 * (a slip of one key names the intended matter far more often than habit does), then the
 * extension's habit, then the client. Summed, so that a matter with several signals ranks
 * above one with fewer: one edit and used (6), one edit and the client's (5), one edit (4),
 * used and the client's (3), used (2), the client's (1).
 */
export const SIGNAL_WEIGHTS = { oneEdit: 4, used: 2, client: 1 } as const;

export const SUGGESTIONS_LIMIT = 10;

/**
 * The likely matters of an item, best first: by score, then by how often the extension used
 * it, then by code. Only open matters are suggested: a closed matter would bill a call after
 * its closing (an assign to one is refused when the call is later than the closing day).
 */
export function rankSuggestions(
  signals: SuggestionSignals,
  limit = SUGGESTIONS_LIMIT,
): Suggestion[] {
  const byId = new Map<number, Suggestion>();
  const entry = (coded: CodedMatter): Suggestion => {
    let suggestion = byId.get(coded.matter.id);
    if (suggestion === undefined) {
      suggestion = { ...coded, score: 0, uses: 0, why: [] };
      byId.set(coded.matter.id, suggestion);
    }
    return suggestion;
  };
  for (const coded of signals.oneEdit) {
    const suggestion = entry(coded);
    suggestion.score += SIGNAL_WEIGHTS.oneEdit;
    suggestion.why.push(`one edit from ${signals.dialed ?? ''}`);
  }
  for (const coded of signals.used) {
    if (coded.uses <= 0) continue;
    const suggestion = entry(coded);
    suggestion.score += SIGNAL_WEIGHTS.used;
    suggestion.uses = coded.uses;
    const times = coded.uses === 1 ? 'once' : `${coded.uses} times`;
    suggestion.why.push(
      `used ${times} by extension ${signals.extension ?? ''} in the last ${signals.days} days`,
    );
  }
  for (const coded of signals.clientMatters) {
    const suggestion = entry(coded);
    suggestion.score += SIGNAL_WEIGHTS.client;
    suggestion.why.push(`an open matter of client ${signals.client ?? coded.matter.clientNumber}`);
  }
  return [...byId.values()]
    .filter((suggestion) => suggestion.matter.status === 'open')
    .sort(
      (a, b) =>
        b.score - a.score || b.uses - a.uses || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    )
    .slice(0, limit);
}
