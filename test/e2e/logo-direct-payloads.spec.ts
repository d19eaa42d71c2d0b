/**
 * Every kind of payload the direct server (LoGoチャット's platform) can push, through the UNMODIFIED
 * direct-js client in Kotae's child process: the bot's own and other bots' messages, deleted messages and
 * note updates, unknown types and calls, text that looks like JSON, messages without words (control
 * characters, emoji, punctuation, a lone surrogate), 100 KB of text, messages direct-js cannot convert
 * (null or non-string content, no talk, no user, no payload), malformed frames (bytes that are not
 * MessagePack, str8, a text frame, a map), a message id delivered 200 times, a burst of 200 messages and a
 * message delivered after a reconnect. Each case asserts exactly what the server received; the last one
 * that the connection was never lost (one login per connection, no child restart).
 */
import assert from 'node:assert/strict';
import { DIRECT_IDS, type ClientCall } from '../fakes/direct-server';
import { encode, type Packed } from '../fakes/old-msgpack';
import {
  bigintReplacer as replacer,
  LOGO_BOT as BOT,
  logoDirectApp,
  sleep,
  SETTLE_MS,
} from '../helpers/logo-direct-app';

const TOKEN = 'loopback-token-payloads-0123456789';
const { pairTalk, groupTalk, yamada, sato, bot, domain } = DIRECT_IDS;
const MENTION = `{@:${bot},10}@${BOT}`;
const HIGH = 1n << 32n;
const suzuki = HIGH + 210n;
const tanaka = HIGH + 211n;

const PROMPT = 'ご質問の内容を文章で入力してください（例: 「パスワードを忘れました」）。';
const NOTE = 'スタンプやファイルには対応していません。質問は文章で送信してください。';
const TOO_LONG = '質問が長すぎます。2000文字以内で入力してください。';
const QUESTION = 'パスワードを忘れてしまいました。どうすればいいですか？';
const DROPPED = 'logo: payload direct-js could not read was dropped';

describe('LoGoチャット direct payloads: every shape the server can push', function () {
  this.timeout(180_000);
  const logo = logoDirectApp({
    token: TOKEN,
    users: [
      { id: suzuki, name: '会計課 鈴木' },
      { id: tanaka, name: '福祉課 田中' },
    ],
    waitMs: 20_000,
  });
  const { count, sentAfter, questions, lastQuestion, health, text } = logo;
  let seq = 0n;
  /** A new message id the way the server makes them (time-ordered: direct-js drops a message older than the talk's last). */
  const nextId = () => (BigInt(Date.now()) << 22n) + 2_000_000n + (seq = (seq + 1n) % 1_000_000n);

  const texts = (calls: ClientCall[]) => calls.map((c) => [c.params[0], c.params[1], c.params[2]]);
  const kinds = (calls: ClientCall[]) => calls.map((c) => [c.params[0], c.params[1]]);
  const droppedLogs = () => logo.kotae.logger.lines.filter((l) => l.msg === DROPPED).length;
  /** A notify_create_message body as the server sends it, with `fields` replacing (or nulling) any field. */
  const message = (fields: Record<string, Packed>): Record<string, Packed> => ({
    message_id: nextId(),
    talk_id: pairTalk,
    user_id: yamada,
    type: 1,
    content: QUESTION,
    created_at: BigInt(Date.now()),
    read_count: 0,
    mention: false,
    ...fields,
  });
  const pushMessage = (fields: Record<string, Packed>) =>
    logo.server.pushNotification('notify_create_message', message(fields));
  /** A pair-talk text whose `〓` (3 UTF-8 bytes) is replaced on the wire by ED A0 80: a lone surrogate (CESU-8). */
  const loneSurrogate = (content: string): Buffer => {
    const frame = encode([0, 900_001, 'notify_create_message', [message({ content })]]);
    Buffer.from([0xed, 0xa0, 0x80]).copy(frame, frame.indexOf(Buffer.from('〓')));
    return frame;
  };
  /** Asks QUESTION in the pair talk and checks it is answered exactly once (answer + yes/no stamp). */
  async function answeredOnce(): Promise<void> {
    const from = count();
    const asked = await questions();
    text(pairTalk, yamada, QUESTION);
    assert.deepEqual(kinds(await sentAfter(from, 2)), [
      [pairTalk, 1],
      [pairTalk, 500],
    ]);
    assert.equal(await questions(), asked + 1);
  }

  it("ignores the bot's own messages and other bots' messages", async () => {
    const from = count();
    pushMessage({ user_id: bot });
    pushMessage({ user_id: bot, talk_id: groupTalk, content: `${MENTION} ${QUESTION}`, mention: true });
    pushMessage({ user_id: bot, type: 502, content: { question: '解決しましたか？', options: ['はい'] } });
    pushMessage({
      user_id: sato,
      talk_id: groupTalk,
      content: `${MENTION} ${QUESTION}`,
      mention: true,
      bot_message: true,
    });
    await sentAfter(from, 0);
  });

  it('ignores deleted messages and note updates and deletions, in pair and group talks', async () => {
    const asked = await questions();
    const from = count();
    for (const talk_id of [pairTalk, groupTalk]) {
      pushMessage({ talk_id, type: 7, content: null });
      pushMessage({ talk_id, type: 7, content: {} });
      pushMessage({ talk_id, type: 9, content: { note_id: 5n } });
      pushMessage({ talk_id, type: 11, content: { note_id: 5n, title: '議事録' } });
    }
    await sentAfter(from, 0);
    assert.equal(await questions(), asked);
  });

  it('gives one note for unknown types, calls and conferences in a pair talk, nothing in a group', async () => {
    const asked = await questions();
    const shapes: Record<string, Packed>[] = [
      { type: 999, content: 'なにか新しい種類' },
      { type: 999, content: null },
      { type: 999, content: 42 },
      { type: 999, content: { something: 'new' } },
      { type: null, content: QUESTION },
      { type: 509, content: { conference_id: 5n } },
      { type: 600, content: { call_id: 5n } },
      { type: 601, content: { call_id: 5n } },
    ];
    for (const shape of shapes) {
      const from = count();
      pushMessage(shape);
      assert.deepEqual(texts(await sentAfter(from, 1)), [[pairTalk, 1, NOTE]], JSON.stringify(shape, replacer));
    }
    const from = count();
    for (const shape of shapes) pushMessage({ ...shape, talk_id: groupTalk, user_id: sato, mention: true });
    await sentAfter(from, 0);
    assert.equal(await questions(), asked);
  });

  it('asks a text that looks like JSON as typed', async () => {
    const from = count();
    text(pairTalk, yamada, `{"text": "${QUESTION}"}`);
    // Asked, not taken for a stamp: a tentative answer, the other candidates, the yes/no stamp.
    assert.deepEqual(kinds(await sentAfter(from, 3)), [
      [pairTalk, 1],
      [pairTalk, 502],
      [pairTalk, 500],
    ]);
    assert.equal((await lastQuestion()).text, `{"text": "${QUESTION}"}`);
  });

  it('prompts once for control characters, emoji, punctuation or a lone surrogate alone', async () => {
    const asked = await questions();
    for (const content of ['\u0001\u0007\u001b\u007f\u0085', '😀🙏👍🏻', '？！…。、', '\u200b〓\u3000']) {
      const from = count();
      if (content.includes('〓')) logo.server.pushRaw(loneSurrogate(content));
      else text(pairTalk, yamada, content);
      assert.deepEqual(texts(await sentAfter(from, 1)), [[pairTalk, 1, PROMPT]], JSON.stringify(content));
    }
    assert.equal(await questions(), asked);
  });

  it('asks a text with a lone surrogate inside once, without the broken character', async () => {
    const from = count();
    logo.server.pushRaw(loneSurrogate('パスワード〓を忘れてしまいました。'));
    assert.deepEqual(kinds(await sentAfter(from, 2)), [
      [pairTalk, 1],
      [pairTalk, 500],
    ]);
    assert.equal((await lastQuestion()).text, 'パスワードを忘れてしまいました。');
  });

  it('refuses 100 KB of text once in a pair talk and ignores it unmentioned in a group', async () => {
    const asked = await questions();
    const long = 'ネットワークにつながりません。'.repeat(7000);
    assert.ok(long.length > 100_000);
    const from = count();
    text(pairTalk, yamada, long);
    text(groupTalk, sato, long);
    assert.deepEqual(texts(await sentAfter(from, 1)), [[pairTalk, 1, TOO_LONG]]);
    assert.equal(await questions(), asked);
  });

  it('drops messages direct-js cannot convert and answers the next question once, on the same connection', async () => {
    const sessions = logo.server.callsOf('create_session').length;
    const dropped = droppedLogs();
    const from = count();
    pushMessage({ content: null });
    pushMessage({ content: { text: QUESTION } });
    pushMessage({ content: 12 });
    pushMessage({ type: 2, content: null });
    pushMessage({ type: 0, content: null });
    pushMessage({ type: 0, talk_id: groupTalk, content: { type: 'delete_talker' } });
    pushMessage({ talk_id: null });
    pushMessage({ user_id: null });
    logo.server.pushNotification('notify_create_message', 'not a message');
    logo.server.pushRaw(encode([0, 900_002, 'notify_create_message', []]));
    // Talk renamed (as a system message and as a talk update), an unknown notification: nothing to say.
    pushMessage({ type: 0, talk_id: groupTalk, content: { type: 'update_talk_name', name: '窓口' } });
    logo.server.pushNotification('notify_update_group_talk', {
      talk_id: groupTalk,
      domain_id: domain,
      type: 2,
      talk_name: '問い合わせ窓口（新）',
      user_ids: [bot, yamada, sato],
      updated_at: 2n,
    });
    logo.server.pushNotification('notify_something_new', { anything: [1, 2, 3] });
    await sentAfter(from, 0);
    assert.equal(droppedLogs() - dropped, 9);
    await answeredOnce();
    assert.equal(logo.server.callsOf('create_session').length, sessions);
    assert.equal((await health()).restarts, 0);
  });

  it('drops malformed frames and answers the next question once, on the same connection', async () => {
    const sessions = logo.server.callsOf('create_session').length;
    const dropped = droppedLogs();
    const from = count();
    logo.server.pushRaw(Buffer.from([0xc1, 0xff, 0x00, 0x13]));
    logo.server.pushRaw(encode([0, 900_003, 'notify_create_message', [message({})]]).subarray(0, 24));
    logo.server.pushRaw(
      Buffer.concat([
        Buffer.from([0x94, 0x00, 0xcd, 0x0b, 0xb8, 0xd9, 21]),
        Buffer.from('notify_create_message'),
        Buffer.from([0x90]),
      ]),
    );
    logo.server.pushRaw('{"jsonrpc": "2.0"}');
    logo.server.pushRaw(encode({ a: 1 }));
    logo.server.pushRaw(encode([7]));
    logo.server.pushRaw(encode([1, 424_242, null, true]));
    await sentAfter(from, 0);
    assert.equal(droppedLogs() - dropped, 5);
    await answeredOnce();
    assert.equal(logo.server.callsOf('create_session').length, sessions);
    assert.equal(logo.server.openConnections, 1);
    assert.equal((await health()).restarts, 0);
  });

  it('answers a message id delivered 200 times once, also when a redelivery carries other text', async () => {
    const asked = await questions();
    const from = count();
    const id = text(pairTalk, yamada, QUESTION);
    for (let i = 0; i < 199; i++) {
      logo.server.push({
        talkId: pairTalk,
        userId: yamada,
        type: 1,
        content: i % 2 ? QUESTION : '自宅からVPNにつながりません',
        messageId: id,
      });
    }
    assert.deepEqual(kinds(await sentAfter(from, 2)), [
      [pairTalk, 1],
      [pairTalk, 500],
    ]);
    assert.equal(await questions(), asked + 1);
  });

  it('in a burst of 200 messages, answers each question once and in order and ignores the chatter', async () => {
    const suzukiTalk = logo.server.openTalk(1, [suzuki]);
    const tanakaTalk = logo.server.openTalk(1, [tanaka]);
    await sleep(SETTLE_MS);
    const asked = await questions();
    const from = count();
    for (let i = 0; i < 200; i++) {
      if (i === 50) text(suzukiTalk, suzuki, QUESTION);
      else if (i === 120) text(tanakaTalk, tanaka, '自宅からVPNにつながりません');
      else if (i === 180) text(groupTalk, sato, `${MENTION} ${QUESTION}`, true);
      else text(groupTalk, i % 2 ? sato : yamada, `雑談 ${i}`);
    }
    const sent = await sentAfter(from, 6);
    for (const talk of [suzukiTalk, tanakaTalk, groupTalk]) {
      assert.deepEqual(
        sent.filter((c) => c.params[0] === talk).map((c) => c.params[1]),
        [1, 500],
        String(talk),
      );
    }
    assert.equal(await questions(), asked + 3);
  });

  it('answers once a question delivered right after a reconnect', async () => {
    const sessions = logo.server.callsOf('create_session').length;
    logo.server.closeAll(1011, 'internal error');
    await logo.server.waitForCalls('start_notification', sessions + 1, 20_000);
    for (let i = 0; i < 100 && !(await health()).ready; i++) await sleep(100);
    const from = count();
    pushMessage({ created_at: BigInt(Date.now() - 3000) });
    assert.deepEqual(kinds(await sentAfter(from, 2)), [
      [pairTalk, 1],
      [pairTalk, 500],
    ]);
    assert.equal(logo.server.callsOf('create_session').length, sessions + 1);
  });

  it('kept the connection: no child restart, one login per connection', async () => {
    const h = await health();
    assert.equal(h.ready, true);
    assert.equal(h.restarts, 0);
    assert.equal(logo.server.callsOf('create_session').length, logo.server.connections);
    assert.equal(logo.server.connections, 2);
  });
});
