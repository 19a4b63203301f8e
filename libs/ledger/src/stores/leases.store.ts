import { Injectable } from '@nestjs/common';
import type { Lease } from '../entities';
import { Ledger } from '../ledger';
import { LedgerTx } from '../ledger-tx';
import { selectFields } from './columns';
import { readerOf } from './reader';

const LEASE_FIELDS = [
  'name',
  'holder',
  'acquiredAtMs',
  'expiresAtMs',
  'dataJson',
] as const satisfies readonly (keyof Lease)[];

const SELECT_LEASE = `SELECT ${selectFields(LEASE_FIELDS)} FROM leases`;

/** PostgreSQL's driver may read a bigint as text: instants are numbers here. */
const leaseOf = (row: Lease): Lease => ({
  ...row,
  acquiredAtMs: Number(row.acquiredAtMs),
  expiresAtMs: Number(row.expiresAtMs),
});

/**
 * Leases: which instance of the service holds a piece of work, until when (docs/decisions/
 * 0032-several-instances.md). A lease is held by `holder` while `expiresAtMs` is in the future;
 * once it has passed, any instance may take it over. Every write is one statement whose WHERE
 * decides, so two instances asking at once cannot both win. Tables: leases.
 */
@Injectable()
export class LeaseStore {
  constructor(private readonly ledger: Ledger) {}

  /**
   * Takes the lease for `ttlMs` from `nowMs`: when nobody holds it, when its holder let it
   * expire, or when `holder` holds it already (then it is renewed, and `data` replaced). True
   * when `holder` holds it now.
   */
  async take(
    tx: LedgerTx,
    name: string,
    holder: string,
    ttlMs: number,
    nowMs: number,
    data: unknown = null,
  ): Promise<boolean> {
    const taken = await this.ledger
      .statement(
        tx,
        `INSERT INTO leases (name, holder, acquired_at_ms, expires_at_ms, data_json)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,
           acquired_at_ms = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at_ms
                                 ELSE excluded.acquired_at_ms END,
           expires_at_ms = excluded.expires_at_ms, data_json = excluded.data_json
         WHERE leases.holder = excluded.holder OR leases.expires_at_ms <= excluded.acquired_at_ms
         RETURNING name`,
      )
      .get<{ name: string }>(
        name,
        holder,
        nowMs,
        nowMs + ttlMs,
        data === null ? null : JSON.stringify(data),
      );
    return taken !== undefined;
  }

  /**
   * Moves the lease's expiry to `ttlMs` from `nowMs` if `holder` still holds it (even lapsed,
   * as long as nobody took it over). False: another instance has it, or nobody does.
   */
  async renew(
    tx: LedgerTx,
    name: string,
    holder: string,
    ttlMs: number,
    nowMs: number,
  ): Promise<boolean> {
    const changed = await this.ledger
      .statement(tx, 'UPDATE leases SET expires_at_ms = ? WHERE name = ? AND holder = ?')
      .run(nowMs + ttlMs, name, holder);
    return changed === 1;
  }

  /** Ends the lease if `holder` holds it: the work is done. False when it did not hold it. */
  async release(tx: LedgerTx, name: string, holder: string): Promise<boolean> {
    const changed = await this.ledger
      .statement(tx, 'DELETE FROM leases WHERE name = ? AND holder = ?')
      .run(name, holder);
    return changed === 1;
  }

  /**
   * Hands the lease over: it expires at `nowMs`, so that any instance takes the unfinished work
   * over at once (a stopping instance's). Its holder and data stay, for the one taking over.
   */
  async handOver(tx: LedgerTx, name: string, holder: string, nowMs: number): Promise<boolean> {
    const changed = await this.ledger
      .statement(
        tx,
        'UPDATE leases SET expires_at_ms = ? WHERE name = ? AND holder = ? AND expires_at_ms > ?',
      )
      .run(nowMs, name, holder, nowMs);
    return changed === 1;
  }

  /** The lease, held or lapsed, or null when there is none. */
  async find(name: string, tx?: LedgerTx): Promise<Lease | null> {
    const [row] = await readerOf(this.ledger, tx).query<Lease[]>(`${SELECT_LEASE} WHERE name = ?`, [
      name,
    ]);
    return row ? leaseOf(row) : null;
  }

  /** Every lease whose name starts with `prefix` (`delivery:`), by name. */
  async list(prefix: string): Promise<Lease[]> {
    const rows = await this.ledger.manager.query<Lease[]>(
      `${SELECT_LEASE} WHERE substr(name, 1, ?) = ? ORDER BY name`,
      [prefix.length, prefix],
    );
    return rows.map(leaseOf);
  }

  /**
   * The leases named `prefix…` that nobody holds any more at `nowMs` (their holder stopped
   * renewing them), or that `holder` holds (left by this instance's previous process, when it
   * keeps its INSTANCE_ID across restarts): the work to take over.
   */
  async orphans(prefix: string, nowMs: number, holder?: string): Promise<Lease[]> {
    const rows = await this.ledger.manager.query<Lease[]>(
      `${SELECT_LEASE} WHERE substr(name, 1, ?) = ? AND (expires_at_ms <= ? OR holder = ?)
       ORDER BY name`,
      [prefix.length, prefix, nowMs, holder ?? null],
    );
    return rows.map(leaseOf);
  }
}

/** Whether `lease` is held at `nowMs` (by anyone). */
export const isHeld = (lease: Lease | null, nowMs: number): lease is Lease =>
  lease !== null && lease.expiresAtMs > nowMs;
