/**
 * Builds the LoGoチャット channel from its settings: the supervised direct-js child (direct), the
 * signed relay (relay), or nothing (off).
 */
import type { Helpdesk, ProcessedDeliveries } from '../../bot';
import type { ChannelSender, ConversationStore, OpenStampStore } from '../../conversations';
import type { Logger } from '../../core';
import type { Backoff } from './backoff';
import type { ChildOptions } from './ipc';
import { DirectSupervisor } from './direct-supervisor';
import { toLogoEvent } from './direct-events';
import { DirectTransport } from './direct-transport';
import type { LogoHealth } from './health';
import { LogoChannel } from './logo-channel';
import { LogoConversation } from './logo-conversation';
import { RelayReceiver, type LogoEventReceiver } from './relay-receiver';
import { RelayVerifier, type RelayKey } from './relay-signature';
import { RelayTransport } from './relay-transport';

/** Validated LoGoチャット settings (app/config.ts). */
export type LogoChatSettings =
  | { mode: 'off' }
  | ({ mode: 'direct'; backoff?: Backoff } & ChildOptions)
  | { mode: 'relay'; relayUrl: string; botName: string; keys: RelayKey[] };

/** The running channel. */
export interface LogoChat {
  /** The ChannelSender for 'logo' (absent when off). */
  sender?: ChannelSender;
  /** Inbound relay events (relay mode only). */
  receiver?: LogoEventReceiver;
  health(): LogoHealth;
  start(): void;
  stop(): Promise<void>;
}

/** What the channel needs from the application. */
export interface LogoChatDeps {
  helpdesk: Helpdesk;
  conversations: ConversationStore;
  /** Open stamps and details steps, in the database shared by the instances (SqlOpenStamps). */
  stamps: OpenStampStore;
  logger: Logger;
  /** Epoch milliseconds (the relay's skew window). */
  now: () => number;
  /** Relay event ids and message ids handled by any instance on the shared database. */
  processed?: ProcessedDeliveries;
}

/** Wires the channel; nothing connects before start(). */
export function createLogoChat(settings: LogoChatSettings, deps: LogoChatDeps): LogoChat {
  if (settings.mode === 'off') {
    return {
      health: () => ({ mode: 'off', state: 'off', ready: false, restarts: 0 }),
      start: () => {},
      stop: async () => {},
    };
  }
  if (settings.mode === 'relay') {
    const key = settings.keys[0];
    const transport = new RelayTransport({ url: settings.relayUrl, key, now: deps.now });
    const conversation = new LogoConversation({ ...deps, transport, botName: settings.botName });
    const receiver = new RelayReceiver({
      verifier: new RelayVerifier(settings.keys, deps.now),
      dispatch: (event) => conversation.handle(event),
      problem: (event) => conversation.answerProblem(event),
      logger: deps.logger,
      processed: deps.processed,
    });
    return {
      sender: new LogoChannel(conversation),
      receiver,
      health: () => ({ mode: 'relay', state: 'ready', ready: true, restarts: 0 }),
      start: () => {},
      stop: async () => {},
    };
  }
  // The two refer to each other only inside callbacks, which run after both exist.
  const conversation: LogoConversation = new LogoConversation({
    ...deps,
    transport: new DirectTransport({ request: (r) => supervisor.request(r) }),
    botName: settings.botName,
    botDisplayName: () => supervisor.botDisplayName,
  });
  const { mode: _mode, backoff, ...child } = settings;
  const supervisor = new DirectSupervisor({
    child,
    backoff,
    logger: deps.logger,
    onReady: () => void conversation.connectionRestored(),
    onMessage: (message) => {
      conversation
        .handle(toLogoEvent(message, settings.botName))
        .catch((err: unknown) =>
          deps.logger.error('logo: message failed', { error: err instanceof Error ? err.message : String(err) }),
        );
    },
  });
  return {
    sender: new LogoChannel(conversation),
    health: () => supervisor.health(),
    start: () => supervisor.start(),
    stop: () => supervisor.stop(),
  };
}
