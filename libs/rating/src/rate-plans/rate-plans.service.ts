import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorDetail, isoTime } from '@app/common';
import {
  AuditEventStore,
  Ledger,
  LedgerTx,
  RatePlan,
  RatePlanStore,
  RatePlanVersion,
} from '@app/ledger';
import { CompiledPlan, InvalidPlanError, compilePlan } from '../engine';
import { canonicalJson } from '../plan/canonical-json';
import { PlanDiff, diffPlans } from '../plan/plan-diff';
import type { PerCallPlan, RatePlanDocument } from '../plan/rate-plan';
import { validateRatePlan, validateRatePlanVersion } from '../validation';
import { onTableLine, parseRateTable, withRateTable } from './rate-table-csv';

/** A plan's first version is in force from the beginning of time unless it says otherwise. */
export const BEGINNING_MS = 0;

export interface PlanWithVersions {
  plan: RatePlan;
  /** Oldest `effectiveFrom` first. */
  versions: RatePlanVersion[];
}

export interface VersionAdded extends PlanWithVersions {
  added: RatePlanVersion;
}

/** Two versions of a plan and what changed from the first to the second. */
export interface VersionDiff {
  plan: RatePlan;
  from: RatePlanVersion;
  to: RatePlanVersion;
  diff: PlanDiff;
}

/** What importing a plan file did. */
export type ImportOutcome = 'created' | 'new-version' | 'unchanged';

interface CheckedVersion {
  document: RatePlanDocument;
  effectiveFromMs: number;
}

/**
 * Rate plans and their versions. A version never changes (the ledger refuses it); editing a
 * plan adds a version with the instant it takes effect. Records are rated with the version in
 * force at their start. A plan keeps its name, kind and currency in every version: imports
 * find plans by name, and invoices add amounts of one currency.
 */
@Injectable()
export class RatePlansService {
  /** Versions are immutable, so their compiled form can be kept for the life of the process. */
  private readonly compiled = new Map<number, CompiledPlan>();

  constructor(
    private readonly ledger: Ledger,
    private readonly plans: RatePlanStore,
    private readonly audit: AuditEventStore,
    private readonly clock: Clock,
  ) {}

  /** Validates and stores a new plan with its first version. */
  create(input: unknown, actor: Actor): Promise<VersionAdded> {
    const checked = hasEffectiveFrom(input) ? checkVersion(input) : checkPlan(input);
    return this.ledger.transaction(async (tx) => {
      const { document } = checked;
      const other = await this.plans.findByName(document.name, tx);
      if (other) {
        throw new DomainError(
          'conflict',
          `A rate plan named "${document.name}" already exists (id ${other.id})`,
        );
      }
      const now = this.clock.now();
      const plan = await this.plans.insertPlan(tx, {
        name: document.name,
        kind: document.kind,
        currency: document.currency,
        createdAtMs: now,
        updatedAtMs: now,
      });
      const added = await this.insertVersion(tx, plan, 1, checked, actor);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'rate-plan.create',
          entityType: 'rate-plan',
          entityId: plan.id,
          newValue: versionValue(added, document),
        },
        now,
      );
      return { plan, versions: [added], added };
    });
  }

  /** Adds a version `{ effectiveFrom, ...plan }` to a plan. */
  async addVersion(planId: number, input: unknown, actor: Actor): Promise<VersionAdded> {
    await this.get(planId); // an unknown plan is a 404, whatever the body says
    return this.insertChecked(planId, checkVersion(input), actor);
  }

  /**
   * Imports a plan file: a new plan, a new version of the plan with that name, or nothing when
   * the version the file describes is already there (so imports are repeatable). A file
   * without `effectiveFrom` takes effect now, unless it is what is in force now.
   */
  async importPlan(
    input: unknown,
    actor: Actor,
  ): Promise<{ outcome: ImportOutcome; added?: RatePlanVersion } & PlanWithVersions> {
    const name = isObject(input) ? input.name : undefined;
    const existing = typeof name === 'string' ? await this.plans.findByName(name) : null;
    if (!existing) return { outcome: 'created', ...(await this.create(input, actor)) };

    const dated = hasEffectiveFrom(input);
    const checked = checkVersion(
      dated ? input : { ...(input as object), effectiveFrom: isoTime(this.clock.now()) },
    );
    const current = await this.get(existing.id);
    const wanted = canonicalJson(checked.document);
    const same = dated
      ? current.versions.some(
          (v) => v.effectiveFromMs === checked.effectiveFromMs && sameDocument(v, wanted),
        )
      : sameDocument(this.inForce(current.versions, checked.effectiveFromMs)?.version, wanted);
    if (same) return { outcome: 'unchanged', ...current };
    return { outcome: 'new-version', ...(await this.insertChecked(existing.id, checked, actor)) };
  }

  /**
   * A new version of a per-call plan whose destinations and rates come from a carrier's rate
   * table (CSV); everything else is the version in force when it takes effect. Errors name the
   * CSV line they come from.
   */
  async importRateTable(
    planId: number,
    csv: string,
    effectiveFrom: string | undefined,
    actor: Actor,
  ): Promise<VersionAdded> {
    const { plan, versions } = await this.get(planId);
    if (plan.kind !== 'per-call') {
      throw new DomainError(
        'bad-request',
        `Rate plan ${planId} is ${plan.kind}: rate tables are for per-call plans`,
      );
    }
    const parsed = parseRateTable(csv);
    if (!parsed.ok) throw DomainError.invalid('rate table', parsed.errors);
    const when = checkInstant(effectiveFrom ?? isoTime(this.clock.now()));
    const base = this.inForce(versions, when);
    if (!base) {
      throw new DomainError(
        'bad-request',
        `effectiveFrom is before the plan's first version (in force from ${isoTime(versions[0].effectiveFromMs)})`,
        [{ field: 'effectiveFrom', message: "is before the plan's first version" }],
      );
    }
    const merged = withRateTable(this.document(base.version) as PerCallPlan, parsed.table);
    const validation = validateRatePlanVersion({ effectiveFrom: isoTime(when), ...merged });
    if (!validation.ok) {
      throw DomainError.invalid(
        'rate table',
        validation.errors.map((error) => onTableLine(parsed.table, error)),
      );
    }
    const checked = { document: validation.plan, effectiveFromMs: validation.effectiveFromMs };
    compileChecked(checked.document);
    return this.insertChecked(planId, checked, actor);
  }

  list(): Promise<RatePlan[]> {
    return this.plans.list();
  }

  get(planId: number): Promise<PlanWithVersions> {
    return this.load(planId);
  }

  /**
   * What changed from version `a` to version `b` of a plan (by their numbers, either may be
   * the later); the same version twice is no change. A 404 names what the plan does not have.
   */
  async diffVersions(planId: number, a: number, b: number): Promise<VersionDiff> {
    const { plan, versions } = await this.get(planId);
    const byNumber = new Map(versions.map((version) => [version.version, version]));
    const missing = [...new Set([a, b])].filter((number) => !byNumber.has(number));
    if (missing.length > 0) {
      const numbers = versions.map((version) => version.version).sort((x, y) => x - y);
      throw new DomainError(
        'not-found',
        `Rate plan ${planId} has no version ${missing.join(' or ')} (its versions: ${numbers.join(', ')})`,
      );
    }
    const from = byNumber.get(a)!;
    const to = byNumber.get(b)!;
    return { plan, from, to, diff: diffPlans(this.document(from), this.document(to)) };
  }

  /** Whether the plan document `input` is the version of plan `planId` in force at `atMs`. */
  async isInForce(planId: number, input: unknown, atMs: number): Promise<boolean> {
    const checked = checkVersion({ ...(input as object), effectiveFrom: isoTime(atMs) });
    const current = await this.get(planId);
    return sameDocument(
      this.inForce(current.versions, atMs)?.version,
      canonicalJson(checked.document),
    );
  }

  /** The version in force at `startTimeMs`, compiled; null before the plan's first version. */
  inForce(
    versions: RatePlanVersion[],
    startTimeMs: number,
  ): { version: RatePlanVersion; compiled: CompiledPlan } | null {
    let found: RatePlanVersion | undefined;
    for (const version of versions) {
      if (version.effectiveFromMs <= startTimeMs) found = version;
      else break;
    }
    return found ? { version: found, compiled: this.compile(found) } : null;
  }

  document(version: RatePlanVersion): RatePlanDocument {
    return JSON.parse(version.planJson) as RatePlanDocument;
  }

  private insertChecked(
    planId: number,
    checked: CheckedVersion,
    actor: Actor,
  ): Promise<VersionAdded> {
    return this.ledger.transaction(async (tx) => {
      const { plan, versions } = await this.load(planId, tx);
      const { document, effectiveFromMs } = checked;
      assertCompatible(plan, document);
      const clash = versions.find((v) => v.effectiveFromMs === effectiveFromMs);
      if (clash) {
        throw new DomainError(
          'conflict',
          `Rate plan ${planId} already has version ${clash.version} effective from ${isoTime(clash.effectiveFromMs)}`,
        );
      }
      const previous = this.inForce(versions, effectiveFromMs)?.version;
      const number = Math.max(...versions.map((v) => v.version)) + 1;
      const added = await this.insertVersion(tx, plan, number, checked, actor);
      const now = this.clock.now();
      await this.plans.markUpdated(tx, plan.id, now);
      await this.audit.record(
        tx,
        actor,
        {
          action: 'rate-plan.add-version',
          entityType: 'rate-plan',
          entityId: plan.id,
          // The version that was in force from that instant, and the one that now is.
          oldValue: previous ? versionValue(previous, this.document(previous)) : null,
          newValue: versionValue(added, document),
        },
        now,
      );
      return {
        plan: { ...plan, updatedAtMs: now },
        versions: [...versions, added].sort((a, b) => a.effectiveFromMs - b.effectiveFromMs),
        added,
      };
    });
  }

  /** A version compiled once and kept (versions never change). */
  compile(version: RatePlanVersion): CompiledPlan {
    let compiled = this.compiled.get(version.id);
    if (!compiled) {
      compiled = compilePlan(this.document(version));
      this.compiled.set(version.id, compiled);
    }
    return compiled;
  }

  private async load(planId: number, tx?: LedgerTx): Promise<PlanWithVersions> {
    const plan = await this.plans.findById(planId, tx);
    if (!plan) throw new DomainError('not-found', `Rate plan ${planId} does not exist`);
    return { plan, versions: await this.plans.findVersions(planId, tx) };
  }

  private insertVersion(
    tx: LedgerTx,
    plan: RatePlan,
    version: number,
    checked: CheckedVersion,
    actor: Actor,
  ): Promise<RatePlanVersion> {
    return this.plans.insertVersion(tx, {
      ratePlanId: plan.id,
      version,
      effectiveFromMs: checked.effectiveFromMs,
      planJson: JSON.stringify(checked.document),
      createdAtMs: this.clock.now(),
      createdBy: actor.name,
    });
  }
}

/** A plan without `effectiveFrom`: in force from the beginning. Validated and compiled. */
function checkPlan(input: unknown): CheckedVersion {
  const validation = validateRatePlan(input);
  if (!validation.ok) throw DomainError.invalid('rate plan', validation.errors);
  compileChecked(validation.plan);
  return { document: validation.plan, effectiveFromMs: BEGINNING_MS };
}

/** `{ effectiveFrom, ...plan }`, validated and compiled (outside any transaction). */
function checkVersion(input: unknown): CheckedVersion {
  const validation = validateRatePlanVersion(input);
  if (!validation.ok) throw DomainError.invalid('rate plan', validation.errors);
  compileChecked(validation.plan);
  return { document: validation.plan, effectiveFromMs: validation.effectiveFromMs };
}

function checkInstant(effectiveFrom: string): number {
  const validation = validateRatePlanVersion({ effectiveFrom });
  const errors: ErrorDetail[] = validation.ok
    ? []
    : validation.errors.filter((e) => e.field === 'effectiveFrom');
  if (errors.length > 0) throw DomainError.invalid('rate table', errors);
  return Date.parse(effectiveFrom);
}

/** Compiling refuses what validation cannot see (it should never happen), before storing. */
function compileChecked(document: RatePlanDocument): void {
  try {
    compilePlan(document);
  } catch (error) {
    if (!(error instanceof InvalidPlanError)) throw error;
    throw DomainError.invalid('rate plan', [{ field: error.path, message: error.message }]);
  }
}

function assertCompatible(plan: RatePlan, document: RatePlanDocument): void {
  const kept: [keyof RatePlan & keyof RatePlanDocument, string][] = [
    ['name', 'plans are found by name when imported'],
    ['kind', 'a plan rates one kind of record'],
    ['currency', 'an invoice adds amounts of one currency'],
  ];
  const errors = kept
    .filter(([field]) => document[field] !== plan[field])
    .map(([field, why]) => ({
      field,
      message: `must stay ${JSON.stringify(plan[field])} in every version of the plan (${why})`,
    }));
  if (errors.length > 0) throw DomainError.invalid('rate plan', errors);
}

function sameDocument(version: RatePlanVersion | undefined, canonical: string): boolean {
  return version !== undefined && canonicalJson(JSON.parse(version.planJson)) === canonical;
}

function versionValue(version: RatePlanVersion, document: RatePlanDocument): object {
  return {
    version: version.version,
    effectiveFrom: isoTime(version.effectiveFromMs),
    plan: document,
  };
}

function isObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

function hasEffectiveFrom(input: unknown): boolean {
  return isObject(input) && 'effectiveFrom' in input;
}
