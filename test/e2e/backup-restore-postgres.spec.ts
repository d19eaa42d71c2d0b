/**
 * `kotae restore` on PostgreSQL (issue 11): the real app on the throw-away cluster; an encrypted
 * `kotae backup` (pg_dump); more data written afterwards; restore refused while another session uses
 * the database; restore refused (database unchanged) when the copy's audit chain was edited; then
 * `kotae restore`: the counts are the backup's, the current database is dumped aside, the restarted
 * app serves the data, and `kotae audit verify` passes (the restore checkpoint is written).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../app/config';
import { runAuditCommand } from '../../adapters/cli/audit-command';
import { runBackupCommand } from '../../adapters/cli/backup-command';
import type { CliIo } from '../../adapters/cli/io';
import { runRestoreCommand } from '../../adapters/cli/restore-command';
import { SystemClock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import { listBackups } from '../../jobs';
import { emptyTestDb, type EmptyTestDb } from '../helpers/databases';
import { postJson, startApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false };
  return { io, out, err };
}

describe('backup and restore on PostgreSQL (encrypted)', function () {
  this.timeout(240_000);
  let db: EmptyTestDb;
  let data: ReturnType<typeof tempDir>;
  let keys: ReturnType<typeof tempDir>;
  let backups: ReturnType<typeof tempDir>;
  let env: Record<string, string>;
  const runtime = { clock: new SystemClock(), logger: new MemoryLogger() };

  before(async () => {
    db = await emptyTestDb('postgres');
    data = tempDir('kotae-pgrestore-data-');
    keys = tempDir('kotae-pgrestore-keys-');
    backups = tempDir('kotae-pgrestore-backups-');
    if (db.config.kind !== 'postgres') throw new Error('postgres expected');
    env = {
      KOTAE_DB: 'postgres',
      KOTAE_PG_HOST: db.config.host,
      KOTAE_PG_PORT: String(db.config.port),
      KOTAE_PG_USER: db.config.user,
      KOTAE_PG_PASSWORD: db.config.password,
      KOTAE_PG_DATABASE: db.config.database,
      KOTAE_DATA_DIR: data.dir,
      KOTAE_BACKUP_DIR: backups.dir,
      KOTAE_BACKUP_KEY_FILE: path.join(keys.dir, 'backup.key'),
      KOTAE_AUDIT_KEY_FILE: path.join(keys.dir, 'audit.key'),
      KOTAE_AUDIT_ANCHOR_FILE: path.join(keys.dir, 'audit-anchors.jsonl'),
    };
  });
  after(async () => {
    await db?.drop();
    data?.cleanup();
    keys?.cleanup();
    backups?.cleanup();
  });

  async function sql<T>(query: string): Promise<T[]> {
    if (db.config.kind !== 'postgres') throw new Error('postgres expected');
    const c = new Client({
      host: db.config.host,
      port: db.config.port,
      user: db.config.user,
      database: db.config.database,
    });
    await c.connect();
    try {
      return (await c.query(query)).rows as T[];
    } finally {
      await c.end();
    }
  }

  it('restores a pg_dump generation with the same checks as SQLite, and the audit chain verifies', async () => {
    const first = await startApp(env, { keepDataDir: true });
    let conversationId: string;
    try {
      const ask = await postJson(`${first.url}/api/ask`, { question: 'プリンタで印刷できない' });
      assert.equal(ask.status, 200);
      conversationId = ask.body.conversationId as string;
    } finally {
      await first.stop();
    }
    const backup = cliIo();
    assert.equal(await runBackupCommand([], backup.io, first.config, runtime), 0, backup.err.join('\n'));
    const [generation] = listBackups(backups.dir);
    assert.match(path.basename(generation.file), /^kotae-\d{8}-\d{6}\.dump\.enc$/);

    const second = await startApp(env, { keepDataDir: true });
    try {
      assert.equal((await postJson(`${second.url}/api/ask`, { question: 'VPNにつながらない' })).status, 200);
    } finally {
      await second.stop();
    }
    const [{ n: questionsBefore }] = await sql<{ n: string }>('SELECT count(*) AS n FROM question');
    assert.equal(Number(questionsBefore), 2);
    const [{ seq: headBefore }] = await sql<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log');

    // Another session on the database (a running instance elsewhere): refused, nothing changed.
    if (db.config.kind !== 'postgres') throw new Error('postgres expected');
    const other = new Client({
      host: db.config.host,
      port: db.config.port,
      user: db.config.user,
      database: db.config.database,
    });
    await other.connect();
    try {
      const refused = cliIo();
      assert.equal(await runRestoreCommand([generation.stamp], refused.io, first.config, runtime), 1);
      assert.deepEqual(refused.err, [
        `データベース ${db.config.database} に他の接続が 1 件あります。すべてのKotaeを停止してから復元してください。`,
      ]);
    } finally {
      await other.end();
    }

    const restore = cliIo();
    assert.equal(
      await runRestoreCommand([generation.stamp], restore.io, first.config, runtime),
      0,
      restore.err.join('\n'),
    );
    assert.match(restore.out[0], /^バックアップから復元しました: .*kotae-\d{8}-\d{6}\.dump\.enc$/);
    assert.match(
      restore.out[1],
      /^ {2}復元前のデータベースのコピー: .*before-restore-\d{8}-\d{6}\.dump\.enc（不要になったら削除してください）$/,
    );
    assert.match(restore.out[2], /^ {2}件数を確認しました: \d+ テーブル、計 \d+ 行$/);
    assert.match(restore.out[4], /^ {2}サインインし直していただくため、復元したサインイン \d+ 件を無効にしました$/);
    assert.match(restore.out[5], new RegExp(`（復元前は連番 ${headBefore} まで）し、復元の記録を追加しました$`));
    assert.equal(restore.out.at(-1), '  監査ログを検証しました: 改ざんは検出されませんでした。');
    const aside = fs.readdirSync(backups.dir).filter((f) => f.startsWith('before-restore-'));
    assert.equal(aside.length, 1);
    assert.equal(fs.statSync(path.join(backups.dir, aside[0])).mode & 0o777, 0o600);

    const questions = await sql<{ text: string; conversationId: string }>(
      'SELECT text, "conversationId" FROM question',
    );
    assert.deepEqual(questions, [{ text: 'プリンタで印刷できない', conversationId }]);
    const restored = await sql<{ action: string }>("SELECT action FROM audit_log WHERE action = 'backup.restore'");
    assert.equal(restored.length, 1);

    const verify = cliIo();
    assert.equal(await runAuditCommand(['verify'], verify.io, first.config, runtime), 0, verify.err.join('\n'));
    assert.match(verify.out[0], /^監査ログ: 改ざんは検出されませんでした/);

    const third = await startApp(env, { keepDataDir: true });
    try {
      const history = await fetch(`${third.url}/healthz`);
      assert.equal(((await history.json()) as { db: string }).db, 'ok');
    } finally {
      await third.stop();
    }
  });

  it('refuses a backup whose audit chain was edited, leaving the database as it is', async () => {
    const [{ actor }] = await sql<{ actor: string }>('SELECT actor FROM audit_log WHERE seq = 2');
    // As the tables' owner: the append-only trigger refuses the application's UPDATE.
    const asOwner = (update: string) =>
      sql(
        `BEGIN; ALTER TABLE audit_log DISABLE TRIGGER USER; ${update}; ALTER TABLE audit_log ENABLE TRIGGER USER; COMMIT`,
      );
    await asOwner("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");
    const backup = cliIo();
    assert.equal(await runBackupCommand([], backup.io, loadEnvConfig(), runtime), 0, backup.err.join('\n'));
    await asOwner(`UPDATE audit_log SET actor = '${actor}' WHERE seq = 2`);
    const [{ n: before }] = await sql<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    const newest = listBackups(backups.dir)[0];
    const refused = cliIo();
    assert.equal(await runRestoreCommand([newest.stamp], refused.io, loadEnvConfig(), runtime), 1);
    assert.match(
      refused.err[0],
      /^バックアップ内の監査ログに改ざんを検出しました（連番 2：.*）。復元を中止しました（現在のデータベースはそのままです）。$/,
    );
    const [{ n: after }] = await sql<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    assert.equal(after, before);
  });

  function loadEnvConfig() {
    return loadConfig({ ...env, KOTAE_KB_DIR: path.join(__dirname, '../../sample-kb') }, path.join(__dirname, '../..'));
  }
});
