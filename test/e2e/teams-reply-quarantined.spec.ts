/**
 * A reply's file quarantined after the reply was queued (real app, loopback Bot Connector): the Bot Connector
 * refuses the first send, a rescan then quarantines the reply's image, and the retry sends the reply card, the
 * PDF's FileConsentCard and one Japanese line instead of the image; the reply counts as delivered and is never
 * retried. A PDF quarantined after its consent card went out is not uploaded on accept; the requester reads why.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { FakeClock } from '../../core/clock';
import { SqlFileScans } from '../../db';
import { personalEnvelope } from '../fakes/teams-activities';
import { FakeBotConnector } from '../fakes/teams-connector';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 9)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(90_000, 0x42), Buffer.from('\n%%EOF\n')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PNG_LINE = '添付ファイル「画面.png」はウイルス検査で隔離されたため送信できませんでした。';
const PDF_LINE = '添付ファイル「手順書.pdf」はウイルス検査で隔離されたため送信できませんでした。';

type Sent = {
  activity: { text?: string; attachments?: { contentType: string; name?: string; content?: any }[] };
};

describe('end to end: a Teams reply whose file was quarantined after it was queued', function () {
  this.timeout(120_000);
  const clock = new FakeClock(new Date());
  let kotae: RunningApp;
  let connector: FakeBotConnector;
  let serviceUrl: string;

  before(async () => {
    kotae = await startApp({}, { clock });
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
  });
  after(async () => {
    await connector?.stop();
    await kotae?.stop();
  });

  /** Quarantines a content as `kotae scan-attachments` does (claim, infected verdict). */
  async function quarantine(bytes: Buffer): Promise<void> {
    const scans = new SqlFileScans(kotae.app.dataSource);
    const file = { kind: 'attachment' as const, sha256: sha(bytes) };
    const now = clock.now();
    const claim = { holder: 'cli@test', now, until: new Date(now.getTime() + 60_000) };
    assert.equal(await scans.claim(file, 'ClamAV test', undefined, claim), 'claimed');
    assert.equal(await scans.recordInfected(file, 'Eicar-Test-Signature', 'ClamAV test', 'cli@test', now), true);
  }

  it('sends the reply without the image and with one line naming it; delivered once, never retried', async () => {
    const messages = `${kotae.url}/api/messages`;
    const asked = await postJson(
      messages,
      personalEnvelope(serviceUrl, { id: 'rq-1', text: 'プリンタで印刷できません' }),
    );
    assert.equal(asked.status, 200);
    const [conversation] = await kotae.app.dataSource.getRepository('conversation').findBy({ channel: 'teams' });
    const { ticket } = await kotae.app.helpdesk.escalate({ conversationId: conversation!.id, details: '画面の写し' });
    const service = kotae.app.operators.attachments;
    const staged = [
      await service.stage(Readable.from([PNG]), { fileName: '画面.png', contentType: 'image/png' }),
      await service.stage(Readable.from([PDF]), { fileName: '手順書.pdf', contentType: 'application/pdf' }),
    ];
    const from = connector.sent().length;
    connector.failures.push(403); // not retried by the sender: the reply is queued at once
    const comment = await kotae.app.operators.ticketService.reply(ticket.number, '手順書を送ります。', 'admin', staged);
    assert.equal(comment.deliveredAt, undefined);
    assert.ok(comment.deliveryError);
    assert.equal(connector.sent().length, from, 'nothing reached the chat');

    await quarantine(PNG);
    clock.advanceMinutes(2);
    const delivery = kotae.app.operators.delivery;
    assert.deepEqual(await delivery.retryUndelivered(), { attempted: 1, delivered: 1 });
    const sent = connector.sent().slice(from) as unknown as Sent[];
    assert.equal(sent.length, 3, JSON.stringify(sent.map((s) => s.activity.text ?? s.activity.attachments)));
    assert.equal(sent[0]!.activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(sent[1]!.activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.teams.card.file.consent');
    assert.equal(sent[1]!.activity.attachments?.[0]?.name, '手順書.pdf');
    assert.equal(sent[2]!.activity.text, PNG_LINE);
    assert.equal(sent[2]!.activity.attachments, undefined);
    const [row] = (await kotae.app.dataSource.query(
      `SELECT "deliveredAt", "deliveryError" FROM "ticket_comment" WHERE "id" = ?`,
      [comment.id],
    )) as { deliveredAt: string | null; deliveryError: string | null }[];
    assert.ok(row!.deliveredAt);
    assert.equal(row!.deliveryError, null);
    clock.advanceMinutes(5);
    assert.deepEqual(await delivery.retryUndelivered(), { attempted: 0, delivered: 0 });
    assert.equal(connector.sent().length, from + 3);

    // The PDF quarantined after its consent card went out: accepting it uploads nothing and says why.
    await quarantine(PDF);
    const before = connector.sent().length;
    const invoke = await postJson(
      messages,
      personalEnvelope(serviceUrl, {
        type: 'invoke',
        id: 'rq-consent-1',
        name: 'fileConsent/invoke',
        text: undefined,
        value: {
          type: 'fileUpload',
          action: 'accept',
          context: sent[1]!.activity.attachments?.[0]?.content.acceptContext,
          uploadInfo: { uploadUrl: new URL('/upload/onedrive-item-9', serviceUrl).toString(), name: '手順書.pdf' },
        },
      }),
    );
    assert.equal(invoke.status, 200);
    assert.equal(connector.uploads.length, 0);
    const told = connector.sent().slice(before) as unknown as Sent[];
    assert.deepEqual(
      told.map((s) => s.activity.text),
      [PDF_LINE],
    );
  });
});
