/**
 * The LoGoチャット direct-mode payload specs' one set-up: the loopback direct server and the real app connected to it
 * through the unmodified direct-js client, started before the describe block that calls it (and ready on /healthz),
 * stopped after it with no error logged; plus the exact-count reads those specs share.
 */
import assert from 'node:assert/strict';
import { FakeDirectServer, type ClientCall } from '../fakes/direct-server';
import { startApp, type RunningApp } from './start-app';

/** The bot's display name in these specs. */
export const LOGO_BOT = 'ヘルプデスクbot';
/** Longer than direct-js's 550 ms pacing plus its 200 ms dispatch delay. */
export const SETTLE_MS = 800;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A JSON replacer writing a bigint as the fixtures do (`"i64:<n>"`). */
export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `i64:${value}` : value;
}

/** What a spec reads once the block's hooks ran. */
export interface LogoDirectApp {
  readonly server: FakeDirectServer;
  readonly kotae: RunningApp;
  /** create_message frames the server received so far. */
  count(): number;
  /** Waits for exactly `n` more create_message frames after `from` (then {@link SETTLE_MS} more), and returns them. */
  sentAfter(from: number, n: number): Promise<ClientCall[]>;
  /** Questions stored. */
  questions(): Promise<number>;
  /** The question stored last. */
  lastQuestion(): Promise<any>;
  /** The `logo` part of /healthz. */
  health(): Promise<any>;
  /** A text message pushed by the server; its message id. */
  text(talkId: bigint, userId: bigint, content: string, mention?: boolean): bigint;
}

/** Registers the block's before / after hooks (call it inside `describe`). */
export function logoDirectApp(options: {
  token: string;
  users: { id: bigint; name: string | null }[];
  /** How long {@link LogoDirectApp.sentAfter} waits for the frames (default 15 s). */
  waitMs?: number;
}): LogoDirectApp {
  let server: FakeDirectServer | undefined;
  let kotae: RunningApp | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('logoDirectApp: used before its before hook ran');
    return value;
  };
  const questionRepo = () => started(kotae).app.dataSource.getRepository('question');
  const app: LogoDirectApp = {
    get server() {
      return started(server);
    },
    get kotae() {
      return started(kotae);
    },
    count: () => started(server).callsOf('create_message').length,
    async sentAfter(from, n) {
      if (n > 0) await started(server).waitForCalls('create_message', from + n, options.waitMs ?? 15_000);
      await sleep(SETTLE_MS);
      const sent = started(server).callsOf('create_message').slice(from);
      assert.equal(
        sent.length,
        n,
        JSON.stringify(
          sent.map((c) => c.params.slice(1)),
          bigintReplacer,
        ),
      );
      return sent;
    },
    questions: () => questionRepo().count(),
    lastQuestion: async () => (await questionRepo().find({ order: { askedAt: 'DESC' }, take: 1 }))[0],
    health: async () => ((await (await fetch(`${started(kotae).url}/healthz`)).json()) as { logo: any }).logo,
    text: (talkId, userId, content, mention = false) =>
      started(server).push({ talkId, userId, type: 1, content, mention }),
  };
  before(async () => {
    server = await FakeDirectServer.start({ token: options.token, users: options.users });
    kotae = await startApp({
      KOTAE_LOGO_MODE: 'direct',
      KOTAE_LOGO_ENDPOINT: server.endpoint,
      KOTAE_LOGO_TOKEN: options.token,
      KOTAE_LOGO_BOT_NAME: LOGO_BOT,
    });
    for (let i = 0; i < 100 && !(await app.health()).ready; i++) await sleep(100);
    assert.equal((await app.health()).ready, true);
  });
  after(async () => {
    const problems = kotae?.logger.lines.filter((l) => l.level === 'error');
    await kotae?.stop();
    await server?.stop();
    assert.deepEqual(problems, []);
  });
  return app;
}
