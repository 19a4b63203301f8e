import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, refuseCleared } from '@app/common';
import {
  AuditEventStore,
  Ledger,
  LedgerTx,
  PmsLink,
  PmsLinkChanges,
  PmsLinkStore,
  SourceStore,
} from '@app/ledger';
import {
  CreatePmsLinkDto,
  DEFAULT_ALIVE_INTERVAL_MS,
  DEFAULT_ANSWER_TIMEOUT_MS,
  UpdatePmsLinkDto,
} from './dto/pms-link.dto';
import { PmsLinkView } from './dto/pms-link.view';
import { LinkSupervisor } from './link-supervisor.service';

/** Fields a PATCH may leave out but not clear. */
const NOT_NULL: (keyof UpdatePmsLinkDto)[] = [
  'name',
  'host',
  'port',
  'sourceIds',
  'postingMode',
  'charset',
  'answerTimeoutMs',
  'aliveIntervalMs',
  'enabled',
];

/** What the audit trail keeps of a link: its settings (a link holds no secret). */
const audited = (link: PmsLink, sourceIds: number[]) => ({
  name: link.name,
  host: link.host,
  port: link.port,
  sourceIds,
  postingMode: link.postingMode,
  charset: link.charset,
  answerTimeoutMs: link.answerTimeoutMs,
  aliveIntervalMs: link.aliveIntervalMs,
  enabled: link.enabled,
});

/** PMS links: their settings (admin), their live state and queue (anyone). */
@Injectable()
export class PmsLinksService {
  constructor(
    private readonly ledger: Ledger,
    private readonly links: PmsLinkStore,
    private readonly sources: SourceStore,
    private readonly audit: AuditEventStore,
    private readonly supervisor: LinkSupervisor,
    private readonly clock: Clock,
  ) {}

  async create(input: CreatePmsLinkDto, actor: Actor): Promise<PmsLinkView> {
    const link = await this.ledger.transaction(async (tx) => {
      await this.assertSources(tx, input.sourceIds);
      const now = this.clock.now();
      const created = await this.links.insert(
        tx,
        {
          name: input.name,
          host: input.host,
          port: input.port,
          charset: input.charset ?? 'ascii',
          postingMode: input.postingMode,
          answerTimeoutMs: input.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS,
          aliveIntervalMs: input.aliveIntervalMs ?? DEFAULT_ALIVE_INTERVAL_MS,
          enabled: input.enabled ?? true,
          createdAtMs: now,
          updatedAtMs: now,
        },
        input.sourceIds,
      );
      await this.audit.record(
        tx,
        actor,
        {
          action: 'pms-link.create',
          entityType: 'pms-link',
          entityId: created.id,
          newValue: audited(created, input.sourceIds),
        },
        now,
      );
      return created;
    });
    await this.supervisor.refresh(link.id);
    return this.view(link.id);
  }

  async list(): Promise<PmsLinkView[]> {
    const links = await this.links.list();
    return Promise.all(links.map((link) => this.view(link.id)));
  }

  async get(id: number): Promise<PmsLinkView> {
    return this.view(id);
  }

  async update(id: number, input: UpdatePmsLinkDto, actor: Actor): Promise<PmsLinkView> {
    refuseCleared(input, NOT_NULL);
    await this.ledger.transaction(async (tx) => {
      const link = await this.existing(id, tx);
      const oldSources = await this.links.sourceIdsOf(id, tx);
      if (input.sourceIds !== undefined) await this.assertSources(tx, input.sourceIds);
      const changes: PmsLinkChanges = {};
      for (const key of [
        'name',
        'host',
        'port',
        'postingMode',
        'charset',
        'answerTimeoutMs',
        'aliveIntervalMs',
        'enabled',
      ] as const) {
        if (input[key] !== undefined) Object.assign(changes, { [key]: input[key] });
      }
      const now = this.clock.now();
      await this.links.update(tx, id, { ...changes, updatedAtMs: now }, input.sourceIds);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'pms-link.update',
          entityType: 'pms-link',
          entityId: id,
          oldValue: audited(link, oldSources),
          newValue: audited({ ...link, ...changes }, input.sourceIds ?? oldSources),
        },
        now,
      );
    });
    await this.supervisor.refresh(id);
    return this.view(id);
  }

  async delete(id: number, actor: Actor): Promise<void> {
    await this.ledger.transaction(async (tx) => {
      const link = await this.existing(id, tx);
      const sourceIds = await this.links.sourceIdsOf(id, tx);
      await this.links.delete(tx, id);
      const now = this.clock.now();
      await this.audit.record(
        tx,
        actor,
        {
          action: 'pms-link.delete',
          entityType: 'pms-link',
          entityId: id,
          oldValue: audited(link, sourceIds),
        },
        now,
      );
    });
    await this.supervisor.refresh(id);
  }

  /** Asks the PMS for every guest in house; a 409 when the link is not running. */
  async resync(id: number, actor: Actor): Promise<PmsLinkView> {
    await this.existing(id);
    if (!this.supervisor.requestResync(id)) {
      const { instance } = await this.supervisor.status(id);
      throw new DomainError(
        'conflict',
        instance === null
          ? `PMS link ${id} is not running (disabled, or links are off in this process): a resync needs the link`
          : `PMS link ${id} runs on instance ${instance}: ask that instance for the resync`,
      );
    }
    await this.ledger.transaction((tx) =>
      this.audit.record(
        tx,
        actor,
        { action: 'pms-link.resync', entityType: 'pms-link', entityId: id },
        this.clock.now(),
      ),
    );
    return this.view(id);
  }

  private async view(id: number): Promise<PmsLinkView> {
    const link = await this.existing(id);
    return PmsLinkView.of(
      link,
      await this.links.sourceIdsOf(id),
      await this.supervisor.status(id),
      await this.links.postingCounts(id),
    );
  }

  private async existing(id: number, tx?: LedgerTx): Promise<PmsLink> {
    const link = await this.links.findById(id, tx);
    if (!link) throw new DomainError('not-found', `No PMS link has id ${id}`);
    return link;
  }

  /** Every source exists and has calls (rooms); an account-code source has no rooms. */
  private async assertSources(tx: LedgerTx, sourceIds: number[]): Promise<void> {
    if (sourceIds.length === 0) {
      throw DomainError.invalid('request', [
        { field: 'sourceIds', message: 'name at least one call-records source' },
      ]);
    }
    for (const sourceId of sourceIds) {
      const source = await this.sources.findById(sourceId, tx);
      if (!source) {
        throw DomainError.invalid('request', [
          { field: 'sourceIds', message: `no source has id ${sourceId}` },
        ]);
      }
      if (source.kind !== 'call-records') {
        throw DomainError.invalid('request', [
          {
            field: 'sourceIds',
            message: `source ${sourceId} is an ${source.kind} source: only calls have rooms to post to`,
          },
        ]);
      }
    }
  }
}
