/** The AttachmentStore standard suite (rows): run against the in-memory fake and SqlAttachmentStore. */
import assert from 'node:assert/strict';
import type { AttachmentStore, NewAttachment } from '../../tickets';

/** A fresh store; `ticket()` opens a ticket on a conversation (status `closed` for a closed one). */
export interface AttachmentStoreFixture {
  store: AttachmentStore;
  ticket(conversationId: string, status: 'new' | 'closed'): Promise<string>;
  close(): Promise<void>;
}

const row = (over: Partial<NewAttachment>): NewAttachment => ({
  kind: 'requester',
  fileName: 'エラー画面.png',
  contentType: 'image/png',
  sizeBytes: 10,
  sha256: 'a'.repeat(64),
  uploadedBy: '山田 花子',
  ...over,
});

/** Registers the suite. */
export function attachmentStoreContract(name: string, factory: () => Promise<AttachmentStoreFixture>): void {
  describe(`AttachmentStore contract: ${name}`, () => {
    let f: AttachmentStoreFixture;
    beforeEach(async () => {
      f = await factory();
    });
    afterEach(() => f.close());

    it('adds, gets and lists rows by ticket and by conversation', async () => {
      const a = await f.store.add(row({ conversationId: 'c1' }));
      const b = await f.store.add(row({ conversationId: 'c1', ticketId: 't1', kind: 'operator', commentId: 'm1' }));
      await f.store.add(row({ conversationId: 'c2' }));
      assert.deepEqual(await f.store.get(a.id), a);
      assert.equal(await f.store.get('missing'), undefined);
      assert.deepEqual(
        (await f.store.list('t1')).map((r) => [r.id, r.kind, r.commentId]),
        [[b.id, 'operator', 'm1']],
      );
      assert.deepEqual((await f.store.listForConversation('c1')).map((r) => r.id).sort(), [a.id, b.id].sort());
    });

    it('lists every row of one content (a rescan audits each one it quarantines)', async () => {
      const a = await f.store.add(row({ conversationId: 'c1', sha256: 'b'.repeat(64) }));
      const b = await f.store.add(row({ conversationId: 'c2', ticketId: 't2', sha256: 'b'.repeat(64) }));
      await f.store.add(row({ conversationId: 'c3' }));
      assert.deepEqual((await f.store.withHash('b'.repeat(64))).map((r) => r.id).sort(), [a.id, b.id].sort());
      assert.deepEqual(await f.store.withHash('c'.repeat(64)), []);
    });

    it('links held rows of a conversation to a ticket, and only those', async () => {
      await f.store.add(row({ conversationId: 'c1' }));
      await f.store.add(row({ conversationId: 'c1' }));
      await f.store.add(row({ conversationId: 'c1', ticketId: 'older' }));
      await f.store.add(row({ conversationId: 'c2' }));
      assert.equal(await f.store.linkHeld('c1', 't9'), 2);
      assert.equal((await f.store.list('t9')).length, 2);
      assert.equal((await f.store.list('older')).length, 1);
      assert.equal(await f.store.linkHeld('c1', 't9'), 0);
    });

    it("names the conversation's ticket that is not closed", async () => {
      assert.equal(await f.store.openTicketOf('c1'), undefined);
      await f.ticket('c1', 'closed');
      assert.equal(await f.store.openTicketOf('c1'), undefined);
      const open = await f.ticket('c1', 'new');
      assert.equal(await f.store.openTicketOf('c1'), open);
    });

    it('tells which hashes rows still reference', async () => {
      await f.store.add(row({ sha256: 'b'.repeat(64) }));
      await f.store.add(row({ sha256: undefined, fileName: 'legacy.png' }));
      assert.deepEqual([...(await f.store.referencedHashes(['b'.repeat(64), 'c'.repeat(64)]))], ['b'.repeat(64)]);
      assert.deepEqual([...(await f.store.referencedHashes([]))], []);
    });
  });
}
