import assert from 'node:assert/strict';
import { loadConfig } from '../../../app/config';
import { autoCloser } from '../../../app/wire-retention';
import type { TicketRecord, TicketStore } from '../../../tickets';
import { BusinessCalendar } from '../../../calendar';
import { MemoryLogger } from '../../../core/logger';
import type { TicketService } from '../../../tickets';

describe('issue 11 configuration: audit key, retention per class, auto-close, backup key', () => {
  it('defaults: key and anchor file in the data dir, every class at KOTAE_RETENTION_DAYS, audit 5 years, auto-close 10', () => {
    const c = loadConfig({ KOTAE_RETENTION_DAYS: '30' }, '/srv/kotae');
    assert.deepEqual(c.integrity, {
      auditKeyFile: '/srv/kotae/data/audit.key',
      auditAnchorFile: '/srv/kotae/data/audit-anchors.jsonl',
      auditAnchorOtherFiles: [],
      auditCheckpointMinutes: 10,
      auditCheckpointDelayMs: 1000,
      backupKeyFile: undefined,
      retention: { conversationDays: 30, ticketDays: 30, attachmentDays: 30, auditDays: 1825 },
      autoCloseBusinessDays: 10,
    });
  });

  it('takes retention down to one day per class', () => {
    const c = loadConfig(
      {
        KOTAE_RETENTION_CONVERSATION_DAYS: '1',
        KOTAE_RETENTION_TICKET_DAYS: '7',
        KOTAE_RETENTION_AUDIT_DAYS: '7',
        KOTAE_BACKUP_KEY_FILE: '/etc/kotae/backup.key',
      },
      '/srv/kotae',
    );
    assert.deepEqual(c.integrity.retention, { conversationDays: 1, ticketDays: 7, attachmentDays: 7, auditDays: 7 });
    assert.equal(c.integrity.backupKeyFile, '/etc/kotae/backup.key');
  });

  it('refuses zero days, an audit retention shorter than another class and an auto-close inside the reopen window, in Japanese', () => {
    assert.throws(
      () => loadConfig({ KOTAE_RETENTION_CONVERSATION_DAYS: '0' }),
      /KOTAE_RETENTION_CONVERSATION_DAYS: 会話・質問の保存期間: 1日以上を指定してください/,
    );
    assert.throws(
      () => loadConfig({ KOTAE_RETENTION_TICKET_DAYS: '3650', KOTAE_RETENTION_AUDIT_DAYS: '365' }),
      /KOTAE_RETENTION_AUDIT_DAYS: 監査ログの保存期間（365日）は、他の保存期間の最長（3650日）以上にしてください/,
    );
    assert.throws(
      () => loadConfig({ KOTAE_AUTO_CLOSE_BUSINESS_DAYS: '3', KOTAE_REOPEN_BUSINESS_DAYS: '5' }),
      /KOTAE_AUTO_CLOSE_BUSINESS_DAYS: 解決済みチケットの自動クローズ（3営業日）は、再開できる期間 KOTAE_REOPEN_BUSINESS_DAYS（5営業日）以上にしてください/,
    );
    assert.throws(() => loadConfig({ KOTAE_AUTO_CLOSE_BUSINESS_DAYS: 'x' }), /営業日数を整数で指定してください/);
    assert.throws(
      () => loadConfig({ KOTAE_AUDIT_CHECKPOINT_MINUTES: '0' }),
      /KOTAE_AUDIT_CHECKPOINT_MINUTES: 監査ログのチェックポイント間隔: 1分以上を指定してください/,
    );
    assert.equal(loadConfig({ KOTAE_AUDIT_CHECKPOINT_MINUTES: '5' }).integrity.auditCheckpointMinutes, 5);
  });

  it('takes the delay of the checkpoint after audit writes in milliseconds (0 turns it off) and refuses a bad one in Japanese', () => {
    assert.equal(loadConfig({ KOTAE_AUDIT_CHECKPOINT_DELAY_MS: '250' }).integrity.auditCheckpointDelayMs, 250);
    assert.equal(loadConfig({ KOTAE_AUDIT_CHECKPOINT_DELAY_MS: '0' }).integrity.auditCheckpointDelayMs, 0);
    const refused = (value: string, message: string) =>
      assert.throws(
        () => loadConfig({ KOTAE_AUDIT_CHECKPOINT_DELAY_MS: value }),
        (err: Error) =>
          err.message.includes(`KOTAE_AUDIT_CHECKPOINT_DELAY_MS: 監査ログの書き込み後のチェックポイント: ${message}`),
      );
    refused('1s', '待ち時間をミリ秒の整数で指定してください');
    refused('1.5', '待ち時間をミリ秒の整数で指定してください');
    refused('-1', '0以上を指定してください（0は書き込み後のチェックポイントをしない）');
    refused('60001', '60000ミリ秒（1分）以下を指定してください');
  });
});

describe('auto-close of resolved tickets', () => {
  it('closes a ticket resolved N business days ago and leaves a recent one', async () => {
    const resolved = (id: string, resolvedAt: string) =>
      ({
        id,
        number: `HD-2026-00000${id}`,
        version: 3,
        status: 'resolved',
        resolvedAt: new Date(resolvedAt),
      }) as TicketRecord;
    const tickets = [resolved('1', '2026-05-01T03:00:00Z'), resolved('2', '2026-05-28T03:00:00Z')];
    const closed: string[] = [];
    const closer = autoCloser(
      {
        store: { list: async () => ({ items: tickets, total: 2 }) } as unknown as TicketStore,
        tickets: {
          update: async (id: string, version: number, changes: { status: string }, actor: string) => {
            closed.push(`${id} v${version} ${changes.status} by ${actor}`);
          },
        } as unknown as TicketService,
        calendar: new BusinessCalendar(),
        logger: new MemoryLogger(),
      },
      5,
    );
    assert.equal(await closer.closeResolved(new Date('2026-06-01T00:00:00Z')), 1);
    assert.deepEqual(closed, ['1 v3 closed by system']);
    assert.equal(await autoCloser({} as Parameters<typeof autoCloser>[0], 0).closeResolved(new Date()), 0);
  });
});
