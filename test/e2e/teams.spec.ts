import assert from 'node:assert/strict';
import { createTeamsEndpoint, type TeamsEndpoint } from '../../adapters/teams';
import { deskHoursText } from '../../app/desk-hours';
import { SqlConversationStore } from '../../db';
import { actionExecuteInvoke, personalEnvelope, replayable } from '../fakes/teams-activities';
import { serveTeamsInWebApp } from '../helpers/teams-web-app';
import { cardOf, FakeBotConnector } from '../fakes/teams-connector';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

/**
 * The Teams channel on the real helpdesk (SQLite, sample knowledge base) and the real web app's
 * mount, with a loopback Bot Connector.
 */
describe('end to end: Teams channel on the real helpdesk', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let connector: FakeBotConnector;
  let serviceUrl: string;
  let teams: TeamsEndpoint;
  let web: Awaited<ReturnType<typeof serveTeamsInWebApp>>;
  let url: string;

  before(async () => {
    kotae = await startApp();
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
    const conversations = new SqlConversationStore(kotae.app.dataSource, () => kotae.clock.now());
    teams = createTeamsEndpoint({
      helpdesk: kotae.app.helpdesk,
      conversations,
      logger: kotae.logger,
      deskHours: deskHoursText(kotae.config),
      extraServiceHosts: ['127.0.0.1'],
    });
    web = await serveTeamsInWebApp({ helpdesk: kotae.app.helpdesk, conversations, logger: kotae.logger }, teams);
    url = web.url;
  });
  after(async () => {
    await web?.close();
    await connector?.stop();
    await kotae?.stop();
  });

  it('answers, escalates to a stored ticket once, and reaches the chat proactively', async () => {
    const ask = await postJson(
      url,
      personalEnvelope(serviceUrl, { id: 'e2e-1', text: 'パスワードを忘れてしまいました。どうすればいいですか？' }),
    );
    assert.equal(ask.status, 200);
    const answer = cardOf(connector.sent()[0]);
    assert.match(answer.body.map((b) => b.text).join('\n'), /パスワード/);
    const escalate = answer.actions?.find((a) => a.title === '担当者に問い合わせる');
    assert.ok(escalate, JSON.stringify(answer));

    const form = await postJson(url, actionExecuteInvoke(serviceUrl, 'e2e-2', escalate));
    const submit = (form.body.value as { actions: { verb: string; data: Record<string, string> }[] }).actions[0];
    const data = {
      ...submit.data,
      category: 'アカウント・パスワード',
      urgency: 'high',
      details: '再設定のメールが届きません',
    };
    const first = await postJson(url, actionExecuteInvoke(serviceUrl, 'e2e-3', { verb: submit.verb, data }));
    const again = await postJson(url, actionExecuteInvoke(serviceUrl, 'e2e-3', { verb: submit.verb, data }));
    assert.deepEqual(again.body, first.body);
    const number = /受付番号は (\S+) です/.exec(JSON.stringify(first.body))?.[1];
    assert.ok(number, JSON.stringify(first.body));
    const tickets = await kotae.app.dataSource.getRepository('ticket').findBy({ number });
    assert.equal(tickets.length, 1);

    const conversationId = submit.data.conversationId;
    const conversation = await new SqlConversationStore(kotae.app.dataSource, () => kotae.clock.now()).getConversation(
      conversationId,
    );
    assert.ok(conversation?.channelRef);
    await teams.sender.sendToConversation(conversation, {
      conversationId,
      text: '担当者です。再設定メールを再送しました。',
      sources: [],
      choices: [],
      actions: ['resolved', 'not_resolved'],
    });
    assert.match(cardOf(connector.sent().at(-1) ?? connector.sent()[0]).body[0].text ?? '', /再送しました/);
  });

  it('welcomes on install and maps malformed JSON to 400 through the web app', async () => {
    assert.equal(
      (await postJson(url, replayable('conversationUpdate-membersAdded-personal.json', serviceUrl))).status,
      200,
    );
    assert.match(JSON.stringify(connector.sent().at(-1)?.activity), /受付時間/);
    const malformed = await postJson(url, '{"type": "message",');
    assert.equal(malformed.status, 400);
  });
});
