import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, Clock, DomainError } from '@app/common';
import { Ledger, LineItemStatus, RatePlanVersion } from '@app/ledger';
import { RatePlansService, taxesOn } from '@app/rating';
import { currencyExponent, decimalTextProblem, formatMinor, parseDecimal, pow10 } from '@app/money';
import { LineItemsService } from '../line-items/line-items.service';
import { REVIEW_SETTINGS, ReviewSettings } from '../review-settings';
import {
  LINE_ITEM_COLUMNS,
  LineItemRow,
  LineItemView,
  withPlanZones,
} from '../line-items/line-item.view';
import { BULK_MAX, BulkDto } from './review.dto';
import { ItemState, REASON_REQUIRED, ReviewAction, refusal, statusAfter } from './review-moves';

export interface ActionInput {
  reason?: string;
  amount?: string;
  billingAccount?: string;
  /** The version the reviewer saw; a stale one is refused. */
  version?: number;
}

const stateOf = (row: LineItemRow): ItemState => ({
  id: row.id,
  status: row.status as LineItemStatus,
  billingAccount: row.billing_account,
  invoiceId: row.invoice_id,
  reason: row.reason,
});

/**
 * Appends a line item's audit event with a prepared statement: the writes of an action run
 * without awaiting, so no read from another request sees them half done.
 */
export function lineItemEvents(ledger: Ledger) {
  const insert = ledger.statement(
    `INSERT INTO audit_events (occurred_at_ms, actor_key_id, actor_name, action, entity_type,
       entity_id, old_json, new_json, reason) VALUES (?, ?, ?, ?, 'line-item', ?, ?, ?, ?)`,
  );
  return (
    nowMs: number,
    actor: Actor,
    action: string,
    id: number,
    oldValue: unknown,
    newValue: unknown,
    reason: string | null,
  ) =>
    insert.run(
      nowMs,
      actor.keyId,
      actor.name,
      action,
      String(id),
      JSON.stringify(oldValue),
      JSON.stringify(newValue),
      reason,
    );
}

/** Every UPDATE names the version it read; a second guard behind the serialised writer. */
export function changedOne(result: { changes: number }, id: number): void {
  if (result.changes !== 1) {
    throw new DomainError('conflict', `Line item ${id} changed while it was being updated`);
  }
}

/** What an audit event keeps of an item before and after an action. */
const auditValue = (row: {
  status: string;
  billing_account: string | null;
  amount_minor: number;
  tax_minor: number;
  total_minor: number;
  currency: string;
  version: number;
}) => ({
  status: row.status,
  billingAccount: row.billing_account,
  amount: formatMinor(row.amount_minor, row.currency),
  tax: formatMinor(row.tax_minor, row.currency),
  total: formatMinor(row.total_minor, row.currency),
  version: row.version,
});

/**
 * The reviewers' actions (docs/review.md): each in one transaction with its audit event,
 * refused with 409 and the item's current state when the state machine does not allow it
 * or the reviewer's version is stale.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly ledger: Ledger,
    private readonly plans: RatePlansService,
    private readonly items: LineItemsService,
    private readonly clock: Clock,
    @Inject(REVIEW_SETTINGS) private readonly settings: ReviewSettings,
  ) {}

  act(id: number, action: ReviewAction, input: ActionInput, actor: Actor): Promise<LineItemView> {
    if (REASON_REQUIRED.has(action) && !input.reason) {
      throw DomainError.invalid('request', [
        { field: 'reason', message: `${action} needs a reason` },
      ]);
    }
    return this.ledger.transaction(async (manager) => {
      const row = await this.load(manager, id);
      if (input.version !== undefined && input.version !== row.version) {
        throw new DomainError(
          'conflict',
          `Line item ${id} has changed: it is at version ${row.version} (${row.status}), not ${input.version}; reload it`,
          [
            { field: 'version', message: String(row.version) },
            { field: 'status', message: row.status },
          ],
        );
      }
      const refused = refusal(action, stateOf(row));
      if (refused) {
        throw new DomainError('conflict', `Cannot ${action}: ${refused}`, [
          { field: 'status', message: row.status },
          { field: 'version', message: String(row.version) },
        ]);
      }
      const now = this.clock.now();
      const next = { ...row, status: statusAfter(action, stateOf(row)) };
      if (action === 'assign') next.billing_account = input.billingAccount!;
      if (action === 'adjust')
        Object.assign(next, await this.adjusted(manager, row, input.amount!));
      // From here on nothing awaits: the change and its event are written together.
      const update = this.ledger.statement(
        `UPDATE line_items SET status = ?, billing_account = ?, adjusted_amount_minor = ?,
           amount_minor = ?, taxes_json = ?, tax_minor = ?, total_minor = ?, review_reason = ?,
           version = version + 1, updated_at_ms = ?
         WHERE id = ? AND version = ?`,
      );
      changedOne(
        update.run(
          next.status,
          next.billing_account,
          next.adjusted_amount_minor,
          next.amount_minor,
          next.taxes_json,
          next.tax_minor,
          next.total_minor,
          input.reason ?? null,
          now,
          id,
          row.version,
        ),
        id,
      );
      lineItemEvents(this.ledger)(
        now,
        actor,
        `line-item.${action}`,
        id,
        auditValue(row),
        auditValue({ ...next, version: row.version + 1 }),
        input.reason ?? null,
      );
      return LineItemView.of(await this.load(manager, id));
    });
  }

  /**
   * One action on many items, all or nothing: every item must allow it, or nothing changes
   * and the answer (409) lists the ones that do not.
   */
  async bulk(input: BulkDto, actor: Actor): Promise<{ action: string; count: number }> {
    if ((input.ids === undefined) === (input.filter === undefined)) {
      throw DomainError.invalid('request', [
        { field: 'ids', message: 'give either ids or filter, not both and not neither' },
      ]);
    }
    if (REASON_REQUIRED.has(input.action) && !input.reason) {
      throw DomainError.invalid('request', [
        { field: 'reason', message: `${input.action} needs a reason` },
      ]);
    }
    if (input.action === 'assign' && !input.billingAccount) {
      throw DomainError.invalid('request', [
        { field: 'billingAccount', message: 'assign needs a billingAccount' },
      ]);
    }
    const filter = input.filter ? await this.items.compile(input.filter) : null;
    return this.ledger.transaction(async (manager) => {
      const rows: LineItemRow[] = [];
      if (filter) {
        rows.push(
          ...(await manager.query<LineItemRow[]>(
            `SELECT ${LINE_ITEM_COLUMNS} FROM line_items WHERE ${filter.where} LIMIT ?`,
            [...filter.params, BULK_MAX + 1],
          )),
        );
        if (rows.length > BULK_MAX) {
          throw DomainError.invalid('request', [
            { field: 'filter', message: `matches more than ${BULK_MAX} items; narrow it` },
          ]);
        }
      } else {
        const ids = [...new Set(input.ids)];
        for (let i = 0; i < ids.length; i += 500) {
          const slice = ids.slice(i, i + 500);
          rows.push(
            ...(await manager.query<LineItemRow[]>(
              `SELECT ${LINE_ITEM_COLUMNS} FROM line_items WHERE id IN (${slice.map(() => '?').join(',')})`,
              slice,
            )),
          );
        }
        if (rows.length !== ids.length) {
          const found = new Set(rows.map((row) => row.id));
          const missing = ids.filter((id) => !found.has(id));
          throw new DomainError(
            'not-found',
            `Line items ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''} do not exist; nothing was changed`,
          );
        }
      }
      const refused = rows
        .map((row) => refusal(input.action, stateOf(row)))
        .filter((why): why is string => why !== null);
      if (refused.length > 0) {
        throw new DomainError(
          'conflict',
          `Cannot ${input.action} ${refused.length} of ${rows.length} items; nothing was changed: ${refused.slice(0, 10).join('; ')}${refused.length > 10 ? '; …' : ''}`,
        );
      }
      const now = this.clock.now();
      const update = this.ledger.statement(
        `UPDATE line_items SET status = ?, billing_account = ?, review_reason = ?,
           version = version + 1, updated_at_ms = ? WHERE id = ? AND version = ?`,
      );
      const event = lineItemEvents(this.ledger);
      for (const row of rows) {
        const status = statusAfter(input.action, stateOf(row));
        const account = input.action === 'assign' ? input.billingAccount! : row.billing_account;
        changedOne(
          update.run(status, account, input.reason ?? null, now, row.id, row.version),
          row.id,
        );
        event(
          now,
          actor,
          `line-item.${input.action}`,
          row.id,
          auditValue(row),
          auditValue({ ...row, status, billing_account: account, version: row.version + 1 }),
          input.reason ?? null,
        );
      }
      return { action: input.action, count: rows.length };
    });
  }

  private async load(manager: EntityManager, id: number): Promise<LineItemRow> {
    const [row] = await manager.query<LineItemRow[]>(
      `SELECT ${LINE_ITEM_COLUMNS} FROM line_items WHERE id = ?`,
      [id],
    );
    if (!row) throw new DomainError('not-found', `Line item ${id} does not exist`);
    return (await withPlanZones(manager, [row]))[0];
  }

  /**
   * The billed amount set by a reviewer, in the item's currency's decimals and at most the
   * adjustment limit (which LINE_AMOUNT_CEILING bounds, so that the line and its invoice stay
   * exact); taxes recomputed with the item's plan version.
   */
  private async adjusted(manager: EntityManager, row: LineItemRow, amount: string) {
    const exponent = currencyExponent(row.currency);
    const problem = decimalTextProblem(amount, {
      decimals: exponent,
      currency: row.currency,
      trailingZeros: true,
      max: this.settings.adjustmentLimit,
      maxIs: 'the adjustment limit (ADJUSTMENT_LIMIT)',
    });
    if (problem !== undefined) {
      throw DomainError.invalid('request', [{ field: 'amount', message: `amount ${problem}` }]);
    }
    // Exact: the decimals beyond the currency's, if any, are zeros.
    const { units, scale } = parseDecimal(amount);
    const minor = Number((units * pow10(exponent)) / pow10(scale));
    const version = await manager.findOneByOrFail(RatePlanVersion, {
      id: row.rate_plan_version_id,
    });
    const taxes = taxesOn(this.plans.compile(version), minor);
    const taxMinor = taxes.reduce((sum, tax) => sum + tax.amountMinor, 0);
    if (!Number.isSafeInteger(minor + taxMinor)) {
      // Only a plan with thousands of taxes gets here: the limit keeps each tax small.
      throw DomainError.invalid('request', [
        { field: 'amount', message: 'amount with its taxes is more than the ledger can hold' },
      ]);
    }
    return {
      adjusted_amount_minor: minor,
      amount_minor: minor,
      taxes_json: JSON.stringify(
        taxes.map(({ name, ratePercent, amountMinor }) => ({ name, ratePercent, amountMinor })),
      ),
      tax_minor: taxMinor,
      total_minor: minor + taxMinor,
    };
  }
}
