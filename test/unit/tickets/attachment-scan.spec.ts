/**
 * The malware check of AttachmentService.stage (UploadScan) with the deterministic fake scanner on the file
 * system store: what is refused, audited and alerted, and what is kept, while the scanner is up or down.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { FsAttachmentFileStore } from '../../../db/files/fs-attachment-file-store';
import { AttachmentService, UploadScan, type InfectedUpload } from '../../../tickets';
import { chunksOf } from '../../contracts/attachment-file-store.contract';
import { FakeFileScanner } from '../../fakes/fake-file-scanner';
import { EICAR } from '../../helpers/clamd';
import { tempDir } from '../../helpers/temp-dir';
import { FakeAttachments, RecordingAudit } from './fakes';

const AT = new Date('2026-12-07T01:02:03Z');
const ORIGIN = { channel: 'web', uploadedBy: '山田 花子', target: 'conversation:c1' } as const;

function setup(required = true) {
  const temp = tempDir('kotae-scan-');
  const store = new FsAttachmentFileStore(path.join(temp.dir, 'attachments'));
  const scanner = new FakeFileScanner({ [EICAR]: 'Eicar-Test-Signature' }, 4096);
  const audit = new RecordingAudit();
  const logger = new MemoryLogger();
  const alerts: InfectedUpload[] = [];
  const scan = new UploadScan({
    scanner,
    required,
    audit,
    logger,
    clock: new FakeClock(AT),
    maskText: (t) => t.replace('山田太郎', '［氏名］'),
    alert: async (f) => {
      alerts.push(f);
    },
  });
  const service = new AttachmentService({
    files: store,
    rows: new FakeAttachments(),
    tickets: { get: async () => undefined },
    audit,
    maxBytes: 8192,
    scan,
  });
  const onDisk = () => {
    const root = store.root;
    return fs.existsSync(root)
      ? fs.readdirSync(root, { recursive: true }).filter((f) => !fs.statSync(path.join(root, String(f))).isDirectory())
      : [];
  };
  return { temp, store, scanner, audit, logger, alerts, service, onDisk };
}

const rejectsWith = (code: string, message: string) => (err: { code: string; userMessage: string }) => {
  assert.equal(err.code, code);
  assert.equal(err.userMessage, message);
  return true;
};

describe('AttachmentService with a malware scanner (UploadScan)', () => {
  let h: ReturnType<typeof setup>;
  afterEach(() => h.temp.cleanup());

  it('keeps a clean file staged for commit after one scan', async () => {
    h = setup();
    const staged = await h.service.stage(chunksOf('ping: timeout\n'), { fileName: 'ping.log' }, ORIGIN);
    assert.equal(h.scanner.scans, 1);
    assert.equal(staged.sizeBytes, 14);
    assert.deepEqual(h.audit.entries, []);
    assert.deepEqual(h.alerts, []);
  });

  it('refuses an infected file: discarded, one audit row with the masked name, one alert', async () => {
    h = setup();
    const name = '名簿_山田太郎.txt';
    await assert.rejects(
      h.service.stage(chunksOf('前置き ', EICAR), { fileName: name }, ORIGIN),
      rejectsWith(
        'INPUT_INVALID',
        `「${name}」からウイルスが検出されたため、受け付けられませんでした。（検出名: Eicar-Test-Signature）ファイルは保存していません。`,
      ),
    );
    assert.deepEqual(h.onDisk(), [], 'no staged or stored file');
    assert.equal(h.audit.entries.length, 1);
    assert.deepEqual(h.audit.entries[0], {
      actor: '山田 花子',
      action: 'attachment.infected',
      target: 'conversation:c1',
      detail: {
        signature: 'Eicar-Test-Signature',
        channel: 'web',
        fileName: '名簿_［氏名］.txt',
        sizeBytes: Buffer.byteLength('前置き ') + EICAR.length,
        sha256: h.audit.entries[0]!.detail!.sha256,
      },
    });
    assert.match(String(h.audit.entries[0]!.detail!.sha256), /^[0-9a-f]{64}$/);
    assert.deepEqual(h.alerts, [
      {
        fileName: '名簿_［氏名］.txt',
        signature: 'Eicar-Test-Signature',
        channel: 'web',
        uploadedBy: '山田 花子',
        sha256: h.audit.entries[0]!.detail!.sha256,
        at: AT,
      },
    ]);
  });

  it('scanner down and required: refuses with the Japanese message, keeps nothing, audits nothing', async () => {
    h = setup(true);
    h.scanner.down = true;
    await assert.rejects(
      h.service.stage(chunksOf('ping\n'), { fileName: 'ping.log' }, ORIGIN),
      rejectsWith(
        'CLOUD_UNAVAILABLE',
        'ウイルス検査を実行できないため、「ping.log」を受け付けられませんでした。しばらくしてからもう一度お試しください。',
      ),
    );
    assert.deepEqual(h.onDisk(), []);
    assert.deepEqual(h.audit.entries, []);
  });

  it('scanner down: the staged copy it never read is not left open (no descriptor, no open racing the discard)', async () => {
    h = setup(true);
    h.scanner.down = true;
    const openUnder = (dir: string) =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(path.join('/proc/self/fd', fd)).startsWith(dir);
        } catch {
          return false;
        }
      });
    for (let i = 0; i < 5; i++) {
      await assert.rejects(h.service.stage(chunksOf('ping\n'), { fileName: 'ping.log' }, ORIGIN));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(openUnder(h.temp.dir), []);
    assert.deepEqual(h.onDisk(), []);
  });

  it('scanner down and not required: keeps the file and logs one warning', async () => {
    h = setup(false);
    h.scanner.down = true;
    const staged = await h.service.stage(chunksOf('ping\n'), { fileName: 'ping.log' }, ORIGIN);
    assert.equal(staged.fileName, 'ping.log');
    assert.deepEqual(
      h.logger.lines.filter((l) => l.level === 'warn').map((l) => l.msg),
      ['scan: scanner unavailable, file accepted without a scan (KOTAE_SCAN_REQUIRED=false)'],
    );
  });

  it('refuses a file over the scanner limit whatever KOTAE_SCAN_REQUIRED says', async () => {
    h = setup(false);
    await assert.rejects(
      h.service.stage(chunksOf(Buffer.alloc(5000, 0x61)), { fileName: 'big.log' }, ORIGIN),
      rejectsWith(
        'INPUT_TOO_LARGE',
        '「big.log」は大きすぎるため、ウイルス検査ができず受け付けられませんでした。ファイルを分けるか小さくしてから、もう一度お試しください。',
      ),
    );
    assert.deepEqual(h.onDisk(), []);
  });

  it('an empty file is refused by the policy before the scanner is asked', async () => {
    h = setup();
    await assert.rejects(
      h.service.stage(chunksOf(), { fileName: 'empty.txt' }, ORIGIN),
      rejectsWith('INPUT_INVALID', '空のファイルは添付できません（1ファイル8KBまで）。'),
    );
    assert.equal(h.scanner.scans, 0);
    assert.deepEqual(h.onDisk(), []);
  });
});
