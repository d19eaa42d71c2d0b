/** The promises every FileScanner keeps (run against the fake and a real clamd over TCP and a Unix socket). */
import assert from 'node:assert/strict';
import type { FileScanner } from '../../tickets';

/** What a scanner under test is set up with. */
export interface FileScannerSetup {
  scanner: FileScanner;
  /** The same kind of scanner pointed where nothing listens. */
  unreachable: FileScanner;
  /** Its stream limit in bytes. */
  maxBytes: number;
  /** Content it detects, with the signature name it reports. */
  infected: { content: string; signature: string }[];
}

async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p, 'latin1') : p;
}

const code = (expected: string) => (err: Error & { code?: string }) => err.code === expected;

/** Registers the contract tests; `setup` runs once before them. */
export function fileScannerContract(name: string, setup: () => Promise<FileScannerSetup>): void {
  describe(`FileScanner contract: ${name}`, function () {
    this.timeout(60_000);
    let h: FileScannerSetup;
    before(async () => {
      h = await setup();
    });

    it('says a clean file is clean', async () => {
      assert.deepEqual(await h.scanner.scan(chunks('VPNの設定手順\n', Buffer.alloc(100_000, 0x41))), { clean: true });
    });

    it('names the signature of each infected content, also when it is split across chunks', async () => {
      for (const { content, signature } of h.infected) {
        assert.deepEqual(await h.scanner.scan(chunks(content)), { clean: false, signature });
        const cut = Math.floor(content.length / 2);
        const split = await h.scanner.scan(chunks('前置き ', content.slice(0, cut), content.slice(cut), ' 後書き'));
        assert.deepEqual(split, { clean: false, signature });
      }
    });

    it('refuses content over its stream limit with INPUT_TOO_LARGE', async () => {
      const big = Buffer.alloc(h.maxBytes + 1024 * 1024, 0x42);
      await assert.rejects(h.scanner.scan(chunks(big)), code('INPUT_TOO_LARGE'));
    });

    it('reports itself reachable with a version', async () => {
      const status = await h.scanner.status();
      assert.equal(status.reachable, true);
      assert.match(status.version ?? '', /\d/);
    });

    it('fails with CLOUD_UNAVAILABLE, and reports unreachable, when nothing answers', async () => {
      await assert.rejects(h.unreachable.scan(chunks('x')), code('CLOUD_UNAVAILABLE'));
      const status = await h.unreachable.status();
      assert.equal(status.reachable, false);
      assert.equal(typeof status.error, 'string');
    });
  });
}
