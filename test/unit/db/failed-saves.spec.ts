/**
 * SqlFailedSaves on every database the suites cover: kept per session and ticket, read once (also when two
 * readers race), replaced by a newer failure, gone after its lifetime, expired rows dropped by the next put.
 */
import assert from 'node:assert/strict';
import { SqlFailedSaves } from '../../../db';
import type { FailedSave } from '../../../tickets';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

const T0 = new Date('2026-07-01T00:00:00.123Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const save = (error: string): FailedSave => ({
  form: 'update',
  fields: { status: 'resolved', cause: '証明書の期限切れ', prevention: '' },
  error,
  status: 400,
});

for (const kind of TEST_DB_KINDS) {
  describe(`failed saves on ${kind}`, () => {
    const t = useTestDb(kind);
    beforeEach(() => t.db.reset());

    it('gives a failed save once, to its own session and ticket, until it expires', async () => {
      const saves = new SqlFailedSaves(t.db.ds, 10 * 60_000);
      await saves.put('s1', 't1', save('最初のエラー'), at(0));
      await saves.put('s1', 't1', save('再発防止策を入力してください。'), at(1));
      assert.equal(await saves.take('s2', 't1', at(2)), undefined);
      assert.equal(await saves.take('s1', 't2', at(2)), undefined);
      const [a, b] = await Promise.all([saves.take('s1', 't1', at(2)), saves.take('s1', 't1', at(2))]);
      assert.deepEqual([a, b].filter(Boolean), [save('再発防止策を入力してください。')]);
      assert.equal(await saves.take('s1', 't1', at(3)), undefined);

      await saves.put('s1', 't1', save('古い'), at(0));
      assert.equal(await saves.take('s1', 't1', at(11)), undefined, 'expired after 10 minutes');
      await saves.put('s3', 't3', save('放置'), at(0));
      await saves.put('s4', 't4', save('新しい'), at(20));
      const rows = (await t.db.ds.query(`SELECT "sessionId" FROM "failed_save"`)) as { sessionId: string }[];
      assert.deepEqual(
        rows.map((r) => r.sessionId),
        ['s4'],
      );
    });
  });
}
