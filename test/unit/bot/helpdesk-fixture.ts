/**
 * The HelpdeskService the helpdesk specs share: SQL stores on each test database (reset before every test),
 * a fixed clock, and a fake knowledge base of five FAQs with confidences around the thresholds.
 */
import { HelpdeskService } from '../../../bot';
import { FakeClock } from '../../../core/clock';
import { SqlConversationStore, SqlTicketStore } from '../../../db';
import { FakeKnowledge, faqChunk } from '../../fakes/fake-knowledge';
import type { EachDb, TestDb } from '../../helpers/databases';

/** What every test gets fresh: the database and the service on its stores. */
export interface FreshHelpdesk {
  db: TestDb;
  conversations: SqlConversationStore;
  tickets: SqlTicketStore;
  helpdesk: HelpdeskService;
}

/** The five FAQs: two answered outright, two near the tentative threshold, one to clarify. */
export function helpdeskKnowledge(): FakeKnowledge {
  return new FakeKnowledge([
    {
      match: 'パスワード',
      confidence: 0.9,
      chunk: faqChunk('FAQ-0001', 'パスワードを忘れた', 'パスワードリセット申請フォームから申請してください。'),
    },
    {
      match: 'トナー',
      confidence: 0.47,
      chunk: faqChunk('FAQ-0045', 'トナーが切れました', '庶務担当から交換用トナーを受け取ってください。', 'プリンタ'),
    },
    {
      match: 'LoGo',
      confidence: 0.9,
      chunk: faqChunk(
        'FAQ-0072',
        'LoGoチャットのアカウントがほしい',
        '所属長の承認を得て申請してください。',
        'LoGoチャット',
      ),
    },
    {
      match: 'スマホ',
      confidence: 0.47,
      chunk: faqChunk(
        'FAQ-0076',
        'LoGoチャットをスマートフォンで使いたい',
        '専用アプリを入れてください。',
        'LoGoチャット',
      ),
    },
    {
      match: 'プリンタ',
      confidence: 0.4,
      chunk: faqChunk('FAQ-0050', 'プリンタで印刷できない', '電源を確認してください。', 'プリンタ'),
    },
  ]);
}

/**
 * Registers a `beforeEach` that resets the suite's database and hands `onEach` a fresh service; returns the
 * clock and the knowledge base, which the suite's tests share (they record every query).
 */
export function useHelpdesk(each: EachDb, onEach: (fresh: FreshHelpdesk) => void) {
  const clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
  const knowledge = helpdeskKnowledge();
  beforeEach(async () => {
    const db = each.db;
    await db.reset();
    const conversations = new SqlConversationStore(db.ds, () => clock.now());
    const tickets = new SqlTicketStore(db.ds, () => clock.now());
    const helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock },
      {
        maxQuestionChars: 2000,
        deskHours: '平日 8:30〜17:15',
        isDeskOpen: () => true,
        thresholds: { answer: 0.5, tentative: 0.45, clarify: 0.3 },
      },
    );
    onEach({ db, conversations, tickets, helpdesk });
  });
  return { clock, knowledge };
}
