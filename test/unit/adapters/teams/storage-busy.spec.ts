/**
 * A Teams message that could not be recorded (database locked or unreachable) is answered 503 with
 * Retry-After, so the Bot Connector delivers it again; nothing is sent to the user, and the redelivery
 * is answered once.
 */
import assert from 'node:assert/strict';
import { KotaeError } from '../../../../core/errors';
import { personalEnvelope } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';

describe('Teams turn with a busy database', () => {
  let h: TeamsHarness;
  afterEach(() => h?.close());

  for (const code of ['DB_LOCKED', 'DB_UNAVAILABLE'] as const) {
    it(`answers ${code} with 503 and Retry-After, then answers the redelivery once`, async () => {
      h = await startTeamsHarness();
      h.helpdesk.failWith = new KotaeError(code, 'database busy');
      const activity = personalEnvelope(h.serviceUrl, { id: `busy-${code}`, text: 'パスワードを忘れました' });
      const first = await fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      assert.equal(first.status, 503);
      assert.equal(first.headers.get('retry-after'), '2');
      assert.deepEqual(await first.json(), { error: code });
      assert.equal(h.connector.sent().length, 0);
      h.helpdesk.failWith = undefined;
      const again = await h.post(activity);
      assert.equal(again.status, 200);
      assert.equal(h.helpdesk.asks.length, 2);
      assert.equal(h.connector.sent().length, 1);
    });
  }
});
