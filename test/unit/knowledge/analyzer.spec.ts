import { strict as assert } from 'node:assert';
import { createQueryExpander } from '../../../knowledge/query-expansion';
import { foldOkurigana, katakanaToHiragana, normalizeText } from '../../../knowledge/text-normalize';
import { testAnalyzer } from './shared-analyzer';

describe('text normalisation', () => {
  it('folds width, case and katakana long vowels', () => {
    assert.equal(normalizeText('ＰＣのプリンター'), 'pcのプリンタ');
    assert.equal(normalizeText('サーバー'), 'サーバ');
    assert.equal(normalizeText('ｻｰﾊﾞｰ'), 'サーバ');
    assert.equal(normalizeText('パスワ-ド'), 'パスワード');
    assert.equal(normalizeText('メール'), 'メール');
    assert.equal(normalizeText('コピー'), 'コピー');
    assert.equal(normalizeText('プリンタ―の'), 'プリンタの');
    assert.equal(normalizeText('サーバ――の'), 'サーバ――の');
  });

  it('is idempotent', () => {
    for (const s of ['プリンターが動かない', 'Wi-Fi', 'ユーザー', 'プリンタ―が'])
      assert.equal(normalizeText(normalizeText(s)), normalizeText(s));
  });

  it('folds katakana to hiragana', () => {
    assert.equal(katakanaToHiragana('ゴミ'), 'ごみ');
  });

  it('drops the okurigana of kanji compounds and keeps other words', () => {
    for (const w of ['申し込み', '申込み', '申し込む', '申込']) assert.equal(foldOkurigana(w), '申込');
    assert.equal(foldOkurigana('引っ越し'), '引越');
    assert.equal(foldOkurigana('問い合わせ'), '問合');
    assert.equal(foldOkurigana('手続き'), '手続');
    // Not okurigana: one kanji, a kana prefix, a kana word after the kanji, katakana, a long kana run.
    for (const w of ['食べる', 'お知らせ', '粗大ごみ', '印刷キュー', '取りあつかい', '子ども'])
      assert.equal(foldOkurigana(w), w);
  });
});

describe('JapaneseAnalyzer', () => {
  it('keeps ASCII terms and numbers whole', async () => {
    const a = await testAnalyzer();
    const { words } = a.analyze('OutlookとOneDriveとWi-FiとVPNとADは2024年から');
    for (const t of ['outlook', 'onedrive', 'wifi', 'vpn', 'ad', '2024'])
      assert.ok(words.includes(t), `${t} in ${words.join(' ')}`);
  });

  it('uses base forms and drops particles, auxiliaries and symbols', async () => {
    const a = await testAnalyzer();
    const { words } = a.analyze('パスワードを忘れました。');
    assert.deepEqual(words, ['ぱすわーど', '忘れる']);
  });

  it('makes spelling variants the same term', async () => {
    const a = await testAnalyzer();
    assert.deepEqual(a.analyze('プリンター').words, a.analyze('プリンタ').words);
    assert.deepEqual(a.analyze('ゴミ').words, a.analyze('ごみ').words);
    assert.deepEqual(a.analyze('ｻｰﾊﾞｰ').words, a.analyze('サーバ').words);
    assert.deepEqual(a.analyze('Wi-Fi').words, a.analyze('wifi').words);
    assert.deepEqual(a.analyze('申し込み').words, a.analyze('申込').words);
    assert.deepEqual(a.analyze('申込みました').words, a.analyze('申し込む').words);
    assert.deepEqual(a.analyze('受け付け').words, a.analyze('受付').words);
  });

  it('adds character bigrams but not hiragana-only ones', async () => {
    const a = await testAnalyzer();
    const { grams } = a.analyze('住民票のこと');
    assert.ok(grams.includes('住民') && grams.includes('民票'));
    assert.ok(!grams.includes('のこ'));
  });

  it('tells a single dictionary word from a typo or a split one', async () => {
    const a = await testAnalyzer();
    assert.deepEqual(
      ['リモート', 'アップデート', 'コート', 'ドライバー', 'パスコート', 'サイイン', 'ドライバ'].map((w) =>
        a.isWord(w),
      ),
      [true, true, true, true, false, false, false],
    );
  });

  it('tells a text that says something of its words from one that only names them', async () => {
    const a = await testAnalyzer();
    for (const t of ['印刷できない', 'ロックされました', 'VPNが遅い', 'メールを送りたい'])
      assert.equal(a.analyze(t).predicate, true, t);
    for (const t of ['メール', 'パスワード？', 'VPNについて', 'Teams会議の録画'])
      assert.equal(a.analyze(t).predicate, false, t);
  });

  it('marks the words that only colour a question (adverbs, adjectival-noun stems, adverbial nouns)', async () => {
    const a = await testAnalyzer();
    const r = a.analyze('毎回パソコンが勝手に再起動されて全然仕事にならない');
    assert.deepEqual(r.minor, ['毎回', '勝手', '全然']);
    assert.ok(r.words.includes('全然') && r.words.includes('ぱそこん'), JSON.stringify(r.words));
    assert.equal(a.analyze('VPNに接続できない').minor, undefined);
  });
});

describe('synonym expansion', () => {
  it('expands curated IT and office synonyms with a lower weight', async () => {
    const a = await testAnalyzer();
    const expander = await createQueryExpander(a, 'curated');
    const pw = expander.expand(a.analyze('PWを忘れた').words, 0.5);
    assert.equal(pw.get('pw'), 1);
    assert.equal(pw.get('ぱすわーど'), 0.5);
    const login = expander.expand(a.analyze('サインインできない').words, 0.5);
    assert.equal(login.get('ろぐいん'), 0.5);
    // General IT/office paraphrases (issue 13 removed the municipal one-way rules such as 引っ越し → 転入).
    const lost = expander.expand(a.analyze('パソコンをなくした').words, 0.5);
    assert.equal(lost.get('紛失'), 0.5);
    const move = expander.expand(a.analyze('引っ越しの手続き').words, 0.5);
    assert.equal(move.get('転入'), undefined);
    const print = expander.expand(a.analyze('プリントしたい').words, 0.5);
    assert.equal(print.get('印刷'), 0.5);
  });

  it('adds Sudachi spelling variants', async () => {
    const a = await testAnalyzer();
    const expander = await createQueryExpander(a, 'curated+sudachi');
    const out = expander.expand(a.analyze('問合せ').words, 0.5);
    // 問い合わせ is the same term since okurigana folding; Sudachi adds the other spellings.
    assert.deepEqual(a.analyze('問い合わせ').words, a.analyze('問合せ').words);
    assert.ok((out.get('問いあわせる') ?? 0) > 0, JSON.stringify([...out]));
  });
});
