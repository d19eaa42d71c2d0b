import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FsAttachmentFileStore } from '../../../db/files/fs-attachment-file-store';
import { AttachmentService } from '../../../tickets';
import { attachmentFileStoreContract, chunksOf, readAll } from '../../contracts/attachment-file-store.contract';
import { InMemoryAttachmentFileStore } from '../../fakes/in-memory-attachment-files';
import { tempDir } from '../../helpers/temp-dir';
import { FakeAttachments, RecordingAudit } from './fakes';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PDF = Buffer.from('%PDF-1.7\n');

function fsSetup() {
  const temp = tempDir('kotae-files-');
  const store = new FsAttachmentFileStore(path.join(temp.dir, 'attachments'));
  const leftovers = () => {
    const tmp = path.join(store.root, 'tmp');
    return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
  };
  return { store, leftovers, cleanup: temp.cleanup };
}

attachmentFileStoreContract('InMemoryAttachmentFileStore', () => {
  const store = new InMemoryAttachmentFileStore();
  return { store, leftovers: () => [...store.staged.keys()] };
});
attachmentFileStoreContract('FsAttachmentFileStore', fsSetup);

describe('AttachmentService checks files while they stream (file system store)', () => {
  let h: ReturnType<typeof fsSetup> & { service: AttachmentService; rows: FakeAttachments };
  beforeEach(() => {
    const s = fsSetup();
    const rows = new FakeAttachments();
    const service = new AttachmentService({
      files: s.store,
      rows,
      tickets: { get: async () => undefined },
      audit: new RecordingAudit(),
      maxBytes: 1024,
    });
    h = { ...s, service, rows };
  });
  afterEach(() => h.cleanup());

  const storedFiles = async () => {
    const out: string[] = [];
    for await (const f of h.store.list()) out.push(f.sha256);
    return out;
  };

  async function refused(
    source: AsyncIterable<Uint8Array>,
    fileName: string,
    contentType: string,
    code: string,
    message: string,
  ) {
    await assert.rejects(
      h.service.stage(source, { fileName, contentType }),
      (err: { code: string; userMessage: string }) => {
        assert.equal(err.code, code);
        assert.equal(err.userMessage, message);
        return true;
      },
    );
    assert.deepEqual(h.leftovers(), [], 'no temp file left');
    assert.deepEqual(await storedFiles(), [], 'nothing stored');
  }

  it('stores a PNG under its hash with the checked type and size', async () => {
    const staged = await h.service.stage(chunksOf(PNG), { fileName: 'エラー画面.png', contentType: 'image/png' });
    assert.deepEqual(
      [staged.fileName, staged.contentType, staged.sizeBytes],
      ['エラー画面.png', 'image/png', PNG.length],
    );
    const { attachment, ticketNumber } = await h.service.addFromRequester(
      { conversationId: 'conv-1', uploadedBy: '山田 花子' },
      staged,
    );
    assert.equal(ticketNumber, undefined, 'held on the conversation');
    assert.equal(attachment.ticketId, undefined);
    assert.deepEqual((await readAll(await h.service.content(attachment))).equals(PNG), true);
    assert.deepEqual(h.leftovers(), []);
  });

  it('refuses a file over the limit while streaming, naming the limit', async () => {
    let pulled = 0;
    async function* big(): AsyncIterable<Uint8Array> {
      yield PDF;
      for (let i = 0; i < 100; i++) {
        pulled += 1;
        yield Buffer.alloc(512, 0x41);
      }
    }
    await refused(
      big(),
      'log.pdf',
      'application/pdf',
      'INPUT_TOO_LARGE',
      'ファイルが大きすぎます。添付できるのは1ファイル1KBまでです。',
    );
    assert.equal(pulled, 2, 'stops reading at the first chunk past the limit');
  });

  it('refuses an empty file', async () => {
    await refused(
      chunksOf(),
      'empty.txt',
      'text/plain',
      'INPUT_INVALID',
      '空のファイルは添付できません（1ファイル1KBまで）。',
    );
  });

  it('refuses a forbidden type with the allow-list and the limit', async () => {
    await refused(
      chunksOf('MZ'),
      'setup.exe',
      'application/x-msdownload',
      'INPUT_INVALID',
      'この種類のファイルは添付できません。添付できるのは画像（PNG・JPEG・GIF・WebP）、PDF、テキスト・ログ（.txt・.log・.csv）、Office文書（Word・Excel・PowerPoint）、ZIPで、1ファイル1KBまでです。',
    );
  });

  it('refuses a .png that is not a PNG, and a PNG claimed as a PDF', async () => {
    await refused(
      chunksOf(PDF),
      'screen.png',
      'image/png',
      'INPUT_INVALID',
      '「screen.png」は、ファイルの内容が名前や種類と一致しないため添付できません。',
    );
    await refused(
      chunksOf(PNG),
      'report.pdf',
      'image/png',
      'INPUT_INVALID',
      '「report.pdf」は、ファイルの内容が名前や種類と一致しないため添付できません。',
    );
  });

  it('accepts UTF-8 and Shift_JIS logs, refuses text with NULs or invalid bytes', async () => {
    const utf8 = await h.service.stage(chunksOf('エラー: 接続できません\n'), {
      fileName: 'error.log',
      contentType: '',
    });
    assert.equal(utf8.contentType, 'text/plain; charset=utf-8');
    const sjis = await h.service.stage(chunksOf(Buffer.from([0x83, 0x47, 0x83, 0x89, 0x81, 0x5b])), {
      fileName: 'エラー.csv',
      contentType: 'application/vnd.ms-excel',
    });
    assert.equal(sjis.contentType, 'text/csv; charset=shift_jis');
    await h.service.discard(utf8);
    await h.service.discard(sjis);
    await refused(
      chunksOf(PNG),
      'notes.txt',
      'text/plain',
      'INPUT_INVALID',
      '「notes.txt」はテキストとして読み取れないため添付できません（UTF-8またはShift_JISのテキストのみ）。',
    );
    await refused(
      chunksOf(Buffer.from([0xff, 0xfe, 0xfd])),
      'bad.log',
      'text/plain',
      'INPUT_INVALID',
      '「bad.log」はテキストとして読み取れないため添付できません（UTF-8またはShift_JISのテキストのみ）。',
    );
  });

  it('keeps only the base name of a path-like file name', async () => {
    const staged = await h.service.stage(chunksOf(PDF), {
      fileName: '..\\..\\secret/手順書.pdf',
      contentType: 'application/pdf',
    });
    assert.equal(staged.fileName, '手順書.pdf');
    await h.service.discard(staged);
  });

  it('removes stored files that no row references any more (retention)', async () => {
    const kept = await h.service.stage(chunksOf(PNG), { fileName: 'a.png' });
    await h.service.addFromRequester({ conversationId: 'c', uploadedBy: 'u' }, kept);
    const orphan = await h.service.stage(chunksOf(PDF), { fileName: 'b.pdf' });
    await h.store.commit(orphan.content);
    assert.equal(await h.service.removeUnreferencedFiles(new Date(Date.now() + 60_000)), 1);
    assert.deepEqual(await storedFiles(), [kept.sha256]);
  });
});
