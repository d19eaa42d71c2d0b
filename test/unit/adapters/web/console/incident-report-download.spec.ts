/** The 障害復旧作業報告書 downloads from an incident ticket (xlsx and PDF); other tickets are refused in Japanese. */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';

describe('console incident report download', () => {
  let h: ConsoleHarness;
  before(async () => {
    h = await startConsole();
  });
  after(() => h.close());

  it('sends the xlsx and the PDF of an incident ticket as attachments', async () => {
    const t = await h.openTicket({ type: 'incident', title: '基幹系の障害' });
    const op = await h.sessionFor('operator');
    const page = await h.request('GET', `/console/tickets/${t.number}`, { session: op });
    assert.match(page.text, /id="incident-xlsx"/);
    const xlsx = await fetch(`${h.origin}/console/tickets/${t.number}/incident-report?format=xlsx`, {
      headers: { cookie: op.cookie },
    });
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-disposition') ?? '', new RegExp(`incident-${t.number}\\.xlsx`));
    assert.equal(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
    const pdf = await fetch(`${h.origin}/console/tickets/${t.number}/incident-report?format=pdf`, {
      headers: { cookie: op.cookie },
    });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString(),
      '%PDF',
    );
  });

  it('refuses a ticket that is not an incident with a Japanese message and offers no link', async () => {
    const t = await h.openTicket();
    const op = await h.sessionFor('operator');
    const page = await h.request('GET', `/console/tickets/${t.number}`, { session: op });
    assert.doesNotMatch(page.text, /id="incident-xlsx"/);
    const res = await h.request('GET', `/console/tickets/${t.number}/incident-report?format=pdf`, { session: op });
    assert.equal(res.status, 400);
    assert.match(res.text, /障害/);
  });
});
