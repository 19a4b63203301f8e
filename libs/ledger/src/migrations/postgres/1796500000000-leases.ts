import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leases (docs/decisions/0032-several-instances.md): which instance of the service holds a
 * source's sync, an invoice's delivery or a PMS link, until when. The same table as SQLite's
 * migration of the same date makes.
 */
export class PostgresLeases1796500000000 implements MigrationInterface {
  name = 'PostgresLeases1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "leases" ("name" text PRIMARY KEY NOT NULL, "holder" text NOT NULL, "acquired_at_ms" bigint NOT NULL, "expires_at_ms" bigint NOT NULL, "data_json" text)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "leases"`);
  }
}
