import type { ServiceInstance } from '@app/common';
import { Ledger } from './ledger';
import { LeaseStore } from './stores/leases.store';

export interface LeaseKeeperOptions {
  readonly ledger: Ledger;
  readonly leases: LeaseStore;
  /** This instance's id: the holder of what it takes. */
  readonly holder: string;
  readonly ttlMs: number;
  /** How often the held leases are renewed (a third of `ttlMs` leaves room for two misses). */
  readonly renewMs: number;
  readonly now: () => number;
  /** A renewal that failed for another reason than a lost lease (the ledger was busy). */
  readonly onError: (error: unknown) => void;
}

/**
 * The leases one service of this instance holds, renewed together on a timer while any is held
 * (one transaction a round). A lease another instance took over meanwhile is dropped, and its
 * `onLost` told at once: the work it guarded must stop.
 */
export class LeaseKeeper {
  private readonly held = new Map<string, () => void>();
  private timer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> | undefined;

  constructor(private readonly options: LeaseKeeperOptions) {}

  /** A keeper of leases held by `instance`, on its ttl and renewal period. */
  static of(
    instance: ServiceInstance,
    parts: Pick<LeaseKeeperOptions, 'ledger' | 'leases' | 'now' | 'onError'>,
  ): LeaseKeeper {
    return new LeaseKeeper({
      ...parts,
      holder: instance.id,
      ttlMs: instance.leaseTtlMs,
      renewMs: instance.leaseRenewMs,
    });
  }

  /**
   * Takes `name` (see `LeaseStore.take`) in a transaction of its own and keeps it renewed; false
   * when another instance holds it.
   */
  async take(name: string, onLost: () => void = () => undefined, data?: unknown): Promise<boolean> {
    const { ledger, leases, holder, ttlMs, now } = this.options;
    const taken = await ledger.transaction((tx) =>
      leases.take(tx, name, holder, ttlMs, now(), data),
    );
    if (taken) this.keep(name, onLost);
    return taken;
  }

  /** Keeps renewing `name`, which the caller has taken in a transaction of its own. */
  keep(name: string, onLost: () => void = () => undefined): void {
    this.held.set(name, onLost);
    if (!this.timer) {
      this.timer = setInterval(() => void this.renew(), this.options.renewMs);
      this.timer.unref();
    }
  }

  holds(name: string): boolean {
    return this.held.has(name);
  }

  /** Stops renewing `name` (its holder releases or hands it over in its own transaction). */
  forget(name: string): void {
    this.held.delete(name);
    if (this.held.size === 0) this.stop();
  }

  /** Forgets `name` and releases it, if this instance still holds it. */
  async release(name: string): Promise<void> {
    this.forget(name);
    const { ledger, leases, holder } = this.options;
    await ledger.transaction((tx) => leases.release(tx, name, holder));
  }

  /** Forgets and releases every lease it holds (the service is stopping), in one transaction. */
  async releaseAll(): Promise<void> {
    const names = [...this.held.keys()];
    this.held.clear();
    this.stop();
    if (names.length === 0) return;
    const { ledger, leases, holder } = this.options;
    await ledger.transaction(async (tx) => {
      for (const name of names) await leases.release(tx, name, holder);
    });
  }

  /** Renews every held lease now; those lost are dropped and their `onLost` told. */
  renew(): Promise<void> {
    this.renewing ??= this.renewHeld().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  /** Stops the timer (the service is stopping); the leases are left as they are. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async renewHeld(): Promise<void> {
    const { ledger, leases, holder, ttlMs, now, onError } = this.options;
    const names = [...this.held.keys()];
    if (names.length === 0) return;
    let lost: string[];
    try {
      lost = await ledger.transaction(async (tx) => {
        const nowMs = now();
        const gone: string[] = [];
        for (const name of names) {
          if (!(await leases.renew(tx, name, holder, ttlMs, nowMs))) gone.push(name);
        }
        return gone;
      });
    } catch (error) {
      onError(error);
      return;
    }
    for (const name of lost) {
      const onLost = this.held.get(name);
      this.forget(name);
      onLost?.();
    }
  }
}
