/** The console pages of issue 16: incident clocks and 復旧作業開始 on the ticket page, the 年度切替 import. */
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';

const HEADER = '職員番号,氏名,異動区分,旧所属,新所属,対象システム';

describe('console: incident clocks and the fiscal-year switch', () => {
  let h: ConsoleHarness;
  let op: Session;
  before(async () => {
    // Friday 2026-11-20 16:30 JST; Monday 11-23 is a holiday.
    h = await startConsole({ clockStart: '2026-11-20T07:30:00Z' });
    op = await h.sessionFor('operator');
  });
  after(() => h.close());

  it('shows the incident clocks, breaches restoration start after 2 business hours and stops it when recorded', async () => {
    const t = await h.openTicket({ type: 'incident' });
    const page = await h.request('GET', `/console/tickets/${t.number}`, { session: op });
    assert.match(page.text, /data-clock="restorationStart"[^>]*>\s*残り[^（]*（期限 2026\/11\/24 09:45）/);
    assert.match(page.text, /data-clock="incidentReport"/);
    h.clock.set('2026-11-24T00:46:00Z'); // Tuesday 9:46 JST
    op = await h.sessionFor('operator');
    const late = await h.request('GET', `/console/tickets/${t.number}`, { session: op });
    assert.match(late.text, /class="sla-breached" data-clock="restorationStart"/);
    const queue = JSON.parse((await h.request('GET', '/console/api/tickets', { session: op })).text) as {
      tickets: { number: string; sla: { restorationStart: { state: string } } }[];
    };
    assert.equal(queue.tickets.find((x) => x.number === t.number)!.sla.restorationStart.state, 'breached');
    const rec = await h.request('POST', `/console/tickets/${t.number}/restoration-start`, { session: op, form: {} });
    assert.equal(rec.status, 303);
    const after = await h.request('GET', `/console/tickets/${t.number}`, { session: op });
    assert.match(after.text, /class="sla-met_late" data-clock="restorationStart"/);
    assert.match(after.text, /復旧作業開始: 2026\/11\/24 09:46/);
    // A second record is refused: post/redirect/get, the ticket page then carries the 400 and the message once.
    const again = await h.request('POST', `/console/tickets/${t.number}/restoration-start`, { session: op, form: {} });
    assert.equal(again.status, 303);
    const refused = await h.request('GET', `/console/tickets/${t.number}`, { session: op });
    assert.equal(refused.status, 400);
    assert.ok(refused.text.includes('復旧作業開始は記録済みです。'));
  });

  it('imports a Shift_JIS transfer file into 依頼 tickets and shows the checklist', async () => {
    const csv = [HEADER, 'K0101,架空 一郎,新規,,総務課,庁内メール', 'K0102,架空 二郎,退職,税務課,,庁内メール'].join(
      '\r\n',
    );
    const before = (await h.ticketStore.list({})).total;
    const res = await h.request('POST', '/console/fy-switch', {
      session: op,
      form: { fiscalYear: '2027' },
      files: [{ name: '人事異動.csv', content: iconv.encode(csv, 'cp932'), type: 'text/csv' }],
    });
    assert.equal(res.status, 303);
    assert.match(res.location, /\/console\/fy-switch\?notice=imported-2$/);
    assert.equal((await h.ticketStore.list({})).total, before + 2);
    const [batch] = await h.deps.fySwitch.batches();
    const list = await h.request('GET', `/console/fy-switch/${batch!.id}`, { session: op });
    assert.equal(list.status, 200);
    assert.ok(list.text.includes('進捗: 0 / 2 件 完了'));
    assert.ok(list.text.includes('K0101 架空 一郎'));
    assert.ok(list.text.includes('アカウント削除'));
  });

  it('refuses a file with bad rows, listing each line, and creates nothing', async () => {
    const csv = [HEADER, 'K0201,架空 三郎,転籍,,総務課,庁内メール', 'K0202,,新規,,,'].join('\n');
    const before = (await h.ticketStore.list({})).total;
    const batches = (await h.deps.fySwitch.batches()).length;
    const res = await h.request('POST', '/console/fy-switch', {
      session: op,
      form: { fiscalYear: '2027' },
      files: [{ name: 'bad.csv', content: csv, type: 'text/csv' }],
    });
    assert.equal(res.status, 400);
    assert.ok(res.text.includes('取り込めませんでした（2行に誤りがあります）'));
    const items = [...res.text.matchAll(/<li>(\d+行目: [^<]*)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(items, [
      '2行目: 異動区分「転籍」は使えません（新規・異動・退職のいずれか）。',
      '3行目: 氏名が空です。 新所属が空です。 対象システムが空です。',
    ]);
    assert.equal((await h.ticketStore.list({})).total, before);
    assert.equal((await h.deps.fySwitch.batches()).length, batches);
  });

  it('asks for a file when none is sent', async () => {
    const res = await h.request('POST', '/console/fy-switch', { session: op, form: { fiscalYear: '2027' }, files: [] });
    assert.equal(res.status, 400);
    assert.ok(res.text.includes('CSVファイルを選択してください。'));
  });
});
