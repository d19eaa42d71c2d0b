/**
 * A small Kotae for LoGoチャット relay tests: the real HelpdeskService, SQLite stores, the relay
 * channel and the express web app (with POST /api/logo/events), over a fixed fake knowledge base
 * so that no index has to be built.
 */
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { HelpdeskService } from '../../bot';
import { MemoryLogger, SystemClock } from '../../core';
import { SqlConversationStore, SqlOpenStamps, SqlTicketStore } from '../../db';
import { createLogoChat, type LogoChat, type RelayKey } from '../../adapters/logo-chat';
import { listen } from '../../adapters/cli/serve';
import { createWebApp, logoEventsHandlers } from '../../adapters/web';
import { FakeKnowledge, faqChunk } from '../fakes/fake-knowledge';
import { tempSqlite } from './sqlite';

/** The knowledge: パスワード / VPN answered; メール gives three candidates (clarify band: 0.2 ≤ 0.3 < tentative 0.35; 違い answers). */
export const RELAY_KNOWLEDGE = new FakeKnowledge([
  {
    match: '違い',
    confidence: 0.9,
    chunk: faqChunk(
      'FAQ-0031',
      'LGWANメールとインターネットメールの違い',
      'LGWANメールは閉域網のメールです。',
      'メール',
    ),
  },
  {
    match: 'パスワード',
    confidence: 0.9,
    chunk: faqChunk('FAQ-0001', 'パスワードを忘れた', 'パスワードリセット申請フォームから申請してください。'),
  },
  {
    match: 'VPN',
    confidence: 0.9,
    chunk: faqChunk('FAQ-0070', 'VPNにつながらない', '端末を再起動してから再接続してください。', 'ネットワーク'),
  },
  ...['LGWANメールとインターネットメールの違い', 'メールの無害化とは', 'メールの容量を増やしたい'].map((q, i) => ({
    match: 'メール',
    confidence: 0.3,
    chunk: faqChunk(`FAQ-004${i}`, q, `${q}の回答です。`, 'メール'),
  })),
]);

/** A running relay-mode app. */
export interface LogoRelayApp {
  url: string;
  ds: DataSource;
  logo: LogoChat;
  logger: MemoryLogger;
  stop(): Promise<void>;
}

/** Starts the small app in relay mode against a relay URL. */
export async function startLogoRelayApp(relayUrl: string, keys: RelayKey[]): Promise<LogoRelayApp> {
  const db = await tempSqlite();
  const clock = new SystemClock();
  const logger = new MemoryLogger();
  const conversations = new SqlConversationStore(db.ds, () => clock.now());
  const tickets = new SqlTicketStore(db.ds, () => clock.now());
  const helpdesk = new HelpdeskService(
    { conversations, tickets, knowledge: RELAY_KNOWLEDGE, clock },
    { maxQuestionChars: 2000, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
  );
  const logo = createLogoChat(
    { mode: 'relay', relayUrl, botName: 'Kotae', keys },
    { helpdesk, conversations, stamps: new SqlOpenStamps(db.ds, () => clock.now()), logger, now: () => Date.now() },
  );
  const receiver = logo.receiver;
  if (!receiver) throw new Error('relay mode without a receiver');
  const web = createWebApp({
    helpdesk,
    conversations,
    tickets,
    clock,
    logger,
    health: async () => ({ ok: true, logo: logo.health() }),
    mounts: [{ path: '/api/logo/events', method: 'post', rawBody: true, handler: logoEventsHandlers(receiver) }],
  });
  const server: Server = await listen(web, 0, '127.0.0.1');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ds: db.ds,
    logo,
    logger,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await logo.stop();
      await db.close();
    },
  };
}
