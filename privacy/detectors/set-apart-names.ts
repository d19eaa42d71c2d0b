/**
 * A given name alone that the writer set apart with spaces (session 35, the fifty-second blind batch):
 * - after a relation and の (息子の 和也 です, 主人の 健二 が, 長男の 悠斗（5歳）): two or three kanji ending as given names end, or
 *   kana that reads as a listed given name, with a space before it and a space or a bracket after it — the spaces
 *   say it is a name set into the sentence (母の介護が, with no spaces, stays);
 * - after any word and の, kana that reads as a listed given name before です (小児科外来の ゆい です, 受付の ハルカ です)
 *   — a writer introducing themself by the given name.
 * - (session 36) a child's full name, family and given name set apart by a space, before の and the writer's relation to
 *   the child (4年1組 吉永 陽翔の母です, 岡部 結衣の父です, 星野 晴 の保護者です) when the family name is listed — a parent
 *   introducing themself by the child's name, as a school, a nursery or a vaccination desk is written to.
 * - (session 36) a kana name set apart by spaces: a listed family name's reading and a listed given name's (お子さん
 *   もちづき ひまり、), or a given name's reading before an honorific after a space (使っているのは そうた くんです) — names
 *   typed or dictated without converting them; the readings lists, not the place, say they are names.
 * What else they catch: residents' messages about a family member, staff who sign a chat by the given name.
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES, KNOWN_FAMILY_NAMES } from '../family-names';
import { captured } from './captured';
import { readsAsGivenName } from './given-names';
import { hasNotPersonWord, notHiraganaGivenName } from './not-person-words';

const KIN =
  '(?:息子|娘|長男|長女|次男|次女|三男|三女|主人|夫|妻|家内|母|父|母親|父親|祖母|祖父|孫|兄|姉|弟|妹|嫁|婿|子ども|子供)';
const KIN_NAME = new RegExp(
  `${KIN}の[ \\u3000]+([一-龥々]{1,3}|[ぁ-ゖ]{2,5}|[ァ-ヺー]{2,6})(?=[ \\u3000]+(?:です|が|は|を|に|と|も|の)|[（(][0-9０-９]{1,3}歳)`,
  'dg',
);
/** The last letters most Japanese given names end in (和也, 健二, 智美, 悠斗, 花子): general knowledge, not a list of names. */
const GIVEN_NAME_END =
  /^[一-龥々]{1,2}[郎朗太介輔助也哉斗人仁二三一夫男雄生樹彦司吾平蔵之治史志美子恵香奈菜花華佳代江枝乃里理希紀織音衣実未帆穂翔陽葵凛蓮]$/;
const CHILD_OF = new RegExp(
  `(?<![一-龥々ヶ])([一-龥々ヶ]{1,3}[ \u3000][一-龥々]{1,3})[ \u3000]?の(?:保護者|母親|父親|母|父|祖母|祖父|親)(?=です|で|から|より|[。、,\s]|$)`,
  'dg',
);
/** Two kana words set apart, or one before an honorific after a space, each a word by itself (no kana run on). */
// (read at every word's start: さん of お子さん もちづき ひまり must not take the place of もちづき)
const KANA_FULL_NAME = /(?<![ぁ-ゖァ-ヺー])(?=([ぁ-ゖ]{2,5}[ \u3000][ぁ-ゖ]{2,5})(?![ぁ-ゖァ-ヺー]))/dg;
// After a particle or a mark, not after a word that may be the family name (さくらぎ ゆい ちゃん, 堀 ゆうと くん).
const KANA_BEFORE_HONORIFIC =
  /(?<=(?:^|[、。,\n]|[はがをにのもと][ \u3000]))([ぁ-ゖ]{2,5})[ \u3000](?=くん|ちゃん|さん|さま)/dg;
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
    ...captured(normalized, KANA_FULL_NAME, (name) => {
      const [family = '', given = ''] = name.split(/[ \u3000]/);
      return HIRAGANA_FAMILY_NAMES.has(family) && readsAsGivenName(given);
    }),
    ...captured(normalized, KANA_BEFORE_HONORIFIC, (name) => readsAsGivenName(name) && !notHiraganaGivenName(name)),
    ...captured(normalized, CHILD_OF, (name) => KNOWN_FAMILY_NAMES.has(name.split(/[ \u3000]/)[0]!)),
  ];
}
