/**
 * A list under a title naming the numbers it lists (随行者の旅券番号一覧, 個人番号リスト, 被保険者番号の名簿): each row under it
 * — maybe a bullet or a number, maybe the section, then the person's name and the number — gives a name and a number of
 * the title's type, whatever the number's country shape or check digit (秘書課 北条 真央　TR0047163, 国際交流課 Ellis
 * Park　580031447) (session 34). The rows end at a blank line or a line of another shape.
 */
import type { PiiSpan, PiiType } from '../types';
import { isName } from './labelled-names';
import { hasNotPersonWord } from './not-person-words';

/** The number a list's title names, and the shapes of that number. */
const LISTS: ReadonlyArray<{ title: RegExp; type: PiiType; value: string }> = [
  { title: /(?:旅券|パスポート)(?:番号)?/, type: 'passport', value: '[A-Z]{1,2}\\d{7,8}[A-Z]?|\\d{8,9}' },
  { title: /個人番号|マイナンバー/, type: 'my_number', value: '\\d{4}[ -]?\\d{4}[ -]?\\d{4}' },
  { title: /基礎年金番号|年金番号/, type: 'pension_number', value: '\\d{4}-?\\d{6}' },
  { title: /被保険者番号|保険者番号|保険証番号/, type: 'insurance_number', value: '\\d{6,10}' },
  { title: /住民票コード/, type: 'resident_code', value: '\\d{11}' },
];
const LIST_WORD = /(?:の)?(?:一覧|リスト|名簿)/;
const SECTION = '[一-龥ァ-ヶー]{1,12}(?:課|係|室|班|部|局|センター)';
const NAME =
  "(?:[一-龥々ヶ]{1,4}[ \\u3000][一-龥々ヶ]{1,3}|[ァ-ヶー]{2,10}(?:[・ \\u3000][ァ-ヶー]{1,10}){1,3}|(?:[A-Z][a-z'’-]+|[A-Z]{2,})(?: (?:[A-Z][a-z'’-]+|[A-Z]{2,})){1,3})";
const row = (value: string): RegExp =>
  new RegExp(
    `^[ \\t]*(?:(?:[・•*-]|\\d{1,3}[.)．])[ \\t]*)?(?:${SECTION}[ \\t\\u3000]+)?(${NAME})[ \\t\\u3000]+(${value})[ \\t]*$`,
    'd',
  );
const ROWS = LISTS.map((list) => ({
  ...list,
  title: new RegExp(list.title.source + LIST_WORD.source),
  row: row(list.value),
}));

/** A relation before the name (長男 翔太): not part of it. */
const KIN_FIRST =
  /^(?:長男|長女|次男|次女|三男|三女|息子|娘|孫|妻|夫|配偶者|子|父|母|兄|姉|弟|妹|本人|世帯主)[ \u3000]/;

/** Whether a row's name is a person's: Latin words of no business, kanji or katakana words that may be a name's. */
function person(name: string): boolean {
  return /[A-Za-z]/.test(name)
    ? !hasNotPersonWord(name)
    : name.split(/[ \u3000・]/).every((part) => isName(part) || part.length === 1);
}

/** Finds the names and numbers of the rows under a numbered list's title. */
export function detectTitledLists(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const list of ROWS) {
    if (!list.title.test(normalized)) continue;
    let offset = 0;
    let under = false;
    for (const line of normalized.split('\n')) {
      const m: RegExpExecArray | null = under ? list.row.exec(line) : null;
      if (m) {
        const [name, value] = [m.indices![1]!, m.indices![2]!];
        const kin = KIN_FIRST.exec(m[1]!)?.[0].length ?? 0;
        if (person(m[1]!.slice(kin)))
          spans.push({ type: 'person_name', start: offset + name[0] + kin, end: offset + name[1] });
        spans.push({ type: list.type, start: offset + value[0], end: offset + value[1] });
      }
      under = m !== null || (list.title.test(line) && !list.row.test(line));
      offset += line.length + 1;
    }
  }
  return spans;
}
