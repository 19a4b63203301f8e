/** How outgoing records are cut into TCP writes. */
export type SplitMode = 'bytes' | 'random';

/** Faults a sandbox starts with (each also a method of PmsSandbox); see docs/pms-sandbox.md. */
export interface PmsFaults {
  /** Answer postings to these rooms with this status (`NG`, `NP`, ...) whoever is in. */
  readonly roomAnswers?: Readonly<Record<string, string>>;
  /** Answer the next n postings `RY`. */
  readonly retryNext?: number;
  /** Run a night audit from the link start: for this many ms, or until ended (0). */
  readonly nightAuditMs?: number;
  /** Send no `PA` for the next n postings (posted all the same). */
  readonly swallowNext?: number;
  /** Drop the connection instead of answering the next n postings (posted all the same). */
  readonly dropBeforeAnswer?: number;
  /** Drop the connection right after answering the next n postings. */
  readonly dropAfterAnswer?: number;
  /** Cut every record written into single bytes or random pieces, each its own write. */
  readonly split?: SplitMode;
  /** Write the records of a turn together in one write. */
  readonly merge?: boolean;
  /** Write junk bytes (never STX) between records. */
  readonly noise?: boolean;
}

export class PmsFaultSpecError extends Error {
  override name = 'PmsFaultSpecError';
}

const ROOM = /^\d{1,8}$/;

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value)) {
    throw new PmsFaultSpecError(`${name} takes a whole number, got "${value}"`);
  }
  return Number(value);
}

function noValue(name: string, value: string | undefined): void {
  if (value !== undefined) throw new PmsFaultSpecError(`${name} takes no value, got "${value}"`);
}

/**
 * Reads faults written `ng:1012,np:1013,ry:3,na:60000,swallow:1,drop-before:1,drop-after:1,
 * split:bytes,merge,noise` (the form PMS_SANDBOX_FAULTS takes). Throws PmsFaultSpecError
 * naming the bad entry.
 */
export function parsePmsFaultSpec(spec: string): PmsFaults {
  const roomAnswers: Record<string, string> = {};
  const faults: { -readonly [K in keyof PmsFaults]: PmsFaults[K] } = {};
  for (const entry of spec.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    const name = (colon < 0 ? entry : entry.slice(0, colon)).toLowerCase();
    const value = colon < 0 ? undefined : entry.slice(colon + 1).trim();
    switch (name) {
      case 'ng':
      case 'np':
      case 'ur':
      case 'dn':
      case 'co':
      case 'ia':
        if (value === undefined || !ROOM.test(value)) {
          throw new PmsFaultSpecError(`${name} takes a room number, like ${name}:1012`);
        }
        roomAnswers[value] = name.toUpperCase();
        break;
      case 'ry':
        faults.retryNext = count(name, value, 1);
        break;
      case 'na':
        faults.nightAuditMs = count(name, value, 0);
        break;
      case 'swallow':
        faults.swallowNext = count(name, value, 1);
        break;
      case 'drop-before':
        faults.dropBeforeAnswer = count(name, value, 1);
        break;
      case 'drop-after':
        faults.dropAfterAnswer = count(name, value, 1);
        break;
      case 'split':
        if (value !== 'bytes' && value !== 'random') {
          throw new PmsFaultSpecError(`split takes "bytes" or "random", got "${value ?? ''}"`);
        }
        faults.split = value;
        break;
      case 'merge':
        noValue(name, value);
        faults.merge = true;
        break;
      case 'noise':
        noValue(name, value);
        faults.noise = true;
        break;
      default:
        throw new PmsFaultSpecError(
          `unknown fault "${name}" (known: ng, np, ur, dn, co, ia, ry, na, swallow, drop-before, drop-after, split, merge, noise)`,
        );
    }
  }
  if (Object.keys(roomAnswers).length > 0) faults.roomAnswers = roomAnswers;
  return faults;
}
