import { Injectable } from '@nestjs/common';
import { Business, Matter, MatterRule, MatterStatus, Timekeeper } from '../entities';
import { Ledger } from '../ledger';
import type { LedgerTx } from '../ledger-tx';
import { readerOf } from './reader';

/** What rating needs of a firm's law book, read whole (docs/law-firms.md). */
export interface LawBookRows {
  readonly businessId: number;
  /** The business's `lawBookVersion` the rows were read at. */
  readonly version: number;
  readonly timezone: string;
  readonly matters: readonly Matter[];
  readonly timekeepers: readonly Timekeeper[];
  readonly rules: readonly MatterRule[];
}

export interface MatterQuery {
  readonly businessId: number;
  /** Part of a client or matter number or name, case-insensitive. */
  readonly q?: string;
  readonly status?: MatterStatus;
  readonly clientNumber?: string;
  readonly limit: number;
  /** The last (clientNumber, matterNumber) of the page before. */
  readonly after?: { clientNumber: string; matterNumber: string };
}

/**
 * A law firm's matters, timekeepers and matter rules (tables matters, timekeepers,
 * matter_rules): the law book that rating checks account codes against. Every change to it
 * bumps the business's `law_book_version` in the same transaction, so that a cached copy knows
 * when it is stale.
 */
@Injectable()
export class LawBookStore {
  constructor(private readonly ledger: Ledger) {}

  /** The business's law book version, or null when there is no such business. */
  async versionOf(businessId: number, tx?: LedgerTx): Promise<number | null> {
    const business = await readerOf(this.ledger, tx).findOne(Business, {
      where: { id: businessId },
      select: { id: true, lawBookVersion: true },
    });
    return business?.lawBookVersion ?? null;
  }

  /**
   * The whole book. Inside the caller's transaction its parts agree with its version; outside
   * one, a change landing between the reads makes rows newer than the version they carry, which
   * only makes the next reader read them again.
   */
  async read(businessId: number, tx?: LedgerTx): Promise<LawBookRows | null> {
    const reader = readerOf(this.ledger, tx);
    const business = await reader.findOneBy(Business, { id: businessId });
    if (business === null) return null;
    const matters = await reader.find(Matter, { where: { businessId } });
    const timekeepers = await reader.find(Timekeeper, { where: { businessId } });
    const rules = await reader.find(MatterRule, { where: { businessId } });
    return {
      businessId,
      version: business.lawBookVersion,
      timezone: business.timezone,
      matters,
      timekeepers,
      rules,
    };
  }

  countMatters(businessId: number, tx?: LedgerTx): Promise<number> {
    return readerOf(this.ledger, tx).countBy(Matter, { businessId });
  }

  findMatter(
    businessId: number,
    clientNumber: string,
    matterNumber: string,
    tx?: LedgerTx,
  ): Promise<Matter | null> {
    return readerOf(this.ledger, tx).findOneBy(Matter, { businessId, clientNumber, matterNumber });
  }

  findMatterById(id: number, tx?: LedgerTx): Promise<Matter | null> {
    return readerOf(this.ledger, tx).findOneBy(Matter, { id });
  }

  /**
   * The business's matters among these (client, matter) numbers, looked up by the unique index
   * (the correction queue's candidates: a few hundred keys, never a scan of the firm's list).
   */
  async findMattersByNumbers(
    businessId: number,
    numbers: readonly { clientNumber: string; matterNumber: string }[],
    tx?: LedgerTx,
  ): Promise<Matter[]> {
    const found: Matter[] = [];
    // 2 parameters a key: well under SQLite's limit on parameters.
    for (let start = 0; start < numbers.length; start += 250) {
      const chunk = numbers.slice(start, start + 250);
      const params: Record<string, string | number> = { businessId };
      const rows = chunk.map((key, i) => {
        params[`c${i}`] = key.clientNumber;
        params[`m${i}`] = key.matterNumber;
        return `(:c${i}, :m${i})`;
      });
      found.push(
        ...(await readerOf(this.ledger, tx)
          .createQueryBuilder(Matter, 'm')
          .where('m.businessId = :businessId')
          .andWhere(`(m.clientNumber, m.matterNumber) IN (VALUES ${rows.join(', ')})`)
          .setParameters(params)
          .getMany()),
      );
    }
    return found;
  }

  /** A page of matters in (clientNumber, matterNumber) order. */
  findMatters(query: MatterQuery): Promise<Matter[]> {
    const builder = this.ledger.manager
      .createQueryBuilder(Matter, 'm')
      .where('m.businessId = :businessId', { businessId: query.businessId });
    if (query.status !== undefined) builder.andWhere('m.status = :status', query);
    if (query.clientNumber !== undefined) builder.andWhere('m.clientNumber = :clientNumber', query);
    if (query.q !== undefined && query.q !== '') {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        `(lower(m.clientNumber) LIKE :like ESCAPE '\\' OR lower(m.matterNumber) LIKE :like ESCAPE '\\'
          OR lower(m.clientName) LIKE :like ESCAPE '\\' OR lower(m.matterName) LIKE :like ESCAPE '\\'
          OR lower(m.clientNumber || '-' || m.matterNumber) LIKE :like ESCAPE '\\')`,
        { like },
      );
    }
    if (query.after !== undefined) {
      builder.andWhere(
        '(m.clientNumber > :afterClient OR (m.clientNumber = :afterClient AND m.matterNumber > :afterMatter))',
        { afterClient: query.after.clientNumber, afterMatter: query.after.matterNumber },
      );
    }
    return builder
      .orderBy('m.clientNumber', 'ASC')
      .addOrderBy('m.matterNumber', 'ASC')
      .limit(query.limit)
      .getMany();
  }

  /** Every timekeeper row of the business, by extension then date. */
  findTimekeepers(businessId: number, tx?: LedgerTx): Promise<Timekeeper[]> {
    return readerOf(this.ledger, tx).find(Timekeeper, {
      where: { businessId },
      order: { extension: 'ASC', effectiveFrom: 'ASC' },
    });
  }

  /** Every matter rule of the business, by client, matter and date. */
  findRules(businessId: number, tx?: LedgerTx): Promise<MatterRule[]> {
    return readerOf(this.ledger, tx).find(MatterRule, {
      where: { businessId },
      order: { clientNumber: 'ASC', matterNumber: 'ASC', effectiveFrom: 'ASC' },
    });
  }
}
