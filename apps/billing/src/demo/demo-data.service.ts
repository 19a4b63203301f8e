import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, SYSTEM_ACTOR } from '@app/common';
import {
  Business,
  BusinessStore,
  LawBookStore,
  Ledger,
  LineItemStore,
  RatePlan,
  RatePlanStore,
  Source,
  SourceStore,
  StayStore,
} from '@app/ledger';
import {
  MATTER_COLUMNS,
  MattersService,
  TIMEKEEPER_COLUMNS,
  TimekeepersService,
  readCsvList,
} from '@app/law-firms';
import { LinkSupervisor, PmsLinksService } from '@app/postings';
import { RatePlansService } from '@app/rating';
import { ReRateService } from '@app/review';
import { SourcesService, SyncService } from '@app/xima';
import {
  SANDBOX_REPORTS,
  lawFirmMatters,
  lawFirmMattersCsv,
  lawFirmTimekeepers,
  lawFirmTimekeepersCsv,
  middleDayOf,
} from '@app/xima-sandbox';
import grandHotel from './plans/grand-hotel.json';
import porterLaneSummary from './plans/porter-lane-summary.json';
import { BusinessesService } from '../businesses/businesses.service';
import type { CreateBusinessDto } from '../businesses/dto/business.dto';
import { DEMO_SANDBOX } from './demo.module';
import type { DemoSandbox } from './demo-sandbox';

const DEMO_ACTOR = { ...SYSTEM_ACTOR, name: 'demo' };

const DEMO_PMS_LINK = 'Grand Hotel PMS (demo)';

const WEEK_MS = 7 * 86_400_000;

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
    private readonly stayStore: StayStore,
    private readonly pmsLinks: PmsLinksService,
    private readonly supervisor: LinkSupervisor,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
    private readonly lawBook: LawBookStore,
    private readonly matters: MattersService,
    private readonly timekeepers: TimekeepersService,
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
    await this.linkDemoHotel(hotel);
    await this.firmBooks(porterLane);
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

  /**
   * The demo hotel's PMS link to the stand-in PMS, posting each rated call. Made once, with the
   * stand-in's past week of stays (as if the link had run all week), before the first sync, so
   * that the week's calls are posted; a later start points it at this run's stand-in and asks
   * for a resync (the stand-in's hotel is made anew each run). Not when this process runs no
   * PMS link.
   */
  private async linkDemoHotel(hotel: Source): Promise<void> {
    // A process that runs no link would only fill the queue (PMS_LINKS_ENABLED=false).
    if (!this.supervisor.enabled) return;
    const pms = this.sandbox!.pms;
    const existing = (await this.pmsLinks.list()).find((link) => link.name === DEMO_PMS_LINK);
    if (existing) {
      if (existing.port !== pms.port || !existing.enabled) {
        await this.pmsLinks.update(existing.id, { port: pms.port, enabled: true }, DEMO_ACTOR);
      }
      this.supervisor.requestResync(existing.id);
      return;
    }
    const link = await this.pmsLinks.create(
      {
        name: DEMO_PMS_LINK,
        host: '127.0.0.1',
        port: pms.port,
        sourceIds: [hotel.id],
        postingMode: 'on-rating',
        enabled: false,
      },
      DEMO_ACTOR,
    );
    const history = pms.hotel.stays().map((stay) => ({
      room: stay.room,
      reservation: stay.reservation,
      guestName: stay.guestName,
      sharer: stay.sharer,
      fromMs: stay.from,
      toMs: stay.to,
      endedBy: stay.endedBy,
    }));
    const stays = await this.ledger.transaction((tx) =>
      this.stayStore.importHistory(tx, link.id, history, this.clock.now()),
    );
    await this.pmsLinks.update(link.id, { enabled: true }, DEMO_ACTOR);
    this.logger.log(
      `Demo hotel linked to the stand-in PMS on port ${pms.port} (${stays} stays of its last week)`,
    );
  }

  /**
   * The demo firm's matter list and timekeepers, as its time-and-billing system would export
   * them (the sandbox's firm: one code unknown, one matter closed in the middle of the synced
   * week, one not billable; a desk that changes hands the same day), imported once, before the
   * first sync, so that its codes are checked (docs/law-firms.md).
   */
  private async firmBooks(firm: Business): Promise<void> {
    if ((await this.lawBook.countMatters(firm.id)) > 0) return;
    const now = this.clock.now();
    const day = middleDayOf(now - WEEK_MS, now, firm.timezone);
    const matters = await this.matters.import(
      firm.id,
      readCsvList(
        lawFirmMattersCsv(lawFirmMatters({ closedDate: day })),
        MATTER_COLUMNS,
        'matters',
      ),
      DEMO_ACTOR,
    );
    const timekeepers = await this.timekeepers.import(
      firm.id,
      readCsvList(
        lawFirmTimekeepersCsv(lawFirmTimekeepers({ effectiveFrom: day })),
        TIMEKEEPER_COLUMNS,
        'timekeepers',
      ),
      DEMO_ACTOR,
    );
    this.logger.log(
      `Demo law firm's books imported: ${matters.total} matters (one closed on ${day}), ${timekeepers.total} timekeepers`,
    );
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
