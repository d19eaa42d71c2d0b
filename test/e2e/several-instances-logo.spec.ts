/**
 * Two full Kotae instances on one PostgreSQL database, both configured for LoGoチャット direct mode:
 * /healthz on both names the instance holding the connection; a ticket opened from LoGoチャット and
 * answered by an operator on the standby instance reaches the requester exactly once, sent by the
 * holder (the standby leaves it queued, the holder picks it up within seconds).
 */
import assert from 'node:assert/strict';
import { DIRECT_IDS, FakeDirectServer, type ClientCall } from '../fakes/direct-server';
import type { Packed } from '../fakes/old-msgpack';
import { createTestDatabase, dropTestDatabase, postgresServer, type PgServer, pgAppEnv } from '../helpers/postgres';
import { startApp, type RunningApp } from '../helpers/start-app';

const TOKEN = 'loopback-token-0123456789';
const BOT = 'ヘルプデスクbot';
const SETTLE_MS = 900;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Health {
  logo: { state: string; ready: boolean; holder: string | null };
  instance: { id: string; leases: string[] };
  leases: { name: string; holder: string; expiresAt: string }[];
}

describe('LoGoチャット on two full instances on PostgreSQL', function () {
  this.timeout(120_000);
  let pg: PgServer;
  let database: string;
  let server: FakeDirectServer;
  let one: RunningApp | undefined;
  let two: RunningApp | undefined;
  const health = async (app: RunningApp) => (await (await fetch(`${app.url}/healthz`)).json()) as Health;
  const count = () => server.callsOf('create_message').length;
  async function sentAfter(from: number, n: number): Promise<ClientCall[]> {
    await server.waitForCalls('create_message', from + n, 20_000);
    await sleep(SETTLE_MS);
    const sent = server.callsOf('create_message').slice(from);
    assert.equal(sent.length, n, sent.map((c) => JSON.stringify(String(c.params[2]))).join('\n'));
    return sent;
  }
  const { pairTalk, yamada } = DIRECT_IDS;
  const text = (content: string) => server.push({ talkId: pairTalk, userId: yamada, type: 1, content });
  const answer = (stamp: ClientCall, response: number | boolean) =>
    server.push({
      talkId: pairTalk,
      userId: yamada,
      type: typeof response === 'boolean' ? 501 : 503,
      content: {
        in_reply_to: FakeDirectServer.messageIdOf(stamp),
        ...(stamp.params[2] as object),
        response,
      } as Packed,
    });

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
    for (let i = 0; i < 100 && !(await health(one)).logo.ready; i++) await sleep(100);
    two = await startApp(env, { logoLeaseTtlMs: 2000 });
    await sleep(2000);
  });
  after(async () => {
    await one?.stop();
    await two?.stop();
    await server?.stop();
    await dropTestDatabase(pg, database);
  });

  it('names the holder of the LoGoチャット connection in /healthz on both instances', async () => {
    const a = one as RunningApp;
    const b = two as RunningApp;
    const [ha, hb] = [await health(a), await health(b)];
    const holder = a.app.leases.holder;
    assert.deepEqual([ha.logo.state, ha.logo.ready, ha.logo.holder], ['ready', true, holder]);
    assert.deepEqual([hb.logo.state, hb.logo.ready, hb.logo.holder], ['standby', false, holder]);
    // The first instance also runs the SLA watch (its lease).
    assert.deepEqual(ha.instance.leases, ['logo-chat', 'sla-watch']);
    assert.deepEqual(hb.instance.leases, []);
    assert.deepEqual(
      hb.leases.map((l) => [l.name, l.holder]),
      [
        ['logo-chat', holder],
        ['sla-watch', holder],
      ],
    );
    assert.equal(server.openConnections, 1);
  });

  it('delivers once, through the holder, an operator reply written on the standby instance', async () => {
    const a = one as RunningApp;
    const b = two as RunningApp;
    let from = count();
    text('自宅からVPNにつながりません');
    const [, yesno] = await sentAfter(from, 2);
    from = count();
    answer(yesno, false);
    const [, select] = await sentAfter(from, 2);
    from = count();
    answer(select, 0);
    await sentAfter(from, 1);
    from = count();
    text('在宅勤務用の端末で、朝からVPNの接続がタイムアウトします。');
    const [created] = await sentAfter(from, 2);
    const number = /HD-\d{4}-\d{6}/.exec(created.params[2] as string)?.[0] ?? '';
    assert.ok(number, String(created.params[2]));

    from = count();
    const stored = await b.app.operators.ticketService.reply(number, 'VPN装置を再起動しました。', 'admin');
    assert.equal(stored.deliveredAt, undefined, 'the standby leaves the reply queued');
    assert.equal(stored.deliveryError, undefined);
    const [delivered] = await sentAfter(from, 1);
    assert.equal(delivered.params[0], pairTalk);
    assert.match(delivered.params[2] as string, /VPN装置を再起動しました。/);
    const row = await a.app.dataSource.getRepository('ticket_comment').findOneByOrFail({ id: stored.id });
    assert.ok(row.deliveredAt instanceof Date);
    assert.equal(row.deliveryError, null);
    await sleep(2500);
    assert.equal(count(), from + 1, 'nothing sent twice');
  });
});
