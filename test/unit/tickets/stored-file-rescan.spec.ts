/**
 * StoredFileRescan on the fakes (FakeFileScanner, InMemoryFileScans, in-memory sources): a signature update makes
 * every clean file due again while a quarantined one stays quarantined; the scanner going away mid-run stops the
 * run (the next continues); an unreachable scanner at start is refused in Japanese; file names are masked; the
 * alert is raised once per run, and a failing alert does not fail the run.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';
import { StoredFileRescan, type RescanAlert, type RescanSource } from '../../../tickets';
import { FakeFileScanner } from '../../fakes/fake-file-scanner';
import { InMemoryFileScans } from '../../fakes/in-memory-file-scans';
import { RecordingAudit } from './fakes';

async function* chunks(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text);
}

/** An in-memory source of named contents. */
function source(kind: 'attachment' | 'manual', files: Record<string, string>, isolated: string[] = []): RescanSource {
  const sha = (name: string) => Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64);
  return {
    kind,
    async *files() {
      for (const [name, text] of Object.entries(files))
        yield {
          file: { kind, sha256: sha(name), ...(kind === 'manual' ? { fileName: name } : {}) },
          read: async () => chunks(text),
        };
    },
    async describe(i) {
      const name = Object.keys(files).find((n) => sha(n) === i.file.sha256)!;
      return [
        { kind, fileName: name, where: `${kind}:${name}`, sizeBytes: files[name]!.length, sha256: i.file.sha256 },
      ];
    },
    async isolate(i) {
      isolated.push(i.file.sha256);
    },
  };
}

describe('StoredFileRescan', () => {
  const clock = new FakeClock('2026-06-01T00:00:00Z');
  let scanner: FakeFileScanner;
  let scans: InMemoryFileScans;
  let audit: RecordingAudit;
  let alerts: RescanAlert[];
  let logger: MemoryLogger;
  beforeEach(() => {
    scanner = new FakeFileScanner({ EVIL: 'Fake.Evil', LATER: 'Fake.Later' });
    scans = new InMemoryFileScans();
    audit = new RecordingAudit();
    alerts = [];
    logger = new MemoryLogger();
  });

  function rescan(sources: RescanSource[], alert?: (a: RescanAlert) => Promise<void>) {
    return new StoredFileRescan({
      scanner,
      scans,
      sources,
      audit,
      clock,
      logger,
      holder: 'cli@test',
      actor: 'cli',
      maskText: (t) => t.replace('山田太郎', '［氏名］'),
      alert:
        alert ??
        (async (a) => {
          alerts.push(a);
        }),
    });
  }

  it('scans clean files again after a signature update; a quarantined file stays quarantined', async () => {
    const files = source('attachment', { 'a.log': 'ok', 'b.log': 'also ok', '名簿_山田太郎.log': 'EVIL' });
    const first = await rescan([files]).run();
    assert.deepEqual([first.scanned, first.clean, first.infected, first.failed], [3, 2, 1, 0]);
    assert.deepEqual(
      first.quarantined.map((q) => `${q.fileName} ${q.signature}`),
      ['名簿_［氏名］.log Fake.Evil'],
    );
    assert.deepEqual(
      audit.entries.map((e) => [e.action, e.actor, e.target, (e.detail as { fileName: string }).fileName]),
      [['attachment.infected', 'cli', 'attachment:名簿_山田太郎.log', '名簿_［氏名］.log']],
    );
    assert.equal(alerts.length, 1);
    const same = await rescan([files]).run();
    assert.deepEqual([same.scanned, same.current, same.alreadyQuarantined], [0, 2, 1]);
    assert.equal(alerts.length, 1, 'no alert without a new infection');
    // The fake learned nothing new, but its version changed: both clean files are due again.
    scanner.version = 'Fake 1.0/2';
    const updated = await rescan([files]).run();
    assert.deepEqual(
      [updated.version, updated.scanned, updated.clean, updated.alreadyQuarantined],
      ['Fake 1.0/2', 2, 2, 1],
    );
    assert.equal(audit.entries.length, 1);
  });

  it('isolates an infected manual before marking it, and raises one alert for the whole run', async () => {
    const isolated: string[] = [];
    const manuals = source('manual', { 'x.md': 'EVIL', 'y.md': 'LATER', 'z.md': 'fine' }, isolated);
    const summary = await rescan([source('attachment', { 'c.log': 'EVIL' }), manuals]).run();
    assert.deepEqual([summary.scannedByKind.attachment, summary.scannedByKind.manual, summary.infected], [1, 3, 3]);
    assert.equal(isolated.length, 2);
    assert.equal(alerts.length, 1);
    assert.deepEqual(
      alerts[0]!.files.map((f) => `${f.kind} ${f.fileName} ${f.signature}`),
      ['attachment c.log Fake.Evil', 'manual x.md Fake.Evil', 'manual y.md Fake.Later'],
    );
  });

  it('stops when the scanner goes away mid-run; the next run continues; unreachable at start is refused', async () => {
    let seen = 0;
    const flaky = source('attachment', { 'a.log': 'ok', 'b.log': 'ok', 'c.log': 'ok' });
    const original = scanner.scan.bind(scanner);
    scanner.scan = async (content) => {
      seen += 1;
      if (seen === 2) scanner.down = true;
      return original(content);
    };
    const stopped = await rescan([flaky]).run();
    assert.deepEqual(
      [stopped.stopped, stopped.scanned, stopped.clean, stopped.failed],
      ['scanner_unavailable', 2, 1, 1],
    );
    assert.deepEqual(stopped.failures, [
      { kind: 'attachment', fileName: 'b.log', code: 'unavailable', error: 'fake scanner down' },
    ]);
    await assert.rejects(
      rescan([flaky]).run(),
      (e: unknown) =>
        e instanceof KotaeError &&
        e.code === 'CLOUD_UNAVAILABLE' &&
        e.userMessage ===
          'ウイルス検査サーバー（clamd）に接続できないため、検査できませんでした。（fake scanner down）',
    );
    scanner.down = false;
    const resumed = await rescan([flaky]).run();
    assert.deepEqual([resumed.stopped, resumed.scanned, resumed.current], [undefined, 2, 1]);
  });

  it('counts a file over the scanner limit as failed, and a failing alert does not fail the run', async () => {
    scanner = new FakeFileScanner({ EVIL: 'Fake.Evil' }, 4);
    const summary = await rescan([source('attachment', { 'big.log': 'EVIL but long', 'e.log': 'EVIL' })], async () => {
      throw new Error('outbox down');
    }).run();
    assert.deepEqual([summary.failed, summary.infected, summary.alerted], [1, 1, false]);
    assert.equal(summary.failures[0]!.code, 'too_large');
    assert.deepEqual(
      logger.lines.filter((l) => l.msg === 'rescan: alert not raised').map((l) => l.fields),
      [{ error: 'outbox down' }],
    );
  });
});
