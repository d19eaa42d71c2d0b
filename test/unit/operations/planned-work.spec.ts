/**
 * Issue 16 points 1 and 3 end to end below the console, on SQLite and PostgreSQL: 65 terminals over 3
 * sites imported from a Shift_JIS CSV; a patch campaign over them with 2 failures → exactly 2 incident
 * tickets linked to their terminals, progress per site, work-log entries, the 適用結果報告 with its due
 * date, and the planned-work section of the reports.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeEachDb } from '../../helpers/databases';
import { csvFile, opener, operationsHarness, terminalLines } from './operations-harness';
import { renderPatchReportCsv, renderPatchReportXlsx } from '../../../operations';

const actor = { username: 'tanaka', displayName: '田中 太郎' };

describeEachDb('planned work over 65 imported terminals', (each) => {
  let h: ReturnType<typeof operationsHarness>;
  beforeEach(async () => {
    await each.db.reset();
    h = operationsHarness(each.db.ds);
  });
  afterEach(() => h.cleanup());

  it('imports 65 terminals from Shift_JIS, runs a patch campaign with 2 failures and reports it', async function () {
    this.timeout(60_000);
    const siteIds = await h.addSites();
    const result = await h.ops.terminals.import(opener(csvFile(terminalLines(), 'sjis')), 'auto', 'tanaka');
    assert.deepEqual(result, { kind: 'imported', encoding: 'sjis', added: 65, updated: 0, unchanged: 0 });
    const all = await h.ops.terminals.list({ limit: 1000 });
    assert.equal(all.total, 65);
    const pc031 = all.items.find((t) => t.computerName === 'PC-031');
    assert.equal(pc031?.siteId, siteIds.get('北支所'));
    assert.equal(pc031?.userName, '佐藤 一郎');
    assert.equal(pc031?.macAddress, '00-1A-2B-3C-11-01');
    const history = await h.ops.terminals.history(pc031!.id);
    assert.deepEqual(
      history.map((x) => [x.action, x.actor, x.changes.length]),
      [['import', 'tanaka', 10]],
    );

    const campaign = await h.ops.campaigns.create(
      {
        kind: 'monthly_patch',
        title: '2026年12月 月例パッチ',
        releaseDate: '2026-12-09',
        windowStart: new Date('2026-12-10T09:00:00Z'),
        windowEnd: new Date('2026-12-12T09:00:00Z'),
        terminalIds: [],
        siteIds: [...siteIds.values()],
      },
      'tanaka',
    );
    const byName = new Map(all.items.map((t) => [t.computerName, t.id]));
    const failed = ['PC-040', 'PC-060'].map((n) => byName.get(n)!);
    const rest = all.items.map((t) => t.id).filter((id) => !failed.includes(id));
    const started = await h.ops.campaigns.setState(
      campaign.id,
      all.items.map((t) => t.id),
      'in_progress',
      '',
      actor,
    );
    assert.deepEqual(started, { changed: 65, incidents: [] });
    h.clock.advanceMinutes(30);
    const done = await h.ops.campaigns.setState(campaign.id, rest, 'done', '', actor);
    assert.deepEqual(done, { changed: 63, incidents: [] });
    const fail = await h.ops.campaigns.setState(
      campaign.id,
      failed,
      'failed',
      '再起動後に適用エラー 0x800f0922',
      actor,
    );
    assert.equal(fail.changed, 2);
    assert.equal(fail.incidents.length, 2);

    // Exactly two incident tickets, each linked to its terminal.
    const incidents = await each.db.ds
      .getRepository<{ id: string; number: string; type: string; title: string }>('ticket')
      .find();
    assert.deepEqual(
      incidents.map((t) => t.type),
      ['incident', 'incident'],
    );
    assert.deepEqual(incidents.map((t) => t.number).sort(), [...fail.incidents].sort());
    for (const [i, terminalId] of failed.entries()) {
      const linked = await h.ops.terminals.ticketsOf(terminalId);
      assert.equal(linked.length, 1);
      const ticket = await h.tickets.get(linked[0]);
      assert.equal(ticket.number, fail.incidents[i]);
      assert.equal(ticket.title, `月例パッチ失敗: ${i === 0 ? 'PC-040' : 'PC-060'}（2026年12月 月例パッチ）`);
      assert.equal((await h.ops.terminals.terminalOfTicket(ticket.id))?.id, terminalId);
    }

    // Progress per site.
    const view = await h.ops.campaigns.view(campaign.id);
    assert.deepEqual(
      view.progress.sites.map((p) => [p.siteName, p.total, p.counts.done, p.counts.failed, p.counts.planned]),
      [
        ['本庁舎', 30, 30, 0, 0],
        ['北支所', 20, 19, 1, 0],
        ['水道局', 15, 14, 1, 0],
      ],
    );
    assert.equal(view.progress.total.rate, 63 / 65);

    // One work-log entry per completed terminal.
    const logs = await h.workLogStore.listWorkLogs(new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    assert.equal(logs.length, 63);
    assert.equal(logs[0].operatorName, '田中 太郎');
    assert.match(logs[0].title, /^月例パッチ: 2026年12月 月例パッチ（PC-\d{3}）$/);

    // The 適用結果報告: due 7 days after the release, per site and per terminal.
    const report = await h.ops.campaigns.patchReport(campaign.id);
    assert.equal(report.dueDate, '2026-12-16');
    assert.equal(report.overdue, false);
    assert.equal(report.rows.length, 65);
    const failedRows = report.rows.filter((r) => r.result === '失敗');
    assert.deepEqual(
      failedRows.map((r) => [r.siteName, r.computerName, r.ticketNumber, r.note]),
      [
        ['北支所', 'PC-040', fail.incidents[0], '再起動後に適用エラー 0x800f0922'],
        ['水道局', 'PC-060', fail.incidents[1], '再起動後に適用エラー 0x800f0922'],
      ],
    );
    const csv = renderPatchReportCsv(report).toString('utf8');
    assert.equal(csv.split('\r\n').filter(Boolean).length, 66);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderPatchReportXlsx(report)) as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['概要', '拠点別', '端末別'],
    );
    assert.equal(wb.getWorksheet('概要')!.getRow(6).getCell(2).value, '2026-12-16');
    assert.equal(wb.getWorksheet('端末別')!.pageSetup.orientation, 'landscape');
    h.clock.set('2026-12-17T00:00:00Z');
    assert.equal((await h.ops.campaigns.patchReport(campaign.id)).overdue, true);

    // The planned-work section of a report for December.
    const sections = await h.ops.sections.sections(new Date('2026-11-30T15:00:00Z'), new Date('2026-12-31T15:00:00Z'));
    assert.deepEqual(
      sections.map((s) => [s.id, s.rows.length]),
      [
        ['planned-work', 4],
        ['planned-work-failures', 2],
      ],
    );
    assert.deepEqual(sections[0].rows[3].slice(3), ['合計', 65, 63, 2, 0, 0, '96.9%']);
    assert.deepEqual(
      sections[1].rows.map((r) => [r[2], r[4]]),
      [
        ['PC-040', fail.incidents[0]],
        ['PC-060', fail.incidents[1]],
      ],
    );

    // Audited: the import, the campaign, the state changes and the two tickets.
    const actions = (await each.db.ds.getRepository<{ action: string }>('audit_log').find()).map((a) => a.action);
    assert.equal(actions.filter((a) => a === 'terminal.import').length, 1);
    assert.equal(actions.filter((a) => a === 'campaign.create').length, 1);
    assert.equal(actions.filter((a) => a === 'campaign.state').length, 3);
    assert.equal(actions.filter((a) => a === 'ticket.create').length, 2);
  });

  it('refuses a change from 完了 and leaves every terminal as it was', async () => {
    const siteIds = await h.addSites();
    await h.ops.terminals.import(opener(csvFile(terminalLines().slice(0, 3), 'utf8')), 'utf8', 'tanaka');
    const campaign = await h.ops.campaigns.create(
      {
        kind: 'software',
        title: '財務会計クライアント配布',
        windowStart: new Date('2026-12-10T00:00:00Z'),
        windowEnd: new Date('2026-12-11T00:00:00Z'),
        terminalIds: [],
        siteIds: [siteIds.get('本庁舎')!],
      },
      'tanaka',
    );
    const ids = (await h.ops.campaigns.view(campaign.id)).targets.map((t) => t.terminalId);
    await h.ops.campaigns.setState(campaign.id, [ids[0]], 'done', '', actor);
    await assert.rejects(h.ops.campaigns.setState(campaign.id, ids, 'failed', '', actor), {
      code: 'INPUT_INVALID',
      userMessage: 'PC-001: 「完了」の端末は「失敗」にできません。',
    });
    const states = (await h.ops.campaigns.view(campaign.id)).targets.map((t) => t.state);
    assert.deepEqual(states, ['done', 'planned', 'planned']);
    assert.equal(await each.db.ds.getRepository('ticket').count(), 0);
  });
});
