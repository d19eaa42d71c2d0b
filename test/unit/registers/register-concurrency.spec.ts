/**
 * Two instances (two DataSources with their own pools) on one server database at the same moment:
 * overlapping bookings, the same IP address and the last licence seat each go to exactly one request.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../../core/errors';
import { createDataSource, openDatabase } from '../../../db';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';
import { hoursAfter, registerServices } from '../../helpers/registers';

const outcomes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) =>
    r.status === 'fulfilled' ? 'ok' : r.reason instanceof KotaeError ? r.reason.code : String(r.reason),
  );

for (const kind of TEST_DB_KINDS.filter((k) => k !== 'sqlite')) {
  describe(`registers and lending under concurrent requests from two instances (${kind})`, () => {
    const t = useTestDb(kind);
    let b: DataSource;
    before(async () => {
      b = createDataSource(t.db.config);
      await openDatabase(b);
    });
    after(async () => {
      await b.destroy();
    });
    beforeEach(() => t.db.reset());

    it('of simultaneous overlapping bookings of one item exactly one succeeds', async function () {
      this.timeout(60_000);
      const one = registerServices(t.db.ds);
      const two = registerServices(b);
      const item = await one.lending.addItem(
        { name: 'ペーパーレス端末1', kind: 'paperless', accessories: '' },
        'admin',
      );
      for (let round = 0; round < 5; round++) {
        const request = (s: typeof one, from: number, to: number) =>
          s.lending.request(
            {
              itemId: item.id,
              requester: '沼津 花子',
              department: '議会事務局',
              purpose: '委員会',
              startsAt: hoursAfter(from),
              endsAt: hoursAfter(to),
            },
            'op',
          );
        const base = round * 10;
        const results = await Promise.allSettled([
          request(one, base + 1, base + 3),
          request(two, base + 2, base + 4),
          request(one, base + 2, base + 3),
          request(two, base + 1, base + 5),
        ]);
        assert.deepEqual(outcomes(results).filter((o) => o === 'ok').length, 1, `round ${round}`);
        assert.deepEqual(
          outcomes(results).filter((o) => o !== 'ok'),
          ['CONFLICT', 'CONFLICT', 'CONFLICT'],
        );
      }
      assert.equal((await one.lending.bookings({ itemId: item.id })).length, 5);
      assert.equal((await one.auditActions()).filter((a) => a === 'lending.request').length, 5);
    });

    it('the same IP address issued on both instances at once is issued once', async () => {
      const one = registerServices(t.db.ds);
      const two = registerServices(b);
      const input = { kind: 'ip', value: '172.16.0.9', department: '税務課', requester: '沼津 一郎', reason: '増設' };
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).registers.issue(input, 'op')),
      );
      assert.deepEqual(outcomes(results).sort(), ['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
      assert.equal((await one.registers.list({})).length, 1);
    });

    it('the last licence seat goes to one of two simultaneous grants', async () => {
      const one = registerServices(t.db.ds);
      const two = registerServices(b);
      const pool = await one.lending.addPool('有償ライセンス', 1, 'admin');
      const approved = async (name: string) => {
        const item = await one.lending.addItem({ name, kind: 'web_conference', accessories: '' }, 'admin');
        const r = await one.lending.request(
          {
            itemId: item.id,
            requester: '沼津 花子',
            department: '企画課',
            purpose: '会議',
            startsAt: hoursAfter(1),
            endsAt: hoursAfter(2),
          },
          'op',
        );
        return one.lending.approve(r.id, 'admin');
      };
      const [x, y] = [await approved('A'), await approved('B')];
      const results = await Promise.allSettled([
        one.lending.grantLicence(x.id, pool.id, 'admin'),
        two.lending.grantLicence(y.id, pool.id, 'admin'),
      ]);
      assert.deepEqual(outcomes(results).sort(), ['CONFLICT', 'ok']);
      assert.equal((await one.lending.grants({ poolId: pool.id })).length, 1);
    });
  });
}
