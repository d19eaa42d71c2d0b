/**
 * The registers', lending's and licences' standard suite, run on the in-memory fakes and on the SQL
 * stores of every database (SQLite, PostgreSQL …): duplicates refused, overlapping bookings refused
 * with nothing written, licences only while a seat is free, every change audited.
 */
import assert from 'node:assert/strict';
import { KotaeError } from '../../core/errors';
import { missingAccessories } from '../../registers';
import { hoursAfter, type RegisterHarness } from '../helpers/registers';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => {
      assert.ok(e instanceof KotaeError, String(e));
      return { code: e.code, message: e.userMessage };
    },
  );
const issue = (kind: string, value: string) => ({
  kind,
  value,
  department: '情報政策課',
  requester: '沼津 花子',
  reason: '新規端末の設置',
});

/** Registers the suite; `factory` gives services on fresh, empty stores. */
export function registerStoresContract(name: string, factory: () => Promise<RegisterHarness>): void {
  describe(`register stores contract: ${name}`, () => {
    it('issues an IP address once; a second issue of it is refused until it is withdrawn', async () => {
      const s = await factory();
      const first = await s.registers.issue(issue('ip', ' 10.20.30.40 '), 'op1');
      assert.equal(first.value, '10.20.30.40');
      assert.deepEqual(await failure(s.registers.issue(issue('ip', '10.20.30.40'), 'op2')), {
        code: 'CONFLICT',
        message: 'IPアドレス「10.20.30.40」は既に発行中です。削除（返却）してから発行してください。',
      });
      assert.equal((await s.registers.list({})).length, 1);
      s.clock.advanceMinutes(60);
      const withdrawn = await s.registers.withdraw(first.id, '端末撤去', 'op1');
      assert.equal(withdrawn.status, 'withdrawn');
      assert.equal(withdrawn.withdrawReason, '端末撤去');
      assert.deepEqual(await failure(s.registers.withdraw(first.id, '再度', 'op1')), {
        code: 'CONFLICT',
        message: 'この値は既に削除（返却）されています。',
      });
      const again = await s.registers.issue(issue('ip', '10.20.30.40'), 'op2');
      assert.notEqual(again.id, first.id);
      assert.equal((await s.registers.list({ text: '20.30' })).length, 2);
      assert.equal((await s.registers.list({ text: '情報政策' })).length, 2);
      assert.equal((await s.registers.list({ text: '10%' })).length, 0);
      assert.equal((await s.registers.list({ kind: 'computer_name' })).length, 0);
      const history = await s.registers.list({ kind: 'ip' });
      assert.deepEqual(
        history.map((e) => e.status),
        ['issued', 'withdrawn'],
      );
      const actions = await s.auditActions();
      assert.deepEqual(actions, ['register.issue', 'register.withdraw', 'register.issue']);
    });

    it('refuses a computer name in use whatever its case, and names breaking the rule', async () => {
      const s = await factory();
      await s.registers.issue(issue('computer_name', 'nz-pc-0001'), 'op1');
      assert.deepEqual(await failure(s.registers.issue(issue('computer_name', 'NZ-PC-0001'), 'op1')), {
        code: 'CONFLICT',
        message: 'コンピュータ名「NZ-PC-0001」は既に発行中です。削除（返却）してから発行してください。',
      });
      assert.deepEqual(await failure(s.registers.issue(issue('computer_name', '1PC_ABC'), 'op1')), {
        code: 'INPUT_INVALID',
        message: 'コンピュータ名は英字で始まる英大文字・数字・ハイフンの15文字以内で入力してください。',
      });
      for (const bad of ['10.0.0.256', '10.0.0', '010.0.0.1', '10.0.0.1/24', 'a.b.c.d']) {
        assert.deepEqual(await failure(s.registers.issue(issue('ip', bad), 'op1')), {
          code: 'INPUT_INVALID',
          message: 'IPアドレスの形式が正しくありません（例: 192.168.10.25）。',
        });
      }
      // The same text in the other register is no duplicate.
      assert.equal((await s.registers.list({})).length, 1);
      assert.equal((await s.auditActions()).length, 1);
    });

    it('lists entries issued or withdrawn in a period', async () => {
      const s = await factory();
      const a = await s.registers.issue(issue('ip', '192.168.1.10'), 'op1');
      s.clock.set(hoursAfter(48));
      await s.registers.issue(issue('ip', '192.168.1.11'), 'op1');
      s.clock.set(hoursAfter(72));
      await s.registers.withdraw(a.id, '返却', 'op1');
      const changed = await s.store.changedIn(hoursAfter(24), hoursAfter(96));
      assert.deepEqual(changed.map((e) => e.value).sort(), ['192.168.1.10', '192.168.1.11']);
      assert.deepEqual(
        (await s.store.changedIn(hoursAfter(0), hoursAfter(1))).map((e) => e.value),
        ['192.168.1.10'],
      );
    });

    it('refuses an overlapping booking in Japanese and writes nothing', async () => {
      const s = await factory();
      const item = await s.lending.addItem(
        { name: 'Web会議端末1', kind: 'web_conference', accessories: 'カメラ\nマイクスピーカー' },
        'admin',
      );
      const request = (from: number, to: number, purpose = '庁内打合せ') =>
        s.lending.request(
          {
            itemId: item.id,
            requester: '沼津 花子',
            department: '企画課',
            purpose,
            startsAt: hoursAfter(from),
            endsAt: hoursAfter(to),
          },
          'op1',
        );
      const first = await request(1, 3);
      const auditBefore = (await s.auditActions()).length;
      assert.deepEqual(await failure(request(2, 4, '重複')), {
        code: 'CONFLICT',
        message: '「Web会議端末1」は2026/07/01 10:00〜12:00に既に予約があるため、この期間では予約できません。',
      });
      assert.equal((await s.lending.bookings({})).length, 1);
      assert.equal((await s.auditActions()).length, auditBefore);
      // Back to back is no overlap; a rejected booking frees its window.
      await request(3, 5);
      await s.lending.reject(first.id, '別の会議室を利用してください', 'admin');
      await request(1, 2);
      assert.equal((await s.lending.bookings({ itemId: item.id })).length, 3);
      assert.deepEqual(await failure(s.lending.approve(first.id, 'admin')), {
        code: 'CONFLICT',
        message: '「却下」の予約は承認できません。',
      });
    });

    it('checks out and takes back an item with its accessories, noting the missing one', async () => {
      const s = await factory();
      const item = await s.lending.addItem(
        { name: '研修用PC-01', kind: 'training', accessories: ['ACアダプタ', 'マウス'] },
        'admin',
      );
      const b = await s.lending.request(
        {
          itemId: item.id,
          requester: '沼津 太郎',
          department: '人事課',
          purpose: '新任研修',
          startsAt: hoursAfter(1),
          endsAt: hoursAfter(8),
        },
        'op1',
      );
      assert.deepEqual(await failure(s.lending.checkOut(b.id, ['ACアダプタ'], 'op1')), {
        code: 'CONFLICT',
        message: '「承認待ち」の予約は貸出できません。',
      });
      await s.lending.approve(b.id, 'admin');
      assert.deepEqual(await failure(s.lending.checkOut(b.id, ['充電器'], 'op1')), {
        code: 'INPUT_INVALID',
        message: '付属品「充電器」はこの機器の付属品ではありません。',
      });
      const out = await s.lending.checkOut(b.id, ['ACアダプタ', 'マウス'], 'op1');
      assert.deepEqual(out.accessoriesOut, ['ACアダプタ', 'マウス']);
      const back = await s.lending.return(b.id, { accessories: ['ACアダプタ'], note: 'マウス紛失の連絡あり' }, 'op2');
      assert.equal(back.status, 'returned');
      assert.deepEqual(back.accessoriesReturned, ['ACアダプタ']);
      assert.deepEqual(missingAccessories(back), ['マウス']);
      const actions = await s.auditActions();
      assert.deepEqual(actions, [
        'lending.item_add',
        'lending.request',
        'lending.approved',
        'lending.checked_out',
        'lending.return',
      ]);
    });

    it('grants licences of a pool only while a seat is free throughout the booked window', async () => {
      const s = await factory();
      const pool = await s.lending.addPool('Web会議有償ライセンス', 2, 'admin');
      const booked = async (name: string, from: number, to: number) => {
        const item = await s.lending.addItem({ name, kind: 'web_conference', accessories: '' }, 'admin');
        const b = await s.lending.request(
          {
            itemId: item.id,
            requester: '沼津 花子',
            department: '企画課',
            purpose: '外部会議',
            startsAt: hoursAfter(from),
            endsAt: hoursAfter(to),
          },
          'op1',
        );
        return s.lending.approve(b.id, 'admin');
      };
      const a = await booked('端末A', 1, 3);
      const b = await booked('端末B', 2, 5);
      const c = await booked('端末C', 2, 4);
      const d = await booked('端末D', 3, 4);
      await s.lending.grantLicence(a.id, pool.id, 'admin');
      await s.lending.grantLicence(b.id, pool.id, 'admin');
      assert.deepEqual(await failure(s.lending.grantLicence(c.id, pool.id, 'admin')), {
        code: 'CONFLICT',
        message:
          '「Web会議有償ライセンス」は2026/07/01 11:00〜13:00に空きがありません（すべてのライセンスが割当済みです）。',
      });
      assert.deepEqual(await failure(s.lending.grantLicence(a.id, pool.id, 'admin')), {
        code: 'CONFLICT',
        message: 'この予約には既にこのライセンスを割り当てています。',
      });
      // A's window ends when D's begins: the seat passes on.
      await s.lending.grantLicence(d.id, pool.id, 'admin');
      assert.equal((await s.lending.grants({ poolId: pool.id })).length, 3);
      // Cancelling B releases its seat, so C now fits.
      await s.lending.cancel(b.id, 'op1');
      await s.lending.grantLicence(c.id, pool.id, 'admin');
      assert.deepEqual(
        (await s.lending.grants({ poolId: pool.id })).map((g) => g.bookingId).sort(),
        [a.id, c.id, d.id].sort(),
      );
    });
  });
}
