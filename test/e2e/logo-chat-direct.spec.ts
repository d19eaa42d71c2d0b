/**
 * LoGoチャット in direct mode, end to end: the real app starts the UNMODIFIED direct-js client in a
 * child process, which logs in to the repo's loopback direct server (test/fakes/direct-server.ts).
 * Frame counts are exact: after the expected messages, the test waits longer than direct-js's
 * 550 ms send pacing and checks that nothing more was sent.
 */
import assert from 'node:assert/strict';
import { DIRECT_IDS, FakeDirectServer, idStr, type ClientCall } from '../fakes/direct-server';
import { startApp, type RunningApp } from '../helpers/start-app';

const TOKEN = 'loopback-token-0123456789';
const BOT = 'ヘルプデスクbot';
const { pairTalk, groupTalk, yamada, sato, domain } = DIRECT_IDS;
/** Longer than direct-js's 550 ms pacing plus its 200 ms dispatch delay. */
const SETTLE_MS = 700;

const LOGIN = [
  'create_session',
  'reset_notification',
  'get_domains',
  'get_account_control_requests',
  'get_joined_account_control_group',
  'get_announcement_statuses',
  'get_friends',
  'get_acquaintances',
  'get_domain_invites',
  'get_talks',
  'get_talk_statuses',
  'get_user_identifiers',
  'start_notification',
  'update_last_used_at',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LoGoチャット direct mode (direct-js child process against the loopback direct server)', function () {
  this.timeout(60_000);
  let server: FakeDirectServer;
  let kotae: RunningApp;

  /** Waits for exactly `n` more create_message frames after `from`, and returns them. */
  async function sentAfter(from: number, n: number): Promise<ClientCall[]> {
    await server.waitForCalls('create_message', from + n, 15_000);
    await sleep(SETTLE_MS);
    const sent = server.callsOf('create_message').slice(from);
    assert.equal(
      sent.length,
      n,
      JSON.stringify(
        sent.map((c) => c.params),
        replacer,
      ),
    );
    return sent;
  }
  const count = () => server.callsOf('create_message').length;
  const health = async () => ((await (await fetch(`${kotae.url}/healthz`)).json()) as { logo: any }).logo;
  const text = (talkId: bigint, userId: bigint, content: string, mention = false) =>
    server.push({ talkId, userId, type: 1, content, mention });
  const answer = (talkId: bigint, userId: bigint, stamp: ClientCall, response: number | boolean, messageId?: bigint) =>
    server.pushAnswer(talkId, userId, stamp, response, messageId);
  async function waitReady(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if ((await health()).ready) return;
      await sleep(100);
    }
    assert.fail(`logo not ready: ${JSON.stringify(await health())}`);
  }

  before(async () => {
    server = await FakeDirectServer.start({ token: TOKEN });
    kotae = await startApp({
      KOTAE_LOGO_MODE: 'direct',
      KOTAE_LOGO_ENDPOINT: server.endpoint,
      KOTAE_LOGO_TOKEN: TOKEN,
      KOTAE_LOGO_BOT_NAME: BOT,
    });
    await waitReady();
  });
  after(async () => {
    await kotae?.stop();
    await server?.stop();
  });

  it('logs in with the login sequence and reports ready in /healthz', async () => {
    assert.deepEqual(
      server.calls.slice(0, LOGIN.length).map((c) => c.method),
      LOGIN,
    );
    assert.deepEqual(server.calls[0].params, [TOKEN, '1.122', 'bot']);
    assert.deepEqual(await health(), {
      mode: 'direct',
      state: 'ready',
      ready: true,
      restarts: 0,
      holder: kotae.app.leases.holder,
    });
  });

  it('answers a pair-talk question with the sources as titles and URLs, then a yes/no stamp', async () => {
    const from = count();
    text(pairTalk, yamada, 'パスワードを忘れてしまいました。どうすればいいですか？');
    const [answerText, yesno] = await sentAfter(from, 2);
    assert.equal(answerText.params[0], pairTalk);
    assert.equal(answerText.params[1], 1);
    assert.match(answerText.params[2] as string, /参考資料:\n・.+\n {2}https?:\/\//);
    assert.deepEqual(yesno.params, [pairTalk, 500, { question: '解決しましたか？', listing: false }]);
    const [q] = await kotae.app.dataSource.getRepository('question').find({ order: { askedAt: 'DESC' }, take: 1 });
    assert.equal(q.text, 'パスワードを忘れてしまいました。どうすればいいですか？');
    assert.equal(q.channel, 'logo');
    assert.equal(q.requesterName, '住民課 山田');
    assert.equal(q.requesterId, idStr(yamada));
  });

  it('ignores a group message without a mention and answers one with a mention (markup stripped)', async () => {
    const from = count();
    text(groupTalk, sato, '自宅からVPNにつながりません');
    await sleep(SETTLE_MS);
    assert.equal(count(), from, 'nothing sent for a group message without a mention');
    text(groupTalk, sato, `{@:4294967396,10}@${BOT} 自宅からVPNにつながりません`, true);
    const sent = await sentAfter(from, 2);
    assert.deepEqual(
      sent.map((c) => [c.params[0], c.params[1]]),
      [
        [groupTalk, 1],
        [groupTalk, 500],
      ],
    );
    const [q] = await kotae.app.dataSource.getRepository('question').find({ order: { askedAt: 'DESC' }, take: 1 });
    assert.equal(q.text, '自宅からVPNにつながりません');
    assert.equal(q.requesterName, '税務課 佐藤');
  });

  it('offers candidates as a select stamp; picking one asks it; the yes/no answer is recorded as feedback', async () => {
    let from = count();
    text(pairTalk, yamada, 'メール');
    const [, select] = await sentAfter(from, 2);
    assert.equal(select.params[1], 502);
    const stamp = select.params[2] as { question: string; options: string[] };
    assert.equal(stamp.question, 'ご質問に近いものを選んでください。');
    assert.equal(stamp.options.length, 4);
    assert.equal(stamp.options[3], '担当者に問い合わせる');
    assert.ok(stamp.options.every((o) => o.length <= 64));

    from = count();
    answer(pairTalk, yamada, select, 1);
    const [, yesno] = await sentAfter(from, 2);
    assert.equal(yesno.params[1], 500);
    const [q] = await kotae.app.dataSource.getRepository('question').find({ order: { askedAt: 'DESC' }, take: 1 });
    assert.equal(q.text, stamp.options[1]);

    from = count();
    answer(pairTalk, yamada, yesno, true);
    const [thanks] = await sentAfter(from, 1);
    assert.match(thanks.params[2] as string, /ありがとう/);
    const feedback = await kotae.app.dataSource.getRepository('feedback').find();
    assert.equal(feedback.length, 1);
    assert.equal(feedback[0].resolved, true);
    assert.equal(feedback[0].questionId, q.id);
  });

  it('answers an old or unknown select politely without calling the core', async () => {
    const before = await kotae.app.dataSource.getRepository('question').count();
    const from = count();
    server.push({
      talkId: pairTalk,
      userId: yamada,
      type: 503,
      content: { in_reply_to: 12345n, question: '?', options: ['a'], response: 0 },
    });
    const [reply] = await sentAfter(from, 1);
    assert.equal(reply.params[2], 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。');
    assert.equal(await kotae.app.dataSource.getRepository('question').count(), before);
  });

  it('handles bad input: unknown types and stamps get a note in pair talks, nothing in groups; long questions are refused', async () => {
    const questions = await kotae.app.dataSource.getRepository('question').count();
    const note = 'スタンプやファイルには対応していません。質問は文章で送信してください。';
    const from = count();
    server.push({ talkId: pairTalk, userId: yamada, type: 999, content: { something: 'new' } });
    server.push({ talkId: groupTalk, userId: sato, type: 2, content: { stamp_set: 3, stamp_index: 1n } });
    server.push({ talkId: groupTalk, userId: sato, type: 999, content: { something: 'new' } });
    server.push({ talkId: pairTalk, userId: yamada, type: 2, content: { stamp_set: 3, stamp_index: 1n } });
    text(pairTalk, yamada, 'あ'.repeat(2001));
    const sent = await sentAfter(from, 3);
    assert.deepEqual(
      sent.map((c) => c.params),
      [
        [pairTalk, 1, note],
        [pairTalk, 1, note],
        [pairTalk, 1, '質問が長すぎます。2000文字以内で入力してください。'],
      ],
    );
    assert.equal(await kotae.app.dataSource.getRepository('question').count(), questions);
    assert.equal((await health()).ready, true);
  });

  it('escalates by select and the details as text; the ticket carries the LoGo identity', async () => {
    let from = count();
    text(pairTalk, yamada, '自宅からVPNにつながりません');
    const [, yesno] = await sentAfter(from, 2);
    from = count();
    answer(pairTalk, yamada, yesno, false);
    const [sorry, select] = await sentAfter(from, 2);
    assert.match(sorry.params[2] as string, /申し訳ありません/);
    assert.deepEqual(select.params[2], {
      question: '次の操作を選んでください。',
      options: ['担当者に問い合わせる'],
      listing: false,
    });
    from = count();
    answer(pairTalk, yamada, select, 0);
    const [ask] = await sentAfter(from, 1);
    assert.match(ask.params[2] as string, /内容/);
    from = count();
    text(pairTalk, yamada, '在宅勤務用の端末で、朝からVPNの接続がタイムアウトします。');
    const [created, statusSelect] = await sentAfter(from, 2);
    // The receipt offers お問い合わせ状況 as a select stamp.
    assert.deepEqual(statusSelect.params[2], {
      question: '次の操作を選んでください。',
      options: ['お問い合わせ状況'],
      listing: false,
    });
    const number = /HD-\d{4}-\d{6}/.exec(created.params[2] as string)?.[0];
    assert.ok(number, String(created.params[2]));
    // お問い合わせ状況 answers the requester's ticket with its state.
    from = count();
    answer(pairTalk, yamada, statusSelect, 0);
    const [status] = await sentAfter(from, 1);
    assert.match(status.params[2] as string, new RegExp(`^${number}「.+」\\n状態: 新規\\n`));
    const ticket = await kotae.app.dataSource.getRepository('ticket').findOneByOrFail({ number });
    assert.equal(ticket.channel, 'logo');
    assert.equal(ticket.requesterId, idStr(yamada));
    assert.equal(ticket.requesterName, '住民課 山田');
    assert.match(ticket.details, /タイムアウト/);
  });

  it('delivers an operator reply proactively into a new pair talk (create_pair_talk) for a group requester', async () => {
    let from = count();
    text(groupTalk, sato, `@${BOT} 複合機から印刷できません`, true);
    const [, yesno] = await sentAfter(from, 2);
    from = count();
    answer(groupTalk, sato, yesno, false);
    const [, select] = await sentAfter(from, 2);
    from = count();
    answer(groupTalk, sato, select, 0);
    await sentAfter(from, 1);
    from = count();
    text(groupTalk, sato, '3階の複合機です');
    const [created] = await sentAfter(from, 2);
    assert.equal(created.params[0], groupTalk);
    const number = /HD-\d{4}-\d{6}/.exec(created.params[2] as string)?.[0] ?? '';

    const talksBefore = server.callsOf('create_pair_talk').length;
    from = count();
    await kotae.app.operators.ticketService.reply(number, 'トナーを交換しました。もう一度お試しください。', 'admin');
    const [delivered] = await sentAfter(from, 1);
    const pairTalks = server.callsOf('create_pair_talk').slice(talksBefore);
    assert.equal(pairTalks.length, 1);
    assert.deepEqual(pairTalks[0].params, [domain, sato]);
    const newTalk = (pairTalks[0].result as { talk_id: bigint }).talk_id;
    assert.equal(delivered.params[0], newTalk);
    assert.match(delivered.params[2] as string, /トナーを交換しました/);
  });

  it('reconnects after the server closes with 1011 (same child, login repeated)', async () => {
    const sessions = server.callsOf('create_session').length;
    server.closeAll(1011, 'internal error');
    await server.waitForCalls('start_notification', 2, 15_000);
    assert.equal(server.callsOf('create_session').length, sessions + 1);
    await waitReady();
    const from = count();
    text(pairTalk, yamada, 'パスワードを忘れてしまいました。どうすればいいですか？');
    await sentAfter(from, 2);
    assert.equal((await health()).restarts, 0);
  });

  it('restarts the child after a "forcibly closed" close (direct-js exits)', async () => {
    const sessions = server.callsOf('create_session').length;
    server.closeAll(1000, 'forcibly closed');
    await server.waitUntil(() => server.callsOf('create_session').length === sessions + 1, 15_000, 'a new session');
    await waitReady();
    const h = await health();
    assert.equal(h.restarts, 1);
    assert.match(h.lastError, /connector exited \(code 1/);
    const from = count();
    text(pairTalk, yamada, 'パスワードを忘れてしまいました。どうすればいいですか？');
    await sentAfter(from, 2);
  });
});

function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `i64:${value}` : value;
}
