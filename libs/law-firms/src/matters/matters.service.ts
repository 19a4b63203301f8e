import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, decodeCursor, encodeCursor } from '@app/common';
import { LawBookStore, Ledger, Matter, MatterStatus, MatterStore } from '@app/ledger';
import { ListInput } from '../import/list-input';
import { LawBookRevalidation, NOTHING_REVALIDATED } from '../revalidation';
import { MatterImportSummaryView } from './dto/matter-import-summary.view';
import { matterList, planMatterImport } from './matter-list';

export interface MatterPageQuery {
  q?: string;
  status?: MatterStatus;
  limit: number;
  cursor?: string;
}

export interface MatterPage {
  items: Matter[];
  nextCursor: string | null;
}

/**
 * A law firm's matters: imported as a whole list (all or nothing), listed a page at a time.
 * An import that changes something bumps the law book version, is audited with its summary,
 * and re-validates the firm's unsettled items, all in one transaction.
 */
@Injectable()
export class MattersService {
  constructor(
    private readonly ledger: Ledger,
    private readonly matters: MatterStore,
    private readonly lawBook: LawBookStore,
    private readonly revalidation: LawBookRevalidation,
    private readonly clock: Clock,
  ) {}

  async import(
    businessId: number,
    input: ListInput,
    actor: Actor,
  ): Promise<MatterImportSummaryView> {
    const file = matterList(input);
    return this.ledger.transaction(async (tx) => {
      const business = await this.revalidation.lawFirm(businessId, tx);
      const plan = planMatterImport(await this.matters.allOf(tx, businessId), file);
      const now = this.clock.now();
      const version = await this.matters.apply(tx, businessId, plan, now);
      if (version === null) {
        // The same list again: nothing is written, not even an audit event.
        return {
          ...plan.counts,
          codes: plan.codes,
          lawBookVersion: business.lawBookVersion,
          revalidated: NOTHING_REVALIDATED,
        };
      }
      const revalidated = await this.revalidation.afterImport(
        tx,
        businessId,
        'matters.import',
        { ...plan.counts, lawBookVersion: version },
        actor,
        now,
      );
      return { ...plan.counts, codes: plan.codes, lawBookVersion: version, revalidated };
    });
  }

  /** A page of the firm's matters by client then matter number. */
  async list(businessId: number, query: MatterPageQuery): Promise<MatterPage> {
    await this.revalidation.lawFirm(businessId);
    const filterKey = JSON.stringify([businessId, query.q ?? '', query.status ?? '']);
    let after: { clientNumber: string; matterNumber: string } | undefined;
    if (query.cursor !== undefined) {
      const [id] = decodeCursor(query.cursor, filterKey, 1);
      const last = await this.lawBook.findMatterById(id);
      if (!last || last.businessId !== businessId) {
        throw DomainError.invalid('query', [
          {
            field: 'cursor',
            message: 'cursor is not one this API gave (use nextCursor as it was)',
          },
        ]);
      }
      after = { clientNumber: last.clientNumber, matterNumber: last.matterNumber };
    }
    const rows = await this.lawBook.findMatters({
      businessId,
      q: query.q,
      status: query.status,
      limit: query.limit + 1,
      after,
    });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.id], filterKey) : null,
    };
  }
}
