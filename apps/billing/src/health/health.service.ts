import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SyncStatusService } from '@app/xima';
import { HealthView } from './health.view';

/**
 * The database first: when the ledger does not answer, terminus's 503 is the answer, as it
 * always was. Then syncing: a source whose last run failed, or a Xima that did not answer,
 * makes the service `degraded` (200: it serves, but its billing data is getting stale).
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly sync: SyncStatusService,
  ) {}

  async check(): Promise<HealthView> {
    const { info, error, details } = await this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
    ]);
    const { xima, sources } = await this.sync.current();
    const degraded =
      xima.status === 'unreachable' ||
      sources.some((source) => source.lastSync?.status === 'failed');
    return {
      status: degraded ? 'degraded' : 'ok',
      info: info ?? {},
      error: error ?? {},
      details,
      xima,
      sources,
    };
  }
}
