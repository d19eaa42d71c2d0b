/**
 * ClamdScanner against a real clamd (Debian's clamav-daemon with a private signature database, see
 * test/helpers/clamd.ts): the FileScanner contract over TCP and over the Unix socket, the cost of a scan,
 * and a clamd that stops answering mid-scan.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { ClamdScanner } from '../../../../adapters/clamav';
import { fileScannerContract } from '../../../contracts/file-scanner.contract';
import { EICAR, EICAR_SIGNATURE, MARKER, MARKER_SIGNATURE, startClamd, type ClamdServer } from '../../../helpers/clamd';

const LIMIT = 5 * 1024 * 1024;
let server: ClamdServer | undefined;

async function clamd(): Promise<ClamdServer> {
  server ??= await startClamd({ streamMaxBytes: LIMIT });
  return server;
}

const infected = [
  { content: EICAR, signature: EICAR_SIGNATURE },
  { content: MARKER, signature: MARKER_SIGNATURE },
];

describe('ClamdScanner (real clamd)', function () {
  this.timeout(120_000);
  after(() => server?.stop());

  fileScannerContract('ClamdScanner over TCP', async () => {
    const s = await clamd();
    return {
      scanner: new ClamdScanner({ address: { host: s.host, port: s.port }, timeoutMs: 10_000 }),
      unreachable: new ClamdScanner({ address: { host: '127.0.0.1', port: 1 }, timeoutMs: 2000 }),
      maxBytes: LIMIT,
      infected,
    };
  });

  fileScannerContract('ClamdScanner over a Unix socket', async () => {
    const s = await clamd();
    return {
      scanner: new ClamdScanner({ address: { socket: s.socket }, timeoutMs: 10_000 }),
      unreachable: new ClamdScanner({ address: { socket: `${s.socket}.missing` }, timeoutMs: 2000 }),
      maxBytes: LIMIT,
      infected,
    };
  });

  it('gives up with CLOUD_UNAVAILABLE when the daemon accepts but never answers (timeout)', async () => {
    const silent = net.createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    const scanner = new ClamdScanner({ address: { host: '127.0.0.1', port }, timeoutMs: 300 });
    const started = Date.now();
    await assert.rejects(
      scanner.scan(
        (async function* () {
          yield Buffer.from('x');
        })(),
      ),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, 'CLOUD_UNAVAILABLE');
        assert.match(err.message, /no answer within 300 ms/);
        return true;
      },
    );
    assert.ok(Date.now() - started < 5000);
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('measures the cost of scanning 1 MB and 10 MB (reported in the README)', async () => {
    const s = await startClamd({ streamMaxBytes: 64 * 1024 * 1024 });
    try {
      const scanner = new ClamdScanner({ address: { host: s.host, port: s.port }, timeoutMs: 30_000 });
      for (const mb of [1, 10]) {
        const content = randomBytes(mb * 1024 * 1024);
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = process.hrtime.bigint();
          assert.deepEqual(
            await scanner.scan(
              (async function* () {
                yield content;
              })(),
            ),
            { clean: true },
          );
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        times.sort((a, b) => a - b);
        process.stdout.write(
          `      clamd INSTREAM ${mb} MB (random bytes): median ${times[2]!.toFixed(1)} ms, max ${times[4]!.toFixed(1)} ms\n`,
        );
        assert.ok(times[2]! < 10_000, `${mb} MB took ${times[2]} ms`);
      }
    } finally {
      await s.stop();
    }
  });
});
