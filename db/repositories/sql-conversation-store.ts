/**
 * ConversationStore on TypeORM: conversations, transcripts, the question log and feedback.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppendWatchers, type AppendListener, type ConversationStore } from '../../conversations';
import type {
  ChannelKind,
  ConversationRecord,
  FeedbackRecord,
  Outcome,
  QuestionRecord,
  Requester,
  TranscriptEntry,
  TranscriptRole,
} from '../../conversations';
import type { ConversationRow, FeedbackRow, QuestionRow, TranscriptEntryRow } from '../schema';
import { runDb } from '../run-db';
import { inTransaction, managerOf } from '../transaction-scope';
import { SqliteStatements } from '../sqlite-statements';
import { isUniqueViolation } from './atomic-sql';
import { appendLinesOrm, appendLinesSqlite, reportAppended } from './transcript-lines';
import { KotaeError } from '../../core';
import { isPiiType } from '../../privacy';

/** Maps a conversation row to its record. */
export function toConversation(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    channel: row.channel as ChannelKind,
    requester: {
      id: row.requesterId ?? undefined,
      name: row.requesterName ?? undefined,
      department: row.department ?? undefined,
      ...(row.requesterPhone ? { phone: row.requesterPhone } : {}),
    },
    channelRef: row.channelRef ?? undefined,
    ...(row.accessTokenHash ? { accessTokenHash: row.accessTokenHash } : {}),
    startedAt: row.startedAt,
    lastActivityAt: row.lastActivityAt,
  };
}

/** Maps a question row to its record. */
export function toQuestion(row: QuestionRow): QuestionRecord {
  return {
    id: row.id,
    conversationId: row.conversationId,
    askedAt: row.askedAt,
    text: row.text,
    outcome: row.outcome as Outcome,
    confidence: row.confidence,
    answer: row.answer,
    sources: JSON.parse(row.sources) as QuestionRecord['sources'],
    categoryGuess: row.categoryGuess ?? undefined,
    channel: row.channel as ChannelKind,
    requester: {
      id: row.requesterId ?? undefined,
      name: row.requesterName ?? undefined,
      department: row.department ?? undefined,
    },
    latencyMs: row.latencyMs,
    ...(row.choices ? { choices: JSON.parse(row.choices) as QuestionRecord['choices'] } : {}),
    ...(row.maskedTypes ? { maskedTypes: row.maskedTypes.split(',').filter(isPiiType) } : {}),
    ...takenBackOf(row.takenBack),
  };
}

/** Maps a question record to its row. */
export function toQuestionRow(q: QuestionRecord): QuestionRow {
  return {
    id: q.id,
    conversationId: q.conversationId,
    askedAt: q.askedAt,
    text: q.text,
    outcome: q.outcome,
    confidence: q.confidence,
    answer: q.answer,
    sources: JSON.stringify(q.sources),
    categoryGuess: q.categoryGuess ?? null,
    channel: q.channel,
    requesterId: q.requester.id ?? null,
    requesterName: q.requester.name ?? null,
    department: q.requester.department ?? null,
    latencyMs: Math.round(q.latencyMs),
    choices: q.choices?.length ? JSON.stringify(q.choices) : null,
    maskedTypes: q.maskedTypes?.length ? q.maskedTypes.join(',') : null,
    takenBack: q.takenBack ? `${q.takenBack.kind}:${q.takenBack.ticketNumber}` : null,
  };
}

/** `question.takenBack` (`withdrawn:HD-2026-000123`, `kept:…`) as the record's field; nothing for NULL or another value. */
function takenBackOf(column: string | null | undefined): Pick<QuestionRecord, 'takenBack'> {
  const [kind, ticketNumber] = column?.split(':') ?? [];
  if ((kind !== 'withdrawn' && kind !== 'kept') || !ticketNumber) return {};
  return { takenBack: { kind, ticketNumber } };
}

function toFeedback(row: FeedbackRow): FeedbackRecord {
  return {
    id: row.id,
    conversationId: row.conversationId,
    questionId: row.questionId ?? undefined,
    resolved: Boolean(row.resolved),
    comment: row.comment ?? undefined,
    createdAt: row.createdAt,
  };
}

/** SQL implementation of ConversationStore. */
export class SqlConversationStore implements ConversationStore {
  /** SQLite: the question path's statements, prepared once (see db/sqlite-statements.ts). */
  private readonly sqlite?: SqliteStatements;
  /** Who hears the lines appended (watchAppends). */
  private readonly watchers = new AppendWatchers();

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sqlite = SqliteStatements.of(ds);
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    return runDb(this.ds, work);
  }

  async createConversation(input: {
    channel: ChannelKind;
    requester: Requester;
    channelRef?: string;
    channelKey?: string;
    accessTokenHash?: string;
  }): Promise<ConversationRecord> {
    const at = this.now();
    const row: ConversationRow = {
      id: randomUUID(),
      channel: input.channel,
      requesterId: input.requester.id ?? null,
      requesterName: input.requester.name ?? null,
      department: input.requester.department ?? null,
      channelKey: input.channelKey ?? null,
      channelRef: input.channelRef ?? null,
      requesterPhone: input.requester.phone ?? null,
      accessTokenHash: input.accessTokenHash ?? null,
      startedAt: at,
      lastActivityAt: at,
    };
    const { sqlite } = this;
    await this.run(async () => {
      if (sqlite) sqlite.insert('conversation', row);
      else await managerOf(this.ds).getRepository<ConversationRow>('conversation').insert(row);
    });
    return toConversation(row);
  }

  /** Finds the latest conversation a channel opened under its own key (e.g. a Teams conversation id + user). */
  async findByChannelKey(channel: ChannelKind, channelKey: string): Promise<ConversationRecord | undefined> {
    const row = await this.run(() =>
      managerOf(this.ds)
        .getRepository<ConversationRow>('conversation')
        .findOne({ where: { channel, channelKey }, order: { startedAt: 'DESC' } }),
    );
    return row ? toConversation(row) : undefined;
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const { sqlite } = this;
    const row = await this.run(async () =>
      sqlite
        ? sqlite.row<ConversationRow>('conversation', 'SELECT * FROM "conversation" WHERE "id" = ?', [id])
        : managerOf(this.ds).getRepository<ConversationRow>('conversation').findOneBy({ id }),
    );
    return row ? toConversation(row) : undefined;
  }

  async touchConversation(id: string, patch: { requester?: Requester; channelRef?: string }): Promise<void> {
    const set: Partial<ConversationRow> = { lastActivityAt: this.now() };
    if (patch.channelRef !== undefined) set.channelRef = patch.channelRef;
    if (patch.requester?.id) set.requesterId = patch.requester.id;
    if (patch.requester?.name) set.requesterName = patch.requester.name;
    if (patch.requester?.department) set.department = patch.requester.department;
    if (patch.requester?.phone) set.requesterPhone = patch.requester.phone;
    await this.run(() => managerOf(this.ds).getRepository<ConversationRow>('conversation').update({ id }, set));
  }

  async appendTranscript(conversationId: string, entry: TranscriptEntry): Promise<void> {
    const heard = this.watchers.current();
    const { sqlite } = this;
    await this.run(() =>
      inTransaction(this.ds, async (em) => {
        const appended = sqlite
          ? appendLinesSqlite(sqlite, conversationId, [entry])
          : await appendLinesOrm(em, conversationId, [entry]);
        reportAppended(this.ds, heard, appended);
      }),
    );
  }

  async transcriptLength(conversationId: string): Promise<number> {
    return this.run(() =>
      managerOf(this.ds).getRepository<TranscriptEntryRow>('transcript_entry').countBy({ conversationId }),
    );
  }

  watchAppends<T>(listener: AppendListener, work: () => Promise<T>): Promise<T> {
    return this.watchers.watch(listener, work);
  }

  async transcript(conversationId: string): Promise<TranscriptEntry[]> {
    const rows = await this.run(() =>
      managerOf(this.ds)
        .getRepository<TranscriptEntryRow>('transcript_entry')
        .find({ where: { conversationId }, order: { seq: 'ASC' } }),
    );
    return rows.map((r) => ({ role: r.role as TranscriptRole, text: r.text, at: r.at }));
  }

  async recordQuestion(q: Omit<QuestionRecord, 'id'>): Promise<QuestionRecord> {
    const row = toQuestionRow({ ...q, id: randomUUID() });
    const heard = this.watchers.current();
    const { sqlite } = this;
    await this.run(() =>
      inTransaction(this.ds, async (em) => {
        const lines: TranscriptEntry[] = [
          { role: 'user', text: q.text, at: q.askedAt },
          { role: 'bot', text: q.answer, at: this.now() },
        ];
        if (sqlite) {
          sqlite.insert('question', row);
          reportAppended(this.ds, heard, appendLinesSqlite(sqlite, q.conversationId, lines));
          const at = sqlite.encode('conversation', 'lastActivityAt', this.now());
          sqlite.run('UPDATE "conversation" SET "lastActivityAt" = ? WHERE "id" = ?', [at, q.conversationId]);
          return;
        }
        await em.getRepository<QuestionRow>('question').insert(row);
        reportAppended(this.ds, heard, await appendLinesOrm(em, q.conversationId, lines));
        await em
          .getRepository<ConversationRow>('conversation')
          .update({ id: q.conversationId }, { lastActivityAt: this.now() });
      }),
    );
    return toQuestion(row);
  }

  async lastQuestion(conversationId: string): Promise<QuestionRecord | undefined> {
    const { sqlite } = this;
    const row = await this.run(async () =>
      sqlite
        ? sqlite.row<QuestionRow>('question', LAST_QUESTION_SQL, [conversationId])
        : managerOf(this.ds)
            .getRepository<QuestionRow>('question')
            .findOne({ where: { conversationId }, order: { askedAt: 'DESC' } }),
    );
    return row ? toQuestion(row) : undefined;
  }

  async hasFeedback(conversationId: string, questionId: string): Promise<boolean> {
    const count = await this.run(() =>
      managerOf(this.ds).getRepository<FeedbackRow>('feedback').countBy({ conversationId, questionId }),
    );
    return count > 0;
  }

  async questionLog(conversationId: string): Promise<QuestionRecord[]> {
    const rows = await this.run(() =>
      managerOf(this.ds)
        .getRepository<QuestionRow>('question')
        .find({ where: { conversationId }, order: { askedAt: 'ASC' } }),
    );
    return rows.map(toQuestion);
  }

  async recordFeedback(
    input: Omit<FeedbackRecord, 'id' | 'createdAt'> & { activityId?: string; lines?: readonly TranscriptEntry[] },
  ): Promise<FeedbackRecord & { duplicate?: boolean }> {
    const id = randomUUID();
    const dedupeKey = input.activityId ? `activity:${input.activityId}` : `row:${id}`;
    const heard = this.watchers.current();
    const { sqlite } = this;
    return this.run(() =>
      inTransaction(this.ds, async (em) => {
        const repo = em.getRepository<FeedbackRow>('feedback');
        const row: FeedbackRow = {
          id,
          conversationId: input.conversationId,
          questionId: input.questionId ?? null,
          resolved: input.resolved,
          comment: input.comment ?? null,
          createdAt: this.now(),
          dedupeKey,
        };
        // A redelivery (or a concurrent one) finds the unique key taken. Not a failed insert: inside
        // the audit transaction a unique violation would abort it on PostgreSQL.
        if (this.ds.options.type === 'mssql') {
          try {
            await repo.insert(row);
          } catch (err) {
            if (!isUniqueViolation(err)) throw err;
          }
        } else {
          await em.createQueryBuilder().insert().into('feedback').values(row).orIgnore().execute();
        }
        const stored = await repo.findOneBy({ dedupeKey });
        if (!stored) throw new KotaeError('INTERNAL', `feedback ${dedupeKey} not stored`);
        if (stored.id !== id) return { ...toFeedback(stored), duplicate: true };
        // What the requester saw goes into the transcript with the row, so a reload shows it exactly once.
        const lines = input.lines ?? [];
        const appended = sqlite
          ? appendLinesSqlite(sqlite, input.conversationId, lines)
          : await appendLinesOrm(em, input.conversationId, lines);
        reportAppended(this.ds, heard, appended);
        return toFeedback(stored);
      }),
    );
  }
}

const LAST_QUESTION_SQL = 'SELECT * FROM "question" WHERE "conversationId" = ? ORDER BY "askedAt" DESC LIMIT 1';
