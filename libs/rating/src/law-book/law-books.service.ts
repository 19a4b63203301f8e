import { Injectable } from '@nestjs/common';
import { instantOrLocalDate } from '@app/common';
import { LawBookRows, LawBookStore, LedgerTx, RatePlanVersion } from '@app/ledger';
import { LawBook } from '../engine';
import type { LawBookContext } from '../rate-record';
import { RatePlansService } from '../rate-plans/rate-plans.service';

interface Cached {
  readonly version: number;
  readonly book: LawBook | null;
  readonly planIds: readonly number[];
}

/** Bound on businesses whose compiled book is kept; the cache is dropped whole when full. */
const CACHE_LIMIT = 1_000;

/**
 * Each law firm's law book compiled for rating (docs/law-firms.md), kept while its business's
 * `lawBookVersion` is unchanged: a sync chunk, a re-rate or a re-validation asks inside its own
 * transaction, so that what it rates agrees with the book it commits beside.
 */
@Injectable()
export class LawBooks {
  private readonly cache = new Map<number, Cached>();

  constructor(
    private readonly store: LawBookStore,
    private readonly plans: RatePlansService,
  ) {}

  /** The business's law book as rating takes it, or null when it has none (never changed). */
  async contextFor(businessId: number, tx?: LedgerTx): Promise<LawBookContext | null> {
    const version = await this.store.versionOf(businessId, tx);
    if (version === null || version === 0) return null;
    let cached = this.cache.get(businessId);
    if (cached === undefined || cached.version !== version) {
      const rows = await this.store.read(businessId, tx);
      if (rows === null) return null;
      cached = compile(rows);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(businessId, cached);
    }
    const book = cached.book;
    if (book === null) return null;
    const versions = new Map<number, RatePlanVersion[]>();
    for (const planId of cached.planIds) {
      versions.set(planId, (await this.plans.get(planId)).versions);
    }
    return {
      book,
      planInForce: (ratePlanId, atMs) => this.plans.inForce(versions.get(ratePlanId) ?? [], atMs),
    };
  }
}

/** The rows' dates made instants in the firm's zone: a day starts at its local midnight. */
function compile(rows: LawBookRows): Cached {
  if (rows.matters.length === 0 && rows.timekeepers.length === 0 && rows.rules.length === 0) {
    return { version: rows.version, book: null, planIds: [] };
  }
  const zone = rows.timezone;
  const startOf = (date: string) => instantOrLocalDate(date, 'date', zone);
  const book = new LawBook({
    matters: rows.matters.map((matter) => ({
      clientNumber: matter.clientNumber,
      matterNumber: matter.matterNumber,
      closedDate: matter.status === 'closed' ? matter.closedDate : null,
      closedFromMs:
        matter.status === 'closed' && matter.closedDate !== null
          ? startOf(nextDay(matter.closedDate))
          : null,
      billable: matter.billable,
    })),
    timekeepers: rows.timekeepers.map((row) => ({
      extension: row.extension,
      timekeeper: { id: row.timekeeperId, name: row.name, classification: row.classification },
      fromMs: row.effectiveFrom === '' ? null : startOf(row.effectiveFrom),
    })),
    rules: rows.rules.map((rule) => ({
      clientNumber: rule.clientNumber,
      matterNumber: rule.matterNumber,
      kind: rule.kind,
      markupPercent: rule.markupPercent,
      ratePlanId: rule.ratePlanId,
      effectiveFrom: rule.effectiveFrom,
      fromMs: startOf(rule.effectiveFrom),
    })),
  });
  const planIds = [
    ...new Set(rows.rules.flatMap((rule) => (rule.ratePlanId === null ? [] : [rule.ratePlanId]))),
  ];
  return { version: rows.version, book, planIds };
}

/** `2026-11-30` -> `2026-12-01`. */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(0);
  next.setUTCFullYear(year, month - 1, day + 1);
  return next.toISOString().slice(0, 10);
}
