import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runReportCommand, type ReportCommandDeps } from '../../../adapters/cli/report';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { InMemoryReportStore, type ReportModel } from '../../../reports';
import { assertMayReport } from './expected';
import { csvRows } from './external-tools';
import { NOW_AFTER_MAY } from './fixture';
import { memoryData, ORGANIZATION } from './helpers';

describe('kotae report (runReportCommand)', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;
  let deps: ReportCommandDeps;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-cli-'));
    stdout = '';
    stderr = '';
    deps = {
      data: memoryData(),
      store: new InMemoryReportStore(),
      outDirDefault: path.join(dir, 'reports'),
      calendar: new BusinessCalendar(),
      slaPolicy: DEFAULT_SLA_POLICY,
      organization: ORGANIZATION,
      clock: new FakeClock(NOW_AFTER_MAY),
      out: (s) => {
        stdout += s;
      },
      err: (s) => {
        stderr += s;
      },
    };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--json prints the ReportModel', async () => {
    assert.equal(await runReportCommand(['monthly', '2026-05', '--json'], deps), 0);
    assertMayReport(JSON.parse(stdout) as ReportModel);
  });

  it('custom --from/--to builds any period: all of May equals the monthly figures, a part holds only its work', async () => {
    assert.equal(await runReportCommand(['custom', '--from', '2026-05-01', '--to=2026-05-31', '--json'], deps), 0);
    const whole = JSON.parse(stdout) as ReportModel;
    stdout = '';
    assert.equal(await runReportCommand(['monthly', '2026-05', '--json'], deps), 0);
    const may = JSON.parse(stdout) as ReportModel;
    assert.deepEqual([whole.kind, whole.period.key], ['custom', '260501-260531']);
    assert.deepEqual(whole.inquiries, may.inquiries);
    assert.deepEqual(whole.workLog, may.workLog);
    assert.deepEqual(whole.usage.daily, may.usage.daily);
    stdout = '';
    assert.equal(await runReportCommand(['custom', '--from', '2026-05-10', '--to', '2026-05-20'], deps), 0);
    const saved = await deps.store.get('custom', '260510-260520');
    assert.ok(saved);
    assert.equal(saved.model.title, 'ヘルプデスク作業実績・利用状況報告書（期間指定）');
    assert.equal(saved.model.workLog.length, 1);
    assert.equal(saved.model.usage.daily.length, 11);
    assert.ok(fs.existsSync(path.join(dir, 'reports', 'custom-260510-260520', 'custom-260510-260520.xlsx')));
  });

  it('refuses a custom period in the future, reversed or too long with a Japanese message (exit 2)', async () => {
    assert.equal(await runReportCommand(['custom', '--from', '2026-06-01', '--to', '2026-06-30'], deps), 2);
    assert.equal(
      stderr,
      '終了日（2026-06-30）が明日以降のため、報告書を作成できません。終了日には今日以前の日付を指定してください。\n',
    );
    stderr = '';
    assert.equal(await runReportCommand(['custom', '--from', '2026-05-31', '--to', '2026-05-01'], deps), 2);
    assert.equal(stderr, '開始日（2026-05-31）が終了日（2026-05-01）より後になっています。\n');
    stderr = '';
    assert.equal(await runReportCommand(['custom', '--from', '2025-01-01'], deps), 2);
    assert.match(stderr, /--from と --to は/);
  });

  it('log --from/--to streams the conversation log as CSV to stdout or --out, refusing a future period', async () => {
    assert.equal(await runReportCommand(['log', '--from', '2026-05-01', '--to', '2026-05-31'], deps), 0);
    const rows = csvRows(stdout);
    assert.equal(rows.length, 1 + 8);
    assert.deepEqual(rows[0], [
      '日時',
      'チャネル',
      '所属',
      '質問（個人情報はマスク済み）',
      '結果',
      '回答元',
      'フィードバック',
      'チケット',
    ]);
    const out = path.join(dir, 'log.csv');
    assert.equal(await runReportCommand(['log', '--from=2026-05-01', '--to=2026-05-31', '--out', out], deps), 0);
    assert.equal(fs.readFileSync(out, 'utf8'), stdout);
    stderr = '';
    assert.equal(await runReportCommand(['log', '--from', '2026-06-01', '--to', '2026-06-30'], deps), 2);
    assert.match(stderr, /^終了日（2026-06-30）が明日以降のため/);
    assert.equal(await runReportCommand(['log', '--from', '2026-06-01'], deps), 2);
  });

  it('takes the second half as halfyear FYH2 and periods ending today (the data so far, a draft)', async () => {
    assert.equal(await runReportCommand(['halfyear', '2025H2', '--json'], deps), 0);
    const second = JSON.parse(stdout) as ReportModel;
    assert.deepEqual(
      [second.period.key, second.period.label, second.period.from, second.period.to],
      ['FY2025H2', '令和7年度 下半期（2025年10月〜2026年3月）', '2025-09-30T15:00:00.000Z', '2026-03-31T15:00:00.000Z'],
    );
    stdout = '';
    assert.equal(await runReportCommand(['halfyear', 'FY2025H2'], deps), 0);
    assert.equal((await deps.store.get('halfyear', 'FY2025H2'))?.status, 'draft');
    assert.equal(await runReportCommand(['custom', '--from', '2026-06-01', '--to', '2026-06-10'], deps), 0);
    const today = await deps.store.get('custom', '260601-260610');
    assert.deepEqual([today?.status, today?.model.period.to], ['draft', '2026-06-10T15:00:00.000Z']);
    stdout = '';
    assert.equal(await runReportCommand(['log', '--from', '2026-06-01', '--to', '2026-06-10'], deps), 0);
    assert.deepEqual(
      csvRows(stdout)
        .slice(1)
        .map((r) => [r[0], r[3]]),
      [['2026/06/01 00:00', 'ファイルサーバに入れない']],
    );
    assert.equal(await runReportCommand(['custom', '--from', '2026-06-01', '--to', '2026-06-11'], deps), 2);
  });

  it('--out writes xlsx, pdf and csv files there and lists them, without storing', async () => {
    const out = path.join(dir, 'export');
    assert.equal(
      await runReportCommand(['halfyear', '2026', '--out', out], {
        ...deps,
        clock: new FakeClock('2026-10-02T00:00:00Z'),
      }),
      0,
    );
    const names = fs.readdirSync(out);
    assert.ok(
      names.includes('halfyear-FY2026.xlsx') &&
        names.includes('halfyear-FY2026.pdf') &&
        names.some((n) => n.endsWith('.csv')),
    );
    for (const n of names) assert.ok(stdout.includes(path.join(out, n)), `lists ${n}`);
    assert.deepEqual(await deps.store.list(), []);
  });

  it('without options generates into the report folder and stores a draft', async () => {
    assert.equal(await runReportCommand(['monthly', '2026-05'], deps), 0);
    const stored = await deps.store.get('monthly', '2026-05');
    assert.equal(stored?.status, 'draft');
    assert.ok(fs.existsSync(path.join(dir, 'reports', 'monthly-2026-05', 'monthly-2026-05.xlsx')));
    assert.match(stdout, /報告書を作成しました/);
  });

  it('exits 2 with a Japanese message on an invalid or future period', async () => {
    assert.equal(await runReportCommand(['monthly', '2026-13'], deps), 2);
    assert.match(stderr, /対象月「2026-13」が正しくありません/);
    stderr = '';
    assert.equal(await runReportCommand(['annual', 'FY2027'], deps), 2);
    assert.match(stderr, /まだ始まっていない/);
    stderr = '';
    assert.equal(await runReportCommand(['weekly', '2026-05'], deps), 2);
    assert.match(stderr, /報告書の種類「weekly」/);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    assert.equal(await runReportCommand(['monthly'], deps), 2);
    assert.match(stderr, /使い方: kotae report/);
    assert.equal(await runReportCommand(['monthly', '2026-05', '--bogus'], deps), 2);
    assert.equal(await runReportCommand(['monthly', '2026-05', '--out'], deps), 2);
  });

  it('exits 1 when regenerating a final report', async () => {
    assert.equal(await runReportCommand(['monthly', '2026-05'], deps), 0);
    await deps.store.markFinal('monthly', '2026-05', 1);
    stderr = '';
    assert.equal(await runReportCommand(['monthly', '2026-05'], deps), 1);
    assert.match(stderr, /確定済みの報告書は再作成できません/);
  });
});
