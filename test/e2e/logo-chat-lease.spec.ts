/**
 * LoGoチャット on several instances sharing one database (SQLite and PostgreSQL): exactly one holds
 * the direct connection (lease `logo-chat`), the other stands by; when the holder is killed with
 * SIGKILL (lease expiry) or stopped (release), the other connects; every message is answered exactly
 * once. The unmodified direct-js client runs in the supervisor's child processes against the loopback
 * direct server.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { SqlJobLease } from '../../db/repositories/sql-job-lease';
import { DIRECT_IDS, FakeDirectServer } from '../fakes/direct-server';
import { describeEachDb } from '../helpers/databases';
import {
  forkLogoInstance,
  startLogoInstance,
  type LogoInstance,
  type LogoInstanceOptions,
} from '../helpers/logo-lease-instance';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'loopback-token-0123456789';
const BOT = 'ヘルプデスクbot';
const TTL_MS = 1500;
/** Longer than direct-js's 550 ms pacing plus its 200 ms dispatch delay. */
const SETTLE_MS = 900;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
  return Date.now() - started;
}

describeEachDb('LoGoチャット connection lease across two instances', (each) => {
  let server: FakeDirectServer;
  const storage = tempDir('kotae-logo-lease-');
  let killable: ChildProcess | undefined;
  const running: LogoInstance[] = [];
  const options = (holder: string): LogoInstanceOptions => ({
    db: each.db.config,
    endpoint: server.endpoint,
    token: TOKEN,
    botName: BOT,
    holder,
    ttlMs: TTL_MS,
    storagePath: `${storage.dir}/${holder}`,
  });
  const sent = () => server.callsOf('create_message').length;
  const sessions = () => server.callsOf('create_session').length;

  /** Pushes a pair-talk question and checks it is answered exactly once (answer + yes/no stamp). */
  async function answeredOnce(question: string): Promise<void> {
    const from = sent();
    server.push({ talkId: DIRECT_IDS.pairTalk, userId: DIRECT_IDS.yamada, type: 1, content: question });
    await server.waitForCalls('create_message', from + 2, 15_000);
    await sleep(SETTLE_MS);
    const replies = server.callsOf('create_message').slice(from);
    assert.equal(replies.length, 2, JSON.stringify(replies.map((c) => String(c.params[2]))));
    assert.match(String(replies[0].params[2]), new RegExp(`「${question}」について`));
  }

  before(async function () {
    this.timeout(60_000);
    server = await FakeDirectServer.start({ token: TOKEN });
  });
  after(async () => {
    killable?.kill('SIGKILL');
    for (const i of running) await i.stop().catch(() => undefined);
    await server?.stop();
    storage.cleanup();
  });

  it('connects exactly one instance; the other stands by; a message is answered once', async function () {
    this.timeout(60_000);
    killable = forkLogoInstance(options('instance-A'));
    await new Promise<void>((resolve, reject) => {
      killable?.once('message', () => resolve());
      killable?.once('exit', (code) => reject(new Error(`instance A exited (${code})`)));
    });
    await until(() => server.callsOf('start_notification').length === 1, 20_000, 'instance A to log in');
    const b = await startLogoInstance(options('instance-B'));
    running.push(b);
    await sleep(3 * TTL_MS);
    assert.equal(server.openConnections, 1);
    assert.equal(sessions(), 1);
    assert.equal(b.logo.health().state, 'standby');
    assert.equal(b.logo.keeper.held, false);
    const [live] = await new SqlJobLease(each.db.ds).live(new Date());
    assert.deepEqual([live.name, live.holder], ['logo-chat', 'instance-A']);
    await answeredOnce('VPNにつながりません');
    assert.equal(b.helpdesk.asks.length, 0);
  });

  it('takes over within TTL + TTL/3 (+ login) when the holder is killed with SIGKILL; answered once', async function () {
    this.timeout(60_000);
    const b = running[0];
    const killedAt = Date.now();
    killable?.kill('SIGKILL');
    const took = await until(() => b.logo.health().ready, 20_000, 'instance B to connect');
    console.log(`      instance B connected ${took} ms after the holder was killed (lease TTL ${TTL_MS} ms)`);
    assert.ok(Date.now() - killedAt <= TTL_MS + TTL_MS / 3 + 8_000, `took ${Date.now() - killedAt} ms`);
    await until(() => server.openConnections === 1, 10_000, 'the killed child to close its connection');
    assert.equal(sessions(), 2);
    await answeredOnce('プリンタで印刷できません');
    assert.equal(b.helpdesk.asks.length, 1);
  });

  it('hands over at the next try when the holder stops (lease released); answered once', async function () {
    this.timeout(60_000);
    const [b] = running;
    const c = await startLogoInstance(options('instance-C'));
    running.push(c);
    await sleep(2 * TTL_MS);
    assert.equal(c.logo.health().state, 'standby');
    await b.stop();
    running.splice(0, 1);
    const took = await until(() => c.logo.health().ready, 15_000, 'instance C to connect');
    console.log(`      instance C connected ${took} ms after the holder stopped`);
    await until(() => server.openConnections === 1, 10_000, 'one connection');
    assert.equal(sessions(), 3);
    await answeredOnce('パスワードを忘れました');
    assert.equal(c.helpdesk.asks.length, 1);
  });
});
