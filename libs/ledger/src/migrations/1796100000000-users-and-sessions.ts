import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People, not only keys: users who sign in with an email and a password, their sessions, the
 * wrong passwords that lock an email for a while, and the user who acted on every audit event
 * (docs/decisions/0025-users-and-sessions.md). Events written before name a key or the system,
 * so their `actor_user_id` stays null.
 */
export class UsersAndSessions1796100000000 implements MigrationInterface {
  name = 'UsersAndSessions1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP = [
  `CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "password_hash" text NOT NULL, "must_change_password" boolean NOT NULL DEFAULT (0), "disabled" boolean NOT NULL DEFAULT (0), "created_at_ms" integer NOT NULL, "updated_at_ms" integer NOT NULL, CONSTRAINT "CK_users_email_lower_case" CHECK ("email" = lower("email")), CONSTRAINT "CK_users_role" CHECK ("role" IN ('viewer', 'accountant', 'admin')))`,
  `CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email")`,

  `CREATE TABLE "sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "token_hash" text NOT NULL, "csrf_token" text NOT NULL, "user_id" integer NOT NULL, "created_at_ms" integer NOT NULL, "last_seen_at_ms" integer NOT NULL, CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
  `CREATE UNIQUE INDEX "UQ_sessions_token_hash" ON "sessions" ("token_hash")`,
  `CREATE INDEX "IX_sessions_user" ON "sessions" ("user_id")`,
  `CREATE INDEX "IX_sessions_last_seen" ON "sessions" ("last_seen_at_ms")`,

  `CREATE TABLE "sign_in_failures" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" text NOT NULL, "failed_at_ms" integer NOT NULL)`,
  `CREATE INDEX "IX_sign_in_failures_email" ON "sign_in_failures" ("email", "failed_at_ms")`,
  `CREATE INDEX "IX_sign_in_failures_failed" ON "sign_in_failures" ("failed_at_ms")`,
  `CREATE TABLE "sign_in_lockouts" ("email" text PRIMARY KEY NOT NULL, "locked_at_ms" integer NOT NULL, "locked_until_ms" integer NOT NULL)`,

  // A new nullable column: SQLite adds it in place, and the append-only triggers do not fire.
  `ALTER TABLE "audit_events" ADD COLUMN "actor_user_id" integer`,
  `CREATE INDEX "IX_audit_events_actor_user" ON "audit_events" ("actor_user_id", "id")`,
];

const DOWN = [
  `DROP INDEX "IX_audit_events_actor_user"`,
  `ALTER TABLE "audit_events" DROP COLUMN "actor_user_id"`,
  `DROP TABLE "sign_in_lockouts"`,
  `DROP INDEX "IX_sign_in_failures_failed"`,
  `DROP INDEX "IX_sign_in_failures_email"`,
  `DROP TABLE "sign_in_failures"`,
  `DROP INDEX "IX_sessions_last_seen"`,
  `DROP INDEX "IX_sessions_user"`,
  `DROP INDEX "UQ_sessions_token_hash"`,
  `DROP TABLE "sessions"`,
  `DROP INDEX "UQ_users_email"`,
  `DROP TABLE "users"`,
];
