/** A page's footer, side panel, breadcrumbs and navigation are the site's, not the page's: never indexed. */
import { strict as assert } from 'node:assert';
import { chunkDocuments } from '../../../ingest/chunk';
import { loadHtml } from '../../../ingest/loaders/html';
import { sourceFile } from './fixtures';

/** cases/kb1/マニュアル/よくある質問.html: a <footer> after the last answer. */
const FOOTER_PAGE = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>電話・内線 よくある質問 | さくら市 情報政策課</title></head>
<body><header><nav>ホーム ＞ 情報政策課 ＞ よくある質問</nav></header>
<main><h1>電話・内線 よくある質問</h1>
<h2>Q. 内線の転送方法を教えてください。</h2><p>A. 通話中に「転送」ボタンを押し、転送先の内線番号をダイヤルしてください。</p>
<h2>Q. 留守番電話の設定はどうすればよいですか。</h2><p>A. 電話機の「メニュー」→「留守番」→「開始」を選んでください。メッセージは最大20件まで保存されます。</p>
</main><footer>Copyright © さくら市 情報政策課 ｜ このページの先頭へ</footer></body></html>`;

/** cases/kb7/お知らせ.html: div#header, div#breadcrumb, div#side and div#footer around the content. */
const DIV_PAGE = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>Teams会議 | みどり町 情報推進課</title></head>
<body><div id="header"><a href="/">みどり町 職員ポータル</a></div>
<div id="breadcrumb">トップ &gt; 情報推進課 &gt; Teams会議</div>
<div id="content"><h1>Teams会議のよくある質問</h1>
<dl><dt>Q1. Teams会議でカメラが映りません。</dt><dd>A1. 「設定」→「デバイスの設定」でカメラを選び直してください。</dd>
<dt>Q2. 外部の方をTeams会議に招待できますか。</dt><dd>A2. 可能です。出席者欄に相手のメールアドレスを入力してください。</dd></dl></div>
<div id="side"><h3>関連リンク</h3><ul><li>Teams操作マニュアル（PDF）</li><li>ヘルプデスクへの問い合わせ</li></ul></div>
<div id="footer">みどり町役場 〒000-0000 みどり町本町1-1 電話 0000-00-0000<br>Copyright (C) Midori Town. All Rights Reserved.</div></body></html>`;

function chunkTexts(documents: Parameters<typeof chunkDocuments>[0]): string[] {
  return chunkDocuments(documents).map((c) => `${c.id} ${c.fields.question} | ${c.fields.answer}${c.fields.body}`);
}

describe('HTML: the site around the page is dropped', () => {
  it('a <footer> never ends up in the last FAQ answer', async () => {
    const { documents } = await loadHtml(sourceFile('マニュアル/よくある質問.html', FOOTER_PAGE));
    assert.deepEqual(chunkTexts(documents), [
      'マニュアル/よくある質問.html#q1#0 内線の転送方法を教えてください。 | 通話中に「転送」ボタンを押し、転送先の内線番号をダイヤルしてください。',
      'マニュアル/よくある質問.html#q2#0 留守番電話の設定はどうすればよいですか。 | 電話機の「メニュー」→「留守番」→「開始」を選んでください。メッセージは最大20件まで保存されます。',
    ]);
  });

  it('div#breadcrumb, div#side and div#footer are no chunk of their own', async () => {
    const { documents } = await loadHtml(sourceFile('お知らせ.html', DIV_PAGE));
    assert.deepEqual(chunkTexts(documents), [
      'お知らせ.html#q1#0 Teams会議でカメラが映りません。 | 「設定」→「デバイスの設定」でカメラを選び直してください。',
      'お知らせ.html#q2#0 外部の方をTeams会議に招待できますか。 | 可能です。出席者欄に相手のメールアドレスを入力してください。',
    ]);
  });

  it('drops <aside>, landmarks by role and classed parts (site-footer, gnav, sidebar, breadcrumbs); keeps the page', async () => {
    const html = `<body><div class="l-header gnav">グローバルメニュー</div><ol class="breadcrumbs"><li>トップ</li></ol>
      <div class="wrapper sidebar-left"><article><h1>プリンターの設定</h1><p>ドライバーを入れます。</p>
      <aside>関連記事：スキャナー</aside><footer>投稿者：情報政策課</footer></article></div>
      <div role="complementary">おすすめ</div><div role="contentinfo">〒000-0000</div>
      <div class="site-footer">Copyright</div><div class="sidebar"><p>新着情報</p></div></body>`;
    const { documents } = await loadHtml(sourceFile('printer.html', html));
    assert.deepEqual(
      documents.map((d) => d.sections),
      [[{ headingPath: ['プリンターの設定'], text: 'ドライバーを入れます。' }]],
    );
  });

  it('keeps a container named like a side panel when it holds the page itself', async () => {
    const html = `<body><div id="side-wrap"><h1>VPN</h1><p>接続方法です。</p></div></body>`;
    const { documents } = await loadHtml(sourceFile('vpn.html', html));
    assert.deepEqual(documents[0].sections, [{ headingPath: ['VPN'], text: '接続方法です。' }]);
  });
});
