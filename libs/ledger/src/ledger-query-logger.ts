import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** SQL of a failed or slow query, trimmed: enough to find it, never its parameters. */
function shorten(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

/**
 * TypeORM's messages, through the service's logger (so that they share its format and
 * redaction) instead of the console. Query parameters are never logged: they hold callers'
 * data and secrets (a delivery secret, a key hash).
 */
export class LedgerQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Ledger');

  logQuery(): void {
    // Every statement would drown the log; failures and slow queries are what matter.
  }

  logQueryError(error: string | Error, query: string): void {
    const message = error instanceof Error ? error.message : error;
    this.logger.warn(`query failed: ${message} (${shorten(query)})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query: ${time} ms (${shorten(query)})`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}
