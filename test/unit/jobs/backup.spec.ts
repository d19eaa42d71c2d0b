import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../../core/errors';
import { createDataSource } from '../../../db';
import { backupDatabase, SqlDatabaseBackup, verifyBackupFile } from '../../../db/backup';
import type { TranscriptEntryRow } from '../../../db';
import { tempSqlite } from '../../helpers/sqlite';

const line = (seq: number): TranscriptEntryRow => ({
  id: randomUUID(),
  conversationId: 'c-load',
  seq,
  role: 'user',
  text: 'あ'.repeat(1000),
  at: new Date('2026-05-01T00:00:00Z'),
});

async function seed(ds: DataSource, rows: number): Promise<void> {
  const repo = ds.getRepository<TranscriptEntryRow>('transcript_entry');
  for (let i = 0; i < rows; i += 200) await repo.insert(Array.from({ length: 200 }, (_, k) => line(i + k)));
}

function countLines(file: string): number {
  const db = new Sqlite(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM transcript_entry').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('backupDatabase (SQLite online copy)', () => {
  it('copies a consistent database while this process and another connection keep writing', async () => {
    const db = await tempSqlite();
    try {
      await seed(db.ds, 2000);
      const other = new Sqlite(path.join(db.dir, 'kotae.sqlite'));
      other.pragma('busy_timeout = 5000');
      const insert = other.prepare(
        'INSERT INTO transcript_entry (id, conversationId, seq, role, text, at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      let writing = true;
      let external = 0;
      const writer = (async () => {
        while (writing) {
          insert.run(randomUUID(), 'c-other', external, 'user', 'x'.repeat(500), '2026-05-01 00:00:00.000');
          external += 1;
          await new Promise((r) => setImmediate(r));
        }
      })();
      const internal = (async () => {
        for (let i = 0; i < 20; i += 1) await seed(db.ds, 200);
      })();
      const target = path.join(db.dir, 'copy.sqlite');
      const pages = await backupDatabase(db.ds, target, { pagesPerStep: 20, restartsBeforeOneStep: 2 });
      writing = false;
      await Promise.all([writer, internal]);
      other.close();
      assert.ok(pages > 100, `copied ${pages} pages`);
      assert.ok(external > 0, 'the other connection wrote during the copy');
      assert.ok(verifyBackupFile(target).tables >= 16);
      const copied = countLines(target);
      assert.ok(copied >= 2000 && copied <= 2000 + 4000 + external, `copied ${copied} lines`);
      assert.equal(copied, countLines(target), 'the copy is stable');
      assert.ok(!fs.existsSync(`${target}-wal`), 'the copy is a standalone file');
    } finally {
      await db.close();
    }
  });

  it('refuses to overwrite an existing file and reports a damaged copy', async () => {
    const db = await tempSqlite();
    try {
      const target = path.join(db.dir, 'exists.sqlite');
      fs.writeFileSync(target, 'not a database');
      await assert.rejects(backupDatabase(db.ds, target), (e: KotaeError) => e.code === 'CONFLICT');
      assert.throws(
        () => verifyBackupFile(target),
        (e: KotaeError) => e.code === 'INTERNAL' && /verification/.test(e.message),
      );
    } finally {
      await db.close();
    }
  });

  it('leaves SQL Server to the DBA', async () => {
    const ds = createDataSource({
      kind: 'mssql',
      host: 'db.example',
      port: 1433,
      user: 'u',
      password: 'p',
      database: 'kotae',
      encrypt: true,
      trustServerCertificate: false,
    });
    await assert.rejects(
      backupDatabase(ds, '/nonexistent/x.sqlite'),
      (e: KotaeError) => /BACKUP DATABASE/.test(e.message) && e.details?.skipped === true,
    );
    assert.match(new SqlDatabaseBackup(ds).unsupportedReason() ?? '', /DBA/);
  });
});
