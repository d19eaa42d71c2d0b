/**
 * FAQ curation on TypeORM: FaqStore (table faq_entry, optimistic locking by version) and the
 * read port over the question log for questions the bot could not answer.
 */
import { randomBytes } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { KotaeError } from '../../core';
import type { ChannelKind } from '../../conversations';
import type {
  FaqEntry,
  FaqInput,
  FaqOrigin,
  FaqStatus,
  FaqStore,
  NewFaqEntry,
  UnansweredQuestion,
  UnansweredQuestions,
} from '../../tickets';
import type { FaqEntryRow, QuestionRow } from '../schema';
import { runDb } from '../run-db';
import { SqlKnowledgeUsage } from './sql-knowledge-usage';
import { inTransaction, managerOf } from '../transaction-scope';

function toFaq(row: FaqEntryRow): FaqEntry {
  return {
    id: row.id,
    category: row.category,
    question: row.question,
    alternateQuestions: JSON.parse(row.alternateQuestions) as string[],
    answer: row.answer,
    sourceUrl: row.sourceUrl ?? undefined,
    status: row.status as FaqStatus,
    ticketId: row.ticketId ?? undefined,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    approvedBy: row.approvedBy ?? undefined,
    approvedAt: row.approvedAt ?? undefined,
    version: row.version,
    origin: (row.origin ?? (row.ticketId ? 'ticket' : 'console')) as FaqOrigin,
    sourceKey: row.sourceKey ?? undefined,
    replacesId: row.replacesId ?? undefined,
    hiddenAt: row.hiddenAt ?? undefined,
    deleteRequestedAt: row.deleteRequestedAt ?? undefined,
  };
}

const CONTENT = (
  input: FaqInput,
): Pick<FaqEntryRow, 'category' | 'question' | 'alternateQuestions' | 'answer' | 'sourceUrl'> => ({
  category: input.category,
  question: input.question,
  alternateQuestions: JSON.stringify(input.alternateQuestions),
  answer: input.answer,
  sourceUrl: input.sourceUrl ?? null,
});

/** SQL implementation of FaqStore; ids look like `faq-1a2b3c4d5e6f7a8b`. */
export class SqlFaqStore implements FaqStore {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private repo() {
    return managerOf(this.ds).getRepository<FaqEntryRow>('faq_entry');
  }

  async create(input: NewFaqEntry): Promise<FaqEntry> {
    const at = this.now();
    const row: FaqEntryRow = {
      id: `faq-${randomBytes(8).toString('hex')}`,
      ...CONTENT(input),
      status: input.status,
      ticketId: input.ticketId ?? null,
      createdBy: input.createdBy,
      createdAt: at,
      updatedAt: at,
      approvedBy: input.status === 'approved' ? input.createdBy : null,
      approvedAt: input.status === 'approved' ? at : null,
      version: 1,
      origin: input.origin ?? (input.ticketId ? 'ticket' : 'console'),
      sourceKey: input.sourceKey ?? null,
      replacesId: input.replacesId ?? null,
      hiddenAt: input.hidden ? at : null,
      deleteRequestedAt: input.deleteRequested ? at : null,
    };
    await runDb(this.ds, () => this.repo().insert(row));
    return toFaq(row);
  }

  async get(id: string): Promise<FaqEntry | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    return row ? toFaq(row) : undefined;
  }

  async list(status?: FaqStatus): Promise<FaqEntry[]> {
    const rows = await runDb(this.ds, () =>
      this.repo().find({ where: status ? { status } : {}, order: { updatedAt: 'DESC' } }),
    );
    return rows.map(toFaq);
  }

  async update(id: string, expectedVersion: number, input: FaqInput): Promise<FaqEntry> {
    return this.save(id, expectedVersion, CONTENT(input));
  }

  async setHidden(id: string, expectedVersion: number, hidden: boolean): Promise<FaqEntry> {
    return this.save(id, expectedVersion, { hiddenAt: hidden ? this.now() : null });
  }

  async findBySourceKey(sourceKey: string): Promise<FaqEntry[]> {
    const rows = await runDb(this.ds, () => this.repo().find({ where: { sourceKey }, order: { createdAt: 'ASC' } }));
    return rows.map(toFaq);
  }

  /**
   * Publishes a draft. The draft is claimed with a conditional update on (id, version, status draft),
   * so of two administrators approving the same version exactly one succeeds (CONFLICT for the other).
   * A draft that replaces a published entry then writes its content into that entry (its version
   * increments too) and is deleted, all in one transaction.
   */
  async approve(id: string, expectedVersion: number, approvedBy: string): Promise<FaqEntry> {
    const at = this.now();
    const inc = () => `${this.ds.driver.escape('version')} + 1`;
    return runDb(this.ds, () =>
      inTransaction(this.ds, async (m) => {
        const claimed = await m
          .createQueryBuilder()
          .update('faq_entry')
          .set({ status: 'approved', approvedBy, approvedAt: at, updatedAt: at, version: inc })
          .where('id = :id AND version = :v AND status = :s', { id, v: expectedVersion, s: 'draft' })
          .execute();
        if (!claimed.affected) {
          const exists = await m.getRepository<FaqEntryRow>('faq_entry').existsBy({ id });
          if (!exists) throw new KotaeError('NOT_FOUND', `faq ${id} not found`);
          throw new KotaeError('CONFLICT', `faq ${id} is no longer draft version ${expectedVersion}`);
        }
        const draft = (await m.getRepository<FaqEntryRow>('faq_entry').findOneBy({ id })) as FaqEntryRow;
        if (!draft.replacesId) return toFaq(draft);
        const target = draft.replacesId;
        const replaced = await m
          .createQueryBuilder()
          .update('faq_entry')
          .set({
            ...CONTENT(toFaq(draft)),
            hiddenAt: draft.hiddenAt,
            approvedBy,
            approvedAt: at,
            updatedAt: at,
            version: inc,
          })
          .where('id = :target', { target })
          .execute();
        if (!replaced.affected) {
          // The published entry was deleted meanwhile: the draft becomes the published entry itself.
          await m
            .createQueryBuilder()
            .update('faq_entry')
            .set({ replacesId: null })
            .where('id = :id', { id })
            .execute();
          return toFaq({ ...draft, replacesId: null });
        }
        await m.getRepository<FaqEntryRow>('faq_entry').delete({ id });
        return toFaq((await m.getRepository<FaqEntryRow>('faq_entry').findOneBy({ id: target })) as FaqEntryRow);
      }),
    );
  }

  async delete(id: string): Promise<void> {
    await runDb(this.ds, () => this.repo().delete({ id }));
  }

  /**
   * Conditional update on (id, version) with the increment done in SQL; CONFLICT when another save
   * (on this or another instance) came first, NOT_FOUND when the entry is gone.
   */
  private async save(id: string, expectedVersion: number, set: Partial<FaqEntryRow>): Promise<FaqEntry> {
    const result = await runDb(this.ds, () =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update('faq_entry')
        .set({ ...set, updatedAt: this.now(), version: () => `${this.ds.driver.escape('version')} + 1` })
        .where('id = :id AND version = :v', { id, v: expectedVersion })
        .execute(),
    );
    const saved = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    if (!saved) throw new KotaeError('NOT_FOUND', `faq ${id} not found`);
    if (!result.affected) throw new KotaeError('CONFLICT', `faq ${id} version is not ${expectedVersion}`);
    return toFaq(saved);
  }
}

/** Questions with outcome no_answer or clarify, from the question log (newest first). */
export class SqlUnansweredQuestions implements UnansweredQuestions {
  constructor(private readonly ds: DataSource) {}

  async list(limit: number, options: { hideConfidential?: boolean } = {}): Promise<UnansweredQuestion[]> {
    const rows = await runDb(this.ds, () =>
      managerOf(this.ds)
        .getRepository<QuestionRow>('question')
        .find({
          where: { outcome: In(['no_answer', 'clarify']) },
          order: { askedAt: 'DESC' },
          take: Math.max(1, Math.min(limit, 1000)),
        }),
    );
    const hidden = options.hideConfidential
      ? await new SqlKnowledgeUsage(this.ds).confidentialConversations()
      : undefined;
    return rows
      .filter((r) => !hidden?.has(r.conversationId))
      .map((r) => ({
        id: r.id,
        askedAt: r.askedAt,
        text: r.text,
        outcome: r.outcome as UnansweredQuestion['outcome'],
        categoryGuess: r.categoryGuess ?? undefined,
        channel: r.channel as ChannelKind,
        department: r.department ?? undefined,
      }));
  }
}
