/**
 * Names in the records staff relay about citizens and in the notes they write about who did what, where only the
 * record's shape or a word of who the person is tells a name:
 * - a listed family name and a given name before what a record says of a person in brackets — a birth date, an age,
 *   a relation (河合 ヨシ（昭和5年3月20日生）, 熊谷 ハナ、大正14年…生, 福田 キヨ（母）, 浜田 修二（55）);
 * - a listed family name after a word of a person's role or a record's party (児童：今井 蒼空, 職員：竹内, 受：田村,
 *   調査員は 池田, ケアマネ 柴田, 教頭 川村, 対象者A：大橋 隆) or before a post or 先生 (石井 巡査部長, 川村 先生);
 * - a listed family name between spaces after a section and before a particle (子育て支援課の 中島 から), before と名乗る,
 *   after by (適用済み by 今村) or after Mr. / Ms. (Mr. 大島);
 * - a full name in katakana or hiragana whose family part reads as a common family name (ハセガワ リョウ, やまもと たろう);
 * - a family name signing a message: alone in brackets ((西田), (おかだ様)) or closing a line that gives a phone or a mail
 *   address (… 4773 です😅 ふくだ); a family name with a katakana given name (松尾ハル さん, 中島 ﾏｻﾙ); a Latin word before
 *   an honorific (taroさん) or a chat message's Latin speaker ([14:30] Nakamura:).
 */
import type { PiiSpan } from '../types';
import { HIRAGANA_FAMILY_NAMES, KNOWN_FAMILY_NAMES, surnameLike } from '../family-names';
import { captured } from './captured';
import { isCommonLatinName } from './given-names';

const FAMILY = '[一-龥々ヶ]{1,3}';
const GIVEN = '(?:[一-龥々]{1,3}|[ァ-ヶ]{2,3}|[ぁ-ゖ]{2,3})';
/** What a record says of a person in brackets right after the name: a birth date, an age, a relation, 様. */
const ABOUT_PERSON =
  '[（(、,][ \\t]*(?:(?:明治|大正|昭和|平成|令和|[MTSHR])[ \\t]?\\d{1,2}[年./-]|(?:19|20)\\d{2}[年./-]|\\d{1,3}[ \\t]?(?:歳|才)?[）)]|(?:母|父|妻|夫|長男|長女|次男|次女|三男|三女|子|孫|祖父|祖母|本人|世帯主|養子|義母|義父)[）)、,])';
/** A birth date after a space, as a record's next field (上野 蓮 R5.4.2 生, 岡 しずか S19.1.9). */
const DATE_AFTER_SPACE =
  '[ \\t\\u3000]+(?:(?:明治|大正|昭和|平成|令和)\\d{1,2}年|[MTSHR]\\d{1,2}[./]\\d|(?:19|20)\\d{2}[./-]\\d{1,2}[./-]\\d)';
const BEFORE_RECORD = new RegExp(
  `(?<![一-龥々ヶ])(${FAMILY})[ \\t\\u3000]?(${GIVEN})(?=${ABOUT_PERSON}|${DATE_AFTER_SPACE})`,
  'dg',
);
/** A role or a record's party before the name (with は, a colon or a space). */
const ROLE_BEFORE = new RegExp(
  `(?:児童|生徒|本人|請求者|交付先|職員|受付?|調査員|担当職員|ケアマネ(?:ジャー)?|教頭|校長|教諭|担任|保健師|相談員|支援員|民生委員|通訳|巡査(?:部長)?|警部補?|対象者[A-ZＡ-Ｚ]?|担当SE|SE|エンジニア)[ \\t]*(?:は|：|:|=)?[ \\t\\u3000]*(${FAMILY})(?:[ \\t\\u3000](${GIVEN}))?(?![一-龥々ヶァ-ヶぁ-ゖ])`,
  'dg',
);
/** A post, 先生 or 氏 after the name (石井 巡査部長, 川村 先生, 川村先生, 大野氏来庁). */
const POST_AFTER = new RegExp(
  `(?<![一-龥々ヶ])(${FAMILY})[ \\t\\u3000]?(?=先生|巡査(?:部長)?|警部補?|教頭|校長|教諭|保健師|弁護士|司法書士|税理士|ケアマネ|氏(?!名))`,
  'dg',
);
/** A family name between spaces after a section and before a particle (子育て支援課の 中島 から). */
const SPACED_AFTER_SECTION = new RegExp(
  `[課係室班部局所]の[ \\t\\u3000]+(${FAMILY})[ \\t\\u3000]+(?=から|が|に|より|と|へ|は)`,
  'dg',
);
/** Calling oneself by a name (丸山 と名乗る), after by, after Mr. / Ms. */
const NAMED = new RegExp(
  `(?<![一-龥々ヶ])(${FAMILY})[ \\t\\u3000]*(?=と名乗)|\\bby[ \\t]+(${FAMILY})(?![一-龥々ヶ])|\\b(?:Mr|Ms|Mrs|Dr)\\.?[ \\t]+(${FAMILY})(?![一-龥々ヶ])`,
  'dg',
);
/**
 * A family name right after who the person is with — a section, a company, a vendor — and at the end of a list's item
 * or a message (広報課 秋山／, （株）ミライソフト 安藤、, 防災危機管理課 杉本 sugimoto@…, 研修担当 小野まで, 税務課小池, 福祉課の西村っす,
 * (国保 川口)), or before a table's next cell or the person's phone (| 市民課 岡田 |, 情報政策課 高木 携帯 080-…); also after the
 * help desk (HD 村田, HD-辻, ヘルプデスク 今井).
 */
const AFTER_AFFILIATION = new RegExp(
  `(?:[一-龥ァ-ヶー]{0,12}(?:課|係|室|担当|センター|国保)|(?:株式会社|（株）|\\(株\\))[一-龥ァ-ヶーA-Za-z]{1,16}|ベンダー|業者|(?<![A-Za-z])HD|ヘルプデスク)(?:[ \\t\\u3000]?(?:の)?|-)(${FAMILY})(?=[ \\t]*(?:[／/、,，）)|\\n]|$|まで|っす|[ \\t]+[\\w.-]+@|[ \\t]+(?:携帯|TEL|Tel|電話|内線)))`,
  'dg',
);
/** A common family name in katakana before an honorific or a request (折り返しはサトウでお願いします, タナカ宛). */
const KATAKANA_FAMILY = /(?<![ァ-ヶー])([ァ-ヶ]{3,5})(?=さん|様|でお願い|まで|宛|あて)/dg;
/** A CSV cell in quotes holding a full name ("0042","井上 大樹","…"). */
const QUOTED_CELL = new RegExp(`(?:^|(?<=[,\\t]))"(${FAMILY})[ \\u3000](${GIVEN})"(?=[,\\t]|$)`, 'dgm');
/** A full name in katakana or hiragana: a family part, a space or ・, a given part. */
const KANA_FULL_NAME =
  /(?<![ァ-ヶーぁ-ゖ])([ァ-ヶ]{2,5}|[ぁ-ゖ]{2,5})[ \t\u3000・]([ァ-ヶ]{2,4}|[ぁ-ゖ]{2,4})(?![ァ-ヶーぁ-ゖ])/dg;
/**
 * A foreign resident's name after a relation, a party or a script's label (父 Mohammed AL-RASHID, 本人 DELA CRUZ,
 * Jennifer Santos, 在留カード表記：NGUYEN THI HONG NHUNG, 在留カード: グエン・バン・フン, カナ併記：グエン ティ ホン ニュン): Latin words (capitalised or in
 * capitals, two to five) or katakana words (two to five).
 */
const FOREIGN_AFTER_LABEL =
  /(?:(?:^|[\s、。（(：:])(?:父|母|子|妻|夫|長男|長女|次男|次女|本人|世帯主|請求者|申請者|届出人|代理人|対象者|児童|通称名?|本名|在留カード)|表記|カナ併記)[ \t]*(?:は|：|:)?[ \t\u3000]*((?:[A-Z][A-Za-z'’-]+|[A-Z]{2,})(?:,?[ \t](?:[A-Z][A-Za-z'’-]+|[A-Z]{2,})){1,4}|[ァ-ヶー]{2,}(?:[ \u3000・][ァ-ヶー]{1,}){1,4})(?![A-Za-z'’ァ-ヶー])/dg;
/** A lone Latin given name after a child's relation with an age (子 Yusuf（7）). */
const CHILD_GIVEN = /(?:^|[\s、。])(?:子|長男|長女|次男|次女|児童)[ \t]+([A-Z][a-z]{2,14})(?=[（(]\d{1,2}[）)])/dg;

/**
 * A family name alone in brackets closing a line or before から, as a message is signed ((西田), (おかだ様), よしこさん(長谷川)から);
 * not after a word (中の島公園（立花）, 大阪方面（梅田）から: a district).
 */
const BRACKETED_NAME =
  /(?<![一-龥々ヶァ-ヶー])[（(]([一-龥々ヶ]{2,3}|[ぁ-ゖ]{3,5})[ \t]*(?:様|さん)?[）)](?=[ \t]*(?:$|\n|から|より|まで|です))/dg;
/** A family name closing a line that gives a phone, an address or a mail address (… 4773 です😅 ふくだ, …6-17-9 です。浜田). */
const CLOSING_NAME =
  /^(?=[^\n]*(?:\d{2,}[\d\- ]{5,}|\d{1,4}-\d{1,4}-\d{1,4}|@))[^\n]*[ \t\u3000。]([一-龥々ヶ]{2,3}|[ぁ-ゖ]{3,5})[ \t]*$/dgm;
/** A family name with its given name in katakana, joined before an honorific or half-width after a space (松尾ハル さん, 中島 ﾏｻﾙ). */
const KANA_GIVEN = new RegExp(
  `(?<![一-龥々ヶ])(${FAMILY})(?:([ァ-ヶ]{2,3})(?=[ \\t]*(?:さん|様))|[ \\t\\u3000]([ｦ-ﾟ]{2,6})(?![ｦ-ﾟ]))`,
  'dg',
);
/** A Latin word right before an honorific (taroさん, Brianさん), not an account's or a role's word. */
const LATIN_HONORIFIC = /(?<![A-Za-z0-9_.@-])([A-Za-z]{3,12})(?=さん|様|くん|ちゃん)/dg;
const NOT_LATIN_NAME =
  /^(?:admin|administrator|user|users|guest|test|root|helpdesk|support|staff|sample|dummy|vendor|team|teams|owner|manager|master)$/i;
/** A chat message's speaker in Latin letters ([14:30] Nakamura:, 09:12 Emily Clark:). */
const LATIN_SPEAKER = /^[ \t]*\[?\d{1,2}:\d{2}\]?[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*[:：]/dgm;

/** The writer in a subject's brackets after the section (【至急】【環境政策課・河野】メールが…). */
const SUBJECT_WRITER = /[【［[][^】］\]\n]{0,16}(?:課|係|室|担当|センター)[・･/／ ]([一-龥々ヶ]{1,3})[】］\]]/dg;
/** A foreign resident introducing themselves in simple Japanese (わたしは グエン・ヴァン・ミン です, なまえは アナ・シルバ です). */
const KANA_SELF_NAME =
  /(?:わたし|私|ぼく|僕)(?:の[ \t]?(?:なまえ|名前))?[ \t]*は[ \t\u3000]*([ァ-ヶー]{2,}(?:[・ \u3000][ァ-ヶー]{1,}){1,3})[ \t]*(?=です|と[ \t]?(?:いいます|申します))|(?:なまえ|名前)[ \t]*は[ \t\u3000]*([ァ-ヶー]{2,}(?:[・ \u3000][ァ-ヶー]{1,}){1,3})[ \t]*(?=です)/dg;

/**
 * A nickname before ちゃん (けんちゃん, みっちゃん, ユウちゃん; masked without ちゃん, as every honorific stays), not a
 * relative's word (おばあちゃん, 赤ちゃん).
 */
const NICKNAME = /(?<![ぁ-ゖァ-ヶー一-龥々])([ぁ-ゖ]{1,3}|[ァ-ヶ][ァ-ヶー]{0,2})(?=ちゃん)/dg;
const NOT_NICKNAME =
  /^(?:お?(?:ばあ|じい|ばぁ|じぃ|かあ|とう|にい|ねえ|ねぇ|にぃ|ばー|じー)|あか|ねこ|にゃん|わん|うさ|くま|いぬ|みんな|ちび|ぼく|わたし|あたし|おれ|こども|まご|むすめ|むすこ|じじ|ばば)ちゃん$/;
/** A family name and a word of who the person is in brackets before the honorific (佐藤(市民)さん, 佐藤（職員）さん). */
const ROLE_IN_BRACKETS = new RegExp(`(?<![一-龥々ヶ])(${FAMILY})(?=[（(][^）)\\n]{1,6}[）)](?:さん|様|氏))`, 'dg');

/** A relative with a full name after a space, as family records list them (夫 福島 翼（建設課）, 子 福島 湊 が). */
const RELATIVE_FULL = new RegExp(
  `(?<![一-龥々ヶ])(?:夫|妻|子|長男|長女|次男|次女|父|母|祖父|祖母|孫|兄|姉|弟|妹|配偶者|被扶養者)[ \\t\\u3000]+(${FAMILY})[ \\t\\u3000](${GIVEN})(?![一-龥々ヶァ-ヶぁ-ゖ])`,
  'dg',
);
/** A full name in brackets after a user id or a reading (user=K20418(坂本 陽子), キクチ マサル（菊池 勝）). */
const NAME_IN_BRACKETS_AFTER = new RegExp(
  `(?:[A-Za-z]*\\d{3,}|[ァ-ヶー]{2,}[ \\u3000][ァ-ヶー]{2,})[（(](${FAMILY})[ \\t\\u3000](${GIVEN})[）)]`,
  'dg',
);
/** A family name between spaces before a word of its phone or mail (北関東システムズ 田島 の携帯). */
const BEFORE_CONTACT = new RegExp(
  `(?<=[ \\t\\u3000])(${FAMILY})[ \\t\\u3000]?(?=の(?:携帯|電話|内線|連絡先|メール|アドレス))`,
  'dg',
);

/** Any family name, also one of no list: kanji (with 𠮷 and the other kanji beyond the basic plane) and ノ (四ノ宮). */
const ANY_FAMILY = '(?:[一-龥々ヶ]|[\\u{20000}-\\u{2FFFF}])(?:[一-龥々ヶノ]|[\\u{20000}-\\u{2FFFF}]){0,3}?';
/**
 * A kanji name with its reading in hiragana in brackets, as people spell a rare name out (黛（まゆずみ）です, 菅沼 光（すがぬま
 * ひかる）): both are masked; not a word glossed inside a longer word (罹災（りさい）証明).
 */
const NAME_WITH_READING = new RegExp(
  `(?<![一-龥々ヶ])(${ANY_FAMILY}(?:[ \\u3000][一-龥々]{1,4})?)[（(]([ぁ-ゖ]{2,8}(?:[ \\u3000][ぁ-ゖ]{1,8})?)[）)](?![一-龥々ヶァ-ヶ])`,
  'dgu',
);
/** Words after a phone number that say whose or which it is, not a name (自宅, 携帯, 日中, 本人 …). */
const CONTACT_WORDS =
  /^(?:自宅|携帯|日中|夜間|夜|昼|平日|土日|代表|内線|直通|本人|家族|母|父|妻|夫|至急|不在|留守|事務所|会社|勤務先|職場|実家|緊急|担当|窓口|受付|番号|連絡先|宛|可|不可|のみ|まで|FAX)/;
/**
 * A name right after a phone number: in brackets (080 7721 4096（高森）, ０４８－…（岡田様宅）) or closing the line
 * (０８０ー３３１２ー９０４７ 北森) — a family name of any list or none, not a word of whose number it is.
 */
const AFTER_PHONE = new RegExp(
  `0\\d{1,4}[- ]?\\d{1,4}[- ]?\\d{3,4}(?:[ \\t]*[（(](${ANY_FAMILY})(?:様|さん|氏)?(?:宅|方)?[）)]|[ \\t\\u3000]+(${ANY_FAMILY})[ \\t]*(?=\\n|$))`,
  'dgu',
);
/** A duty roster's line: a date, a name, a phone number (11/11 荒井 090-6201-3349). */
const ROSTER_LINE = new RegExp(
  `(?:^|\\n)[ \\t]*\\d{1,2}[/月]\\d{1,2}日?(?:[（(][月火水木金土日][）)])?[ \\t\\u3000]+(${ANY_FAMILY})(?=[ \\t\\u3000]+0\\d{1,4}-)`,
  'dgu',
);

/** A name in Hangul (김서연) in a text that is not Korean prose: a resident's name as a record or a card shows it. */
// A word before a colon is a form's label (생년월일:), no name.
const HANGUL_NAME = /(?<![가-힣])([가-힣]{2,4})(?![가-힣]|[ \t]*[:：])/dg;
/** More Hangul words than this make Korean text, whose words are no names. */
const MAX_HANGUL_WORDS = 3;

/** Hiragana words after a family name that are no given name (すずき さんが, やまだ まで). */
const NOT_GIVEN_KANA =
  /^(?:さん|さま|くん|ちゃん|から|まで|より|です|でした|ます|など|たち|けど|ので|のか|には|とか|って|だけ|しか|こと|もの|ほう|かた|さんの|さんが|さんに|さんから)$/;

function toHiragana(kana: string): string {
  return kana.replace(/[ァ-ヶ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Finds the names above. */
export function detectRecordNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const add = (start: number, end: number): void => {
    spans.push({ type: 'person_name', start, end });
  };
  for (const m of normalized.matchAll(BEFORE_RECORD)) {
    const [family, given] = [m.indices![1]!, m.indices![2]!];
    if (KNOWN_FAMILY_NAMES.has(m[1]!)) add(family[0], given[1]);
  }
  for (const m of normalized.matchAll(QUOTED_CELL))
    if (KNOWN_FAMILY_NAMES.has(m[1]!)) add(m.indices![1]![0], m.indices![2]![1]);
  for (const m of normalized.matchAll(ROLE_BEFORE)) {
    if (!KNOWN_FAMILY_NAMES.has(m[1]!)) continue;
    const end = m.indices![2]?.[1] ?? m.indices![1]![1];
    add(m.indices![1]![0], end);
  }
  spans.push(...captured(normalized, KATAKANA_FAMILY, (name) => HIRAGANA_FAMILY_NAMES.has(toHiragana(name))));
  for (const re of [
    POST_AFTER,
    SPACED_AFTER_SECTION,
    NAMED,
    AFTER_AFFILIATION,
    SUBJECT_WRITER,
    ROLE_IN_BRACKETS,
    BEFORE_CONTACT,
  ])
    spans.push(...captured(normalized, re, (name) => KNOWN_FAMILY_NAMES.has(name)));
  // Not a product or a section in katakana (表記 データ エラー): a foreign name's words have no long mark at their end as
  // often as not, so only what reads as a system's word is left out.
  for (const re of [FOREIGN_AFTER_LABEL, CHILD_GIVEN])
    spans.push(
      ...captured(
        normalized,
        re,
        (name) => !/エラー|システム|データ|サーバ|ファイル|ボタン|メール|パスワード/.test(name),
      ),
    );
  const familyWord = (name: string): boolean =>
    /^[ぁ-ゖ]/.test(name) ? HIRAGANA_FAMILY_NAMES.has(name) : KNOWN_FAMILY_NAMES.has(name);
  for (const re of [BRACKETED_NAME, CLOSING_NAME]) spans.push(...captured(normalized, re, familyWord));
  for (const m of normalized.matchAll(NAME_WITH_READING)) {
    // A family and a given name, or a name that introduces or is addressed (黛（まゆずみ）です), not a gloss (字（あざ）が).
    const after = normalized.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (!/[ \u3000]/.test(m[1]!) && !/^[ \t]*(?:です|と申します|といいます|さん|様|氏|さま|から|より|\n|$)/.test(after))
      continue;
    add(m.indices![1]![0], m.indices![1]![1]);
    add(m.indices![2]![0], m.indices![2]![1]);
  }
  for (const m of normalized.matchAll(AFTER_PHONE)) {
    const at = m.indices![1] ?? m.indices![2]!;
    const name = normalized.slice(at[0], at[1]);
    if (m[1]) {
      // In brackets: not a word of whose number it is or when to call (（自宅）, （夕方以降）).
      const inside = /[（(]([^）)\n]*)[）)]$/.exec(m[0])?.[1] ?? name;
      const listed = /^[・、,/／]?[ \t]*\d/.test(normalized.slice(m.index + m[0].length, m.index + m[0].length + 3));
      if (CONTACT_WORDS.test(inside) || /以降|以外|まで|頃|ごろ|[時分]/.test(inside) || !surnameLike(name) || listed)
        continue;
    } else {
      // Closing a line only where the line asks for a call or holds nothing but the number (電話ください。０８０… 梶), not a
      // list's topic (… 0584-73-2210 国保).
      const line = normalized.slice(normalized.lastIndexOf('\n', m.index) + 1, m.index);
      if (
        !/ください|下さい|お願い|折り?返し|携帯|連絡先|^[ \t]*$/.test(line) ||
        CONTACT_WORDS.test(name) ||
        !surnameLike(name)
      )
        continue;
    }
    spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  spans.push(...captured(normalized, ROSTER_LINE, (name) => !CONTACT_WORDS.test(name) && surnameLike(name)));
  if ((normalized.match(/[가-힣]+/g)?.length ?? 0) <= MAX_HANGUL_WORDS)
    spans.push(...captured(normalized, HANGUL_NAME));
  for (const re of [RELATIVE_FULL, NAME_IN_BRACKETS_AFTER])
    for (const m of normalized.matchAll(re))
      if (KNOWN_FAMILY_NAMES.has(m[1]!)) add(m.indices![1]![0], m.indices![2]![1]);
  spans.push(...captured(normalized, NICKNAME, (name) => !NOT_NICKNAME.test(`${toHiragana(name)}ちゃん`)));
  spans.push(...captured(normalized, KANA_SELF_NAME, (name) => !/システム|データ|サーバ|パスワード|メール/.test(name)));
  for (const m of normalized.matchAll(KANA_GIVEN)) {
    if (!KNOWN_FAMILY_NAMES.has(m[1]!)) continue;
    const given = m.indices![2] ?? m.indices![3]!;
    add(m.indices![1]![0], given[1]);
  }
  // Lower case as typed in a hurry (taroさん), or a common name (Brianさん); not a company's (NECさん) or a country's.
  spans.push(
    ...captured(
      normalized,
      LATIN_HONORIFIC,
      (name) => (/^[a-z]+$/.test(name) && !NOT_LATIN_NAME.test(name)) || isCommonLatinName(name),
    ),
  );
  spans.push(...captured(normalized, LATIN_SPEAKER));
  for (const m of normalized.matchAll(KANA_FULL_NAME)) {
    const family = toHiragana(m[1]!);
    const given = m[2]!;
    // Both in one script: ハセガワ リョウ, やまもと たろう (not ひらい マコト nor データ エラー).
    const sameScript = /^[ァ-ヶ]/.test(m[1]!) === /^[ァ-ヶ]/.test(given);
    if (sameScript && HIRAGANA_FAMILY_NAMES.has(family) && !NOT_GIVEN_KANA.test(given))
      add(m.indices![1]![0], m.indices![2]![1]);
  }
  return spans;
}
