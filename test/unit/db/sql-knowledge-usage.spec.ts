import assert from 'node:assert/strict';
import { SqlKnowledgeUsage } from '../../../db/repositories/sql-knowledge-usage';
import { describeEachDb, type TestDb } from '../../helpers/databases';
import { seedFixture } from '../reports/sql-seed';

describeEachDb('SqlKnowledgeUsage.close (対応済み)', (each) => {
  let db: TestDb;
  before(async () => {
    db = each.db;
    await seedFixture(db.ds);
  });
  after(async () => db.close());

  it('marks logged questions only, in pieces below SQL Server’s parameter limit, each once', async () => {
    const usage = new SqlKnowledgeUsage(db.ds);
    const logged = (await db.ds.getRepository<{ id: string }>('question').find({ select: { id: true }, take: 2 })).map(
      (q) => q.id,
    );
    assert.equal(logged.length, 2);
    // 1,200 ids a form may post (3 parameters a row would be 3,600 in one statement), most of them no question.
    const posted = [...Array.from({ length: 1200 }, (_, i) => `no-such-question-${i}`), ...logged, logged[0]!];
    await usage.close(posted, 'operator1', new Date('2026-06-01T00:00:00Z'));
    assert.deepEqual([...(await usage.closedIds())].sort(), [...logged].sort());
    // Closing again changes nothing.
    await usage.close(logged, 'operator2', new Date('2026-06-02T00:00:00Z'));
    const rows = await db.ds.getRepository<{ closedBy: string }>('question_gap_closed').find();
    assert.deepEqual(
      rows.map((r) => r.closedBy),
      ['operator1', 'operator1'],
    );
  });
});
