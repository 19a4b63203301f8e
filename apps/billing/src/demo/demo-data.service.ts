import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, SYSTEM_ACTOR } from '@app/common';
import {
  Business,
  BusinessStore,
  LineItemStore,
  RatePlan,
  RatePlanStore,
  Source,
  SourceStore,
} from '@app/ledger';
import { RatePlansService } from '@app/rating';
import { ReRateService } from '@app/review';
import { SourcesService, SyncService } from '@app/xima';
import { SANDBOX_REPORTS } from '@app/xima-sandbox';
import grandHotel from './plans/grand-hotel.json';
import porterLaneSummary from './plans/porter-lane-summary.json';
import { BusinessesService } from '../businesses/businesses.service';
import type { CreateBusinessDto } from '../businesses/dto/business.dto';
import { DEMO_SANDBOX } from './demo.module';
import type { DemoSandbox } from './demo-sandbox';

const DEMO_ACTOR = { ...SYSTEM_ACTOR, name: 'demo' };

/** The demo's two businesses: a hotel and a law firm, each numbering its own invoices. */
const GRAND_HOTEL: CreateBusinessDto = {
  name: 'Grand Hotel Denver',
  kind: 'hotel',
  timezone: 'America/Denver',
  address: ['1550 Court Place', 'Denver, CO 80202', 'United States'],
  taxId: '84-1234567',
  invoicePrefix: 'GH',
  paymentTerms: 'Due at check-out',
};

const PORTER_LANE: CreateBusinessDto = {
  name: 'Porter & Lane LLP',
  kind: 'law-firm',
  timezone: 'America/Denver',
  address: ['1700 Lincoln Street, Suite 2400', 'Denver, CO 80203', 'United States'],
  taxId: '24-6437381',
  invoicePrefix: 'PL',
  paymentTerms: 'Net 30 days',
};

/**
 * Demo mode's sample data: the hotel and law-firm plans of docs/rating.md, a call-records
 * source and an account-code source on the sandbox, and a sync of the last week. Seeding is by
 * name, so a restart adds nothing twice; syncs run in the background. A demo ledger made by an
 * earlier release is brought up to date: when a bundled plan changed, it becomes a new version
 * of the plan, in force from the oldest call the plan priced, and those calls are re-rated.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly plans: RatePlansService,
    private readonly sources: SourcesService,
    private readonly sync: SyncService,
    private readonly reRate: ReRateService,
    private readonly businesses: BusinessesService,
    private readonly planStore: RatePlanStore,
    private readonly sourceStore: SourceStore,
    private readonly businessStore: BusinessStore,
    private readonly lineItems: LineItemStore,
    private readonly clock: Clock,
    @Inject(DEMO_SANDBOX) private readonly sandbox: DemoSandbox | null,
  ) {}

  async seedAndSync(): Promise<void> {
    if (!this.sandbox) return;
    const hotelPlan = await this.planNamed(grandHotel);
    const firmPlan = await this.planNamed(porterLaneSummary);
    const grandHotelDenver = await this.businessNamed(GRAND_HOTEL);
    const porterLane = await this.businessNamed(PORTER_LANE);
    const hotel = await this.sourceNamed({
      name: 'Grand Hotel room calls (demo)',
      kind: 'call-records',
      historicDataKey: SANDBOX_REPORTS.CALLDTLX.key,
      ratePlanId: hotelPlan.id,
      businessId: grandHotelDenver.id,
      timezone: 'America/Denver',
    });
    const firm = await this.sourceNamed({
      name: 'Porter & Lane account codes (demo)',
      kind: 'account-summary',
      historicDataKey: SANDBOX_REPORTS.ACCTSUM1.key,
      ratePlanId: firmPlan.id,
      businessId: porterLane.id,
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
    const existing = await this.planStore.findByName(document.name);
    if (!existing) return (await this.plans.create(document, DEMO_ACTOR)).plan;
    await this.updatePlan(existing, document);
    return existing;
  }

  /** The bundled plan, when it is not what is in force, and a re-rate of what it priced. */
  private async updatePlan(plan: RatePlan, document: { name: string }): Promise<void> {
    const now = this.clock.now();
    if (await this.plans.isInForce(plan.id, document, now)) return;
    const sources = await this.sourceStore.findByRatePlan(plan.id);
    const from = (await this.lineItems.earliestStartOf(sources.map((s) => s.id))) ?? now;
    const { added } = await this.plans.importPlan(
      { ...document, effectiveFrom: new Date(from).toISOString() },
      DEMO_ACTOR,
    );
    let changed = 0;
    for (const source of sources) {
      changed += (await this.reRate.reRate({ sourceId: source.id }, false, DEMO_ACTOR)).changed;
    }
    this.logger.log(
      `Demo plan "${plan.name}" updated to the bundled one (version ${added?.version ?? '?'}, in force from ${new Date(from).toISOString()}); ${changed} line items re-rated with a new result`,
    );
  }

  private async businessNamed(input: CreateBusinessDto): Promise<Business> {
    const existing = await this.businessStore.findByName(input.name);
    return existing ?? this.businesses.create(input, DEMO_ACTOR);
  }

  /** A demo source by name; one made before businesses existed moves to its business. */
  private async sourceNamed(input: Parameters<SourcesService['create']>[0]): Promise<Source> {
    const existing = await this.sourceStore.findByName(input.name);
    if (!existing) return this.sources.create(input, DEMO_ACTOR);
    if (input.businessId !== undefined && existing.businessId !== input.businessId) {
      return this.sources.update(existing.id, { businessId: input.businessId }, DEMO_ACTOR);
    }
    return existing;
  }
}
