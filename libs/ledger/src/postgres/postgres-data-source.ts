import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { numberPlaceholders } from './placeholders';

/**
 * Every query this DataSource runs with parameters gets PostgreSQL's numbered placeholders
 * (see numberPlaceholders). All of TypeORM's ways to run SQL (DataSource.query,
 * EntityManager.query, a transaction's manager, a query runner) go through a query runner
 * from `driver.createQueryRunner`, so wrapping what it makes reaches them all; the query
 * builder's SQL already uses `$1…` and passes unchanged. Only this DataSource is touched: no
 * TypeORM class is patched for the whole process.
 */
export function translatePlaceholders(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: ReplicationMode): QueryRunner => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (
      sql: string,
      parameters?: unknown[],
      useStructuredResult?: boolean,
    ) => Promise<unknown>;
    runner.query = ((sql: string, parameters?: unknown[], useStructuredResult?: boolean) =>
      query(
        parameters && parameters.length > 0 ? numberPlaceholders(sql) : sql,
        parameters,
        useStructuredResult,
      )) as QueryRunner['query'];
    const stream = runner.stream.bind(runner);
    runner.stream = (sql, parameters, onEnd, onError) =>
      stream(
        parameters && parameters.length > 0 ? numberPlaceholders(sql) : sql,
        parameters,
        onEnd,
        onError,
      );
    return runner;
  };
}

/**
 * The entities declare SQLite's `integer` (64 bits there); PostgreSQL's `integer` has 32,
 * too few for epoch milliseconds or large sums, so on PostgreSQL each such column is `bigint`
 * (the PostgreSQL migration says so too). Changing the built metadata, rather than the
 * entities, keeps one set of entities for both drivers and makes TypeORM's schema comparison,
 * its inserts and its reads agree with the migration. Run once metadata is built.
 */
export function widenIntegerColumns(dataSource: DataSource): void {
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) {
      // `int8`, PostgreSQL's other name of bigint: TypeORM turns a generated id of a column
      // typed `bigint` into a string after an insert, and leaves `int8`'s the number read.
      if (dataSource.driver.normalizeType(column) === 'integer') column.type = 'int8';
    }
  }
}
