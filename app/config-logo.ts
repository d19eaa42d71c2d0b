/**
 * Configuration of the LoGoチャット channel: a direct-js bot connection, a signed relay, or off. A block
 * of its own, merged into config.ts's schema; it does not read the environment itself.
 */
import path from 'node:path';
import { z } from 'zod';
import { optionalText } from './config-fields';

/** The variables of this block (see .env.example). */
export const LOGO_ENV = {
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
};

type LogoEnv = z.infer<z.ZodObject<typeof LOGO_ENV>>;

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

/** LoGoチャット: what each mode needs, and no setting of another mode left over. */
export function checkLogo(
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

/** The block's part of the validated configuration (files resolved against `cwd`, storage under the data dir). */
export function toLogoConfig(e: LogoEnv, cwd: string, dataDir: string): LogoConfig {
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

/** The block's part of the start-up summary (no secrets). */
export function describeLogo(logo: LogoConfig): Record<string, unknown> | 'off' {
  return logo.mode === 'direct'
    ? { mode: 'direct', endpoint: logo.endpoint, proxy: Boolean(logo.proxyUrl), privateCa: Boolean(logo.caFile) }
    : logo.mode === 'relay'
      ? { mode: 'relay', relayUrl: logo.relayUrl, keyIds: logo.keys.map((k) => k.id) }
      : 'off';
}
