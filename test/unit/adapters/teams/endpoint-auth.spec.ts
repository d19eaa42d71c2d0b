import assert from 'node:assert/strict';
import { isLoopbackAddress } from '../../../../adapters/teams';
import { personalEnvelope } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';
import { FakeJwks } from '../../../fakes/teams-jwks';

const TENANT = '11111111-2222-3333-4444-555555555555';
const APP_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('Teams endpoint: authentication', () => {
  describe('isLoopbackAddress', () => {
    it('accepts 127.0.0.0/8 and ::1 only', () => {
      for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])
        assert.equal(isLoopbackAddress(a), true, a);
      for (const a of [
        '10.0.0.1',
        '192.168.1.10',
        '::ffff:10.0.0.1',
        'fe80::1',
        '::',
        '',
        undefined,
        'localhost',
        '128.0.0.1',
      ]) {
        assert.equal(isLoopbackAddress(a), false, String(a));
      }
    });
  });

  describe('with credentials (JWT required)', () => {
    let h: TeamsHarness;
    let jwks: FakeJwks;
    before(async () => {
      jwks = new FakeJwks(TENANT);
      await jwks.start();
    });
    after(async () => jwks.stop());
    beforeEach(async () => {
      h = await startTeamsHarness({
        auth: {
          tenantId: TENANT,
          clientId: APP_ID,
          clientSecret: 'not-used-in-this-test',
          authorityEndpoint: jwks.authority,
        },
      });
    });
    afterEach(async () => h.close());

    const message = (): Record<string, unknown> => personalEnvelope(h.serviceUrl, { id: 'a-1', text: 'VPN' });

    it('answers 401 without a token, even from loopback', async () => {
      const res = await h.post(message());
      assert.equal(res.status, 401);
      assert.equal(h.helpdesk.asks.length, 0);
      assert.equal(h.endpoint.authenticated, true);
    });

    it('answers 401 for a malformed, unsigned, foreign or expired token', async () => {
      const unsigned = jwks.sign(APP_ID).split('.').slice(0, 2).join('.') + '.';
      for (const token of [
        'abc',
        unsigned,
        jwks.sign('someone-else'),
        jwks.sign(APP_ID, { exp: 1_000_000 }),
        jwks.sign(APP_ID, { iss: 'https://evil.example/v2.0' }),
      ]) {
        const res = await h.post(message(), { authorization: `Bearer ${token}` });
        assert.equal(res.status, 401, token.slice(0, 20));
      }
      assert.equal((await h.post(message(), { authorization: 'Basic abc' })).status, 401);
      assert.equal(h.helpdesk.asks.length, 0);
    });

    it('serves a request with a valid token (expectReplies: the answer comes back in the response)', async () => {
      const activity: Record<string, unknown> = { ...message(), deliveryMode: 'expectReplies' };
      delete activity.serviceUrl; // no Bot Connector call, hence no token acquisition in this test
      const res = await h.post(activity, { authorization: `Bearer ${jwks.sign(APP_ID)}` });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(h.helpdesk.asks.length, 1);
      const replies = (res.body as { activities: { type: string }[] }).activities;
      assert.ok(replies.some((a) => a.type === 'message'));
    });
  });
});
