/**
 * `kotae retention run [--dry-run]` (session 31) on a real SQLite file: the dry run counts and deletes
 * nothing; the run deletes the expired conversation under the `retention` lease, prints the counts and
 * the certificate id, and both are audited; a run while another holder has the lease is refused. And
 * the server's start against an anchor file without a checkpoint of its (non-empty) database warns.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadConfig, type KotaeConfig } from '../../../app/config';
import { openKotae } from '../../../app/kotae-parts';
import type { CliIo } from '../../../adapters/cli/io';
import { main } from '../../../adapters/cli/main';
import { runRetentionCommand, RETENTION_CLI_MESSAGES } from '../../../adapters/cli/retention-command';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { SqlConversationStore, SqlJobLease } from '../../../db';
import { tempDir } from '../../helpers/temp-dir';

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false };
  return { io, out, err };
}

describe('kotae retention run (CLI, SQLite)', function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof tempDir>;
  let config: KotaeConfig;
  let clock: FakeClock;
  let logger: MemoryLogger;
  beforeEach(() => {
    tmp = tempDir('kotae-retention-cli-');
    config = loadConfig(
      {
        KOTAE_DATA_DIR: tmp.dir,
        KOTAE_KB_DIR: path.join(__dirname, '../../../sample-kb'),
        KOTAE_RETENTION_DAYS: '30',
      },
      tmp.dir,
    );
    clock = new FakeClock('2026-04-01T00:00:00Z');
    logger = new MemoryLogger();
  });
  afterEach(() => tmp.cleanup());

  /** One conversation at the clock's now, written through the composition root (creates the keys). */
  async function conversationNow(): Promise<void> {
    const kotae = openKotae(config, { clock, logger });
    try {
      const ds = await kotae.database();
      await kotae.audit();
      await new SqlConversationStore(ds, () => clock.now()).createConversation({ channel: 'web', requester: {} });
    } finally {
      await kotae.close();
    }
  }

  /** The newest audit rows' actions. */
  async function actions(n: number): Promise<string[]> {
    const kotae = openKotae(config, { clock, logger }, { createKeys: false });
    try {
      return (await (await kotae.audit()).recent(n)).map(
        (r) => `${r.actor} ${r.action}${r.target ? ` ${r.target}` : ''}`,
      );
    } finally {
      await kotae.close();
    }
  }

  it('counts in a dry run, then deletes, printing the counts and the certificate id; both audited', async () => {
    await conversationNow();
    clock.set('2026-06-01T00:00:00Z');
    await conversationNow();

    const dry = cliIo();
    assert.equal(await runRetentionCommand(['run', '--dry-run'], dry.io, config, { clock, logger }), 0);
    assert.deepEqual(dry.out, [
      '削除の対象（--dry-run: 何も削除していません）',
      '  会話（質問・やり取りを含む）: 1 件（2026-05-02 より前）',
      '  クローズ済みチケット: 0 件（2026-05-02 より前）',
      '  添付ファイル: 0 件（2026-05-02 より前）',
      '  監査ログ: 0 件（2021-06-02 より前）',
    ]);
    assert.deepEqual(await actions(1), ['cli retention.dry_run']);

    const run = cliIo();
    assert.equal(await runRetentionCommand(['run'], run.io, config, { clock, logger }), 0, run.err.join('\n'));
    const [, certificate] = /消去証明書: (\S+)$/.exec(run.out[0]) ?? [];
    assert.deepEqual(run.out, [
      RETENTION_CLI_MESSAGES.done(certificate),
      '  会話 1 件（質問 0 件）、チケット 0 件、添付ファイル 0 件（ファイル 0 個）',
      '  監査ログ 0 件、自動クローズしたチケット 0 件',
    ]);
    assert.deepEqual(await actions(2), [`cli retention.cli_run ${certificate}`, `system retention.run ${certificate}`]);
    // Nothing is left to delete.
    const again = cliIo();
    assert.equal(await runRetentionCommand(['run', '--dry-run'], again.io, config, { clock, logger }), 0);
    assert.equal(again.out[1], '  会話（質問・やり取りを含む）: 0 件（2026-05-02 より前）');
  });

  it('lists `audit checkpoint` and `retention run` in kotae --help', async () => {
    const help = cliIo();
    assert.equal(await main(['--help'], help.io), 0);
    assert.deepEqual(
      help.out.filter((l) => /^ {2}(audit|retention) /.test(l)),
      [
        '  audit     監査ログの改ざんの有無を検証します: kotae audit verify [--json]（改ざんがあれば終了コード1）| チェックポイントを今すぐ記録します: kotae audit checkpoint',
        '  retention 保存期間を過ぎたデータの削除を今すぐ実行します（消去証明書を作成）: kotae retention run [--dry-run]（--dry-run は件数の表示のみ）',
      ],
    );
  });

  it('refuses while another instance holds the retention lease, and a wrong usage', async () => {
    await conversationNow();
    const kotae = openKotae(config, { clock, logger });
    try {
      const now = clock.now();
      await new SqlJobLease(await kotae.database()).acquire(
        'retention',
        'kotae-b-1',
        now,
        new Date(now.getTime() + 300_000),
      );
    } finally {
      await kotae.close();
    }
    const busy = cliIo();
    assert.equal(await runRetentionCommand(['run'], busy.io, config, { clock, logger }), 1);
    assert.deepEqual(busy.err, [
      '保存期間の処理は別のKotae（kotae-b-1）で実行中です。終わってからもう一度実行してください。',
    ]);
    const usage = cliIo();
    assert.equal(await runRetentionCommand(['run', '--all'], usage.io, config, { clock, logger }), 2);
    assert.deepEqual(usage.err, [RETENTION_CLI_MESSAGES.usage]);
  });

  it('warns at the server start when the anchor file has no checkpoint of a database with audit rows', async () => {
    await conversationNow();
    const fresh = loadConfig(
      {
        KOTAE_DATA_DIR: tmp.dir,
        KOTAE_KB_DIR: path.join(__dirname, '../../../sample-kb'),
        KOTAE_AUDIT_ANCHOR_FILE: path.join(tmp.dir, 'new', 'audit-anchors.jsonl'),
      },
      tmp.dir,
    );
    const server = openKotae(fresh, { clock, logger }, { auditStartCheckpoint: true, instance: 'kotae-a' });
    try {
      await server.audit();
      assert.deepEqual(server.auditStartWarning(), {
        warning: 'no_checkpoint',
        rows: 1,
        anchorFile: fresh.integrity.auditAnchorFile,
        message: `監査ログのチェックポイントファイル ${fresh.integrity.auditAnchorFile} に、このデータベース（監査ログ 1 件）のチェックポイントがありません。KOTAE_AUDIT_ANCHOR_FILE が正しいか確認してください（これより前の記録の削除は検出できません）。`,
      });
      const warned = logger.lines.filter(
        (e) => e.level === 'warn' && e.msg.startsWith('the audit anchor file holds no checkpoint'),
      );
      assert.equal(warned.length, 1);
    } finally {
      await server.close();
    }
    // The server with the right anchor file starts without it.
    const right = openKotae(config, { clock, logger }, { auditStartCheckpoint: true, instance: 'kotae-a' });
    try {
      await right.audit();
      assert.equal(right.auditStartWarning(), undefined);
    } finally {
      await right.close();
    }
  });
});
