/**
 * Retention with a certificate (issue 11): per-class cutoffs down to one day, secure deletion (the
 * deleted text is gone from the raw bytes of the SQLite file and its WAL), a stored certificate with
 * the counts per table, the run audited, and the audit log's own retention keeping the chain valid.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore } from '../../../db';
import { AuditAnchorFile, KEY_CREATED_SOURCE } from '../../../db/audit/anchor-file';
import { SqlDeletionCertificates } from '../../../db/repositories/sql-deletion-certificates';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import { SqlRetentionStore } from '../../../db/repositories/sql-retention';
import { JobRunner, RetentionJob } from '../../../jobs';
import { TEST_AUDIT_KEY, testAuditLog } from '../../helpers/audit';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

const MARKER = 'ゼブラ印刷機の設定手順-7731';
const DAY = 86_400_000;

function rawBytesContain(db: TempSqlite, text: string): boolean {
  const needle = Buffer.from(text);
  return ['kotae.sqlite', 'kotae.sqlite-wal']
    .map((f) => path.join(db.dir, f))
    .filter((f) => fs.existsSync(f))
    .some((f) => fs.readFileSync(f).includes(needle));
}

describe('RetentionJob with a deletion certificate (SQLite)', function () {
  this.timeout(60_000);
  let db: TempSqlite;
  beforeEach(async () => {
    db = await tempSqlite();
  });
  afterEach(() => db.close());

  it('deletes a one-day-old conversation so its text is not in the file, stores the certificate and audits the run', async () => {
    const clock = new FakeClock('2026-06-01T00:00:00Z');
    const now = () => clock.now();
    const anchors = new AuditAnchorFile(path.join(db.dir, 'audit-anchors.jsonl'), TEST_AUDIT_KEY);
    const audit = testAuditLog(db.ds, now, anchors);
    await audit.anchor(KEY_CREATED_SOURCE);
    await audit.record({ actor: 'op', action: 'ticket.update' });
    const conversations = new SqlConversationStore(db.ds, now);
    const old = await conversations.createConversation({ channel: 'web', requester: { name: '利用者' } });
    await conversations.recordQuestion({
      conversationId: old.id,
      askedAt: clock.now(),
      text: MARKER,
      outcome: 'no_answer',
      confidence: 0.1,
      answer: `「${MARKER}」についての回答`,
      sources: [],
      channel: 'web',
      requester: {},
      latencyMs: 3,
    });
    assert.equal(rawBytesContain(db, MARKER), true, 'the text is in the file before retention');

    clock.set(new Date(clock.now().getTime() + 3 * DAY));
    await audit.record({ actor: 'op', action: 'ticket.update' });
    const store = new SqlRetentionStore(db.ds);
    const certificates = new SqlDeletionCertificates(db.ds);
    const job = new RetentionJob({
      store,
      runner: new JobRunner({ store: new SqlJobRunStore(db.ds), clock, maxAttempts: 1 }),
      clock,
      retentionDays: 1095,
      trust: {
        classes: { conversationDays: 1, ticketDays: 1, attachmentDays: 1, auditDays: 2 },
        attachmentRows: store,
        eraser: store,
        audit,
        certificates,
        medium: 'SQLiteデータベース（テスト）',
        performedBy: 'Kotae（保存期間経過データの自動削除）',
      },
    });
    const outcome = await job.run();
    assert.equal(outcome.conversations.conversations, 1);
    assert.equal(outcome.conversations.questions, 1);
    assert.equal(outcome.trust?.audit, 1);
    assert.equal(rawBytesContain(db, MARKER), false, 'the deleted text is gone from the raw file bytes');

    const [certificate] = await certificates.list(10);
    assert.equal(certificate.id, outcome.trust?.certificateId);
    assert.equal(certificate.medium, 'SQLiteデータベース（テスト）');
    assert.equal(certificate.performedBy, 'Kotae（保存期間経過データの自動削除）');
    assert.match(certificate.method, /secure_delete.*VACUUM/);
    const count = (table: string) => certificate.items.find((i) => i.table === table)?.count;
    assert.deepEqual(
      ['conversation', 'question', 'transcript_entry', 'audit_log', 'ticket'].map(count),
      [1, 1, 2, 1, 0],
    );
    assert.equal(certificate.total, 5);
    const [last] = await audit.recent(1);
    assert.deepEqual([last.action, last.target], ['retention.run', certificate.id]);
    const verdict = await audit.verify();
    assert.equal(verdict.ok, true, JSON.stringify(verdict));
    // The chain now starts after the pruned row (seq 1): seq 2 and the run's own entry (seq 3).
    assert.deepEqual(verdict.ok && verdict.head.seq, 3);
    assert.deepEqual(
      (await audit.recent(10)).map((r) => r.seq),
      [3, 2],
    );
  });
});
