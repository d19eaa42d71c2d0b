/**
 * Point 2 and 3 of the ticket conversation in Teams, through the loopback Bot Connector on the real
 * core: after escalating, the requester's next message lands on the ticket (with ボットに質問する as an
 * Action.Execute button carrying the message; pressing it answers as the bot and withdraws the message from
 * the ticket), and 「HD-… の状況」 answers the status.
 */
import assert from 'node:assert/strict';
import { createTeamsEndpoint, ticketCreatedCard } from '../../../../adapters/teams';
import { HelpdeskService, type KnowledgeSearch } from '../../../../bot';
import { BusinessCalendar } from '../../../../calendar';
import { FakeClock } from '../../../../core/clock';
import { MemoryLogger } from '../../../../core/logger';
import { SqlConversationStore, SqlTicketStore } from '../../../../db';
import { RequesterDesk } from '../../../../tickets';
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
            answer: 'ポータルの「パスワード再設定」から変更できます。',
            body: '',
          },
        },
      },
    ],
  }),
};

type InvokeCard = { value: { actions: { verb: string; data: Record<string, string> }[]; body: { text?: string }[] } };

describe('Teams: the requester side of a ticket (real core, loopback Bot Connector)', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  let connector: FakeBotConnector;
  let serviceUrl: string;
  let web: Awaited<ReturnType<typeof serveTeamsInWebApp>>;
  let tickets: SqlTicketStore;

  before(async () => {
    db = await tempSqlite();
    const clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
    const calendar = new BusinessCalendar();
    const conversations = new SqlConversationStore(db.ds, () => clock.now());
    tickets = new SqlTicketStore(db.ds, () => clock.now());
    const desk = new RequesterDesk({ store: tickets, conversations, calendar, clock, reopenBusinessDays: 5 });
    const helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock, desk },
      { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    const logger = new MemoryLogger();
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
    const teams = createTeamsEndpoint({ helpdesk, conversations, logger, deskHours: '平日 8:30〜17:15' });
    web = await serveTeamsInWebApp({ helpdesk, conversations, logger }, teams);
  });
  after(async () => {
    await web.close();
    await connector.stop();
    await db.close();
  });

  async function post(body: unknown): Promise<InvokeCard> {
    const res = await fetch(web.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200);
    const text = await res.text();
    return text.startsWith('{') ? (JSON.parse(text) as InvokeCard) : ({} as InvokeCard);
  }

  it('adds the next message to the ticket, offers the bot as a button, and answers status', async () => {
    await post(personalEnvelope(serviceUrl, { id: 'r-1', text: 'パスワードを忘れました' }));
    const escalate = cardOf(connector.sent()[0]).actions?.find((a) => a.title === '担当者に問い合わせる');
    assert.ok(escalate);
    const form = await post(actionExecuteInvoke(serviceUrl, 'r-2', escalate));
    const submit = form.value.actions[0];
    await post(
      actionExecuteInvoke(serviceUrl, 'r-3', {
        verb: submit.verb,
        data: { ...submit.data, details: '再設定のメールが届きません' },
      }),
    );
    const [ticket] = (await tickets.list({})).items;

    await post(personalEnvelope(serviceUrl, { id: 'r-4', text: '迷惑メールフォルダにもありません' }));
    const ack = cardOf(connector.sent().at(-1)!);
    assert.match(ack.body[0].text ?? '', new RegExp(`^お問い合わせ ${ticket.number} に追記しました。`));
    const askBot = ack.actions?.find((a) => a.title === 'ボットに質問する');
    assert.deepEqual(askBot?.data, {
      kotae: 'kotae.ask_bot',
      conversationId: submit.data.conversationId,
      value: '迷惑メールフォルダにもありません',
    });
    const comments = await tickets.comments(ticket.id);
    assert.deepEqual(
      comments.map((c) => [c.kind, c.body]),
      [['requester', '迷惑メールフォルダにもありません']],
    );

    // ボットに質問する: answered by the bot, and the message is off the ticket (withdrawn, in its history).
    const answered = await post(actionExecuteInvoke(serviceUrl, 'r-5', askBot!));
    assert.equal(
      answered.value.body[0].text,
      `お問い合わせ ${ticket.number} への追記を取り消しました。ボットへの質問としてお答えします。`,
    );
    assert.match(answered.value.body.map((b) => b.text ?? '').join('\n'), /パスワード再設定/);
    assert.deepEqual(
      (await tickets.comments(ticket.id)).map((c) => [c.kind, c.body]),
      [['withdrawn', '迷惑メールフォルダにもありません']],
    );
    const withdrawn = (await tickets.history(ticket.id)).filter((e) => e.field === 'requesterWithdrawn');
    assert.deepEqual(
      withdrawn.map((e) => [e.actor, e.before, e.after]),
      [['requester', '迷惑メールフォルダにもありません', 'bot_question']],
    );
    assert.equal((await tickets.get(ticket.id))?.requesterRepliedAt, undefined);

    await post(personalEnvelope(serviceUrl, { id: 'r-6', text: `${ticket.number} の状況を教えてください` }));
    // One TextBlock per line (Teams drops single line breaks).
    assert.deepEqual(
      cardOf(connector.sent().at(-1)!)
        .body.slice(0, 4)
        .map((b) => b.text),
      [
        `${ticket.number}「パスワードを忘れました」`,
        '状態: 新規',
        '最終更新: 11月20日（金）10時',
        '担当: 未定（受付済み・担当者の割り当て待ち）',
      ],
    );
  });

  it('names the next desk opening on the ticket card out of hours', () => {
    const notice = '現在は受付時間外のため、12月3日（木）8時30分以降に担当者が確認します。';
    const texts = ticketCreatedCard('HD-2026-000001', '平日 8:30〜17:15', notice).body.map((b) => b.text);
    assert.equal(texts[1], notice);
    assert.equal(ticketCreatedCard('HD-2026-000001', '平日 8:30〜17:15').body.length, 2);
  });
});
