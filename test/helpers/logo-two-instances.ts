/**
 * The LoGoチャット two-instance specs' one set-up (direct mode): a PostgreSQL database of their own, the loopback direct
 * server and two full Kotae instances on that database, the first started until it holds the connection, the second
 * as its standby (lease 2 s); stopped and dropped after the describe block that calls it. Plus the pair talk's reads
 * and writes those specs share.
 */
import assert from 'node:assert/strict';
import { DIRECT_IDS, FakeDirectServer, type ClientCall } from '../fakes/direct-server';
import type { Packed } from '../fakes/old-msgpack';
import { LOGO_BOT, sleep } from './logo-direct-app';
import { createTestDatabase, dropTestDatabase, postgresServer, type PgServer, pgAppEnv } from './postgres';
import { startApp, type RunningApp } from './start-app';

const TOKEN = 'loopback-token-0123456789';
/** Longer than direct-js's 550 ms pacing plus its 200 ms dispatch delay, with room for the database. */
const SETTLE_MS = 900;

/** What a spec reads once the block's hooks ran. */
export interface LogoTwoInstances {
  readonly server: FakeDirectServer;
  /** The instance started first (the holder at the start); undefined once {@link stopOne} ran. */
  readonly one: RunningApp | undefined;
  readonly two: RunningApp;
  /** Stops the first instance (the standby takes the connection over once its lease expired). */
  stopOne(): Promise<void>;
  /** The /healthz body of `app`. */
  health(app: RunningApp): Promise<any>;
  /** create_message frames the server received so far. */
  count(): number;
  /** Waits for exactly `n` more create_message frames after `from` (then a settling time), and returns them. */
  sentAfter(from: number, n: number): Promise<ClientCall[]>;
  /** A text of the pair talk's member. */
  text(content: string): bigint;
  /** The pair talk's member answering a stamp the bot posted (yes / no, or a select's option). */
  answer(stamp: ClientCall, response: number | boolean): bigint;
}

/** Registers the block's before / after hooks (call it inside `describe`); `standbySettleMs`: a wait after the second started. */
export function logoOnTwoInstances(options: { standbySettleMs?: number } = {}): LogoTwoInstances {
  let pg: PgServer | undefined;
  let database = '';
  let server: FakeDirectServer | undefined;
  let one: RunningApp | undefined;
  let two: RunningApp | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('logoOnTwoInstances: used before its before hook ran');
    return value;
  };
  const { pairTalk, yamada } = DIRECT_IDS;
  const both: LogoTwoInstances = {
    get server() {
      return started(server);
    },
    get one() {
      return one;
    },
    get two() {
      return started(two);
    },
    async stopOne() {
      await started(one).stop();
      one = undefined;
    },
    health: async (app) => (await fetch(`${app.url}/healthz`)).json(),
    count: () => started(server).callsOf('create_message').length,
    async sentAfter(from, n) {
      if (n > 0) await started(server).waitForCalls('create_message', from + n, 20_000);
      await sleep(SETTLE_MS);
      const sent = started(server).callsOf('create_message').slice(from);
      assert.equal(sent.length, n, sent.map((c) => JSON.stringify(c.params[2])).join('\n'));
      return sent;
    },
    text: (content) => started(server).push({ talkId: pairTalk, userId: yamada, type: 1, content }),
    answer: (stamp, response) =>
      started(server).push({
        talkId: pairTalk,
        userId: yamada,
        type: typeof response === 'boolean' ? 501 : 503,
        content: {
          in_reply_to: FakeDirectServer.messageIdOf(stamp),
          ...(stamp.params[2] as object),
          response,
        } as Packed,
      }),
  };
  before(async () => {
    pg = await postgresServer();
    database = await createTestDatabase(pg);
    server = await FakeDirectServer.start({ token: TOKEN });
    const env = {
      ...pgAppEnv(pg, database),
      KOTAE_LOGO_MODE: 'direct',
      KOTAE_LOGO_ENDPOINT: server.endpoint,
      KOTAE_LOGO_TOKEN: TOKEN,
      KOTAE_LOGO_BOT_NAME: LOGO_BOT,
    };
    one = await startApp(env, { logoLeaseTtlMs: 2000 });
    for (let i = 0; i < 100 && !(await both.health(one)).logo.ready; i++) await sleep(100);
    two = await startApp(env, { logoLeaseTtlMs: 2000 });
    if (options.standbySettleMs) await sleep(options.standbySettleMs);
  });
  after(async () => {
    await one?.stop();
    await two?.stop();
    await server?.stop();
    if (pg) await dropTestDatabase(pg, database);
  });
  return both;
}
