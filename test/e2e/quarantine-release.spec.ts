/**
 * An administrator releases a false positive on the console (real app, real clamd, SQLite). Files stored while
 * clamd was down (KOTAE_SCAN_REQUIRED=false) are quarantined by `kotae scan-attachments`: ping.log and gone.log by
 * an older signature set that wrongly detects them, eicar.txt by clamd itself; gone.log's bytes are then removed
 * as after KOTAE_QUARANTINE_KEEP_DAYS. The ticket page offers 「隔離を解除する」 to the administrator only, for the
 * two files still on disk; operators and auditors get 403; a missing or too long reason, a file clamd still
 * detects, clamd down and a removed file are refused in Japanese with nothing changed; the release of ping.log
 * makes it downloadable again, records `released` with clamd's version in file_scan (the next rescan skips it) and
 * one `attachment.quarantine_released` audit row.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ClamdScanner } from '../../adapters/clamav';
import { attachmentDir, FsAttachmentFileStore } from '../../db';
import type { FileScanner } from '../../tickets';
import { EICAR, EICAR_SIGNATURE, startClamd, type ClamdServer } from '../helpers/clamd';
import { formKey, signInConsole, type ConsoleSession } from '../helpers/console-client';
import { rescanDesk } from '../helpers/rescan-desk';
import { postJson } from '../helpers/start-app';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const PING = Buffer.from('ping 10.0.0.1: タイムアウト\n');
const GONE = Buffer.from('tracert 10.0.0.1: 応答なし\n');
const WRONG = 'Kotae.FalsePositive-1';
const REFUSED = 'この操作を行う権限がありません。';
const REASON = '誤検知と判断しました（ベンダーの定義更新で検出されなくなったことを確認）。';

describe('console: an administrator releases a quarantined attachment (real app, real clamd)', function () {
  this.timeout(180_000);
  let clamd: ClamdServer;
  let d: Awaited<ReturnType<typeof rescanDesk>>;
  let version: string;
  let ticketNumber: string;
  let conv: string;
  let admin: ConsoleSession;
  const ids: Record<string, string> = {};
  const password = 'release-e2e-password-1';
  const releasePath = (id: string) => `/console/attachments/${id}/release`;
  const ticketPage = () => `/console/tickets/${ticketNumber}`;

  before(async () => {
    clamd = await startClamd();
    const real = new ClamdScanner({ address: { host: clamd.host, port: clamd.port }, timeoutMs: 5000 });
    version = (await real.status()).version!;
    // Shared attachment storage: a file missing from the folder was removed (with per-instance folders, within the
    // keeping period it may be on another instance: quarantine-release.spec.ts in test/unit/tickets).
    d = await rescanDesk('sqlite', clamd, {
      scanUploads: true,
      env: { KOTAE_SCAN_REQUIRED: 'false', KOTAE_ATTACHMENT_STORAGE: 'shared' },
    });
    await clamd.stop({ keep: true });
    conv = await d.conversation();
    ids.ping = await d.upload(conv, 'ping.log', PING);
    ids.eicar = await d.upload(conv, 'eicar.txt', Buffer.from(EICAR));
    ids.gone = await d.upload(conv, 'gone.log', GONE);
    await clamd.restart();
    const ticket = await postJson(
      `${d.kotae.url}/api/tickets`,
      {
        conversationId: conv,
        details: 'pingのログを送ります',
        user: { name: '山田 花子', department: '総務課', phone: '内線1234' },
      },
      { 'x-kotae-conversation-token': d.tokens.get(conv)! },
    );
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
    ticketNumber = ticket.body.number as string;
    // An older signature set that wrongly detects the two logs; clamd's own verdict for everything else.
    const wrong = [sha(PING), sha(GONE)];
    const older: FileScanner = {
      scan: async (content) => {
        const chunks: Buffer[] = [];
        for await (const c of content) chunks.push(Buffer.from(c));
        const bytes = Buffer.concat(chunks);
        return wrong.includes(sha(bytes)) ? { clean: false, signature: WRONG } : real.scan(Readable.from([bytes]));
      },
      status: async () => ({ reachable: true, version: 'ClamAV 0.0.1/1/older' }),
    };
    const run = await d.run([], { scanner: older });
    assert.equal(run.out[3], '  ウイルス検出（隔離）: 3 件', run.out.join('\n'));
    await new FsAttachmentFileStore(attachmentDir(d.kotae.dataDir)).remove(sha(GONE));
    const accounts = d.kotae.app.operators.accounts;
    await accounts.create({ username: 'op1', displayName: '担当 一郎', role: 'operator', password }, 'test');
    await accounts.create({ username: 'audit1', displayName: '監査 花子', role: 'auditor', password }, 'test');
    admin = await signInConsole(d.kotae.url, 'admin', 'e2e-admin-password');
  });
  after(async () => {
    await d?.stop();
    await clamd?.stop();
  });

  async function releasedRows() {
    const rows = (await d.kotae.app.dataSource.query(
      `SELECT "actor", "target", "detail" FROM "audit_log" WHERE "action" = 'attachment.quarantine_released'`,
    )) as { actor: string; target: string; detail: string }[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
  async function scanRow(bytes: Buffer) {
    const [row] = (await d.kotae.app.dataSource.query(
      `SELECT "verdict", "signature", "signatureVersion" FROM "file_scan" WHERE "id" = ?`,
      [`attachment:${sha(bytes)}`],
    )) as Record<string, unknown>[];
    return row;
  }
  const webDownload = (id: string) =>
    fetch(`${d.kotae.url}/api/conversations/${conv}/attachments/${id}`, {
      headers: { 'x-kotae-conversation-token': d.tokens.get(conv)! },
    });

  it('offers the release to the administrator only, for the quarantined files still on disk', async () => {
    const page = await admin.get(ticketPage());
    assert.equal(page.status, 200);
    const forms = [...page.text.matchAll(/<form class="quarantine-release" method="post" action="([^"]+)"/g)];
    assert.deepEqual(forms.map((m) => m[1]).sort(), [releasePath(ids.ping!), releasePath(ids.eicar!)].sort());
    assert.equal(page.text.split('>隔離を解除する</button>').length - 1, 2);
    assert.equal(page.text.includes(`gone.log（隔離済み・ウイルス検出: ${WRONG}）`), true);
    assert.equal(page.text.includes(`eicar.txt（隔離済み・ウイルス検出: ${EICAR_SIGNATURE}）`), true);
    const operator = await signInConsole(d.kotae.url, 'op1', password);
    const seen = await operator.get(ticketPage());
    assert.equal(seen.status, 200);
    assert.equal(seen.text.includes('隔離を解除する'), false);
    assert.equal(seen.text.includes(`ping.log（隔離済み・ウイルス検出: ${WRONG}）`), true);
  });

  it('refuses operators and auditors with 403 and changes nothing', async () => {
    const operator = await signInConsole(d.kotae.url, 'op1', password);
    const byOperator = await operator.post(releasePath(ids.ping!), { reason: REASON }, ticketPage());
    assert.equal(byOperator.status, 403);
    const auditor = await signInConsole(d.kotae.url, 'audit1', password);
    const byAuditor = await auditor.post(releasePath(ids.ping!), { reason: REASON }, '/console/audit');
    assert.equal(byAuditor.status, 403);
    const page = await fetch(`${d.kotae.url}${releasePath(ids.ping!)}`, {
      method: 'POST',
      headers: { cookie: auditor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reason: REASON }).toString(),
    });
    assert.equal(page.status, 403);
    assert.equal((await page.text()).includes(REFUSED), true);
    assert.deepEqual(await releasedRows(), []);
    assert.equal((await webDownload(ids.ping!)).status, 410);
  });

  /** Posts the release as the administrator (with the form's one-time key when given) and reads the answer. */
  async function release(id: string, reason: string, o: { key?: string; csrf?: boolean } = {}) {
    const page = await admin.get(ticketPage());
    const csrf = o.csrf === false ? '' : (/name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '');
    const res = await fetch(`${d.kotae.url}${releasePath(id)}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, reason, ...(o.key ? { _key: o.key } : {}) }).toString(),
    });
    return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
  }

  it('refuses a missing or too long reason, a file clamd still detects, clamd down and a removed file', async () => {
    const cases: [string, string, number, string][] = [
      [ids.ping!, '  ', 400, '隔離を解除する理由を入力してください。'],
      [ids.ping!, 'あ'.repeat(501), 400, '隔離を解除する理由は500文字以内で入力してください。'],
      [ids.eicar!, REASON, 409, '最新の検査でもウイルスが検出されたため、隔離を解除できません。'],
      [
        ids.gone!,
        REASON,
        410,
        '「gone.log」は隔離の保管期間（KOTAE_QUARANTINE_KEEP_DAYS）を過ぎてファイルを削除したため、隔離を解除できません。',
      ],
    ];
    const forged = await release(ids.ping!, REASON, { csrf: false });
    assert.equal(forged.status, 403, 'no CSRF token');
    for (const [id, reason, status, message] of cases) {
      const r = await release(id, reason);
      assert.equal(r.status, status, message);
      assert.equal(r.text.includes(message), true, r.text);
    }
    await clamd.stop({ keep: true });
    try {
      const down = await release(ids.ping!, REASON);
      assert.equal(down.status, 503);
      const message =
        'ウイルス検査サーバー（clamd）に接続できないため、隔離を解除できませんでした。何も変更していません。しばらくしてからもう一度お試しください。';
      assert.equal(down.text.includes(message), true, down.text);
    } finally {
      await clamd.restart();
    }
    assert.deepEqual(await releasedRows(), []);
    assert.deepEqual(await scanRow(PING), {
      verdict: 'infected',
      signature: WRONG,
      signatureVersion: 'ClamAV 0.0.1/1/older',
    });
    assert.equal((await scanRow(Buffer.from(EICAR)))?.verdict, 'infected');
    assert.equal((await webDownload(ids.ping!)).status, 410);
    assert.equal((await webDownload(ids.eicar!)).status, 410);
  });

  it('releases the false positive after a clean scan: served again, recorded with the version, audited once', async () => {
    const key = formKey((await admin.get(ticketPage())).text, releasePath(ids.ping!));
    assert.ok(key, 'the form carries a one-time key');
    const r = await release(ids.ping!, REASON, { key });
    assert.equal(r.status, 303, r.text);
    // The same form sent again (a double click, a proxy's retry): the first answer, released and audited once.
    const repeated = await release(ids.ping!, REASON, { key });
    assert.deepEqual([repeated.status, repeated.location], [303, r.location]);
    assert.equal(r.location, `/console/tickets/${ticketNumber}?notice=quarantineReleased`);
    const page = await admin.get(r.location);
    assert.equal(page.text.includes('隔離を解除しました。ファイルは再びダウンロードできます。'), true);
    assert.equal(page.text.includes(`/console/attachments/${ids.ping}?download=1`), true);
    const forms = [...page.text.matchAll(/<form class="quarantine-release" method="post" action="([^"]+)"/g)];
    assert.deepEqual(
      forms.map((m) => m[1]),
      [releasePath(ids.eicar!)],
    );
    const web = await webDownload(ids.ping!);
    assert.equal(web.status, 200);
    assert.deepEqual(Buffer.from(await web.arrayBuffer()), PING);
    const consoleDownload = await admin.get(`/console/attachments/${ids.ping}?download=1`);
    assert.equal(consoleDownload.status, 200);
    assert.deepEqual(await scanRow(PING), { verdict: 'released', signature: WRONG, signatureVersion: version });
    const rows = await releasedRows();
    assert.equal(rows.length, 1);
    const { quarantinedAt, ...detail } = rows[0]!.detail;
    assert.match(String(quarantinedAt), /^\d{4}-\d{2}-\d{2}T/);
    assert.deepEqual(
      { actor: rows[0]!.actor, target: rows[0]!.target, detail },
      {
        actor: 'admin',
        target: ticketNumber,
        detail: {
          reason: REASON,
          sha256: sha(PING),
          attachmentId: ids.ping,
          fileName: 'ping.log',
          signature: WRONG,
          signatureVersion: version,
        },
      },
    );
    // Released again from another tab (another key): refused, nothing audited twice.
    const again = await release(ids.ping!, REASON);
    assert.equal(again.status, 409);
    assert.equal(again.text.includes('「ping.log」は隔離されていません。'), true);
    assert.equal((await releasedRows()).length, 1);
  });

  it('is skipped by the next rescan with the same signature version', async () => {
    const run = await d.run([]);
    assert.equal(run.code, 0, run.out.join('\n'));
    assert.deepEqual(run.out.slice(1, 6), [
      '  検査したファイル: 0 件（添付ファイル 0 件、マニュアル 0 件）',
      '  問題なし: 0 件',
      '  ウイルス検出（隔離）: 0 件',
      '  検査できず: 0 件',
      // gone.log's file is gone: the rescan lists only files on disk.
      '  検査を省略: 2 件（この定義で検査済み 1 件、隔離済み 1 件、他の実行が検査中 0 件）',
    ]);
  });
});
