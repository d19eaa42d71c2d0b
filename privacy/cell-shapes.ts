/**
 * A pasted table's cells read by their own shape as well as by their column (session 34, the fiftieth blind batch):
 * rows whose columns were shuffled or shifted (a spreadsheet row pasted one cell off, a CSV export without a header in
 * another order) put a phone under 氏名 and a date under 電話. A cell whose shape is unmistakably another type the
 * header names (a mobile number, a date, a bare number, an e-mail address) takes that type; and a cell naming an
 * office or a bank (税務課, 霧ヶ丘銀行 駅前, …信金 北) is no one's name, whatever column it stands in.
 * And a column headed by a party label (担当, 対応者, 受付者 …) holds colleagues' family names (| 9:10 | PW初期化 | 葛西 |):
 * ticket lists, duty rosters and work logs pasted as tables.
 */
import { KNOWN_FAMILY_NAMES, surnameLike } from './family-names';
import { fillsNameSlot } from './detectors';
import { rowsOf, type Row } from './table-rows';
import type { PiiSpan, PiiType } from './types';

/** Shapes no other type's value has: the type a cell of this shape holds. */
const STRONG_SHAPES: ReadonlyArray<[RegExp, PiiType]> = [
  [/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'email'],
  [/^0[5789]0-\d{4}-\d{4}$|^0\d{1,3}-\d{2,4}-\d{4}$/, 'phone'],
  [/^(?:明治|大正|昭和|平成|令和)\d{1,2}年\d{1,2}月\d{1,2}日$|^(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}$/, 'birth_date'],
  [/^[MTSH]\d{1,2}[/.-]\d{1,2}[/.-]\d{1,2}$/, 'birth_date'],
];
/** A bare number: a number column's value, never a name's or an address's. */
const BARE_NUMBER = /^\d{4,12}$/;
/** Types whose value is a number alone. */
const NUMBER_TYPES: ReadonlySet<PiiType> = new Set<PiiType>([
  'bank_account',
  'insurance_number',
  'pension_number',
  'my_number',
  'resident_code',
  'card_number',
]);
/** An office, a bank or a company named in a cell: a section's word at its end, a bank's or a branch's anywhere. */
/** A row's tally label under a column of names (候補者 … 無効, 担当 … 合計): a count's name, no one's (session 35). */
const TALLY = /^(?:合計|小計|総計|計|無効|有効|白票|棄権|その他|不明|平均)$/;
// … and a club or an association, the users of a hall or a lending list (琴葉囲碁クラブ, 町内会, 子ども会, 同好会).
const ORGANISATION =
  /[課係室会]$|センター$|クラブ$|サークル$|銀行|信金|信用金庫|信用組合|農協|支店|支所|出張所|株式会社|[（(]株[）)]/;
/** A club's or a section's name set apart before the person's in one cell (子ども会 佐藤 健太): the group, not the name. */
const GROUP_HEAD = /^[^\s,]{1,16}(?:会|クラブ|サークル|[課係室])[ \t\u3000]+(?=[^\s])/;

/** A header cell naming who handled a row. */
const PARTY_HEADER = /^(?:担当|担当者|対応|対応者|受付者|作業者|記入者|確認者|当番|応対者)$/;
/** A kanji family name, maybe with a given name after a space. */
const PARTY_NAME = /^([一-龥々ヶ]{2,4})(?:[ \t][一-龥々ヶ]{1,3})?$/;

/** The names in the party columns of the text's tables. */
function partyColumns(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const rows = rowsOf(normalized);
  const same = (a: Row, b: Row | undefined): b is Row =>
    b !== undefined && b.separator === a.separator && b.cells.length === a.cells.length;
  for (const [i, header] of rows.entries()) {
    if (!header || header.cells.some((c) => /\d/.test(c.text))) continue;
    const columns = header.cells.flatMap((c, k) => (PARTY_HEADER.test(c.text) ? [k] : []));
    if (columns.length === 0) continue;
    for (const k of columns) {
      const cells = [];
      for (let j = i + 1; same(header, rows[j]); j++) {
        const cell = rows[j]!.cells[k]!;
        const family = PARTY_NAME.exec(cell.text)?.[1];
        if (family && fillsNameSlot(family)) cells.push({ cell, family });
      }
      // The column holds names when one of them is a listed family name or made of family names' kanji.
      if (cells.some(({ family }) => KNOWN_FAMILY_NAMES.has(family) || surnameLike(family)))
        for (const { cell } of cells) spans.push({ type: 'person_name', start: cell.start, end: cell.end });
    }
  }
  return spans;
}

/** The spans of the table's cells, retyped or dropped by the cells' shapes; other spans as they are. */
export function shapedCells(
  normalized: string,
  { fromHeaders, fromNames }: { fromHeaders: readonly PiiSpan[]; fromNames: readonly PiiSpan[] },
): { fromHeaders: PiiSpan[]; fromNames: PiiSpan[] } {
  const cells = new Map<number, number>();
  for (const row of rowsOf(normalized)) for (const cell of row?.cells ?? []) cells.set(cell.start, cell.end);
  const onCell = (s: PiiSpan): boolean => cells.get(s.start) === s.end;
  const headerTypes = new Set(fromHeaders.map((s) => s.type));
  const numberTypes = [...headerTypes].filter((t) => NUMBER_TYPES.has(t));
  const reshape = (s: PiiSpan): PiiSpan | undefined => {
    if (!onCell(s)) return s;
    const text = normalized.slice(s.start, s.end);
    if (s.type === 'person_name' && (ORGANISATION.test(text) || TALLY.test(text))) return undefined;
    const group = s.type === 'person_name' ? GROUP_HEAD.exec(text) : null;
    if (group) return { ...s, start: s.start + group[0].length };
    const strong = STRONG_SHAPES.find(([re]) => re.test(text))?.[1];
    if (strong && strong !== s.type && headerTypes.has(strong)) return { ...s, type: strong };
    if (BARE_NUMBER.test(text) && (s.type === 'person_name' || s.type === 'address'))
      return numberTypes.length === 1 ? { ...s, type: numberTypes[0]! } : undefined;
    return s;
  };
  const keep = (spans: readonly PiiSpan[]): PiiSpan[] =>
    spans.map(reshape).filter((s): s is PiiSpan => s !== undefined);
  return { fromHeaders: keep(fromHeaders), fromNames: keep([...fromNames, ...partyColumns(normalized)]) };
}
