import { strict as assert } from 'node:assert';
import { loadPdf } from '../../../ingest/loaders/pdf';
import { SKIP_REASONS } from '../../../ingest/skip-reasons';
import { JP_FONT, pdfBytes, sourceFile } from './fixtures';

async function assertSkipped(bytes: Buffer, reason: string): Promise<void> {
  await assert.rejects(loadPdf(sourceFile('x.pdf', bytes)), { code: 'INGEST_FILE_SKIPPED', userMessage: reason });
}

describe('PDF loader', () => {
  it('extracts Japanese text per page, with headings from larger fonts and wrapped lines re-joined', async () => {
    const bytes = await pdfBytes((doc) => {
      doc.font(JP_FONT).fontSize(20).text('テレワーク手順書');
      doc.fontSize(10.5).text('この手順書はテレワーク端末の使い方を説明します。');
      doc.fontSize(14).text('1. 接続方法');
      // A narrow column forces pdfkit to wrap this sentence over several lines.
      doc
        .fontSize(10.5)
        .text('VPNを起動し、職員番号とワンタイムパスワードを入力してから、自席パソコンに接続します。', { width: 150 });
      doc.addPage().fontSize(10.5).text('二ページ目も接続方法の続きです。');
    });
    const [doc] = (await loadPdf(sourceFile('manuals/telework.pdf', bytes))).documents;
    assert.equal(doc.title, 'テレワーク手順書');
    assert.deepEqual(doc.sections, [
      { headingPath: ['テレワーク手順書'], text: 'この手順書はテレワーク端末の使い方を説明します。', page: 1 },
      {
        headingPath: ['テレワーク手順書', '1. 接続方法'],
        text: 'VPNを起動し、職員番号とワンタイムパスワードを入力してから、自席パソコンに接続します。',
        page: 1,
      },
      { headingPath: ['テレワーク手順書', '1. 接続方法'], text: '二ページ目も接続方法の続きです。', page: 2 },
    ]);
  });

  it('drops running headers, footers and page numbers but keeps the text of every page', async () => {
    const bytes = await pdfBytes((doc) => {
      const bodies = [
        'メールの送信手順を説明します。',
        '添付ファイルは10MBまで送れます。',
        '送信を取り消すことはできません。',
        '宛先を確認してから送信してください。',
      ];
      bodies.forEach((body, i) => {
        if (i > 0) doc.addPage();
        doc.font(JP_FONT).fontSize(9).text('ことのは市 情報政策課 メール利用手順書 2026年5月版', 50, 30);
        doc.fontSize(10.5).text(body, 50, 120);
        doc.fontSize(9).text(`- ${i + 1} -`, 280, 700, { lineBreak: false });
      });
    });
    const [doc] = (await loadPdf(sourceFile('manuals/mail.pdf', bytes))).documents;
    assert.deepEqual(
      (doc.sections ?? []).map((s) => [s.page, s.text]),
      [
        [1, 'メールの送信手順を説明します。'],
        [2, '添付ファイルは10MBまで送れます。'],
        [3, '送信を取り消すことはできません。'],
        [4, '宛先を確認してから送信してください。'],
      ],
    );
  });

  it('keeps a line that repeats on fewer than half of the pages', async () => {
    const bytes = await pdfBytes((doc) => {
      ['一ページ目の本文です。', '二ページ目の本文です。', '三ページ目の本文です。'].forEach((body, i) => {
        if (i > 0) doc.addPage();
        if (i === 0) doc.font(JP_FONT).fontSize(10.5).text('注意事項があります。', 50, 30);
        doc.font(JP_FONT).fontSize(10.5).text(body, 50, 120);
      });
    });
    const [doc] = (await loadPdf(sourceFile('manuals/note.pdf', bytes))).documents;
    assert.deepEqual(
      (doc.sections ?? []).map((s) => s.text),
      ['注意事項があります。\n一ページ目の本文です。', '二ページ目の本文です。', '三ページ目の本文です。'],
    );
  });

  it('reads an FAQ booklet: contents dropped, each Q1-n. with its A. an entry named by its number, radicals as kanji', async () => {
    const entries: [string, string, string][] = [
      ['Q1-1', 'パスワードを忘れました', 'ヘルプデスクへ連絡してください。'],
      ['Q1-2', 'パスワードを変更したい', 'Ctrl+Alt+Delete から変更します。'],
      ['Q1-3', 'アカウントがロックされました', '30分後に自動で解除されます。'],
      ['Q2-1', 'プリンターで印刷できない', 'プリンター名を確認してください。'],
      ['Q2-2', '複合機の紙詰まり', '操作パネルの指示に従って取り除きます。'],
    ];
    const bytes = await pdfBytes((doc) => {
      doc.font(JP_FONT).fontSize(10.5).text('目次');
      for (const [label, question] of entries) doc.text(`${label} ${question}  2`);
      doc.addPage();
      for (const [label, question, answer] of entries) {
        // The question ends without a stop; its answer starts on the next line with 「A.」.
        doc.text(`${label}. ${question}`);
        doc.text(`A. ${answer}`);
      }
      // A font that maps 用 to the Kangxi radical ⽤ (U+2F64) and 長 to ⻑ (U+2ED1).
      doc.text('Q2-3. 利\u2f64者の変更');
      doc.text('A. 所属\u2ed1が申請します。');
      // Wrapped at a Latin word's hyphen, and after a Latin word before its particle.
      doc.text('Q2-4. 印刷待ちが出てこない');
      doc.text('A. プリンター名が「MIDORI-');
      doc.text('SecurePrint」か、Outlook');
      doc.text('で確認します。');
    });
    const { documents } = await loadPdf(sourceFile('faq.pdf', bytes));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question, d.answer]),
      [
        ...entries.map(([label, question, answer]) => [`faq.pdf#q${label.slice(1)}`, question, answer]),
        ['faq.pdf#q2-3', '利用者の変更', '所属長が申請します。'],
        ['faq.pdf#q2-4', '印刷待ちが出てこない', 'プリンター名が「MIDORI-SecurePrint」か、Outlookで確認します。'],
      ],
    );
  });

  it('keeps a sentence that runs over a page break with its page: the next passage starts at a line of its own', async () => {
    const bytes = await pdfBytes((doc) => {
      doc.font(JP_FONT).fontSize(20).text('テレワーク手順書');
      doc.fontSize(10.5).text('端末を起動して職員番号を入力します。');
      // Set near the bottom of page 1: pdfkit carries the rest of the sentence over to page 2.
      doc.text(
        '自宅の端末からVPNに接続するときは、ワンタイムパスワードを入力してから自席パソコンに接続します。接続できないときはヘルプデスクに連絡してください。',
        72,
        690,
      );
      doc.text('二ページ目の次の段落です。');
      // After the carried sentence, headings open their sections as before.
      doc.fontSize(14).text('切断方法');
      doc.fontSize(10.5).text('タスクトレイのアイコンから切断します。');
    });
    const [doc] = (await loadPdf(sourceFile('telework.pdf', bytes))).documents;
    assert.deepEqual(doc.sections, [
      {
        headingPath: ['テレワーク手順書'],
        text:
          '端末を起動して職員番号を入力します。\n' +
          '自宅の端末からVPNに接続するときは、ワンタイムパスワードを入力してから自席パソコンに接続します。接続できないときはヘルプデスクに連絡してください。',
        page: 1,
      },
      { headingPath: ['テレワーク手順書'], text: '二ページ目の次の段落です。', page: 2 },
      { headingPath: ['テレワーク手順書', '切断方法'], text: 'タスクトレイのアイコンから切断します。', page: 2 },
    ]);
  });

  it('keeps an FAQ answer that goes on over a page break in its entry (no second entry, nothing lost)', async () => {
    const headed = await pdfBytes((doc) => {
      doc.font(JP_FONT).fontSize(14).text('パスワードを忘れたときは？');
      doc.fontSize(10.5).text('ヘルプデスクへ連絡してください。');
      doc.text('本人確認のため職員証を用意してください。', 72, 700);
      doc.addPage().text('窓口は本庁舎3階です。');
      doc.fontSize(14).text('プリンターが使えないときは？');
      doc.fontSize(10.5).text('電源を入れ直してください。');
    });
    const marked = await pdfBytes((doc) => {
      doc.font(JP_FONT).fontSize(10.5).text('Q1. パスワードを忘れました');
      doc.text('A. ヘルプデスクへ連絡してください。');
      doc.text('本人確認のため職員証を用意してください。', 72, 700);
      doc.addPage().text('窓口は本庁舎3階です。');
      doc.text('Q2. プリンターが使えない');
      doc.text('A. 電源を入れ直してください。');
    });
    const answer = 'ヘルプデスクへ連絡してください。\n本人確認のため職員証を用意してください。\n窓口は本庁舎3階です。';
    assert.deepEqual(
      (await loadPdf(sourceFile('faq.pdf', headed))).documents.map((d) => [d.id, d.question, d.answer]),
      [
        ['faq.pdf#q1', 'パスワードを忘れたときは？', answer],
        ['faq.pdf#q2', 'プリンターが使えないときは？', '電源を入れ直してください。'],
      ],
    );
    assert.deepEqual(
      (await loadPdf(sourceFile('faq.pdf', marked))).documents.map((d) => [d.id, d.question, d.answer]),
      [
        ['faq.pdf#q1', 'パスワードを忘れました', answer],
        ['faq.pdf#q2', 'プリンターが使えない', '電源を入れ直してください。'],
      ],
    );
  });

  it('uses the PDF Title metadata when present', async () => {
    const bytes = await pdfBytes((doc) => doc.font(JP_FONT).text('本文だけ。'), { info: { Title: '文書の表題' } });
    const [doc] = (await loadPdf(sourceFile('a.pdf', bytes))).documents;
    assert.equal(doc.title, '文書の表題');
  });

  it('skips encrypted PDFs', async () => {
    const bytes = await pdfBytes((doc) => doc.font(JP_FONT).text('秘密'), {
      userPassword: 'secret',
      ownerPassword: 'owner',
    });
    await assertSkipped(bytes, SKIP_REASONS.pdfEncrypted);
  });

  it('skips corrupt PDFs', async () => {
    const random = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256));
    await assertSkipped(Buffer.concat([Buffer.from('%PDF-1.7\n'), random]), SKIP_REASONS.pdfCorrupt);
  });

  it('skips image-only PDFs', async () => {
    const bytes = await pdfBytes((doc) => {
      doc.rect(50, 50, 200, 100).fill('#333333');
      doc.addPage().circle(100, 100, 40).fill('#999999');
    });
    await assertSkipped(bytes, SKIP_REASONS.pdfNoText);
  });
});
