/**
 * A restore drill with the production settings (session 31), on SQLite and PostgreSQL: the same key and
 * the same anchor file, another database (and data folder). `kotae restore` into the second database
 * passes, and afterwards `kotae audit verify` passes on both — production's checkpoints are its own, the
 * drill's continue production's chain up to the restored head. Then `kotae audit checkpoint`.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadConfig } from '../../../app/config';
import { openKotae } from '../../../app/kotae-parts';
import { runAuditCommand } from '../../../adapters/cli/audit-command';
import { runBackupCommand } from '../../../adapters/cli/backup-command';
import type { CliIo } from '../../../adapters/cli/io';
import { runRestoreCommand } from '../../../adapters/cli/restore-command';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { listBackups } from '../../../jobs';
import { emptyTestDb, TEST_DB_KINDS, type EmptyTestDb } from '../../helpers/databases';
import { tempDir } from '../../helpers/temp-dir';

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false };
  return { io, out, err };
}

/** The environment of one database in its own data folder, with the shared key and anchor files. */
function envOf(db: EmptyTestDb, dataDir: string, shared: string): Record<string, string> {
  const common = {
    KOTAE_DATA_DIR: dataDir,
    KOTAE_KB_DIR: path.join(__dirname, '../../../sample-kb'),
    KOTAE_BACKUP_DIR: path.join(shared, 'backups'),
    KOTAE_AUDIT_KEY_FILE: path.join(shared, 'audit.key'),
    KOTAE_AUDIT_ANCHOR_FILE: path.join(shared, 'audit-anchors.jsonl'),
    // The checkpoint after writes only at close (it is not what this drill checks): a real 1 s timer
    // firing between two steps on a slow machine would add a checkpoint and change the counts below.
    KOTAE_AUDIT_CHECKPOINT_DELAY_MS: '60000',
  };
  if (db.config.kind !== 'postgres') return common;
  const c = db.config;
  return {
    ...common,
    KOTAE_DB: 'postgres',
    KOTAE_PG_HOST: c.host,
    KOTAE_PG_PORT: String(c.port),
    KOTAE_PG_USER: c.user,
    KOTAE_PG_PASSWORD: c.password,
    KOTAE_PG_DATABASE: c.database,
  };
}

for (const kind of TEST_DB_KINDS.filter((k) => k !== 'mssql')) {
  describe(`a restore drill into a second database with production's key and anchor file (${kind})`, function () {
    this.timeout(180_000);
    const dbs: EmptyTestDb[] = [];
    const dirs: ReturnType<typeof tempDir>[] = [];
    after(async () => {
      for (const db of dbs) await db.drop();
      for (const d of dirs) d.cleanup();
    });

    it('restores into the second database; `kotae audit verify` then passes on both, and checkpoints on demand', async () => {
      const [shared, dataA, dataB] = ['shared', 'a', 'b'].map((n) => tempDir(`kotae-drill-${n}-`));
      dirs.push(shared, dataA, dataB);
      const [dbA, dbB] = [await emptyTestDb(kind), await emptyTestDb(kind)];
      dbs.push(dbA, dbB);
      const configA = loadConfig(envOf(dbA, dataA.dir, shared.dir), dataA.dir);
      const configB = loadConfig(envOf(dbB, dataB.dir, shared.dir), dataB.dir);
      const clock = new FakeClock('2026-06-01T01:00:00Z');
      const runtime = { clock, logger: new MemoryLogger() };

      // Production: started (checkpoint), some audited work, a backup, more work and a checkpoint.
      const server = openKotae(configA, runtime, { auditStartCheckpoint: true, instance: 'kotae-a' });
      const audit = await server.audit();
      for (let i = 0; i < 3; i += 1) await audit.record({ actor: 'op1', action: 'ticket.update', target: `T-${i}` });
      clock.advanceMinutes(1);
      const backup = cliIo();
      assert.equal(await runBackupCommand([], backup.io, configA, runtime), 0, backup.err.join('\n'));
      clock.advanceMinutes(1);
      for (let i = 0; i < 2; i += 1) await audit.record({ actor: 'op1', action: 'ticket.update', target: `U-${i}` });
      const checkpoint = cliIo();
      assert.equal(await runAuditCommand(['checkpoint'], checkpoint.io, configA, runtime), 0);
      const productionHead = (await audit.head()).seq;
      assert.equal(productionHead, 8);
      assert.deepEqual(checkpoint.out, [
        `監査ログのチェックポイントを記録しました（連番 8、チェックポイントファイル ${configA.integrity.auditAnchorFile}）。`,
      ]);
      const last = (await audit.recent(1))[0];
      assert.deepEqual([last.actor, last.action, last.seq], ['cli', 'audit.checkpoint', 8]);
      await server.close();

      // The drill: the backup restored into the second database.
      clock.advanceMinutes(1);
      const generation = listBackups(configA.backup.dir)[0];
      const restore = cliIo();
      assert.equal(await runRestoreCommand([generation.file], restore.io, configB, runtime), 0, restore.err.join('\n'));
      assert.deepEqual(restore.out.slice(-2), [
        '  監査ログ: 連番 4 まで復元し、復元の記録を追加しました',
        '  監査ログを検証しました: 改ざんは検出されませんでした。',
      ]);

      // Production, untouched, still verifies (before session 31: 「…連番 5 です：チェックポイントに記録されたハッシュと一致しません」).
      const onA = cliIo();
      assert.equal(await runAuditCommand(['verify'], onA.io, configA, runtime), 0, onA.err.join('\n'));
      assert.deepEqual(onA.out, [
        '監査ログ: 改ざんは検出されませんでした（8件、最新の連番 8、チェックポイント 4件で検証）。',
      ]);
      const onB = cliIo();
      assert.equal(await runAuditCommand(['verify'], onB.io, configB, runtime), 0, onB.err.join('\n'));
      // B: production's checkpoints up to the backup's head (seq 0, 1 and 4), then the restore's (4 and 5).
      assert.deepEqual(onB.out, [
        '監査ログ: 改ざんは検出されませんでした（5件、最新の連番 5、チェックポイント 4件で検証）。',
      ]);
    });
  });
}
