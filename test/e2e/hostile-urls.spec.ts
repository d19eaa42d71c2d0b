/**
 * Hostile URLs found by `npm run bench:abuse`, on SQLite and PostgreSQL: a NUL (%00) in a path parameter
 * or the query reached PostgreSQL as text and answered 500; paths no router answers got express's English
 * HTML page; the Teams endpoint refused bad input with a bare code. Each now gets an exact Japanese 4xx.
 */
import assert from 'node:assert/strict';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { createTestDatabase, postgresServer } from '../helpers/postgres';
import { startApp, type RunningApp } from '../helpers/start-app';

const NUL_MESSAGE = 'URLに使用できない文字（NUL文字 %00）が含まれています。';
const NOT_FOUND = 'お探しのページは見つかりません。URLをご確認ください。';

async function envOf(kind: 'sqlite' | 'postgres'): Promise<Record<string, string>> {
  if (kind === 'sqlite') return {};
  const pg = await postgresServer();
  return {
    KOTAE_DB: 'postgres',
    KOTAE_PG_HOST: pg.host,
    KOTAE_PG_PORT: String(pg.port),
    KOTAE_PG_USER: pg.user,
    KOTAE_PG_PASSWORD: pg.password,
    KOTAE_PG_DATABASE: await createTestDatabase(pg),
  };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`hostile URLs (${kind})`, function () {
    this.timeout(180_000);
    let kotae: RunningApp;
    let admin: ConsoleSession;

    before(async () => {
      kotae = await startApp(await envOf(kind));
      admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    });
    after(() => kotae?.stop());

    async function send(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
      const res = await fetch(`${kotae.url}${path}`, { redirect: 'manual', ...init });
      const text = await res.text();
      return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
    }

    it('answers 400 with one Japanese message to a NUL in a path parameter or the query', async () => {
      const paths = [
        '/api/conversations/%00/tickets',
        '/console/tickets/%00',
        '/console/tickets?q=%00',
        '/console/api/tickets?status=open&q=a%00b',
        '/console/operations/terminals?q=%00',
        '/console/operations/campaigns/%00',
        '/console/registers/lending/items/%00',
      ];
      for (const path of paths) {
        const r = await send(path, { headers: { cookie: admin.cookie } });
        assert.equal(r.status, 400, path);
        assert.deepEqual(r.body, { error: { code: 'INPUT_INVALID', message: NUL_MESSAGE } }, path);
      }
    });

    it('refuses a POST with a NUL id before anything is written', async () => {
      const page = await admin.get('/console/tickets');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const before = await kotae.app.dataSource.getRepository('audit_log').count();
      const r = await send('/console/accounts/%00/role', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
        body: 'role=staff',
      });
      assert.equal(r.status, 400);
      assert.deepEqual(r.body, { error: { code: 'INPUT_INVALID', message: NUL_MESSAGE } });
      assert.equal(await kotae.app.dataSource.getRepository('audit_log').count(), before);
    });

    it('refuses a console form with a NUL in a field (500 on PostgreSQL) and writes nothing', async () => {
      const page = await admin.get('/console/tickets');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const templates = () => kotae.app.dataSource.getRepository('reply_template').count();
      const before = await templates();
      for (const path of ['/console/templates', '/console/registers/entries/1/withdraw']) {
        const r = await send(path, {
          method: 'POST',
          headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
          body: 'name=%E5%AE%9A%E5%9E%8B%00&body=a%00b&reason=x%00',
        });
        assert.equal(r.status, 400, path);
        assert.match(
          String(r.body),
          /入力に使用できない文字（NUL文字）が含まれています。その文字を除いて、もう一度送信してください。/,
          path,
        );
      }
      assert.equal(await templates(), before);
    });

    it('answers 404 in Japanese to paths no route answers', async () => {
      for (const path of ['/no-such-page', '/kb/%2e%2e/%2e%2e/etc/passwd', '/static/..%2F..%2Fpackage.json']) {
        const r = await send(path);
        assert.equal(r.status, 404, path);
        assert.deepEqual(r.body, { error: { code: 'NOT_FOUND', message: NOT_FOUND } }, path);
      }
      const api = await send('/api/no-such-route');
      assert.deepEqual(api, {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: '指定されたAPIはありません。' } },
      });
    });

    it('answers 400 to a multipart body cut off inside a file on every upload route, and stays up', async () => {
      const page = await admin.get('/console/tickets');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
      const boundary = 'cutOffBoundary';
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc`;
      const routes = ['/console/operations/terminals/import', '/console/knowledge/documents', '/console/fy-switch'];
      for (const path of routes) {
        const r = await send(path, {
          method: 'POST',
          headers: {
            cookie: admin.cookie,
            'x-csrf-token': csrf,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          body,
        });
        assert.equal(r.status, 400, path);
        // Each page says to choose the file again (「…ファイルを選んでください。」/「CSVファイルを選択してください。」).
        assert.match(String(r.body), /ファイルを(選んで|選択して)ください。/, path);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal((await send('/healthz')).status, 200);
    });

    it('answers the Teams endpoint 400 with a Japanese message to a body that is not an activity', async () => {
      const r = await send('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[1,2]',
      });
      assert.equal(r.status, 400);
      assert.deepEqual(r.body, {
        error: 'INPUT_INVALID',
        message:
          'リクエストの形式が正しくありません（Bot Framework のアクティビティ（JSON オブジェクト）を送ってください）。',
      });
    });
  });
}
