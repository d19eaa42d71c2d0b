/**
 * KOTAE_ATTACHMENT_STORAGE=instance on the real app: an attachment whose row exists but whose file is in another
 * instance's folder (here: removed from this instance's) is answered 404 with a message naming the other server,
 * on the web chat download and on the console download; with shared storage the generic message stays.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';

const TOKEN = 'x-kotae-conversation-token';
const ELSEWHERE =
  '「ping.log」は別のサーバーに保存されているため、このサーバーからはダウンロードできません。ファイルを保存しているサーバーからダウンロードしてください（KOTAE_ATTACHMENT_STORAGE=instance では、ファイルは受け付けたサーバーにだけ保存されます）。';

/** A web chat upload of `ping.log` whose stored file is then taken out of this instance's folder. */
async function uploadedElsewhere(kotae: RunningApp) {
  const ask = await postJson(`${kotae.url}/api/ask`, { question: 'ネットワークが遅い', user: { name: '山田 花子' } });
  const conversationId = ask.body.conversationId as string;
  const headers = { [TOKEN]: ask.body.conversationToken as string };
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('ping: timeout\n')], { type: 'text/plain' }), 'ping.log');
  const res = await fetch(`${kotae.url}/api/conversations/${conversationId}/attachments`, {
    method: 'POST',
    headers,
    body: form,
  });
  assert.equal(res.status, 201);
  const attachment = ((await res.json()) as { attachment: { id: string; url: string } }).attachment;
  const root = path.join(kotae.dataDir, 'attachments');
  const stored = fs.readdirSync(root).filter((d) => d !== 'tmp');
  assert.equal(stored.length, 1);
  fs.rmSync(path.join(root, stored[0]!), { recursive: true });
  return { attachment, headers };
}

for (const storage of ['instance', 'shared'] as const) {
  describe(`the download of a file not in this instance's folder (KOTAE_ATTACHMENT_STORAGE=${storage})`, function () {
    this.timeout(60_000);
    let kotae: RunningApp;
    before(async () => {
      kotae = await startApp({ KOTAE_ATTACHMENT_STORAGE: storage });
    });
    after(() => kotae?.stop());

    it(
      storage === 'instance'
        ? 'answers 404 naming the other server, on the web chat and the console'
        : 'answers the generic 404 (the file is gone, not elsewhere)',
      async () => {
        const { attachment, headers } = await uploadedElsewhere(kotae);
        const chat = await fetch(`${kotae.url}${attachment.url}`, { headers });
        assert.equal(chat.status, 404);
        const message = storage === 'instance' ? ELSEWHERE : '指定されたデータが見つかりません。';
        assert.deepEqual(await chat.json(), { error: { code: 'NOT_FOUND', message } });
        const admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
        const page = await admin.get(`/console/attachments/${attachment.id}?download=1`);
        assert.equal(page.status, 404);
        assert.equal(page.text.includes(message), true, page.text.slice(0, 2000));
      },
    );
  });
}
