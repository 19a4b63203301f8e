import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@app/common';
import { Ledger, RatePlan, Source } from '@app/ledger';
import { RatePlansService } from '@app/rating';
import { SourcesService, SyncService } from '@app/xima';
import { SANDBOX_REPORTS } from '@app/xima-sandbox';
import grandHotel from './plans/grand-hotel.json';
import porterLaneSummary from './plans/porter-lane-summary.json';
import { DEMO_SANDBOX } from './demo.module';
import type { DemoSandbox } from './demo-sandbox';

const DEMO_ACTOR = { ...SYSTEM_ACTOR, name: 'demo' };

/**
 * Demo mode's sample data: the hotel and law-firm plans of docs/rating.md, a call-records
 * source and an account-code source on the sandbox, and a sync of the last week. Seeding is by
 * name, so a restart adds nothing twice; syncs run in the background.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly ledger: Ledger,
    private readonly plans: RatePlansService,
    private readonly sources: SourcesService,
    private readonly sync: SyncService,
    @Inject(DEMO_SANDBOX) private readonly sandbox: DemoSandbox | null,
  ) {}

  async seedAndSync(): Promise<void> {
    if (!this.sandbox) return;
    const hotelPlan = await this.planNamed(grandHotel);
    const firmPlan = await this.planNamed(porterLaneSummary);
    const hotel = await this.sourceNamed({
      name: 'Grand Hotel room calls (demo)',
      kind: 'call-records',
      historicDataKey: SANDBOX_REPORTS.CALLDTLX.key,
      ratePlanId: hotelPlan.id,
      timezone: 'America/Denver',
    });
    const firm = await this.sourceNamed({
      name: 'Porter & Lane account codes (demo)',
      kind: 'account-summary',
      historicDataKey: SANDBOX_REPORTS.ACCTSUM1.key,
      ratePlanId: firmPlan.id,
      timezone: 'America/Denver',
    });
    for (const source of [hotel, firm]) {
      try {
        const { done } = await this.sync.start(source.id, 'demo');
        void done.then((run) =>
          this.logger.log(
            `Demo sync of "${source.name}": ${run.status}, ${run.inserted} records, ${run.rated} line items`,
          ),
        );
      } catch (error) {
        this.logger.warn(
          `Demo sync of "${source.name}" did not start: ${(error as Error).message}`,
        );
      }
    }
  }

  private async planNamed(document: { name: string }): Promise<RatePlan> {
    const existing = await this.ledger.manager.findOneBy(RatePlan, { name: document.name });
    return existing ?? (await this.plans.create(document, DEMO_ACTOR)).plan;
  }

  private async sourceNamed(input: Parameters<SourcesService['create']>[0]): Promise<Source> {
    const existing = await this.ledger.manager.findOneBy(Source, { name: input.name });
    return existing ?? this.sources.create(input, DEMO_ACTOR);
  }
}
