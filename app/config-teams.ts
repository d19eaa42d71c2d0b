/**
 * Configuration of the Teams bot: the app registration (secret or certificate) and the Graph department
 * lookup. A block of its own, merged into config.ts's schema; it does not read the environment itself.
 */
import path from 'node:path';
import { z } from 'zod';
import { bool, optionalText } from './config-fields';

/** The variables of this block (see .env.example). */
export const TEAMS_ENV = {
  KOTAE_TEAMS_APP_ID: z.uuid().optional(),
  KOTAE_TEAMS_APP_SECRET: optionalText,
  KOTAE_TEAMS_TENANT_ID: z.uuid().optional(),
  KOTAE_TEAMS_CERTIFICATE_FILE: optionalText,
  KOTAE_TEAMS_CERTIFICATE_KEY_FILE: optionalText,
  KOTAE_GRAPH_DEPARTMENT_LOOKUP: bool.default(false),
};

type TeamsEnv = z.infer<z.ZodObject<typeof TEAMS_ENV>>;

/** The Teams app registration; absent: the bot answers on loopback only. */
export interface TeamsConfig {
  appId: string;
  tenantId: string;
  appSecret?: string;
  certificate?: { pemFile: string; keyFile: string };
  graphDepartmentLookup: boolean;
}

/** Start-up checks: the app id and tenant go with a secret or a certificate pair; Graph needs the app. */
export function checkTeams(env: TeamsEnv, need: (cond: boolean, key: string, message: string) => void): void {
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
}

/** The block's part of the validated configuration (certificate files resolved against `cwd`). */
export function toTeamsConfig(e: TeamsEnv, cwd: string): TeamsConfig | undefined {
  return e.KOTAE_TEAMS_APP_ID
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
    : undefined;
}
