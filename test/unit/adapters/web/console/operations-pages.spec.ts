/** Bad input on the operations pages: each refusal is one page with the exact status and Japanese message, never a 500. */
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';

const alertOf = (text: string) => /role="alert">([^<]*)</.exec(text)?.[1];

describe('operations pages refuse bad input', () => {
  let h: ConsoleHarness;
  let op: Session;
  let siteId: string;
  before(async () => {
    h = await startConsole();
    op = await h.sessionFor('operator');
    siteId = (await h.operations.sites.create({ name: '本庁舎', kind: 'main' }, 'system')).id;
    await h.operations.terminals.create(
      { computerName: 'PC-001', ipAddress: '10.0.0.1', siteId, status: 'active' },
      'system',
    );
  });
  after(() => h.close());

  const post = (path: string, form: Record<string, string>) =>
    h.request('POST', `/console${path}`, { session: op, form });

  it('sites and terminals', async () => {
    let res = await post('/operations/sites', { name: ' ', kind: 'main' });
    assert.deepEqual([res.status, alertOf(res.text)], [400, '拠点名を入力してください。']);
    res = await post('/operations/sites', { name: '本庁舎', kind: 'branch' });
    assert.deepEqual([res.status, alertOf(res.text)], [409, '拠点「本庁舎」は既に登録されています。']);
    res = await post(`/operations/sites/${siteId}/delete`, {});
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [409, '端末が登録されている拠点は削除できません。先に端末を別の拠点に移してください。'],
    );
    res = await post('/operations/terminals', {
      computerName: 'pc-001',
      ipAddress: '10.0.0.999',
      siteId,
      status: 'active',
    });
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [400, 'IPアドレス「10.0.0.999」が正しくありません。 コンピュータ名「PC-001」は既に登録されています。'],
    );
    const t = (await h.operations.terminals.list({})).items[0]!;
    res = await post(`/operations/terminals/${t.id}`, {
      computerName: 'PC-001',
      ipAddress: '10.0.0.1',
      siteId,
      version: 'x',
    });
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [409, '他の担当者が先に更新しました。画面を再読み込みしてからやり直してください。'],
    );
    res = await h.request('GET', '/console/operations/terminals/no-such-id', { session: op });
    assert.deepEqual([res.status, alertOf(res.text)], [404, '指定された端末が見つかりません。']);
  });

  it('the CSV import: too large, no file, a bad encoding choice', async () => {
    const big = iconv.encode('コンピュータ名,IPアドレス,拠点\r\n' + 'PC-002,10.0.0.2,本庁舎\r\n'.repeat(4000), 'cp932');
    let res = await h.request('POST', '/console/operations/terminals/import', {
      session: op,
      form: { encoding: 'sjis' },
      files: [{ name: 'big.csv', content: big }],
    });
    assert.deepEqual([res.status, alertOf(res.text)], [413, 'ファイルが大きすぎます。取り込めるのは64KBまでです。']);
    res = await h.request('POST', '/console/operations/terminals/import', {
      session: op,
      form: { encoding: 'sjis' },
      files: [],
    });
    assert.deepEqual([res.status, alertOf(res.text)], [400, 'CSVファイルを選んでください。']);
    res = await h.request('POST', '/console/operations/terminals/import', {
      session: op,
      form: { encoding: 'euc-jp' },
      files: [{ name: 'a.csv', content: 'コンピュータ名,IPアドレス,拠点\r\nPC-003,10.0.0.3,本庁舎\r\n' }],
    });
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [400, '文字コードは「自動判定」「UTF-8」「Shift_JIS」のいずれかを選んでください。'],
    );
    assert.equal((await h.operations.terminals.list({})).total, 1);
  });

  it('campaigns and state changes', async () => {
    let res = await post('/operations/campaigns', {
      kind: 'monthly_patch',
      title: '月例パッチ',
      windowStart: '2026-04-10T09:00',
      windowEnd: '2026-04-11T09:00',
      names: 'PC-001',
    });
    assert.deepEqual([res.status, alertOf(res.text)], [400, '月例パッチでは、パッチの公開日を入力してください。']);
    res = await post('/operations/campaigns', {
      kind: 'software',
      title: '配布',
      windowStart: '2026-04-10T09:00',
      windowEnd: '2026-04-10T08:00',
      names: 'PC-001',
    });
    assert.deepEqual(
      [res.status, alertOf(res.text)],
      [400, '作業期間（開始・終了）を正しく入力してください。終了は開始より後にしてください。'],
    );
    res = await post('/operations/campaigns', {
      kind: 'software',
      title: '配布',
      windowStart: '2026-04-10T09:00',
      windowEnd: '2026-04-10T17:00',
      names: 'PC-001\nPC-404',
    });
    assert.deepEqual([res.status, alertOf(res.text)], [400, '登録されていないコンピュータ名があります: PC-404']);
    res = await post('/operations/campaigns', {
      kind: 'software',
      title: '配布',
      windowStart: '2026-04-10T09:00',
      windowEnd: '2026-04-10T17:00',
      names: 'PC-001',
    });
    assert.equal(res.status, 303);
    const id = /campaigns\/([^?]+)/.exec(res.location)![1];
    res = await post(`/operations/campaigns/${id}/state`, { state: 'done' });
    assert.deepEqual([res.status, alertOf(res.text)], [400, '状態を変更する端末を選んでください。']);
    res = await post(`/operations/campaigns/${id}/state`, { state: 'finished', terminalIds: 'x' });
    assert.deepEqual([res.status, alertOf(res.text)], [400, '変更後の状態を選んでください。']);
    res = await post(`/operations/campaigns/${id}/state`, { state: 'done', terminalIds: 'not-a-target' });
    assert.deepEqual([res.status, alertOf(res.text)], [400, '選んだ端末はこの計画作業の対象ではありません。']);
  });
});
