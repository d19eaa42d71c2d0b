/**
 * Two full Kotae instances on one PostgreSQL database, both configured for LoGoチャット direct mode:
 * /healthz on both names the instance holding the connection; a ticket opened from LoGoチャット and
 * answered by an operator on the standby instance reaches the requester exactly once, sent by the
 * holder (the standby leaves it queued, the holder picks it up within seconds).
 */
import assert from 'node:assert/strict';
import { DIRECT_IDS } from '../fakes/direct-server';
import type { RunningApp } from '../helpers/start-app';
import { sleep } from '../helpers/logo-direct-app';
import { logoOnTwoInstances } from '../helpers/logo-two-instances';

interface Health {
  logo: { state: string; ready: boolean; holder: string | null };
  instance: { id: string; leases: string[] };
  leases: { name: string; holder: string; expiresAt: string }[];
}

describe('LoGoチャット on two full instances on PostgreSQL', function () {
  this.timeout(120_000);
  const instances = logoOnTwoInstances({ standbySettleMs: 2000 });
  const { count, sentAfter, text, answer } = instances;
  const health = (app: RunningApp): Promise<Health> => instances.health(app);
  const { pairTalk } = DIRECT_IDS;

  it('names the holder of the LoGoチャット connection in /healthz on both instances', async () => {
    const a = instances.one as RunningApp;
    const b = instances.two;
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
    assert.equal(instances.server.openConnections, 1);
  });

  it('delivers once, through the holder, an operator reply written on the standby instance', async () => {
    const a = instances.one as RunningApp;
    const b = instances.two;
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
