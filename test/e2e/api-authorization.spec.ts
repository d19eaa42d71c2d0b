/**
 * The JSON API is the staff side: it needs no console account, and a console session neither opens
 * nor closes anything there. Every API route × signed-out / staff / operator / auditor / admin.
 */
import assert from 'node:assert/strict';
import { signInConsole } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

type Who = 'signed-out' | 'staff' | 'operator' | 'auditor' | 'admin';

describe('API authorization matrix on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  const cookies: Record<Who, string> = { 'signed-out': '', staff: '', operator: '', auditor: '', admin: '' };
  const password = 'api-matrix-password-1';

  before(async () => {
    kotae = await startApp();
    for (const role of ['staff', 'operator', 'auditor'] as const) {
      await kotae.app.operators.accounts.create({ username: `${role}1`, displayName: role, role, password }, 'test');
      cookies[role] = (await signInConsole(kotae.url, `${role}1`, password)).cookie;
    }
    cookies.admin = (await signInConsole(kotae.url, 'admin', 'e2e-admin-password')).cookie;
  });
  after(() => kotae?.stop());

  async function call(method: 'GET' | 'POST', path: string, who: Who, body?: unknown, token?: string): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (cookies[who]) headers.cookie = cookies[who];
    if (token) headers['x-kotae-conversation-token'] = token;
    const res = await fetch(`${kotae.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  }

  for (const who of ['signed-out', 'staff', 'operator', 'auditor', 'admin'] as const) {
    it(`serves every API route the same way ${who}`, async () => {
      const ask = await fetch(`${kotae.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookies[who] ? { cookie: cookies[who] } : {}) },
        body: JSON.stringify({ question: 'プリンタで印刷できない' }),
      });
      assert.equal(ask.status, 200);
      const { conversationId, conversationToken: token } = (await ask.json()) as {
        conversationId: string;
        conversationToken: string;
      };
      const user = { name: '試験 花子', department: '情報政策課', phone: '内線 2345' };
      assert.equal(await call('GET', '/healthz', who), 200);
      assert.equal(await call('POST', '/api/feedback', who, { conversationId, resolved: false }, token), 200);
      assert.equal(await call('POST', '/api/tickets', who, { conversationId, details: '至急', user }, token), 201);
      assert.equal(await call('GET', `/api/conversations/${conversationId}/messages`, who, undefined, token), 200);
      // Without the page's secret a conversation is not found, whoever asks (a console session opens nothing).
      assert.equal(await call('GET', `/api/conversations/${conversationId}/messages`, who), 404);
      assert.equal(await call('POST', '/api/feedback', who, { conversationId, resolved: true }), 404);
      assert.equal(await call('POST', '/api/tickets', who, { conversationId: 'unknown' }), 404);
      assert.equal(await call('GET', '/api/conversations/unknown/messages', who), 404);
      assert.equal(await call('POST', '/api/messages', who, { type: 'conversationUpdate' }), 400);
      assert.equal(await call('GET', '/api/no-such-route', who), 404);
    });
  }
});
