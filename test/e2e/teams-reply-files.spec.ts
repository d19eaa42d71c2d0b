/**
 * Files an operator sends with a reply reach a Teams requester in a form Teams opens (real app,
 * loopback Bot Connector): a small image inline as a base64 data URL; a PDF in a personal chat as a
 * FileConsentCard, and on `fileConsent/invoke` accept the bytes are PUT to the upload URL and a
 * FileInfoCard follows; in a group chat a signed, time-limited download link that serves the file
 * (a tampered link answers 404).
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { GROUP_MEMBERS, groupChatMention, personalEnvelope } from '../fakes/teams-activities';
import { FakeBotConnector } from '../fakes/teams-connector';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100_000, 0x41), Buffer.from('\n%%EOF\n')]);

type Sent = {
  activity: {
    text?: string;
    attachments?: { contentType: string; contentUrl?: string; name?: string; content?: any }[];
  };
};

describe('end to end: an operator reply with files reaches a Teams requester', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let connector: FakeBotConnector;
  let serviceUrl: string;

  before(async () => {
    kotae = await startApp({ KOTAE_FILE_LINK_SECRET: 'x'.repeat(40) });
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
  });
  after(async () => {
    await connector?.stop();
    await kotae?.stop();
  });

  async function replyWithFiles(conversationId: string, files: { name: string; type: string; bytes: Buffer }[]) {
    const { ticket } = await kotae.app.helpdesk.escalate({ conversationId, details: '画面の写しをください' });
    const service = kotae.app.operators.attachments;
    const staged = [];
    for (const f of files)
      staged.push(await service.stage(Readable.from([f.bytes]), { fileName: f.name, contentType: f.type }));
    const from = connector.sent().length;
    const comment = await kotae.app.operators.ticketService.reply(
      ticket.number,
      '手順書と画面を送ります。',
      'admin',
      staged,
    );
    assert.ok(comment.deliveredAt, comment.deliveryError);
    return connector.sent().slice(from) as unknown as Sent[];
  }

  it('personal chat: the image inline; the PDF by FileConsentCard, uploaded on accept, then a FileInfoCard', async () => {
    const messages = `${kotae.url}/api/messages`;
    assert.equal(
      (await postJson(messages, personalEnvelope(serviceUrl, { id: 'rf-1', text: 'プリンタで印刷できません' }))).status,
      200,
    );
    const conversation = (await kotae.app.dataSource.getRepository('conversation').findBy({ channel: 'teams' }))[0];
    const sent = await replyWithFiles(conversation.id, [
      { name: '画面.png', type: 'image/png', bytes: PNG },
      { name: '手順書.pdf', type: 'application/pdf', bytes: PDF },
    ]);
    assert.equal(sent.length, 3, JSON.stringify(sent.map((s) => s.activity.attachments?.[0]?.contentType)));
    const [card, image, consent] = sent.map((s) => s.activity.attachments?.[0]);
    assert.equal(card?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(image, {
      contentType: 'image/png',
      contentUrl: `data:image/png;base64,${PNG.toString('base64')}`,
      name: '画面.png',
    });
    assert.equal(consent?.contentType, 'application/vnd.microsoft.teams.card.file.consent');
    assert.equal(consent?.name, '手順書.pdf');
    assert.equal(consent?.content.sizeInBytes, PDF.length);
    assert.equal(consent?.content.acceptContext.conversationId, conversation.id);

    const before = connector.sent().length;
    const uploadUrl = new URL('/upload/onedrive-item-1', serviceUrl).toString();
    const invoke = await postJson(
      messages,
      personalEnvelope(serviceUrl, {
        type: 'invoke',
        id: 'rf-consent-1',
        name: 'fileConsent/invoke',
        text: undefined,
        value: {
          type: 'fileUpload',
          action: 'accept',
          context: consent?.content.acceptContext,
          uploadInfo: {
            contentUrl: 'https://contoso-my.sharepoint.com/personal/megan/Documents/Applications/Kotae/手順書.pdf',
            name: '手順書.pdf',
            uploadUrl,
            uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D',
            fileType: 'pdf',
          },
        },
      }),
    );
    assert.equal(invoke.status, 200);
    assert.equal(connector.uploads.length, 1);
    const [upload] = connector.uploads;
    assert.equal(upload.path, '/upload/onedrive-item-1');
    assert.equal(upload.contentRange, `bytes 0-${PDF.length - 1}/${PDF.length}`);
    assert.equal(upload.contentLength, String(PDF.length));
    assert.ok(upload.bytes.equals(PDF));
    const info = (connector.sent().slice(before) as unknown as Sent[]).map((s) => s.activity.attachments?.[0]);
    assert.deepEqual(info, [
      {
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        contentUrl: 'https://contoso-my.sharepoint.com/personal/megan/Documents/Applications/Kotae/手順書.pdf',
        name: '手順書.pdf',
        content: { uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: 'pdf' },
      },
    ]);
    // The same invoke again (redelivery): nothing uploaded or sent twice.
    await postJson(
      messages,
      personalEnvelope(serviceUrl, { type: 'invoke', id: 'rf-consent-1', name: 'fileConsent/invoke', value: {} }),
    );
    assert.equal(connector.uploads.length, 1);
    assert.equal(connector.sent().length, before + 1);
  });

  it('group chat: a signed download link that serves the file; a tampered or unknown link answers 404', async () => {
    const messages = `${kotae.url}/api/messages`;
    const from = GROUP_MEMBERS.hanako;
    const asked = await postJson(messages, groupChatMention(serviceUrl, 'rf-g-1', from, 'VPNにつながりません'));
    assert.equal(asked.status, 200);
    const conversation = (await kotae.app.dataSource.getRepository('conversation').findBy({ channel: 'teams' })).find(
      (c) => String(c.channelRef).includes('groupChat'),
    );
    assert.ok(conversation);
    const sent = await replyWithFiles(conversation.id, [{ name: '手順書.pdf', type: 'application/pdf', bytes: PDF }]);
    assert.equal(sent.length, 2);
    const text = String(sent[1].activity.text);
    assert.match(
      text,
      /^📎 ヘルプデスクからのファイル「手順書\.pdf」: \[ダウンロード\]\(http:\/\/localhost:\d+\/api\/files\/[0-9a-f-]{36}\?exp=\d+&sig=[0-9a-f]{64}\)（リンクの有効期限は7日間です）$/,
    );
    const link = new URL(/\((http[^)]+)\)/.exec(text)?.[1] ?? '');
    const res = await fetch(`${kotae.url}${link.pathname}${link.search}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(String(res.headers.get('content-disposition')), /^attachment;/);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(PDF));
    // Change the signature's first digit (to another digit: replacing it by itself would not tamper).
    const tampered = `${kotae.url}${link.pathname}${link.search.replace(/sig=(.)/, (_, c: string) => `sig=${c === '0' ? '1' : '0'}`)}`;
    const refused = await fetch(tampered);
    assert.equal(refused.status, 404);
    assert.match(await refused.text(), /リンクの有効期限が切れています/);
  });
});
