/**
 * QuarantineRelease on fakes: the release is offered for quarantined files still kept, and only with a scanner; a
 * clean scan lifts the quarantine with the scanner's version and one audit entry (masked file name, trimmed reason);
 * no scanner, a file over the scanner's limit, a file still detected and an unknown or released file are refused
 * with a Japanese message and change nothing.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { FakeClock, KotaeError, MemoryLogger, type AuditEntry } from '../../../core';
import { QuarantineRelease, type AttachmentMeta } from '../../../tickets';
import { FakeFileScanner } from '../../fakes/fake-file-scanner';
import { InMemoryFileScans } from '../../fakes/in-memory-file-scans';

const T0 = new Date('2026-06-01T00:00:00Z');
const hash = (n: number) => String(n).repeat(64);
const meta = (n: number, quarantined = true): AttachmentMeta => ({
  id: `att-${n}`,
  kind: 'requester',
  fileName: `名簿_山田太郎_${n}.log`,
  contentType: 'text/plain',
  sizeBytes: 10,
  sha256: hash(n),
  uploadedBy: '山田 花子',
  createdAt: T0,
  ticketId: 't-1',
  ...(quarantined ? { quarantine: { signature: 'Wrong.Sig', at: T0 } } : {}),
});

async function desk(
  o: { scanner?: FakeFileScanner; noScanner?: boolean; perInstance?: { keepDays: number }; now?: string } = {},
) {
  const scans = new InMemoryFileScans();
  for (const n of [1, 2, 3]) {
    const file = { kind: 'attachment' as const, sha256: hash(n) };
    await scans.claim(file, 'v1', undefined, { holder: 'cli', now: T0, until: T0 });
    await scans.recordInfected(file, 'Wrong.Sig', 'v1', 'cli', T0);
  }
  const stored = new Map<string, string>([
    [hash(1), 'ping ok\n'],
    [hash(2), 'EVIL-MARKER'],
    [hash(4), 'clean'],
  ]);
  const audited: AuditEntry[] = [];
  const scanner = o.scanner ?? new FakeFileScanner({ 'EVIL-MARKER': 'Evil.Sig' });
  const release = new QuarantineRelease({
    files: {
      has: async (s) => stored.has(s),
      read: async (s) => Readable.from([Buffer.from(stored.get(s) ?? '')]),
    },
    scans,
    scanner: o.noScanner ? undefined : scanner,
    audit: {
      // Like the SQL audit: the entry is stored only when the change succeeded.
      atomically: async (change, entry) => {
        const result = await change();
        const e = entry(result);
        if (e) audited.push(e);
        return result;
      },
    },
    clock: new FakeClock(o.now ?? '2026-06-02T00:00:00Z'),
    ...(o.perInstance ? { perInstance: o.perInstance } : {}),
    maskText: (t) => t.replace('山田太郎', '［氏名］'),
  });
  const quarantined = async () => [...(await scans.quarantined('attachment', [1, 2, 3].map(hash))).keys()];
  return { release, scans, audited, scanner, quarantined };
}

const refusal = (code: string, userMessage: string) => (err: unknown) =>
  err instanceof KotaeError && err.code === code && err.userMessage === userMessage;

describe('QuarantineRelease', () => {
  it('offers quarantined files still kept; a clean scan releases one with the version, audited once', async () => {
    const d = await desk();
    d.scanner.version = 'Fake 2.0';
    const offered = await d.release.releasable([meta(1), meta(2), meta(3), meta(4, false)]);
    assert.deepEqual([...offered].sort(), ['att-1', 'att-2']);
    const lifted = await d.release.release({
      attachment: meta(1),
      reason: '  誤検知  ',
      actor: 'admin',
      target: 'HD-1',
    });
    assert.deepEqual(lifted, { signature: 'Wrong.Sig', at: T0, version: 'Fake 2.0' });
    assert.deepEqual(await d.quarantined(), [hash(2), hash(3)]);
    assert.deepEqual(d.audited, [
      {
        actor: 'admin',
        action: 'attachment.quarantine_released',
        target: 'HD-1',
        detail: {
          reason: '誤検知',
          sha256: hash(1),
          attachmentId: 'att-1',
          fileName: '名簿_［氏名］_1.log',
          signature: 'Wrong.Sig',
          quarantinedAt: T0.toISOString(),
          signatureVersion: 'Fake 2.0',
        },
      },
    ]);
    const claim = { holder: 'cli', now: T0, until: T0 };
    assert.equal(await d.scans.claim({ kind: 'attachment', sha256: hash(1) }, 'Fake 2.0', undefined, claim), 'current');
    await assert.rejects(
      d.release.release({ attachment: meta(1), reason: '誤検知', actor: 'admin', target: 'HD-1' }),
      refusal('CONFLICT', '「名簿_山田太郎_1.log」は隔離されていません。'),
    );
    assert.equal(d.audited.length, 1);
  });

  it('refuses, changing nothing: still detected, over the scanner limit, no scanner, a removed or clean file', async () => {
    const d = await desk({ scanner: new FakeFileScanner({ 'EVIL-MARKER': 'Evil.Sig' }, 5) });
    const ask = (n: number, quarantined = true) =>
      d.release.release({ attachment: meta(n, quarantined), reason: '誤検知', actor: 'admin', target: 'HD-1' });
    await assert.rejects(
      ask(1),
      refusal(
        'INPUT_TOO_LARGE',
        '「名簿_山田太郎_1.log」は大きすぎるため、ウイルス検査ができず隔離を解除できません。clamd の StreamMaxLength を確認してください。',
      ),
    );
    await assert.rejects(
      ask(3),
      refusal(
        'FILE_QUARANTINED',
        '「名簿_山田太郎_3.log」は隔離の保管期間（KOTAE_QUARANTINE_KEEP_DAYS）を過ぎてファイルを削除したため、隔離を解除できません。',
      ),
    );
    await assert.rejects(ask(4, false), refusal('CONFLICT', '「名簿_山田太郎_4.log」は隔離されていません。'));
    const still = await desk();
    await assert.rejects(
      still.release.release({ attachment: meta(2), reason: '誤検知', actor: 'admin', target: 'HD-1' }),
      refusal('CONFLICT', '最新の検査でもウイルスが検出されたため、隔離を解除できません。'),
    );
    const none = await desk({ noScanner: true });
    assert.deepEqual([...(await none.release.releasable([meta(1)]))], []);
    await assert.rejects(
      none.release.release({ attachment: meta(1), reason: '誤検知', actor: 'admin', target: 'HD-1' }),
      refusal(
        'CLOUD_UNAVAILABLE',
        'ウイルス検査の接続先が設定されていないため、隔離を解除できません。KOTAE_CLAMD_HOST と KOTAE_CLAMD_PORT、または KOTAE_CLAMD_SOCKET を設定してください。',
      ),
    );
    for (const x of [d, still, none]) {
      assert.deepEqual(x.audited, []);
      assert.deepEqual(await x.quarantined(), [hash(1), hash(2), hash(3)]);
    }
  });

  it('refuses a missing or too long reason before anything is scanned; 500 characters are accepted', async () => {
    const d = await desk();
    const ask = (reason: string) => d.release.release({ attachment: meta(1), reason, actor: 'admin', target: 'HD-1' });
    await assert.rejects(ask(' \n '), refusal('INPUT_INVALID', '隔離を解除する理由を入力してください。'));
    await assert.rejects(
      ask('あ'.repeat(501)),
      refusal('INPUT_INVALID', '隔離を解除する理由は500文字以内で入力してください。'),
    );
    assert.equal(d.scanner.scans, 0);
    await ask('𠮷'.repeat(500));
    assert.equal(d.audited.length, 1);
  });
  it('with per-instance folders, a file missing here within the keeping period is on another instance (404), after it removed (410)', async () => {
    const input = { attachment: meta(3), reason: '誤検知', actor: 'admin', target: 'HD-1' };
    const within = await desk({ perInstance: { keepDays: 30 } });
    await assert.rejects(
      within.release.release(input),
      refusal(
        'NOT_FOUND',
        '「名簿_山田太郎_3.log」は別のサーバーに保存されているため、このサーバーでは隔離を解除できません。ファイルを保存しているサーバーで解除してください（KOTAE_ATTACHMENT_STORAGE=instance では、ファイルは受け付けたサーバーにだけ保存されます）。',
      ),
    );
    const after = await desk({ perInstance: { keepDays: 30 }, now: '2026-07-02T00:00:00Z' });
    await assert.rejects(
      after.release.release(input),
      refusal(
        'FILE_QUARANTINED',
        '「名簿_山田太郎_3.log」は隔離の保管期間（KOTAE_QUARANTINE_KEEP_DAYS）を過ぎてファイルを削除したため、隔離を解除できません。',
      ),
    );
    assert.deepEqual([within.audited, after.audited], [[], []]);
  });

  it('a manual moved back whose release is not saved, and that cannot be moved back into quarantine: says where it is', async () => {
    const scans = new InMemoryFileScans(undefined, 'kotae-a');
    const manual = { kind: 'manual' as const, sha256: hash(5), fileName: 'vpn.md' };
    await scans.claim(manual, 'v1', undefined, { holder: 'cli', now: T0, until: T0 });
    await scans.recordInfected(manual, 'Wrong.Sig', 'v1', 'cli', T0);
    const moves: string[] = [];
    const logger = new MemoryLogger();
    const release = new QuarantineRelease({
      files: { has: async () => false, read: async () => Readable.from([]) },
      scans,
      scanner: new FakeFileScanner({}),
      manuals: {
        kept: async (name, at) => name === 'vpn.md' && at.getTime() === T0.getTime(),
        find: async (_sha, name) => ({ name, read: async () => Readable.from([Buffer.from('# VPN')]) }),
        uploaded: async () => false,
        restore: async () => {
          moves.push('restore');
          return true;
        },
        unrestore: async () => {
          moves.push('unrestore');
          throw new Error('EACCES: permission denied');
        },
      },
      audit: {
        atomically: async (change) => {
          await change();
          throw new Error('commit failed');
        },
      },
      clock: new FakeClock('2026-06-02T00:00:00Z'),
      logger,
      perInstance: { keepDays: 30, instance: 'kotae-a' },
    });
    await assert.rejects(
      release.releaseManual({ sha256: hash(5), reason: '誤検知', actor: 'admin' }),
      refusal(
        'DB_UNAVAILABLE',
        'データベースに解除を保存できなかったため、隔離を解除できませんでした。「vpn.md」を隔離フォルダーに戻すこともできず、knowledge/uploads に残っています（隔離は解除されていません）。サーバーのログを確認し、ファイルを quarantine/manuals に戻すか、ナレッジの管理で「vpn.md」を削除してください。',
      ),
    );
    assert.deepEqual(moves, ['restore', 'unrestore']);
    assert.deepEqual(
      logger.lines.map((l) => [l.level, l.msg, l.fields]),
      [
        [
          'error',
          'manual release not saved; manual left in the uploads',
          { file: 'vpn.md', error: 'commit failed', undoError: 'EACCES: permission denied' },
        ],
      ],
    );
  });
});
