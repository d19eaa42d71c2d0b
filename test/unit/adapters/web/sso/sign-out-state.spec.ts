import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { keepSignOutState, newSignOutState, redeemSignOutState } from '../../../../../adapters/web/sso/sign-out-state';

describe('sign-out state (the signed-out page believes only the state this browser was sent away with)', () => {
  let url: string;
  let close: () => void;
  before(async () => {
    const app = express();
    app.get('/keep', (req, res) => {
      keepSignOutState(res, String(req.query.state), true);
      res.end();
    });
    app.get('/redeem', (req, res) => res.json({ target: redeemSignOutState(req, res, true) ?? null }));
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  after(() => close());

  const redeem = async (state: string | undefined, cookie?: string) => {
    const query = state === undefined ? '' : `?state=${encodeURIComponent(state)}`;
    const res = await fetch(`${url}/redeem${query}`, { headers: cookie ? { cookie } : {} });
    const { target } = (await res.json()) as { target: string | null };
    return [target, res.headers.getSetCookie()];
  };
  const SPENT = 'kotae_signout=; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=0; Secure';

  it('is the target and 32 random bytes, new each time', () => {
    const [a, b] = [newSignOutState('console'), newSignOutState('chat')];
    assert.match(a, /^console\.[A-Za-z0-9_-]{43}$/);
    assert.match(b, /^chat\.[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newSignOutState('chat').split('.')[1], b.split('.')[1]);
  });

  it('is kept in a SameSite=Lax cookie under /auth for 15 minutes', async () => {
    const res = await fetch(`${url}/keep?state=chat.abc`);
    assert.deepEqual(res.headers.getSetCookie(), [
      'kotae_signout=chat.abc; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=900; Secure',
    ]);
  });

  it("answers the target only for the state of the browser's cookie, and spends the cookie", async () => {
    const state = newSignOutState('chat');
    assert.deepEqual(await redeem(state, `kotae_signout=${state}`), ['chat', [SPENT]]);
    const other = newSignOutState('console');
    assert.deepEqual(await redeem(state, `kotae_signout=${other}`), [null, [SPENT]], 'another sign-out');
    assert.deepEqual(await redeem('console', 'kotae_signout=console'), [null, [SPENT]], 'a bare target');
    assert.deepEqual(await redeem('admin.x', 'kotae_signout=admin.x'), [null, [SPENT]], 'no such target');
    assert.deepEqual(await redeem(undefined, `kotae_signout=${state}`), [null, [SPENT]], 'no state');
    assert.deepEqual(await redeem(state), [null, []], 'no cookie (opened elsewhere): nothing to spend');
  });
});
