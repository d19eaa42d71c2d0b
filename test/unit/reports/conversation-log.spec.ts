import assert from 'node:assert/strict';
import type { QuestionRecord } from '../../../conversations';
import { conversationLogCsv, InMemoryReportData, LOG_PAGE_SIZE, type QuestionCursor } from '../../../reports';
import { createPiiMasker } from '../../../privacy';
import { csvRows } from './external-tools';
import { jst } from './fixture';
import { memoryData } from './helpers';

const masker = createPiiMasker();
const mask = (text: string): string => masker.mask(text).text;
const collect = async (chunks: AsyncGenerator<string>): Promise<string> => {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
};

describe('conversation-log export (CSV)', () => {
  it('writes one row per question with outcome, sources, feedback and ticket, personal data masked again', async () => {
    const data = new InMemoryReportData();
    const base = memoryData().questionLog[2];
    const ask = (id: string, conv: string, at: string, text: string, outcome: QuestionRecord['outcome']) => ({
      ...base,
      id,
      conversationId: conv,
      askedAt: jst(at),
      text,
      outcome,
      sources:
        outcome === 'answered'
          ? [
              { title: 'パスワード再設定の手順', snippet: '' },
              { title: 'パスワード再設定の手順', snippet: '' },
              { title: 'アカウント FAQ', snippet: '' },
            ]
          : [],
    });
    data.questionLog.push(
      ask('b2', 'k2', '2026-05-12 10:00', 'VPNがつながらない。折り返しは090-1234-5678へ', 'no_answer'),
      ask('b1', 'k1', '2026-05-11 09:00', 'パスワードを忘れました', 'answered'),
      ask('b3', 'k2', '2026-05-12 10:05', '=HYPERLINK("x")', 'clarify'),
    );
    data.feedbackLog.push(
      {
        id: 'f1',
        conversationId: 'k1',
        questionId: 'b1',
        resolved: true,
        comment: '助かりました',
        createdAt: jst('2026-05-11 09:01'),
      },
      { id: 'f2', conversationId: 'k2', resolved: false, createdAt: jst('2026-05-12 10:01') },
    );
    data.tickets.push({
      ...memoryData().tickets[0],
      id: 'x',
      number: 'HD-2026-000900',
      conversationId: 'k2',
      createdAt: jst('2026-05-12 10:06'),
    });
    const csv = await collect(
      conversationLogCsv(data, { from: jst('2026-05-01 00:00'), to: jst('2026-06-01 00:00') }, mask, {
        showConfidential: false,
        pageSize: 3,
      }),
    );
    assert.ok(csv.startsWith('\uFEFF日時,'));
    assert.ok(csv.endsWith('\r\n'));
    assert.deepEqual(csvRows(csv), [
      ['日時', 'チャネル', '所属', '質問（個人情報はマスク済み）', '結果', '回答元', 'フィードバック', 'チケット'],
      [
        '2026/05/11 09:00',
        'Microsoft Teams',
        '総務課',
        'パスワードを忘れました',
        '自動回答',
        'パスワード再設定の手順 / アカウント FAQ',
        '解決した（助かりました）',
        '',
      ],
      [
        '2026/05/12 10:00',
        'Microsoft Teams',
        '総務課',
        'VPNがつながらない。折り返しは［電話番号］へ',
        '回答不能',
        '',
        '解決しない',
        '',
      ],
      ['2026/05/12 10:05', 'Microsoft Teams', '総務課', '\'=HYPERLINK("x")', '確認質問', '', '', 'HD-2026-000900'],
    ]);
  });

  it("shows a conversation's feedback and ticket on one question only, also across a page's end and the period's", async () => {
    const data = new InMemoryReportData();
    const base = memoryData().questionLog[2];
    const ask = (id: string, at: string, text: string) => ({
      ...base,
      id,
      conversationId: 'k9',
      askedAt: jst(at),
      text,
      outcome: 'no_answer' as const,
      sources: [],
    });
    // Page size 2: a1 and a2 on the first page, a3 on the second; a4 falls after the period's end.
    data.questionLog.push(
      ask('a1', '2026-05-29 09:00', 'プリンタが動かない'),
      ask('a2', '2026-05-29 10:00', 'スキャナも使えない'),
      ask('a3', '2026-05-31 10:00', '共有フォルダが見えない'),
      ask('a4', '2026-06-01 09:00', 'まだ見えない'),
    );
    data.feedbackLog.push(
      { id: 'f1', conversationId: 'k9', resolved: false, comment: 'スキャナの件', createdAt: jst('2026-05-29 10:01') },
      { id: 'f2', conversationId: 'k9', resolved: true, comment: '共有の件', createdAt: jst('2026-05-31 10:01') },
      { id: 'f3', conversationId: 'k9', resolved: false, comment: '翌月の件', createdAt: jst('2026-06-01 09:01') },
    );
    data.tickets.push(
      {
        ...memoryData().tickets[0],
        id: 't1',
        number: 'HD-2026-000901',
        conversationId: 'k9',
        createdAt: jst('2026-05-29 10:02'),
      },
      {
        ...memoryData().tickets[0],
        id: 't2',
        number: 'HD-2026-000902',
        conversationId: 'k9',
        createdAt: jst('2026-06-01 09:02'),
      },
    );
    const csv = await collect(
      conversationLogCsv(data, { from: jst('2026-05-01 00:00'), to: jst('2026-06-01 00:00') }, mask, {
        showConfidential: false,
        pageSize: 2,
      }),
    );
    assert.deepEqual(
      csvRows(csv)
        .slice(1)
        .map((r) => [r[3], r[6], r[7]]),
      [
        ['プリンタが動かない', '', ''],
        ['スキャナも使えない', '解決しない（スキャナの件）', 'HD-2026-000901'],
        ['共有フォルダが見えない', '解決した（共有の件）', ''],
      ],
    );
  });

  it("leaves out a 機密性3 ticket's conversation unless the reader may see it; shows the escalation's department", async () => {
    const data = new InMemoryReportData();
    const base = memoryData().questionLog[2];
    const ask = (id: string, conv: string, at: string, text: string, department?: string) => ({
      ...base,
      id,
      conversationId: conv,
      askedAt: jst(at),
      text,
      outcome: 'no_answer' as const,
      sources: [],
      requester: { id: `u-${id}`, name: '職員', department },
    });
    data.questionLog.push(
      ask('c1', 'kc', '2026-05-12 09:00', '人事評価の件で相談したい'),
      ask('c2', 'kc', '2026-05-12 09:10', '評価シートの閲覧権限'),
      ask('p1', 'kp', '2026-05-12 10:00', '住民票の印刷ができない'),
      ask('p2', 'kq', '2026-05-12 11:00', 'プリンタの紙詰まり', '税務課'),
    );
    const ticket = memoryData().tickets[0];
    data.tickets.push(
      {
        ...ticket,
        id: 'tc',
        number: 'HD-2026-000777',
        conversationId: 'kc',
        createdAt: jst('2026-05-12 09:05'),
        confidential: true,
      },
      {
        ...ticket,
        id: 'tp',
        number: 'HD-2026-000778',
        conversationId: 'kp',
        createdAt: jst('2026-05-12 10:05'),
        requester: { name: '職員', department: '市民課' },
      },
    );
    const period = { from: jst('2026-05-01 00:00'), to: jst('2026-06-01 00:00') };
    const log = async (showConfidential: boolean) => {
      const counted: number[] = [];
      const rows = csvRows(
        await collect(
          conversationLogCsv(data, period, mask, { showConfidential, pageSize: 3, onRows: (n) => counted.push(n) }),
        ),
      );
      return { rows: rows.slice(1).map((r) => [r[2], r[3], r[7]]), counted };
    };
    const hidden = await log(false);
    assert.deepEqual(hidden.rows, [
      ['市民課', '住民票の印刷ができない', 'HD-2026-000778'],
      ['税務課', 'プリンタの紙詰まり', ''],
    ]);
    assert.deepEqual(hidden.counted, [1, 1]);
    const shown = await log(true);
    assert.deepEqual(shown.rows, [
      ['総務課', '人事評価の件で相談したい', 'HD-2026-000777'],
      ['総務課', '評価シートの閲覧権限', ''],
      ['市民課', '住民票の印刷ができない', 'HD-2026-000778'],
      ['税務課', 'プリンタの紙詰まり', ''],
    ]);
    assert.deepEqual(shown.counted, [3, 1]);
  });

  it('streams page by page: the first rows leave before the log is read to the end', async () => {
    let served = 0;
    const total = 10 * LOG_PAGE_SIZE;
    const base = memoryData().questionLog[2];
    const data = {
      async questionPage(_from: Date, _to: Date, after: QuestionCursor | undefined, limit: number) {
        assert.ok(limit <= LOG_PAGE_SIZE);
        const start = after ? Number(after.id) + 1 : 0;
        const page = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => ({
          ...base,
          id: String(start + i).padStart(6, '0'),
          askedAt: new Date(jst('2026-05-01 00:00').getTime() + (start + i) * 1000),
        }));
        served += page.length;
        return page;
      },
      nextQuestionAt: async () => assert.fail('nothing came after a question: no extra read'),
      feedbackForConversations: async () => [],
      ticketsForConversations: async () => [],
    };
    const chunks = conversationLogCsv(data, { from: jst('2026-05-01 00:00'), to: jst('2026-06-01 00:00') }, mask, {
      showConfidential: false,
    });
    await chunks.next();
    const first = await chunks.next();
    assert.equal(csvRows(String(first.value)).length, LOG_PAGE_SIZE);
    assert.equal(served, LOG_PAGE_SIZE);
    let rows = LOG_PAGE_SIZE;
    for await (const c of chunks) rows += c.split('\r\n').length - 1;
    assert.deepEqual([rows, served], [total, total]);
  });
});
