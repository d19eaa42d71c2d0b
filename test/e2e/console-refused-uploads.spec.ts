/**
 * The console's forms that carry files (a reply with files, a manual upload, the terminal CSV import, the
 * fiscal-year file) posted by a signed-in user whose role may not post them, on the real app: the role check
 * answers before the body is read — the 403 arrives while the file is still being sent (with a valid CSRF token
 * in the form, so nothing but the role refuses it) — nothing is staged in the attachments', manuals' or CSV
 * import's temporary folder, and each refusal is audited once as `auth.denied`, as other refused console writes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';

const REFUSED = 'この操作を行う権限がありません。';
const PASSWORD = 'refused-upload-password-1';
const BOUNDARY = '----kotae-refused-upload';

/** What a refused upload got while its file was still being sent. */
interface Answer {
  status: number;
  text: string;
  /** Files in the staging folders when the answer arrived. */
  staged: string[];
}

describe('console uploads refused by role, before their body is read (real app)', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  let staff: ConsoleSession;
  let csrf: string;
  let number: string;

  before(async () => {
    kotae = await startApp();
    await kotae.app.operators.accounts.create(
      { username: 'staff1', displayName: '職員 一郎', role: 'staff', password: PASSWORD },
      'test',
    );
    const asked = await kotae.app.helpdesk.ask({ channel: 'web', text: 'プリンタが動きません' });
    const { ticket } = await kotae.app.helpdesk.escalate({
      conversationId: asked.conversationId,
      details: '3階のプリンタ',
      requester: { name: '職員', department: '市民課', phone: '内線 1' },
    });
    number = ticket.number;
    staff = await signInConsole(kotae.url, 'staff1', PASSWORD);
    // The staff member's own CSRF token: the forms below are refused by their role alone.
    csrf = /name="_csrf" value="([^"]+)"/.exec((await staff.get('/console/account/password')).text)?.[1] ?? '';
    assert.notEqual(csrf, '');
  });
  after(() => kotae?.stop());

  /** The folders where the upload forms stage files (attachments, manuals, terminal CSV). */
  const stagingDirs = () => [
    path.join(kotae.dataDir, 'attachments', 'tmp'),
    path.join(kotae.dataDir, 'knowledge', 'uploads', '.tmp'),
    path.join(kotae.dataDir, 'tmp', 'terminal-imports'),
  ];
  const staged = () =>
    stagingDirs().flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : []));

  /**
   * Posts a multipart form with `_csrf` and the start of a 1 MB file, and keeps the body open: the answer must
   * come before the rest is sent (else the server is reading it). The request is cut after the answer.
   */
  function uploadUnfinished(route: string, fileName: string): Promise<Answer> {
    const url = new URL(`/console${route}`, kotae.url);
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="fiscalYear"\r\n\r\n2027\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="body"\r\n\r\n返信です\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
        'Content-Type: text/plain\r\n\r\n',
    );
    const total = head.length + 1024 * 1024;
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        headers: {
          cookie: staff.cookie,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          'content-length': String(total),
        },
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`${route}: no answer while the file was still being sent (the body is being read)`));
      }, 5_000);
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      req.on('response', (res) => {
        clearTimeout(timer);
        const files = staged();
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), staged: files });
        });
      });
      req.write(head);
      req.write(Buffer.alloc(64 * 1024, 'a'));
    });
  }

  const denied = async () =>
    (await kotae.app.operators.audit.recent(100))
      .filter((r) => r.action === 'auth.denied' && r.actor === 'staff1')
      .map((r) => [r.target, r.detail?.route, r.detail?.role, r.detail?.required]);

  for (const [route, pattern, fileName] of [
    ['/tickets/:number/reply', '/console/tickets/:id/reply', 'screen.txt'],
    ['/knowledge/documents', '/console/knowledge/documents', 'manual.md'],
    ['/operations/terminals/import', '/console/operations/terminals/import', 'terminals.csv'],
    ['/fy-switch', '/console/fy-switch', 'jinji.csv'],
  ] as const) {
    it(`refuses ${pattern} with 403 before its file is read, stages nothing and audits it once`, async () => {
      const target = route.replace(':number', number);
      const before = await denied();
      const answer = await uploadUnfinished(target, fileName);
      assert.equal(answer.status, 403);
      assert.equal(answer.text.includes(REFUSED), true);
      assert.deepEqual(answer.staged, []);
      assert.deepEqual(staged(), []);
      // One auth.denied row more, the newest: this route, the staff role, the role required.
      const after = await denied();
      assert.equal(after.length, before.length + 1);
      assert.deepEqual(after[0], [`/console${target}`, pattern, 'staff', 'operator']);
    });
  }

  it('still reads the form of a user whose role may post it (an operator replies with a file)', async () => {
    await kotae.app.operators.accounts.create(
      { username: 'op1', displayName: '担当 一郎', role: 'operator', password: PASSWORD },
      'test',
    );
    const op = await signInConsole(kotae.url, 'op1', PASSWORD);
    const page = (await op.get(`/console/tickets/${number}`)).text;
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const key = /action="[^"]*\/reply"[\s\S]*?name="_key" value="([^"]+)"/.exec(page)?.[1];
    const form = new FormData();
    form.set('_csrf', token);
    if (key) form.set('_key', key);
    form.set('body', '手順書をお送りします。');
    form.set('files', new Blob(['手順\n'], { type: 'text/plain' }), 'tejun.txt');
    const res = await fetch(`${kotae.url}/console/tickets/${number}/reply`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: op.cookie },
      body: form,
    });
    assert.equal(res.status, 303, await res.text());
    const files = (await kotae.app.dataSource.query('SELECT "fileName" FROM "attachment"')) as { fileName: string }[];
    assert.deepEqual(files, [{ fileName: 'tejun.txt' }]);
    // Without the form's CSRF token the read form is refused as before.
    const forged = new FormData();
    forged.set('body', '偽の返信');
    forged.set('files', new Blob(['x\n'], { type: 'text/plain' }), 'forged.txt');
    const refused = await fetch(`${kotae.url}/console/tickets/${number}/reply`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: op.cookie },
      body: forged,
    });
    assert.equal(refused.status, 403);
    // That file was read, then discarded as the response ended.
    for (const deadline = Date.now() + 5_000; staged().length > 0 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(staged(), []);
  });
});
