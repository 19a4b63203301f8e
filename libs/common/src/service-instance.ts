import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** How an instance of the service takes part in the leases it shares with the others. */
export interface ServiceInstanceSettings {
  /** INSTANCE_ID: names this process as the holder of its leases. */
  readonly id: string;
  /** LEASE_TTL_MS: how long a lease lasts unless renewed (renewed every third of it). */
  readonly leaseTtlMs: number;
  /** LEASE_POLL_MS: how often this instance looks for leases a stopped instance left. */
  readonly leasePollMs: number;
}

/** An instance's id when none is set: unique to this process, so a restart is another holder. */
export function defaultInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export const DEFAULT_LEASE_TTL_MS = 30_000;
export const DEFAULT_LEASE_POLL_MS = 15_000;

/**
 * This process among the service's instances on one ledger (docs/decisions/0032): its id, and
 * the lease timing every instance should share. Several processes coordinate through leases in
 * the ledger only; see `LeaseStore`.
 */
export class ServiceInstance implements ServiceInstanceSettings {
  readonly id: string;
  readonly leaseTtlMs: number;
  readonly leasePollMs: number;

  constructor(settings: Partial<ServiceInstanceSettings> = {}) {
    this.id = settings.id ?? defaultInstanceId();
    this.leaseTtlMs = settings.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
    this.leasePollMs = settings.leasePollMs ?? DEFAULT_LEASE_POLL_MS;
  }

  /** How often a held lease is renewed: three renewals fit in its lifetime. */
  get leaseRenewMs(): number {
    return Math.max(1, Math.floor(this.leaseTtlMs / 3));
  }
}
