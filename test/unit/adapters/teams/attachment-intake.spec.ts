/**
 * Files and images of Teams messages through the loopback Bot Connector: inline images are fetched
 * with the bot's token from the conversation's own serviceUrl host only, shared files from their
 * download URL without a token; both are kept on the conversation; refusals are told in Japanese.
 */
import assert from 'node:assert/strict';
import type { TurnContext } from '@microsoft/agents-hosting';
import { connectorToken } from '../../../../adapters/teams/attachment-intake';
import { MemoryLogger } from '../../../../core/logger';
import { SystemClock } from '../../../../core/clock';
import { AttachmentService, UploadScan } from '../../../../tickets';
import { FakeFileScanner } from '../../../fakes/fake-file-scanner';
import { EICAR } from '../../../helpers/clamd';
import { InMemoryAttachmentFileStore } from '../../../fakes/in-memory-attachment-files';
import { personalEnvelope } from '../../../fakes/teams-activities';
import { cardOf, type SentCard } from '../../../fakes/teams-connector';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';
import { FakeAttachments, RecordingAudit } from '../../tickets/fakes';

const cardText = (card: SentCard): string => card.body.map((b) => b.text ?? '').join('\n');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 7)]);
const IMAGE_PATH = '/v3/attachments/img-1/views/original';

describe('Teams endpoint: files and images of a message', () => {
  let h: TeamsHarness;
  let rows: FakeAttachments;
  let files: InMemoryAttachmentFileStore;

  beforeEach(async () => {
    rows = new FakeAttachments();
    files = new InMemoryAttachmentFileStore();
    const attachments = new AttachmentService({
      files,
      rows,
      tickets: { get: async () => undefined },
      audit: new RecordingAudit(),
      maxBytes: 4096,
    });
    h = await startTeamsHarness({
      attachments: { attachments, botToken: async () => 'bot-token-1', extraDownloadHosts: ['127.0.0.1'] },
    });
  });
  afterEach(() => h.close());

  const url = (path: string) => new URL(path, h.serviceUrl).toString();

  it('keeps an inline image fetched with the bot token and still asks for text', async () => {
    h.connector.files.set(IMAGE_PATH, { bytes: PNG, contentType: 'image/png', token: 'bot-token-1' });
    const res = await h.post(
      personalEnvelope(h.serviceUrl, {
        id: 'img-1',
        text: '',
        attachments: [
          { contentType: 'image/*', contentUrl: url(IMAGE_PATH) },
          { contentType: 'text/html', content: '<div><img src="x" /></div>' },
        ],
      }),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(h.connector.downloads, [{ path: IMAGE_PATH, authorization: 'Bearer bot-token-1' }]);
    assert.equal(rows.items.length, 1);
    const [kept] = rows.items;
    assert.deepEqual(
      [kept.fileName, kept.contentType, kept.sizeBytes, kept.kind],
      ['image.png', 'image/png', PNG.length, 'requester'],
    );
    assert.deepEqual([kept.conversationId], [...h.store.records.keys()]);
    assert.equal(kept.ticketId, undefined, 'held until escalation');
    assert.ok((await readAll(await files.read(kept.sha256!))).equals(PNG));
    assert.equal(h.helpdesk.asks.length, 0);
    const sent = h.connector.sent();
    assert.equal(sent.length, 1);
    assert.equal(
      cardText(cardOf(sent[0])),
      '「image.png」を受け取りました。担当者に問い合わせると、このファイルも引き継がれます。\n' +
        'ファイルや画像の内容は読み取れません。困っていることを文章で入力してください（エラーメッセージは文字で書き写してください）。',
    );
  });

  it('keeps a shared file from its download URL without sending the token', async () => {
    h.connector.files.set('/files/error.log', { bytes: Buffer.from('E1234 接続エラー\n'), contentType: 'text/plain' });
    await h.post(
      personalEnvelope(h.serviceUrl, {
        id: 'file-1',
        text: 'ログを送ります',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'error.log',
            content: { downloadUrl: url('/files/error.log'), uniqueId: 'u-1', fileType: 'log' },
          },
        ],
      }),
    );
    assert.deepEqual(h.connector.downloads, [{ path: '/files/error.log', authorization: undefined }]);
    assert.deepEqual(
      rows.items.map((r) => [r.fileName, r.contentType]),
      [['error.log', 'text/plain; charset=utf-8']],
    );
    assert.equal(h.helpdesk.asks[0]?.text, 'ログを送ります', 'the text is still a question');
  });

  it('never fetches an image from another host (no token leaves for it) and refuses forbidden files in Japanese', async () => {
    h.connector.files.set('/files/setup.exe', { bytes: Buffer.from('MZ'), contentType: 'application/octet-stream' });
    await h.post(
      personalEnvelope(h.serviceUrl, {
        id: 'mixed-1',
        text: '',
        attachments: [
          { contentType: 'image/png', contentUrl: 'https://attacker.example/steal.png' },
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'setup.exe',
            content: { downloadUrl: url('/files/setup.exe'), fileType: 'exe' },
          },
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'x.pdf',
            content: { downloadUrl: 'https://attacker.example/x.pdf', fileType: 'pdf' },
          },
        ],
      }),
    );
    assert.deepEqual(h.connector.downloads, [{ path: '/files/setup.exe', authorization: undefined }]);
    assert.equal(rows.items.length, 0);
    assert.equal(files.files.size, 0);
    assert.match(
      cardText(cardOf(h.connector.sent()[0])),
      /^この種類のファイルは添付できません。.*1ファイル4KBまでです。\n/,
    );
  });

  it('tells the requester when the Bot Connector refuses the image', async () => {
    h.connector.files.set(IMAGE_PATH, { bytes: PNG, contentType: 'image/png', token: 'another-token' });
    await h.post(
      personalEnvelope(h.serviceUrl, {
        id: 'img-2',
        text: '',
        attachments: [{ contentType: 'image/*', contentUrl: url(IMAGE_PATH) }],
      }),
    );
    assert.equal(rows.items.length, 0);
    assert.match(
      cardText(cardOf(h.connector.sent()[0])),
      /^「画像」を受け取れませんでした。お手数ですが、もう一度送ってください。/,
    );
  });
});

describe('Teams endpoint: a shared file with malware', () => {
  it('refuses it in Japanese with the signature, keeps nothing and audits it once as channel teams', async () => {
    const rows = new FakeAttachments();
    const files = new InMemoryAttachmentFileStore();
    const audit = new RecordingAudit();
    const scanner = new FakeFileScanner({ [EICAR]: 'Eicar-Test-Signature' });
    const scan = new UploadScan({
      scanner,
      required: true,
      audit,
      logger: new MemoryLogger(),
      clock: new SystemClock(),
    });
    const attachments = new AttachmentService({ files, rows, tickets: { get: async () => undefined }, audit, scan });
    const h = await startTeamsHarness({ attachments: { attachments, extraDownloadHosts: ['127.0.0.1'] } });
    try {
      h.connector.files.set('/files/eicar.txt', { bytes: Buffer.from(EICAR), contentType: 'text/plain' });
      await h.post(
        personalEnvelope(h.serviceUrl, {
          id: 'virus-1',
          text: '',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.teams.file.download.info',
              name: 'eicar.txt',
              content: { downloadUrl: new URL('/files/eicar.txt', h.serviceUrl).toString(), fileType: 'txt' },
            },
          ],
        }),
      );
      assert.equal(rows.items.length, 0);
      assert.equal(files.files.size + files.staged.size, 0);
      assert.match(
        cardText(cardOf(h.connector.sent()[0])),
        /^「eicar\.txt」からウイルスが検出されたため、受け付けられませんでした。（検出名: Eicar-Test-Signature）ファイルは保存していません。\n/,
      );
      assert.deepEqual(
        audit.entries.map((e) => [
          e.action,
          e.detail?.channel,
          e.detail?.signature,
          e.target?.startsWith('conversation:'),
        ]),
        [['attachment.infected', 'teams', 'Eicar-Test-Signature', true]],
      );
    } finally {
      await h.close();
    }
  });
});

describe('Teams attachments: the bot token of the turn', () => {
  it("reads the bearer token the SDK put on the turn's connector client", async () => {
    const key = Symbol('ConnectorClient');
    const context = (authorization?: string) =>
      ({
        adapter: { ConnectorClientKey: key },
        turnState: new Map([
          [key, { httpClient: { defaultHeaders: authorization ? { Authorization: authorization } : {} } }],
        ]),
      }) as unknown as TurnContext;
    assert.equal(await connectorToken(context('Bearer eyJ.token')), 'eyJ.token');
    assert.equal(await connectorToken(context()), undefined);
  });

  it('without credentials (loopback) fetches through the real connector client of the turn with no token', async () => {
    const rows = new FakeAttachments();
    const attachments = new AttachmentService({
      files: new InMemoryAttachmentFileStore(),
      rows,
      tickets: { get: async () => undefined },
      audit: new RecordingAudit(),
    });
    const h = await startTeamsHarness({ attachments: { attachments } });
    try {
      h.connector.files.set(IMAGE_PATH, { bytes: PNG, contentType: 'image/png' });
      const url = new URL(IMAGE_PATH, h.serviceUrl).toString();
      await h.post(
        personalEnvelope(h.serviceUrl, {
          id: 'img-9',
          text: '',
          attachments: [{ contentType: 'image/*', contentUrl: url }],
        }),
      );
      assert.deepEqual(h.connector.downloads, [{ path: IMAGE_PATH, authorization: undefined }]);
      assert.equal(rows.items.length, 1);
    } finally {
      await h.close();
    }
  });
});

async function readAll(content: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of content) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}
