/**
 * A question the knowledge base refuses (index unreadable, or none built): the conversation core writes the
 * question (masked) and the refusal into the transcript once, in one transaction, logs no question and no
 * `bot.answer`, and throws the refusal on with the text that was written; a ticket opened afterwards is titled
 * by that question (not by an older answered one) and does not take the older question's category.
 */
import assert from 'node:assert/strict';
import { HelpdeskService, type KnowledgeSearch } from '../../../bot';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { SqlConversationStore, SqlTicketStore } from '../../../db';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import { describeEachDb } from '../../helpers/databases';
import { testAuditLog } from '../../helpers/audit';

const UNREADABLE = 'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。';
const MASKED = '※ 個人情報と思われる内容（電話番号）は記録せずに伏せ字にしました。個人情報は入力しないでください。';

/** The fake knowledge base, or — while `broken` — the refusal of an index that cannot be loaded. */
function switchable(): KnowledgeSearch & { broken: boolean } {
  const fake = new FakeKnowledge([
    {
      match: 'トナー',
      confidence: 0.9,
      chunk: faqChunk('FAQ-0045', 'トナーが切れました', '庶務担当から受け取ってください。', 'プリンタ'),
    },
  ]);
  return {
    broken: false,
    async search(query) {
      if (this.broken)
        throw new KotaeError('KB_INDEX_CORRUPT', 'index gen-7 failed to load', { userMessage: UNREADABLE });
      return fake.search(query);
    },
  };
}

describeEachDb('HelpdeskService: a question the knowledge base refuses', (each) => {
  const clock = new FakeClock('2026-11-20T01:00:00Z');
  let conversations: SqlConversationStore;
  let tickets: SqlTicketStore;
  let audit: ReturnType<typeof testAuditLog>;
  let knowledge: ReturnType<typeof switchable>;
  let helpdesk: HelpdeskService;

  beforeEach(async () => {
    await each.db.reset();
    conversations = new SqlConversationStore(each.db.ds, () => clock.now());
    tickets = new SqlTicketStore(each.db.ds, () => clock.now());
    audit = testAuditLog(each.db.ds, () => clock.now());
    knowledge = switchable();
    helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock, audit },
      { maxQuestionChars: 2000, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
  });

  const count = async (table: string) => Number((await each.db.ds.query(`SELECT count(*) AS n FROM "${table}"`))[0].n);
  const lines = async (id: string) => (await conversations.transcript(id)).map((l) => [l.role, l.text]);

  it('writes the masked question and the refusal once, logs no question, throws the refusal it wrote', async () => {
    const first = await helpdesk.ask({ channel: 'web', text: 'トナーが切れました' });
    const answered = await count('question');
    const audited = (await audit.recent(50)).length;
    knowledge.broken = true;
    const refused = await helpdesk
      .ask({ conversationId: first.conversationId, channel: 'web', text: 'VPNが切れます。折り返しは 090-1234-5678 へ' })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    assert.ok(refused instanceof KotaeError);
    assert.deepEqual(
      [refused.code, refused.status, refused.userMessage],
      ['KB_INDEX_CORRUPT', 503, `${MASKED}\n\n${UNREADABLE}`],
    );
    assert.deepEqual((await lines(first.conversationId)).slice(2), [
      ['user', 'VPNが切れます。折り返しは ［電話番号］ へ'],
      ['bot', `${MASKED}\n\n${UNREADABLE}`],
    ]);
    // Not a question of the usage log, no bot.answer row.
    assert.equal(await count('question'), answered);
    assert.equal((await audit.recent(50)).length, audited);
  });

  it('throws the refusal unchanged when nothing was masked', async () => {
    knowledge.broken = true;
    const conversation = await conversations.createConversation({ channel: 'teams', requester: {} });
    await assert.rejects(
      helpdesk.ask({ conversationId: conversation.id, channel: 'teams', text: 'VPNにつながりません' }),
      {
        code: 'KB_INDEX_CORRUPT',
        userMessage: UNREADABLE,
        message: 'index gen-7 failed to load',
      },
    );
    assert.deepEqual(await lines(conversation.id), [
      ['user', 'VPNにつながりません'],
      ['bot', UNREADABLE],
    ]);
  });

  it('titles the ticket by the refused question, not an older answered one, without its category', async () => {
    const first = await helpdesk.ask({ channel: 'web', text: 'トナーが切れました' });
    knowledge.broken = true;
    await assert.rejects(
      helpdesk.ask({ conversationId: first.conversationId, channel: 'web', text: 'VPNにつながりません' }),
      { code: 'KB_INDEX_CORRUPT' },
    );
    // Not a question for the knowledge base: it does not retitle the ticket.
    await helpdesk.ask({ conversationId: first.conversationId, channel: 'web', text: 'ありがとう' });
    const { ticket } = await helpdesk.escalate({ conversationId: first.conversationId, details: '自宅から' });
    assert.deepEqual([ticket.title, ticket.details, ticket.category], ['VPNにつながりません', '自宅から', 'その他']);
    assert.deepEqual(
      (await tickets.transcript(ticket.id)).map((l) => [l.role, l.text]),
      [
        ['user', 'トナーが切れました'],
        ['bot', first.text],
        ['user', 'VPNにつながりません'],
        ['bot', UNREADABLE],
        ['user', 'ありがとう'],
      ],
    );
  });

  it('titles and categorises a ticket by the last answered question as before when nothing was refused', async () => {
    const first = await helpdesk.ask({ channel: 'web', text: 'トナーが切れました' });
    await helpdesk.ask({ conversationId: first.conversationId, channel: 'web', text: 'ありがとう' });
    const { ticket } = await helpdesk.escalate({ conversationId: first.conversationId, details: '至急' });
    assert.deepEqual([ticket.title, ticket.category], ['トナーが切れました', 'プリンタ']);
  });
});
