import assert from 'node:assert/strict';
import { textBlocks } from '../../../../adapters/teams/text-blocks';
import { TICKET_MESSAGES } from '../../../../tickets';
import { personalEnvelope } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';

describe('Teams: line breaks of replies as Teams shows them', () => {
  describe('textBlocks', () => {
    it('gives every line its own TextBlock, without a gap inside a paragraph', () => {
      assert.deepEqual(textBlocks('一行目\r\n二行目\n三行目'), [
        { type: 'TextBlock', text: '一行目', wrap: true },
        { type: 'TextBlock', text: '二行目', wrap: true, spacing: 'None' },
        { type: 'TextBlock', text: '三行目', wrap: true, spacing: 'None' },
      ]);
    });

    it('keeps a blank line as a paragraph gap and list items together in one block', () => {
      assert.deepEqual(textBlocks('手順は次のとおりです。\n1. 再起動する\n2. 再接続する\n\n  \n以上です。  '), [
        { type: 'TextBlock', text: '手順は次のとおりです。', wrap: true },
        { type: 'TextBlock', text: '1. 再起動する\n2. 再接続する', wrap: true, spacing: 'None' },
        { type: 'TextBlock', text: '以上です。', wrap: true, spacing: 'Medium' },
      ]);
    });

    it('renders a one-line or empty text as one TextBlock', () => {
      assert.deepEqual(textBlocks('了解しました。'), [{ type: 'TextBlock', text: '了解しました。', wrap: true }]);
      assert.deepEqual(textBlocks(''), [{ type: 'TextBlock', text: '', wrap: true }]);
    });
  });

  describe('through the loopback Bot Connector', () => {
    let h: TeamsHarness;
    beforeEach(async () => {
      h = await startTeamsHarness();
      await h.post(personalEnvelope(h.serviceUrl, { id: 'm-1', text: 'VPNにつながりません' }));
    });
    afterEach(async () => h.close());

    async function deliver(text: string): Promise<Record<string, unknown>> {
      const conversation = await h.store.getConversation('conv-1');
      assert.ok(conversation);
      const before = h.connector.sent().length;
      await h.endpoint.sender.sendToConversation(conversation, {
        conversationId: 'conv-1',
        text,
        sources: [],
        choices: [],
        actions: [],
      });
      const sent = h.connector.sent();
      assert.equal(sent.length, before + 1);
      return sent[sent.length - 1].activity;
    }

    it('delivers a 3-line operator reply with each line on its own line (exact payload)', async () => {
      const reply = `${TICKET_MESSAGES.replyPrefix('HD-2026-000001')}\nVPN装置を再起動しました。\nもう一度接続をお試しください。`;
      const activity = await deliver(reply);
      assert.equal(activity.type, 'message');
      assert.deepEqual(activity.attachments, [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard',
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            version: '1.5',
            body: [
              { type: 'TextBlock', text: '【ヘルプデスクからの回答】HD-2026-000001', wrap: true },
              { type: 'TextBlock', text: 'VPN装置を再起動しました。', wrap: true, spacing: 'None' },
              { type: 'TextBlock', text: 'もう一度接続をお試しください。', wrap: true, spacing: 'None' },
            ],
            msteams: { width: 'Full' },
          },
        },
      ]);
    });

    it('delivers a status notice line by line, whatever its wording', async () => {
      const notice = TICKET_MESSAGES.statusChanged('HD-2026-000002', 'resolved');
      const activity = await deliver(notice);
      const [card] = activity.attachments as { content: { body: { text: string; spacing?: string }[] } }[];
      const lines = notice.split('\n');
      assert.ok(lines.length >= 2);
      assert.deepEqual(
        card.content.body.map((b) => [b.text, b.spacing]),
        lines.map((line, i) => [line, i === 0 ? undefined : 'None']),
      );
    });
  });
});
