/**
 * One-time keys of console replies and notes (issue 17 point 5), on SQLite and on PostgreSQL (there with
 * two instances on one database): the same key posted twice, one after the other or at once (on both
 * instances), writes one comment, delivers one reply to the requester's web chat, and answers both POSTs
 * with 303 to the same place; a form without a key still works; a malformed or overlong key is a Japanese
 * 400 that writes nothing; the key reused for other text is refused on the page.
 */
import assert from 'node:assert/strict';
import { SqlWriteKeys } from '../../db';
import { formKey, signInConsole, type ConsoleSession } from '../helpers/console-client';
import { countRowsLike, startInstancePair, type InstancePair } from '../helpers/instance-pair';
import { postJson, type RunningApp } from '../helpers/start-app';

const CONTACT = { name: '山田 花子', department: '総務課', phone: '内線 1234' };
const KEY_INVALID = '送信キーが正しくありません。画面を再読み込みしてから、もう一度送信してください。';
const KEY_REUSED = 'この画面からは既に送信済みです。画面を再読み込みしてから、もう一度送信してください。';

interface Posted {
  status: number;
  location: string;
  text: string;
}

/** Posts a console form exactly as given (cookie, CSRF token and fields), not following the redirect. */
async function postForm(url: string, session: ConsoleSession, fields: Record<string, string>): Promise<Posted> {
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`console write keys on ${kind}`, function () {
    this.timeout(120_000);
    let one: RunningApp;
    let two: RunningApp;
    let session: ConsoleSession;
    let number: string;
    let pair: InstancePair | undefined;

    before(async () => {
      pair = await startInstancePair(kind);
      ({ one, two } = pair);
      const asked = await postJson(`${one.url}/api/ask`, { question: 'VPNにつながりません', user: CONTACT });
      assert.equal(asked.status, 200);
      const escalated = await postJson(
        `${one.url}/api/tickets`,
        { conversationId: asked.body.conversationId, details: '朝から接続できません', user: CONTACT },
        { 'x-kotae-conversation-token': asked.body.conversationToken },
      );
      assert.equal(escalated.status, 201);
      number = escalated.body.number as string;
      session = await signInConsole(one.url, 'admin', 'e2e-admin-password');
    });
    after(async () => {
      await pair?.stop();
    });

    /** The CSRF token and the one-time key of the form posting to `action` on the ticket's page. */
    async function form(action: 'reply' | 'note'): Promise<{ csrf: string; key: string }> {
      const page = await session.get(`/console/tickets/${number}`);
      assert.equal(page.status, 200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const key = formKey(page.text, `/tickets/${number}/${action}`);
      assert.match(key ?? '', /^[0-9a-f-]{36}$/);
      return { csrf, key: key! };
    }

    const comments = (marker: string) => countRowsLike(one.app.dataSource, 'ticket_comment', 'body', marker);
    const webLines = (marker: string) => countRowsLike(one.app.dataSource, 'transcript_entry', 'text', marker);
    const detail = () => `/console/tickets/${number}?notice=replied`;

    it('writes a reply posted twice with one key once, delivers it once, and answers both alike', async () => {
      const { csrf, key } = await form('reply');
      const fields = { _csrf: csrf, _key: key, body: '返信A-一度だけ VPNの設定を確認しました。' };
      const first = await postForm(`${one.url}/console/tickets/${number}/reply`, session, fields);
      const again = await postForm(`${two.url}/console/tickets/${number}/reply`, session, fields);
      assert.deepEqual([first.status, first.location, again.status, again.location], [303, detail(), 303, detail()]);
      assert.equal(await comments('返信A-一度だけ'), 1);
      assert.equal(await webLines('返信A-一度だけ'), 1, 'one line in the requester web chat');
      assert.equal(await countRowsLike(one.app.dataSource, 'write_key', 'writeKey', key), 1);
    });

    it('writes a reply posted at once on both instances with one key once', async () => {
      for (let round = 0; round < 3; round += 1) {
        const { csrf, key } = await form('reply');
        const marker = `返信B${round}-同時`;
        const fields = { _csrf: csrf, _key: key, body: `${marker} 再起動をお願いします。` };
        const answers = await Promise.all(
          [one, two, one, two].map((app) => postForm(`${app.url}/console/tickets/${number}/reply`, session, fields)),
        );
        assert.deepEqual(
          answers.map((a) => [a.status, a.location]),
          Array.from({ length: 4 }, () => [303, detail()]),
        );
        assert.equal(await comments(marker), 1);
        assert.equal(await webLines(marker), 1);
      }
    });

    it('still takes a reply without a key (a page rendered before keys), each post written', async () => {
      const { csrf } = await form('reply');
      const fields = { _csrf: csrf, body: '返信C-キーなし 確認しました。' };
      const first = await postForm(`${one.url}/console/tickets/${number}/reply`, session, fields);
      const second = await postForm(`${two.url}/console/tickets/${number}/reply`, session, fields);
      assert.deepEqual([first.status, second.status], [303, 303]);
      assert.equal(await comments('返信C-キーなし'), 2);
    });

    it('refuses a malformed or overlong key with a Japanese 400 and writes nothing', async () => {
      const { csrf } = await form('reply');
      for (const bad of ['x'.repeat(65), 'short', '<script>alert(1)</script>-aaaaaaaaaa', 'キー'.repeat(10)]) {
        for (const action of ['reply', 'note']) {
          const posted = await postForm(`${one.url}/console/tickets/${number}/${action}`, session, {
            _csrf: csrf,
            _key: bad,
            body: '返信D-不正キー',
          });
          assert.equal(posted.status, 400, `${action} ${bad}`);
          assert.ok(posted.text.includes(KEY_INVALID), posted.text.slice(0, 300));
        }
      }
      assert.equal(await comments('返信D-不正キー'), 0);
    });

    it('refuses a used key with other text on the page, keeping what was typed, and writes nothing', async () => {
      const { csrf, key } = await form('reply');
      const url = `${one.url}/console/tickets/${number}/reply`;
      assert.equal((await postForm(url, session, { _csrf: csrf, _key: key, body: '返信E-最初' })).status, 303);
      const reused = await postForm(url, session, { _csrf: csrf, _key: key, body: '返信E-別の文面' });
      assert.deepEqual([reused.status, reused.location], [303, `/console/tickets/${number}`]);
      const page = await session.get(`/console/tickets/${number}`);
      assert.ok(page.text.includes(KEY_REUSED));
      assert.ok(page.text.includes('返信E-別の文面'), 'the typed text is kept');
      assert.deepEqual([await comments('返信E-最初'), await comments('返信E-別の文面')], [1, 0]);
    });

    it('writes a note posted twice with one key (also at once) once', async () => {
      const { csrf, key } = await form('note');
      const fields = { _csrf: csrf, _key: key, body: 'メモF-一度だけ 端末を交換予定。' };
      const answers = await Promise.all(
        [one, two, one].map((app) => postForm(`${app.url}/console/tickets/${number}/note`, session, fields)),
      );
      const location = `/console/tickets/${number}?notice=noted`;
      assert.deepEqual(
        answers.map((a) => [a.status, a.location]),
        Array.from({ length: 3 }, () => [303, location]),
      );
      assert.equal(await comments('メモF-一度だけ'), 1);
      assert.equal(await webLines('メモF-一度だけ'), 0, 'a note never reaches the requester');
    });

    it('forgets keys older than a day (the retention job purges them)', async () => {
      const writeKeys = new SqlWriteKeys(one.app.dataSource);
      assert.equal(await writeKeys.purgeBefore(new Date(Date.now() - 86_400_000)), 0);
      const kept = await countRowsLike(one.app.dataSource, 'write_key', 'writeKey', '');
      assert.ok(kept >= 6, `${kept} keys`);
      assert.equal(await writeKeys.purgeBefore(new Date(Date.now() + 60_000)), kept);
      assert.equal(await countRowsLike(one.app.dataSource, 'write_key', 'writeKey', ''), 0);
    });
  });
}
