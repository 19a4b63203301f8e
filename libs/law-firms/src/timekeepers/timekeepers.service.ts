import { Injectable } from '@nestjs/common';
import { Actor, Clock } from '@app/common';
import { LawBookStore, Ledger, Timekeeper, TimekeeperStore } from '@app/ledger';
import { ListInput } from '../import/list-input';
import { LawBookRevalidation, NOTHING_REVALIDATED } from '../revalidation';
import { TimekeeperImportSummaryView } from './dto/timekeeper.view';
import { planTimekeeperImport, timekeeperList } from './timekeeper-list';

/**
 * A law firm's timekeepers: who used each extension from which date. The file is the whole
 * list, history included, and replaces the stored one; all or nothing, like the matters.
 */
@Injectable()
export class TimekeepersService {
  constructor(
    private readonly ledger: Ledger,
    private readonly timekeepers: TimekeeperStore,
    private readonly lawBook: LawBookStore,
    private readonly revalidation: LawBookRevalidation,
    private readonly clock: Clock,
  ) {}

  async import(
    businessId: number,
    input: ListInput,
    actor: Actor,
  ): Promise<TimekeeperImportSummaryView> {
    const file = timekeeperList(input);
    return this.ledger.transaction(async (tx) => {
      const business = await this.revalidation.lawFirm(businessId, tx);
      const plan = planTimekeeperImport(await this.timekeepers.allOf(tx, businessId), file);
      const now = this.clock.now();
      const version = await this.timekeepers.apply(tx, businessId, plan, now);
      const total = file.length;
      if (version === null) {
        return {
          ...plan.counts,
          total,
          lawBookVersion: business.lawBookVersion,
          revalidated: NOTHING_REVALIDATED,
        };
      }
      const revalidated = await this.revalidation.afterImport(
        tx,
        businessId,
        'timekeepers.import',
        { ...plan.counts, total, lawBookVersion: version },
        actor,
        now,
      );
      return { ...plan.counts, total, lawBookVersion: version, revalidated };
    });
  }

  async list(businessId: number): Promise<Timekeeper[]> {
    await this.revalidation.lawFirm(businessId);
    return this.lawBook.findTimekeepers(businessId);
  }
}
