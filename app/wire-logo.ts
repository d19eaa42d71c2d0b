/** Wiring of LoGoチャット: reads the token and CA files named in the configuration and builds the channel. */
import fs from 'node:fs';
import type { Helpdesk, ProcessedDeliveries } from '../bot';
import type { ConversationStore, OpenStampStore } from '../conversations';
import { KotaeError, type Clock, type Logger } from '../core';
import { createLogoChat, type LogoChat, type LogoChatSettings } from '../adapters/logo-chat';
import type { JobLease } from '../jobs';
import type { LogoConfig } from './config';
import { leasedLogoChat } from './logo-lease';

function readSecretFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new KotaeError('CONFIG_INVALID', `invalid configuration:\n  - ${what}: cannot read ${file}`, { cause: err });
  }
}

/** The LoGoチャット settings with the files read (CONFIG_INVALID when one is unreadable or empty). */
export function logoSettings(config: LogoConfig): LogoChatSettings {
  if (config.mode !== 'direct') return config;
  const accessToken = config.token ?? readSecretFile(config.tokenFile ?? '', 'KOTAE_LOGO_TOKEN_FILE');
  if (!accessToken) {
    throw new KotaeError('CONFIG_INVALID', 'invalid configuration:\n  - KOTAE_LOGO_TOKEN_FILE: the file is empty');
  }
  fs.mkdirSync(config.storageDir, { recursive: true });
  return {
    mode: 'direct',
    endpoint: config.endpoint,
    accessToken,
    botName: config.botName,
    storagePath: config.storageDir,
    proxyUrl: config.proxyUrl,
    caPem: config.caFile ? readSecretFile(config.caFile, 'KOTAE_LOGO_CA_FILE') : undefined,
  };
}

/** Builds (does not start) the LoGoチャット channel; in direct mode it connects only while holding the lease. */
export function wireLogo(
  config: LogoConfig,
  d: {
    helpdesk: Helpdesk;
    conversations: ConversationStore;
    /** Open stamps and details steps, shared by the instances. */
    stamps: OpenStampStore;
    logger: Logger;
    clock: Clock;
    lease: { lease: JobLease; holder: string; ttlMs?: number; flushQueued: () => Promise<unknown> };
    /** Relay event ids handled by any instance. */
    processed?: ProcessedDeliveries;
  },
): LogoChat {
  const channel = createLogoChat(logoSettings(config), {
    helpdesk: d.helpdesk,
    conversations: d.conversations,
    stamps: d.stamps,
    logger: d.logger,
    now: () => d.clock.now().getTime(),
    processed: d.processed,
  });
  if (config.mode !== 'direct') return channel;
  return leasedLogoChat(channel, { ...d.lease, clock: d.clock, logger: d.logger });
}
