/**
 * Frozen migrations: the initial DDL is the previous release's schema; after all migrations a
 * database matches the entities of tables.ts exactly (TypeORM's own schema diff is empty); an upgraded
 * database equals a fresh one and keeps its rows; failures leave nothing half-applied; a newer or
 * not-yet-migrated schema is refused.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../../core/errors';
import { createDataSource, openDatabase, schemaStatus, SqlTicketStore } from '../../../db';
import { MIGRATIONS } from '../../../db/migrations';
import { InitialSchema1763700000000 } from '../../../db/migrations/1763700000000-initial-schema';
import { ALL_TABLES } from '../../../db/schema/tables';
import { nameOf, trigramIndexDef } from '../../../db/schema/table-spec';
import { emptyTestDb, TEST_DB_KINDS, type EmptyTestDb, type TestDbKind } from '../../helpers/databases';
import {
  AddScratchTable1764099999998,
  dataSourceWith,
  FailHalfway1764099999999,
  FailOutsideTransaction1764099999997,
  FromTheFuture1799999999999,
} from '../../helpers/migrations';

const PREVIOUS_RELEASE = path.join(__dirname, 'fixtures', 'release-0.1-sqlite-master.json');

const norm = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .trim();

function sqliteMaster(file: string): { type: string; name: string; sql: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT IN ('migrations', 'sqlite_sequence') ORDER BY name",
      )
      .all() as { type: string; name: string; sql: string }[];
  } finally {
    db.close();
  }
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof KotaeError ? err.code : `not a KotaeError: ${String(err)}`;
  }
}

/** The tables, columns (name, type, nullability) and index names of a database. */
async function shape(ds: DataSource): Promise<string[]> {
  const qr = ds.createQueryRunner();
  try {
    const lines: string[] = [];
    for (const table of await qr.getTables(ALL_TABLES.map((t) => t.name))) {
      for (const c of table.columns) lines.push(`${table.name}.${c.name} ${c.type}(${c.length}) ${c.isNullable}`);
      for (const i of table.indices) lines.push(`${table.name} index ${i.name} ${i.isUnique}`);
    }
    return lines.sort();
  } finally {
    await qr.release();
  }
}

/** Rows of the previous release's schema, written with its own column list (never the live entities). */
async function insertPreviousReleaseRows(ds: DataSource, kind: TestDbKind): Promise<void> {
  const p = (i: number) => (kind === 'postgres' ? `$${i}` : kind === 'mssql' ? `@${i - 1}` : '?');
  // SQLite stores TypeORM datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS'; the drivers of the others take a Date.
  const at = kind === 'sqlite' ? '2026-03-02 03:04:05.678' : new Date('2026-03-02T03:04:05.678Z');
  const values = (n: number) => Array.from({ length: n }, (_, i) => p(i + 1)).join(', ');
  await ds.query(
    `INSERT INTO "conversation" ("id", "channel", "requesterId", "requesterName", "department", "channelKey", "channelRef", "startedAt", "lastActivityAt") VALUES (${values(9)})`,
    ['c-1', 'web', 'u-1', '山田 花子', '総務課', null, null, at, at],
  );
  await ds.query(`INSERT INTO "ticket_counter" ("year", "lastSeq") VALUES (${values(2)})`, [2026, 7]);
  await ds.query(
    `INSERT INTO "ticket" ("id", "number", "year", "seq", "conversationId", "status", "type", "priority", "category", "title", "details", "requesterId", "requesterName", "department", "channel", "assignee", "createdAt", "updatedAt", "firstResponseAt", "resolvedAt", "closedAt", "incidentCause", "incidentActions", "incidentPrevention", "holds", "version", "dedupeKey") VALUES (${values(27)})`,
    [
      't-1',
      'HD-2026-000007',
      2026,
      7,
      'c-1',
      'in_progress',
      'inquiry',
      'normal',
      'メール',
      'メールが送れない',
      '添付付きのメールが送信できません。',
      'u-1',
      '山田 花子',
      '総務課',
      'web',
      'tanaka',
      at,
      at,
      at,
      null,
      null,
      null,
      null,
      null,
      '[]',
      3,
      'row:t-1',
    ],
  );
}

describe('frozen initial migration (SQLite)', () => {
  it('creates byte for byte the schema the previous release stored in sqlite_master', async () => {
    const empty = await emptyTestDb('sqlite');
    // The initial migration alone: later migrations change tables on purpose.
    const ds = dataSourceWith(empty.config, [InitialSchema1763700000000]);
    try {
      await openDatabase(ds);
      await ds.destroy();
      const expected = (JSON.parse(fs.readFileSync(PREVIOUS_RELEASE, 'utf8')) as { name: string; sql: string }[])
        .map((r) => `${r.name}: ${r.sql}`)
        .sort();
      const actual = sqliteMaster(String(ds.options.database))
        .filter((r) => expected.some((e) => e.startsWith(`${r.name}: `)))
        .map((r) => `${r.name}: ${r.sql}`)
        .sort();
      assert.deepEqual(actual, expected);
      assert.deepEqual(actual.map(norm), expected.map(norm));
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await empty.drop();
    }
  });

  it('does not read the live schema (db/schema/tables.ts)', () => {
    const source = fs.readFileSync(
      path.join(__dirname, '../../../db/migrations/1763700000000-initial-schema.ts'),
      'utf8',
    );
    const imports = source.split('\n').filter((line) => line.startsWith('import '));
    assert.deepEqual(imports, [
      "import type { MigrationInterface, QueryRunner } from 'typeorm';",
      "import { migrationDialect } from './dialect';",
    ]);
    assert.doesNotMatch(source, /createTable\(/);
  });
});

for (const kind of TEST_DB_KINDS) {
  describe(`migrations on ${kind}`, function () {
    this.timeout(60_000);
    const opened: { ds: DataSource; db: EmptyTestDb }[] = [];
    async function fresh(migrations = MIGRATIONS as unknown[]): Promise<{ ds: DataSource; db: EmptyTestDb }> {
      const db = await emptyTestDb(kind);
      const ds = dataSourceWith(db.config, migrations as never);
      opened.push({ ds, db });
      return { ds, db };
    }
    afterEach(async () => {
      for (const { ds, db } of opened.splice(0)) {
        if (ds.isInitialized) await ds.destroy();
        await db.drop();
      }
    });

    it('leaves a database that matches every entity of tables.ts (TypeORM schema diff is empty)', async () => {
      const { ds } = await fresh();
      await openDatabase(ds);
      const diff = await ds.driver.createSchemaBuilder().log();
      assert.deepEqual(
        diff.upQueries.map((q) => q.query),
        [],
      );
    });

    // TypeORM's diff above leaves the trigram indices out (declared synchronize: false, as an entity cannot
    // express GIN with an operator class); they are compared here as PostgreSQL itself reports them.
    if (kind === 'postgres')
      it('creates exactly the trigram indices of tables.ts, with the pg_trgm operator class', async () => {
        const { ds } = await fresh();
        await openDatabase(ds);
        const rows = (await ds.query(
          `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexdef LIKE '%USING gin%' ORDER BY indexname`,
        )) as { indexdef: string }[];
        const schema = ((await ds.query(`SELECT current_schema() AS s`)) as { s: string }[])[0]!.s;
        const expected = ALL_TABLES.flatMap((t) =>
          (t.indices ?? [])
            .filter((ix) => ix.trigram)
            .map((ix) => [nameOf(t.name, ix), trigramIndexDef(t.name, ix, schema)]),
        )
          .sort(([a], [b]) => (a! < b! ? -1 : 1))
          .map(([, def]) => def);
        assert.deepEqual(
          rows.map((r) => r.indexdef),
          expected,
        );
        assert.equal(expected.length, 7);
      });

    it('upgrades the previous release with data to the schema of a fresh database, keeping the rows', async () => {
      const { ds: old, db } = await fresh([InitialSchema1763700000000]);
      await openDatabase(old);
      await insertPreviousReleaseRows(old, kind);
      await old.destroy();

      const upgraded = createDataSource(db.config);
      opened.push({ ds: upgraded, db: { ...db, drop: async () => undefined } });
      const applied = await openDatabase(upgraded);
      assert.deepEqual(
        applied,
        MIGRATIONS.slice(1).map((m) => m.name),
      );
      const { ds: reference } = await fresh();
      await openDatabase(reference);
      assert.deepEqual(await shape(upgraded), await shape(reference));
      assert.deepEqual((await upgraded.driver.createSchemaBuilder().log()).upQueries, []);

      const tickets = new SqlTicketStore(upgraded, () => new Date('2026-03-03T00:00:00Z'));
      const t = await tickets.get('HD-2026-000007');
      assert.equal(t?.title, 'メールが送れない');
      assert.equal(t?.requester.name, '山田 花子');
      assert.equal(t?.version, 3);
      assert.equal(t?.createdAt.toISOString(), '2026-03-02T03:04:05.678Z');
      const next = await tickets.create(
        {
          type: 'inquiry',
          priority: 'normal',
          category: 'メール',
          title: '次の問合せ',
          details: '',
          requester: {},
          channel: 'web',
          transcript: [],
        },
        'bot',
      );
      assert.equal(next.number, 'HD-2026-000008');
    });

    it('applies nothing of a batch in which one migration fails halfway', async () => {
      const { ds: first, db } = await fresh([InitialSchema1763700000000]);
      await openDatabase(first);
      await insertPreviousReleaseRows(first, kind);
      await first.destroy();
      const failing = dataSourceWith(db.config, [
        InitialSchema1763700000000,
        AddScratchTable1764099999998,
        FailHalfway1764099999999,
      ]);
      opened.push({ ds: failing, db: { ...db, drop: async () => undefined } });
      assert.equal(await codeOf(openDatabase(failing)), 'DB_MIGRATION_FAILED');

      const after = dataSourceWith(db.config, [InitialSchema1763700000000]);
      opened.push({ ds: after, db: { ...db, drop: async () => undefined } });
      await openDatabase(after);
      const qr = after.createQueryRunner();
      try {
        assert.equal(await qr.hasTable('scratch_ok'), false);
        assert.equal(await qr.hasTable('half_done'), false);
        assert.equal(await qr.hasColumn('ticket', 'halfDone'), false);
      } finally {
        await qr.release();
      }
      assert.deepEqual((await schemaStatus(after)).applied, ['InitialSchema1763700000000']);
      // Read as the previous release's schema stores it (today's entities have later columns).
      const [row] = (await after.query(`SELECT "version" FROM "ticket" WHERE "number" = 'HD-2026-000007'`)) as {
        version: number;
      }[];
      assert.equal(Number(row?.version), 3);
    });

    it('refuses a database migrated by a newer release, in Japanese and English', async () => {
      const { ds: newer, db } = await fresh([...MIGRATIONS, FromTheFuture1799999999999]);
      await openDatabase(newer);
      await newer.destroy();
      const older = createDataSource(db.config);
      opened.push({ ds: older, db: { ...db, drop: async () => undefined } });
      const err = await openDatabase(older).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof KotaeError);
      assert.equal(err.code, 'DB_SCHEMA_NEWER');
      assert.equal(err.status, 503);
      assert.match(err.message, /FromTheFuture1799999999999/);
      assert.match(err.message, /stop this instance/);
      assert.match(err.message, /このインスタンスを停止/);
      assert.match(err.userMessage, /新しいバージョン/);
    });

    it('refuses pending migrations when auto-migration is off, and applies them when on', async () => {
      const { ds: old, db } = await fresh([InitialSchema1763700000000]);
      await openDatabase(old);
      await old.destroy();
      const current = dataSourceWith(db.config, [InitialSchema1763700000000, AddScratchTable1764099999998]);
      opened.push({ ds: current, db: { ...db, drop: async () => undefined } });
      assert.equal(await codeOf(openDatabase(current, { migrate: false })), 'DB_MIGRATION_PENDING');
      assert.deepEqual(await openDatabase(current), ['AddScratchTable1764099999998']);
      assert.deepEqual(await openDatabase(current, { migrate: false }), []);
    });
  });
}

describe('a failed migration on a SQLite file', () => {
  it('puts back the pre-migration copy, even after a change that escaped the transaction', async function () {
    this.timeout(30_000);
    const db = await emptyTestDb('sqlite');
    const file = (db.config as { path: string }).path;
    try {
      const old = dataSourceWith(db.config, [InitialSchema1763700000000]);
      await openDatabase(old);
      await insertPreviousReleaseRows(old, 'sqlite');
      await old.destroy();
      const failing = dataSourceWith(db.config, [InitialSchema1763700000000, FailOutsideTransaction1764099999997]);
      const err = await openDatabase(failing).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof KotaeError);
      assert.equal(err.code, 'DB_MIGRATION_FAILED');
      const copy = String(err.details?.restoredFrom);
      assert.ok(copy.startsWith(`${file}.pre-migration-`), copy);
      assert.ok(fs.existsSync(copy));
      assert.equal(failing.isInitialized, false);

      const check = new Database(file, { readonly: true });
      try {
        const row = check.prepare('SELECT "number" FROM "ticket"').get() as { number: string };
        assert.equal(row.number, 'HD-2026-000007');
        const names = (check.prepare('SELECT "name" FROM "migrations"').all() as { name: string }[]).map((r) => r.name);
        assert.deepEqual(names, ['InitialSchema1763700000000']);
      } finally {
        check.close();
      }
    } finally {
      await db.drop();
    }
  });
});
