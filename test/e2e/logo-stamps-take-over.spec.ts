/**
 * Open stamps survive a take-over (direct mode): two full Kotae instances on one PostgreSQL database, the first
 * holding the LoGoチャット connection. The 「解決しましたか？」 stamp it posted is answered after it stopped and the
 * standby took the connection: the feedback is recorded exactly once and the user gets exactly the normal reply
 * (not 「この選択肢は有効期限が切れています…」); the select and the "send the details" step go on on the new holder;
 * a stamp made stale by a newer reply still gets the expired note. Real direct-js child, loopback direct server.
 */
import assert from 'node:assert/strict';
import { DIRECT_IDS, FakeDirectServer, type ClientCall } from '../fakes/direct-server';
import type { Packed } from '../fakes/old-msgpack';
import { createTestDatabase, dropTestDatabase, postgresServer, type PgServer, pgAppEnv } from '../helpers/postgres';
import { startApp, type RunningApp } from '../helpers/start-app';

const TOKEN = 'loopback-token-0123456789';
const BOT = 'ヘルプデスクbot';
const STALE = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const SETTLE_MS = 900;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LoGoチャット: an open stamp answered after the holder stopped and the standby took over (PostgreSQL)', function () {
  this.timeout(120_000);
  let pg: PgServer;
  let database: string;
  let server: FakeDirectServer;
  let one: RunningApp | undefined;
  let two: RunningApp | undefined;
  const ready = async (app: RunningApp) =>
    ((await (await fetch(`${app.url}/healthz`)).json()) as { logo: { ready: boolean } }).logo.ready;
  const count = () => server.callsOf('create_message').length;
  const body = (call: ClientCall) => call.params[2];
  async function sentAfter(from: number, n: number): Promise<ClientCall[]> {
    if (n > 0) await server.waitForCalls('create_message', from + n, 20_000);
    await sleep(SETTLE_MS);
    const sent = server.callsOf('create_message').slice(from);
    assert.equal(sent.length, n, sent.map((c) => JSON.stringify(body(c))).join('\n'));
    return sent;
  }
  const { pairTalk, yamada } = DIRECT_IDS;
  const text = (content: string) => server.push({ talkId: pairTalk, userId: yamada, type: 1, content });
  const answer = (stamp: ClientCall, response: number | boolean) =>
    server.push({
      talkId: pairTalk,
      userId: yamada,
      type: typeof response === 'boolean' ? 501 : 503,
      content: { in_reply_to: FakeDirectServer.messageIdOf(stamp), ...(body(stamp) as object), response } as Packed,
    });
  const feedback = () => (one ?? (two as RunningApp)).app.dataSource.getRepository('feedback').find();

  before(async () => {
    pg = await postgresServer();
    database = await createTestDatabase(pg);
    server = await FakeDirectServer.start({ token: TOKEN });
    const env = {
      ...pgAppEnv(pg, database),
      KOTAE_LOGO_MODE: 'direct',
      KOTAE_LOGO_ENDPOINT: server.endpoint,
      KOTAE_LOGO_TOKEN: TOKEN,
      KOTAE_LOGO_BOT_NAME: BOT,
    };
    one = await startApp(env, { logoLeaseTtlMs: 2000 });
    for (let i = 0; i < 100 && !(await ready(one)); i++) await sleep(100);
    two = await startApp(env, { logoLeaseTtlMs: 2000 });
  });
  after(async () => {
    await one?.stop();
    await two?.stop();
    await server?.stop();
    await dropTestDatabase(pg, database);
  });

  it('records the feedback once and answers normally on the new holder; the escalation goes on there', async () => {
    assert.equal(await ready(one as RunningApp), true);
    assert.equal(await ready(two as RunningApp), false);
    let from = count();
    text('自宅からVPNにつながりません');
    const [, yesno] = await sentAfter(from, 2);
    assert.deepEqual(body(yesno), { question: '解決しましたか？', listing: false });

    await (one as RunningApp).stop();
    one = undefined;
    const b = two as RunningApp;
    for (let i = 0; i < 200 && !(await ready(b)); i++) await sleep(100);
    assert.equal(await ready(b), true, 'the standby took the connection');
    assert.equal(server.openConnections, 1);

    from = count();
    answer(yesno, false);
    const [sorry, select] = await sentAfter(from, 2);
    assert.notEqual(body(sorry), STALE);
    assert.match(String(body(sorry)), /申し訳ありません/);
    assert.deepEqual(body(select), {
      question: '次の操作を選んでください。',
      options: ['担当者に問い合わせる'],
      listing: false,
    });
    assert.deepEqual(
      (await feedback()).map((f) => f.resolved),
      [false],
    );

    // The same answer again (a second press): taken already, so the note and no second feedback.
    from = count();
    answer(yesno, true);
    const [again] = await sentAfter(from, 1);
    assert.equal(body(again), STALE);
    assert.equal((await feedback()).length, 1);

    from = count();
    answer(select, 0);
    const [askDetails] = await sentAfter(from, 1);
    assert.match(String(body(askDetails)), /内容/);
    from = count();
    text('在宅勤務用の端末で、朝からVPNの接続がタイムアウトします。');
    const [created] = await sentAfter(from, 2);
    assert.match(String(body(created)), /HD-\d{4}-\d{6}/);
    assert.equal(await b.app.dataSource.getRepository('ticket').count(), 1);
  });

  it('still answers a stamp made stale by a newer reply with the expired note', async () => {
    let from = count();
    text('パスワードを忘れました');
    const [, old] = await sentAfter(from, 2);
    from = count();
    text('プリンタで印刷できません');
    await sentAfter(from, 2);
    const before = (await feedback()).length;
    from = count();
    answer(old, true);
    const [stale] = await sentAfter(from, 1);
    assert.equal(body(stale), STALE);
    assert.equal((await feedback()).length, before);
  });
});
