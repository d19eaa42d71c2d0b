/**
 * The only module that reads the environment. It loads an optional `.env`, validates every
 * variable, reports all problems at once and returns a frozen, typed configuration. The variables of
 * each concern (database, models, Teams, LoGo, integrity, trust, knowledge, operations, SLA, notify,
 * registers, report delivery) and their checks live in the `config-*.ts` blocks beside it.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { KotaeError } from '../core';
import type { DbConfig } from '../db';
import { bool, days, hhmm, optionalText } from './config-fields';
import { checkDb, DB_ENV, describeDb, toDbConfig } from './config-db';
import { checkIntegrity, INTEGRITY_ENV, toIntegrityConfig, type IntegrityConfig } from './config-integrity';
import { checkModels, MODELS_ENV, toAnswerModelConfig, toEmbeddingsConfig } from './config-models';
import type { AnswerModelConfig, EmbeddingsConfig, OpenAiSettings } from './config-models';
import { checkTeams, TEAMS_ENV, toTeamsConfig, type TeamsConfig } from './config-teams';
import { checkLogo, describeLogo, LOGO_ENV, toLogoConfig, type LogoConfig } from './config-logo';
import { isPiiType, PII_TYPES, type PiiType } from '../privacy';
import { checkTrust, describeTrust, toTrustConfig, TRUST_ENV_SHAPE, type TrustConfig } from './config-trust';
import { SLA_ENV_SHAPE, slaTargetsOf } from './config-sla';
import type { SlaTargetOverrides } from '../tickets';
import { NotifyEnvSchema, toNotifyConfig, type NotifyConfig } from './notify-config';
import { RegistersEnvSchema, toRegistersConfig, type RegistersConfig } from './config-registers';
import { ReportDeliveryEnvSchema, toReportDeliveryConfig } from './report-delivery-config';
import type { ReportDeliverySettings } from '../reports';
import { checkKnowledge, KNOWLEDGE_ENV, toKnowledgeConfig, type KnowledgeConfig } from './config-knowledge';
import { OPERATIONS_ENV, toOperationsConfig, type OperationsConfig } from './config-operations';
import { describeScanner, parseScannerConfig, ScannerEnvSchema, type ScannerSettings } from './config-scanner';

const isoDates = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD dates separated by commas')));
const piiTypes = z
  .string()
  .transform((s) =>
    s.trim() === 'all'
      ? [...PII_TYPES]
      : s.trim() === 'none'
        ? []
        : s
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
  )
  .pipe(
    z.array(z.string().refine(isPiiType, `expected all, none or a comma-separated list of ${PII_TYPES.join(', ')}`)),
  );

/** Every environment variable Kotae reads, with defaults. Documented in .env.example. */
const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    KOTAE_HOST: z.string().min(1).default('127.0.0.1'),
    KOTAE_PUBLIC_URL: z.url().optional(),
    KOTAE_DATA_DIR: z.string().min(1).default('./data'),
    KOTAE_KB_DIR: z.string().min(1).default('./sample-kb'),
    ...DB_ENV,
    KOTAE_ADMIN_USER: z
      .string()
      .regex(/^[A-Za-z0-9._-]{3,64}$/, 'expected 3-64 letters, digits, . _ -')
      .default('admin'),
    KOTAE_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    KOTAE_ORGANIZATION: z.string().min(1).default('ことのは市 情報政策課'),
    KOTAE_PRIVACY_FILE: optionalText,
    KOTAE_TERMS_FILE: optionalText,
    KOTAE_DESK_OPEN: hhmm.default('08:30'),
    KOTAE_DESK_CLOSE: hhmm.default('17:15'),
    KOTAE_YEAR_END_CLOSED: bool.default(true),
    KOTAE_CLOSED_DAYS: isoDates.default([]),
    KOTAE_SLA_RESPONSE_MINUTES: z.coerce.number().int().min(1).max(10_000).default(120),
    KOTAE_REOPEN_BUSINESS_DAYS: z.coerce.number().int().min(0).max(60).default(5),
    KOTAE_TICKET_PREFIX: z
      .string()
      .regex(/^[A-Z]{1,8}$/, 'expected 1-8 capital letters')
      .default('HD'),
    KOTAE_PII_TYPES: piiTypes.default([...PII_TYPES]),
    KOTAE_MAX_QUESTION_CHARS: z.coerce.number().int().min(10).max(100_000).default(2000),
    KOTAE_ANSWER_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
    KOTAE_CLARIFY_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
    // Answer quality (issue 13): the tentative band, and the precision each index's calibration aims at.
    KOTAE_TENTATIVE_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
    KOTAE_ANSWER_PRECISION: z.coerce.number().min(0.5).max(0.999).default(0.95),
    KOTAE_FAQ_VERBATIM: bool.default(true),
    ...MODELS_ENV,
    ...TEAMS_ENV,
    KOTAE_SCHEDULER: bool.default(true),
    KOTAE_BACKUP_DIR: z.string().min(1).optional(),
    KOTAE_BACKUP_GENERATIONS: z.coerce.number().int().min(3, 'keep at least 3 generations').max(365).default(7),
    KOTAE_BACKUP_TIME: hhmm.default('02:00'),
    // Whether DATA_DIR/attachments is one folder shared by every instance (shared storage) or each instance's own.
    KOTAE_ATTACHMENT_STORAGE: z.enum(['instance', 'shared']).default('instance'),
    KOTAE_RETENTION_DAYS: days('保存期間').default(1095),
    KOTAE_ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    ...LOGO_ENV,
    ...INTEGRITY_ENV,
    // Identity, rate limits, busy timeout, metrics (config-trust.ts).
    ...TRUST_ENV_SHAPE,
    ...KNOWLEDGE_ENV,
    ...OPERATIONS_ENV,
    // SLA targets per ticket type (config-sla.ts, issue 16).
    ...SLA_ENV_SHAPE,
    // Signed download links to reply files (Teams group chats and channels); shared by every instance.
    KOTAE_FILE_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .superRefine((env, ctx) => {
    const need = (cond: boolean, key: string, message: string) => {
      if (cond) ctx.addIssue({ code: 'custom', path: [key], message });
    };
    checkIntegrity(env, need);
    checkDb(env, need);
    checkModels(env, need);
    checkTeams(env, need);
    checkLogo(env, need);
    checkTrust(env, need);
    checkKnowledge(env, need);
    need(env.KOTAE_DESK_OPEN >= env.KOTAE_DESK_CLOSE, 'KOTAE_DESK_CLOSE', 'must be later than KOTAE_DESK_OPEN');
    if (env.KOTAE_ANSWER_THRESHOLD !== undefined && env.KOTAE_CLARIFY_THRESHOLD !== undefined) {
      need(
        env.KOTAE_CLARIFY_THRESHOLD > env.KOTAE_ANSWER_THRESHOLD,
        'KOTAE_CLARIFY_THRESHOLD',
        'must not exceed KOTAE_ANSWER_THRESHOLD',
      );
    }
  });

export type { IntegrityConfig, LogoConfig, OpenAiSettings };

/** Names of every variable (for .env.example checks and unknown-key detection). */
export const ENV_KEYS: readonly string[] = [
  ...Object.keys(EnvSchema.shape),
  ...Object.keys(NotifyEnvSchema.shape),
  ...Object.keys(RegistersEnvSchema.shape),
  ...Object.keys(ReportDeliveryEnvSchema.shape),
  ...Object.keys(ScannerEnvSchema.shape),
];

/** Kotae's validated configuration (the scanner's part: app/config-scanner.ts). */
export interface KotaeConfig extends ScannerSettings {
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  dataDir: string;
  kbDir: string;
  db: DbConfig;
  /** Apply pending migrations at start; when false, a pending migration stops the start. */
  dbAutoMigrate: boolean;
  /** How long start-up waits for an unreachable database, retrying with backoff (0 = keep waiting). */
  dbStartTimeoutSeconds: number;
  admin: { username: string; password?: string };
  organization: string;
  /** Files replacing the built-in /privacy and /terms texts (Markdown or text; HTML by .html/.htm). */
  legal: { privacyFile?: string; termsFile?: string };
  desk: { open: string; close: string; yearEndClosed: boolean; extraClosedDays: string[] };
  sla: { responseMinutes: number };
  /** SLA targets per ticket type and the incident clocks (config-sla.ts); absent: the defaults. */
  slaTargets?: SlaTargetOverrides;
  /** A resolved ticket takes its requester's next message (after a confirmation) for this many business days. */
  reopenBusinessDays: number;
  ticketPrefix: string;
  maxQuestionChars: number;
  /** Personal-data types masked in every text a person writes (privacy/); default all. */
  piiTypes: PiiType[];
  /** Answer-policy overrides; only the keys set in the environment are present. */
  thresholds: { answer?: number; tentative?: number; clarify?: number };
  /** Precision of shown answers (answered + tentative) each index build calibrates its thresholds for. */
  answerPrecision: number;
  /** With a chat model: curated FAQ answers above the answer threshold are sent verbatim. */
  faqVerbatim: boolean;
  embeddings: EmbeddingsConfig;
  /** Extractive answers (`none`) or answers generated from the retrieved sources by a chat model. */
  answerModel: AnswerModelConfig;
  teams?: TeamsConfig;
  scheduler: boolean;
  /** Daily backups (SQLite file copy) kept for `generations` days, taken at `time` (JST). */
  backup: { dir: string; generations: number; time: string };
  /** Conversations, questions and feedback older than this many days are deleted. */
  retentionDays: number;
  /** Largest attachment accepted (bytes); files live under `<dataDir>/attachments`. */
  attachmentMaxBytes: number;
  /** `<dataDir>/attachments` is each instance's own folder or shared storage (the deletion certificate says which). */
  attachmentStorage: 'instance' | 'shared';
  /** LoGoチャット: a direct-js bot connection, a signed relay, or off. */
  logo: LogoConfig;
  /** Issue 11: audit key and anchors, retention per data class, backup encryption. */
  integrity: IntegrityConfig;
  /** Entra ID sign-in, rate limits, SQLite busy timeout, /metrics (config-trust.ts). */
  trust: TrustConfig;
  /** Operator notifications: SMTP and the operators' Teams channel (app/notify-config.ts). */
  notify: NotifyConfig;
  /** Who receives the scheduled reports (app/report-delivery-config.ts). */
  reportDelivery: ReportDeliverySettings;
  /** Console uploads and SharePoint libraries (app/config-knowledge.ts). */
  knowledge: KnowledgeConfig;
  /** Sites, terminals and planned work (app/config-operations.ts). */
  operations: OperationsConfig;
  /** Secret of signed download links to reply files (a random one per process when unset). */
  fileLinkSecret?: string;
  /** IP-address and computer-name registers, equipment lending (app/config-registers.ts). */
  registers: RegistersConfig;
}

/** Reads `.env` (if present) under the real environment; the real environment wins. */
export function readEnvironment(cwd: string, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const file = path.join(cwd, '.env');
  const fromFile = fs.existsSync(file) ? parseDotenv(fs.readFileSync(file)) : {};
  return { ...fromFile, ...env };
}

/** The configuration of this process: its environment plus `.env` in the working directory. */
export function loadConfigFromProcess(): Readonly<KotaeConfig> {
  return loadConfig(readEnvironment(process.cwd(), process.env));
}

/** Validates the environment; throws CONFIG_INVALID listing every problem. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Readonly<KotaeConfig> {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => (k === 'PORT' || k.startsWith('KOTAE_')) && v !== undefined && v !== ''),
  );
  const unknown = Object.keys(relevant).filter((k) => !ENV_KEYS.includes(k));
  const parsed = EnvSchema.safeParse(relevant);
  const notify = NotifyEnvSchema.safeParse(relevant);
  const registers = RegistersEnvSchema.safeParse(relevant);
  const delivery = ReportDeliveryEnvSchema.safeParse(relevant);
  const scanner = parseScannerConfig(relevant);
  const sla = parsed.success ? slaTargetsOf(parsed.data, cwd) : { targets: {}, problems: [] };
  const problems = [
    ...unknown.map((k) => `${k}: unknown variable (see .env.example)`),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(notify.success ? [] : notify.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(registers.success ? [] : registers.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(delivery.success ? [] : delivery.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(parsed.success ? folderOverlap(parsed.data, cwd) : []),
    ...sla.problems,
    ...scanner.problems,
  ];
  if (problems.length > 0 || !parsed.success || !notify.success || !registers.success || !delivery.success) {
    throw new KotaeError('CONFIG_INVALID', `invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    });
  }
  return deepFreeze({
    ...toConfig(parsed.data, cwd),
    notify: toNotifyConfig(notify.data),
    registers: toRegistersConfig(registers.data),
    reportDelivery: toReportDeliveryConfig(delivery.data),
    slaTargets: sla.targets,
    scanner: scanner.config,
    rescan: scanner.rescan,
  });
}

/** The real path of a folder when it exists (symlinks resolved), else its absolute path. */
function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The knowledge folder is served over HTTP (/kb); the data folder holds the database and backups.
 * One inside the other would publish the database, so it is a start-up error.
 */
function folderOverlap(e: z.infer<typeof EnvSchema>, cwd: string): string[] {
  const data = realDir(path.resolve(cwd, e.KOTAE_DATA_DIR));
  const kb = realDir(path.resolve(cwd, e.KOTAE_KB_DIR));
  if (inside(data, kb) || inside(kb, data)) {
    return [
      `KOTAE_KB_DIR: the knowledge folder (${kb}) must not contain or be inside the data folder KOTAE_DATA_DIR (${data}); it is served at /kb`,
    ];
  }
  return [];
}

function toConfig(
  e: z.infer<typeof EnvSchema>,
  cwd: string,
): Omit<KotaeConfig, 'notify' | 'registers' | 'reportDelivery' | keyof ScannerSettings> {
  const dataDir = path.resolve(cwd, e.KOTAE_DATA_DIR);
  const publicUrl = e.KOTAE_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const db = toDbConfig(e, dataDir);
  return {
    port: e.PORT,
    host: e.KOTAE_HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    dataDir,
    kbDir: path.resolve(cwd, e.KOTAE_KB_DIR),
    db,
    dbAutoMigrate: e.KOTAE_DB_AUTO_MIGRATE,
    dbStartTimeoutSeconds: e.KOTAE_DB_START_TIMEOUT_SECONDS,
    admin: { username: e.KOTAE_ADMIN_USER, password: e.KOTAE_ADMIN_PASSWORD },
    organization: e.KOTAE_ORGANIZATION,
    legal: {
      privacyFile: e.KOTAE_PRIVACY_FILE ? path.resolve(cwd, e.KOTAE_PRIVACY_FILE) : undefined,
      termsFile: e.KOTAE_TERMS_FILE ? path.resolve(cwd, e.KOTAE_TERMS_FILE) : undefined,
    },
    desk: {
      open: e.KOTAE_DESK_OPEN,
      close: e.KOTAE_DESK_CLOSE,
      yearEndClosed: e.KOTAE_YEAR_END_CLOSED,
      extraClosedDays: e.KOTAE_CLOSED_DAYS,
    },
    sla: { responseMinutes: e.KOTAE_SLA_RESPONSE_MINUTES },
    reopenBusinessDays: e.KOTAE_REOPEN_BUSINESS_DAYS,
    fileLinkSecret: e.KOTAE_FILE_LINK_SECRET,
    ticketPrefix: e.KOTAE_TICKET_PREFIX,
    maxQuestionChars: e.KOTAE_MAX_QUESTION_CHARS,
    piiTypes: e.KOTAE_PII_TYPES.filter(isPiiType),
    thresholds: {
      ...(e.KOTAE_ANSWER_THRESHOLD === undefined ? {} : { answer: e.KOTAE_ANSWER_THRESHOLD }),
      ...(e.KOTAE_TENTATIVE_THRESHOLD === undefined ? {} : { tentative: e.KOTAE_TENTATIVE_THRESHOLD }),
      ...(e.KOTAE_CLARIFY_THRESHOLD === undefined ? {} : { clarify: e.KOTAE_CLARIFY_THRESHOLD }),
    },
    answerPrecision: e.KOTAE_ANSWER_PRECISION,
    faqVerbatim: e.KOTAE_FAQ_VERBATIM,
    embeddings: toEmbeddingsConfig(e),
    answerModel: toAnswerModelConfig(e),
    teams: toTeamsConfig(e, cwd),
    scheduler: e.KOTAE_SCHEDULER,
    backup: {
      dir: path.resolve(cwd, e.KOTAE_BACKUP_DIR ?? path.join(dataDir, 'backups')),
      generations: e.KOTAE_BACKUP_GENERATIONS,
      time: e.KOTAE_BACKUP_TIME,
    },
    retentionDays: e.KOTAE_RETENTION_DAYS,
    attachmentMaxBytes: e.KOTAE_ATTACHMENT_MAX_BYTES,
    attachmentStorage: e.KOTAE_ATTACHMENT_STORAGE,
    logo: toLogoConfig(e, cwd, dataDir),
    integrity: toIntegrityConfig(e, cwd, dataDir),
    trust: toTrustConfig(e, cwd, publicUrl),
    knowledge: toKnowledgeConfig(e, cwd),
    operations: toOperationsConfig(e),
  };
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A summary safe to log at start (no secrets). */
export function describeConfig(c: KotaeConfig): Record<string, unknown> {
  return {
    port: c.port,
    host: c.host,
    publicUrl: c.publicUrl,
    dataDir: c.dataDir,
    kbDir: c.kbDir,
    db: describeDb(c.db),
    dbAutoMigrate: c.dbAutoMigrate,
    embeddings: c.embeddings.kind,
    answerModel:
      c.answerModel.kind === 'openai'
        ? `openai:${c.answerModel.model}${c.answerModel.checkSources ? '+check' : ''}`
        : 'none',
    teams: c.teams ? 'configured' : 'loopback-only',
    logo: describeLogo(c.logo),
    desk: `${c.desk.open}-${c.desk.close}`,
    scheduler: c.scheduler,
    piiTypes: c.piiTypes.join(',') || 'none',
    trust: describeTrust(c.trust),
    notify: {
      smtp: c.notify.smtp ? `${c.notify.smtp.host}:${c.notify.smtp.port}` : 'off',
      teamsChannel: c.notify.teamsChannel ? 'configured' : 'off',
    },
    registers: { computerName: c.registers.computerName.pattern, lendingMaxDays: c.registers.lendingMaxDays },
    reportDelivery: { emails: c.reportDelivery.emails.length, teams: c.reportDelivery.teams },
    scanner: describeScanner(c.scanner),
    sharePoint: c.knowledge.sharePoint
      ? { libraries: c.knowledge.sharePoint.libraries.length, graphUrl: c.knowledge.sharePoint.graphUrl }
      : 'off',
  };
}
