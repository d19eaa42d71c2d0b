/**
 * The operations ledger's stores on every database the suites cover: sites (unique names, no delete
 * with terminals), terminals (unique name and IP, versioned updates with their history, paging), the
 * ticket's terminal, campaigns (overlap query, compare-and-set of a target's state).
 */
import assert from 'node:assert/strict';
import { KotaeError } from '../../../core/errors';
import { SqlCampaignStore } from '../../../db/repositories/sql-campaign-store';
import { SqlSiteStore } from '../../../db/repositories/sql-site-store';
import { SqlTerminalStore } from '../../../db/repositories/sql-terminal-store';
import { SqlTicketTerminals } from '../../../db/repositories/sql-ticket-terminals';
import type { TerminalInput } from '../../../operations';
import { describeEachDb } from '../../helpers/databases';

const T0 = new Date('2026-12-01T00:00:00.123Z');
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof KotaeError ? e.code : String(e)),
  );
const terminal = (siteId: string, n: number, over: Partial<TerminalInput> = {}): TerminalInput => ({
  computerName: `PC-${String(n).padStart(3, '0')}`,
  ipAddress: `10.0.0.${n}`,
  siteId,
  status: 'active',
  ...over,
});

describeEachDb('operations stores', (each) => {
  let now = T0;
  const stores = () => ({
    sites: new SqlSiteStore(each.db.ds, () => now),
    terminals: new SqlTerminalStore(each.db.ds, () => now),
    campaigns: new SqlCampaignStore(each.db.ds, () => now),
    links: new SqlTicketTerminals(each.db.ds, () => now),
  });
  beforeEach(async () => {
    now = T0;
    await each.db.reset();
  });

  it('sites: unique names, rename, no delete while terminals stand there', async () => {
    const { sites, terminals } = stores();
    const main = await sites.create({ name: '本庁舎', kind: 'main' });
    const north = await sites.create({ name: '北支所', kind: 'branch' });
    assert.equal(await codeOf(sites.create({ name: '本庁舎', kind: 'outpost' })), 'CONFLICT');
    assert.equal(await codeOf(sites.update(north.id, { name: '本庁舎', kind: 'branch' })), 'CONFLICT');
    await sites.update(north.id, { name: '北部支所', kind: 'branch' });
    assert.deepEqual(
      (await sites.list()).map((s) => [s.name, s.kind]),
      [
        ['本庁舎', 'main'],
        ['北部支所', 'branch'],
      ],
    );
    await terminals.insertMany([terminal(main.id, 1)], 'tanaka', 'create');
    assert.equal(await sites.remove(main.id), false);
    assert.equal(await sites.remove(north.id), true);
    assert.equal((await sites.list()).length, 1);
    assert.equal((await sites.get(main.id))?.createdAt.toISOString(), T0.toISOString());
  });

  it('terminals: unique name and IP, versioned update with history, paging, search', async () => {
    const { sites, terminals } = stores();
    const site = await sites.create({ name: '本庁舎', kind: 'main' });
    const [a] = await terminals.insertMany(
      [terminal(site.id, 1, { userName: '山田 花子', macAddress: '00-1A-2B-3C-4D-5E' }), terminal(site.id, 2)],
      'tanaka',
      'import',
    );
    assert.equal(
      await codeOf(terminals.insertMany([terminal(site.id, 1, { ipAddress: '10.0.0.9' })], 'x', 'create')),
      'CONFLICT',
    );
    assert.equal(
      await codeOf(terminals.insertMany([terminal(site.id, 9, { ipAddress: '10.0.0.2' })], 'x', 'create')),
      'CONFLICT',
    );
    const taken = await terminals.taken(['PC-001', 'PC-404'], ['10.0.0.2']);
    assert.deepEqual([...taken.names.keys()], ['PC-001']);
    assert.equal(taken.ips.size, 1);
    now = new Date(T0.getTime() + 60_000);
    const updated = await terminals.update(a.id, 1, { ...a, userName: '佐藤 一郎', status: 'repair' }, 'suzuki');
    assert.equal(updated.version, 2);
    assert.equal(await codeOf(terminals.update(a.id, 1, { ...a, userName: '別人' }, 'suzuki')), 'CONFLICT');
    const history = await terminals.history(a.id);
    assert.deepEqual(
      history.map((h) => [h.action, h.actor, h.at.toISOString()]),
      [
        ['update', 'suzuki', now.toISOString()],
        ['import', 'tanaka', T0.toISOString()],
      ],
    );
    assert.deepEqual(history[0].changes, [
      { field: 'userName', before: '山田 花子', after: '佐藤 一郎' },
      { field: 'status', before: 'active', after: 'repair' },
    ]);
    assert.deepEqual((await terminals.list({ text: 'pc-00' })).total, 2);
    assert.deepEqual(
      (await terminals.list({ text: '佐藤' })).items.map((t) => t.computerName),
      ['PC-001'],
    );
    assert.deepEqual((await terminals.list({ text: '100%' })).total, 0);
    const pages: string[][] = [];
    for await (const page of terminals.pages(1)) pages.push(page.map((t) => t.computerName));
    assert.deepEqual(pages, [['PC-001'], ['PC-002']]);
  });

  it('terminals: lookup by names, versioned update by import with its history', async () => {
    const { sites, terminals } = stores();
    const site = await sites.create({ name: '本庁舎', kind: 'main' });
    const [a, b] = await terminals.insertMany([terminal(site.id, 1), terminal(site.id, 2)], 'tanaka', 'import');
    assert.deepEqual(
      (await terminals.byNames(['PC-002', 'PC-404'])).map((t) => t.id),
      [b.id],
    );
    now = new Date(T0.getTime() + 60_000);
    assert.equal(await terminals.updateMany([{ before: a, input: { ...a, ipAddress: '10.0.0.11' } }], 'suzuki'), 1);
    const history = await terminals.history(a.id);
    assert.deepEqual(
      history.map((h) => [h.action, h.actor, h.at.toISOString()]),
      [
        ['import_update', 'suzuki', now.toISOString()],
        ['import', 'tanaka', T0.toISOString()],
      ],
    );
    assert.deepEqual(history[0].changes, [{ field: 'ipAddress', before: '10.0.0.1', after: '10.0.0.11' }]);
    // A stale version, or an IP another terminal holds: CONFLICT and nothing of the call is kept.
    const stale = terminals.updateMany(
      [
        { before: b, input: { ...b, userName: '山田 花子' } },
        { before: a, input: { ...a, userName: '別人' } },
      ],
      'suzuki',
    );
    assert.equal(await codeOf(stale), 'CONFLICT');
    const current = (await terminals.get(a.id))!;
    assert.equal(
      await codeOf(terminals.updateMany([{ before: b, input: { ...b, ipAddress: '10.0.0.11' } }], 'x')),
      'CONFLICT',
    );
    assert.deepEqual(
      [(await terminals.get(b.id))?.version, (await terminals.get(b.id))?.userName, current.version],
      [1, undefined, 2],
    );
    assert.equal((await terminals.history(b.id)).length, 1);
  });

  it('ticket terminals and campaigns: link, overlap, compare-and-set of a target', async () => {
    const { sites, terminals, campaigns, links } = stores();
    const site = await sites.create({ name: '水道局', kind: 'outpost' });
    const [a, b] = await terminals.insertMany([terminal(site.id, 1), terminal(site.id, 2)], 'tanaka', 'create');
    await links.set('ticket-1', a.id, 'tanaka');
    await links.set('ticket-1', b.id, 'tanaka');
    assert.equal(await links.terminalOf('ticket-1'), b.id);
    assert.deepEqual(await links.ticketsOf(b.id), ['ticket-1']);
    assert.equal(await terminals.remove(b.id), false);
    await links.set('ticket-1', undefined, 'tanaka');
    assert.equal(await links.terminalOf('ticket-1'), undefined);
    const c = await campaigns.create(
      {
        kind: 'os_update',
        title: 'Windows 11 24H2 更新',
        windowStart: new Date('2026-12-10T00:00:00Z'),
        windowEnd: new Date('2026-12-20T00:00:00Z'),
      },
      [a, b].map((t) => ({ terminalId: t.id, siteId: t.siteId, computerName: t.computerName })),
      'tanaka',
    );
    const inDecember = await campaigns.overlapping(new Date('2026-12-19T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    assert.deepEqual(
      inDecember.map((x) => x.id),
      [c.id],
    );
    assert.equal(
      (await campaigns.overlapping(new Date('2026-12-20T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).length,
      0,
    );
    const [target] = await campaigns.targets(c.id);
    const change = { state: 'failed' as const, note: '失敗', updatedBy: 'tanaka', finishedAt: T0 };
    assert.equal(await campaigns.moveTarget(c.id, target.terminalId, target, change), true);
    assert.equal(await campaigns.moveTarget(c.id, target.terminalId, target, change), false);
    const [after] = await campaigns.targets(c.id);
    assert.deepEqual(
      [after.state, after.version, after.note, after.finishedAt?.toISOString()],
      ['failed', 2, '失敗', T0.toISOString()],
    );
    assert.equal(await terminals.remove(a.id), false);
  });
});
