/** WAL checkpoints in a worker: the serving connection only appends, the worker copies the WAL into the file. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { startSqliteCheckpointer } from '../../../db/sqlite-checkpointer';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';
import { tempDir } from '../../helpers/temp-dir';

const pragma = async (ds: DataSource, name: string) =>
  Object.values(((await ds.query(`PRAGMA ${name}`)) as Record<string, unknown>[])[0])[0];

/** Writes about 2 MB of rows (the WAL grows by as much). */
async function write(ds: DataSource): Promise<void> {
  await ds.transaction(async (em) => {
    for (let i = 0; i < 500; i++) {
      await em.query('INSERT INTO "rate_limit" ("key", "hits", "expiresAt") VALUES (?, 1, ?)', [
        `k${i}-${'x'.repeat(190)}`,
        '2026-12-03 00:00:00.000',
      ]);
    }
  });
  await ds.query(`UPDATE "rate_limit" SET "key" = "key" || ?`, ['y'.repeat(4000)]);
}

describe('the SQLite checkpoint worker', () => {
  let db: TempSqlite;
  beforeEach(async () => (db = await tempSqlite()));
  afterEach(() => db.close());

  it('takes checkpoints off the serving connection and copies the WAL into the database file', async () => {
    const file = path.join(db.dir, 'kotae.sqlite');
    const checkpointer = await startSqliteCheckpointer(db.ds, { intervalMs: 20 });
    assert.ok(checkpointer);
    try {
      assert.equal(await pragma(db.ds, 'wal_autocheckpoint'), 0);
      const before = fs.statSync(file).size;
      await write(db.ds);
      const deadline = Date.now() + 5000;
      while (fs.statSync(file).size < before + 1_000_000 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(fs.statSync(file).size >= before + 1_000_000, 'the worker copied the WAL into the file');
      assert.equal(await pragma(db.ds, 'wal_autocheckpoint'), 0);
    } finally {
      await checkpointer.stop();
    }
    assert.equal(await pragma(db.ds, 'wal_autocheckpoint'), 1000, 'the serving connection checkpoints again');
    await checkpointer.stop();
  });

  it('under steady writes the WAL starts again from its beginning instead of growing with the load', async () => {
    const wal = path.join(db.dir, 'kotae.sqlite-wal');
    // The WAL header's checkpoint sequence number (bytes 12-15) counts the times the WAL started over.
    const restarts = () => {
      const header = Buffer.alloc(16);
      const fd = fs.openSync(wal, 'r');
      try {
        fs.readSync(fd, header, 0, 16, 0);
      } finally {
        fs.closeSync(fd);
      }
      return header.readUInt32BE(12);
    };
    const checkpointer = await startSqliteCheckpointer(db.ds, { intervalMs: 20 });
    assert.ok(checkpointer);
    try {
      await db.ds.query('INSERT INTO "rate_limit" ("key", "hits", "expiresAt") VALUES (?, 1, ?)', [
        'first',
        '2026-12-03',
      ]);
      const before = restarts();
      // Back-to-back small commits, as questions under load, until the WAL started over five times (about 1.5 s on
      // an idle machine; a loaded CI machine gets up to 8 s).
      const until = Date.now() + 8000;
      for (let i = 0; Date.now() < until && restarts() - before < 5; i++) {
        await db.ds.query('INSERT INTO "rate_limit" ("key", "hits", "expiresAt") VALUES (?, 1, ?)', [
          `s${i}-${'x'.repeat(1000)}`,
          '2026-12-03 00:00:00.000',
        ]);
      }
      assert.ok(restarts() - before >= 5, `the WAL started over ${restarts() - before} times`);
    } finally {
      await checkpointer.stop();
    }
  });

  it('without the worker nothing reaches the file until a checkpoint (the check above is not vacuous)', async () => {
    const file = path.join(db.dir, 'kotae.sqlite');
    await db.ds.query('PRAGMA wal_autocheckpoint = 0');
    const before = fs.statSync(file).size;
    await write(db.ds);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(fs.statSync(file).size, before);
  });

  it('keeps the process alive until the worker has exited, so the code after stop() runs', () => {
    const temp = tempDir('kotae-ckpt-');
    try {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'checkpointer-stop-child.ts'), temp.dir],
        { cwd: path.join(__dirname, '../../..'), encoding: 'utf8', timeout: 30_000 },
      );
      assert.equal(child.stderr, '');
      assert.equal(child.stdout, 'after stop\nclosed\n');
      assert.equal(child.status, 0);
    } finally {
      temp.cleanup();
    }
  });

  it('is not started for other databases', async () => {
    const notSqlite = { options: { type: 'postgres', database: 'kotae' } } as unknown as DataSource;
    assert.equal(await startSqliteCheckpointer(notSqlite), undefined);
  });
});
