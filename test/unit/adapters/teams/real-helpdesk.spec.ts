import assert from 'node:assert/strict';
import { createTeamsEndpoint, type TeamsEndpoint } from '../../../../adapters/teams';
import { LiveKnowledge } from '../../../../app/live-knowledge';
import { HelpdeskService, type KnowledgeSearch } from '../../../../bot';
import { SystemClock } from '../../../../core/clock';
import { KotaeError } from '../../../../core/errors';
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

/** The Teams endpoint on the real HelpdeskService over `search`, SQLite stores and the web app's mount. */
async function startTeams(search: KnowledgeSearch) {
  const db = await tempSqlite();
  const clock = new SystemClock();
  const conversations = new SqlConversationStore(db.ds, () => clock.now());
  const tickets = new SqlTicketStore(db.ds, () => clock.now());
  const helpdesk = new HelpdeskService(
    { conversations, tickets, knowledge: search, clock },
    { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
  );
  const logger = new MemoryLogger();
  const connector = new FakeBotConnector();
  const serviceUrl = await connector.start();
  const teams = createTeamsEndpoint({ helpdesk, conversations, logger, deskHours: '平日 8:30〜17:15' });
  const web = await serveTeamsInWebApp({ helpdesk, conversations, logger }, teams);
  return {
    conversations,
    tickets,
    logger,
    connector,
    serviceUrl,
    teams,
    url: web.url,
    close: async () => {
      await web.close();
      await connector.stop();
      await db.close();
    },
  };
}

async function postTo(url: string, body: unknown): Promise<{ status: number; body: InvokeCard }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as InvokeCard) : ({} as InvokeCard) };
}

/** The Teams channel on the real HelpdeskService, SQLite stores and the web app's mount (no fakes in between). */
describe('Teams endpoint on the real helpdesk, SQLite stores and web app', () => {
  let started: Awaited<ReturnType<typeof startTeams>>;
  let connector: FakeBotConnector;
  let serviceUrl: string;
  let teams: TeamsEndpoint;
  let conversations: SqlConversationStore;
  let tickets: SqlTicketStore;

  before(async () => {
    started = await startTeams(knowledge);
    ({ connector, serviceUrl, teams, conversations, tickets } = started);
  });
  after(() => started.close());

  const post = (body: unknown) => postTo(started.url, body);

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

/**
 * A question while the knowledge index cannot be loaded (or was never built): the real LiveKnowledge refuses
 * it; Teams shows the refusal's own Japanese message (as /api/ask) with 担当者に問い合わせる, and the ticket
 * can be opened from there.
 */
describe('Teams endpoint when the knowledge index cannot be searched', () => {
  const UNREADABLE = 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。';
  const NOT_BUILT =
    'ナレッジベースがまだ準備できていません。しばらくしてからお試しいただくか、担当者にお問い合わせください。';
  let started: Awaited<ReturnType<typeof startTeams>> | undefined;
  afterEach(async () => {
    await started?.close();
    started = undefined;
  });

  /** An index generation whose files are damaged: opening it fails as openKnowledgeIndex does. */
  const broken = () =>
    new LiveKnowledge(
      {
        currentDir: () => '/srv/kotae/index/gen-000007',
        open: () => Promise.reject(new KotaeError('KB_INDEX_CORRUPT', 'index file unreadable: chunks.json')),
      },
      new MemoryLogger(),
    );

  it('answers with the refusal and 担当者に問い合わせる; the ticket is opened from it', async () => {
    const s = (started = await startTeams(broken()));
    const asked = await postTo(s.url, personalEnvelope(s.serviceUrl, { id: 'kb-1', text: 'パスワードを忘れました' }));
    assert.equal(asked.status, 200);
    assert.equal(s.connector.sent().length, 1);
    const refusal = cardOf(s.connector.sent()[0]);
    assert.deepEqual(
      refusal.body.map((b) => b.text),
      [UNREADABLE],
    );
    assert.deepEqual(
      refusal.actions?.map((a) => [a.title, a.verb]),
      [['担当者に問い合わせる', 'kotae.escalate']],
    );
    assert.deepEqual(
      s.logger.lines
        .filter((l) => l.msg.includes('turn') || l.msg.includes('refused'))
        .map((l) => [l.level, l.msg, l.fields?.code]),
      [['warn', 'teams: question refused: knowledge unavailable', 'KB_INDEX_CORRUPT']],
    );

    // A candidate pressed on an older card is refused the same way (the pressed card is replaced).
    const conversationId = refusal.actions![0]!.data.conversationId!;
    const chosen = await postTo(
      s.url,
      actionExecuteInvoke(s.serviceUrl, 'kb-2', { verb: 'kotae.choose', data: { conversationId, value: 'VPNの設定' } }),
    );
    assert.deepEqual(
      chosen.body.value.body.map((b) => b.text),
      [UNREADABLE],
    );
    assert.deepEqual(
      chosen.body.value.actions.map((a) => a.verb),
      ['kotae.escalate'],
    );

    const form = await postTo(s.url, actionExecuteInvoke(s.serviceUrl, 'kb-3', refusal.actions![0]!));
    const submit = form.body.value.actions[0]!;
    const data = {
      ...submit.data,
      category: 'アカウント・パスワード',
      urgency: 'normal',
      details: 'ログインできません',
    };
    // Each refused question is in the conversation's history once, with the refusal the requester read.
    assert.deepEqual(
      (await s.conversations.transcript(conversationId)).map((l) => [l.role, l.text]),
      [
        ['user', 'パスワードを忘れました'],
        ['bot', UNREADABLE],
        ['user', 'VPNの設定'],
        ['bot', UNREADABLE],
      ],
    );
    const created = await postTo(s.url, actionExecuteInvoke(s.serviceUrl, 'kb-4', { verb: submit.verb, data }));
    const { items, total } = await s.tickets.list({});
    assert.equal(total, 1);
    assert.deepEqual(
      [items[0]!.conversationId, items[0]!.title, items[0]!.details, items[0]!.channel],
      // Titled by the newest question the bot refused; the form's details as typed.
      [conversationId, 'VPNの設定', 'ログインできません', 'teams'],
    );
    const copy = await s.tickets.transcript(items[0]!.id);
    assert.deepEqual(
      copy.map((l) => [l.role, l.text]),
      [
        ['user', 'パスワードを忘れました'],
        ['bot', UNREADABLE],
        ['user', 'VPNの設定'],
        ['bot', UNREADABLE],
      ],
    );
    assert.equal(
      created.body.value.body[0]!.text,
      `お問い合わせを受け付けました。受付番号は ${items[0]!.number} です。`,
    );
  });

  it('answers a question before any index was built with that refusal and 担当者に問い合わせる', async () => {
    const none = new LiveKnowledge(
      { currentDir: () => undefined, open: () => Promise.reject(new Error('no generation to open')) },
      new MemoryLogger(),
    );
    const s = (started = await startTeams(none));
    await postTo(s.url, personalEnvelope(s.serviceUrl, { id: 'kb-5', text: 'VPNにつながりません' }));
    assert.equal(s.connector.sent().length, 1);
    const refusal = cardOf(s.connector.sent()[0]);
    assert.deepEqual(
      refusal.body.map((b) => b.text),
      [NOT_BUILT],
    );
    assert.deepEqual(
      refusal.actions?.map((a) => a.title),
      ['担当者に問い合わせる'],
    );
  });
});
