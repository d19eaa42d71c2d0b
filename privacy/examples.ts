/**
 * A form's filled-in example is no one's data: 【記入例】 up to the next blank line (or the end), a value
 * marked （例） / (例) up to the end of its field, an example in brackets （例：…）, a value labelled for tests (テスト用カード
 * 番号 …). Spans found there are dropped.
 */
import type { PiiSpan } from './types';

/**
 * A heading naming an example, in brackets (【記入例】, 【申請書の記入例】), alone on its line, or closing its line in round
 * brackets (…テンプレート（記入例）): up to a blank line.
 */
const EXAMPLE_BLOCK =
  /[【［[][^】］\]\n]{0,20}記入例[^】］\]\n]{0,10}[】］\]]|(?:^|\n)[ \t]*記入例[ \t]*(?:\/[ \t]*(?:Example|Sample)s?)?[ \t]*[:：]?[ \t]*(?=\n)|[（(]記入例[）)][ \t]*(?=\n)/g;
/**
 * 記入例： (or 記入例）, 記入例（様式第5号）：) followed by the example on its line (※記入例：山田太郎（ヤマダタロウ）), an example in brackets after
 * the word, maybe after a few words of what is done to it (申請書の記入例（氏名：山田 太郎、…）, 記入例を差し替え（…）),
 * and an English e.g., Sample entry:, Example in the slides: or a sample in brackets (the Japanese sample (山田太郎,
 * …)); the quoted values after the example field on its line (記入例欄は「氏名：…」「生年月日：…」).
 */
const EXAMPLE_LINE =
  /記入例[ \t]*(?:\/[ \t]*[A-Za-z][A-Za-z ]{0,20})?[:：）)][^\n]*|記入例の?欄[ \t]*(?:は|に|の|には)?[ \t]*(?=[「『])[^\n]*|記入例[ \t]*[（(][^）)\n]{1,20}[）)][ \t]*[:：][^\n]*|記入例(?:[をのに][^（(\n。、]{0,10})?[ \t]*[（(][^）)\n]{1,80}[）)]|\be\.g\.[^\n]*|\b(?:[Ss]ample entry|[Ss]ample entries|[Ee]xample(?: in [^:\n]{1,40})?)[ \t]*:[^\n]*|\b[Ss]ample[ \t]*[（(][^）)\n]{1,80}[）)]/g;
/**
 * A placeholder address or name (○○市中央1-1, △△町, ○○町一丁目1番地の1): from the marks to the end of the item or a
 * particle (○○市情報政策課の中野です: the name after の is a person's).
 */
const PLACEHOLDER = /[○〇◯△□×]{2}(?:[^\s、。,，）)\nのはがをにで]|の(?=[\d０-９一二三四五六七八九])){0,30}/g;
/**
 * A field's value marked as the example after it (氏名：山田太郎（記入例）, 山田太郎（記入例）と書かれた様式; not
 * 田中さんの申請書（記入例）).
 */
const MARKED_AFTER =
  /(?:[:：][ \t]*[^\n:：（(]{1,30}|(?:^|(?<=[\n、。「 ]))(?:(?!さん|様|の)[^\n:：（(、。「」 ]){1,30})[（(]記入例[）)]/g;
/**
 * The example quoted or spaced right after the word (記入例の住所「○○市△△町1丁目2番3号」, 記入例の電話番号 090-…), or quoted
 * right before it (「山田太郎」の記入例が残っている).
 */
const QUOTED =
  /記入例の?[^「\n]{0,6}「[^」\n]{0,60}」|記入例の[^\s「\n]{0,8}[ \t]+[^\s、。\n]{1,30}|「[^」\n]{1,60}」の?(?=記入例|記載例|入力例|見本|サンプル)/g;
/**
 * A manual's 入力例 or 記載例 in quotes, then the fields it fills in quotes in the same sentence (「入力例」では氏名欄に「…」、…);
 * so also a form's 見本 or サンプル (見本は「氏名：…」「電話：…」).
 */
const INPUT_EXAMPLE = /(?:入力例|記載例|記入見本|見本|サンプル)[^。\n]{0,160}/g;
const EXAMPLE_VALUE = /[（(]例[）)]|記載例[:：]?/g;
/**
 * A sentence that says in brackets its values are for tests (〒100-0001 で…確認してください（テスト用の定番です）): up to the
 * sentence's end.
 */
const TEST_VALUE_REMARK = /[（(](?:テスト用|試験用|ダミー|架空)[^）)\n]{0,16}[）)]/g;
/**
 * A value whose label says it is for tests (テスト用カード番号 4111 …, 試験用の電話番号：…, ダミーの住所 …): from the label to the
 * value's end (a particle, a bracket, the sentence's end).
 */
const TEST_LABELLED =
  /(?:テスト用|試験用|検証用|ダミー|架空)の?[一-龥ァ-ヶー]{0,8}?(?:番号|ナンバー|カード|アドレス|電話|住所|氏名|名前|コード)[ \t]*[:：は]?[ \t]*[^。\n（(ぁ-ゖ]{1,30}/g;
/**
 * The values listed in brackets after what says they are made up for tests (ダミーデータ（氏名「…」、個人番号 …）, テスト用の
 * アカウント（氏名：…）): up to the closing bracket.
 */
const TEST_BRACKETED = /(?:テスト用|試験用|検証用|ダミー|架空)[^（(\n。]{0,12}[（(][^（()）\n]{1,80}[）)]/g;
/** An example given in brackets: （例：AB1234567）, (例: 090-0000-0000) — up to the closing bracket. */
const BRACKETED_EXAMPLE = /[（(][ \t]?例[ \t]?[:：][^（()）\n]{1,40}[）)]/g;
/**
 * An example given after 例： opening a sentence right after the shape it shows is described (…（英字2桁＋数字8桁）に
 * チェックを追加してほしい。例：AB12345678CD): up to the sentence's end. Without the shape, 例：宮崎 陽菜 … is a case
 * the writer is telling about, and its data is someone's.
 */
const SHAPE_EXAMPLE = /(?<=(?:桁|形式|書式|フォーマット)[^\n]{0,50}[。、 ])例[ \t]?[:：][^\n。]{1,40}/g;

/** The [start, end) ranges of examples in the text. */
function exampleZones(normalized: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  for (const m of normalized.matchAll(EXAMPLE_BLOCK)) {
    const blank = normalized.indexOf('\n\n', m.index);
    zones.push([m.index, blank < 0 ? normalized.length : blank]);
  }
  for (const re of [
    EXAMPLE_LINE,
    MARKED_AFTER,
    QUOTED,
    BRACKETED_EXAMPLE,
    SHAPE_EXAMPLE,
    PLACEHOLDER,
    TEST_LABELLED,
    TEST_BRACKETED,
  ])
    for (const m of normalized.matchAll(re)) zones.push([m.index, m.index + m[0].length]);
  // The sentence of a remark that its values are for tests: from the sentence's start to the remark.
  for (const m of normalized.matchAll(TEST_VALUE_REMARK)) {
    const start = Math.max(normalized.lastIndexOf('。', m.index), normalized.lastIndexOf('\n', m.index)) + 1;
    zones.push([start, m.index + m[0].length]);
  }
  // Only the quoted values of a manual's example sentence, not the rest of it.
  for (const m of normalized.matchAll(INPUT_EXAMPLE))
    for (const q of m[0].matchAll(/「[^」\n]{1,60}」/g))
      zones.push([m.index + q.index, m.index + q.index + q[0].length]);
  for (const m of normalized.matchAll(EXAMPLE_VALUE)) {
    const from = m.index + m[0].length;
    // （例）のように入力したら… goes on with the sentence: no example value follows.
    if (/^[のをがはにでとも]/.test(normalized.slice(from, from + 1))) continue;
    // Up to the next field: a line break, 。, or two spaces / a full-width space (normalised to one space).
    const end = /[\n。]|  | (?=\S+欄)/.exec(normalized.slice(from, from + 40));
    zones.push([m.index, from + (end ? end.index : Math.min(40, normalized.length - from))]);
  }
  return zones;
}

/** The spans outside any example. */
export function withoutExamples(normalized: string, spans: PiiSpan[]): PiiSpan[] {
  if (!/例|見本|サンプル|e\.g\.|[○〇◯△□×]{2}|テスト用|試験用|検証用|ダミー|架空/.test(normalized)) return spans;
  const zones = exampleZones(normalized);
  return zones.length === 0 ? spans : spans.filter((s) => !zones.some(([a, b]) => a <= s.start && s.end <= b));
}
