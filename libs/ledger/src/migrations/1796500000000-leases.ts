import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leases (docs/decisions/0032-several-instances.md): which instance of the service holds a
 * source's sync, an invoice's delivery or a PMS link, until when. Several instances on one
 * ledger coordinate through this table only.
 */
export class Leases1796500000000 implements MigrationInterface {
  name = 'Leases1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "leases" ("name" text PRIMARY KEY NOT NULL, "holder" text NOT NULL, "acquired_at_ms" integer NOT NULL, "expires_at_ms" integer NOT NULL, "data_json" text)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "leases"`);
  }
}
