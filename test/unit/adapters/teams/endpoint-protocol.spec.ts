import assert from 'node:assert/strict';
import { actionExecuteInvoke, readTeamsFixture, replayable, teamsFixtureNames } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';
import { cardOf } from '../../../fakes/teams-connector';

type Executable = { type: string; verb?: string; data?: unknown; actions?: Executable[]; action?: Executable };

/** Every Action.Execute in a FRAGMENT card (body ActionSets and the refresh action). */
function executeActions(card: { body?: Executable[]; refresh?: { action?: Executable } }): Executable[] {
  const fromBody = (card.body ?? []).flatMap((e) => e.actions ?? []);
  return [...fromBody, ...(card.refresh?.action ? [card.refresh.action] : [])].filter(
    (a) => a.type === 'Action.Execute',
  );
}

describe('Teams endpoint: protocol', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => h.close());

  it('replays every documented payload without a server error', async () => {
    const names = teamsFixtureNames();
    assert.ok(names.length >= 10, `fixtures found in ../shared/fixtures/teams: ${names.length}`);
    for (const name of names) {
      if (name.includes('FRAGMENT')) {
        const card = readTeamsFixture(name) as { body?: Executable[]; refresh?: { action?: Executable } };
        const actions = executeActions(card);
        assert.ok(actions.length > 0, name);
        for (const [i, action] of actions.entries()) {
          const trigger = name.includes('autorefresh') ? 'automatic' : 'manual';
          const res = await h.post(actionExecuteInvoke(h.serviceUrl, `${name}-${i}`, action, trigger));
          assert.equal(res.status, 200, name);
          assert.equal((res.body as { type: string }).type, 'application/vnd.microsoft.activity.message', name);
        }
      } else {
        const res = await h.post(replayable(name, h.serviceUrl));
        const expected = name.startsWith('invoke-composeExtension') ? 501 : 200;
        assert.equal(res.status, expected, `${name}: ${JSON.stringify(res.body)}`);
      }
    }
    assert.ok(!h.logger.lines.some((l) => l.level === 'error'), JSON.stringify(h.logger.lines));
  });

  it('welcomes when the bot is added to a personal chat', async () => {
    const res = await h.post(replayable('conversationUpdate-membersAdded-personal.json', h.serviceUrl));
    assert.equal(res.status, 200);
    const [welcome] = h.connector.sent();
    assert.equal(welcome.conversationId, '***');
    const text = cardOf(welcome)
      .body.map((b) => b.text)
      .join('\n');
    assert.match(text, /Kotae ヘルプデスクへようこそ/);
    assert.match(text, /こんにちは。ITヘルプデスクの自動応答 Kotae です。/);
    assert.match(text, /受付時間: 平日 8:30〜17:15/);
    assert.match(text, /担当者に問い合わせる/);
  });

  for (const name of [
    'conversationUpdate-channelCreated.json',
    'conversationUpdate-teamRenamed.json',
    'conversationUpdate-teamMemberRemoved.json',
    'messageReaction-removed.json',
  ]) {
    it(`acknowledges ${name} without replying`, async () => {
      const res = await h.post(replayable(name, h.serviceUrl));
      assert.equal(res.status, 200);
      assert.equal(h.connector.calls.length, 0);
      assert.equal(h.helpdesk.asks.length + h.helpdesk.feedbacks.length + h.helpdesk.escalations.length, 0);
    });
  }

  it('answers unsupported invokes (composeExtension/fetchTask) with 501 Not Implemented', async () => {
    const res = await h.post(replayable('invoke-composeExtension-fetchTask-channel.json', h.serviceUrl));
    assert.equal(res.status, 501);
    assert.equal(h.connector.calls.length, 0);
  });

  it('rejects malformed JSON with 400 (express.json + error middleware)', async () => {
    const res = await h.post('{"type": "message", ');
    assert.equal(res.status, 400);
  });

  it('rejects bodies that are not activities with 400', async () => {
    assert.equal((await h.post([1, 2])).status, 400);
    assert.equal((await h.post({ text: 'no type' })).status, 400);
    assert.equal((await h.post({ type: 'message', conversation: { id: 'x' }, from: 'not an account' })).status, 400);
  });

  it('rejects forwarded requests without credentials (a local reverse proxy is not a loopback caller)', async () => {
    const res = await h.post(replayable('message-personal-with-tenant-aad.json', h.serviceUrl), {
      'x-forwarded-for': '203.0.113.9',
    });
    assert.equal(res.status, 403);
    assert.equal(h.helpdesk.asks.length, 0);
  });

  it('logs a warning at start when no credentials are configured', () => {
    assert.equal(h.endpoint.authenticated, false);
    assert.ok(h.logger.lines.some((l) => l.level === 'warn' && /only loopback/.test(l.msg)));
  });
});
