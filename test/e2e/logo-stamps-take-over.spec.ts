/**
 * Open stamps survive a take-over (direct mode): two full Kotae instances on one PostgreSQL database, the first
 * holding the LoGoチャット connection. The 「解決しましたか？」 stamp it posted is answered after it stopped and the
 * standby took the connection: the feedback is recorded exactly once and the user gets exactly the normal reply
 * (not 「この選択肢は有効期限が切れています…」); the select and the "send the details" step go on on the new holder;
 * a stamp made stale by a newer reply still gets the expired note. Real direct-js child, loopback direct server.
 */
import assert from 'node:assert/strict';
import type { ClientCall } from '../fakes/direct-server';
import type { RunningApp } from '../helpers/start-app';
import { sleep } from '../helpers/logo-direct-app';
import { logoOnTwoInstances } from '../helpers/logo-two-instances';

const STALE = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';

describe('LoGoチャット: an open stamp answered after the holder stopped and the standby took over (PostgreSQL)', function () {
  this.timeout(120_000);
  const instances = logoOnTwoInstances();
  const { count, sentAfter, text, answer } = instances;
  const ready = async (app: RunningApp): Promise<boolean> => (await instances.health(app)).logo.ready;
  const body = (call: ClientCall) => call.params[2];
  const feedback = () => (instances.one ?? instances.two).app.dataSource.getRepository('feedback').find();

  it('records the feedback once and answers normally on the new holder; the escalation goes on there', async () => {
    assert.equal(await ready(instances.one as RunningApp), true);
    assert.equal(await ready(instances.two), false);
    let from = count();
    text('自宅からVPNにつながりません');
    const [, yesno] = await sentAfter(from, 2);
    assert.deepEqual(body(yesno), { question: '解決しましたか？', listing: false });

    await instances.stopOne();
    const b = instances.two;
    for (let i = 0; i < 200 && !(await ready(b)); i++) await sleep(100);
    assert.equal(await ready(b), true, 'the standby took the connection');
    assert.equal(instances.server.openConnections, 1);

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
