import assert from 'node:assert/strict';
import { SqlReportData } from '../../../db/repositories/sql-report-data';
import { toQuestionRow } from '../../../db/repositories/sql-conversation-store';
import type { QuestionRow, TicketRow } from '../../../db';
import { buildReport, conversationLogCsv } from '../../../reports';
import { csvRows } from '../reports/external-tools';
import { assertHalfYearReport, assertMayReport } from '../reports/expected';
import { jst, NOW_AFTER_HALF, NOW_AFTER_MAY } from '../reports/fixture';
import { memoryData, options } from '../reports/helpers';
import { describeEachDb, type TestDb } from '../../helpers/databases';
import { seedFixture, toTicketRow } from '../reports/sql-seed';

describeEachDb('SqlReportData', (each) => {
  let db: TestDb;
  before(async () => {
    db = each.db;
    await seedFixture(db.ds);
  });
  after(async () => db.close());

  it('gives every figure of the May 2026 report', async () => {
    assertMayReport(await buildReport('monthly', '2026-05', new SqlReportData(db.ds), options(NOW_AFTER_MAY)));
  });

  it('gives every figure of the FY2026 first-half report', async () => {
    assertHalfYearReport(await buildReport('halfyear', 'FY2026', new SqlReportData(db.ds), options(NOW_AFTER_HALF)));
  });

  it('pages the question log by (askedAt, id) like the in-memory fake', async () => {
    const sql = new SqlReportData(db.ds);
    const mem = memoryData();
    const from = jst('2026-04-01 00:00');
    const to = jst('2026-06-01 00:00');
    const walk = async (data: SqlReportData | typeof mem) => {
      const pages: string[][] = [];
      let after: { askedAt: Date; id: string } | undefined;
      for (;;) {
        const page = await data.questionPage(from, to, after, 3);
        if (page.length === 0) return pages;
        pages.push(page.map((q) => q.id));
        after = { askedAt: page[page.length - 1].askedAt, id: page[page.length - 1].id };
      }
    };
    const expected = [
      ['q0', 'q1', 'q2'],
      ['q3', 'q4', 'q5'],
      ['q6', 'q7', 'q8'],
    ];
    assert.deepEqual(await walk(mem), expected);
    assert.deepEqual(await walk(sql), expected);
  });

  it("finds a conversation's next question after a cursor like the in-memory fake (any time, keyset order)", async () => {
    const sql = new SqlReportData(db.ds);
    const mem = memoryData();
    const q4 = mem.questionLog.find((q) => q.id === 'q4');
    const q5 = mem.questionLog.find((q) => q.id === 'q5');
    assert.ok(q4 && q5);
    for (const data of [sql, mem]) {
      assert.equal((await data.nextQuestionAt('c4', q4))?.toISOString(), q5.askedAt.toISOString());
      assert.equal(await data.nextQuestionAt('c4', q5), undefined);
      assert.equal(
        (await data.nextQuestionAt('c4', { askedAt: q5.askedAt, id: 'q4' }))?.toISOString(),
        q5.askedAt.toISOString(),
      );
      assert.equal(await data.nextQuestionAt('c-none', q4), undefined);
    }
  });

  it('answers each range query like the in-memory fake (half-open, JST boundaries)', async () => {
    const sql = new SqlReportData(db.ds);
    const mem = memoryData();
    const from = jst('2026-05-01 00:00');
    const to = jst('2026-06-01 00:00');
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
    assert.deepEqual(ids(await sql.questions(from, to)), ids(await mem.questions(from, to)));
    assert.deepEqual(ids(await sql.questions(from, to)), ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']);
    assert.deepEqual(ids(await sql.feedback(from, to)), ids(await mem.feedback(from, to)));
    assert.deepEqual(ids(await sql.ticketsOpenAt(to)), ['t3', 't4', 't6']);
    assert.deepEqual(ids(await sql.ticketsResolvedBetween(from, to)), ['t1', 't2', 't5']);
    assert.deepEqual(ids(await sql.ticketsClosedBetween(from, to)), ['t1', 't5']);
    assert.deepEqual(ids(await sql.ticketsForConversations(['c4', 'c1'])), ['t1']);
    assert.deepEqual(ids(await sql.workLogs(from, to)), ['w1', 'w2']);
    assert.deepEqual(ids(await sql.jobRuns(from, to)), ['j1', 'j2', 'j3', 'j4']);
    assert.deepEqual(ids(await sql.feedbackForConversations(['c1'])), ids(await mem.feedbackForConversations(['c1'])));
    const t2 = (await sql.ticketsCreatedBetween(from, to)).find((t) => t.id === 't2');
    assert.deepEqual(t2?.holds, [{ from: jst('2026-05-13 13:00'), to: jst('2026-05-13 15:00') }]);
  });

  it('leaves a 機密性3 conversation out of the conversation log unless shown; department from the escalation', async () => {
    const mem = memoryData();
    const base = mem.questionLog[2];
    const ask = (id: string, conversationId: string, at: string, text: string) =>
      toQuestionRow({
        ...base,
        id,
        conversationId,
        askedAt: jst(at),
        text,
        requester: { id: `u-${id}`, name: '職員' },
      });
    await db.ds
      .getRepository<QuestionRow>('question')
      .insert([
        ask('s1', 'ks', '2026-07-06 09:00', '人事評価シートの閲覧権限'),
        ask('s2', 'kp', '2026-07-06 10:00', 'プリンタの紙詰まり'),
      ]);
    const ticket = mem.tickets[0];
    await db.ds.getRepository<TicketRow>('ticket').insert([
      toTicketRow(
        {
          ...ticket,
          id: 'ts',
          number: 'HD-2026-000501',
          conversationId: 'ks',
          createdAt: jst('2026-07-06 09:05'),
          requester: { name: '職員', department: '市民課' },
          confidential: true,
        },
        500,
      ),
    ]);
    const log = async (showConfidential: boolean) => {
      let csv = '';
      const period = { from: jst('2026-07-01 00:00'), to: jst('2026-08-01 00:00') };
      for await (const c of conversationLogCsv(new SqlReportData(db.ds), period, (t) => t, { showConfidential }))
        csv += c;
      return csvRows(csv)
        .slice(1)
        .map((r) => [r[2], r[3], r[7]]);
    };
    assert.deepEqual(await log(false), [['所属不明', 'プリンタの紙詰まり', '']]);
    assert.deepEqual(await log(true), [
      ['市民課', '人事評価シートの閲覧権限', 'HD-2026-000501'],
      ['所属不明', 'プリンタの紙詰まり', ''],
    ]);
  });
});
