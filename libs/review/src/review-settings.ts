/** What the app configures of review; read from ADJUSTMENT_LIMIT (apps/billing environment.ts). */
export interface ReviewSettings {
  /**
   * The largest amount an adjustment may bill, a decimal string in the item's currency's units
   * ("10000.00"); never above LINE_AMOUNT_CEILING.
   */
  adjustmentLimit: string;
}

export const REVIEW_SETTINGS = Symbol('REVIEW_SETTINGS');
