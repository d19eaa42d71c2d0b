import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationDialect } from './dialect';

const TYPES = {
  sqlite: { text: (n: number) => `varchar(${n})`, int: 'integer', date: 'datetime' },
  postgres: { text: (n: number) => `varchar(${n})`, int: 'integer', date: 'timestamp(3)' },
  mssql: { text: (n: number) => `nvarchar(${n})`, int: 'int', date: 'datetime2' },
} as const;

const GUARDED = ['audit_log', 'audit_checkpoint'] as const;
const REFUSED = 'is append-only (Kotae audit log): UPDATE and DELETE are refused';

/**
 * The audit log becomes append-only in the database itself (issue 11, session 31), and every audit
 * checkpoint is recorded beside its anchor line (`audit_checkpoint`, with the line's HMAC).
 * UPDATE and DELETE on audit_log and audit_checkpoint are refused by a trigger, except the deletion of
 * the oldest audit_log rows by retention, which declares how far it deletes in its own transaction:
 * PostgreSQL `SET LOCAL kotae.audit_prune_through = N`, SQL Server `SESSION_CONTEXT`, SQLite a row in
 * `audit_prune_permit` (there are no session settings). PostgreSQL refuses TRUNCATE too.
 */
export class AuditAppendOnly1765610000000 implements MigrationInterface {
  name = 'AuditAppendOnly1765610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    const t = TYPES[d];
    const key = d === 'sqlite' ? `${t.text(64)} PRIMARY KEY NOT NULL` : `${t.text(64)} NOT NULL`;
    const pk = d === 'sqlite' ? '' : `, CONSTRAINT "PK_audit_checkpoint" PRIMARY KEY ("lineMac")`;
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoint" ("lineMac" ${key}, "db" ${t.text(300)} NOT NULL, ` +
        `"type" ${t.text(16)} NOT NULL, "source" ${t.text(40)} NOT NULL, "seq" ${t.int} NOT NULL, ` +
        `"hash" ${t.text(64)} NOT NULL, "at" ${t.date} NOT NULL, "file" ${t.text(300)} NOT NULL${pk})`,
    );
    if (d === 'sqlite') await sqliteGuards(queryRunner);
    else if (d === 'postgres') await postgresGuards(queryRunner);
    else await mssqlGuards(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const d = migrationDialect(queryRunner);
    for (const table of GUARDED) {
      if (d === 'sqlite') {
        await queryRunner.query(`DROP TRIGGER "TR_${table}_no_update"`);
        await queryRunner.query(`DROP TRIGGER "TR_${table}_no_delete"`);
      } else if (d === 'postgres') {
        await queryRunner.query(`DROP TRIGGER "TR_${table}_append_only" ON "${table}"`);
        await queryRunner.query(`DROP TRIGGER "TR_${table}_no_truncate" ON "${table}"`);
      } else {
        await queryRunner.query(`DROP TRIGGER "TR_${table}_append_only"`);
      }
    }
    if (d === 'sqlite') await queryRunner.query(`DROP TABLE "audit_prune_permit"`);
    if (d === 'postgres') await queryRunner.query(`DROP FUNCTION "kotae_audit_append_only"()`);
    await queryRunner.query(`DROP TABLE "audit_checkpoint"`);
  }
}

async function sqliteGuards(q: QueryRunner): Promise<void> {
  await q.query(`CREATE TABLE "audit_prune_permit" ("throughSeq" integer NOT NULL)`);
  for (const table of GUARDED) {
    const abort = `SELECT RAISE(ABORT, '${table} ${REFUSED}')`;
    const unlessPruned =
      table === 'audit_log'
        ? `WHEN OLD."seq" > (SELECT coalesce(max("throughSeq"), 0) FROM "audit_prune_permit") `
        : '';
    await q.query(`CREATE TRIGGER "TR_${table}_no_update" BEFORE UPDATE ON "${table}" BEGIN ${abort}; END`);
    await q.query(
      `CREATE TRIGGER "TR_${table}_no_delete" BEFORE DELETE ON "${table}" ${unlessPruned}BEGIN ${abort}; END`,
    );
  }
}

async function postgresGuards(q: QueryRunner): Promise<void> {
  await q.query(
    `CREATE FUNCTION "kotae_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  through text := current_setting('kotae.audit_prune_through', true);
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_log' AND through ~ '^[0-9]{1,18}$' AND OLD."seq" <= through::bigint THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% ${REFUSED} (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`,
  );
  for (const table of GUARDED) {
    await q.query(
      `CREATE TRIGGER "TR_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" ` +
        `FOR EACH ROW EXECUTE FUNCTION "kotae_audit_append_only"()`,
    );
    await q.query(
      `CREATE TRIGGER "TR_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION "kotae_audit_append_only"()`,
    );
  }
}

async function mssqlGuards(q: QueryRunner): Promise<void> {
  for (const table of GUARDED) {
    // Only audit_log rows up to the declared prune may go; audit_checkpoint rows never do.
    const through =
      table === 'audit_log' ? `ISNULL(TRY_CONVERT(bigint, SESSION_CONTEXT(N'kotae.audit_prune_through')), -1)` : '-1';
    await q.query(
      `CREATE TRIGGER "TR_${table}_append_only" ON "${table}" AFTER UPDATE, DELETE AS
BEGIN
  SET NOCOUNT ON;
  IF EXISTS (SELECT 1 FROM inserted) OR EXISTS (SELECT 1 FROM deleted WHERE "seq" > ${through})
    THROW 51000, N'${table} ${REFUSED}', 1;
END`,
    );
  }
}
