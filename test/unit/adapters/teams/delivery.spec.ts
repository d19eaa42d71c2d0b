import assert from 'node:assert/strict';
import type { BotReply } from '../../../../conversations';
import { KotaeError } from '../../../../core/errors';
import { personalEnvelope } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';
import { cardOf } from '../../../fakes/teams-connector';
import { FakeDirectoryLookup } from '../../../fakes/teams-directory';

const operatorReply: BotReply = {
  conversationId: 'conv-1',
  text: '【担当者より】VPN装置を再起動しました。もう一度お試しください。',
  sources: [],
  choices: [],
  actions: ['resolved', 'not_resolved'],
};

describe('Teams delivery: retries and proactive sends', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20, attemptTimeoutMs: 300 } });
  });
  afterEach(async () => h.close());

  it('delivers a reply after the Bot Connector answered 500 twice', async () => {
    h.connector.failures.push(0, 500, 500); // 0: the typing indicator goes through
    const res = await h.post(personalEnvelope(h.serviceUrl, { id: 'r-1', text: 'VPNにつながりません' }));
    assert.equal(res.status, 200);
    assert.equal(h.connector.sent().length, 1);
    assert.equal(h.helpdesk.asks.length, 1);
    assert.equal(h.logger.lines.filter((l) => l.msg === 'teams: reply failed, retrying').length, 2);
  });

  it('sends proactively to the stored conversation reference (console reply)', async () => {
    await h.post(personalEnvelope(h.serviceUrl, { id: 'p-1', text: 'VPNにつながりません' }));
    const conversation = await h.store.getConversation('conv-1');
    assert.ok(conversation?.channelRef);
    await h.endpoint.sender.sendToConversation(conversation, operatorReply);
    const proactive = h.connector.sent().at(-1);
    assert.ok(proactive);
    assert.match(proactive.conversationId, /^a:17I0kl9/);
    assert.notEqual(proactive.replyToId, 'p-1'); // not a reply to the old message (the SDK uses its continuation id)
    assert.equal(proactive.authorization, undefined); // anonymous (no credentials) towards loopback
    const card = cardOf(proactive);
    assert.match(card.body[0].text ?? '', /VPN装置を再起動しました/);
    assert.deepEqual(
      card.actions?.map((a) => a.title),
      ['解決した', '解決しない'],
    );
  });

  it('retries a failing or slow connector on proactive sends', async () => {
    await h.post(personalEnvelope(h.serviceUrl, { id: 'p-2', text: 'VPN' }));
    const conversation = await h.store.getConversation('conv-1');
    assert.ok(conversation);
    const before = h.connector.sent().length;
    h.connector.stalls.push(1_000); // attempt 1 times out (300 ms)
    h.connector.failures.push(503); // attempt 2 fails, attempt 3 succeeds
    await h.endpoint.sender.sendToConversation(conversation, operatorReply);
    assert.equal(h.connector.sent().length - before, 1);
    assert.equal(h.logger.lines.filter((l) => l.msg === 'teams: proactive send failed, retrying').length, 2);
  });

  it('gives up after the bounded attempts with CHANNEL_SEND_FAILED', async () => {
    await h.post(personalEnvelope(h.serviceUrl, { id: 'p-3', text: 'VPN' }));
    const conversation = await h.store.getConversation('conv-1');
    assert.ok(conversation);
    h.connector.failures.push(500, 500, 500, 500, 500);
    await assert.rejects(h.endpoint.sender.sendToConversation(conversation, operatorReply), (err: unknown) => {
      assert.ok(err instanceof KotaeError);
      assert.equal(err.code, 'CHANNEL_SEND_FAILED');
      assert.equal(err.details?.status, 500);
      return true;
    });
    assert.equal(h.connector.failures.length, 1); // exactly 4 attempts were made
  });

  it('does not retry a 403 (bot removed from the conversation)', async () => {
    await h.post(personalEnvelope(h.serviceUrl, { id: 'p-4', text: 'VPN' }));
    const conversation = await h.store.getConversation('conv-1');
    assert.ok(conversation);
    h.connector.failures.push(403, 500);
    await assert.rejects(
      h.endpoint.sender.sendToConversation(conversation, operatorReply),
      /CHANNEL_SEND_FAILED|Bot Connector/,
    );
    assert.deepEqual(h.connector.failures, [500]);
  });

  it('refuses conversations without a Teams reference', async () => {
    const at = new Date();
    await assert.rejects(
      h.endpoint.sender.sendToConversation(
        { id: 'c', channel: 'teams', requester: {}, startedAt: at, lastActivityAt: at },
        operatorReply,
      ),
      (err: unknown) => err instanceof KotaeError && err.code === 'CHANNEL_SEND_FAILED',
    );
    await assert.rejects(
      h.endpoint.sender.sendToConversation(
        { id: 'w', channel: 'web', requester: {}, startedAt: at, lastActivityAt: at },
        operatorReply,
      ),
      (err: unknown) => err instanceof KotaeError && err.code === 'CHANNEL_UNSUPPORTED',
    );
  });

  it('adds the department from the directory, and answers without it when the directory fails', async () => {
    await h.close();
    const directory = new FakeDirectoryLookup(new Map([['7faf8ab2-3d56-4244-b585-20c8a42ed2b8', '情報政策課']]));
    h = await startTeamsHarness({ directory });
    await h.post(personalEnvelope(h.serviceUrl, { id: 'd-1', text: 'VPN' }));
    directory.failing = true;
    await h.post(personalEnvelope(h.serviceUrl, { id: 'd-2', text: 'メール' }));
    assert.equal(h.helpdesk.asks[0].requester?.department, '情報政策課');
    assert.equal(h.helpdesk.asks[1].requester?.department, undefined);
    assert.equal(h.connector.sent().length, 2);
    assert.ok(h.logger.lines.some((l) => l.level === 'warn' && l.msg === 'teams: directory lookup failed'));
  });
});
