/**
 * The registers and lending from the console of the real app over HTTP: role checks (operators
 * register and book, admins approve), duplicates and overlapping bookings refused with the exact
 * Japanese message and nothing written, check-out and return with a missing accessory, licences,
 * the calendar and the CSV export in UTF-8 and Shift_JIS.
 */
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

const DAY = 86_400_000;
/** `<input type="datetime-local">` text of an instant in JST, on the hour. */
const local = (ms: number) =>
  new Date(Math.floor(ms / 3_600_000) * 3_600_000 + 9 * 3_600_000).toISOString().slice(0, 16);

describe('console registers and lending over HTTP', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  let operator: ConsoleSession;
  let admin: ConsoleSession;
  const password = 'registers-password-1';

  /** Posts a form (repeated keys allowed) with the session's CSRF token read from `page`. */
  async function post(s: ConsoleSession, path: string, pairs: [string, string][], page: string) {
    const token = /name="_csrf" value="([^"]+)"/.exec((await s.get(page)).text)?.[1] ?? '';
    const r = await fetch(`${kotae.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([...pairs, ['_csrf', token]]).toString(),
    });
    return { status: r.status, location: r.headers.get('location') ?? '', text: await r.text() };
  }

  before(async function () {
    // Starting the app (index build included) is slow on a loaded machine.
    this.timeout(180_000);
    kotae = await startApp();
    for (const role of ['staff', 'operator'] as const)
      await kotae.app.operators.accounts.create({ username: `${role}1`, displayName: role, role, password }, 'test');
    operator = await signInConsole(kotae.url, 'operator1', password);
    admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
  });
  after(() => kotae?.stop());

  it('sends signed-out users to sign-in and forbids staff', async () => {
    const res = await fetch(`${kotae.url}/console/registers/lending`, { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /\/console\/signin$/);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const staff = await signInConsole(kotae.url, 'staff1', password);
    assert.equal((await staff.get('/console/registers')).status, 403);
  });

  it('issues an IP address, refuses it twice with the exact message, withdraws it and exports the register', async () => {
    const form = (value: string): [string, string][] => [
      ['kind', 'ip'],
      ['value', value],
      ['department', '情報政策課'],
      ['requester', '沼津 花子'],
      ['reason', '会議室の新規端末'],
    ];
    const ok = await post(operator, '/console/registers/issue', form('10.1.2.3'), '/console/registers');
    assert.equal(ok.status, 303);
    const again = await post(operator, '/console/registers/issue', form('10.1.2.3'), '/console/registers');
    assert.equal(again.status, 409);
    assert.match(again.text, /IPアドレス「10\.1\.2\.3」は既に発行中です。削除（返却）してから発行してください。/);
    const bad = await post(operator, '/console/registers/issue', form('10.1.2.300'), '/console/registers');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /IPアドレスの形式が正しくありません（例: 192\.168\.10\.25）。/);
    const list = await kotae.app.dataSource.query(`SELECT "id", "value" FROM "register_entry"`);
    assert.equal(list.length, 1);
    const withdrawn = await post(
      operator,
      `/console/registers/entries/${list[0].id}/withdraw`,
      [['reason', '端末撤去']],
      '/console/registers',
    );
    assert.equal(withdrawn.status, 303);

    const utf8 = await fetch(`${kotae.url}/console/registers/export.csv?kind=ip&encoding=utf8`, {
      headers: { cookie: operator.cookie },
    });
    const bytes = Buffer.from(await utf8.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.equal(lines[0], '台帳,値,状態,所属,依頼者,拠点,端末,発行日時,発行者,発行の理由,削除日時,削除者,削除の理由');
    assert.match(
      lines[1],
      /^IPアドレス,10\.1\.2\.3,削除済み,情報政策課,沼津 花子,,,.*,operator1,会議室の新規端末,.*,operator1,端末撤去$/,
    );
    const sjis = await fetch(`${kotae.url}/console/registers/export.csv?encoding=sjis`, {
      headers: { cookie: operator.cookie },
    });
    assert.match(sjis.headers.get('content-type') ?? '', /Shift_JIS/i);
    assert.match(iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932'), /^台帳,値,状態/);
  });

  it('books a terminal, refuses an overlap, lets only admins approve, and lends and takes it back', async () => {
    const item = [
      ['name', 'Web会議端末1'],
      ['kind', 'web_conference'],
      ['accessories', 'カメラ\nマイクスピーカー\nACアダプタ'],
    ] as [string, string][];
    assert.equal(
      (await post(operator, '/console/registers/lending/items', item, '/console/registers/lending')).status,
      403,
    );
    assert.equal(
      (await post(admin, '/console/registers/lending/items', item, '/console/registers/lending')).status,
      303,
    );
    const [{ id: itemId }] = await kotae.app.dataSource.query(`SELECT "id" FROM "lending_item"`);
    const start = Date.now() - DAY;
    const request = (from: number, to: number, purpose: string): [string, string][] => [
      ['itemId', itemId],
      ['department', '企画課'],
      ['requester', '沼津 太郎'],
      ['purpose', purpose],
      ['from', local(from)],
      ['to', local(to)],
    ];
    const booked = await post(
      operator,
      '/console/registers/lending/bookings',
      request(start, start + 3_600_000 * 3, '庁内会議'),
      '/console/registers/lending',
    );
    assert.equal(booked.status, 303);
    const bookingUrl = booked.location.replace(/\?.*$/, '');
    const clash = await post(
      operator,
      '/console/registers/lending/bookings',
      request(start + 3_600_000, start + 3_600_000 * 5, '重複する会議'),
      '/console/registers/lending',
    );
    assert.equal(clash.status, 409);
    assert.match(clash.text, /「Web会議端末1」は.*に既に予約があるため、この期間では予約できません。/);
    assert.equal((await kotae.app.dataSource.query(`SELECT "id" FROM "lending_booking"`)).length, 1);

    assert.equal((await post(operator, `${bookingUrl}/approve`, [], bookingUrl)).status, 403);
    assert.equal((await post(admin, `${bookingUrl}/approve`, [], bookingUrl)).status, 303);
    assert.match((await operator.get(bookingUrl)).text, /承認済み/);

    await post(
      admin,
      '/console/registers/lending/pools',
      [
        ['name', 'Web会議有償ライセンス'],
        ['seats', '1'],
      ],
      '/console/registers/lending',
    );
    const [{ id: poolId }] = await kotae.app.dataSource.query(`SELECT "id" FROM "licence_pool"`);
    assert.equal((await post(admin, `${bookingUrl}/licences`, [['poolId', poolId]], bookingUrl)).status, 303);
    assert.match((await admin.get(bookingUrl)).text, /Web会議有償ライセンス/);

    const out = await post(
      operator,
      `${bookingUrl}/checkout`,
      [
        ['accessories', 'カメラ'],
        ['accessories', 'ACアダプタ'],
      ],
      bookingUrl,
    );
    assert.equal(out.status, 303);
    // The window ended a day ago: the loan is overdue on the overview and the calendar.
    const overview = await operator.get('/console/registers/lending');
    assert.match(overview.text, /class="overdue"[\s\S]*返却遅れ/);
    const calendar = await operator.get(
      `/console/registers/lending/items/${itemId}?view=week&date=${local(start).slice(0, 10)}`,
    );
    assert.equal(calendar.status, 200);
    assert.match(calendar.text, /class="booked[^"]*"[\s\S]*企画課\s+貸出中/);
    const month = await operator.get(`/console/registers/lending/items/${itemId}?view=month`);
    assert.equal(month.status, 200);

    const back = await post(
      operator,
      `${bookingUrl}/return`,
      [
        ['accessories', 'カメラ'],
        ['note', ''],
      ],
      bookingUrl,
    );
    assert.equal(back.status, 303);
    const page = await operator.get(bookingUrl);
    assert.match(page.text, /返却済み/);
    assert.match(page.text, /不足している付属品[\s\S]*ACアダプタ/);
    const actions = (await kotae.app.dataSource.query(
      `SELECT "action" FROM "audit_log" WHERE "action" LIKE 'lending.%' OR "action" LIKE 'licence.%' ORDER BY "seq"`,
    )) as { action: string }[];
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'lending.item_add',
        'lending.request',
        'lending.approved',
        'licence.pool_add',
        'licence.grant',
        'lending.checked_out',
        'lending.return',
      ],
    );
  });
  it('answers bad input with a Japanese error and the right status, never a 500, and writes nothing', async () => {
    const lending = '/console/registers/lending';
    await post(
      admin,
      `${lending}/items`,
      [
        ['name', '研修用PC-09'],
        ['kind', 'training'],
      ],
      lending,
    );
    const [{ id: itemId }] = await kotae.app.dataSource.query(
      `SELECT "id" FROM "lending_item" WHERE "name" = '研修用PC-09'`,
    );
    const before = (await kotae.app.dataSource.query(`SELECT "id" FROM "lending_booking"`)).length;
    const ask = (from: string, to: string) =>
      post(
        operator,
        `${lending}/bookings`,
        [
          ['itemId', itemId],
          ['department', '人事課'],
          ['requester', '沼津 太郎'],
          ['purpose', '研修'],
          ['from', from],
          ['to', to],
        ],
        lending,
      );
    const backwards = await ask('2026-09-01T12:00', '2026-09-01T10:00');
    assert.equal(backwards.status, 400);
    assert.match(backwards.text, /貸出期間が正しくありません。開始日時より後の終了日時を指定してください。/);
    const garbage = await ask('明日', '2026-09-01T10:00');
    assert.equal(garbage.status, 400);
    const tooLong = await ask('2026-09-01T09:00', '2026-11-01T09:00');
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.text, /貸出期間は31日以内で指定してください。/);
    assert.equal((await kotae.app.dataSource.query(`SELECT "id" FROM "lending_booking"`)).length, before);

    assert.equal((await operator.get(`${lending}/bookings/no-such-booking`)).status, 404);
    assert.equal((await operator.get(`${lending}/items/${'x'.repeat(300)}`)).status, 404);
    const unknownPool = await post(
      admin,
      `${lending}/bookings/no-such-booking/licences`,
      [['poolId', 'nope']],
      lending,
    );
    assert.equal(unknownPool.status, 404);
    const badKind = await post(
      admin,
      `${lending}/items`,
      [
        ['name', '端末'],
        ['kind', 'projector'],
      ],
      lending,
    );
    assert.equal(badKind.status, 400);
    assert.match(badKind.text, /機器の種類が正しくありません。/);
    const badSeats = await post(
      admin,
      `${lending}/pools`,
      [
        ['name', 'ライセンス'],
        ['seats', '0'],
      ],
      lending,
    );
    assert.equal(badSeats.status, 400);
    assert.match(badSeats.text, /ライセンス数は1〜10000の整数で入力してください。/);
    const noKind = await post(operator, '/console/registers/issue', [['value', '10.9.9.9']], '/console/registers');
    assert.equal(noKind.status, 400);
    assert.match(noKind.text, /台帳の種類が正しくありません。/);
  });
});
