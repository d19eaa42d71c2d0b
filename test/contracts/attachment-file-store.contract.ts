/** The promises every AttachmentFileStore keeps (run against the in-memory fake and the file system). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AttachmentFileStore } from '../../tickets';

/** Content as a stream of chunks. */
export async function* chunksOf(...parts: (string | Buffer)[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}

/** Reads a stored file back. */
export async function readAll(content: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of content) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Registers the contract tests; `leftovers()` lists staged copies still present. */
export function attachmentFileStoreContract(
  name: string,
  setup: () => { store: AttachmentFileStore; leftovers: () => string[]; cleanup?: () => void },
): void {
  describe(`AttachmentFileStore contract: ${name}`, () => {
    let h: ReturnType<typeof setup>;
    beforeEach(() => {
      h = setup();
    });
    afterEach(() => h.cleanup?.());

    it('hashes and counts streamed content; commit makes it readable under its SHA-256', async () => {
      const staged = await h.store.stage(chunksOf('VPNに', 'つながりません'));
      assert.equal(staged.sha256, sha('VPNにつながりません'));
      assert.equal(staged.sizeBytes, Buffer.byteLength('VPNにつながりません'));
      assert.equal(await h.store.has(staged.sha256), false, 'staged content is not visible yet');
      await h.store.commit(staged);
      assert.equal((await readAll(await h.store.read(staged.sha256))).toString(), 'VPNにつながりません');
      assert.deepEqual(h.leftovers(), []);
    });

    it('reads a staged copy back before it is committed, and not after it was discarded', async () => {
      const staged = await h.store.stage(chunksOf('検査する', '内容'));
      assert.equal((await readAll(await h.store.readStaged(staged))).toString(), '検査する内容');
      assert.equal(await h.store.has(staged.sha256), false, 'reading the staged copy does not publish it');
      await h.store.discard(staged);
      await assert.rejects(h.store.readStaged(staged), (err: Error & { code?: string }) => err.code === 'NOT_FOUND');
      assert.deepEqual(h.leftovers(), []);
    });

    it('keeps one copy of the same content and lists it once', async () => {
      for (let i = 0; i < 2; i++) await h.store.commit(await h.store.stage(chunksOf('同じ内容')));
      const listed: string[] = [];
      for await (const f of h.store.list()) listed.push(f.sha256);
      assert.deepEqual(listed, [sha('同じ内容')]);
      assert.deepEqual(h.leftovers(), []);
    });

    it('leaves nothing when the source fails mid-stream', async () => {
      async function* failing(): AsyncIterable<Uint8Array> {
        yield Buffer.from('途中まで');
        throw new Error('connection reset');
      }
      await assert.rejects(h.store.stage(failing()), /connection reset/);
      assert.deepEqual(h.leftovers(), []);
      const listed: string[] = [];
      for await (const f of h.store.list()) listed.push(f.sha256);
      assert.deepEqual(listed, []);
    });

    it('removes staged copies older than a given time (left by a crash), keeping newer ones', async () => {
      await h.store.stage(chunksOf('途中で落ちた'));
      assert.equal(await h.store.removeStaleStaged(new Date(Date.now() - 60_000)), 0);
      assert.equal(h.leftovers().length, 1);
      assert.equal(await h.store.removeStaleStaged(new Date(Date.now() + 60_000)), 1);
      assert.deepEqual(h.leftovers(), []);
    });

    it('discard drops a staged copy; remove deletes a stored file; unknown hashes are NOT_FOUND', async () => {
      const a = await h.store.stage(chunksOf('捨てる'));
      await h.store.discard(a);
      assert.deepEqual(h.leftovers(), []);
      const b = await h.store.stage(chunksOf('消す'));
      await h.store.commit(b);
      await h.store.remove(b.sha256);
      assert.equal(await h.store.has(b.sha256), false);
      await assert.rejects(h.store.read(sha('ない')), { code: 'NOT_FOUND' });
    });
  });
}
