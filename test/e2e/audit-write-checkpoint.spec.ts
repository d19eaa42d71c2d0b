/**
 * The checkpoint after audit writes on the real app (session 33), SQLite and PostgreSQL: a question to
 * /api/ask writes its `bot.answer` row; about KOTAE_AUDIT_CHECKPOINT_DELAY_MS later (the server still
 * running, nothing else written) the head is in the server's head file beside the anchor file (session
 * 34: the anchor file gets no line for it), so deleting that newest row past the append-only trigger
 * makes `kotae audit verify` exit 1 naming its sequence number.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runAuditCommand } from '../../adapters/cli/audit-command';
import type { CliIo } from '../../adapters/cli/io';
import { SystemClock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import { headFilesBeside } from '../../db/audit/head-file';
import { tamperAuditSql } from '../helpers/audit';
import { emptyTestDb, type EmptyTestDb } from '../helpers/databases';
import { postJson, startApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false };
  return { io, out, err };
}

/** The anchor file's lines as [source, seq]. */
function anchorLines(file: string): [string, number][] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { source: string; seq: number })
    .map((l) => [l.source, l.seq]);
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`audit checkpoint after writes on the real app (${kind})`, function () {
    this.timeout(180_000);
    let db: EmptyTestDb | undefined;
    let keys: ReturnType<typeof tempDir>;

    before(async () => {
      if (kind === 'postgres') db = await emptyTestDb('postgres');
      keys = tempDir('kotae-write-checkpoint-keys-');
    });
    after(async () => {
      keys.cleanup();
      await db?.drop();
    });

    it('detects the newest row deleted after an answer and the delay, and a forged head file, with `kotae audit verify`', async () => {
      const anchorFile = path.join(keys.dir, 'audit-anchors.jsonl');
      const pg: Record<string, string> =
        db?.config.kind === 'postgres'
          ? {
              KOTAE_DB: 'postgres',
              KOTAE_PG_HOST: db.config.host,
              KOTAE_PG_PORT: String(db.config.port),
              KOTAE_PG_USER: db.config.user,
              KOTAE_PG_PASSWORD: db.config.password,
              KOTAE_PG_DATABASE: db.config.database,
            }
          : {};
      const running = await startApp({
        ...pg,
        KOTAE_AUDIT_KEY_FILE: path.join(keys.dir, 'audit.key'),
        KOTAE_AUDIT_ANCHOR_FILE: anchorFile,
        KOTAE_AUDIT_CHECKPOINT_DELAY_MS: '200',
      });
      try {
        const ds = running.app.dataSource;
        const newest = async () =>
          (
            (await ds.query('SELECT "seq", "action" FROM "audit_log" ORDER BY "seq" DESC')) as {
              seq: number | string;
              action: string;
            }[]
          ).map((r) => [Number(r.seq), r.action] as const)[0];
        /** The server's head file's lines (one: this database's). */
        const heads = () => headFilesBeside(anchorFile).flatMap(anchorLines);
        /** Waits (up to 10 s on a loaded machine) until the head file holds `seq`. */
        const covered = async (seq: number) => {
          const deadline = Date.now() + 10_000;
          while (heads().at(-1)?.[1] !== seq && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 50));
          }
        };
        // Rows the start wrote after its `start` checkpoint are followed by a checkpoint too.
        await covered((await newest())[0]);
        const before = anchorLines(anchorFile);
        assert.deepEqual(heads(), [['write', (await newest())[0]]]);
        const ask = await postJson(`${running.url}/api/ask`, { question: 'プリンタで印刷できない' });
        assert.equal(ask.status, 200);
        const [seq, action] = await newest();
        assert.equal(action, 'bot.answer');
        await covered(seq);
        assert.deepEqual([heads(), anchorLines(anchorFile)], [[['write', seq]], before]);

        await tamperAuditSql(ds, `DELETE FROM audit_log WHERE seq = ${seq}`);
        const runtime = { clock: new SystemClock(), logger: new MemoryLogger() };
        const verify = cliIo();
        assert.equal(await runAuditCommand(['verify'], verify.io, running.config, runtime), 1);
        assert.deepEqual(verify.err, [
          `監査ログ: 改ざんを検出しました。最初の不整合は連番 ${seq} です：チェックポイントに記録された連番より前で記録が終わっています（最新の記録または全記録の削除）。`,
        ]);

        // A head file whose line names the sequence number with another hash (no key to redo its HMAC).
        const [headFile] = headFilesBeside(anchorFile);
        fs.writeFileSync(
          headFile,
          fs.readFileSync(headFile, 'utf8').replace(/"hash":"[0-9a-f]+"/, `"hash":"${'f'.repeat(64)}"`),
        );
        const forged = cliIo();
        assert.equal(await runAuditCommand(['verify'], forged.io, running.config, runtime), 1);
        assert.deepEqual(forged.err, [
          `監査ログ: 改ざんを検出しました。最初の不整合は連番 ${seq} です：チェックポイントファイルの記録が改ざんされています。`,
        ]);
      } finally {
        await running.stop();
      }
    });
  });
}
