import assert from 'node:assert/strict';
import { KotaeError } from '../../../core/errors';
import { createPiiMasker } from '../../../privacy';
import { WorkLogService, validateWorkLog } from '../../../tickets';
import type { NewWorkLogEntry, WorkLogEntry } from '../../../tickets/types';
import type { WorkLogStore } from '../../../tickets/ports';
import { RecordingAudit } from './fakes';
import { ticketHarness } from './ticket-harness';

const PHONE = '090-1234-5678';

describe('tickets: personal data masked before it is stored', () => {
  it('masks titles, details, replies, notes and incident fields written in the console', async () => {
    const h = ticketHarness();
    const created = await h.service.create(
      {
        type: 'inquiry',
        priority: 'normal',
        category: h.service.categories[0] ?? 'その他',
        title: `山田様 ${PHONE} から電話`,
        details: `折り返しは ${PHONE}、メール yamada@example.jp`,
        requester: { name: '山田' },
        channel: 'web',
        transcript: [],
      },
      'op1',
    );
    assert.equal(created.title, '［氏名］様 ［電話番号］ から電話');
    assert.equal(created.details, '折り返しは ［電話番号］、メール ［メールアドレス］');
    const t = await h.open();
    const updated = await h.service.update(
      t.id,
      1,
      { title: `マイナンバー 1234-5678-9018 の件`, incident: { cause: `佐藤さんの ${PHONE}` } },
      'op1',
    );
    assert.equal(updated.title, 'マイナンバー ［マイナンバー］ の件');
    assert.equal(updated.incident?.cause, '［氏名］さんの ［電話番号］');
    const note = await h.service.note(t.id, `本人確認 ${PHONE}`, 'op1');
    assert.equal(note.body, '本人確認 ［電話番号］');
    const reply = await h.service.reply(t.id, `${PHONE} にお電話ください`, 'op1');
    assert.match(reply.body, /［電話番号］ にお電話ください$/);
  });

  it('keeps the requester’s own name in a reply addressed to them, masks everyone else’s', async () => {
    const h = ticketHarness();
    const created = await h.service.create(
      {
        type: 'inquiry',
        priority: 'normal',
        category: h.service.categories[0] ?? 'その他',
        title: 'プリンターの件',
        details: '',
        requester: { name: '田中 健' },
        channel: 'web',
        transcript: [],
      },
      'op1',
    );
    const reply = await h.service.reply(
      created.id,
      `田中 健様\nお問い合わせの件、田中様の端末は復旧しました。中村様にもお伝えください。折り返しは ${PHONE} です。`,
      'op1',
    );
    assert.match(
      reply.body,
      /\n田中 健様\nお問い合わせの件、田中様の端末は復旧しました。［氏名］様にもお伝えください。折り返しは ［電話番号］ です。$/,
    );
    // Written without the space (田中健様) it is the same person's name.
    const again = await h.service.reply(created.id, '田中健様 ご確認ください。', 'op1');
    assert.match(again.body, /\n田中健様 ご確認ください。$/);
  });

  it('refuses a title over 200 characters in Japanese', async () => {
    const h = ticketHarness();
    const t = await h.open();
    await assert.rejects(
      h.service.update(t.id, 1, { title: 'あ'.repeat(201) }, 'op1'),
      (e: unknown) => e instanceof KotaeError && e.code === 'INPUT_TOO_LARGE' && /200文字以内/.test(e.userMessage),
    );
  });

  it('masks work logs with the configured types, limits 作業内容 and refuses year 0000', async () => {
    const stored: NewWorkLogEntry[] = [];
    const store: WorkLogStore = {
      add: async (e) => {
        stored.push(e);
        return { ...e, id: 'w1', createdAt: new Date() } as WorkLogEntry;
      },
      listWorkLogs: async () => [],
      listByTicket: async () => [],
    };
    const service = new WorkLogService(store, new RecordingAudit(), createPiiMasker({ types: ['phone'] }));
    const entry: NewWorkLogEntry = {
      startedAt: new Date('2026-11-02T01:00:00Z'),
      endedAt: new Date('2026-11-02T02:00:00Z'),
      operatorName: '小川',
      title: 'PC交換',
      content: `山田様（${PHONE}）のPCを交換`,
      createdBy: 'op1',
    };
    await service.add(entry);
    assert.equal(stored[0]?.content, '山田様（［電話番号］）のPCを交換');
    assert.throws(
      () => validateWorkLog({ ...entry, content: 'あ'.repeat(10_001) }),
      (e: unknown) => e instanceof KotaeError && /作業内容は10,000文字以内/.test(e.userMessage),
    );
    assert.throws(
      () => validateWorkLog({ ...entry, startedAt: new Date('0000-01-01T00:00:00Z') }),
      (e: unknown) => e instanceof KotaeError && /2000年から2100年/.test(e.userMessage),
    );
  });
});
