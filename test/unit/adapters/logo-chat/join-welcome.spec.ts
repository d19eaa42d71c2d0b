/**
 * The welcome window of LoGoチャット joins: a repeat within the window (also across a window boundary) gets
 * no second welcome, a join after twice the window does, another talk or user is separate, and a welcome
 * that could not be sent is given back.
 */
import assert from 'node:assert/strict';
import { InMemoryProcessedDeliveries } from '../../../../bot';
import { claimWelcome, WELCOME_WINDOW_MS } from '../../../../adapters/logo-chat/join-welcome';

const W = WELCOME_WINDOW_MS;
const T0 = Date.parse('2026-07-01T00:00:00.000Z'); // a window boundary

describe('LoGoチャット join welcome window', () => {
  it('claims once within the window, across a boundary too, and again after twice the window', async () => {
    const handled = new InMemoryProcessedDeliveries();
    const at = (ms: number) => claimWelcome(handled, 't-1', 'u-1', ms);
    assert.ok(await at(T0 + W - 1_000)); // one second before the boundary
    assert.equal(await at(T0 + W + 1_000), undefined); // two seconds later, in the next window
    assert.equal(await at(T0 + 2 * W - 2_000), undefined);
    assert.ok(await at(T0 + 3 * W));
  });

  it('keeps talks and users apart', async () => {
    const handled = new InMemoryProcessedDeliveries();
    assert.ok(await claimWelcome(handled, 't-1', 'u-1', T0));
    assert.ok(await claimWelcome(handled, 't-2', 'u-1', T0));
    assert.ok(await claimWelcome(handled, 't-1', 'u-2', T0));
    assert.ok(await claimWelcome(handled, 't-1', undefined, T0));
    assert.equal(await claimWelcome(handled, 't-1', 'u-1', T0 + 1), undefined);
  });

  it('gives a claim back when the welcome could not be sent', async () => {
    const handled = new InMemoryProcessedDeliveries();
    const claim = await claimWelcome(handled, 't-1', 'u-1', T0);
    assert.ok(claim);
    await claim.release();
    assert.ok(await claimWelcome(handled, 't-1', 'u-1', T0 + 1));
  });
});
