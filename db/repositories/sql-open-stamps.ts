/**
 * OpenStampStore on TypeORM (table logo_stamp): LoGoチャット's open stamps, numbered lists, each
 * conversation's current reply and the "send the details" steps, shared by the instances. A reply writes a
 * new random generation into the conversation's `reply:` row; a stamp is open while its generation is that
 * one. Taking an answer is one conditional UPDATE (`answeredAt IS NULL AND generation = (current)`) or DELETE
 * whose affected-row count says which caller got it. Rows expire after 7 days; expired rows are deleted by
 * the first reply of each hour (any instance).
 */
import { createHash, randomUUID } from 'node:crypto';
import { LessThanOrEqual, type DataSource } from 'typeorm';
import type { DetailsStep, OpenStamp, OpenStampStore, StampOption } from '../../conversations';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';
import { isUniqueViolation } from './atomic-sql';

interface LogoStampRow {
  id: string;
  kind: string;
  conversationId: string | null;
  generation: string;
  payload: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  expiresAt: Date;
}

const TABLE = 'logo_stamp';
const MAX_ID_CHARS = 250;
/** How long an entry stays answerable. */
export const OPEN_STAMP_TTL_MS = 7 * 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

/** The row id: `<prefix>:<key>`, or a hash of the key when that would not fit the column. */
function rowId(prefix: string, key: string): string {
  const id = `${prefix}:${key}`;
  return id.length <= MAX_ID_CHARS ? id : `${prefix}#${createHash('sha256').update(key).digest('hex')}`;
}

/** SQL implementation of OpenStampStore. */
export class SqlOpenStamps implements OpenStampStore {
  private sweptAt = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    private readonly ttlMs = OPEN_STAMP_TTL_MS,
  ) {}

  private repo() {
    return managerOf(this.ds).getRepository<LogoStampRow>(TABLE);
  }

  async newReply(conversationId: string): Promise<string> {
    const generation = randomUUID();
    await this.put({ id: rowId('reply', conversationId), kind: 'reply', conversationId, generation, payload: null });
    const now = this.now().getTime();
    if (now - this.sweptAt >= SWEEP_EVERY_MS) {
      this.sweptAt = now;
      await this.purgeExpired();
    }
    return generation;
  }

  async addStamp(stampId: string, stamp: OpenStamp, generation: string): Promise<void> {
    const payload = stamp.kind === 'select' ? JSON.stringify(stamp.options) : null;
    const { conversationId, kind } = stamp;
    await this.put({ id: rowId('stamp', stampId), kind, conversationId, generation, payload });
  }

  async stamp(stampId: string): Promise<OpenStamp | undefined> {
    const row = await this.open(rowId('stamp', stampId));
    return row ? toStamp(row) : undefined;
  }

  async take(stampId: string): Promise<boolean> {
    return (await this.takeOpen(rowId('stamp', stampId))) !== undefined;
  }

  async setNumbered(conversationId: string, options: StampOption[], generation: string): Promise<void> {
    const payload = JSON.stringify(options);
    await this.put({ id: rowId('numbered', conversationId), kind: 'numbered', conversationId, generation, payload });
  }

  async takeNumbered(conversationId: string): Promise<StampOption[] | undefined> {
    const row = await this.takeOpen(rowId('numbered', conversationId));
    return row ? parseOptions(row.payload) : undefined;
  }

  async awaitDetails(userKey: string, step: DetailsStep): Promise<void> {
    const payload = JSON.stringify({ separate: step.separate });
    await this.put({
      id: rowId('details', userKey),
      kind: 'details',
      conversationId: null,
      generation: randomUUID(),
      payload,
    });
  }

  async awaitsDetails(userKey: string): Promise<boolean> {
    return (await this.live(rowId('details', userKey))) !== undefined;
  }

  async takeDetails(userKey: string): Promise<DetailsStep | undefined> {
    const id = rowId('details', userKey);
    const row = await this.live(id);
    if (!row) return undefined;
    // The step read is the one deleted (a newer step written in between keeps its row).
    const deleted = await runDb(this.ds, () => this.repo().delete({ id, generation: row.generation }));
    if (deleted.affected !== 1) return undefined;
    const step = JSON.parse(row.payload ?? '{}') as Partial<DetailsStep>;
    return { separate: step.separate === true };
  }

  purgeExpired(): Promise<number> {
    return runDb(
      this.ds,
      async () => (await this.repo().delete({ expiresAt: LessThanOrEqual(this.now()) })).affected ?? 0,
    );
  }

  /** The row, if not expired. */
  private async live(id: string): Promise<LogoStampRow | undefined> {
    const row = await runDb(this.ds, () => this.repo().findOneBy({ id }));
    return row && row.expiresAt.getTime() > this.now().getTime() ? row : undefined;
  }

  /** The stamp or numbered row, if open: not expired, not answered, of its conversation's current reply. */
  private async open(id: string): Promise<LogoStampRow | undefined> {
    const row = await this.live(id);
    if (!row || row.answeredAt || !row.conversationId) return undefined;
    const reply = await this.live(rowId('reply', row.conversationId));
    return reply?.generation === row.generation ? row : undefined;
  }

  /** Marks an open row answered: the row for the one caller whose conditional update changed it. */
  private async takeOpen(id: string): Promise<LogoStampRow | undefined> {
    const row = await this.open(id);
    const conversationId = row?.conversationId;
    if (!row || !conversationId) return undefined;
    const e = (name: string) => this.ds.driver.escape(name);
    const now = this.now();
    const current =
      `(SELECT ${e('r')}.${e('generation')} FROM ${e(TABLE)} ${e('r')} ` + `WHERE ${e('r')}.${e('id')} = :replyId)`;
    const result = await runDb(this.ds, () =>
      managerOf(this.ds)
        .createQueryBuilder()
        .update(TABLE)
        .set({ answeredAt: now })
        .where(
          `${e('id')} = :id AND ${e('answeredAt')} IS NULL AND ${e('expiresAt')} > :now AND ` +
            `${e('generation')} = :generation AND ${e('generation')} = ${current}`,
          { id, now, generation: row.generation, replyId: rowId('reply', conversationId) },
        )
        .execute(),
    );
    return result.affected === 1 ? row : undefined;
  }

  /** Writes a row (new or replacing one of the same id), open again and expiring a TTL from now. */
  private async put(fields: Omit<LogoStampRow, 'answeredAt' | 'createdAt' | 'expiresAt'>): Promise<void> {
    const now = this.now();
    const row: LogoStampRow = {
      ...fields,
      answeredAt: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
    };
    const { id, ...rest } = row;
    await runDb(this.ds, async () => {
      // Update first (the common case for reply and numbered rows); insert when absent; if another instance
      // inserted it in between, update again.
      if ((await this.repo().update({ id }, rest)).affected === 1) return;
      try {
        await this.repo().insert(row);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        await this.repo().update({ id }, rest);
      }
    });
  }
}

function toStamp(row: LogoStampRow): OpenStamp | undefined {
  const conversationId = row.conversationId ?? '';
  if (row.kind === 'yesno') return { conversationId, kind: 'yesno' };
  if (row.kind === 'select') return { conversationId, kind: 'select', options: parseOptions(row.payload) };
  return undefined;
}

function parseOptions(payload: string | null): StampOption[] {
  const options = JSON.parse(payload ?? '[]') as unknown;
  return Array.isArray(options) ? (options as StampOption[]) : [];
}
