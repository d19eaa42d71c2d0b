/**
 * A given name alone that the writer set apart with spaces (session 35, the fifty-second blind batch):
 * - after a relation and の (息子の 和也 です, 主人の 健二 が, 長男の 悠斗（5歳）): two or three kanji ending as given names end, or
 *   kana that reads as a listed given name, with a space before it and a space or a bracket after it — the spaces
 *   say it is a name set into the sentence (母の介護が, with no spaces, stays);
 * - after any word and の, kana that reads as a listed given name before です (小児科外来の ゆい です, 受付の ハルカ です)
 *   — a writer introducing themself by the given name.
 * What else they catch: residents' messages about a family member, staff who sign a chat by the given name.
 */
import type { PiiSpan } from '../types';
import { captured } from './captured';
import { readsAsGivenName } from './given-names';
import { hasNotPersonWord } from './not-person-words';

const KIN =
  '(?:息子|娘|長男|長女|次男|次女|三男|三女|主人|夫|妻|家内|母|父|母親|父親|祖母|祖父|孫|兄|姉|弟|妹|嫁|婿|子ども|子供)';
const KIN_NAME = new RegExp(
  `${KIN}の[ \\u3000]+([一-龥々]{1,3}|[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,6})(?=[ \\u3000]+(?:です|が|は|を|に|と|も|の)|[（(][0-9０-９]{1,3}歳)`,
  'dg',
);
/** The last letters most Japanese given names end in (和也, 健二, 智美, 悠斗, 花子): general knowledge, not a list of names. */
const GIVEN_NAME_END =
  /^[一-龥々]{1,2}[郎朗太介輔助也哉斗人仁二三一夫男雄生樹彦司吾平蔵之治史志美子恵香奈菜花華佳代江枝乃里理希紀織音衣実未帆穂翔陽葵凛蓮]$/;
const SELF_NAME = /の[ \u3000]+([ぁ-ゖ]{2,5}|[ァ-ヺー]{2,6})[ \u3000]+(?=です|と申します|でーす)/dg;

/** Finds the names above. */
export function detectSetApartNames(normalized: string): PiiSpan[] {
  return [
    ...captured(
      normalized,
      KIN_NAME,
      (name) => (GIVEN_NAME_END.test(name) || readsAsGivenName(name)) && !hasNotPersonWord(name),
    ),
    ...captured(normalized, SELF_NAME, (name) => readsAsGivenName(name)),
  ];
}
