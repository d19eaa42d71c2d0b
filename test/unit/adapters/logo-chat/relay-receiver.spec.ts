/**
 * Relay events reaching two instances (a load balancer in front, or a relay that retries on another
 * instance): the event-id dedupe is shared through the database port, so the event is handled once.
 */
import assert from 'node:assert/strict';
import { InMemoryProcessedDeliveries } from '../../../../bot';
import { MemoryLogger } from '../../../../core';
import { RelayReceiver } from '../../../../adapters/logo-chat/relay-receiver';
import { RelayVerifier, signedHeaders } from '../../../../adapters/logo-chat/relay-signature';
import type { LogoEvent } from '../../../../adapters/logo-chat/transport';

const KEY = { id: 'k1', secret: 's'.repeat(40) };

describe('RelayReceiver on two instances', () => {
  it('handles an event delivered to two instances once (shared event-id dedupe)', async () => {
    const shared = new InMemoryProcessedDeliveries();
    const handled: LogoEvent[] = [];
    const receiver = () =>
      new RelayReceiver({
        verifier: new RelayVerifier([KEY], () => Date.now()),
        dispatch: async (event) => {
          handled.push(event);
        },
        logger: new MemoryLogger(),
        processed: shared,
      });
    const [one, two] = [receiver(), receiver()];
    const body = JSON.stringify({
      eventId: 'e-5001',
      type: 'message',
      messageId: 'm-5001',
      text: 'VPNにつながりません',
      talk: { id: 't-77', type: 'pair' },
      user: { id: 'u-42', name: '住民課 山田' },
    });
    // Each delivery is signed anew (a fresh nonce), as a relay retrying elsewhere does.
    const request = () => ({
      headers: Object.fromEntries(
        Object.entries(signedHeaders(KEY, body, Date.now())).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      rawBody: Buffer.from(body),
    });
    const first = await one.receive(request());
    const second = await two.receive(request());
    assert.deepEqual(first, { status: 202, body: { accepted: true, duplicate: false } });
    assert.deepEqual(second, { status: 200, body: { accepted: true, duplicate: true } });
    await new Promise((r) => setImmediate(r));
    assert.equal(handled.length, 1);
  });
});
