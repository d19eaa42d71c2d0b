/** Issue 16 in the reports: the SLA clocks per ticket type and the 機密性3 roster section. */
import assert from 'node:assert/strict';
import { createSlaTargets, type TicketRecord } from '../../../tickets';
import { BusinessCalendar } from '../../../calendar';
import { buildReport, InMemoryReportData, reportTables, rosterReportSection } from '../../../reports';
import { InMemoryConfidentialRoster } from '../../fakes/in-memory-confidential-roster';
import { memoryData, options } from './helpers';
import { NOW_AFTER_MAY } from './fixture';

const targets = createSlaTargets({}, {}, new BusinessCalendar().deskMinutes);

function incident(n: number, createdAt: string, over: Partial<TicketRecord> = {}): TicketRecord {
  return {
    id: `t${n}`,
    number: `HD-2026-00000${n}`,
    status: 'in_progress',
    type: 'incident',
    priority: 'high',
    category: 'ネットワーク',
    title: `障害${n}`,
    details: '',
    requester: {},
    channel: 'web',
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
    firstResponseAt: new Date(createdAt),
    holds: [],
    version: 1,
    ...over,
  };
}

describe('reports: SLA clocks per ticket type and the roster section (issue 16)', () => {
  it('keeps the existing SLA figures and adds one row per type and clock', async () => {
    const plain = await buildReport('monthly', '2026-05', memoryData(), options(NOW_AFTER_MAY));
    const withClocks = await buildReport('monthly', '2026-05', memoryData(), {
      ...options(NOW_AFTER_MAY),
      slaTargets: targets,
    });
    const { clocks, ...rest } = withClocks.tickets.sla;
    assert.deepEqual(rest, plain.tickets.sla);
    assert.equal(plain.tickets.sla.clocks, undefined);
    assert.ok(clocks && clocks.length > 0);
    assert.ok(reportTables(withClocks).some((t) => t.id === 'sla-clocks'));
    assert.equal(
      reportTables(plain).some((t) => t.id === 'sla-clocks'),
      false,
    );
  });

  it('counts restoration start met, late and breached across a weekend', async () => {
    const data = new InMemoryReportData();
    // Friday 2026-05-08 16:30 JST (07:30Z): due Monday 5/11 09:45 JST.
    data.tickets.push(
      incident(1, '2026-05-08T07:30:00Z', { restorationStartedAt: new Date('2026-05-11T00:40:00Z') }),
      incident(2, '2026-05-08T07:30:00Z', { restorationStartedAt: new Date('2026-05-11T01:00:00Z') }),
      incident(3, '2026-05-08T07:30:00Z'),
    );
    const model = await buildReport('monthly', '2026-05', data, { ...options(NOW_AFTER_MAY), slaTargets: targets });
    const rows = reportTables(model).find((t) => t.id === 'sla-clocks')!.rows;
    assert.deepEqual(
      rows.find((r) => r[1] === '復旧作業開始'),
      ['障害', '復旧作業開始', 3, 1, 2, 0, '33.3%'],
    );
  });

  it('counts a 機密性3 ticket but prints none of its texts', async () => {
    const data = new InMemoryReportData();
    data.tickets.push(
      incident(4, '2026-05-08T07:30:00Z', {
        title: '基幹系の障害',
        confidential: true,
        incident: { cause: '設定誤り', actions: '再設定', prevention: '手順書改訂' },
      }),
    );
    const model = await buildReport('monthly', '2026-05', data, options(NOW_AFTER_MAY));
    assert.equal(model.tickets.opened, 1);
    const text = JSON.stringify(reportTables(model));
    for (const secret of ['基幹系の障害', '設定誤り', '再設定', '手順書改訂'])
      assert.equal(text.includes(secret), false, secret);
    assert.ok(text.includes('（機密性3のため非表示）'));
  });

  it("counts a 機密性3 ticket's questions but hides their texts; takes the escalation's department", async () => {
    const data = new InMemoryReportData();
    const base = memoryData().questionLog[2];
    const ask = (id: string, conversationId: string, text: string) => ({
      ...base,
      id,
      conversationId,
      askedAt: new Date('2026-05-08T01:00:00Z'),
      text,
      outcome: 'no_answer' as const,
      requester: { id: `u-${id}` },
    });
    data.questionLog.push(ask('s1', 'ks', '人事評価シートの閲覧'), ask('s2', 'kc', '住民票の印刷'));
    data.tickets.push(
      incident(5, '2026-05-08T01:05:00Z', {
        conversationId: 'ks',
        confidential: true,
        requester: { department: '人事課' },
      }),
      incident(6, '2026-05-08T01:05:00Z', { conversationId: 'kc', requester: { department: '市民課' } }),
    );
    const model = await buildReport('monthly', '2026-05', data, options(NOW_AFTER_MAY));
    const sorted = <T extends { text: string }>(xs: T[]) => [...xs].sort((a, b) => a.text.localeCompare(b.text));
    // The top lists count normalised texts (NFKC: the brackets become half-width).
    assert.deepEqual(sorted(model.usage.topUnanswered), [
      { text: '(機密性3のため非表示)', count: 1 },
      { text: '住民票の印刷', count: 1 },
    ]);
    assert.equal(JSON.stringify(model).includes('人事評価シートの閲覧'), false);
    assert.deepEqual(model.inquiries.byDepartment.map((d) => [d.label, d.count]).sort(), [
      ['人事課', 1],
      ['市民課', 1],
    ]);
  });

  it('lists the roster entries in force during the period', async () => {
    const store = new InMemoryConfidentialRoster();
    const at = new Date('2026-03-01T00:00:00Z');
    await store.add(
      {
        username: 'sato',
        validFrom: new Date('2026-03-31T15:00:00Z'),
        validTo: new Date('2027-03-31T15:00:00Z'),
        approver: '課長A',
      },
      'admin',
      at,
    );
    await store.add(
      {
        username: 'old',
        validFrom: new Date('2025-03-31T15:00:00Z'),
        validTo: new Date('2026-03-31T15:00:00Z'),
        approver: '課長B',
      },
      'admin',
      at,
    );
    const [section] = await rosterReportSection(store).sections(
      new Date('2026-04-30T15:00:00Z'),
      new Date('2026-05-31T15:00:00Z'),
    );
    assert.equal(section!.id, 'confidential-roster');
    assert.deepEqual(section!.rows, [['sato', '2026-04-01', '2027-03-31', '課長A', '', '']]);
  });
});
