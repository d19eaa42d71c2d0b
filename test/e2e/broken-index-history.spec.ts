/**
 * The web chat's questions while the knowledge index cannot be loaded, on the real app: each refused question is
 * written into the conversation's history once with the refusal the requester read (a retry with the message's
 * key is answered the same and writes nothing), a reload reads them, and 担当者に問い合わせる opens exactly one
 * ticket titled by the question, whose transcript and console page hold it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SqlTicketStore } from '../../db';
import { currentIndexDir } from '../../ingest';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'x-kotae-conversation-token';
const KEY = 'idempotency-key';
const UNREADABLE = 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。';
const MASKED = '※ 個人情報と思われる内容（電話番号）は記録せずに伏せ字にしました。個人情報は入力しないでください。';
const CONTACT = { name: '試験 花子', department: '情報政策課', phone: '内線 2345' };

describe('refused questions in the web chat history (knowledge index unreadable)', function () {
  this.timeout(240_000);
  const data = tempDir('kotae-broken-index-history-');
  let kotae: RunningApp;

  before(async function () {
    this.timeout(240_000);
    const first = await startApp({ KOTAE_DATA_DIR: data.dir }, { keepDataDir: true });
    await first.stop();
    fs.writeFileSync(path.join(currentIndexDir(data.dir) as string, 'chunks.json'), '[{"id": "FAQ-');
    kotae = await startApp({ KOTAE_DATA_DIR: data.dir }, { keepDataDir: true });
  });
  after(async () => {
    await kotae?.stop();
    data.cleanup();
  });

  const history = async (id: string, token: string) => {
    const res = await fetch(`${kotae.url}/api/conversations/${id}/messages?after=0`, { headers: { [TOKEN]: token } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { messages: { role: string; text: string }[]; lastAnswer?: unknown };
    return { lines: body.messages.map((m) => [m.role, m.text]), lastAnswer: body.lastAnswer };
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await kotae.app.dataSource.query(sql, params))[0].n);

  it('writes each refused question once, and the ticket opened from them holds the question', async () => {
    const first = { question: 'パスワードを忘れました', user: CONTACT };
    const refused = await postJson(`${kotae.url}/api/ask`, first, { [KEY]: 'history-key-first-0001' });
    assert.equal(refused.status, 503);
    const { conversationId, conversationToken } = refused.body as { conversationId: string; conversationToken: string };
    // The same message sent again with its key (a lost response): the same answer, the same conversation, no line.
    const again = await postJson(`${kotae.url}/api/ask`, first, { [KEY]: 'history-key-first-0001' });
    assert.deepEqual([again.status, again.body], [503, refused.body]);
    assert.equal(await count('SELECT count(*) AS n FROM "conversation"'), 1);

    const second = await postJson(
      `${kotae.url}/api/ask`,
      { question: 'プリンターが動きません。折り返しは 090-1234-5678 へ', conversationId },
      { [TOKEN]: conversationToken, [KEY]: 'history-key-second-001' },
    );
    assert.deepEqual(
      [second.status, second.body.error, second.body.actions],
      [503, { code: 'KB_INDEX_CORRUPT', message: `${MASKED}\n\n${UNREADABLE}` }, ['escalate']],
    );

    // A reload reads both exchanges, each once, the personal data masked; no answer to restore.
    const reloaded = await history(conversationId, conversationToken);
    assert.deepEqual(reloaded, {
      lines: [
        ['user', 'パスワードを忘れました'],
        ['bot', UNREADABLE],
        ['user', 'プリンターが動きません。折り返しは ［電話番号］ へ'],
        ['bot', `${MASKED}\n\n${UNREADABLE}`],
      ],
      lastAnswer: undefined,
    });
    // Refusals are not questions of the usage log.
    assert.equal(await count('SELECT count(*) AS n FROM "question"'), 0);

    // 担当者に問い合わせる with empty details, pressed twice: one ticket, titled by the newest question.
    const escalation = { conversationId, user: CONTACT };
    const ticket = await postJson(`${kotae.url}/api/tickets`, escalation, { [TOKEN]: conversationToken });
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
    const repeated = await postJson(`${kotae.url}/api/tickets`, escalation, { [TOKEN]: conversationToken });
    assert.deepEqual([repeated.status, repeated.body.number], [200, ticket.body.number]);
    const rows = (await kotae.app.dataSource.query('SELECT "id", "number", "title", "details" FROM "ticket"')) as {
      id: string;
      number: string;
      title: string;
      details: string;
    }[];
    assert.deepEqual(
      rows.map(({ number, title, details }) => ({ number, title, details })),
      [{ number: ticket.body.number, title: 'プリンターが動きません。折り返しは ［電話番号］ へ', details: '' }],
    );
    const copy = await new SqlTicketStore(kotae.app.dataSource, () => new Date()).transcript(rows[0]!.id);
    assert.deepEqual(
      copy.map((l) => [l.role, l.text]),
      reloaded.lines,
    );
    const admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const page = (await admin.get(`/console/tickets/${ticket.body.number}`)).text;
    assert.equal(page.split('パスワードを忘れました').length - 1, 1);
    assert.match(page, /プリンターが動きません。折り返しは ［電話番号］ へ/);

    // The history goes on with the escalation's line after the refused questions.
    const after = await history(conversationId, conversationToken);
    assert.deepEqual(after.lines.slice(0, 4), reloaded.lines);
    assert.equal(after.lines.length, 6);
    assert.deepEqual(
      after.lines.slice(4).map(([role, text]) => [role, text!.includes(ticket.body.number)]),
      [
        ['system', true],
        ['system', true],
      ],
    );
  });
});
