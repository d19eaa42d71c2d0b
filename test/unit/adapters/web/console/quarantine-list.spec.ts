/** 隔離ファイル: every quarantined file across tickets, newest first, for administrators and 監査担当 only. */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';

/** The table's rows as text, tags stripped. */
function rows(page: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('console 隔離ファイル page', () => {
  let h: ConsoleHarness;
  let first: Awaited<ReturnType<ConsoleHarness['quarantinedImage']>>;
  let second: Awaited<ReturnType<ConsoleHarness['quarantinedImage']>>;
  before(async () => {
    h = await startConsole();
    await h.attachedImage(); // clean: not listed
    first = await h.quarantinedImage();
    h.clock.advanceMinutes(60);
    second = await h.quarantinedImage();
  });
  after(() => h.close());

  it('lists each quarantined attachment row, newest first, with its ticket, detection and keeping period', async () => {
    const page = await h.request('GET', '/console/quarantine', { session: await h.sessionFor('admin') });
    assert.equal(page.status, 200);
    // Both rows share one content (quarantinedImage's bytes): one file_scan row, two attachment rows, in id order.
    const [a, b] = [first, second].sort((x, y) => (x.attachment.id < y.attachment.id ? -1 : 1));
    assert.deepEqual(rows(page.text), [
      `screen.png Seed.FalsePositive 2026/04/01 10:00 ・ 再検査（定義: Seed 0.1） ${a!.ticket.number} 保管中（2026/05/01 10:00 に削除予定） 隔離中`,
      `screen.png Seed.FalsePositive 2026/04/01 10:00 ・ 再検査（定義: Seed 0.1） ${b!.ticket.number} 保管中（2026/05/01 10:00 に削除予定） 隔離中`,
    ]);
    assert.ok(page.text.includes(`href="/console/tickets/${first.ticket.number}"`));
    assert.ok(page.text.includes('<a href="/console/quarantine">隔離ファイル</a>'), 'linked from the menu');
  });

  it('shows the page to an auditor without any release form', async () => {
    const page = await h.request('GET', '/console/quarantine', { session: await h.sessionFor('auditor') });
    assert.equal(page.status, 200);
    assert.equal(rows(page.text).length, 2);
    assert.equal(page.text.includes('<form class="quarantine-release"'), false);
  });

  it('refuses operators and staff', async () => {
    for (const role of ['operator', 'staff'] as const) {
      const page = await h.request('GET', '/console/quarantine', { session: await h.sessionFor(role) });
      assert.equal(page.status, 403, role);
      assert.equal(page.text.includes('<a href="/console/quarantine">'), false, role);
    }
  });
});
