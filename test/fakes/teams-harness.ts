/**
 * Serves the Teams endpoint the way the web app mounts it (express.json() then handle) on
 * 127.0.0.1:0, next to a FakeBotConnector, a FakeHelpdesk and a FakeConversationStore.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTeamsEndpoint, type TeamsEndpoint, type TeamsEndpointDeps } from '../../adapters/teams';
import { MemoryLogger } from '../../core/logger';
import { FakeHelpdesk } from './fake-helpdesk';
import { FakeBotConnector } from './teams-connector';
import { FakeConversationStore } from './teams-conversation-store';

/** A running endpoint with its fakes. */
export interface TeamsHarness {
  url: string;
  serviceUrl: string;
  endpoint: TeamsEndpoint;
  connector: FakeBotConnector;
  helpdesk: FakeHelpdesk;
  store: FakeConversationStore;
  logger: MemoryLogger;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Starts the harness; `overrides` replaces endpoint deps (e.g. auth, directory). */
export async function startTeamsHarness(overrides: Partial<TeamsEndpointDeps> = {}): Promise<TeamsHarness> {
  const connector = new FakeBotConnector();
  const serviceUrl = await connector.start();
  const helpdesk = new FakeHelpdesk();
  const store = new FakeConversationStore();
  const logger = new MemoryLogger();
  const endpoint = createTeamsEndpoint({
    helpdesk,
    conversations: store,
    logger,
    deskHours: '平日 8:30〜17:15',
    retry: { baseDelayMs: 5, maxDelayMs: 20, attemptTimeoutMs: 2_000 },
    extraServiceHosts: ['127.0.0.1'],
    ...overrides,
  });
  const app = express();
  app.post('/api/messages', express.json({ limit: '1mb' }), (req: Request, res: Response) => endpoint.handle(req, res));
  // What the lead's error middleware must do for body-parser failures (malformed JSON → 400).
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    res.status(status).json({ error: status === 400 ? 'INPUT_INVALID' : 'INTERNAL' });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }

  async function close(): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await connector.stop();
  }

  return { url, serviceUrl, endpoint, connector, helpdesk, store, logger, post, close };
}
