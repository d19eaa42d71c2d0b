import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { runIncidentReportCommand } from '../../../adapters/cli/incident-report';
import type { NewTicket } from '../../../tickets';
import { createDataSource, openDatabase, SqlTicketStore } from '../../../db';
import { SqlWorkLogStore } from '../../../db/repositories/sql-work-log-store';
import { pdfText } from './external-tools';
/** The seeded database and the numbers of its tickets. */
interface IncidentDb {
  ds: DataSource;
  dir: string;
  resolved: string;
  open: string;
  inquiry: string;
  close(): Promise<void>;
}

/** Texts the tests look for in the files. */
const SEED = {
  title: '庁内ファイルサーバーに接続できない',
  cause: 'ファイルサーバーの証明書の有効期限切れ',
  actions: '証明書を更新し、ファイル共有サービスを再起動した',
  prevention: '証明書の期限を監視ジョブで30日前に通知する',
  workTitle: '証明書更新作業',
  workContent: 'サーバー証明書を更新し接続を確認した',
  workRemarks: '作業中は共有フォルダを停止',
  operator: '佐藤 一郎',
  reply: '復旧しました。再度接続をお試しください。',
} as const;

const ticket = (title: string, type: NewTicket['type']): NewTicket => ({
  type,
  priority: 'high',
  category: 'ネットワーク',
  title,
  details: '朝から税務課の全端末で共有フォルダが開けない。',
  requester: { name: '山田 花子', department: '税務課' },
  channel: 'teams',
  transcript: [{ role: 'user', text: '共有フォルダが開けません', at: new Date('2026-05-12T00:25:00Z') }],
});

/** Creates, migrates and seeds a temporary SQLite file. */
async function openIncidentDb(): Promise<IncidentDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-incident-'));
  const ds = createDataSource({ kind: 'sqlite', path: path.join(dir, 'kotae.db') });
  await openDatabase(ds);
  let now = new Date('2026-05-12T00:30:00Z');
  const tickets = new SqlTicketStore(ds, () => now);
  let t = await tickets.create(ticket(SEED.title, 'inquiry'), 'bot');
  now = new Date('2026-05-12T00:40:00Z');
  t = await tickets.update(
    t.id,
    t.version,
    { type: 'incident', status: 'in_progress', assignee: SEED.operator },
    SEED.operator,
  );
  now = new Date('2026-05-12T02:40:00Z');
  await tickets.addComment(t.id, { kind: 'reply', author: SEED.operator, body: SEED.reply });
  await tickets.addComment(t.id, { kind: 'note', author: SEED.operator, body: '内部メモ' });
  t = await tickets.update(
    t.id,
    t.version,
    {
      status: 'resolved',
      resolvedAt: now,
      incident: { cause: SEED.cause, actions: SEED.actions, prevention: SEED.prevention },
    },
    SEED.operator,
  );
  await new SqlWorkLogStore(ds).add({
    ticketId: t.id,
    startedAt: new Date('2026-05-12T01:00:00Z'),
    endedAt: new Date('2026-05-12T02:30:00Z'),
    operatorName: SEED.operator,
    title: SEED.workTitle,
    content: SEED.workContent,
    remarks: SEED.workRemarks,
    createdBy: 'sato',
  });
  const open = await tickets.create(ticket('プリンタ障害', 'incident'), 'bot');
  const inquiry = await tickets.create(ticket('パスワードの変更方法', 'inquiry'), 'bot');
  return {
    ds,
    dir,
    resolved: t.number,
    open: open.number,
    inquiry: inquiry.number,
    close: async () => {
      await ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('kotae report incident (runIncidentReportCommand)', function () {
  this.timeout(60_000);
  let db: IncidentDb;
  let out: string;
  let stdout: string;
  let stderr: string;
  const NOW = new Date('2026-06-01T01:00:00Z');
  const run = (argv: string[]) =>
    runIncidentReportCommand(argv, {
      tickets: new SqlTicketStore(db.ds),
      workLogs: new SqlWorkLogStore(db.ds),
      organization: 'ことのは市 情報政策課',
      now: () => NOW,
      out: (s) => {
        stdout += s;
      },
      err: (s) => {
        stderr += s;
      },
    });

  before(async () => {
    db = await openIncidentDb();
  });
  after(async () => {
    await db.close();
  });
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-incident-out-'));
    stdout = '';
    stderr = '';
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes incident-<number>.xlsx and .pdf and lists them', async () => {
    assert.equal(await run([db.resolved, '--out', out]), 0, stderr);
    for (const ext of ['xlsx', 'pdf']) {
      const file = path.join(out, `incident-${db.resolved}.${ext}`);
      assert.ok(fs.existsSync(file), `${ext} written`);
      assert.ok(stdout.includes(file), `lists ${ext}`);
    }
    assert.equal(stderr, '');
  });

  it('the PDF holds the title, number, incident fields, timeline and work-log row', async () => {
    assert.equal(await run([db.resolved, '--out', out]), 0, stderr);
    const text = pdfText(path.join(out, `incident-${db.resolved}.pdf`));
    for (const s of [
      '障害復旧作業報告書',
      db.resolved,
      SEED.title,
      SEED.cause,
      SEED.actions,
      SEED.prevention,
      '令和8年5月12日',
      '2026/05/12 09:30',
      '2026/05/12 11:40',
      '状態を変更: 新規 → 対応中',
      SEED.workTitle,
      SEED.workContent,
      SEED.operator,
      '2026/05/12 10:00〜11:30',
      'ことのは市 情報政策課',
    ]) {
      assert.ok(text.includes(s), `pdf contains ${s}`);
    }
    assert.ok(!text.includes('内部メモ'), 'internal notes stay out of the report');
  });

  it('the xlsx sheet holds the same values, laid out for A4 portrait', async () => {
    assert.equal(await run([db.resolved, '--out', out]), 0, stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, `incident-${db.resolved}.xlsx`));
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['障害復旧作業報告書'],
    );
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push([1, 2, 3, 4, 5].map((c) => String(r.getCell(c).value ?? ''))));
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    assert.equal(rows[0][0], '障害復旧作業報告書');
    assert.equal(value('受付番号'), db.resolved);
    assert.equal(value('件名'), SEED.title);
    assert.equal(value('原因'), SEED.cause);
    assert.equal(value('対応内容'), SEED.actions);
    assert.equal(value('再発防止策'), SEED.prevention);
    assert.equal(value('発生日時'), '2026/05/12 09:30（令和8年5月12日）');
    assert.equal(value('復旧日時'), '2026/05/12 11:40（令和8年5月12日）');
    assert.equal(value('報告者・影響範囲'), '山田 花子（税務課）／受付: Microsoft Teams');
    assert.ok(rows.some((r) => r[2] === '作成日' && r[3] === '2026/06/01（令和8年6月1日）'));
    assert.ok(rows.some((r) => r[2] === '作成者' && r[3] === 'ことのは市 情報政策課'));
    assert.deepEqual(
      rows.find((r) => r[2] === SEED.workTitle),
      ['2026/05/12 10:00〜11:30', SEED.operator, SEED.workTitle, SEED.workContent, SEED.workRemarks],
    );
    assert.ok(rows.some((r) => r[0] === '2026/05/12 11:40' && r[1].startsWith('依頼者へ回答: 復旧しました。')));
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, 'portrait');
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.match(ws.headerFooter.oddFooter ?? '', /&P \/ &N/);
  });

  it('marks missing cause/actions/prevention as （未記入） and warns', async () => {
    assert.equal(await run([db.open, '--out', out]), 0, stderr);
    assert.match(stderr, /警告: .*原因・対応内容・再発防止策が未記入です/);
    const text = pdfText(path.join(out, `incident-${db.open}.pdf`));
    assert.ok(text.includes('（未記入）') && text.includes('（未復旧）'));
  });

  it('breaks a long report over several pages without losing text', async () => {
    const tickets = new SqlTicketStore(db.ds, () => NOW);
    const t = await tickets.create(
      {
        type: 'incident',
        priority: 'urgent',
        category: 'システム',
        title: '基幹系システム停止',
        details: '長時間の停止',
        requester: { name: '鈴木 次郎', department: '市民課' },
        channel: 'web',
        transcript: [],
      },
      'bot',
    );
    const lines = Array.from({ length: 120 }, (_, i) => `手順${i + 1}: 待機系サーバーへの切替と確認を実施した。`);
    await tickets.update(
      t.id,
      t.version,
      { incident: { cause: '電源装置の故障', actions: lines.join('\n'), prevention: '電源の二重化' } },
      'sato',
    );
    assert.equal(await run([t.number, '--out', out]), 0, stderr);
    const text = pdfText(path.join(out, `incident-${t.number}.pdf`));
    assert.ok(text.split('\f').filter((p) => p.trim()).length >= 3, 'several pages');
    for (const s of ['手順1:', '手順60:', '手順120:', '対応内容（続き）', '電源の二重化'])
      assert.ok(text.includes(s), `pdf contains ${s}`);
  });

  it('exits 2 with a Japanese message for an unknown ticket', async () => {
    assert.equal(await run(['HD-2026-999999', '--out', out]), 2);
    assert.match(stderr, /チケット HD-2026-999999 が見つかりません。/);
    assert.deepEqual(fs.readdirSync(out), []);
  });

  it('exits 2 for a ticket that is not an incident', async () => {
    assert.equal(await run([db.inquiry, '--out', out]), 2);
    assert.match(stderr, new RegExp(`チケット ${db.inquiry} は種別が「問合せ」のため`));
  });

  it('exits 2 with the usage without a ticket number or with an unknown option', async () => {
    assert.equal(await run([]), 2);
    assert.match(stderr, /チケット番号を指定してください。\n使い方: kotae report incident/);
    stderr = '';
    assert.equal(await run([db.resolved, '--bogus']), 2);
    assert.match(stderr, /不明なオプションです: --bogus/);
  });
});
