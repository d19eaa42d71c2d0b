/**
 * The OpenStampStore standard suite: run against InMemoryOpenStamps and SqlOpenStamps (SQLite, PostgreSQL).
 * A newer reply to a conversation makes its earlier stamps and numbered list stale; an answer is taken once,
 * also when several callers (instances) take it at once; entries expire after 7 days and are purged.
 */
import assert from 'node:assert/strict';
import type { OpenStampStore, StampOption } from '../../conversations';

/** A fresh store per test, reading the suite's clock. */
export interface OpenStampStoreFixture {
  store: OpenStampStore;
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60_000;
const CONV = '0b1f6c2e-5d4a-4c3b-9e8f-7a6b5c4d3e2f';
const OTHER = '9c8b7a6f-1e2d-4c3b-8a9f-0e1d2c3b4a5f';
const OPTIONS: StampOption[] = [
  { kind: 'choice', label: 'VPNにつながらない', value: 'VPNにつながらない' },
  { kind: 'action', label: 'ボットに質問する', action: 'ask_bot', value: '在宅勤務の端末で、朝から接続できません。' },
  { kind: 'action', label: '担当者に問い合わせる', action: 'escalate' },
];

/** Registers the suite; `factory` builds a store whose clock is `now`. */
export function openStampStoreContract(
  name: string,
  factory: (now: () => Date) => Promise<OpenStampStoreFixture>,
): void {
  describe(`OpenStampStore contract: ${name}`, () => {
    let f: OpenStampStoreFixture;
    let s: OpenStampStore;
    let clock = new Date(Date.UTC(2026, 11, 3, 1, 0));
    const later = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    beforeEach(async () => {
      clock = new Date(Date.UTC(2026, 11, 3, 1, 0));
      f = await factory(() => clock);
      s = f.store;
    });
    afterEach(() => f.close());

    it('keeps the stamps of the current reply open, with what they offered; unknown ids are not open', async () => {
      const g = await s.newReply(CONV);
      await s.addStamp('k-select', { conversationId: CONV, kind: 'select', options: OPTIONS }, g);
      await s.addStamp('k-yesno', { conversationId: CONV, kind: 'yesno' }, g);
      assert.deepEqual(await s.stamp('k-select'), { conversationId: CONV, kind: 'select', options: OPTIONS });
      assert.deepEqual(await s.stamp('k-yesno'), { conversationId: CONV, kind: 'yesno' });
      assert.equal(await s.stamp('k-unknown'), undefined);
      assert.equal(await s.take('k-unknown'), false);
      assert.equal(await s.takeNumbered(CONV), undefined, 'no numbered list was posted');
    });

    it('makes the stamps and the numbered list of earlier replies stale; other conversations keep theirs', async () => {
      const g1 = await s.newReply(CONV);
      await s.addStamp('k-old', { conversationId: CONV, kind: 'yesno' }, g1);
      await s.setNumbered(CONV, OPTIONS, g1);
      const o1 = await s.newReply(OTHER);
      await s.addStamp('k-other', { conversationId: OTHER, kind: 'yesno' }, o1);
      const g2 = await s.newReply(CONV);
      assert.notEqual(g2, g1);
      assert.equal(await s.stamp('k-old'), undefined);
      assert.equal(await s.take('k-old'), false);
      assert.equal(await s.takeNumbered(CONV), undefined);
      assert.deepEqual(await s.stamp('k-other'), { conversationId: OTHER, kind: 'yesno' });
      await s.addStamp('k-new', { conversationId: CONV, kind: 'yesno' }, g2);
      assert.deepEqual(await s.stamp('k-new'), { conversationId: CONV, kind: 'yesno' });
      // A stamp recorded late under an old generation is stale too.
      await s.addStamp('k-late', { conversationId: CONV, kind: 'yesno' }, g1);
      assert.equal(await s.stamp('k-late'), undefined);
    });

    it('takes a stamp once: later takes fail and it is no longer open', async () => {
      const g = await s.newReply(CONV);
      await s.addStamp('k-1', { conversationId: CONV, kind: 'select', options: OPTIONS }, g);
      await s.addStamp('k-2', { conversationId: CONV, kind: 'yesno' }, g);
      assert.equal(await s.take('k-1'), true);
      assert.equal(await s.take('k-1'), false);
      assert.equal(await s.stamp('k-1'), undefined);
      assert.deepEqual(await s.stamp('k-2'), { conversationId: CONV, kind: 'yesno' }, 'the other stamp stays open');
    });

    it('gives an answer to exactly one of several callers taking it at once', async () => {
      const g = await s.newReply(CONV);
      await s.addStamp('k-race', { conversationId: CONV, kind: 'yesno' }, g);
      await s.setNumbered(CONV, OPTIONS, g);
      const takes = await Promise.all([1, 2, 3, 4, 5, 6].map(() => s.take('k-race')));
      assert.deepEqual(
        takes.filter((t) => t),
        [true],
      );
      const numbered = await Promise.all([1, 2, 3, 4].map(() => s.takeNumbered(CONV)));
      assert.deepEqual(
        numbered.filter((n) => n !== undefined),
        [OPTIONS],
      );
    });

    it('keeps one numbered list per conversation, replaced by the next and taken once', async () => {
      const g1 = await s.newReply(CONV);
      await s.setNumbered(CONV, OPTIONS.slice(0, 1), g1);
      const g2 = await s.newReply(CONV);
      await s.setNumbered(CONV, OPTIONS, g2);
      await s.setNumbered(CONV, OPTIONS, g2); // a list split over two messages
      assert.deepEqual(await s.takeNumbered(CONV), OPTIONS);
      assert.equal(await s.takeNumbered(CONV), undefined);
      assert.equal(await s.takeNumbered(OTHER), undefined);
    });

    it('asks for details until they are taken, once; a new request replaces the earlier one', async () => {
      assert.equal(await s.awaitsDetails('logo|d-1|u-42'), false);
      assert.equal(await s.takeDetails('logo|d-1|u-42'), undefined);
      await s.awaitDetails('logo|d-1|u-42', { separate: false });
      await s.awaitDetails('logo|d-1|u-42', { separate: true });
      assert.equal(await s.awaitsDetails('logo|d-1|u-42'), true);
      assert.equal(await s.awaitsDetails('logo|d-1|u-43'), false);
      const taken = await Promise.all([1, 2, 3].map(() => s.takeDetails('logo|d-1|u-42')));
      assert.deepEqual(
        taken.filter((t) => t !== undefined),
        [{ separate: true }],
      );
      assert.equal(await s.awaitsDetails('logo|d-1|u-42'), false);
      // A reply to the conversation does not cancel the step (the details are the user's next text).
      await s.awaitDetails('logo|d-1|u-42', { separate: false });
      await s.newReply(CONV);
      assert.deepEqual(await s.takeDetails('logo|d-1|u-42'), { separate: false });
    });

    it('lets entries expire after 7 days and purges them; newer entries stay', async () => {
      const g = await s.newReply(CONV);
      await s.addStamp('k-a', { conversationId: CONV, kind: 'yesno' }, g);
      await s.addStamp('k-b', { conversationId: CONV, kind: 'select', options: OPTIONS }, g);
      await s.setNumbered(CONV, OPTIONS, g);
      await s.awaitDetails('logo|d-1|u-42', { separate: false });
      later(7 * DAY_MS - 60_000);
      assert.deepEqual(await s.stamp('k-a'), { conversationId: CONV, kind: 'yesno' }, 'still open a minute before');
      const o = await s.newReply(OTHER);
      await s.addStamp('k-fresh', { conversationId: OTHER, kind: 'yesno' }, o);
      later(60_000);
      assert.equal(await s.stamp('k-a'), undefined);
      assert.equal(await s.take('k-b'), false);
      assert.equal(await s.takeNumbered(CONV), undefined);
      assert.equal(await s.awaitsDetails('logo|d-1|u-42'), false);
      assert.equal(await s.takeDetails('logo|d-1|u-42'), undefined);
      assert.equal(await s.purgeExpired(), 5, 'the reply, two stamps, the numbered list and the details step');
      assert.equal(await s.purgeExpired(), 0);
      assert.deepEqual(await s.stamp('k-fresh'), { conversationId: OTHER, kind: 'yesno' });
    });
  });
}
