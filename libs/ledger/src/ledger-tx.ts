import type { EntityManager } from 'typeorm';

declare const openTransaction: unique symbol;

/**
 * An open ledger transaction, as `Ledger.transaction` hands it to its work. Outside the ledger
 * it is opaque: it is passed to a store's methods, so that their writes commit or roll back
 * together, and it carries no way to run SQL of its own.
 */
export interface LedgerTx {
  readonly [openTransaction]: true;
}

/** The entity manager behind a transaction: for the stores of this lib only (not exported). */
export const managerOf = (tx: LedgerTx): EntityManager => tx as unknown as EntityManager;

/**
 * Throws unless `tx` is still open. A store's prepared writer is made for the work of one
 * transaction: made after it ended, its writes would land in whichever transaction runs next.
 */
export function assertOpen(tx: LedgerTx): void {
  if (!managerOf(tx).queryRunner?.isTransactionActive) {
    throw new Error('This ledger transaction has ended: make the writer inside its work');
  }
}
