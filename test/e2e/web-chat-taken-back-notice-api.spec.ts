/**
 * A reloaded web chat shows 「お問い合わせ HD-… への追記を取り消しました。ボットへの質問としてお答えします。」 (or, when an
 * operator had replied, 「…取り消さずに残しています。…」) above the answer ボットに質問する got live: the question log
 * keeps what the withdrawal did (`question.takenBack`), and the history gives that answer line, and no other, its
 * `notice`.
 */
import assert from 'node:assert/strict';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { conversationHistory } from '../helpers/web-chat-history';

const FIRST = '明日の天気を教えて';
const ADDED = 'パスワードを忘れてしまいました';
const withdrawn = (n: string) => `お問い合わせ ${n} への追記を取り消しました。ボットへの質問としてお答えします。`;
const kept = (n: string) =>
  `担当者がすでに返信しているため、お問い合わせ ${n} への追記は取り消さずに残しています。ボットへの質問としてもお答えします。`;

describe('web chat history: the ボットに質問する notice on the answer it was shown with (real app, JSON API)', function () {
  this.timeout(60_000);
  let kotae: RunningApp;

  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  const history = (id: string, secret: Record<string, string>, query?: string) =>
    conversationHistory(kotae.url, id, secret, query);

  /** A conversation with a ticket and `text` added to it; returns what ボットに質問する needs. */
  async function addedToTicket(text: string) {
    const first = await postJson(`${kotae.url}/api/ask`, { question: FIRST });
    const id: string = first.body.conversationId;
    const secret = { 'x-kotae-conversation-token': first.body.conversationToken };
    const user = { name: '試験 花子', department: '情報政策課', phone: '内線 2345' };
    const ticket = await postJson(`${kotae.url}/api/tickets`, { conversationId: id, details: '天気', user }, secret);
    const number: string = ticket.body.number;
    assert.match(number, /^HD-\d{4}-\d{6}$/);
    const added = await postJson(`${kotae.url}/api/ask`, { question: text, conversationId: id }, secret);
    assert.ok(added.body.answer.includes(`お問い合わせ ${number} に追記しました。`), added.body.answer);
    return {
      id,
      secret,
      number,
      pendingText: added.body.pendingText as string,
      first: first.body.answer as string,
      added: added.body.answer as string,
    };
  }

  async function askBot(id: string, secret: Record<string, string>, pendingText: string) {
    const res = await postJson(
      `${kotae.url}/api/ask`,
      { question: pendingText, conversationId: id, intent: 'question' },
      secret,
    );
    assert.equal(res.status, 200);
    return res.body as { answer: string; outcome: string };
  }

  it('gives the withdrawal notice to the answer ボットに質問する got, and to no other line, on every page', async () => {
    const { id, secret, number, pendingText, added, first } = await addedToTicket(ADDED);
    assert.equal(pendingText, ADDED);
    const answered = await askBot(id, secret, pendingText);
    assert.equal(answered.answer.startsWith(`${withdrawn(number)}\n\n`), true);

    const rows = await kotae.app.dataSource
      .getRepository<{ conversationId: string; text: string; takenBack: string | null; askedAt: Date }>('question')
      .find({ where: { conversationId: id }, order: { askedAt: 'ASC' } });
    assert.deepEqual(
      rows.map((q) => [q.text, q.takenBack]),
      [
        [FIRST, null],
        [ADDED, `withdrawn:${number}`],
      ],
    );

    const all = await history(id, secret);
    const noticed = all.messages.filter((l) => 'notice' in l);
    assert.equal(noticed.length, 1);
    const line = noticed[0]!;
    assert.deepEqual(
      [line.role, line.notice, line.text, line.outcome, all.messages[line.index - 1]!.text],
      ['bot', withdrawn(number), answered.answer.slice(`${withdrawn(number)}\n\n`.length), answered.outcome, ADDED],
    );
    // The first answer, the ticket's and the addition's acknowledgements: no notice.
    assert.deepEqual(
      all.messages.map((l) => [l.role, l.text === first || l.text === added, l.notice]),
      [
        ['user', false, undefined],
        ['bot', true, undefined],
        ['system', false, undefined],
        ['user', false, undefined],
        ['system', true, undefined],
        ['user', false, undefined],
        ['bot', false, withdrawn(number)],
      ],
    );
    for (const after of [line.index - 1, line.index]) {
      const later = await history(id, secret, `after=${after}`);
      assert.deepEqual(
        later.messages.filter((l) => 'notice' in l).map((l) => [l.index, l.notice]),
        [[line.index, withdrawn(number)]],
      );
    }
    assert.deepEqual(
      (await history(id, secret, `after=${line.index - 2}`)).messages.filter((l) => 'notice' in l).length,
      1,
    );
  });

  it('gives the kept notice to the answer when an operator had replied to the message', async () => {
    const { id, secret, number, pendingText } = await addedToTicket(ADDED);
    const operator = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const page = `/console/tickets/${number}`;
    assert.equal((await operator.post(`${page}/reply`, { body: '確認します。' }, page)).status, 303);
    const answered = await askBot(id, secret, pendingText);
    const notice = kept(number);
    assert.equal(answered.answer.startsWith(`${notice}\n\n`), true, answered.answer);

    const noticed = (await history(id, secret)).messages.filter((l) => 'notice' in l);
    assert.deepEqual(
      noticed.map((l) => [l.role, l.notice, l.text]),
      [['bot', notice, answered.answer.slice(`${notice}\n\n`.length)]],
    );
  });
});
