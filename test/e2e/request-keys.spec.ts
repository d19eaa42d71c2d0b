/**
 * Keyed POSTs of the web chat and the console forms (issue 17), on SQLite and on PostgreSQL (there with
 * two instances on one database): a question, a message to an open ticket, an upload, a 作業実績 form or
 * a register entry sent twice with one key — one after the other or at once on both instances — is
 * answered alike and written once; two keys write twice; the same key of another conversation
 * is another key; a malformed or overlong key is a Japanese 400 that writes nothing; a key reused for
 * other content is refused.
 */
import assert from 'node:assert/strict';
import { SqlRequestKeys } from '../../db';
import { formKey, signInConsole, type ConsoleSession } from '../helpers/console-client';
import { countRowsLike, startInstancePair, type InstancePair } from '../helpers/instance-pair';
import { postJson, type RunningApp } from '../helpers/start-app';

const CONTACT = { name: '山田 花子', department: '総務課', phone: '内線 1234' };
const TOKEN = 'x-kotae-conversation-token';
const KEY_INVALID = '送信キーが正しくありません。画面を再読み込みしてから、もう一度送信してください。';
const KEY_REUSED = 'この画面からは既に送信済みです。画面を再読み込みしてから、もう一度送信してください。';

/** A fresh key as the web chat makes one (32 hex digits). */
function newKey(): string {
  return Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

/** The raw bytes of a one-file multipart upload with a fixed boundary (a retry sends the same bytes). */
function multipart(fileName: string, content: string): { type: string; body: Buffer } {
  const boundary = `----kotae${newKey()}`;
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return { type: `multipart/form-data; boundary=${boundary}`, body };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`keyed web chat and console POSTs on ${kind}`, function () {
    this.timeout(120_000);
    let one: RunningApp;
    let two: RunningApp;
    let session: ConsoleSession;
    let pair: InstancePair | undefined;

    before(async () => {
      pair = await startInstancePair(kind, { KOTAE_ATTACHMENT_MAX_BYTES: '4096' });
      ({ one, two } = pair);
      session = await signInConsole(one.url, 'admin', 'e2e-admin-password');
    });
    after(async () => {
      await pair?.stop();
    });

    const rows = (table: string, column: string, marker: string) =>
      countRowsLike(one.app.dataSource, table, column, marker);

    /** A new web conversation: its id and secret. */
    async function conversation(): Promise<{ id: string; secret: Record<string, string> }> {
      const asked = await postJson(`${one.url}/api/ask`, { question: 'プリンタで印刷できない', user: CONTACT });
      assert.equal(asked.status, 200);
      return { id: asked.body.conversationId as string, secret: { [TOKEN]: asked.body.conversationToken as string } };
    }

    /** POST /api/ask on `app` with the key. */
    const ask = (app: RunningApp, body: unknown, key: string, secret: Record<string, string> = {}) =>
      postJson(`${app.url}/api/ask`, body, { ...secret, 'idempotency-key': key });

    it('answers a question sent twice with one key alike and logs it once; two keys log it twice', async () => {
      const conv = await conversation();
      const body = { question: '質問A-一度だけ パスワードを忘れました', conversationId: conv.id };
      const key = newKey();
      const first = await ask(one, body, key, conv.secret);
      const again = await ask(two, body, key, conv.secret);
      assert.equal(first.status, 200);
      assert.deepEqual(again, first);
      assert.equal(await rows('question', 'text', '質問A-一度だけ'), 1);
      assert.equal(await rows('transcript_entry', 'text', '質問A-一度だけ'), 1);
      const other = await ask(two, body, newKey(), conv.secret);
      assert.equal(other.status, 200);
      assert.equal(await rows('question', 'text', '質問A-一度だけ'), 2);
    });

    it('starts one conversation for a first message sent twice with one key, giving both the same secret', async () => {
      const body = { question: '質問B-最初の一言 メールが届きません', user: CONTACT };
      const key = newKey();
      const first = await ask(one, body, key);
      const again = await ask(two, body, key);
      assert.equal(first.status, 200);
      assert.deepEqual(again, first);
      assert.match(first.body.conversationToken as string, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(await rows('question', 'text', '質問B-最初の一言'), 1);
    });

    it('logs a question sent at once on both instances with one key once, every answer alike', async () => {
      for (let round = 0; round < 3; round += 1) {
        const conv = await conversation();
        const marker = `質問C${round}-同時`;
        const body = { question: `${marker} VPNにつながりません`, conversationId: conv.id };
        const key = newKey();
        const answers = await Promise.all([one, two, one, two].map((app) => ask(app, body, key, conv.secret)));
        assert.equal(answers[0]!.status, 200);
        for (const a of answers.slice(1)) assert.deepEqual(a, answers[0]);
        assert.equal(await rows('question', 'text', marker), 1);
      }
    });

    it('adds a message to the open ticket once when sent twice (also at once) with one key', async () => {
      const conv = await conversation();
      const escalated = await postJson(
        `${one.url}/api/tickets`,
        { conversationId: conv.id, details: '朝から印刷できません', user: CONTACT },
        conv.secret,
      );
      assert.equal(escalated.status, 201);
      const body = { question: '追記D-一度だけ 別のプリンタでも同じです', conversationId: conv.id };
      const key = newKey();
      const answers = await Promise.all([one, two, one].map((app) => ask(app, body, key, conv.secret)));
      assert.equal(answers[0]!.status, 200);
      for (const a of answers.slice(1)) assert.deepEqual(a, answers[0]);
      assert.equal(await rows('ticket_comment', 'body', '追記D-一度だけ'), 1);
      assert.equal(await rows('transcript_entry', 'text', '追記D-一度だけ'), 1);
      const second = await ask(two, body, newKey(), conv.secret);
      assert.equal(second.status, 200);
      assert.equal(await rows('ticket_comment', 'body', '追記D-一度だけ'), 2);
    });

    it('opens one separate ticket and records one feedback when each is sent twice (also at once) with one key', async () => {
      const conv = await conversation();
      const first = await postJson(
        `${one.url}/api/tickets`,
        { conversationId: conv.id, details: '分離L-最初', user: CONTACT },
        conv.secret,
      );
      assert.equal(first.status, 201);
      const body = { conversationId: conv.id, details: '分離L-別件 プリンタとは別です', user: CONTACT, separate: true };
      const key = newKey();
      const answers = await Promise.all(
        [one, two, one].map((app) =>
          postJson(`${app.url}/api/tickets`, body, { ...conv.secret, 'idempotency-key': key }),
        ),
      );
      assert.equal(answers[0]!.status, 201);
      for (const a of answers.slice(1)) assert.deepEqual(a, answers[0]);
      assert.equal(await rows('ticket', 'details', '分離L-別件'), 1);
      const feedbackKey = newKey();
      const feedback = { conversationId: conv.id, resolved: false, comment: '分離L-感想' };
      const said = await Promise.all(
        [two, one].map((app) =>
          postJson(`${app.url}/api/feedback`, feedback, { ...conv.secret, 'idempotency-key': feedbackKey }),
        ),
      );
      assert.equal(said[0]!.status, 200);
      assert.deepEqual(said[1], said[0]);
      assert.equal(await rows('feedback', 'comment', '分離L-感想'), 1);
    });

    it('keeps keys apart per conversation: the same key in another conversation is written there', async () => {
      const a = await conversation();
      const b = await conversation();
      const key = newKey();
      const question = '質問E-別の会話 Teamsに入れません';
      const first = await ask(one, { question, conversationId: a.id }, key, a.secret);
      const other = await ask(two, { question, conversationId: b.id }, key, b.secret);
      assert.deepEqual([first.status, other.status], [200, 200]);
      assert.deepEqual([first.body.conversationId, other.body.conversationId], [a.id, b.id]);
      assert.equal(await rows('question', 'text', '質問E-別の会話'), 2);
      // Without the conversation's secret the key replays nothing: the usual 404.
      const stranger = await ask(one, { question, conversationId: a.id }, key, b.secret);
      assert.equal(stranger.status, 404);
    });

    it('refuses a malformed or overlong key with a Japanese 400 and writes nothing', async () => {
      const conv = await conversation();
      for (const bad of ['x'.repeat(65), 'short', '<script>alert(1)</script>-aaaaaaaaaa', 'キー'.repeat(10)]) {
        const asked = await fetch(`${one.url}/api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...conv.secret, 'idempotency-key': encodeURI(bad) },
          body: JSON.stringify({ question: '質問F-不正キー', conversationId: conv.id }),
        });
        assert.equal(asked.status, 400, bad);
        assert.deepEqual(await asked.json(), { error: { code: 'INPUT_INVALID', message: KEY_INVALID } });
        const { type, body } = multipart('不正キー.txt', 'x');
        const up = await fetch(`${one.url}/api/conversations/${conv.id}/attachments`, {
          method: 'POST',
          headers: { 'content-type': type, ...conv.secret, 'idempotency-key': encodeURI(bad) },
          body: new Uint8Array(body),
        });
        assert.equal(up.status, 400, bad);
        assert.equal(((await up.json()) as { error: { message: string } }).error.message, KEY_INVALID);
      }
      assert.equal(await rows('question', 'text', '質問F-不正キー'), 0);
      assert.equal(await rows('attachment', 'fileName', '不正キー'), 0);
    });

    it('refuses a key reused for another question with 409 and writes nothing', async () => {
      const conv = await conversation();
      const key = newKey();
      const first = await ask(one, { question: '質問G-最初', conversationId: conv.id }, key, conv.secret);
      assert.equal(first.status, 200);
      const reused = await ask(two, { question: '質問G-別の文面', conversationId: conv.id }, key, conv.secret);
      assert.deepEqual(reused, { status: 409, body: { error: { code: 'CONFLICT', message: KEY_REUSED } } });
      assert.deepEqual(
        [await rows('question', 'text', '質問G-最初'), await rows('question', 'text', '質問G-別の文面')],
        [1, 0],
      );
    });

    /** Sends the upload `bytes` with `key` to `app`. */
    async function upload(
      app: RunningApp,
      conv: { id: string; secret: Record<string, string> },
      file: ReturnType<typeof multipart>,
      key: string,
    ) {
      const res = await fetch(`${app.url}/api/conversations/${conv.id}/attachments`, {
        method: 'POST',
        headers: { 'content-type': file.type, ...conv.secret, 'idempotency-key': key },
        body: new Uint8Array(file.body),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    }

    it('stores an upload sent twice (also at once) with one key once, answering alike; two keys store two', async () => {
      const conv = await conversation();
      const file = multipart('添付H-一度だけ.txt', 'ping: timeout');
      const key = newKey();
      const answers = await Promise.all([one, two, one, two].map((app) => upload(app, conv, file, key)));
      assert.equal(answers[0]!.status, 201);
      for (const a of answers.slice(1)) assert.deepEqual(a, answers[0]);
      assert.equal(await rows('attachment', 'fileName', '添付H-一度だけ'), 1);
      const again = await upload(two, conv, file, newKey());
      assert.equal(again.status, 201);
      assert.equal(await rows('attachment', 'fileName', '添付H-一度だけ'), 2);
    });

    /** The CSRF token and the one-time key of the 作業実績 form on /console/worklogs. */
    async function workLogForm(): Promise<{ csrf: string; key: string }> {
      const page = await session.get('/console/worklogs');
      assert.equal(page.status, 200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const key = formKey(page.text, '/worklogs');
      assert.match(key ?? '', /^[0-9a-f-]{36}$/);
      return { csrf, key: key! };
    }

    const postForm = async (app: RunningApp, fields: Record<string, string>) => {
      const res = await fetch(`${app.url}/console/worklogs`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
    };

    const workLog = (title: string) => ({
      startedAt: '2026-12-01T09:00',
      endedAt: '2026-12-01T09:30',
      operatorName: '佐藤 一郎',
      title,
      content: 'プリンタのドライバを入れ直した',
    });

    it('writes a 作業実績 form posted twice (also at once on both instances) with one key once', async () => {
      for (let round = 0; round < 2; round += 1) {
        const { csrf, key } = await workLogForm();
        const title = `作業I${round}-一度だけ`;
        const answers = await Promise.all(
          [one, two, one, two].map((app) => postForm(app, { _csrf: csrf, _key: key, ...workLog(title) })),
        );
        assert.deepEqual(
          answers.map((a) => [a.status, a.location]),
          Array.from({ length: 4 }, () => [303, '/console/worklogs?notice=worklog']),
        );
        assert.equal(await rows('work_log', 'title', title), 1);
      }
      const { csrf, key } = await workLogForm();
      assert.equal((await postForm(one, { _csrf: csrf, _key: key, ...workLog('作業I0-一度だけ') })).status, 303);
      assert.equal(await rows('work_log', 'title', '作業I0-一度だけ'), 2, 'another key (page) writes again');
    });

    it('refuses a 作業実績 key reused for other content, and a malformed one, writing nothing', async () => {
      const { csrf, key } = await workLogForm();
      assert.equal((await postForm(one, { _csrf: csrf, _key: key, ...workLog('作業J-最初') })).status, 303);
      const reused = await postForm(two, { _csrf: csrf, _key: key, ...workLog('作業J-別の内容') });
      assert.equal(reused.status, 409);
      assert.ok(reused.text.includes(KEY_REUSED), reused.text.slice(0, 300));
      const bad = await postForm(one, { _csrf: csrf, _key: 'x'.repeat(65), ...workLog('作業J-不正キー') });
      assert.equal(bad.status, 400);
      assert.ok(bad.text.includes(KEY_INVALID), bad.text.slice(0, 300));
      assert.deepEqual(
        [
          await rows('work_log', 'title', '作業J-最初'),
          await rows('work_log', 'title', '作業J-別の内容'),
          await rows('work_log', 'title', '作業J-不正キー'),
        ],
        [1, 0, 0],
      );
    });

    it('issues a register entry posted twice (also at once on both instances) with one key once, alike', async () => {
      const page = await session.get('/console/registers');
      assert.equal(page.status, 200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const key = formKey(page.text, '/registers/issue');
      assert.match(key ?? '', /^[0-9a-f-]{36}$/);
      const fields = {
        _csrf: csrf,
        _key: key!,
        kind: 'ip',
        value: '10.20.30.40',
        department: '情報政策課',
        requester: '沼津 花子',
        reason: '台帳K-一度だけ',
      };
      const answers = await Promise.all(
        [one, two, one].map(async (app) => {
          const res = await fetch(`${app.url}/console/registers/issue`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(fields).toString(),
          });
          return [res.status, res.headers.get('location')];
        }),
      );
      assert.equal(answers[0]![0], 303);
      assert.deepEqual(answers, [answers[0], answers[0], answers[0]]);
      assert.equal(await rows('register_entry', 'issueReason', '台帳K-一度だけ'), 1);
    });

    it('generates a report posted twice with one key once (one audit entry), answering alike', async () => {
      const page = await session.get('/console/reports');
      assert.equal(page.status, 200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const key = formKey(page.text, '/reports/generate');
      assert.match(key ?? '', /^[0-9a-f-]{36}$/);
      const fields = { _csrf: csrf, _key: key!, kind: 'monthly', period: '2026-05' };
      const answers: [number, string | null][] = [];
      for (const app of [one, two]) {
        const res = await fetch(`${app.url}/console/reports/generate`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        });
        answers.push([res.status, res.headers.get('location')]);
      }
      assert.deepEqual(answers, [
        [303, '/console/reports/monthly/2026-05'],
        [303, '/console/reports/monthly/2026-05'],
      ]);
      assert.equal(await rows('audit_log', 'target', 'monthly-2026-05'), 1);
    });

    it('forgets keys older than a day (the retention job purges them)', async () => {
      const store = new SqlRequestKeys(one.app.dataSource);
      assert.equal(await store.purgeBefore(new Date(Date.now() - 86_400_000)), 0);
      const kept = await countRowsLike(one.app.dataSource, 'request_key', 'requestKey', '');
      assert.ok(kept >= 14, `${kept} keys`);
      assert.equal(await store.purgeBefore(new Date(Date.now() + 60_000)), kept);
    });
  });
}
