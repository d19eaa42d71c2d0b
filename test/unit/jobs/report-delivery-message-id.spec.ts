import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ReportDelivery } from '../../../reports';
import { loopbackMail, setup } from './report-delivery-fixture';

/** The Message-ID header of a raw mail (a folded header unfolded). */
const messageIdOf = (raw: string) => /^Message-ID: *(.*)$/im.exec(raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();

describe('scheduled delivery: one Message-ID per report generation', () => {
  it('a mail sent again by another instance after a stop before the sent mark carries the same Message-ID', async function () {
    this.timeout(60_000);
    const mail = await loopbackMail();
    const { smtp, sender } = mail;
    const { reportsDir, service, delivery, another, progress } = setup([sender]);
    // Instance A's mail is accepted, then A stops before the mark is stored (its mark never arrives).
    const markSent = progress.markSent.bind(progress);
    let stopped = true;
    progress.markSent = async (...args) => {
      if (stopped) throw new Error('instance stopped');
      return markSent(...args);
    };
    try {
      const report = await service.generate('monthly', '2026-05');
      await assert.rejects(delivery.deliver(report), /instance stopped/);
      stopped = false;
      // Instance B takes the delivery over: it cannot know the SMTP server took A's mail, so it mails again.
      await another().deliver(report);
      const expected = `<kotae-report.monthly.2026-05.${report.generatedAt.getTime()}@kotae.example.lg.jp>`;
      assert.deepEqual(
        smtp.received.map((m) => messageIdOf(m.raw)),
        [expected, expected],
      );
      assert.deepEqual(
        progress.all().map((r) => [r.channel, Boolean(r.sentAt), Boolean(r.auditedAt)]),
        [['email', true, true]],
      );
      // A report generated again is another message.
      const again = { ...report, generatedAt: new Date(report.generatedAt.getTime() + 60_000) };
      assert.notEqual(ReportDelivery.messageId(again, 'https://kotae.example.lg.jp/console/reports'), expected);
      assert.equal(
        ReportDelivery.messageId(report, 'not a url'),
        `<kotae-report.monthly.2026-05.${report.generatedAt.getTime()}@kotae.invalid>`,
      );
    } finally {
      await mail.close();
      fs.rmSync(reportsDir, { recursive: true, force: true });
    }
  });
});
