import { strict as assert } from 'node:assert';
import { loadHtml } from '../../../ingest/loaders/html';
import { loadMarkdown } from '../../../ingest/loaders/markdown';
import { isQuestionHeading } from '../../../ingest/loaders/faq-page';
import { loadCsv } from '../../../ingest/loaders/csv';
import { questionVariants } from '../../../ingest/faq';
import { chunkDocuments } from '../../../ingest/chunk';
import { sourceFile } from './fixtures';

const HEADINGS_PAGE = `<!doctype html><html><head><title>よくある質問｜情報センター</title>
<link rel="canonical" href="https://itc.example.ac.jp/faq/net.html"></head><body>
<nav>ホーム &gt; FAQ</nav><h1>ネットワーク よくある質問</h1><p>最終更新日：2026年10月1日</p>
<h2>VPN</h2>
<h3 id="vpn-1">Q. VPN に接続できません</h3>
<div><p>A. 次の点を確認してください。</p><ul><li>パスワード</li><li>時刻</li></ul></div>
<h4>それでも解決しないとき</h4><p>エラー番号を控えてお問い合わせください。</p>
<h3 id="vpn-2">Q. VPN は何台まで使えますか</h3><p>A. 3台までです。</p>
<h2>無線LAN</h2>
<h3>Q3．Wi-Fi の設定方法</h3><p>SSID「AOBA」を選びます。</p>
</body></html>`;

const ACCORDION_PAGE = `<html><body><h1>セキュリティ Q&amp;A</h1>
<p>質問をクリックすると回答が表示されます。クリックしても表示されない場合はブラウザを更新してください。</p>
<details id="s1"><summary>Q1. ウイルスに感染したかもしれません</summary><p>ネットワークから切り離してください。</p></details>
<details id="s2"><summary>Q2. 不審なメールが届きました</summary><p>リンクを開かずに報告してください。</p></details>
<dl><dt id="d1">パスワードはどう管理すればよいですか？</dt><dd>使い回さないでください。</dd>
<dt>USBメモリを紛失したときは？</dt><dd>すぐに報告してください。</dd></dl>
<p>お問い合わせ：情報センター（内線 5100）までお電話またはメールでご連絡ください。平日 9時から17時まで受け付けます。</p>
</body></html>`;

describe('FAQ pages (ingest/loaders/faq-page)', () => {
  it('turns Q. headings into one FAQ document each, id file#element-id, answers with their sub-sections', async () => {
    const { documents } = await loadHtml(sourceFile('faq/net.html', HEADINGS_PAGE));
    const faqs = documents.filter((d) => d.kind === 'faq');
    assert.deepEqual(
      faqs.map((d) => [d.id, d.question, d.category, d.url]),
      [
        ['faq/net.html#vpn-1', 'VPN に接続できません', 'VPN', 'https://itc.example.ac.jp/faq/net.html#vpn-1'],
        ['faq/net.html#vpn-2', 'VPN は何台まで使えますか', 'VPN', 'https://itc.example.ac.jp/faq/net.html#vpn-2'],
        ['faq/net.html#q3', 'Wi-Fi の設定方法', '無線LAN', 'https://itc.example.ac.jp/faq/net.html'],
      ],
    );
    assert.equal(
      faqs[0].answer,
      '次の点を確認してください。\nパスワード\n時刻\nそれでも解決しないとき\nエラー番号を控えてお問い合わせください。',
    );
    assert.equal(faqs[1].answer, '3台までです。');
    assert.deepEqual(faqs[0].alternateQuestions, []);
    // 「最終更新日」 alone is too short to stay as a manual.
    assert.equal(documents.length, 3);
  });

  it('makes every section of a heading level where many ask an entry, even one worded as a topic', async () => {
    const entries = [
      '### パスワードを忘れたときは？',
      '### Q. VPNにつながらない',
      '### 財務会計システムのパスワード初期化',
      '### メールが届かないのはなぜ？',
      '### 共有フォルダが見えなくなった',
      '### プリンターの紙詰まりは？',
      '### トナーの交換方法は？',
      '### 機器の貸出',
    ];
    const md = [
      '# 庁内ITヘルプデスク FAQ',
      '## アカウント',
      ...entries.flatMap((h, i) => [h, `回答${i + 1}です。`]),
    ].join('\n\n');
    const { documents } = await loadMarkdown(sourceFile('faq.md', md));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question]),
      entries.map((h, i) => [`faq.md#q${i + 1}`, h.replace(/^### (?:Q\. )?/, '')]),
    );
    // A manual with two 「…とは？」 headings among eight: those two are entries, the other six stay its manual.
    const manual = [
      '# 手順書',
      ...[
        'VPNとは？',
        '接続手順',
        '切断手順',
        '三層分離とは？',
        '注意事項',
        '申請方法',
        '問い合わせ先',
        '更新履歴',
      ].flatMap((h) => [
        `## ${h}`,
        `${h}について、担当者が手順と注意点をまとめた説明です。詳しくは各課の担当者にお問い合わせください。`,
      ]),
    ].join('\n\n');
    assert.deepEqual(
      (await loadMarkdown(sourceFile('m.md', manual))).documents.map((d) => [d.kind, d.question ?? d.sections?.length]),
      [
        ['faq', 'VPNとは？'],
        ['faq', '三層分離とは？'],
        ['manual', 6],
      ],
    );
  });

  it('reads accordions (details/summary) and question-like <dt>, and keeps the rest of the page as a manual', async () => {
    const { documents } = await loadHtml(sourceFile('sec.html', ACCORDION_PAGE));
    assert.deepEqual(
      documents.map((d) => [d.kind, d.id, d.question ?? '', d.answer ?? '']),
      [
        ['faq', 'sec.html#s1', 'ウイルスに感染したかもしれません', 'ネットワークから切り離してください。'],
        ['faq', 'sec.html#s2', '不審なメールが届きました', 'リンクを開かずに報告してください。'],
        ['faq', 'sec.html#d1', 'パスワードはどう管理すればよいですか？', '使い回さないでください。'],
        ['faq', 'sec.html#q4', 'USBメモリを紛失したときは？', 'すぐに報告してください。'],
        ['manual', 'sec.html', '', ''],
      ],
    );
    assert.deepEqual(
      documents[4].sections?.map((s) => s.text),
      [
        '質問をクリックすると回答が表示されます。クリックしても表示されない場合はブラウザを更新してください。',
        'お問い合わせ：情報センター（内線 5100）までお電話またはメールでご連絡ください。平日 9時から17時まで受け付けます。',
      ],
    );
  });

  it('reads a table with 質問 / 回答 columns row by row, and a <dt> list whose terms mostly ask', async () => {
    const page = `<html><body><h1>パソコン よくある質問</h1>
<table><thead><tr><th>質問</th><th>回答</th></tr></thead><tbody>
<tr><td>パソコンが起動しない</td><td><p>電源ボタンを10秒長押ししてください。</p></td></tr>
<tr id="p2"><td>画面の文字が小さくて見づらい</td><td>表示の拡大率を125%にします。</td></tr>
</tbody></table>
<dl><dt>署名はどう設定しますか？</dt><dd>オプションから設定します。</dd>
<dt>異動したら共有メールボックスが見られなくなりました。</dt><dd>新しい所属で申請してください。</dd></dl>
<dl><dt>問い合わせ先</dt><dd>情報政策課（内線 2345）</dd><dt>最終更新日</dt><dd>2026年4月1日</dd></dl>
<table><tr><th>機種</th><th>設置場所</th></tr><tr><td>複合機A</td><td>本庁舎3階</td></tr></table>
</body></html>`;
    const { documents } = await loadHtml(sourceFile('pc.html', page));
    assert.deepEqual(
      documents.filter((d) => d.kind === 'faq').map((d) => [d.id, d.question, d.answer]),
      [
        ['pc.html#q1', 'パソコンが起動しない', '電源ボタンを10秒長押ししてください。'],
        ['pc.html#p2', '画面の文字が小さくて見づらい', '表示の拡大率を125%にします。'],
        ['pc.html#q3', '署名はどう設定しますか？', 'オプションから設定します。'],
        ['pc.html#q4', '異動したら共有メールボックスが見られなくなりました。', '新しい所属で申請してください。'],
      ],
    );
    // The contact list and the inventory table stay in the page's manual.
    const manual = documents.find((d) => d.kind === 'manual');
    assert.match(manual?.sections?.map((s) => s.text).join('\n') ?? '', /問い合わせ先[\s\S]*複合機A/);
  });

  it('splits Q/A paragraphs of a Markdown or text FAQ, and leaves ordinary manuals alone', async () => {
    const md =
      '# 印刷のFAQ\n\nQ1. 印刷できません\nA. 用紙を確認してください。\n\nQ2：トナーの交換方法は？\n回答：総務課へ連絡してください。\n';
    const { documents } = await loadMarkdown(sourceFile('print.md', md));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question, d.answer]),
      [
        ['print.md#q1', '印刷できません', '用紙を確認してください。'],
        ['print.md#q2', 'トナーの交換方法は？', '総務課へ連絡してください。'],
      ],
    );
    const manual =
      '# 手順\n\n## 接続方法\n\n問題があれば連絡してください。\n\n## Q&A について\n\nQRコードを読み取ります。\n';
    const plain = await loadMarkdown(sourceFile('guide.md', manual));
    assert.deepEqual(
      plain.documents.map((d) => [d.kind, d.id]),
      [['manual', 'guide.md']],
    );
  });

  it('names the questions of a booklet by their printed numbers (Q1-3), by position when numbers repeat', async () => {
    const booklet =
      '# FAQ集\n\nQ1-1. パスワードを忘れました\nA. 内線1234へ連絡してください。\n\nＱ１－２．パスワードを変更したい\n' +
      'A. 変更画面から変更します。\n\nQ2-1 印刷できない\nA．プリンターを確認してください。\n\nQ2.2. 3月に異動したら\nA. 手続きは不要です。\n';
    const { documents } = await loadMarkdown(sourceFile('faq.md', booklet));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question]),
      [
        ['faq.md#q1-1', 'パスワードを忘れました'],
        ['faq.md#q1-2', 'パスワードを変更したい'],
        ['faq.md#q2-1', '印刷できない'],
        ['faq.md#q2.2', '3月に異動したら'],
      ],
    );
    // Numbered again in every chapter: the numbers name no question alone.
    const again = await loadMarkdown(
      sourceFile(
        'again.md',
        '# 1章\n\nQ1. 印刷できない\nA. 確認します。\n\n# 2章\n\nQ1. 接続できない\nA. 再起動します。\n',
      ),
    );
    assert.deepEqual(
      again.documents.map((d) => d.id),
      ['again.md#q1', 'again.md#q2'],
    );
  });

  it('reads 「Ｑ」 and 「Ａ」 run into their text as markers only when they pair up', async () => {
    const text =
      '# 電話\n\nＱ電話を転送する方法を教えてください。\n\nＡ次の手順で転送できます。\n\nＱ公用の携帯電話を借りられますか。\n\nＡ情報係で貸し出します。\n';
    const { documents } = await loadMarkdown(sourceFile('qa.md', text));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question, d.answer]),
      [
        ['qa.md#q1', '電話を転送する方法を教えてください。', '次の手順で転送できます。'],
        ['qa.md#q2', '公用の携帯電話を借りられますか。', '情報係で貸し出します。'],
      ],
    );
    // A line that merely starts with A or Q is text.
    const plain = await loadMarkdown(
      sourceFile('memo.md', '# メモ\n\nA社から連絡がありました。\n\nQ太郎の件は後日。\n'),
    );
    assert.deepEqual(
      plain.documents.map((d) => [d.kind, d.id]),
      [['manual', 'memo.md']],
    );
  });

  it('reads a wiki’s markers in bold or in a list (**Q:** / **A:**, - Q: then   - A:)', async () => {
    const wiki =
      '## パスワード\n\n### Q. パスワードを忘れました\n\n内線へ連絡してください。\n\n' +
      '**Q:** アカウントがロックされました\n\n**A:** 30分で解除されます。\n\n' +
      '- Q: 有効期限は？\n  - A: 90日です。\n\n- 箇条書きの注意（マーカーではない）\n';
    const { documents } = await loadMarkdown(sourceFile('wiki.md', wiki));
    assert.deepEqual(
      documents.filter((d) => d.kind === 'faq').map((d) => [d.question, d.answer]),
      [
        ['パスワードを忘れました', '内線へ連絡してください。'],
        ['アカウントがロックされました', '30分で解除されます。'],
        ['有効期限は？', '90日です。\n\n- 箇条書きの注意（マーカーではない）'],
      ],
    );
  });

  it('knows a question heading by its marker or its ending', () => {
    for (const q of [
      'Q. 接続できない',
      'Ｑ２．パスワード',
      '【Q】ロック',
      '問3. 申請',
      '設定方法は？',
      '使えますか。',
      '借りられますか',
    ])
      assert.equal(isQuestionHeading(q), true, q);
    for (const h of ['Q&A', 'QRコード', '問題の報告', '接続方法', '1. はじめに'])
      assert.equal(isQuestionHeading(h), false, h);
  });

  it('derives question lines from an FAQ question: its sentences, and the question without glosses', () => {
    assert.deepEqual(questionVariants('新しく着任しました。青葉IDはいつ、どのように受け取れますか。'), [
      '新しく着任しました。',
      '青葉IDはいつ、どのように受け取れますか。',
    ]);
    assert.deepEqual(questionVariants('青葉ID（統合認証アカウント）のパスワードを忘れました。'), [
      '青葉IDのパスワードを忘れました。',
    ]);
    assert.deepEqual(questionVariants('VPN に接続できません'), []);
    assert.deepEqual(questionVariants('容量は？(メール)', ['容量は？']), []);
  });

  it("searches derived lines with the question but keeps them apart from the sheet's alternates", async () => {
    const csv = '番号,質問,回答\nA-1,メールの容量はどれくらいですか。確認するには？,50GBです。\n';
    const { documents } = await loadCsv(sourceFile('faq.csv', csv));
    assert.deepEqual(documents[0].alternateQuestions, []);
    assert.deepEqual(documents[0].derivedQuestions, ['メールの容量はどれくらいですか。', '確認するには？']);
    assert.equal(
      chunkDocuments(documents)[0].fields.question,
      'メールの容量はどれくらいですか。確認するには？\nメールの容量はどれくらいですか。\n確認するには？',
    );
  });

  it('reads CMS markup that classes the question, and sheets headed Q / A / 質問内容 / 回答内容', async () => {
    const html =
      '<h1>FAQ</h1><div class="faq"><p class="faq-question">印刷できません</p><p class="faq-answer">用紙を確認してください。</p></div>' +
      '<div class="faq"><p class="faq-question" id="x">スキャンの方法</p><p class="faq-answer">複合機で操作します。</p></div>';
    const { documents } = await loadHtml(sourceFile('cms.html', html));
    assert.deepEqual(
      documents.map((d) => [d.id, d.question, d.answer]),
      [
        ['cms.html#q1', '印刷できません', '用紙を確認してください。'],
        ['cms.html#x', 'スキャンの方法', '複合機で操作します。'],
      ],
    );
    for (const header of ['No.,Q,A', 'FAQ番号,質問内容,回答内容']) {
      const sheet = await loadCsv(sourceFile('s.csv', `${header}\n1,印刷できない,用紙を確認\n`));
      assert.deepEqual(
        sheet.documents.map((d) => [d.id, d.question, d.answer]),
        [['1', '印刷できない', '用紙を確認']],
        header,
      );
    }
  });
});
