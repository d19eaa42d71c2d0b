/** The fiscal-year switch on SQLite and PostgreSQL: CSV → exact 依頼 tickets and checklist, all or nothing. */
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { SqlAttachmentStore, SqlConversationStore, SqlTicketStore } from '../../../db';
import { SqlFySwitchStore } from '../../../db/repositories/sql-fy-switch';
import { SqlTicketOutbox } from '../../../db/repositories/sql-ticket-outbox';
import {
  FySwitchService,
  ReplyDelivery,
  TicketService,
  type FySwitchStore,
  type TransferRowError,
} from '../../../tickets';
import { createPiiMasker } from '../../../privacy';
import { testAuditLog } from '../../helpers/audit';
import { describeEachDb, type EachDb } from '../../helpers/databases';

const GOOD = [
  '職員番号,氏名,異動区分,旧所属,新所属,対象システム',
  'K0003,架空 三郎,退職,税務課,,庁内メール、財務会計',
  'K0001,架空 一郎,新規,,総務課,庁内メール',
  'K0002,架空 花子,異動,総務課,税務課,庁内メール;財務会計',
  'K0004,架空 四郎,新規,,総務課,庁内メール',
].join('\r\n');

function harness(each: EachDb, wrapStore?: (s: FySwitchStore) => FySwitchStore) {
  const clock = new FakeClock('2026-03-02T01:00:00Z');
  const now = () => clock.now();
  const ds = each.db.ds;
  const store = new SqlTicketStore(ds, now);
  const audit = testAuditLog(ds, now);
  const delivery = new ReplyDelivery({
    store,
    conversations: new SqlConversationStore(ds, now),
    senders: new Map(),
    outbox: new SqlTicketOutbox(ds),
    clock,
    logger: new MemoryLogger(),
  });
  const tickets = new TicketService({
    store,
    delivery,
    attachments: new SqlAttachmentStore(ds, now),
    calendar: new BusinessCalendar(),
    slaPolicy: DEFAULT_SLA_POLICY,
    clock,
    audit,
    masker: createPiiMasker({}),
  });
  const fyStore = new SqlFySwitchStore(ds);
  const fy = new FySwitchService({ store: wrapStore ? wrapStore(fyStore) : fyStore, tickets, audit, clock });
  return { fy, store, fyStore, clock };
}

async function rowsOf(p: Promise<unknown>): Promise<TransferRowError[]> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof KotaeError && err.code === 'INPUT_INVALID', String(err));
    return err.details?.rows as TransferRowError[];
  }
  throw new Error('expected the import to be refused');
}

describeEachDb('FySwitchService (年度切替)', (each) => {
  beforeEach(() => each.db.reset());

  it('turns a UTF-8 transfer file into one 依頼 ticket per action, system and department, and a checklist', async () => {
    const { fy, store } = harness(each);
    const { batch, tickets } = await fy.import(
      { bytes: Buffer.from(GOOD), fileName: 'jinji.csv', fiscalYear: 2026 },
      'op1',
    );
    assert.equal(batch.rowCount, 4);
    assert.deepEqual(
      tickets.map((t) => [t.type, t.category, t.title]),
      [
        ['request', 'アカウント・AD', '【2026年度 年度切替】アカウント追加: 庁内メール / 総務課'],
        ['request', 'アカウント・AD', '【2026年度 年度切替】アカウント変更: 庁内メール / 税務課'],
        ['request', 'アカウント・AD', '【2026年度 年度切替】アカウント変更: 財務会計 / 税務課'],
        ['request', 'アカウント・AD', '【2026年度 年度切替】アカウント削除: 庁内メール / 税務課'],
        ['request', 'アカウント・AD', '【2026年度 年度切替】アカウント削除: 財務会計 / 税務課'],
      ],
    );
    assert.equal(
      tickets[0]!.details,
      [
        '2026年度の人事異動に伴うアカウント追加（対象システム: 庁内メール、所属: 総務課）。',
        '対象 2名:',
        '・職員番号 K0001',
        '・職員番号 K0004',
        '対象者の確認は年度切替のチェックリスト（コンソール）で行ってください。',
      ].join('\n'),
    );
    assert.ok(
      tickets.every((t) => !t.details.includes('架空')),
      'names stay out of the ticket text',
    );
    assert.equal((await store.list({})).total, 5);

    await store.update(tickets[0]!.id, 1, { status: 'in_progress' }, 'op1');
    await store.update(tickets[0]!.id, 2, { status: 'resolved', resolvedAt: new Date() }, 'op1');
    const list = await fy.checklist(batch.id);
    assert.equal(list.done, 1);
    assert.deepEqual(
      list.items.map((i) => [i.task.action, i.task.system, i.task.department, i.ticket?.number, i.done]),
      [
        ['add', '庁内メール', '総務課', tickets[0]!.number, true],
        ['change', '庁内メール', '税務課', tickets[1]!.number, false],
        ['change', '財務会計', '税務課', tickets[2]!.number, false],
        ['delete', '庁内メール', '税務課', tickets[3]!.number, false],
        ['delete', '財務会計', '税務課', tickets[4]!.number, false],
      ],
    );
    assert.deepEqual(list.items[1]!.task.staff, [{ staffNo: 'K0002', name: '架空 花子', from: '総務課' }]);
    assert.deepEqual(
      list.items[0]!.task.staff.map((s) => s.name),
      ['架空 一郎', '架空 四郎'],
    );
    assert.deepEqual(
      (await fy.batches()).map((b) => b.id),
      [batch.id],
    );
  });

  it('reads the same file saved as Shift_JIS', async () => {
    const { fy } = harness(each);
    const { tickets } = await fy.import(
      { bytes: iconv.encode(GOOD, 'cp932'), fileName: 'jinji-sjis.csv', fiscalYear: 2026 },
      'op1',
    );
    assert.equal(tickets.length, 5);
    assert.equal(tickets[3]!.title, '【2026年度 年度切替】アカウント削除: 庁内メール / 税務課');
  });

  it('bad rows: every bad line listed in Japanese, nothing created', async () => {
    const { fy, store, fyStore } = harness(each);
    const bad = [
      '職員番号,氏名,異動区分,旧所属,新所属,対象システム',
      'K0001,架空 一郎,新規,,総務課,庁内メール',
      'K0002,架空 花子,出向,総務課,税務課,庁内メール',
      ',架空 三郎,異動,総務課,総務課,',
      'K0001,架空 四郎,退職,,,財務会計',
    ].join('\n');
    const rows = await rowsOf(fy.import({ bytes: Buffer.from(bad), fileName: 'bad.csv', fiscalYear: 2026 }, 'op1'));
    assert.deepEqual(rows, [
      { line: 3, messages: ['異動区分「出向」は使えません（新規・異動・退職のいずれか）。'] },
      { line: 4, messages: ['職員番号が空です。', '異動の旧所属と新所属が同じです。', '対象システムが空です。'] },
      { line: 5, messages: ['旧所属が空です。'] },
    ]);
    assert.equal((await store.list({})).total, 0);
    assert.deepEqual(await fyStore.listBatches(), []);
  });

  it('a duplicate 職員番号 and a broken encoding are refused with their line', async () => {
    const { fy } = harness(each);
    const dup = `${GOOD}\r\nK0001,架空 五郎,新規,,総務課,庁内メール`;
    assert.deepEqual(await rowsOf(fy.import({ bytes: Buffer.from(dup), fileName: 'd.csv', fiscalYear: 2026 }, 'op1')), [
      { line: 6, messages: ['職員番号 K0001 が3行目と重複しています。'] },
    ]);
    const broken = Buffer.concat([Buffer.from('職員番号,氏名\n'), Buffer.from([0x82, 0xff, 0xfe, 0x0a])]);
    assert.deepEqual(await rowsOf(fy.import({ bytes: broken, fileName: 'x.csv', fiscalYear: 2026 }, 'op1')), [
      { line: 1, messages: ['文字コードを判別できません。UTF-8 または Shift_JIS で保存したCSVを指定してください。'] },
    ]);
    const noColumns = Buffer.from('番号,名前\nK1,架空\n');
    assert.deepEqual(await rowsOf(fy.import({ bytes: noColumns, fileName: 'x.csv', fiscalYear: 2026 }, 'op1')), [
      { line: 1, messages: ['見出し行に必要な列がありません: 職員番号、氏名、異動区分、旧所属、新所属、対象システム'] },
    ]);
  });

  it('a failure while storing the batch rolls back the tickets already created', async () => {
    const { fy, store } = harness(each, (s) => ({
      ...s,
      listBatches: () => s.listBatches(),
      getBatch: (id) => s.getBatch(id),
      tasks: (id) => s.tasks(id),
      addBatch: async () => {
        throw new KotaeError('DB_UNAVAILABLE', 'simulated outage');
      },
    }));
    await assert.rejects(
      fy.import({ bytes: Buffer.from(GOOD), fileName: 'jinji.csv', fiscalYear: 2026 }, 'op1'),
      (e: unknown) => e instanceof KotaeError && e.code === 'DB_UNAVAILABLE',
    );
    assert.equal((await store.list({})).total, 0);
  });
});
