/**
 * A Teams image on the real app: the requester's conversation has a ticket, an image sent in the
 * Teams chat is fetched from the (loopback) Bot Connector, stored, and shown to the operator.
 */
import assert from 'node:assert/strict';
import { personalEnvelope } from '../fakes/teams-activities';
import { cardOf } from '../fakes/teams-connector';
import { signInConsole } from '../helpers/console-client';
import { postJson } from '../helpers/start-app';
import { teamsOnApp } from '../helpers/teams-on-app';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(128, 3)]);

describe('end to end: a Teams image attachment reaches the operator', function () {
  this.timeout(120_000);
  const on = teamsOnApp();

  it('stores the image on the open ticket and shows it on the console ticket page', async () => {
    const messages = `${on.kotae.url}/api/messages`;
    const ask = await postJson(
      messages,
      personalEnvelope(on.serviceUrl, { id: 'ta-1', text: 'プリンタで印刷できません' }),
    );
    assert.equal(ask.status, 200);
    const [conversation] = await on.kotae.app.dataSource.getRepository('conversation').findBy({ channel: 'teams' });
    const { ticket } = await on.kotae.app.helpdesk.escalate({
      conversationId: conversation.id,
      details: '画面を送ります',
    });

    const path = '/v3/attachments/ta-img/views/original';
    on.connector.files.set(path, { bytes: PNG, contentType: 'image/png' });
    const image = await postJson(
      messages,
      personalEnvelope(on.serviceUrl, {
        id: 'ta-2',
        text: '',
        attachments: [{ contentType: 'image/*', contentUrl: new URL(path, on.serviceUrl).toString() }],
      }),
    );
    assert.equal(image.status, 200);
    assert.deepEqual(
      on.connector.downloads.map((d) => d.path),
      [path],
    );
    const notice = cardOf(on.connector.sent().at(-1)!)
      .body.map((b) => b.text ?? '')
      .join('\n');
    assert.match(notice, new RegExp(`^「image\\.png」を ${ticket.number} に添付しました。`));

    const operator = await signInConsole(on.kotae.url, 'admin', 'e2e-admin-password');
    const page = await operator.get(`/console/tickets/${ticket.number}`);
    const id = /<img class="thumb" src="\/console\/attachments\/([0-9a-f-]{36})"/.exec(page.text)?.[1];
    assert.ok(id, 'thumbnail on the ticket page');
    assert.match(page.text, /依頼者 ・ /);
    const res = await fetch(`${on.kotae.url}/console/attachments/${id}`, { headers: { cookie: operator.cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(PNG));
  });
});
