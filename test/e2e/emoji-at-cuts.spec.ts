/**
 * An emoji (a surrogate pair) where Kotae cuts text — the name tagger's 500-character pieces, a ticket's 80-character
 * title, a feedback comment's 2,000 characters — is kept whole or left out whole: the question is answered (never a
 * 500) and no stored text ends in a broken character.
 */
import assert from 'node:assert/strict';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { cutText, safeCutIndex } from '../../core';

describe('an emoji where text is cut', function () {
  this.timeout(90_000);
  let kotae: RunningApp;
  before(async () => {
    kotae = await startApp();
  });
  after(() => kotae?.stop());

  it('cuts before a surrogate pair, never inside it', () => {
    assert.equal(cutText('ab😀c', 3), 'ab');
    assert.equal(cutText('ab😀c', 4), 'ab😀');
    assert.equal(cutText('abc', 5), 'abc');
    assert.equal(safeCutIndex('ab😀c', 3), 2);
    assert.equal(safeCutIndex('ab😀c', 4), 4);
  });

  it('answers a question whose emoji straddles the name tagger’s piece boundary, and titles its ticket whole', async () => {
    const question = 'あ'.repeat(499) + '🙏' + 'パスワードを忘れました';
    const asked = await postJson(`${kotae.url}/api/ask`, { question });
    assert.equal(asked.status, 200);
    assert.equal(typeof asked.body.conversationId, 'string');
    const secret = { 'x-kotae-conversation-token': asked.body.conversationToken as string };

    // The ticket's title is the question cut at 80 units: the emoji at 79–80 is left out whole.
    const titled = await postJson(
      `${kotae.url}/api/ask`,
      {
        question: 'プリンター'.repeat(15) + 'のトナー🖨️が切れた',
        conversationId: asked.body.conversationId,
      },
      secret,
    );
    assert.equal(titled.status, 200);
    const ticket = await postJson(
      `${kotae.url}/api/tickets`,
      {
        conversationId: asked.body.conversationId,
        user: { name: '試験 花子', department: '情報政策課', phone: '1234' },
      },
      secret,
    );
    assert.equal(ticket.status, 201);
    const rows = (await kotae.app.dataSource.query('SELECT "title" FROM "ticket"')) as Array<{ title: string }>;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.title, 'プリンター'.repeat(15) + 'のトナー');

    const feedback = await postJson(
      `${kotae.url}/api/feedback`,
      { conversationId: asked.body.conversationId, resolved: false, comment: 'い'.repeat(1999) + '😀' },
      secret,
    );
    assert.equal(feedback.status, 200);
  });
});
