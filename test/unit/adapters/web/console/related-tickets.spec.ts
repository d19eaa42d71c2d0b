/** Related tickets: linked on both, shown on both pages and in 変更履歴; itself refused in Japanese. */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';

describe('console related tickets', () => {
  let h: ConsoleHarness;
  before(async () => {
    h = await startConsole();
  });
  after(() => h.close());

  it('links two tickets both ways, once', async () => {
    const a = await h.openTicket();
    const b = await h.openTicket();
    const op = await h.sessionFor('operator');
    for (let i = 0; i < 2; i++) {
      const res = await h.request('POST', `/console/tickets/${a.number}/link`, {
        session: op,
        form: { other: b.number },
      });
      assert.equal(res.status, 303);
    }
    assert.deepEqual(await h.deps.links.related(a.id), [b.number]);
    assert.deepEqual(await h.deps.links.related(b.id), [a.number]);
    const page = await h.request('GET', `/console/tickets/${b.number}`, { session: op });
    const section = /<section aria-labelledby="rl-h">([\s\S]*?)<\/section>/.exec(page.text)?.[1] ?? '';
    assert.match(section, new RegExp(`<a href="/console/tickets/${a.number}">${a.number}</a>`));
    assert.match(page.text, /<td>関連チケット<\/td>/);
  });

  it('refuses linking a ticket to itself or to an unknown number', async () => {
    const a = await h.openTicket();
    const op = await h.sessionFor('operator');
    const self = await h.request('POST', `/console/tickets/${a.number}/link`, {
      session: op,
      form: { other: a.number },
    });
    assert.equal(self.status, 303);
    const shown = await h.request('GET', self.location, { session: op });
    assert.equal(shown.status, 400);
    assert.match(shown.text, /role="alert">同じチケットは関連付けられません。</);
    assert.match(shown.text, new RegExp(`id="link-other"[^>]*value="${a.number}"`), 'the typed number is kept');
    const unknown = await h.request('POST', `/console/tickets/${a.number}/link`, {
      session: op,
      form: { other: 'HD-2026-999999' },
    });
    assert.equal(unknown.status, 404);
    assert.match(unknown.text, /チケットが見つかりません。/);
  });
});
