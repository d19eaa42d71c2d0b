/**
 * Two open pages of one web chat conversation sending at the same instant: each response's `X-Kotae-Lines` names
 * exactly the lines its own message wrote (its question and its answer), never the other page's (SQLite and
 * PostgreSQL; the store tells each write where its lines landed instead of the request diffing the history).
 */
import assert from 'node:assert/strict';
import { startApp, type RunningApp } from '../helpers/start-app';
import { emptyTestDb, type EmptyTestDb } from '../helpers/databases';
import { pgAppEnv, postgresServer } from '../helpers/postgres';

const FIRST = 'パスワードを忘れてしまいました';
const TABS = ['VPNにつながらない', 'プリンターで印刷できない', 'メールが送れない', 'Wi-Fiにつながらない'];

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`web chat: pages sending at the same instant name only their own lines (real app, ${kind})`, function () {
    this.timeout(120_000);
    let db: EmptyTestDb | undefined;
    let kotae: RunningApp;

    before(async () => {
      if (kind === 'postgres') db = await emptyTestDb('postgres');
      const env = db?.config.kind === 'postgres' ? pgAppEnv(await postgresServer(), db.config.database) : ({} as const);
      kotae = await startApp(env);
    });
    after(async () => {
      await kotae?.stop();
      await db?.drop();
    });

    async function ask(body: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${kotae.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, lines: res.headers.get('x-kotae-lines'), body: (await res.json()) as any };
    }

    it('names for each of four messages sent at once its question and its answer, each line named once', async () => {
      const first = await ask({ question: FIRST });
      assert.deepEqual([first.status, first.lines], [200, '0,1']);
      const id: string = first.body.conversationId;
      const secret = { 'x-kotae-conversation-token': first.body.conversationToken };
      const sent = await Promise.all(TABS.map((question) => ask({ conversationId: id, question }, secret)));
      const history = await fetch(`${kotae.url}/api/conversations/${id}/messages`, { headers: secret });
      const messages = ((await history.json()) as any).messages as { index: number; role: string; text: string }[];
      assert.equal(messages.length, 2 + 2 * TABS.length);
      for (const [i, res] of sent.entries()) {
        assert.equal(res.status, 200);
        const named = (res.lines ?? '').split(',').map(Number);
        assert.deepEqual(
          named.map((index) => [messages[index].role, messages[index].text]),
          [
            ['user', TABS[i]],
            ['bot', res.body.answer],
          ],
        );
      }
      const all = sent.flatMap((res) => (res.lines ?? '').split(',').map(Number)).sort((a, b) => a - b);
      assert.deepEqual(all, [2, 3, 4, 5, 6, 7, 8, 9]);
    });
  });
}
