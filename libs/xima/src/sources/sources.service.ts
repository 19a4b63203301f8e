import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, deliveryHostProblem, refuseCleared } from '@app/common';
import {
  AuditEventStore,
  BusinessStore,
  Ledger,
  LedgerTx,
  LineItemStore,
  RatePlan,
  RatePlanStore,
  Source,
  SourceChanges,
  SourceKind,
  SourceStore,
} from '@app/ledger';
import { CreateSourceDto, UpdateSourceDto } from './dto/source.dto';
import { SourceView } from './dto/source.view';

/** Which plan kind rates which source kind. */
const PLAN_KIND_FOR: Record<SourceKind, RatePlan['kind']> = {
  'call-records': 'per-call',
  'account-summary': 'account-summary',
};

/** Fields a PATCH may leave out but not clear. */
const NOT_NULL: (keyof UpdateSourceDto)[] = [
  'name',
  'kind',
  'historicDataKey',
  'ratePlanId',
  'businessId',
  'timezone',
  'enabled',
  'autoApprove',
  'chunkDays',
  'overlapMinutes',
  'settleMinutes',
];

export interface SourceSettings {
  /** DELIVERY_ALLOWED_HOSTS; null: any host but link-local and metadata addresses. */
  deliveryAllowedHosts: string[] | null;
}

export const SOURCE_SETTINGS = Symbol('SOURCE_SETTINGS');

/** What the audit trail shows of a source: its view, which never holds the secret. */
const audited = (source: Source): SourceView => SourceView.of(source);

@Injectable()
export class SourcesService {
  constructor(
    private readonly ledger: Ledger,
    private readonly sources: SourceStore,
    private readonly businesses: BusinessStore,
    private readonly plans: RatePlanStore,
    private readonly lineItems: LineItemStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
    @Inject(SOURCE_SETTINGS) private readonly settings: SourceSettings,
  ) {}

  create(input: CreateSourceDto, actor: Actor): Promise<Source> {
    this.assertDeliveryTarget(input.deliveryUrl ?? null, input.deliverySecret ?? null);
    return this.ledger.transaction(async (tx) => {
      await this.assertNameFree(tx, input.name, null);
      await this.assertPlanFits(tx, input.ratePlanId, input.kind);
      const businessId = await this.businessFor(tx, input.businessId);
      const now = this.clock.now();
      const source = await this.sources.insert(tx, {
        name: input.name,
        kind: input.kind,
        historicDataKey: input.historicDataKey,
        ratePlanId: input.ratePlanId,
        businessId,
        timezone: input.timezone,
        columnsJson: input.columns ? JSON.stringify(input.columns) : null,
        parametersJson: input.parameters ? JSON.stringify(input.parameters) : null,
        enabled: input.enabled ?? true,
        autoApprove: input.autoApprove ?? false,
        syncCron: input.syncCron ?? null,
        chunkDays: input.chunkDays ?? 1,
        overlapMinutes: input.overlapMinutes ?? 60,
        settleMinutes: input.settleMinutes ?? 15,
        watermarkMs: null,
        deliveryUrl: input.deliveryUrl ?? null,
        deliverySecret: input.deliverySecret ?? null,
        createdAtMs: now,
        updatedAtMs: now,
        version: 1,
      });
      await this.audit.record(
        tx,
        actor,
        {
          action: 'source.create',
          entityType: 'source',
          entityId: source.id,
          newValue: audited(source),
        },
        now,
      );
      return source;
    });
  }

  list(): Promise<Source[]> {
    return this.sources.list();
  }

  get(id: number): Promise<Source> {
    return this.existing(id);
  }

  update(id: number, input: UpdateSourceDto, actor: Actor): Promise<Source> {
    refuseCleared(input, NOT_NULL);
    return this.ledger.transaction(async (tx) => {
      const source = await this.existing(id, tx);
      if (input.kind !== undefined && input.kind !== source.kind) {
        throw DomainError.invalid('request', [
          {
            field: 'kind',
            message: `cannot change from ${source.kind}: its records are already of that kind`,
          },
        ]);
      }
      if (input.deliveryUrl !== undefined || input.deliverySecret !== undefined) {
        this.assertDeliveryTarget(
          input.deliveryUrl === undefined ? source.deliveryUrl : input.deliveryUrl,
          input.deliverySecret === undefined ? source.deliverySecret : input.deliverySecret,
          input.deliveryUrl !== undefined,
        );
      }
      if (input.name !== undefined) await this.assertNameFree(tx, input.name, id);
      if (input.ratePlanId !== undefined) {
        await this.assertPlanFits(tx, input.ratePlanId, source.kind);
      }
      if (input.businessId !== undefined) await this.businessFor(tx, input.businessId);
      const changes: SourceChanges = {};
      const set = <K extends keyof SourceChanges>(key: K, value: Source[K] | undefined) => {
        if (value !== undefined) changes[key] = value;
      };
      set('name', input.name);
      set('historicDataKey', input.historicDataKey);
      set('ratePlanId', input.ratePlanId);
      set('businessId', input.businessId);
      set('timezone', input.timezone);
      if (input.columns !== undefined)
        changes.columnsJson = input.columns ? JSON.stringify(input.columns) : null;
      if (input.parameters !== undefined) {
        changes.parametersJson = input.parameters ? JSON.stringify(input.parameters) : null;
      }
      set('enabled', input.enabled);
      set('autoApprove', input.autoApprove);
      set('syncCron', input.syncCron);
      set('chunkDays', input.chunkDays);
      set('overlapMinutes', input.overlapMinutes);
      set('settleMinutes', input.settleMinutes);
      set('deliveryUrl', input.deliveryUrl);
      set('deliverySecret', input.deliverySecret);
      const now = this.clock.now();
      const updated: Source = {
        ...source,
        ...changes,
        updatedAtMs: now,
        version: source.version + 1,
      };
      await this.sources.update(tx, id, {
        ...changes,
        updatedAtMs: now,
        version: updated.version,
      });
      // Its items' days are its zone's: the overview counts them on the new one's.
      if (changes.timezone !== undefined && changes.timezone !== source.timezone) {
        await this.lineItems.moveToZone(tx, id, changes.timezone);
      }
      await this.audit.record(
        tx,
        actor,
        {
          action: 'source.update',
          entityType: 'source',
          entityId: id,
          oldValue: audited(source),
          newValue: audited(updated),
        },
        now,
      );
      return updated;
    });
  }

  /**
   * A billing system gets invoices only signed (a receiver must be able to tell them from a
   * forgery), and only at a host DELIVERY_ALLOWED_HOSTS allows, never a link-local or metadata
   * address (decision 0015). `urlChanged`: the host is judged only when the URL is being set, so
   * that a source saved before a change of the setting can still be edited (sending checks again).
   */
  private assertDeliveryTarget(url: string | null, secret: string | null, urlChanged = true): void {
    if (url === null) return;
    if (secret === null) {
      throw DomainError.invalid('source', [
        {
          field: 'deliverySecret',
          message:
            'is required when deliveryUrl is set: deliveries are signed with it, and a receiver must check the signature',
        },
      ]);
    }
    const problem = urlChanged
      ? deliveryHostProblem(url, this.settings.deliveryAllowedHosts)
      : undefined;
    if (problem) throw DomainError.invalid('source', [{ field: 'deliveryUrl', message: problem }]);
  }

  private async existing(id: number, tx?: LedgerTx): Promise<Source> {
    const source = await this.sources.findById(id, tx);
    if (!source) throw new DomainError('not-found', `Source ${id} does not exist`);
    return source;
  }

  private async assertNameFree(tx: LedgerTx, name: string, ownId: number | null): Promise<void> {
    const other = await this.sources.findByName(name, tx);
    if (other && other.id !== ownId) {
      throw new DomainError('conflict', `A source named "${name}" already exists (id ${other.id})`);
    }
  }

  /** The business a source is given: the one named, or the default business. */
  private async businessFor(tx: LedgerTx, businessId: number | undefined): Promise<number> {
    const business =
      businessId === undefined
        ? await this.businesses.findDefault(tx)
        : await this.businesses.findById(businessId, tx);
    if (!business) {
      throw DomainError.invalid('source', [
        {
          field: 'businessId',
          message:
            businessId === undefined
              ? 'there is no default business: name one'
              : `business ${businessId} does not exist`,
        },
      ]);
    }
    return business.id;
  }

  private async assertPlanFits(tx: LedgerTx, ratePlanId: number, kind: SourceKind): Promise<void> {
    const plan = await this.plans.findById(ratePlanId, tx);
    const wanted = PLAN_KIND_FOR[kind];
    const problem = !plan
      ? `rate plan ${ratePlanId} does not exist`
      : plan.kind !== wanted
        ? `rate plan ${ratePlanId} is ${plan.kind}; a ${kind} source needs a ${wanted} plan`
        : null;
    if (problem) throw DomainError.invalid('source', [{ field: 'ratePlanId', message: problem }]);
  }
}
