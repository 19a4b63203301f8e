/**
 * What changed from one version of a rate plan to another (docs/api.md, "Rate plans"). Pure:
 * two plan documents in, a list of changes out.
 *
 * A plan's tables are compared row by row, each row found by what identifies it in the plan
 * (a destination by its prefix, a rate by its class, a tax by its name, ...), never by its
 * position: a row inserted in the middle is one added row, and rows listed in another order are
 * no change. Settings are compared one value at a time, nested ones by their path.
 */

import { WEEKDAYS, type RatePlanDocument } from './rate-plan';

/** The parts of a plan a change can be in, in the order changes are listed. */
export const PLAN_DIFF_SECTIONS = [
  'settings',
  'dialPlan',
  'billingAccount',
  'extensionRanges',
  'taxes',
  'destinations',
  'rates',
  'timeBands',
  'summaryRate',
  'accounts',
  'ledes',
] as const;
export type PlanDiffSection = (typeof PLAN_DIFF_SECTIONS)[number];

export const PLAN_CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

/** One difference: a setting or a row added, removed, or one of its fields changed. */
export interface PlanChange {
  section: PlanDiffSection;
  kind: PlanChangeKind;
  /** The setting's name (its path in its section, `a.b`), or what identifies the row. */
  key: string;
  /**
   * The row's field that changed (its path, `a.b`), with kind `changed` even when the row
   * gained or lost the field; absent for settings and for rows added or removed whole.
   */
  field?: string;
  /** The value before: absent when added. A whole row when the row was removed. */
  before?: unknown;
  /** The value after: absent when removed. A whole row when the row was added. */
  after?: unknown;
}

export interface PlanDiff {
  changes: PlanChange[];
  summary: Record<PlanChangeKind, number>;
}

type JsonObject = Record<string, unknown>;

/**
 * Top-level objects that are settings of their own; their values are compared one by one
 * under their own section. `billingAccount.ranges` is a table (`extensionRanges`).
 */
const SETTING_GROUPS: ReadonlySet<string> = new Set<PlanDiffSection>([
  'dialPlan',
  'billingAccount',
  'summaryRate',
  'ledes',
]);

/** Top-level fields read as tables, and the path of the one nested table. */
const TABLE_FIELDS: ReadonlySet<string> = new Set(['taxes', 'destinations', 'rates', 'accounts']);
const NESTED_TABLES: Readonly<Record<string, string>> = { billingAccount: 'ranges' };

/** A plan's tables, each row by its key; and each rate class's time bands, in their order. */
interface PlanTables {
  rows: Map<PlanDiffSection, Map<string, JsonObject>>;
  bandOrder: Map<string, string[]>;
}

/** Reads every table of a plan in one pass (a carrier's rate table may have 10,000 rows). */
function tablesOf(plan: JsonObject): PlanTables {
  const rates = new Map<string, JsonObject>();
  const bands = new Map<string, JsonObject>();
  const bandOrder = new Map<string, string[]>();
  const allRates = objectOf(plan.rates) ?? {};
  for (const rateClass of Object.keys(allRates)) {
    const rate = objectOf(allRates[rateClass]);
    if (!rate) continue;
    rates.set(rateClass, rate.timeBands === undefined ? rate : without(rate, 'timeBands'));
    if (rate.timeBands === undefined) continue;
    const classBands = bandsOf(rateClass, rate);
    bandOrder.set(rateClass, [...classBands.keys()]);
    for (const [key, band] of classBands) bands.set(key, band);
  }
  const ranges = objectsOf(objectOf(plan.billingAccount)?.ranges);
  const rows = new Map<PlanDiffSection, Map<string, JsonObject>>([
    ['extensionRanges', keyed(ranges, (range) => `${text(range.from)}-${text(range.to)}`)],
    ['taxes', keyed(objectsOf(plan.taxes), (tax) => text(tax.name))],
    ['destinations', keyed(objectsOf(plan.destinations), (d) => text(d.prefix))],
    ['rates', rates],
    ['timeBands', bands],
    ['accounts', keyed(objectsOf(plan.accounts), (account) => text(account.accountCode))],
  ]);
  return { rows, bandOrder };
}

/** What changed from `from` to `to`, section by section, each section's changes by key. */
export function diffPlans(from: RatePlanDocument, to: RatePlanDocument): PlanDiff {
  const a = from as unknown as JsonObject;
  const b = to as unknown as JsonObject;
  const tablesA = tablesOf(a);
  const tablesB = tablesOf(b);
  const changes: PlanChange[] = settingChanges(a, b);
  for (const [section, rows] of tablesA.rows) {
    changes.push(...rowChanges(section, rows, tablesB.rows.get(section)!));
  }
  changes.push(...bandOrderChanges(tablesA.bandOrder, tablesB.bandOrder));

  const rank = new Map(PLAN_DIFF_SECTIONS.map((section, index) => [section, index]));
  changes.sort(
    (x, y) =>
      rank.get(x.section)! - rank.get(y.section)! ||
      compareText(x.key, y.key) ||
      compareText(x.field ?? '', y.field ?? ''),
  );
  const summary = { added: 0, removed: 0, changed: 0 };
  for (const change of changes) summary[change.kind] += 1;
  return { changes, summary };
}

/** Every value that is not in a table: top-level ones as `settings`, a group's in its own. */
function settingChanges(a: JsonObject, b: JsonObject): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const name of union(Object.keys(a), Object.keys(b))) {
    if (TABLE_FIELDS.has(name)) continue;
    const group = SETTING_GROUPS.has(name) ? (name as PlanDiffSection) : null;
    const settingsOf = (value: unknown) => {
      const object = objectOf(value);
      return object && NESTED_TABLES[name] ? without(object, NESTED_TABLES[name]) : value;
    };
    // A group's values are named by their path in it; a plain setting by its own name.
    const pathOf = (value: unknown) => (group && objectOf(value) ? '' : name);
    const before = leaves(settingsOf(a[name]), pathOf(a[name]));
    const after = leaves(settingsOf(b[name]), pathOf(b[name]));
    for (const key of union([...before.keys()], [...after.keys()])) {
      const change = valueChange(before, after, key);
      if (change) changes.push({ section: group ?? 'settings', key, ...change });
    }
  }
  return changes;
}

/** Rows added, removed, and the fields of the rows in both that differ. */
function rowChanges(
  section: PlanDiffSection,
  before: Map<string, JsonObject>,
  after: Map<string, JsonObject>,
): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const [key, row] of before) {
    const other = after.get(key);
    if (other === undefined) {
      changes.push({ section, kind: 'removed', key, before: row });
    } else if (!sameJson(row, other)) {
      const fieldsBefore = leaves(row, '');
      const fieldsAfter = leaves(other, '');
      for (const field of union([...fieldsBefore.keys()], [...fieldsAfter.keys()])) {
        // The row is in both versions: a field it gained or lost is a change of the row.
        const change = valueChange(fieldsBefore, fieldsAfter, field);
        if (change) changes.push({ section, key, field, ...change, kind: 'changed' });
      }
    }
  }
  for (const [key, row] of after) {
    if (!before.has(key)) changes.push({ section, kind: 'added', key, after: row });
  }
  return changes;
}

/**
 * The first time band that covers a call's start prices it (docs/rating.md, step 4), so the
 * order of a class's bands can change a price: bands kept in both versions but listed in
 * another order are one change of the class's `order`.
 */
function bandOrderChanges(
  before: Map<string, string[]>,
  after: Map<string, string[]>,
): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const [rateClass, keysBefore] of before) {
    const keysAfter = after.get(rateClass);
    if (!keysAfter) continue;
    const kept = new Set(keysAfter);
    const orderBefore = keysBefore.filter((key) => kept.has(key));
    const common = new Set(orderBefore);
    const orderAfter = keysAfter.filter((key) => common.has(key));
    if (orderBefore.some((key, index) => key !== orderAfter[index])) {
      changes.push({
        section: 'timeBands',
        kind: 'changed',
        key: rateClass,
        field: 'order',
        before: orderBefore,
        after: orderAfter,
      });
    }
  }
  return changes;
}

/** A rate's time bands, each keyed `class: days from-to` (days in week order). */
function bandsOf(rateClass: string, rate: JsonObject): Map<string, JsonObject> {
  const bands = objectsOf(rate.timeBands).map((band) => {
    const days = Array.isArray(band.days)
      ? [...(band.days as unknown[])].sort((x, y) => dayIndex(x) - dayIndex(y))
      : band.days;
    return { ...band, days };
  });
  const label = (band: JsonObject) =>
    `${rateClass}: ${Array.isArray(band.days) ? band.days.map(text).join(',') : text(band.days)} ${text(band.from)}-${text(band.to)}`;
  return keyed(bands, label);
}

function dayIndex(day: unknown): number {
  const index = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]);
  return index < 0 ? WEEKDAYS.length : index;
}

/**
 * Rows by key. Validation refuses two taxes, destinations or accounts with one key; two time
 * bands or extension ranges alike are told apart as `key #2`, `key #3`, in the plan's order.
 */
function keyed(rows: JsonObject[], keyOf: (row: JsonObject) => string): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const row of rows) {
    const key = keyOf(row);
    let unique = key;
    for (let n = 2; map.has(unique); n += 1) unique = `${key} #${n}`;
    map.set(unique, row);
  }
  return map;
}

/** How one value differs, or null when it does not. */
function valueChange(
  before: Map<string, unknown>,
  after: Map<string, unknown>,
  key: string,
): Pick<PlanChange, 'kind' | 'before' | 'after'> | null {
  const had = before.has(key);
  const has = after.has(key);
  if (had && has) {
    const [x, y] = [before.get(key), after.get(key)];
    return sameJson(x, y) ? null : { kind: 'changed', before: x, after: y };
  }
  if (had) return { kind: 'removed', before: before.get(key) };
  return { kind: 'added', after: after.get(key) };
}

/** An object's values by their path (`a.b`); arrays and scalars are values, whole. */
function leaves(value: unknown, path: string, into = new Map<string, unknown>()) {
  const object = objectOf(value);
  if (!object) {
    if (value !== undefined && path !== '') into.set(path, value);
    return into;
  }
  for (const [name, item] of Object.entries(object)) {
    leaves(item, path === '' ? name : `${path}.${name}`, into);
  }
  return into;
}

function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x)) {
    return Array.isArray(y) && x.length === y.length && x.every((item, i) => sameJson(item, y[i]));
  }
  const a = objectOf(x);
  const b = objectOf(y);
  if (!a || !b) return false;
  let size = 0;
  for (const key of Object.keys(a)) {
    if (a[key] === undefined) continue;
    if (!sameJson(a[key], b[key])) return false;
    size += 1;
  }
  return size === Object.keys(b).filter((key) => b[key] !== undefined).length;
}

/** A copy of `object` without its field `name`. */
function without(object: JsonObject, name: string): JsonObject {
  const copy: JsonObject = {};
  for (const key of Object.keys(object)) if (key !== name) copy[key] = object[key];
  return copy;
}

function objectOf(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function objectsOf(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flatMap((item): JsonObject[] => {
    const object = objectOf(item);
    return object ? [object] : [];
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(JSON.stringify(value));
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
