import type { EntityManager } from 'typeorm';
import { DomainError, isPlainDate } from '@app/common';

/** What a request names that says whose calendar its plain dates are on. */
export interface PlainDateScope {
  sourceId?: number | null;
  businessId?: number | null;
  /** An invoice's account: its business is the one whose approved, uninvoiced items it has. */
  billingAccount?: string | null;
}

/**
 * The IANA zone in which a request's plain dates (`2026-11-30`, midnight) are read, decision
 * 0020: the named source's; else the named business's; else the business of the named billing
 * account's approved, uninvoiced items; else the default business's. A source or business that
 * does not exist falls through: the service that reads it refuses it. Instants carry their own
 * offset: when `texts` holds no plain date, nothing is looked up and the answer is UTC.
 */
export async function plainDateZone(
  manager: EntityManager,
  texts: (string | undefined)[],
  scope: PlainDateScope,
): Promise<string> {
  if (!texts.some(isPlainDate)) return 'UTC';
  const { sourceId = null, businessId = null, billingAccount = null } = scope;
  const zone = async (sql: string, params: unknown[]) =>
    (await manager.query<{ timezone: string }[]>(sql, params)).map((row) => row.timezone);
  if (sourceId !== null) {
    const [source] = await zone('SELECT timezone FROM sources WHERE id = ?', [sourceId]);
    if (source !== undefined) return source;
  }
  if (businessId !== null) {
    const [business] = await zone('SELECT timezone FROM businesses WHERE id = ?', [businessId]);
    if (business !== undefined) return business;
  }
  if (billingAccount !== null) {
    const zones = await zone(
      `SELECT DISTINCT b.timezone FROM line_items li JOIN sources s ON s.id = li.source_id
         JOIN businesses b ON b.id = s.business_id
       WHERE li.billing_account = ? AND li.status = 'approved' AND li.invoice_id IS NULL
       ORDER BY b.timezone LIMIT 3`,
      [billingAccount],
    );
    if (zones.length === 1) return zones[0];
    if (zones.length > 1) {
      throw DomainError.invalid('request', [
        {
          field: 'businessId',
          message: `${billingAccount} has approved items of businesses in ${zones.join(', ')}: name a businessId (its zone reads plain dates), or send date-times with an offset`,
        },
      ]);
    }
  }
  const [fallback] = await zone('SELECT timezone FROM businesses WHERE is_default = 1', []);
  return fallback ?? 'UTC';
}
