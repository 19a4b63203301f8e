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

/** What a `LedgerTx` is inside the ledger: the transaction's manager, and whether it is open. */
interface Transaction {
  /** Null for a transaction of prepared statements only (`Ledger.preparedTransaction`). */
  readonly manager: EntityManager | null;
  open: boolean;
  /** What must be written before the transaction commits; see `beforeCommit`. */
  readonly beforeCommit: (() => void | Promise<void>)[];
}

/** A transaction's handle, for the work of `Ledger.transaction` (not exported from the lib). */
export function beginTx(manager: EntityManager | null): LedgerTx {
  const transaction: Transaction = { manager, open: true, beforeCommit: [] };
  return transaction as unknown as LedgerTx;
}

/**
 * Runs `write` once the transaction's work has returned, before it commits (not if the work
 * throws: then nothing commits). For a store's prepared writer that gathers what it writes
 * (sums of many rows) and writes it once: it cannot be forgotten by the writer's caller.
 */
export function beforeCommit(tx: LedgerTx, write: () => void | Promise<void>): void {
  assertOpen(tx);
  (tx as unknown as Transaction).beforeCommit.push(write);
}

/** Runs what `beforeCommit` was given, in order: for `Ledger.transaction`. */
export async function settleTx(tx: LedgerTx): Promise<void> {
  const transaction = tx as unknown as Transaction;
  for (let i = 0; i < transaction.beforeCommit.length; i++) await transaction.beforeCommit[i]();
}

/** Marks the handle ended: the work of its transaction has returned or thrown. */
export function endTx(tx: LedgerTx): void {
  (tx as unknown as Transaction).open = false;
}

/**
 * The entity manager behind an open transaction: for the stores of this lib only (not
 * exported). A handle whose work has ended is refused (see `assertOpen`).
 */
export function managerOf(tx: LedgerTx): EntityManager {
  assertOpen(tx);
  const { manager } = tx as unknown as Transaction;
  if (!manager) {
    throw new Error('This ledger transaction runs prepared statements only: no entity manager');
  }
  return manager;
}

/**
 * Throws unless `tx` is still open. A store's prepared writer is made for the work of one
 * transaction: made after it ended, its writes would land in whichever transaction runs next
 * (the ledger has one connection, so SQLite's own state cannot tell them apart).
 */
export function assertOpen(tx: LedgerTx): void {
  if (!(tx as unknown as Transaction).open) {
    throw new Error('This ledger transaction has ended: make the writer inside its work');
  }
}
