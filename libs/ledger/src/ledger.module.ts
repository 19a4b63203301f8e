import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LedgerLocation } from './database-url';
import { LEDGER_ENTITIES } from './entities';
import { initializeLedgerDataSource, ledgerDataSourceOptions } from './ledger-options';
import { Ledger } from './ledger';
import { PostingQueueSignal } from './posting-queue-signal';
import { LEDGER_STORES } from './stores';

export interface LedgerModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (string | symbol | Function)[];
  // Nest passes the injected providers, typed by the caller's factory.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => LedgerLocation | Promise<LedgerLocation>;
}

/**
 * The ledger: TypeORM on better-sqlite3 or PostgreSQL (`pg`), migrated at start, its
 * repositories and audit log.
 */
@Module({})
export class LedgerModule {
  static forRootAsync(options: LedgerModuleAsyncOptions): DynamicModule {
    return {
      module: LedgerModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: async (...args: unknown[]) =>
            ledgerDataSourceOptions(await options.useFactory(...args)),
          // The same opening as openLedgerDataSource: PostgreSQL's patches come with it.
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('the ledger has no DataSource options');
            return initializeLedgerDataSource(new DataSource(dataSourceOptions));
          },
        }),
        TypeOrmModule.forFeature(LEDGER_ENTITIES),
      ],
      providers: [Ledger, PostingQueueSignal, ...LEDGER_STORES],
      exports: [TypeOrmModule, Ledger, PostingQueueSignal, ...LEDGER_STORES],
    };
  }
}
