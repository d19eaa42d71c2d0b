import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FakeClock } from '../../../core/clock';
import { SqlRetentionStore } from '../../../db/repositories/sql-retention';
import { SqlJobRunStore } from '../../../db/repositories/sql-job-run-store';
import type {
  AttachmentRow,
  ConversationRow,
  FeedbackRow,
  QuestionRow,
  TicketCommentRow,
  TicketEventRow,
  TicketRow,
  TranscriptEntryRow,
  WorkLogRow,
} from '../../../db';
import { JobRunner, RetentionJob } from '../../../jobs';
import { FsAttachmentFileStore, SqlAttachmentStore } from '../../../db';
import { AttachmentService } from '../../../tickets';
import fs from 'node:fs';
import path from 'node:path';
import { tempSqlite } from '../../helpers/sqlite';
import { describeEachDb } from '../../helpers/databases';

const NOW = new Date('2026-06-01T00:00:00Z');
const OLD = new Date('2023-01-01T00:00:00Z'); // more than 1095 days before NOW
const RECENT = new Date('2026-01-01T00:00:00Z');

async function conversation(ds: DataSource, id: string, lastActivityAt: Date): Promise<void> {
  await ds.getRepository<ConversationRow>('conversation').insert({
    id,
    channel: 'web',
    requesterId: 'u1',
    requesterName: '山田 太郎',
    department: '総務課',
    channelKey: null,
    channelRef: null,
    startedAt: lastActivityAt,
    lastActivityAt,
  });
  await ds.getRepository<TranscriptEntryRow>('transcript_entry').insert(
    [0, 1].map((seq) => ({
      id: randomUUID(),
      conversationId: id,
      seq,
      role: seq ? 'bot' : 'user',
      text: `line ${seq}`,
      at: lastActivityAt,
    })),
  );
  const questionId = randomUUID();
  await ds.getRepository<QuestionRow>('question').insert({
    id: questionId,
    conversationId: id,
    askedAt: lastActivityAt,
    text: 'VPNにつながらない',
    outcome: 'answered',
    confidence: 0.8,
    answer: '…',
    sources: '[]',
    categoryGuess: null,
    channel: 'web',
    requesterId: 'u1',
    requesterName: '山田 太郎',
    department: '総務課',
    latencyMs: 5,
  });
  await ds.getRepository<FeedbackRow>('feedback').insert({
    id: randomUUID(),
    conversationId: id,
    questionId,
    resolved: true,
    comment: null,
    createdAt: lastActivityAt,
    dedupeKey: `row:${randomUUID()}`,
  });
}

let seq = 0;
async function ticket(
  ds: DataSource,
  id: string,
  status: string,
  conversationId: string | null,
  closedAt: Date | null,
): Promise<void> {
  seq += 1;
  await ds.getRepository<TicketRow>('ticket').insert({
    id,
    number: `HD-2023-${String(seq).padStart(6, '0')}`,
    year: 2023,
    seq,
    conversationId,
    status,
    type: 'inquiry',
    priority: 'normal',
    category: 'その他',
    title: 't',
    details: 'd',
    requesterId: 'u1',
    requesterName: '山田 太郎',
    department: '総務課',
    channel: 'web',
    assignee: null,
    createdAt: OLD,
    updatedAt: closedAt ?? OLD,
    firstResponseAt: null,
    resolvedAt: closedAt,
    closedAt,
    incidentCause: null,
    incidentActions: null,
    incidentPrevention: null,
    holds: '[]',
    version: 1,
    dedupeKey: `row:${id}`,
  });
  await ds.getRepository<TicketCommentRow>('ticket_comment').insert({
    id: randomUUID(),
    ticketId: id,
    kind: 'reply',
    author: 'op',
    body: 'b',
    createdAt: OLD,
    deliveredAt: OLD,
    deliveryError: null,
  });
  await ds
    .getRepository<TicketEventRow>('ticket_event')
    .insert({ id: randomUUID(), ticketId: id, at: OLD, actor: 'op', field: 'status', before: null, after: status });
  await ds.getRepository<AttachmentRow>('attachment').insert({
    id: randomUUID(),
    ticketId: id,
    fileName: 'a.png',
    contentType: 'image/png',
    sizeBytes: 1,
    createdAt: OLD,
    uploadedBy: 'op',
    conversationId: null,
    commentId: null,
    kind: 'operator',
    sha256: null,
  });
  await ds
    .getRepository<TranscriptEntryRow>('transcript_entry')
    .insert({ id: randomUUID(), conversationId: id, seq: 0, role: 'user', text: 'copy', at: OLD });
  await ds.getRepository<WorkLogRow>('work_log').insert({
    id: randomUUID(),
    ticketId: id,
    startedAt: OLD,
    endedAt: OLD,
    operatorName: '担当',
    title: '対応',
    content: 'c',
    remarks: null,
    createdAt: OLD,
    createdBy: 'op',
  });
}

describeEachDb('retention', (each) => {
  it('deletes expired conversations and closed tickets, keeps open-ticket conversations, recent data and work logs', async () => {
    const db = each.db;
    const ds = db.ds;
    try {
      for (let i = 0; i < 5; i += 1) await conversation(ds, `old-${i}`, OLD);
      await conversation(ds, 'old-open', OLD);
      await ticket(ds, 'T-open', 'in_progress', 'old-open', null);
      await conversation(ds, 'old-closed-recently', OLD);
      await ticket(ds, 'T-closed-recent', 'closed', 'old-closed-recently', RECENT);
      await conversation(ds, 'recent', RECENT);
      await ticket(ds, 'T-closed-old', 'closed', null, OLD);
      await ticket(ds, 'T-resolved-old', 'resolved', null, null);

      const closedOld = await ds.getRepository<TicketRow>('ticket').findOneByOrFail({ id: 'T-closed-old' });
      const clock = new FakeClock(NOW);
      const runs = new SqlJobRunStore(ds);
      const job = new RetentionJob({
        store: new SqlRetentionStore(ds),
        clock,
        retentionDays: 1095,
        batchSize: 2,
        runner: new JobRunner({ store: runs, clock, sleep: async () => undefined }),
      });
      const outcome = await job.run();
      assert.equal(outcome.cutoff.toISOString(), '2023-06-02T00:00:00.000Z');
      assert.deepEqual(outcome.conversations, {
        conversations: 6,
        transcriptEntries: 12,
        questions: 6,
        feedback: 6,
        attachments: 0,
      });
      assert.equal(outcome.files, 0);
      assert.deepEqual(outcome.tickets, {
        tickets: 1,
        comments: 1,
        events: 1,
        attachments: 1,
        transcriptEntries: 1,
        numbers: [closedOld.number],
      });

      const ids = async (table: string, column = 'id') =>
        (await ds.getRepository<Record<string, string>>(table).find()).map((r) => r[column]).sort();
      assert.deepEqual(await ids('conversation'), ['old-open', 'recent']);
      assert.deepEqual(await ids('ticket'), ['T-closed-recent', 'T-open', 'T-resolved-old']);
      assert.deepEqual(
        [...new Set(await ids('transcript_entry', 'conversationId'))],
        ['T-closed-recent', 'T-open', 'T-resolved-old', 'old-open', 'recent'],
      );
      assert.deepEqual([...new Set(await ids('question', 'conversationId'))], ['old-open', 'recent']);
      assert.deepEqual([...new Set(await ids('feedback', 'conversationId'))], ['old-open', 'recent']);
      assert.deepEqual(await ids('ticket_comment', 'ticketId'), ['T-closed-recent', 'T-open', 'T-resolved-old']);
      assert.deepEqual(await ids('attachment', 'ticketId'), ['T-closed-recent', 'T-open', 'T-resolved-old']);
      assert.equal((await ids('work_log')).length, 4, 'work logs are contract records');

      const again = await job.run();
      assert.equal(again.conversations.conversations + again.tickets.tickets, 0);
      assert.deepEqual(
        (await runs.recent('retention', 5)).map((r) => r.status),
        ['succeeded', 'succeeded'],
      );
    } finally {
      await db.close();
    }
  });

  it('deletes the files of purged tickets and held conversations, keeping content another ticket still uses', async () => {
    const db = await tempSqlite();
    const ds = db.ds;
    try {
      const files = new FsAttachmentFileStore(path.join(db.dir, 'attachments'));
      const rows = new SqlAttachmentStore(ds, () => OLD);
      const service = new AttachmentService({
        files,
        rows,
        tickets: { get: async () => undefined },
        audit: { record: async () => undefined, atomically: async (change) => change() },
      });
      const store = async (text: string, name: string) =>
        service.stage(
          (async function* () {
            yield Buffer.from(text);
          })(),
          { fileName: name },
        );
      await ticket(ds, 'T-gone', 'closed', null, OLD);
      await ticket(ds, 'T-keep', 'in_progress', null, null);
      await conversation(ds, 'old-held', OLD);
      const only = await store('only on the purged ticket', 'a.txt');
      const shared = await store('shared by both tickets', 'b.txt');
      const held = await store('held, never escalated', 'c.txt');
      await service.addFromOperator({ id: 'T-gone', number: 'HD-1' }, only, 'op');
      const sharedAgain = await store('shared by both tickets', 'b.txt');
      await service.addFromOperator({ id: 'T-gone', number: 'HD-1' }, shared, 'op');
      await service.addFromOperator({ id: 'T-keep', number: 'HD-2' }, sharedAgain, 'op');
      await service.addFromRequester({ conversationId: 'old-held', uploadedBy: '山田' }, held);
      for await (const f of files.list()) {
        const file = path.join(files.root, f.sha256.slice(0, 2), f.sha256);
        fs.utimesSync(file, OLD, OLD);
      }
      const clock = new FakeClock(NOW);
      const job = new RetentionJob({
        store: new SqlRetentionStore(ds),
        clock,
        retentionDays: 1095,
        runner: new JobRunner({ store: new SqlJobRunStore(ds), clock, sleep: async () => undefined }),
        attachmentFiles: service,
      });
      const outcome = await job.run();
      assert.equal(outcome.conversations.attachments, 1);
      assert.equal(outcome.tickets.attachments, 3, 'the fixture row and the two files of T-gone');
      assert.equal(outcome.files, 2);
      const left: string[] = [];
      for await (const f of files.list()) left.push(f.sha256);
      assert.deepEqual(left, [shared.sha256]);
    } finally {
      await db.close();
    }
  });
});
