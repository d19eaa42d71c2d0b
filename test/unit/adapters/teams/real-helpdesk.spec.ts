import assert from 'node:assert/strict';
import { createTeamsEndpoint, type TeamsEndpoint } from '../../../../adapters/teams';
import { HelpdeskService, type KnowledgeSearch } from '../../../../bot';
import { SystemClock } from '../../../../core/clock';
import { MemoryLogger } from '../../../../core/logger';
import { SqlConversationStore, SqlTicketStore } from '../../../../db';
import { tempSqlite } from '../../../helpers/sqlite';
import { actionExecuteInvoke, personalEnvelope } from '../../../fakes/teams-activities';
import { serveTeamsInWebApp } from '../../../helpers/teams-web-app';
import { cardOf, FakeBotConnector } from '../../../fakes/teams-connector';

const knowledge: KnowledgeSearch = {
  search: async () => ({
    confidence: 0.9,
    hits: [
      {
        score: 1,
        chunk: {
          id: 'FAQ-1#0',
          documentId: 'FAQ-1',
          kind: 'faq',
          title: 'パスワード再設定',
          url: 'https://kb.example.lg.jp/faq/1',
          headingPath: [],
          fields: {
            question: 'パスワードを忘れた',
            answer: 'パスワードはポータルの「パスワード再設定」から変更できます。',
            body: '',
          },
        },
      },
    ],
  }),
};

type InvokeCard = { value: { actions: { verb: string; data: Record<string, string> }[]; body: { text?: string }[] } };

/** The Teams channel on the real HelpdeskService, SQLite stores and the web app's mount (no fakes in between). */
describe('Teams endpoint on the real helpdesk, SQLite stores and web app', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  let connector: FakeBotConnector;
  let serviceUrl: string;
  let web: Awaited<ReturnType<typeof serveTeamsInWebApp>>;
  let url: string;
  let teams: TeamsEndpoint;
  let conversations: SqlConversationStore;
  let tickets: SqlTicketStore;

  before(async () => {
    db = await tempSqlite();
    const clock = new SystemClock();
    conversations = new SqlConversationStore(db.ds, () => clock.now());
    tickets = new SqlTicketStore(db.ds, () => clock.now());
    const helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock },
      { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    const logger = new MemoryLogger();
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
    teams = createTeamsEndpoint({ helpdesk, conversations, logger, deskHours: '平日 8:30〜17:15' });
    web = await serveTeamsInWebApp({ helpdesk, conversations, logger }, teams);
    url = web.url;
  });
  after(async () => {
    await web.close();
    await connector.stop();
    await db.close();
  });

  async function post(body: unknown): Promise<{ status: number; body: InvokeCard }> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as InvokeCard) : ({} as InvokeCard) };
  }

  it('answers, creates one ticket for a redelivered submit, and replies proactively', async () => {
    assert.equal((await post(personalEnvelope(serviceUrl, { id: 'e-1', text: 'パスワードを忘れました' }))).status, 200);
    const answer = cardOf(connector.sent()[0]);
    assert.match(answer.body[0].text ?? '', /パスワード再設定/);
    const escalate = answer.actions?.find((a) => a.title === '担当者に問い合わせる');
    assert.ok(escalate);

    const form = await post(actionExecuteInvoke(serviceUrl, 'e-2', escalate));
    const submit = form.body.value.actions[0];
    const data = {
      ...submit.data,
      category: 'アカウント・パスワード',
      urgency: 'high',
      details: '再設定のメールが届きません',
    };
    const first = await post(actionExecuteInvoke(serviceUrl, 'e-3', { verb: submit.verb, data }));
    const again = await post(actionExecuteInvoke(serviceUrl, 'e-3', { verb: submit.verb, data }));
    assert.deepEqual(again.body, first.body);
    const { items, total } = await tickets.list({});
    assert.equal(total, 1);
    assert.match(first.body.value.body[0].text ?? '', new RegExp(`受付番号は ${items[0].number} です`));
    assert.deepEqual(
      [items[0].priority, items[0].category, items[0].channel, items[0].requester.name],
      ['high', 'アカウント・パスワード', 'teams', 'Megan Bowen'],
    );

    const conversation = await conversations.getConversation(submit.data.conversationId);
    assert.ok(conversation?.channelRef);
    await teams.sender.sendToConversation(conversation, {
      conversationId: conversation.id,
      text: '担当者です。メールを再送しました。',
      sources: [],
      choices: [],
      actions: [],
    });
    assert.match(cardOf(connector.sent().at(-1) ?? connector.sent()[0]).body[0].text ?? '', /再送しました/);
  });

  it('finds the same conversation again through the SQL store', async () => {
    await post(personalEnvelope(serviceUrl, { id: 'e-4', text: 'もう一つ質問です' }));
    const ids = new Set(connector.sent().flatMap((c) => (cardOf(c).actions ?? []).map((a) => a.data.conversationId)));
    assert.equal(ids.size, 1);
  });

  it('maps malformed JSON to 400 through the web app error middleware', async () => {
    assert.equal((await post('{"type": "message",')).status, 400);
  });
});
