/**
 * The Teams replay specs' one set-up (edits, deletes and undeletes of requester messages): the loopback Bot
 * Connector and the real app on SQLite, started before the describe block that calls it and stopped after it, an
 * administrator signed in to the console, and test/fixtures/teams-extra payloads replayed as Teams posts them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signInConsole, type ConsoleSession } from './console-client';
import { postJson, type RunningApp } from './start-app';
import { teamsOnApp } from './teams-on-app';
import { cardOf, type FakeBotConnector, type ConnectorCall } from '../fakes/teams-connector';

export type Payload = Record<string, any>;

const FIXTURES = join(__dirname, '..', 'fixtures', 'teams-extra');
/** The Bot Connector the fixtures were captured with; replaced by the loopback one. */
const CAPTURED_SERVICE_URL = 'https://smba.trafficmanager.net/jp/';

/** What a spec reads once the block's hooks ran. */
export interface TeamsReplay {
  readonly kotae: RunningApp;
  readonly connector: FakeBotConnector;
  readonly operator: ConsoleSession;
  /** A fixture as Teams would post it: without `_source`, its Bot Connector pointed at the loopback one. */
  fixture(name: string, overrides?: Payload): Payload;
  /** Pressing an Action.Execute button, in the envelope (chat, member) of the message fixture `name`. */
  press(name: string, id: string, action: { verb?: unknown; data?: unknown }): Payload;
  /** Posts one activity; returns the answer and the messages the bot posted to the activity's chat meanwhile. */
  post(payload: Payload): Promise<{ status: number; body: any; sent: ConnectorCall[] }>;
  /** The texts of the cards posted to `conversationId`, once `expected` are out (10 s at most) and 300 ms more passed. */
  notices(conversationId: string, expected: number): Promise<string[]>;
}

/** A card's text blocks, one line each. */
export const cardText = (call: ConnectorCall): string =>
  cardOf(call)
    .body.map((b) => b.text ?? '')
    .join('\n');

/**
 * Registers the block's before / after hooks (call it inside `describe`); `env`: the app's extra settings, given the
 * loopback Bot Connector's URL.
 */
export function teamsReplayApp(env: (serviceUrl: string) => Record<string, string> = () => ({})): TeamsReplay {
  const on = teamsOnApp((serviceUrl) => ({ KOTAE_PUBLIC_URL: 'https://kotae.example.lg.jp', ...env(serviceUrl) }));
  let operator: ConsoleSession | undefined;
  before(async () => {
    operator = await signInConsole(on.kotae.url, 'admin', 'e2e-admin-password');
  });
  const fixture = (name: string, overrides: Payload = {}): Payload => {
    const text = readFileSync(join(FIXTURES, name), 'utf8').replaceAll(CAPTURED_SERVICE_URL, on.serviceUrl);
    const payload = JSON.parse(text) as Payload;
    delete payload._source;
    return { ...payload, ...overrides };
  };
  return {
    get kotae() {
      return on.kotae;
    },
    get connector() {
      return on.connector;
    },
    get operator() {
      if (!operator) throw new Error('teamsReplayApp: used before its before hook ran');
      return operator;
    },
    fixture,
    press(name, id, action) {
      const { text: _t, textFormat: _f, attachments: _a, entities: _e, ...envelope } = fixture(name);
      const value = { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' };
      return { ...envelope, type: 'invoke', name: 'adaptiveCard/action', id, value };
    },
    async post(payload) {
      const calls = on.connector.calls;
      const from = calls.length;
      const res = await postJson(on.endpoint, payload);
      const chat = (payload.conversation as { id: string }).id;
      const sent = calls.slice(from).filter((c) => c.activity.type === 'message' && c.conversationId === chat);
      return { ...res, sent };
    },
    async notices(conversationId, expected) {
      const posts = () => on.connector.calls.filter((c) => c.conversationId === conversationId);
      const since = Date.now();
      while (posts().length < expected && Date.now() - since < 10_000) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
      return posts().map(cardText);
    },
  };
}
