/**
 * The only module that reads the environment. It loads an optional `.env`, validates every
 * variable, reports all problems at once and returns a frozen, typed configuration.
 */
import path from 'node:path';
import fs from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { KotaeError } from '../core';
import type { DbConfig } from '../db';
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

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const isoDates = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD dates separated by commas')));
const optionalText = z.string().min(1).optional();
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

// --- Issue 11 (audit log, retention, backup encryption): variables ---------------------------------
const days = (what: string) =>
  z.coerce
    .number({ error: `${what}: 日数を整数で指定してください` })
    .int(`${what}: 日数を整数で指定してください`)
    .min(1, `${what}: 1日以上を指定してください`)
    .max(36_500, `${what}: 36500日以下を指定してください`);
const INTEGRITY_ENV = {
  KOTAE_AUDIT_KEY_FILE: optionalText,
  KOTAE_AUDIT_ANCHOR_FILE: optionalText,
  KOTAE_AUDIT_ANCHOR_OTHER_FILES: optionalText,
  KOTAE_BACKUP_KEY_FILE: optionalText,
  KOTAE_RETENTION_CONVERSATION_DAYS: days('会話・質問の保存期間').optional(),
  KOTAE_RETENTION_TICKET_DAYS: days('チケットの保存期間').optional(),
  KOTAE_RETENTION_ATTACHMENT_DAYS: days('添付ファイルの保存期間').optional(),
  KOTAE_RETENTION_AUDIT_DAYS: days('監査ログの保存期間').optional(),
  KOTAE_AUTO_CLOSE_BUSINESS_DAYS: z.coerce
    .number({ error: '解決済みチケットの自動クローズ: 営業日数を整数で指定してください' })
    .int('解決済みチケットの自動クローズ: 営業日数を整数で指定してください')
    .min(0, '解決済みチケットの自動クローズ: 0以上を指定してください（0は自動クローズしない）')
    .max(365, '解決済みチケットの自動クローズ: 365営業日以下を指定してください')
    .default(10),
};
// --- end issue 11 variables ------------------------------------------------------------------------

/** Every environment variable Kotae reads, with defaults. Documented in .env.example. */
const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    KOTAE_HOST: z.string().min(1).default('127.0.0.1'),
    KOTAE_PUBLIC_URL: z.url().optional(),
    KOTAE_DATA_DIR: z.string().min(1).default('./data'),
    KOTAE_KB_DIR: z.string().min(1).default('./sample-kb'),
    KOTAE_DB: z.enum(['sqlite', 'postgres', 'mssql']).default('sqlite'),
    KOTAE_DB_AUTO_MIGRATE: bool.default(true),
    KOTAE_DB_START_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
    KOTAE_PG_HOST: optionalText,
    KOTAE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5432),
    KOTAE_PG_USER: optionalText,
    KOTAE_PG_PASSWORD: optionalText,
    KOTAE_PG_DATABASE: optionalText,
    KOTAE_PG_SSL: bool.default(false),
    KOTAE_PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    KOTAE_MSSQL_HOST: optionalText,
    KOTAE_MSSQL_PORT: z.coerce.number().int().min(1).max(65535).default(1433),
    KOTAE_MSSQL_USER: optionalText,
    KOTAE_MSSQL_PASSWORD: optionalText,
    KOTAE_MSSQL_DATABASE: optionalText,
    KOTAE_MSSQL_ENCRYPT: bool.default(true),
    KOTAE_MSSQL_TRUST_SERVER_CERTIFICATE: bool.default(false),
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
    KOTAE_EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
    KOTAE_OPENAI_BASE_URL: z.url().optional(),
    KOTAE_OPENAI_API_KEY: optionalText,
    KOTAE_OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
    KOTAE_OPENAI_API_VERSION: optionalText,
    KOTAE_ANSWER_MODEL: z.enum(['none', 'openai']).default('none'),
    KOTAE_OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
    KOTAE_ANSWER_CHECK: bool.default(true),
    KOTAE_TEAMS_APP_ID: z.uuid().optional(),
    KOTAE_TEAMS_APP_SECRET: optionalText,
    KOTAE_TEAMS_TENANT_ID: z.uuid().optional(),
    KOTAE_TEAMS_CERTIFICATE_FILE: optionalText,
    KOTAE_TEAMS_CERTIFICATE_KEY_FILE: optionalText,
    KOTAE_GRAPH_DEPARTMENT_LOOKUP: bool.default(false),
    KOTAE_SCHEDULER: bool.default(true),
    KOTAE_BACKUP_DIR: z.string().min(1).optional(),
    KOTAE_BACKUP_GENERATIONS: z.coerce.number().int().min(3, 'keep at least 3 generations').max(365).default(7),
    KOTAE_BACKUP_TIME: hhmm.default('02:00'),
    KOTAE_RETENTION_DAYS: days('保存期間').default(1095),
    KOTAE_ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    KOTAE_LOGO_MODE: z.enum(['off', 'direct', 'relay']).default('off'),
    KOTAE_LOGO_ENDPOINT: z.url({ protocol: /^wss?$/, error: 'expected a ws:// or wss:// URL' }).optional(),
    KOTAE_LOGO_TOKEN: optionalText,
    KOTAE_LOGO_TOKEN_FILE: optionalText,
    KOTAE_LOGO_PROXY_URL: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
    KOTAE_LOGO_BOT_NAME: z.string().min(1).max(64).default('Kotae'),
    KOTAE_LOGO_CA_FILE: optionalText,
    KOTAE_LOGO_RELAY_URL: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
    KOTAE_LOGO_RELAY_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 letters, digits, . _ -')
      .optional(),
    KOTAE_LOGO_RELAY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    KOTAE_LOGO_RELAY_NEXT_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 letters, digits, . _ -')
      .optional(),
    KOTAE_LOGO_RELAY_NEXT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
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
    if (env.KOTAE_DB === 'mssql') {
      for (const key of [
        'KOTAE_MSSQL_HOST',
        'KOTAE_MSSQL_USER',
        'KOTAE_MSSQL_PASSWORD',
        'KOTAE_MSSQL_DATABASE',
      ] as const) {
        need(!env[key], key, 'required when KOTAE_DB=mssql');
      }
    }
    if (env.KOTAE_DB === 'postgres') {
      for (const key of ['KOTAE_PG_HOST', 'KOTAE_PG_USER', 'KOTAE_PG_PASSWORD', 'KOTAE_PG_DATABASE'] as const) {
        need(!env[key], key, 'required when KOTAE_DB=postgres');
      }
    }
    if (env.KOTAE_EMBEDDINGS === 'openai') {
      need(!env.KOTAE_OPENAI_API_KEY, 'KOTAE_OPENAI_API_KEY', 'required when KOTAE_EMBEDDINGS=openai');
    }
    if (env.KOTAE_ANSWER_MODEL === 'openai') {
      need(!env.KOTAE_OPENAI_API_KEY, 'KOTAE_OPENAI_API_KEY', 'required when KOTAE_ANSWER_MODEL=openai');
    }
    const cert = [env.KOTAE_TEAMS_CERTIFICATE_FILE, env.KOTAE_TEAMS_CERTIFICATE_KEY_FILE];
    const teams = [env.KOTAE_TEAMS_APP_ID, env.KOTAE_TEAMS_TENANT_ID, env.KOTAE_TEAMS_APP_SECRET, ...cert];
    if (teams.some(Boolean)) {
      const credential = Boolean(env.KOTAE_TEAMS_APP_SECRET) || cert.every(Boolean);
      need(
        !env.KOTAE_TEAMS_APP_ID ||
          !env.KOTAE_TEAMS_TENANT_ID ||
          !credential ||
          (cert.some(Boolean) && !cert.every(Boolean)),
        'KOTAE_TEAMS_APP_ID',
        'KOTAE_TEAMS_APP_ID and KOTAE_TEAMS_TENANT_ID go together with KOTAE_TEAMS_APP_SECRET or both KOTAE_TEAMS_CERTIFICATE_FILE and KOTAE_TEAMS_CERTIFICATE_KEY_FILE',
      );
    }
    need(
      env.KOTAE_GRAPH_DEPARTMENT_LOOKUP && !env.KOTAE_TEAMS_APP_SECRET,
      'KOTAE_GRAPH_DEPARTMENT_LOOKUP',
      'needs the Teams app id, tenant id and KOTAE_TEAMS_APP_SECRET',
    );
    need(
      env.KOTAE_GRAPH_DEPARTMENT_LOOKUP && !env.KOTAE_TEAMS_APP_ID,
      'KOTAE_GRAPH_DEPARTMENT_LOOKUP',
      'needs the Teams app credentials',
    );
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

/** LoGoチャット: what each mode needs, and no setting of another mode left over. */
function checkLogo(
  env: Record<string, unknown> & { KOTAE_LOGO_MODE: 'off' | 'direct' | 'relay' },
  need: (cond: boolean, key: string, message: string) => void,
): void {
  const mode = env.KOTAE_LOGO_MODE;
  const direct = [
    'KOTAE_LOGO_ENDPOINT',
    'KOTAE_LOGO_TOKEN',
    'KOTAE_LOGO_TOKEN_FILE',
    'KOTAE_LOGO_PROXY_URL',
    'KOTAE_LOGO_CA_FILE',
  ];
  const relay = [
    'KOTAE_LOGO_RELAY_URL',
    'KOTAE_LOGO_RELAY_KEY_ID',
    'KOTAE_LOGO_RELAY_SECRET',
    'KOTAE_LOGO_RELAY_NEXT_KEY_ID',
    'KOTAE_LOGO_RELAY_NEXT_SECRET',
  ];
  for (const key of mode === 'direct' ? relay : mode === 'relay' ? direct : [...direct, ...relay]) {
    need(env[key] !== undefined, key, `not used when KOTAE_LOGO_MODE=${mode}`);
  }
  if (mode === 'direct') {
    need(!env.KOTAE_LOGO_ENDPOINT, 'KOTAE_LOGO_ENDPOINT', 'required when KOTAE_LOGO_MODE=direct (no default)');
    need(
      Boolean(env.KOTAE_LOGO_TOKEN) === Boolean(env.KOTAE_LOGO_TOKEN_FILE),
      'KOTAE_LOGO_TOKEN',
      'set exactly one of KOTAE_LOGO_TOKEN and KOTAE_LOGO_TOKEN_FILE when KOTAE_LOGO_MODE=direct',
    );
  }
  if (mode === 'relay') {
    for (const key of ['KOTAE_LOGO_RELAY_URL', 'KOTAE_LOGO_RELAY_KEY_ID', 'KOTAE_LOGO_RELAY_SECRET']) {
      need(!env[key], key, 'required when KOTAE_LOGO_MODE=relay');
    }
    need(
      Boolean(env.KOTAE_LOGO_RELAY_NEXT_KEY_ID) !== Boolean(env.KOTAE_LOGO_RELAY_NEXT_SECRET),
      'KOTAE_LOGO_RELAY_NEXT_KEY_ID',
      'KOTAE_LOGO_RELAY_NEXT_KEY_ID and KOTAE_LOGO_RELAY_NEXT_SECRET go together',
    );
    need(
      Boolean(env.KOTAE_LOGO_RELAY_NEXT_KEY_ID) && env.KOTAE_LOGO_RELAY_NEXT_KEY_ID === env.KOTAE_LOGO_RELAY_KEY_ID,
      'KOTAE_LOGO_RELAY_NEXT_KEY_ID',
      'must differ from KOTAE_LOGO_RELAY_KEY_ID',
    );
  }
}

/** Names of every variable (for .env.example checks and unknown-key detection). */
export const ENV_KEYS: readonly string[] = [
  ...Object.keys(EnvSchema.shape),
  ...Object.keys(NotifyEnvSchema.shape),
  ...Object.keys(RegistersEnvSchema.shape),
  ...Object.keys(ReportDeliveryEnvSchema.shape),
];

/** An OpenAI, Azure OpenAI (`apiVersion` set; `model` is the deployment) or compatible endpoint. */
export interface OpenAiSettings {
  baseUrl?: string;
  apiKey: string;
  model: string;
  apiVersion?: string;
}

/** Kotae's validated configuration. */
export interface KotaeConfig {
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
  embeddings: { kind: 'local' } | ({ kind: 'openai' } & OpenAiSettings);
  /** Extractive answers (`none`) or answers generated from the retrieved sources by a chat model. */
  answerModel: { kind: 'none' } | ({ kind: 'openai'; checkSources: boolean } & OpenAiSettings);
  teams?: {
    appId: string;
    tenantId: string;
    appSecret?: string;
    certificate?: { pemFile: string; keyFile: string };
    graphDepartmentLookup: boolean;
  };
  scheduler: boolean;
  /** Daily backups (SQLite file copy) kept for `generations` days, taken at `time` (JST). */
  backup: { dir: string; generations: number; time: string };
  /** Conversations, questions and feedback older than this many days are deleted. */
  retentionDays: number;
  /** Largest attachment accepted (bytes); files live under `<dataDir>/attachments`. */
  attachmentMaxBytes: number;
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

/** LoGoチャット settings; the token file and CA file are read by the composition root. */
export type LogoConfig =
  | { mode: 'off' }
  | {
      mode: 'direct';
      endpoint: string;
      token?: string;
      tokenFile?: string;
      proxyUrl?: string;
      botName: string;
      /** direct-js's own storage (its persisted send queue): under the data dir. */
      storageDir: string;
      caFile?: string;
    }
  | { mode: 'relay'; relayUrl: string; botName: string; keys: { id: string; secret: string }[] };

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
  const sla = parsed.success ? slaTargetsOf(parsed.data, cwd) : { targets: {}, problems: [] };
  const problems = [
    ...unknown.map((k) => `${k}: unknown variable (see .env.example)`),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(notify.success ? [] : notify.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(registers.success ? [] : registers.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(delivery.success ? [] : delivery.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...(parsed.success ? folderOverlap(parsed.data, cwd) : []),
    ...sla.problems,
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
): Omit<KotaeConfig, 'notify' | 'registers' | 'reportDelivery'> {
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
    embeddings:
      e.KOTAE_EMBEDDINGS === 'openai'
        ? {
            kind: 'openai',
            baseUrl: e.KOTAE_OPENAI_BASE_URL,
            apiKey: e.KOTAE_OPENAI_API_KEY ?? '',
            model: e.KOTAE_OPENAI_EMBEDDING_MODEL,
            apiVersion: e.KOTAE_OPENAI_API_VERSION,
          }
        : { kind: 'local' },
    answerModel:
      e.KOTAE_ANSWER_MODEL === 'openai'
        ? {
            kind: 'openai',
            baseUrl: e.KOTAE_OPENAI_BASE_URL,
            apiKey: e.KOTAE_OPENAI_API_KEY ?? '',
            model: e.KOTAE_OPENAI_CHAT_MODEL,
            apiVersion: e.KOTAE_OPENAI_API_VERSION,
            checkSources: e.KOTAE_ANSWER_CHECK,
          }
        : { kind: 'none' },
    teams: e.KOTAE_TEAMS_APP_ID
      ? {
          appId: e.KOTAE_TEAMS_APP_ID,
          appSecret: e.KOTAE_TEAMS_APP_SECRET,
          certificate:
            e.KOTAE_TEAMS_CERTIFICATE_FILE && e.KOTAE_TEAMS_CERTIFICATE_KEY_FILE
              ? {
                  pemFile: path.resolve(cwd, e.KOTAE_TEAMS_CERTIFICATE_FILE),
                  keyFile: path.resolve(cwd, e.KOTAE_TEAMS_CERTIFICATE_KEY_FILE),
                }
              : undefined,
          tenantId: e.KOTAE_TEAMS_TENANT_ID ?? '',
          graphDepartmentLookup: e.KOTAE_GRAPH_DEPARTMENT_LOOKUP,
        }
      : undefined,
    scheduler: e.KOTAE_SCHEDULER,
    backup: {
      dir: path.resolve(cwd, e.KOTAE_BACKUP_DIR ?? path.join(dataDir, 'backups')),
      generations: e.KOTAE_BACKUP_GENERATIONS,
      time: e.KOTAE_BACKUP_TIME,
    },
    retentionDays: e.KOTAE_RETENTION_DAYS,
    attachmentMaxBytes: e.KOTAE_ATTACHMENT_MAX_BYTES,
    logo: toLogoConfig(e, cwd, dataDir),
    integrity: toIntegrityConfig(e, cwd, dataDir),
    trust: toTrustConfig(e, cwd, publicUrl),
    knowledge: toKnowledgeConfig(e, cwd),
    operations: toOperationsConfig(e),
  };
}

function toDbConfig(e: z.infer<typeof EnvSchema>, dataDir: string): DbConfig {
  switch (e.KOTAE_DB) {
    case 'sqlite':
      return { kind: 'sqlite', path: path.join(dataDir, 'kotae.sqlite'), busyTimeoutMs: e.KOTAE_DB_BUSY_TIMEOUT_MS };
    case 'postgres':
      return {
        kind: 'postgres',
        host: e.KOTAE_PG_HOST ?? '',
        port: e.KOTAE_PG_PORT,
        user: e.KOTAE_PG_USER ?? '',
        password: e.KOTAE_PG_PASSWORD ?? '',
        database: e.KOTAE_PG_DATABASE ?? '',
        ssl: e.KOTAE_PG_SSL,
        poolSize: e.KOTAE_PG_POOL_SIZE,
        // Issue 11 point 8: the same bound as SQLite's busy timeout, as PostgreSQL's lock_timeout.
        lockTimeoutMs: e.KOTAE_DB_BUSY_TIMEOUT_MS,
      };
    case 'mssql':
      return {
        kind: 'mssql',
        host: e.KOTAE_MSSQL_HOST ?? '',
        port: e.KOTAE_MSSQL_PORT,
        user: e.KOTAE_MSSQL_USER ?? '',
        password: e.KOTAE_MSSQL_PASSWORD ?? '',
        database: e.KOTAE_MSSQL_DATABASE ?? '',
        encrypt: e.KOTAE_MSSQL_ENCRYPT,
        trustServerCertificate: e.KOTAE_MSSQL_TRUST_SERVER_CERTIFICATE,
      };
  }
}

function toLogoConfig(e: z.infer<typeof EnvSchema>, cwd: string, dataDir: string): LogoConfig {
  if (e.KOTAE_LOGO_MODE === 'direct') {
    return {
      mode: 'direct',
      endpoint: e.KOTAE_LOGO_ENDPOINT ?? '',
      token: e.KOTAE_LOGO_TOKEN,
      tokenFile: e.KOTAE_LOGO_TOKEN_FILE ? path.resolve(cwd, e.KOTAE_LOGO_TOKEN_FILE) : undefined,
      proxyUrl: e.KOTAE_LOGO_PROXY_URL,
      botName: e.KOTAE_LOGO_BOT_NAME,
      storageDir: path.join(dataDir, 'logo-chat'),
      caFile: e.KOTAE_LOGO_CA_FILE ? path.resolve(cwd, e.KOTAE_LOGO_CA_FILE) : undefined,
    };
  }
  if (e.KOTAE_LOGO_MODE === 'relay') {
    const keys = [{ id: e.KOTAE_LOGO_RELAY_KEY_ID ?? '', secret: e.KOTAE_LOGO_RELAY_SECRET ?? '' }];
    if (e.KOTAE_LOGO_RELAY_NEXT_KEY_ID && e.KOTAE_LOGO_RELAY_NEXT_SECRET) {
      keys.push({ id: e.KOTAE_LOGO_RELAY_NEXT_KEY_ID, secret: e.KOTAE_LOGO_RELAY_NEXT_SECRET });
    }
    return { mode: 'relay', relayUrl: e.KOTAE_LOGO_RELAY_URL ?? '', botName: e.KOTAE_LOGO_BOT_NAME, keys };
  }
  return { mode: 'off' };
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
    db:
      c.db.kind === 'sqlite'
        ? { kind: 'sqlite', path: c.db.path }
        : { kind: c.db.kind, host: c.db.host, port: c.db.port, database: c.db.database },
    dbAutoMigrate: c.dbAutoMigrate,
    embeddings: c.embeddings.kind,
    answerModel:
      c.answerModel.kind === 'openai'
        ? `openai:${c.answerModel.model}${c.answerModel.checkSources ? '+check' : ''}`
        : 'none',
    teams: c.teams ? 'configured' : 'loopback-only',
    logo:
      c.logo.mode === 'direct'
        ? {
            mode: 'direct',
            endpoint: c.logo.endpoint,
            proxy: Boolean(c.logo.proxyUrl),
            privateCa: Boolean(c.logo.caFile),
          }
        : c.logo.mode === 'relay'
          ? { mode: 'relay', relayUrl: c.logo.relayUrl, keyIds: c.logo.keys.map((k) => k.id) }
          : 'off',
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
    sharePoint: c.knowledge.sharePoint
      ? { libraries: c.knowledge.sharePoint.libraries.length, graphUrl: c.knowledge.sharePoint.graphUrl }
      : 'off',
  };
}

// --- Issue 11 (audit log, retention, backup encryption): configuration ----------------------------

/** Audit key and anchors, retention per data class, auto-close and backup encryption. */
export interface IntegrityConfig {
  /** HMAC key of the audit chain (created 0600 at first start when missing). */
  auditKeyFile: string;
  /** Append-only file of audit chain heads (checkpoints); may be shared by the instances (appends lock it). */
  auditAnchorFile: string;
  /** Other instances' anchor files, read (never written) by verification and restore. */
  auditAnchorOtherFiles: string[];
  /** When set, backups are encrypted with AES-256-GCM under this key file (created 0600 when missing). */
  backupKeyFile?: string;
  /** Days each data class is kept (audit at least as long as every other class). */
  retention: { conversationDays: number; ticketDays: number; attachmentDays: number; auditDays: number };
  /** Resolved tickets are closed after this many business days without a reply (0: never). */
  autoCloseBusinessDays: number;
}

type Env = z.infer<typeof EnvSchema>;
type RawIntegrityEnv = { [K in keyof typeof INTEGRITY_ENV]?: unknown } & {
  KOTAE_RETENTION_DAYS: number;
  KOTAE_REOPEN_BUSINESS_DAYS: number;
};

/** Default audit retention: five years, and never shorter than another class. */
const AUDIT_DAYS_DEFAULT = 1825;

function retentionOf(e: Pick<Env, 'KOTAE_RETENTION_DAYS'> & Partial<Env>): IntegrityConfig['retention'] {
  const conversationDays = e.KOTAE_RETENTION_CONVERSATION_DAYS ?? e.KOTAE_RETENTION_DAYS;
  const ticketDays = e.KOTAE_RETENTION_TICKET_DAYS ?? e.KOTAE_RETENTION_DAYS;
  const attachmentDays = e.KOTAE_RETENTION_ATTACHMENT_DAYS ?? ticketDays;
  const auditDays =
    e.KOTAE_RETENTION_AUDIT_DAYS ?? Math.max(AUDIT_DAYS_DEFAULT, conversationDays, ticketDays, attachmentDays);
  return { conversationDays, ticketDays, attachmentDays, auditDays };
}

/** The audit log outlives every other class; auto-close never cuts the reopen window short. */
function checkIntegrity(env: RawIntegrityEnv, need: (cond: boolean, key: string, message: string) => void): void {
  const r = retentionOf(env as Pick<Env, 'KOTAE_RETENTION_DAYS'> & Partial<Env>);
  const longest = Math.max(r.conversationDays, r.ticketDays, r.attachmentDays);
  need(
    r.auditDays < longest,
    'KOTAE_RETENTION_AUDIT_DAYS',
    `監査ログの保存期間（${r.auditDays}日）は、他の保存期間の最長（${longest}日）以上にしてください`,
  );
  const autoClose = env.KOTAE_AUTO_CLOSE_BUSINESS_DAYS as number;
  need(
    autoClose > 0 && autoClose < env.KOTAE_REOPEN_BUSINESS_DAYS,
    'KOTAE_AUTO_CLOSE_BUSINESS_DAYS',
    `解決済みチケットの自動クローズ（${autoClose}営業日）は、再開できる期間 KOTAE_REOPEN_BUSINESS_DAYS（${env.KOTAE_REOPEN_BUSINESS_DAYS}営業日）以上にしてください`,
  );
}

function toIntegrityConfig(e: Env, cwd: string, dataDir: string): IntegrityConfig {
  return {
    auditKeyFile: path.resolve(cwd, e.KOTAE_AUDIT_KEY_FILE ?? path.join(dataDir, 'audit.key')),
    auditAnchorFile: path.resolve(cwd, e.KOTAE_AUDIT_ANCHOR_FILE ?? path.join(dataDir, 'audit-anchors.jsonl')),
    auditAnchorOtherFiles: (e.KOTAE_AUDIT_ANCHOR_OTHER_FILES ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => path.resolve(cwd, f)),
    backupKeyFile: e.KOTAE_BACKUP_KEY_FILE ? path.resolve(cwd, e.KOTAE_BACKUP_KEY_FILE) : undefined,
    retention: retentionOf(e),
    autoCloseBusinessDays: e.KOTAE_AUTO_CLOSE_BUSINESS_DAYS,
  };
}
// --- end issue 11 configuration --------------------------------------------------------------------
