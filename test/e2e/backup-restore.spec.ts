/**
 * Backup and restore end to end (issue 11): data, an attachment and a report file on the real app;
 * an encrypted backup through `kotae backup`; `kotae restore` refused while the server runs; the data
 * folder destroyed; `kotae restore`; the restarted app serves the report and the attachment over
 * HTTP again, and the audit chain (with the restore declared and audited) verifies.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runAuditCommand } from '../../adapters/cli/audit-command';
import { runBackupCommand } from '../../adapters/cli/backup-command';
import type { CliIo } from '../../adapters/cli/io';
import { runRestoreCommand } from '../../adapters/cli/restore-command';
import { MemoryLogger } from '../../core/logger';
import { SystemClock } from '../../core/clock';
import { isEncryptedFile, listBackups } from '../../jobs';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'x-kotae-conversation-token';
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(300, 7)]);

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false };
  return { io, out, err };
}

describe('backup and restore end to end (encrypted)', function () {
  this.timeout(180_000);

  it('restores data, attachments and report files from an encrypted backup, with the audit chain intact', async () => {
    const data = tempDir('kotae-restore-data-');
    const keys = tempDir('kotae-restore-keys-');
    const backups = tempDir('kotae-restore-backups-');
    const env = {
      KOTAE_DATA_DIR: data.dir,
      KOTAE_BACKUP_DIR: backups.dir,
      KOTAE_BACKUP_KEY_FILE: path.join(keys.dir, 'backup.key'),
      KOTAE_AUDIT_KEY_FILE: path.join(keys.dir, 'audit.key'),
      KOTAE_AUDIT_ANCHOR_FILE: path.join(keys.dir, 'audit-anchors.jsonl'),
    };
    const runtime = { clock: new SystemClock(), logger: new MemoryLogger() };
    try {
      const first = await startApp(env, { keepDataDir: true });
      let conversationId: string;
      let attachmentUrl: string;
      let token: string;
      let staleCookie = '';
      let reportPdf: Buffer;
      try {
        const ask = await postJson(`${first.url}/api/ask`, { question: 'プリンタで印刷できない' });
        conversationId = ask.body.conversationId as string;
        token = ask.body.conversationToken as string;
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'エラー画面.png');
        const up = await fetch(`${first.url}/api/conversations/${conversationId}/attachments`, {
          method: 'POST',
          headers: { [TOKEN]: token },
          body: form,
        });
        assert.equal(up.status, 201);
        attachmentUrl = ((await up.json()) as { attachment: { url: string } }).attachment.url;
        await first.app.reports.service.generate('monthly', '2026-11');
        const admin = await signInConsole(first.url, 'admin', 'e2e-admin-password');
        staleCookie = admin.cookie;
        const pdf = await fetch(`${first.url}/console/reports/monthly/2026-11/files/monthly-2026-11.pdf`, {
          headers: { cookie: admin.cookie },
        });
        assert.equal(pdf.status, 200);
        reportPdf = Buffer.from(await pdf.arrayBuffer());

        const backup = cliIo();
        assert.equal(await runBackupCommand([], backup.io, first.config, runtime), 0, backup.err.join('\n'));
        const [generation] = listBackups(backups.dir);
        assert.equal(generation.encrypted, true);
        assert.ok(isEncryptedFile(generation.file));
        assert.equal(fs.statSync(generation.file).mode & 0o777, 0o600);
        assert.equal(fs.statSync(env.KOTAE_BACKUP_KEY_FILE).mode & 0o777, 0o600);
        assert.equal(fs.statSync(env.KOTAE_AUDIT_KEY_FILE).mode & 0o777, 0o600);
        // The database copy holds no readable text of the conversation.
        assert.equal(fs.readFileSync(generation.file).includes(Buffer.from('プリンタで印刷できない')), false);

        const refused = cliIo();
        assert.equal(await runRestoreCommand([generation.stamp], refused.io, first.config, runtime), 1);
        assert.match(refused.err[0], /使用中です。 サーバーを停止してから復元してください。$/);
      } finally {
        await first.stop();
      }

      fs.rmSync(data.dir, { recursive: true, force: true });
      fs.mkdirSync(data.dir);
      const restore = cliIo();
      const stamp = listBackups(backups.dir)[0].stamp;
      assert.equal(await runRestoreCommand([stamp], restore.io, first.config, runtime), 0, restore.err.join('\n'));
      assert.match(restore.out[0], /^バックアップから復元しました: .*kotae-\d{8}-\d{6}\.sqlite\.enc$/);
      assert.match(restore.out.join('\n'), /添付ファイル 1 件、報告書ファイル \d+ 件/);
      assert.ok(restore.out.includes('  サインインし直していただくため、復元したサインイン 1 件を無効にしました'));
      assert.equal(restore.out.at(-1), '  監査ログを検証しました: 改ざんは検出されませんでした。');

      const second = await startApp(env, { keepDataDir: true });
      try {
        const file = await fetch(`${second.url}${attachmentUrl}`, { headers: { [TOKEN]: token } });
        assert.equal(file.status, 200);
        assert.deepEqual(Buffer.from(await file.arrayBuffer()), PNG);
        // The sign-in of before the backup came back with the copy and was ended by the restore.
        const stale = await fetch(`${second.url}/console/audit`, {
          headers: { cookie: staleCookie },
          redirect: 'manual',
        });
        assert.equal(stale.status, 302);
        const admin = await signInConsole(second.url, 'admin', 'e2e-admin-password');
        const pdf = await fetch(`${second.url}/console/reports/monthly/2026-11/files/monthly-2026-11.pdf`, {
          headers: { cookie: admin.cookie },
        });
        assert.equal(pdf.status, 200);
        assert.deepEqual(Buffer.from(await pdf.arrayBuffer()), reportPdf);
        const auditPage = await admin.get('/console/audit');
        assert.match(auditPage.text, /改ざんは検出されませんでした/);
        assert.match(auditPage.text, /バックアップから復元/);
      } finally {
        await second.stop();
      }
      const verify = cliIo();
      assert.equal(await runAuditCommand(['verify'], verify.io, first.config, runtime), 0, verify.err.join('\n'));
      assert.match(
        verify.out[0],
        /^監査ログ: 改ざんは検出されませんでした（\d+件、最新の連番 \d+、チェックポイント \d+件で検証）。$/,
      );
    } finally {
      data.cleanup();
      keys.cleanup();
      backups.cleanup();
    }
  });
});
