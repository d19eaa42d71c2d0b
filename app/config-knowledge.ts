/**
 * Configuration of the knowledge the desk keeps up to date (issue 15): console uploads and the
 * SharePoint libraries synced through Microsoft Graph. A block of its own, merged into config.ts's
 * schema; it does not read the environment itself.
 */
import path from 'node:path';
import { z } from 'zod';
import { optionalText } from './config-fields';

const httpsOrLoopback = z.url({ protocol: /^https?$/, error: 'expected an https:// URL' });
const MB = 1024 * 1024;

/** A SharePoint site library: `host:/sites/path:library name` (the library as named in SharePoint). */
const SITE_LIBRARY = /^([A-Za-z0-9.-]+):(\/sites\/[^:]+):(.+)$/;

/** The variables of this block (see .env.example). */
export const KNOWLEDGE_ENV = {
  KOTAE_KNOWLEDGE_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * MB)
    .default(20 * MB),
  KOTAE_SHAREPOINT_TENANT_ID: z.uuid().optional(),
  KOTAE_SHAREPOINT_CLIENT_ID: z.uuid().optional(),
  KOTAE_SHAREPOINT_CLIENT_SECRET: optionalText,
  KOTAE_SHAREPOINT_CERTIFICATE_FILE: optionalText,
  KOTAE_SHAREPOINT_CERTIFICATE_KEY_FILE: optionalText,
  KOTAE_SHAREPOINT_SECRET_EXPIRES: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
  KOTAE_SHAREPOINT_DRIVES: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9!_-]{6,200}$/, 'expected drive ids separated by commas')))
    .optional(),
  KOTAE_SHAREPOINT_SITE_LIBRARIES: z
    .string()
    .transform((s) =>
      s
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(SITE_LIBRARY, 'expected host:/sites/path:library entries separated by ;')))
    .optional(),
  KOTAE_SHAREPOINT_SYNC_MINUTES: z.coerce.number().int().min(5).max(10_080).default(60),
  KOTAE_SHAREPOINT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * MB)
    .default(50 * MB),
  KOTAE_SHAREPOINT_GRAPH_URL: httpsOrLoopback.default('https://graph.microsoft.com'),
  KOTAE_SHAREPOINT_AUTHORITY_HOST: httpsOrLoopback.default('https://login.microsoftonline.com'),
  KOTAE_SHAREPOINT_CA_FILE: optionalText,
};

type KnowledgeEnv = z.infer<z.ZodObject<typeof KNOWLEDGE_ENV>>;

/** One library to sync: a drive id, or a site and the library's name (resolved to a drive at sync). */
export type SharePointLibrary = { driveId: string } | { site: string; library: string };

/** SharePoint settings (present only when libraries and credentials are configured). */
export interface SharePointConfig {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificate?: { pemFile: string; keyFile: string };
  /** When the secret or certificate expires (shown in the console ahead of time). */
  credentialExpires?: string;
  libraries: SharePointLibrary[];
  syncMinutes: number;
  maxFileBytes: number;
  graphUrl: string;
  authorityHost: string;
  /** PEM of a private CA (TLS-inspecting proxy) for Graph and the token endpoint. */
  caFile?: string;
}

/** Knowledge settings. */
export interface KnowledgeConfig {
  uploadMaxBytes: number;
  sharePoint?: SharePointConfig;
}

const SHAREPOINT_KEYS = Object.keys(KNOWLEDGE_ENV).filter(
  (k) =>
    k.startsWith('KOTAE_SHAREPOINT_') &&
    !['SYNC_MINUTES', 'MAX_FILE_BYTES', 'GRAPH_URL', 'AUTHORITY_HOST'].some((s) => k.endsWith(s)),
);

/** Cross-field checks: SharePoint needs a tenant, a client, exactly one credential and a library. */
export function checkKnowledge(env: KnowledgeEnv, need: (cond: boolean, key: string, message: string) => void): void {
  const set = SHAREPOINT_KEYS.filter((k) => env[k as keyof KnowledgeEnv] !== undefined);
  if (set.length === 0) return;
  need(!env.KOTAE_SHAREPOINT_TENANT_ID, 'KOTAE_SHAREPOINT_TENANT_ID', 'required when SharePoint is configured');
  need(!env.KOTAE_SHAREPOINT_CLIENT_ID, 'KOTAE_SHAREPOINT_CLIENT_ID', 'required when SharePoint is configured');
  const cert = [env.KOTAE_SHAREPOINT_CERTIFICATE_FILE, env.KOTAE_SHAREPOINT_CERTIFICATE_KEY_FILE];
  need(
    Boolean(env.KOTAE_SHAREPOINT_CLIENT_SECRET) === cert.every(Boolean) || (cert.some(Boolean) && !cert.every(Boolean)),
    'KOTAE_SHAREPOINT_CLIENT_SECRET',
    'set exactly one credential: KOTAE_SHAREPOINT_CLIENT_SECRET, or both KOTAE_SHAREPOINT_CERTIFICATE_FILE and KOTAE_SHAREPOINT_CERTIFICATE_KEY_FILE',
  );
  need(
    !env.KOTAE_SHAREPOINT_DRIVES?.length && !env.KOTAE_SHAREPOINT_SITE_LIBRARIES?.length,
    'KOTAE_SHAREPOINT_DRIVES',
    'name at least one library: KOTAE_SHAREPOINT_DRIVES or KOTAE_SHAREPOINT_SITE_LIBRARIES',
  );
}

/** The typed knowledge settings. */
export function toKnowledgeConfig(e: KnowledgeEnv, cwd: string): KnowledgeConfig {
  const configured = Boolean(e.KOTAE_SHAREPOINT_TENANT_ID && e.KOTAE_SHAREPOINT_CLIENT_ID);
  const libraries: SharePointLibrary[] = [
    ...(e.KOTAE_SHAREPOINT_DRIVES ?? []).map((driveId) => ({ driveId })),
    ...(e.KOTAE_SHAREPOINT_SITE_LIBRARIES ?? []).map((entry) => {
      const [, host, sitePath, library] = SITE_LIBRARY.exec(entry) as RegExpExecArray;
      return { site: `${host}:${sitePath}`, library };
    }),
  ];
  const file = (f?: string) => (f ? path.resolve(cwd, f) : undefined);
  return {
    uploadMaxBytes: e.KOTAE_KNOWLEDGE_UPLOAD_MAX_BYTES,
    sharePoint: configured
      ? {
          tenantId: e.KOTAE_SHAREPOINT_TENANT_ID as string,
          clientId: e.KOTAE_SHAREPOINT_CLIENT_ID as string,
          clientSecret: e.KOTAE_SHAREPOINT_CLIENT_SECRET,
          certificate:
            e.KOTAE_SHAREPOINT_CERTIFICATE_FILE && e.KOTAE_SHAREPOINT_CERTIFICATE_KEY_FILE
              ? {
                  pemFile: path.resolve(cwd, e.KOTAE_SHAREPOINT_CERTIFICATE_FILE),
                  keyFile: path.resolve(cwd, e.KOTAE_SHAREPOINT_CERTIFICATE_KEY_FILE),
                }
              : undefined,
          credentialExpires: e.KOTAE_SHAREPOINT_SECRET_EXPIRES,
          libraries,
          syncMinutes: e.KOTAE_SHAREPOINT_SYNC_MINUTES,
          maxFileBytes: e.KOTAE_SHAREPOINT_MAX_FILE_BYTES,
          graphUrl: e.KOTAE_SHAREPOINT_GRAPH_URL,
          authorityHost: e.KOTAE_SHAREPOINT_AUTHORITY_HOST,
          caFile: file(e.KOTAE_SHAREPOINT_CA_FILE),
        }
      : undefined,
  };
}
