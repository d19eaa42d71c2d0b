/**
 * The desk's smaller stores (conversations, FAQs, work log, attachments, unanswered
 * questions) on every database the suites cover: same records in, same records out, times in UTC.
 */
import assert from 'node:assert/strict';
import { KotaeError } from '../../../core/errors';
import { SqlConversationStore } from '../../../db';
import { SqlAttachmentStore } from '../../../db/repositories/sql-attachment-store';
import { SqlFaqStore, SqlUnansweredQuestions } from '../../../db/repositories/sql-faq-store';
import { SqlWorkLogStore } from '../../../db/repositories/sql-work-log-store';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

const T0 = new Date('2026-07-01T00:00:00.123Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof KotaeError ? e.code : String(e)),
  );

for (const kind of TEST_DB_KINDS) {
  describe(`desk stores on ${kind}`, () => {
    const t = useTestDb(kind);
    beforeEach(() => t.db.reset());

    it('conversations: channel key lookup, transcript order, question log and feedback dedupe', async () => {
      let now = at(0);
      const store = new SqlConversationStore(t.db.ds, () => now);
      const c = await store.createConversation({
        channel: 'teams',
        requester: { id: 'aad-1', name: '佐藤 一郎', department: '税務課' },
        channelKey: 'conv-1|aad-1',
      });
      now = at(1);
      await store.appendTranscript(c.id, { role: 'user', text: 'こんにちは', at: at(1) });
      const q = await store.recordQuestion({
        conversationId: c.id,
        askedAt: at(2),
        text: 'VPNにつながらない',
        outcome: 'no_answer',
        confidence: 0.12,
        answer: '担当者におつなぎします。',
        sources: [],
        channel: 'teams',
        requester: { id: 'aad-1', name: '佐藤 一郎', department: '税務課' },
        latencyMs: 42,
      });
      assert.equal((await store.findByChannelKey('teams', 'conv-1|aad-1'))?.id, c.id);
      assert.equal(await store.findByChannelKey('teams', 'other'), undefined);
      const lines = await store.transcript(c.id);
      assert.deepEqual(
        lines.map((l) => l.text),
        ['こんにちは', 'VPNにつながらない', '担当者におつなぎします。'],
      );
      assert.equal(lines[0].at.toISOString(), at(1).toISOString());
      const last = await store.lastQuestion(c.id);
      assert.equal(last?.id, q.id);
      assert.equal(last?.confidence, 0.12);
      assert.equal(last?.askedAt.toISOString(), at(2).toISOString());
      const [f1, f2] = await Promise.all([
        store.recordFeedback({ conversationId: c.id, questionId: q.id, resolved: false, activityId: 'a-1' }),
        store.recordFeedback({ conversationId: c.id, questionId: q.id, resolved: false, activityId: 'a-1' }),
      ]);
      assert.equal(f1.id, f2.id);
      assert.equal(f1.resolved, false);
      const unanswered = await new SqlUnansweredQuestions(t.db.ds).list(10);
      assert.deepEqual(
        unanswered.map((u) => [u.text, u.outcome, u.department]),
        [['VPNにつながらない', 'no_answer', '税務課']],
      );
    });

    it('FAQs: create, update with the expected version, approve, stale version is CONFLICT, delete', async () => {
      let now = at(0);
      const faqs = new SqlFaqStore(t.db.ds, () => now);
      const draft = await faqs.create({
        category: 'ネットワーク',
        question: 'VPNにつながらない',
        alternateQuestions: ['リモート接続できない'],
        answer: '証明書を更新してください。',
        status: 'draft',
        createdBy: 'tanaka',
      });
      now = at(5);
      const edited = await faqs.update(draft.id, 1, {
        category: 'ネットワーク',
        question: 'VPNにつながらない',
        alternateQuestions: ['リモート接続できない', '在宅でつながらない'],
        answer: '証明書を更新し、再接続してください。',
      });
      assert.equal(edited.version, 2);
      assert.equal(edited.updatedAt.toISOString(), at(5).toISOString());
      assert.deepEqual(edited.alternateQuestions, ['リモート接続できない', '在宅でつながらない']);
      assert.equal(await codeOf(faqs.approve(draft.id, 1, 'admin')), 'CONFLICT');
      const approved = await faqs.approve(draft.id, 2, 'admin');
      assert.equal(approved.status, 'approved');
      assert.equal(approved.approvedBy, 'admin');
      assert.deepEqual(
        (await faqs.list('approved')).map((f) => f.id),
        [draft.id],
      );
      await faqs.delete(draft.id);
      assert.equal(await faqs.get(draft.id), undefined);
      assert.equal(await codeOf(faqs.approve(draft.id, 3, 'admin')), 'NOT_FOUND');
    });

    it('work log: half-open ranges oldest first, by ticket; attachments by ticket', async () => {
      const log = new SqlWorkLogStore(t.db.ds, () => at(0));
      const entry = (title: string, start: number, ticketId?: string) =>
        log.add({
          ticketId,
          startedAt: at(start),
          endedAt: at(start + 30),
          operatorName: '田中',
          title,
          content: '作業しました。',
          remarks: undefined,
          createdBy: 'tanaka',
        });
      await entry('後', 120, 't-1');
      await entry('前', 60);
      await entry('範囲外', 180);
      assert.deepEqual(
        (await log.listWorkLogs(at(60), at(180))).map((w) => w.title),
        ['前', '後'],
      );
      assert.deepEqual(
        (await log.listByTicket('t-1')).map((w) => w.title),
        ['後'],
      );
      const files = new SqlAttachmentStore(t.db.ds, () => at(1));
      await files.add({
        ticketId: 't-1',
        kind: 'requester',
        sha256: 'a'.repeat(64),
        fileName: '画面.png',
        contentType: 'image/png',
        sizeBytes: 1234,
        uploadedBy: '田中',
      });
      const [meta] = await files.list('t-1');
      assert.equal(meta.fileName, '画面.png');
      assert.equal(meta.sizeBytes, 1234);
      assert.equal(meta.createdAt.toISOString(), at(1).toISOString());
    });
  });
}
