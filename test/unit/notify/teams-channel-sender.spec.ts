/** The operators' Teams channel: one proactive post through the Teams ChannelSender, addressed by the config. */
import assert from 'node:assert/strict';
import { TeamsChannelSender } from '../../../notify';
import { RecordingSender } from '../tickets/fakes';

describe('TeamsChannelSender', () => {
  it('posts subject and body to the configured channel conversation', async () => {
    const teams = new RecordingSender('teams');
    const sender = new TeamsChannelSender(
      teams,
      { serviceUrl: 'https://smba.example.test/jp/', conversationId: '19:operators@thread.tacv2' },
      '00000000-0000-0000-0000-00000000b07a',
    );
    await sender.send({
      recipient: 'operators-channel',
      subject: '【Kotae】新しいチケット HD-2026-000001',
      body: '本文',
    });
    assert.equal(teams.sent.length, 1);
    const { conversation, reply } = teams.sent[0]!;
    assert.equal(conversation.channel, 'teams');
    assert.deepEqual(JSON.parse(conversation.channelRef!), {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.test/jp/',
      conversation: { id: '19:operators@thread.tacv2', isGroup: true, conversationType: 'channel' },
      agent: { id: '28:00000000-0000-0000-0000-00000000b07a', role: 'bot' },
    });
    assert.equal(reply.text, '【Kotae】新しいチケット HD-2026-000001\n\n本文');
  });
});
