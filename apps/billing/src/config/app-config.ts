import { resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ServiceInstanceSettings } from '@app/common';
import type { DeliverySettings } from '@app/invoice-export';
import { LedgerLocation, parseDatabaseUrl } from '@app/ledger';
import { Environment, LogFormat, LogLevel, databaseUrlOf, isDemoMode } from './environment';

/** The one typed way to read configuration; nothing else reads process.env. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  get port(): number {
    return this.config.get('PORT', { infer: true });
  }

  get host(): string {
    return this.config.get('HOST', { infer: true });
  }

  /** Where the built console is (CONSOLE_DIR, else apps/console/dist of the working directory). */
  get consoleDir(): string {
    return resolve(this.config.get('CONSOLE_DIR', { infer: true }) ?? 'apps/console/dist');
  }

  get logLevel(): LogLevel {
    return this.config.get('LOG_LEVEL', { infer: true });
  }

  /** LOG_FORMAT; undefined lets the terminal decide (see logging/log-format.ts). */
  get logFormat(): LogFormat | undefined {
    return this.config.get('LOG_FORMAT', { infer: true });
  }

  get syncScheduleEnabled(): boolean {
    return this.config.get('SYNC_SCHEDULE_ENABLED', { infer: true });
  }

  /** PMS_LINKS_ENABLED: whether this process runs the PMS links. */
  get pmsLinksEnabled(): boolean {
    return this.config.get('PMS_LINKS_ENABLED', { infer: true });
  }

  /** A proxy in front terminates TLS (BEHIND_TLS_PROXY). */
  get behindTlsProxy(): boolean {
    return this.config.get('BEHIND_TLS_PROXY', { infer: true });
  }

  /** DELIVERY_ALLOWED_HOSTS as a list (lower case); null when unset: any host. */
  get deliveryAllowedHosts(): string[] | null {
    const list = this.config.get('DELIVERY_ALLOWED_HOSTS', { infer: true });
    return list === undefined ? null : list.split(',').map((host) => host.toLowerCase());
  }

  get syncCron(): string {
    return this.config.get('SYNC_CRON', { infer: true });
  }

  get adminApiKey(): string | undefined {
    return this.config.get('ADMIN_API_KEY', { infer: true });
  }

  get ximaBaseUrl(): string | undefined {
    return this.config.get('XIMA_BASE_URL', { infer: true });
  }

  get ximaApiKey(): string | undefined {
    return this.config.get('XIMA_API_KEY', { infer: true });
  }

  get delivery(): DeliverySettings {
    return {
      maxAttempts: this.config.get('DELIVERY_MAX_ATTEMPTS', { infer: true }),
      backoffMs: this.config.get('DELIVERY_BACKOFF_MS', { infer: true }),
      backoffMaxMs: this.config.get('DELIVERY_BACKOFF_MAX_MS', { infer: true }),
      timeoutMs: this.config.get('DELIVERY_TIMEOUT_MS', { infer: true }),
      allowedHosts: this.deliveryAllowedHosts,
    };
  }

  /** ADJUSTMENT_LIMIT: the largest amount an adjustment may bill, in the currency's units. */
  get adjustmentLimit(): string {
    return this.config.get('ADJUSTMENT_LIMIT', { infer: true });
  }

  /** SESSION_COOKIE_SECURE: the session cookie is sent over https only. */
  get sessionCookieSecure(): boolean {
    return this.config.get('SESSION_COOKIE_SECURE', { infer: true });
  }

  /** SESSION_IDLE_MINUTES, in milliseconds: a session without a request for longer ends. */
  get sessionIdleMs(): number {
    return this.config.get('SESSION_IDLE_MINUTES', { infer: true }) * 60_000;
  }

  /** SESSION_MAX_HOURS, in milliseconds: a session ends this long after its sign-in. */
  get sessionMaxMs(): number {
    return this.config.get('SESSION_MAX_HOURS', { infer: true }) * 3_600_000;
  }

  /** This process among the instances on one ledger: INSTANCE_ID (unset: its own) and lease timing. */
  get instance(): Partial<ServiceInstanceSettings> {
    return {
      id: this.config.get('INSTANCE_ID', { infer: true }),
      leaseTtlMs: this.config.get('LEASE_TTL_MS', { infer: true }),
      leasePollMs: this.config.get('LEASE_POLL_MS', { infer: true }),
    };
  }

  get demoMode(): boolean {
    return isDemoMode({ XIMA_BASE_URL: this.ximaBaseUrl });
  }

  get databaseUrl(): string {
    return databaseUrlOf({
      XIMA_BASE_URL: this.ximaBaseUrl,
      DATABASE_URL: this.config.get('DATABASE_URL', { infer: true }),
    });
  }

  get ledgerLocation(): LedgerLocation {
    const location = parseDatabaseUrl(
      this.databaseUrl,
      this.config.get('DATABASE_POOL_SIZE', { infer: true }),
    );
    // validateEnvironment has already refused a bad URL.
    if ('error' in location) throw new Error(`DATABASE_URL ${location.error}`);
    return location;
  }
}
