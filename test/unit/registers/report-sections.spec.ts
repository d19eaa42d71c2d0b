/** The registers' and lending's report sections for a period, through buildReport's csv files. */
import assert from 'node:assert/strict';
import { buildReport, renderCsvFiles } from '../../../reports';
import { RegisterReportSections } from '../../../registers';
import { NOW_AFTER_MAY } from '../reports/fixture';
import { memoryData, options } from '../reports/helpers';
import { describeEachDb } from '../../helpers/databases';
import { registerServices } from '../../helpers/registers';

const MAY = (day: number, hour = 0) => new Date(Date.UTC(2026, 4, day, hour - 9));

describeEachDb('register report sections', (each) => {
  beforeEach(() => each.db.reset());

  it('lists issues, withdrawals, bookings, utilisation per kind and overdue loans of the period', async () => {
    const s = registerServices(each.db.ds);
    s.clock.set(MAY(1, 10));
    const ip = await s.registers.issue(
      { kind: 'ip', value: '10.0.0.5', department: '税務課', requester: '沼津 一郎', reason: '増設' },
      'op1',
    );
    s.clock.set(MAY(20, 10));
    await s.registers.withdraw(ip.id, '撤去', 'op2');
    s.clock.set(MAY(31, 12));
    await s.registers.issue(
      { kind: 'computer_name', value: 'NZ-PC-0100', department: '企画課', requester: '沼津 花子', reason: '更新' },
      'op1',
    );
    s.clock.set(MAY(1, 9));
    const item = await s.lending.addItem({ name: '研修用PC-01', kind: 'training', accessories: 'マウス' }, 'admin');
    const b = await s.lending.request(
      {
        itemId: item.id,
        requester: '沼津 太郎',
        department: '人事課',
        purpose: '新任研修',
        startsAt: MAY(10, 9),
        endsAt: MAY(10, 17),
      },
      'op1',
    );
    await s.lending.approve(b.id, 'admin');
    await s.lending.checkOut(b.id, ['マウス'], 'op1');
    // 2026-04-30 21:00 JST: before the period.
    s.clock.set(new Date(Date.UTC(2026, 3, 30, 12)));
    const old = { kind: 'ip', value: '10.0.0.9', department: '税務課', requester: '沼津 一郎', reason: '旧' };
    await s.registers.issue(old, 'op1');
    const sections = new RegisterReportSections({
      registers: s.store,
      lending: s.lendingStore,
      now: () => NOW_AFTER_MAY,
    });
    const model = await buildReport('monthly', '2026-05', memoryData(), {
      ...options(NOW_AFTER_MAY),
      sections: [sections],
    });
    const csv = (id: string) =>
      renderCsvFiles(model)
        .find((f) => f.name.endsWith(`-${id}.csv`))!
        .content.toString('utf8')
        .slice(1)
        .trim()
        .split('\r\n');
    assert.deepEqual(csv('register-issued'), [
      '台帳,値,日時,所属,依頼者,担当者,理由',
      'IPアドレス,10.0.0.5,2026/05/01 10:00,税務課,沼津 一郎,op1,増設',
      'コンピュータ名,NZ-PC-0100,2026/05/31 12:00,企画課,沼津 花子,op1,更新',
    ]);
    assert.deepEqual(csv('register-withdrawn'), [
      '台帳,値,日時,所属,依頼者,担当者,理由',
      'IPアドレス,10.0.0.5,2026/05/20 10:00,税務課,沼津 一郎,op2,撤去',
    ]);
    assert.deepEqual(csv('lending-bookings'), [
      '機器,種類,期間,所属,依頼者,目的,状態',
      '研修用PC-01,研修用端末,2026/05/10 09:00〜17:00,人事課,沼津 太郎,新任研修,貸出中',
    ]);
    // 8 hours of one training terminal in the 744 hours of May.
    assert.deepEqual(csv('lending-utilisation'), [
      '種類,台数,予約件数,利用時間（時間）,利用率',
      'Web会議端末,0,0,0,—',
      '研修用端末,1,1,8,1.1%',
      'ペーパーレス会議端末,0,0,0,—',
    ]);
    const overdueDays = Math.floor((NOW_AFTER_MAY.getTime() - MAY(10, 17).getTime()) / 86_400_000);
    assert.deepEqual(csv('lending-overdue'), [
      '機器,返却予定,所属,依頼者,遅れ（日）',
      `研修用PC-01,2026/05/10 17:00,人事課,沼津 太郎,${overdueDays}`,
    ]);
  });
});
