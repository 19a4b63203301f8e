import type { EntityManager } from 'typeorm';
import type { Ledger } from '../ledger';
import { LedgerTx, managerOf } from '../ledger-tx';

/**
 * The entity manager a store's read runs on: the open transaction's when the caller is inside
 * one (so that it sees the transaction's own writes), else the ledger's.
 */
export const readerOf = (ledger: Ledger, tx: LedgerTx | undefined): EntityManager =>
  tx ? managerOf(tx) : ledger.manager;
