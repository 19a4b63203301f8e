import { formatScaled, parseDecimal, pow10, roundDiv, toSafeNumber } from '@app/money';
import { taxesOn } from './charge';
import type { CompiledPlan } from './compiled-plan';
import { NO_TAXES } from './line-result';
import type { RatingResult, TaxAmount, TimekeeperRef } from './rating-result';

/** A matter as rating checks it; instants already resolved in the firm's zone. */
export interface LawBookMatter {
  readonly clientNumber: string;
  readonly matterNumber: string;
  /** The first instant after the closed date (the next day's midnight), or null while open. */
  readonly closedFromMs: number | null;
  /** `2026-11-30`, for the explanation. */
  readonly closedDate: string | null;
  readonly billable: boolean;
}

export interface LawBookTimekeeper {
  readonly extension: string;
  readonly timekeeper: TimekeeperRef;
  /** The first instant of `effectiveFrom`'s day, or null: since always. */
  readonly fromMs: number | null;
}

export type LawRuleKind = 'standard' | 'no-charge' | 'markup' | 'rate-plan';

export interface LawBookRule {
  readonly clientNumber: string;
  /** '' for every matter of the client. */
  readonly matterNumber: string;
  readonly kind: LawRuleKind;
  readonly markupPercent: string | null;
  readonly ratePlanId: number | null;
  readonly effectiveFrom: string;
  readonly fromMs: number;
}

export interface LawBookInput {
  readonly matters: readonly LawBookMatter[];
  readonly timekeepers: readonly LawBookTimekeeper[];
  readonly rules: readonly LawBookRule[];
}

export type MatterVerdict = 'open' | 'unknown' | 'closed' | 'non-billable';

/** A code as the book knows it (see `LawBook.codeEntry`). */
export interface CodeEntry {
  readonly matter: LawBookMatter | null;
  readonly matterRules: RuleInForce[] | null;
  readonly clientRules: RuleInForce[] | null;
}

/** A rule in force, ready to apply: its markup parsed once. */
export interface RuleInForce extends LawBookRule {
  /** `100 + markupPercent` over `100`, scaled: the factor a markup multiplies the amount by. */
  readonly factor: { numerator: bigint; denominator: bigint } | null;
  /** A markup's outcome per plan and amount (see applyMarkup). */
  readonly markups: Map<object, Map<number, MarkedUp>>;
  /** "matter 10234-001's rule from 2026-11-01" or "client 10234's rule from …". */
  readonly label: string;
}

const SEPARATOR = '\u0000';

const CODE_MEMO_LIMIT = 100_000;

/**
 * A law firm's matters, timekeepers and matter rules, compiled for rating (docs/law-firms.md):
 * each check is a map lookup, so that validating against tens of thousands of matters costs a
 * call no more than a hash. Pure: built from rows whose dates the caller turned into instants.
 */
export class LawBook {
  /** True once the firm has a matter list: only then is an account code checked against it. */
  readonly validates: boolean;
  private readonly matters = new Map<string, LawBookMatter>();
  /** Matters by the code `client-matter`, for a plan whose pattern names no groups. */
  private readonly byCode = new Map<string, LawBookMatter>();
  private readonly timekeepers = new Map<string, LawBookTimekeeper[]>();
  private readonly rules = new Map<string, RuleInForce[]>();
  readonly hasRules: boolean;
  readonly hasTimekeepers: boolean;
  /**
   * The matter of each code, per plan (its pattern splits the code): a code's hash is cheap,
   * a (client, matter) key made per call is not. Bounded; dropped whole when full.
   */
  private readonly codes = new WeakMap<object, Map<string, CodeEntry>>();
  /** The plan of the last lookup and its memo: a sync rates with one plan at a time. */
  private lastPlan: object | null = null;
  private lastCodes: Map<string, CodeEntry> | undefined = undefined;
  private readonly extensions = new Map<string, LawBookTimekeeper[] | null>();

  constructor(input: LawBookInput) {
    for (const matter of input.matters) {
      this.matters.set(matter.clientNumber + SEPARATOR + matter.matterNumber, matter);
      this.byCode.set(`${matter.clientNumber}-${matter.matterNumber}`, matter);
    }
    this.validates = this.matters.size > 0;
    for (const row of input.timekeepers) {
      const rows = this.timekeepers.get(row.extension) ?? [];
      rows.push(row);
      this.timekeepers.set(row.extension, rows);
    }
    for (const rows of this.timekeepers.values()) {
      rows.sort((a, b) => (a.fromMs ?? -Infinity) - (b.fromMs ?? -Infinity));
    }
    for (const rule of input.rules) {
      const key = rule.clientNumber + SEPARATOR + rule.matterNumber;
      const rows = this.rules.get(key) ?? [];
      rows.push(compileRule(rule));
      this.rules.set(key, rows);
    }
    for (const rows of this.rules.values()) rows.sort((a, b) => a.fromMs - b.fromMs);
    this.hasRules = this.rules.size > 0;
    this.hasTimekeepers = this.timekeepers.size > 0;
  }

  /**
   * The matter a code names: by the plan's `client` and `matter` groups when it has them, else
   * by the whole code read as `client-matter`.
   */
  matter(client: string | null, matter: string | null, code: string): LawBookMatter | undefined {
    return client !== null && matter !== null
      ? this.matters.get(client + SEPARATOR + matter)
      : this.byCode.get(code);
  }

  /**
   * What the book holds for a code, remembered per plan and code (the plan's pattern splits the
   * code; `client` and `matter` are its groups, or null): its matter, and the rules of the
   * matter and of its client. A code's hash is cheap; keys made per call are not.
   */
  codeEntry(plan: object, client: string | null, matter: string | null, code: string): CodeEntry {
    let byCode = plan === this.lastPlan ? this.lastCodes : this.codes.get(plan);
    if (byCode === undefined) {
      byCode = new Map();
      this.codes.set(plan, byCode);
    }
    this.lastPlan = plan;
    this.lastCodes = byCode;
    let entry = byCode.get(code);
    if (entry === undefined) {
      const found = this.matter(client, matter, code) ?? null;
      const clientNumber = client ?? found?.clientNumber ?? null;
      const matterNumber = matter ?? found?.matterNumber ?? null;
      entry = {
        matter: found,
        matterRules:
          clientNumber === null || matterNumber === null
            ? null
            : (this.rules.get(clientNumber + SEPARATOR + matterNumber) ?? null),
        clientRules:
          clientNumber === null ? null : (this.rules.get(clientNumber + SEPARATOR) ?? null),
      };
      if (byCode.size >= CODE_MEMO_LIMIT) byCode.clear();
      byCode.set(code, entry);
    }
    return entry;
  }

  /** The rule in force for a code's matter at an instant: the matter's own, else its client's. */
  ruleAt(entry: CodeEntry, atMs: number): RuleInForce | null {
    return inForce(entry.matterRules, atMs) ?? inForce(entry.clientRules, atMs);
  }

  /** The matter list's word on a code at an instant. */
  verdict(found: LawBookMatter | undefined, atMs: number): MatterVerdict {
    if (found === undefined) return 'unknown';
    if (!found.billable) return 'non-billable';
    if (found.closedFromMs !== null && atMs >= found.closedFromMs) return 'closed';
    return 'open';
  }

  /** Who held the extension at the instant: its row with the latest start on or before it. */
  timekeeper(extension: string | null, atMs: number): TimekeeperRef | null {
    if (extension === null || !this.hasTimekeepers) return null;
    // Remembered by the extension as recorded: no trim per call.
    let rows = this.extensions.get(extension);
    if (rows === undefined) {
      rows = this.timekeepers.get(extension.trim()) ?? null;
      if (this.extensions.size >= CODE_MEMO_LIMIT) this.extensions.clear();
      this.extensions.set(extension, rows);
    }
    if (rows === null) return null;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (row.fromMs === null || row.fromMs <= atMs) {
        return row.timekeeper;
      }
    }
    return null;
  }
}

function inForce(rows: RuleInForce[] | null, atMs: number): RuleInForce | null {
  if (rows === null) return null;
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].fromMs <= atMs) return rows[i];
  return null;
}

function compileRule(rule: LawBookRule): RuleInForce {
  let factor: RuleInForce['factor'] = null;
  if (rule.kind === 'markup') {
    const { units, scale } = parseDecimal(rule.markupPercent ?? '0');
    const hundred = 100n * pow10(scale);
    factor = { numerator: hundred + units, denominator: hundred };
  }
  const whose =
    rule.matterNumber === ''
      ? `client ${rule.clientNumber}'s rule`
      : `matter ${rule.clientNumber}-${rule.matterNumber}'s rule`;
  return { ...rule, factor, markups: new Map(), label: `${whose} from ${rule.effectiveFrom}` };
}

/**
 * Checks a rated result's account code against the firm's law book and applies the matter's
 * rule (docs/law-firms.md, "Validation in rating"). Only a result rating left `pending` (priced
 * and billable) changes: what was already no-charge or needs review for its number or its code
 * stays, as "Which outcome wins" orders. In order: an unknown matter needs review; a matter
 * not billable is no charge; a `no-charge` rule is no charge; a `markup` rule multiplies the
 * amount (rounded once more, by the plan's rounding); a closed matter needs review, priced.
 * A `rate-plan` rule is the caller's (it rates with another plan before calling this).
 */
export function applyLawBook(
  plan: CompiledPlan,
  result: RatingResult,
  book: LawBook,
  atMs: number,
  rule: RuleInForce | null,
): void {
  // Pending: priced, billable, and its code matched the pattern (an account problem is
  // needs-review).
  if (result.status !== 'pending' || result.billingAccount === null) return;
  const code = result.billingAccount;
  const matter = book.validates
    ? (book.codeEntry(plan, result.client, result.matter, code).matter ?? undefined)
    : undefined;
  const verdict = book.validates ? book.verdict(matter, atMs) : 'open';
  if (verdict === 'unknown') {
    result.status = 'needs-review';
    result.reason = 'unknown-matter';
    result.explanation += `; matter ${code} is not in the firm's matter list: needs review`;
    return;
  }
  if (verdict === 'non-billable') {
    noCharge(plan, result, 'non-billable-matter', `matter ${code} is not billable: no charge`);
    return;
  }
  if (rule?.kind === 'no-charge') {
    noCharge(plan, result, 'no-charge-rule', `${rule.label}: no charge`);
    return;
  }
  if (rule?.kind === 'markup' && rule.factor !== null) applyMarkup(plan, result, rule);
  if (verdict === 'closed') {
    result.status = 'needs-review';
    result.reason = 'closed-matter';
    result.explanation += `; matter ${code} closed on ${matter!.closedDate}: needs review`;
  }
}

function noCharge(
  plan: CompiledPlan,
  result: RatingResult,
  reason: 'non-billable-matter' | 'no-charge-rule',
  note: string,
): void {
  result.status = 'no-charge';
  result.reason = reason;
  result.billedSeconds = 0;
  result.charge = plan.zeroCharge;
  result.amountMinor = 0;
  result.taxes = NO_TAXES;
  result.taxMinor = 0;
  result.totalMinor = 0;
  result.explanation += `; ${note}`;
}

/** A markup's outcome for one amount under one plan: the same for every call of that amount. */
interface MarkedUp {
  readonly amountMinor: number;
  readonly taxes: TaxAmount[];
  readonly taxMinor: number;
  readonly totalMinor: number;
  readonly note: string;
}

/** Bound on remembered amounts per rule and plan; dropped whole when full. */
const MARKUP_MEMO_LIMIT = 10_000;

/** amount' = round(amount * (100 + markup) / 100), taxes on amount' (decision 0030). */
function applyMarkup(plan: CompiledPlan, result: RatingResult, rule: RuleInForce): void {
  let byAmount = rule.markups.get(plan);
  if (byAmount === undefined) {
    byAmount = new Map();
    rule.markups.set(plan, byAmount);
  }
  let marked = byAmount.get(result.amountMinor);
  if (marked === undefined) {
    marked = markUp(plan, result.amountMinor, rule);
    if (byAmount.size >= MARKUP_MEMO_LIMIT) byAmount.clear();
    byAmount.set(result.amountMinor, marked);
  }
  result.amountMinor = marked.amountMinor;
  result.taxes = marked.taxes;
  result.taxMinor = marked.taxMinor;
  result.totalMinor = marked.totalMinor;
  result.explanation += marked.note;
}

function markUp(plan: CompiledPlan, before: number, rule: RuleInForce): MarkedUp {
  const { numerator, denominator } = rule.factor!;
  const after = toSafeNumber(roundDiv(BigInt(before) * numerator, denominator, plan.rounding));
  const amountMinor = after < 0 ? 0 : after;
  const taxes = taxesOn(plan, amountMinor).map((tax) =>
    Object.freeze({ name: tax.name, ratePercent: tax.ratePercent, amountMinor: tax.amountMinor }),
  );
  let taxMinor = 0;
  for (const tax of taxes) taxMinor += tax.amountMinor;
  const totalMinor = amountMinor + taxMinor;
  const money = (minor: number) => formatScaled(BigInt(minor), plan.exponent, plan.exponent);
  // Frozen: shared by every result marked up from the same amount.
  return Object.freeze({
    amountMinor,
    taxes: taxes.length === 0 ? NO_TAXES : (Object.freeze(taxes) as TaxAmount[]),
    taxMinor,
    totalMinor,
    note:
      `; ${rule.label}: ${rule.markupPercent}% markup, ${money(before)} -> ${money(amountMinor)}` +
      (taxMinor > 0 ? `, tax ${money(taxMinor)}, total ${money(totalMinor)}` : ''),
  });
}
