// BusinessStore's reads (`BusinessStore.plainDateZone`): whose calendar a request's dates are on.
import type { EntityManager } from 'typeorm';
import { DomainError, isPlainDate } from '@app/common';

/** What a request names that says whose calendar its plain dates are on. */
export interface PlainDateScope {
  sourceId?: number | null;
  businessId?: number | null;
  /**
   * Drafting invoices: the dates are the days of the businesses whose approved, uninvoiced
   * items (of this billing account; of any, when null) would be drafted, and their zones must
   * agree. Without it, the default business's days.
   */
  invoicing?: { billingAccount: string | null };
}

/**
 * The IANA zone in which a request's plain dates (`2026-11-30`, midnight) are read (decision
 * 0020): the named source's; else the named business's; else, drafting invoices, the zone of
 * the businesses with approved items to draft; else the default business's. A source or
 * business that does not exist falls through: the service that reads it refuses it. Instants
 * carry their own offset: when `texts` holds no plain date, nothing is looked up (UTC).
 */
export async function plainDateZone(
  manager: EntityManager,
  texts: (string | undefined)[],
  scope: PlainDateScope,
): Promise<string> {
  if (!texts.some(isPlainDate)) return 'UTC';
  const { sourceId = null, businessId = null, invoicing = null } = scope;
  const zones = async (sql: string, params: unknown[]) =>
    (await manager.query<{ timezone: string }[]>(sql, params)).map((row) => row.timezone);
  if (sourceId !== null) {
    const [source] = await zones('SELECT timezone FROM sources WHERE id = ?', [sourceId]);
    if (source !== undefined) return source;
  }
  if (businessId !== null) {
    const [business] = await zones('SELECT timezone FROM businesses WHERE id = ?', [businessId]);
    if (business !== undefined) return business;
  }
  if (invoicing !== null) {
    const { billingAccount } = invoicing;
    const drafted = await zones(
      `SELECT DISTINCT b.timezone FROM line_items li JOIN sources s ON s.id = li.source_id
         JOIN businesses b ON b.id = s.business_id
       WHERE li.status = 'approved' AND li.invoice_id IS NULL
         ${billingAccount === null ? '' : 'AND li.billing_account = ?'}
       ORDER BY b.timezone LIMIT 3`,
      billingAccount === null ? [] : [billingAccount],
    );
    if (drafted.length === 1) return drafted[0];
    if (drafted.length > 1) {
      const whose =
        billingAccount === null ? 'approved items' : `${billingAccount}'s approved items`;
      const name = billingAccount === null ? 'a businessId or sourceId' : 'a businessId';
      throw DomainError.invalid('request', [
        {
          field: 'businessId',
          message: `${whose} belong to businesses in ${drafted.join(', ')}: name ${name} (its zone reads plain dates), or send date-times with an offset`,
        },
      ]);
    }
  }
  const [fallback] = await zones('SELECT timezone FROM businesses WHERE is_default = TRUE', []);
  return fallback ?? 'UTC';
}
