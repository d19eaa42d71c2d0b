/**
 * The one composition root of what the server (`createApp`) and every `kotae` command share: the
 * database (opened and schema-checked once), the audit trail, the keys, the business calendar, the SLA
 * policy, the report parts, the stores the commands read and write, the masker and the knowledge side.
 * Each part is built when first asked for and kept: a command builds only what it uses (`kotae backup
 * --list` opens no database; nothing but the server, `chat` and `ingest` loads kuromoji or hnsw, which
 * are required here only when the knowledge part is asked for). `close()` releases what was built.
 *
 *   const kotae = openKotae(config, { clock, logger });
 *   try { const audit = await kotae.audit(); … } finally { await kotae.close(); }
 *
 * or `withKotae(config, runtime, options, (kotae) => …)`, which closes for you.
 */
import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import type { BusinessCalendar, SlaPolicy } from '../calendar';
import { createSlaPolicy } from '../calendar';
import type { Clock, Logger } from '../core';
import {
  createDataSource,
  loadAuditKey,
  openDatabase,
  openDatabaseWithRetry,
  SqlAuditLog,
  SqlDatabaseBackup,
  SqlIndexGenerations,
  SqlJobRunStore,
  SqlReportData,
  SqlReportStore,
  SqlTicketStore,
  SqlWorkLogStore,
  type AuditAnchorFile,
  type StartRetry,
} from '../db';
import { AuditCheckpointHealth } from '../jobs';
import type { IndexBuilder } from '../ingest';
import { createPiiMasker, type PiiMasker } from '../privacy';
import type { KotaeConfig } from './config';
import { ensureWritableDir } from './data-dir';
import { createEmbedder } from './knowledge-embedder';
import type { IncrementalOptions, KnowledgeRuntime } from './knowledge-runtime';
import { businessCalendarOf, reportPartsOf, type ReportParts } from './report-parts';
import {
  anchorFileOf,
  backupKeyOf,
  followAuditWrites,
  missingCheckpointWarning,
  sealNewKey,
  type AuditStartWarning,
} from './wire-audit';

/** Logger and clock of the process. */
export interface KotaeRuntime {
  clock: Clock;
  logger: Logger;
}

/** How the parts are opened; the defaults are those of a command that writes (report, backup). */
export interface OpenKotaeOptions {
  /**
   * Pending migrations: `auto` applies them when KOTAE_DB_AUTO_MIGRATE is on (default), `always` applies
   * them (`kotae migrate`), `never` refuses a database with pending ones and creates nothing, not even
   * the SQLite data folder (`kotae audit verify`).
   */
  migrate?: 'auto' | 'always' | 'never';
  /** Retries an unreachable database instead of failing at once (the server's start). */
  retry?: StartRetry;
  /** This process's name in the audit anchor file (default `cli@<host>`; the server: its instance id). */
  instance?: string;
  /** A missing audit key file (and backup key file) may be created (default true; false: verify, restore). */
  createKeys?: boolean;
  /**
   * The server's audit start: warns when the audit log was written with another key, checkpoints the
   * chain head once open (`start`) and then follows every audit write with a checkpoint
   * (KOTAE_AUDIT_CHECKPOINT_DELAY_MS; `close()` writes one still due).
   */
  auditStartCheckpoint?: boolean;
}

/** The parts of one Kotae process, each built on first use. */
export class KotaeParts {
  private readonly built = new Map<string, unknown>();
  private ds?: DataSource;
  private applied: string[] = [];
  private knowledgeRuntime?: KnowledgeRuntime;
  private startWarning?: AuditStartWarning;
  private writeCheckpoints?: { stop(): Promise<void> };

  constructor(
    readonly config: Readonly<KotaeConfig>,
    readonly runtime: KotaeRuntime,
    private readonly options: OpenKotaeOptions = {},
  ) {}

  /** Builds a part once; a promise is kept too, so two callers share one build. */
  private once<T>(name: string, build: () => T): T {
    if (!this.built.has(name)) this.built.set(name, build());
    return this.built.get(name) as T;
  }

  private now = (): Date => this.runtime.clock.now();

  /** The data source, not opened yet (restore puts the file back first; PostgreSQL's connection options). */
  dataSource(): DataSource {
    this.ds ??= createDataSource(this.config.db);
    return this.ds;
  }

  /**
   * The database, opened once: a newer schema is refused, pending migrations are applied or refused as
   * `migrate` says; on SQLite the data folder is created first (unless `migrate: 'never'`).
   */
  database(): Promise<DataSource> {
    return this.once('database', async () => {
      const { config } = this;
      const migrate = this.options.migrate ?? 'auto';
      if (config.db.kind === 'sqlite' && migrate !== 'never') ensureWritableDir(config.dataDir);
      const ds = this.dataSource();
      const open = { migrate: migrate === 'auto' ? config.dbAutoMigrate : migrate === 'always' };
      const { retry } = this.options;
      this.applied = retry ? await openDatabaseWithRetry(ds, { ...open, retry }) : await openDatabase(ds, open);
      return ds;
    });
  }

  /** The migrations the open applied (empty before `database()` and when none were pending). */
  migrationsApplied(): readonly string[] {
    return this.applied;
  }

  /**
   * The database as it is, connected without a schema check, or undefined when it does not exist yet
   * (a SQLite file before the first start): `kotae ingest` only tells the running instances.
   */
  async existingDatabase(): Promise<DataSource | undefined> {
    const { db } = this.config;
    if (db.kind === 'sqlite' && !fs.existsSync(db.path)) return undefined;
    const ds = this.dataSource();
    if (!ds.isInitialized) await ds.initialize();
    return ds;
  }

  /** The audit key (created 0600 when missing and `createKeys` allows it). */
  auditKey(): Buffer {
    return this.auditKeyFile().key;
  }

  private auditKeyFile(): { key: Buffer; created: boolean } {
    return this.once('auditKey', () => {
      const file = this.config.integrity.auditKeyFile;
      const loaded = loadAuditKey(file, { create: this.options.createKeys ?? true });
      if (loaded.narrowed)
        this.runtime.logger.warn('audit key file was readable by others; mode set to 0600', { file });
      return loaded;
    });
  }

  /** The anchor file this process appends to (and reads the other instances' files with). */
  anchorFile(): AuditAnchorFile {
    return this.once('anchorFile', () => anchorFileOf(this.config, this.auditKey(), this.options.instance));
  }

  /**
   * The audit trail on the open database. A key created just now checkpoints the unkeyed rows before it
   * and is recorded; the server also checks the key against the chain and checkpoints the head.
   */
  audit(): Promise<SqlAuditLog> {
    return this.once('audit', async () => {
      const ds = await this.database();
      const { logger } = this.runtime;
      const { created } = this.auditKeyFile();
      const audit = new SqlAuditLog(ds, { key: this.auditKey(), anchors: this.anchorFile(), now: this.now, logger });
      const atStart = this.options.auditStartCheckpoint === true;
      if (atStart && !(await audit.headMatchesKey())) {
        logger.error(
          'the audit log was written with another key: copy the audit key file of the other instances to KOTAE_AUDIT_KEY_FILE on this one',
          { file: this.config.integrity.auditKeyFile },
        );
      }
      if (atStart) this.startWarning = await missingCheckpointWarning(audit, this.config, logger);
      await sealNewKey(audit, created, logger);
      if (atStart) await audit.anchor('start');
      if (atStart) this.writeCheckpoints = followAuditWrites(audit, this.config, logger, this.auditCheckpointHealth());
      return audit;
    });
  }

  /** This process's audit checkpoint outcomes (the `audit_checkpoint_failed` alert reads them). */
  auditCheckpointHealth(): AuditCheckpointHealth {
    return this.once('auditCheckpointHealth', () => new AuditCheckpointHealth(this.now));
  }

  /**
   * The server's audit start found the anchor file without a checkpoint of this database although its
   * audit log holds rows (a new or wrong KOTAE_AUDIT_ANCHOR_FILE): shown by /healthz.
   */
  auditStartWarning(): AuditStartWarning | undefined {
    return this.startWarning;
  }

  /** The backup encryption key when KOTAE_BACKUP_KEY_FILE is set (created 0600 when missing, if allowed). */
  backupKey(): Buffer | undefined {
    return this.once('backupKey', () => backupKeyOf(this.config, this.options.createKeys ?? true));
  }

  /** The desk's business calendar (built once for every clock, report and reply deadline). */
  calendar(): BusinessCalendar {
    return this.once('calendar', () => businessCalendarOf(this.config));
  }

  /** The SLA policy of KOTAE_SLA_RESPONSE_MINUTES. */
  slaPolicy(): SlaPolicy {
    return this.once('slaPolicy', () => createSlaPolicy({ responseMinutes: this.config.sla.responseMinutes }));
  }

  /** Calendar, SLA policy and per-type targets, and the sections other modules add to the reports. */
  reportParts(): Promise<ReportParts> {
    return this.once('reportParts', async () =>
      reportPartsOf(this.config, await this.database(), this.runtime.clock, {
        calendar: this.calendar(),
        slaPolicy: this.slaPolicy(),
      }),
    );
  }

  /** The personal-data masker of KOTAE_PII_TYPES (rules only; the server adds kuromoji's name tagger). */
  masker(): PiiMasker {
    return this.once('masker', () => createPiiMasker({ types: this.config.piiTypes }));
  }

  /** The tickets (numbered with KOTAE_TICKET_PREFIX). */
  async tickets(): Promise<SqlTicketStore> {
    const ds = await this.database();
    return this.once('tickets', () => new SqlTicketStore(ds, this.now, this.config.ticketPrefix));
  }

  /** The work log of the tickets. */
  async workLogs(): Promise<SqlWorkLogStore> {
    const ds = await this.database();
    return this.once('workLogs', () => new SqlWorkLogStore(ds, this.now));
  }

  /** What the reports count. */
  async reportData(): Promise<SqlReportData> {
    const ds = await this.database();
    return this.once('reportData', () => new SqlReportData(ds));
  }

  /** The generated reports. */
  async reportStore(): Promise<SqlReportStore> {
    const ds = await this.database();
    return this.once('reportStore', () => new SqlReportStore(ds));
  }

  /** The history of the scheduled jobs' runs. */
  async jobRuns(): Promise<SqlJobRunStore> {
    const ds = await this.database();
    return this.once('jobRuns', () => new SqlJobRunStore(ds));
  }

  /** The online copy of the database (SQLite backup API, pg_dump). */
  async databaseBackup(): Promise<SqlDatabaseBackup> {
    const ds = await this.database();
    return this.once('databaseBackup', () => new SqlDatabaseBackup(ds));
  }

  /** The index generations every instance polls, or undefined when there is no database yet (see `existingDatabase`). */
  async indexGenerations(): Promise<SqlIndexGenerations | undefined> {
    const ds = await this.existingDatabase();
    return ds && this.once('indexGenerations', () => new SqlIndexGenerations(ds, this.now));
  }

  /**
   * The knowledge runtime (analyzer, synonyms, live index, ingest): loads kuromoji and hnsw, so it is
   * required only here, when first asked for. `incremental` applies to the first call.
   */
  knowledge(incremental: IncrementalOptions = {}): Promise<KnowledgeRuntime> {
    return this.once('knowledge', async () => {
      const { createKnowledgeRuntime } = require('./knowledge-runtime') as typeof import('./knowledge-runtime.js');
      this.knowledgeRuntime = await createKnowledgeRuntime(this.config, this.runtime.logger, incremental);
      return this.knowledgeRuntime;
    });
  }

  /** Builds a knowledge index with the configured embedder and answer precision (`kotae ingest`). */
  indexBuilder(): IndexBuilder {
    return this.once('indexBuilder', () => {
      const { embedder } = createEmbedder(this.config);
      const { buildKnowledgeIndex } = require('../knowledge') as typeof import('../knowledge');
      const build: IndexBuilder = (chunks, dir, options) =>
        buildKnowledgeIndex(chunks, dir, { embedder, answerPrecision: this.config.answerPrecision, ...options });
      return build;
    });
  }

  /** Stops what the parts started and closes the database; the parts cannot be used afterwards. */
  async close(): Promise<void> {
    this.knowledgeRuntime?.stop();
    await this.writeCheckpoints?.stop();
    if (this.ds?.isInitialized) await this.ds.destroy();
  }
}

/** The parts of a Kotae on this configuration; nothing is built or opened until asked for. */
export function openKotae(
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
  options: OpenKotaeOptions = {},
): KotaeParts {
  return new KotaeParts(config, runtime, options);
}

/** Runs `work` on the parts and closes them afterwards, whatever happens. */
export async function withKotae<T>(
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
  options: OpenKotaeOptions,
  work: (kotae: KotaeParts) => Promise<T>,
): Promise<T> {
  const kotae = openKotae(config, runtime, options);
  try {
    return await work(kotae);
  } finally {
    await kotae.close();
  }
}
