/**
 * LoGoチャット message shapes beyond the ones logo-chat-direct.spec.ts sends: stamps (with and without
 * text), files (one, several, with a comment), locations, tasks, closings, system messages (join, enter,
 * leave), deleted messages, new talks, text without words, NUL and emoji, 30,000 characters, a user without a
 * display name, redeliveries and stamp answers from the wrong member. The payloads are in
 * test/fixtures/logo-extra (each file's `_source` names the direct-js or hubot-direct code it follows) and go
 * through the UNMODIFIED direct-js client in Kotae's child process, as in production. Counts are exact: after
 * the expected messages the test waits longer than direct-js's send pacing and checks nothing more came.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECT_IDS, idStr, type ClientCall } from '../fakes/direct-server';
import type { Packed } from '../fakes/old-msgpack';
import { LOGO_BOT as BOT, logoDirectApp, sleep, SETTLE_MS } from '../helpers/logo-direct-app';

const TOKEN = 'loopback-token-shapes-0123456789';
const FIXTURES = join(__dirname, '..', 'fixtures', 'logo-extra');
const { pairTalk, groupTalk, yamada, sato, bot } = DIRECT_IDS;
/** The bot's mention markup as the server sends it (direct-js shows it as `@<name>`). */
const MENTION = `{@:${bot},10}@${BOT}`;
const HIGH = 1n << 32n;
/** A member whose profile has no display name, and members who have not talked with the bot yet. */
const nameless = HIGH + 202n;
const suzuki = HIGH + 203n;
const tanaka = HIGH + 204n;
const kato = HIGH + 205n;
/** A member the server never listed to the bot (joined after the login): direct-js has no profile of them. */
const stranger = HIGH + 206n;

const PROMPT = 'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。';
const NOTE = 'スタンプやファイルには対応していません。質問は文章で送信してください。';
const STALE = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const NOT_YOURS = 'この選択肢は質問した方のみ選べます。ご自身の質問はボットにメンションしてお送りください。';
const FILES_NOT_READ = '添付ファイルの内容は読み取れないため、文章の内容にお答えします。';
const TOO_LONG = '質問が長すぎます。2000文字以内で入力してください。';
const QUESTION = 'パスワードを忘れてしまいました。どうすればいいですか？';

/** A fixture's `{type, content}`, its `"i64:<n>"` strings made int64 (bigint) as the server encodes them. */
function fixture(name: string): { type: number; content: Packed } {
  const raw = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'), (_key, value: unknown) =>
    typeof value === 'string' && /^i64:-?\d+$/.test(value) ? BigInt(value.slice(4)) : value,
  ) as { type: number; content: Packed };
  return { type: raw.type, content: raw.content };
}

describe('LoGoチャット message shapes (test/fixtures/logo-extra through direct-js)', function () {
  this.timeout(120_000);
  const logo = logoDirectApp({
    token: TOKEN,
    users: [
      { id: nameless, name: null },
      { id: suzuki, name: '会計課 鈴木' },
      { id: tanaka, name: '福祉課 田中' },
      { id: kato, name: '市民課 加藤' },
    ],
  });
  const { count, sentAfter, questions, lastQuestion, health, text } = logo;

  const texts = (calls: ClientCall[]) => calls.map((c) => [c.params[0], c.params[1], c.params[2]]);
  const shape = (name: string, talkId: bigint, userId: bigint, mention = false) =>
    logo.server.push({ talkId, userId, ...fixture(name), mention });
  const answer = (talkId: bigint, userId: bigint, stamp: ClientCall, response: number | boolean, messageId?: bigint) =>
    logo.server.pushAnswer(talkId, userId, stamp, response, messageId);

  it('answers a message without words in a pair talk with one note, and stays silent in a group talk', async () => {
    const before = await questions();
    const wordless = [
      'stamp.json',
      'original-stamp.json',
      'file.json',
      'files-one-without-text.json',
      'files-multiple.json',
      'geo.json',
      'location-text.json',
      'yesno-from-user.json',
      'todo.json',
      'note-created.json',
    ];
    for (const name of wordless) {
      const from = count();
      shape(name, pairTalk, yamada);
      assert.deepEqual(texts(await sentAfter(from, 1)), [[pairTalk, 1, NOTE]], name);
    }
    const from = count();
    for (const name of wordless) shape(name, groupTalk, sato);
    await sentAfter(from, 0);
    assert.equal(await questions(), before);
  });

  it('answers the words of a stamp with text and of files with a comment, once each', async () => {
    let from = count();
    shape('stamp-with-text.json', pairTalk, yamada);
    let [answerText, yesno] = await sentAfter(from, 2);
    assert.equal(answerText.params[0], pairTalk);
    assert.match(answerText.params[2] as string, /参考資料:/);
    assert.deepEqual(yesno.params, [pairTalk, 500, { question: '解決しましたか？', listing: false }]);
    assert.equal((await lastQuestion()).text, QUESTION);

    from = count();
    shape('files-with-text.json', pairTalk, yamada);
    [answerText, yesno] = await sentAfter(from, 2);
    assert.ok((answerText.params[2] as string).startsWith(`${FILES_NOT_READ}\n\n`), String(answerText.params[2]));
    assert.match(answerText.params[2] as string, /職員証/);
    assert.equal(yesno.params[1], 500);
    assert.equal((await lastQuestion()).text, '印刷ボタンを押しても複合機から印刷されません。');

    // In a group talk the comment carries the mention markup; the server marks the mention.
    from = count();
    const files = fixture('files-with-text.json');
    const content = files.content as { text: string };
    logo.server.push({
      talkId: groupTalk,
      userId: sato,
      type: files.type,
      content: { ...content, text: `${MENTION} ${content.text}` },
      mention: true,
    });
    [answerText] = await sentAfter(from, 2);
    assert.equal(answerText.params[0], groupTalk);
    assert.equal((await lastQuestion()).requesterName, '税務課 佐藤');
  });

  it('sends nothing for task completions, closings and answers to stamps of others', async () => {
    const before = await questions();
    const from = count();
    shape('todo-done.json', pairTalk, yamada);
    shape('select-closed.json', pairTalk, yamada);
    shape('todo-done.json', groupTalk, sato);
    shape('select-closed.json', groupTalk, sato);
    // 佐藤 answers a yes/no stamp 山田 posted in the group (not the bot's).
    logo.server.push({
      talkId: groupTalk,
      userId: sato,
      type: 501,
      content: { in_reply_to: 7533589230715409997n, question: '明日の研修は予定どおりですか？', response: true },
    });
    await sentAfter(from, 0);
    assert.equal(await questions(), before);
  });

  it('sends nothing for join, enter and leave system messages and a deleted message', async () => {
    const from = count();
    shape('system-add-talkers.json', groupTalk, yamada);
    shape('system-delete-talker.json', groupTalk, yamada);
    const id = text(groupTalk, yamada, '削除されるメッセージ');
    logo.server.pushNotification('notify_delete_message', [groupTalk, id]);
    await sentAfter(from, 0);
    assert.equal((await health()).ready, true);
  });

  it('answers once in a pair talk and a group talk it has not seen before (notify_create_*_talk first)', async () => {
    let from = count();
    const newPair = logo.server.openTalk(1, [suzuki]);
    await sleep(SETTLE_MS);
    text(newPair, suzuki, QUESTION);
    const sent = await sentAfter(from, 2);
    assert.deepEqual(
      sent.map((c) => [c.params[0], c.params[1]]),
      [
        [newPair, 1],
        [newPair, 500],
      ],
    );
    const conversation = await logo.kotae.app.dataSource
      .getRepository('conversation')
      .findOneByOrFail({ channelKey: `logo|${idStr(DIRECT_IDS.domain)}|${idStr(suzuki)}` });
    assert.equal(JSON.parse(conversation.channelRef as string).pairTalkId, idStr(newPair));

    from = count();
    const newGroup = logo.server.openTalk(2, [yamada, suzuki]);
    await sleep(SETTLE_MS);
    text(newGroup, suzuki, '自宅からVPNにつながりません');
    await sentAfter(from, 0);
    text(newGroup, suzuki, `${MENTION} 自宅からVPNにつながりません`, true);
    const [first] = await sentAfter(from, 2);
    assert.equal(first.params[0], newGroup);
  });

  it('prompts once for words: spaces and line breaks, zero-width characters, a bare mention', async () => {
    const before = await questions();
    for (const [talkId, userId, content, mention] of [
      [pairTalk, yamada, ' \n\u3000\t ', false],
      [pairTalk, yamada, '\u200b\u200c\u200d\u2060\ufeff', false],
      [groupTalk, sato, MENTION, true],
      [groupTalk, sato, `${MENTION} \u200b\n`, true],
    ] as const) {
      const from = count();
      text(talkId, userId, content, mention);
      assert.deepEqual(texts(await sentAfter(from, 1)), [[talkId, 1, PROMPT]], JSON.stringify(content));
    }
    assert.equal(await questions(), before);
  });

  it('asks a question with emoji and surrogate pairs once; direct-js ends a text at a NUL', async () => {
    // A member's first question (no earlier one to read it as a follow-up of). direct-js's MessagePack
    // decoder (haxe.io.Bytes.getString) stops a string at the first NUL byte: the rest never reaches Kotae.
    const talk = logo.server.openTalk(1, [tanaka]);
    await sleep(SETTLE_MS);
    const from = count();
    text(talk, tanaka, 'パスワードを忘れてしまいました😢🙇‍♂️𠮷\u0000（ここから先は届かない）');
    const [answerText, yesno] = await sentAfter(from, 2);
    assert.deepEqual([answerText.params[0], yesno.params[1]], [talk, 500]);
    assert.match(answerText.params[2] as string, /パスワードリセット申請フォーム/);
    assert.equal((await lastQuestion()).text, 'パスワードを忘れてしまいました😢🙇‍♂️𠮷');
  });

  it('refuses 30,000 characters with the length message, once, and asks nothing', async () => {
    const before = await questions();
    const from = count();
    text(pairTalk, yamada, 'ネットワークにつながりません。'.repeat(2000));
    assert.deepEqual(texts(await sentAfter(from, 1)), [[pairTalk, 1, TOO_LONG]]);
    assert.equal(await questions(), before);
  });

  it('answers a member without a display name once (requester without a name)', async () => {
    const from = count();
    text(groupTalk, nameless, `${MENTION} ${QUESTION}`, true);
    await sentAfter(from, 2);
    const q = await lastQuestion();
    assert.equal(q.text, QUESTION);
    assert.equal(q.requesterId, idStr(nameless));
    assert.equal(q.requesterName ?? null, null);
  });

  it('answers a member direct-js has no profile of once, without losing the connection', async () => {
    const from = count();
    text(groupTalk, stranger, `${MENTION} 自宅からVPNにつながりません`, true);
    const [first] = await sentAfter(from, 2);
    assert.equal(first.params[0], groupTalk);
    const q = await lastQuestion();
    assert.deepEqual(
      [q.text, q.requesterId, q.requesterName ?? null],
      ['自宅からVPNにつながりません', idStr(stranger), null],
    );
    assert.equal((await health()).restarts, 0);
  });

  it('does not answer an @ALL announcement in a group, but answers @ALL with the bot named', async () => {
    const from = count();
    text(groupTalk, yamada, '{@:ALL,4}@ALL 本日17時から庁内ネットワークのメンテナンスを行います。', true);
    await sentAfter(from, 0);
    text(groupTalk, yamada, `{@:ALL,4}@ALL ${MENTION} 自宅からVPNにつながりません`, true);
    const [first] = await sentAfter(from, 2);
    assert.equal(first.params[0], groupTalk);
    assert.equal((await lastQuestion()).text, '自宅からVPNにつながりません');
  });

  it('answers a redelivered message id once, and a redelivered stamp answer once', async () => {
    const before = await questions();
    let from = count();
    const id = text(pairTalk, yamada, QUESTION);
    logo.server.push({ talkId: pairTalk, userId: yamada, type: 1, content: QUESTION, messageId: id });
    const [, yesno] = await sentAfter(from, 2);
    assert.equal(await questions(), before + 1);

    from = count();
    const answerId = answer(pairTalk, yamada, yesno, true);
    answer(pairTalk, yamada, yesno, true, answerId);
    const [thanks] = await sentAfter(from, 1);
    assert.match(thanks.params[2] as string, /ありがとう/);
  });

  it('in a group, refuses a select answered by another member with one notice; the asker picks; a second pick is ignored', async () => {
    const group = logo.server.openTalk(2, [suzuki, kato]);
    await sleep(SETTLE_MS);
    const conversations = () => logo.kotae.app.dataSource.getRepository('conversation').count();
    const before = await conversations();
    let from = count();
    text(group, suzuki, `${MENTION} メール`, true);
    const [, select] = await sentAfter(from, 2);
    assert.equal(select.params[1], 502);
    const stamp = select.params[2] as { options: string[] };

    from = count();
    answer(group, kato, select, 0);
    assert.deepEqual(texts(await sentAfter(from, 1)), [[group, 1, NOT_YOURS]]);
    // 加藤's press asked nothing and opened no conversation for 加藤.
    assert.equal(await conversations(), before);

    from = count();
    answer(group, suzuki, select, 1);
    await sentAfter(from, 2);
    assert.equal((await lastQuestion()).text, stamp.options[1]);

    from = count();
    answer(group, suzuki, select, 2);
    await sentAfter(from, 0);
  });

  it('in a pair talk, a yes/no answered twice is recorded once; the second answer is told it expired', async () => {
    let from = count();
    text(pairTalk, yamada, QUESTION);
    const [, yesno] = await sentAfter(from, 2);
    const feedback = await logo.kotae.app.dataSource.getRepository('feedback').count();
    from = count();
    answer(pairTalk, yamada, yesno, true);
    await sentAfter(from, 1);
    from = count();
    answer(pairTalk, yamada, yesno, false);
    assert.deepEqual(texts(await sentAfter(from, 1)), [[pairTalk, 1, STALE]]);
    assert.equal(await logo.kotae.app.dataSource.getRepository('feedback').count(), feedback + 1);
  });

  it('kept the connection: ready, no restart, no child exit', async () => {
    const h = await health();
    assert.equal(h.ready, true);
    assert.equal(h.restarts, 0);
    assert.equal(logo.server.callsOf('create_session').length, 1);
  });
});
