/**
 * The composition root: builds every service from the configuration and wires the adapters.
 * Nothing else constructs real implementations.
 */
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { HelpdeskService, type Helpdesk } from '../bot';
import { BusinessCalendar } from '../calendar';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { createDataSource, openDatabase, SqlConversationStore, SqlTicketStore } from '../db';
import { createWebApp } from '../adapters/web';
import type { KotaeConfig } from './config';
import { ensureWritableDir, lockDataDir, type DirLock } from './data-dir';
import { createKnowledgeRuntime, type KnowledgeRuntime } from './knowledge-runtime';
import { VERSION } from './version';

/** Things a test or the CLI may replace. */
export interface AppDeps {
  logger: Logger;
  clock: Clock;
}

/** A built (not yet listening) Kotae. */
export interface KotaeApp {
  web: Express;
  helpdesk: Helpdesk;
  dataSource: DataSource;
  knowledge: KnowledgeRuntime;
  calendar: BusinessCalendar;
  close(): Promise<void>;
}

/** Formats desk hours for staff, e.g. 「平日 8:30〜17:15（土日祝・年末年始を除く）」. */
export function deskHoursText(config: KotaeConfig): string {
  const trim = (t: string) => t.replace(/^0/, '');
  const yearEnd = config.desk.yearEndClosed ? '・年末年始' : '';
  return `平日 ${trim(config.desk.open)}〜${trim(config.desk.close)}（土日祝${yearEnd}を除く）`;
}

/** Opens the database and index and wires the application. */
export async function createApp(config: Readonly<KotaeConfig>, deps: AppDeps): Promise<KotaeApp> {
  const { logger, clock } = deps;
  ensureWritableDir(config.dataDir);
  const lock: DirLock = lockDataDir(config.dataDir);
  let dataSource: DataSource | undefined;
  try {
    dataSource = createDataSource(config.db);
    const applied = await openDatabase(dataSource);
    if (applied.length) logger.info('database migrated', { applied });
    const now = () => clock.now();
    const conversations = new SqlConversationStore(dataSource, now);
    const tickets = new SqlTicketStore(dataSource, now, config.ticketPrefix);
    const calendar = new BusinessCalendar({
      open: config.desk.open,
      close: config.desk.close,
      yearEndClosed: config.desk.yearEndClosed,
      extraClosedDays: config.desk.extraClosedDays,
    });
    const knowledge = await createKnowledgeRuntime(config, logger);
    const helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge: knowledge.live, clock },
      {
        maxQuestionChars: config.maxQuestionChars,
        thresholds: config.thresholds ? { ...{ answer: 0.5, clarify: 0.3 }, ...stripUndefined(config.thresholds) } : undefined,
        deskHours: deskHoursText(config),
        isDeskOpen: (at) => calendar.isOpen(at),
      },
    );
    const ds = dataSource;
    const web = createWebApp({
      helpdesk,
      logger,
      health: async () => {
        const db = await ds.query('SELECT 1 AS ok').then(
          () => 'ok',
          () => 'error',
        );
        const index = knowledge.live.status();
        return { ok: db === 'ok', version: VERSION, db, index };
      },
    });
    return {
      web,
      helpdesk,
      dataSource: ds,
      knowledge,
      calendar,
      async close() {
        if (ds.isInitialized) await ds.destroy();
        lock.release();
      },
    };
  } catch (err) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    lock.release();
    throw err;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
