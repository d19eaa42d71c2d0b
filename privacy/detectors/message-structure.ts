/**
 * Names that a message's shape gives away: the speaker of a chat transcript line (「[10:02] 田中: …」,
 * 「10:05 佐藤：…」), and a signature's name on the line right above its e-mail address (Marta Lopez⏎
 * marta.lopez@…), a hiragana name introduced after one's section (税務課のかわしまです), a common family name
 * signing a message's last line (― 佐野) or heading a roster line before its phone number (1. 松井　090-…). Roles
 * and systems that speak or sign (ヘルプデスク, システム, Bot) are no one.
 */
import type { PiiSpan } from '../types';
import {
  COMMON_FAMILY_NAMES,
  hiraganaFamilyNameBefore,
  KNOWN_FAMILY_NAMES,
  PLACE_FAMILY_NAMES,
  surnameLike,
} from '../family-names';
import { hasNotPersonWord } from './not-person-words';
import { captured } from './captured';

/** A transcript line: a time (in brackets or not), a speaker of 1–4 kanji / 2–8 kana or 2–3 Latin words, a colon. */
const SPEAKER =
  /^[ \t]*[[(（]?\d{1,2}:\d{2}(?::\d{2})?[\])）]?[ \t]+([一-龥々ヶ]{1,4}(?:[ \t][一-龥々ヶ]{1,4})?|[ァ-ヶー]{2,8}|[ぁ-ゖ]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})[ \t]*[:：]/dgm;
/**
 * A log's or a ticket history's entry head: a date and a time (in brackets or not), maybe a role, a section or a handle's
 * prefix, then a family name closing the head with a bracket, a colon, an arrow or the line's end ([2024/06/03 09:12 岩崎],
 * 2024-06-24 09:03 [国保年金課 渡部], [10:05] helpdesk_森川:, 09:45 HD 藤井 → 業者に照会, --- 2024/10/21 15:20 市民課 武田 ---,
 * [11:05] ベンダー 株式会社サンプル情報 三浦, [10:03] ヘルプデスク(横山):). The name must be a listed one.
 */
const LOG_SPEAKER =
  /^[ \t]*(?:-{2,}|={2,})?[ \t]*[[(（]?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \tT]+)?\d{1,2}:\d{2}(?::\d{2})?[\])）]?[ \t]*[[(（]?[ \t]*(?:(?:[一-龥ァ-ヶーA-Za-z]{1,16}[ \t\u3000]+){1,2}|[A-Za-z]{2,12}_|[一-龥ァ-ヶーA-Za-z]{1,10}[(（])?([一-龥々ヶ]{1,4})[ \t]*(?:[\])）:：]|→|->|-{2,}|$)/dgm;
/**
 * Introducing oneself after one's section and a space (子育て支援課 福島です, 保育課の 今野 です): a listed family name, or
 * set apart by spaces on both sides a rare one made of the listed names' kanji (保育課の 安齋 です).
 */
const SECTION_SELF_INTRO =
  /[課係室班](?:の)?[ \t\u3000]+([一-龥々ヶ]{1,4})([ \t\u3000]*)(?=です|でございます|と申します)/dg;
/**
 * A family name in brackets after a section, closing the brackets (（情報政策課 今井）, （経理課の 栗原）), or owning a
 * thing (（中島の社用携帯）).
 */
const NAME_IN_BRACKETS =
  /[（(](?:[一-龥ァ-ヶー]{1,10}[課係室班部](?:の)?[ \t\u3000]*)?([一-龥々ヶ]{1,4})[ \t]*(?=[）)]|の(?:社用|携帯|席|端末|パソコン|PC|アカウント|メール|机|私物))/dg;
/** Family names in hiragana that are everyday words too (ながい long, あさい shallow, ひがし east, ほんだ it's a book). */
const EVERYDAY_KANA = /^(?:ながい|あさい|あらい|ひがし|ほんだ|まつだ|こいけ|いしい)$/;
/**
 * What follows a colleague's family name typed in hiragana, as voice input or a hurried chat leaves it (さっき電話した
 * しみず です, いのうえ ケースワーカーの席, うえだ部長の): introducing oneself, a post, or a particle after a space (さっき いのうえ から電話).
 */
const AFTER_KANA_NAME =
  /[ \t]*(?:です|と申します|でございます|ケースワーカー|主任|主査|係長|課長|部長|次長|室長|所長|局長|補佐|先生)|[ \t]+(?:から|が|に|より|へ)(?=[一-龥ァ-ヶ、]|[ \t]|で|し|の|あ|い|き|も)/g;
/** A family name before a role or a team in English in brackets (森田 (PM), 岡野 (Parks)). */
const NAME_BEFORE_LATIN_ROLE = /(?<![一-龥々ヶ])([一-龥々ヶ]{1,4})[ \t]*[(（][A-Z][A-Za-z .&/-]{0,30}[)）]/dg;
/** A numbered list's item opening with a family name and a note in brackets (4. 大西（会計年度任用職員）). */
const LISTED_ITEM = /(?:^|\n)[ \t]*\d{1,2}[.)．][ \t]*([一-龥々ヶ]{1,3})(?=[（(])/dg;
/**
 * A listed family name introduced with spaces around it, after a word of who the writer is or at a line's start (職員番号
 * 204517 の 内田 です, 職員 酒井 です, ケースワーカー 小田 です) or in brackets after 私 (私(原田)のアドレス).
 */
const SPACED_SELF_INTRO =
  /(?:^|[ \t\u3000])([一-龥々ヶ]{1,3})[ \t\u3000]+です(?=[。、,.!！？?\s]|$)|私[（(]([一-龥々ヶ]{1,4})[）)]/dgm;
/**
 * A katakana full name on the line of an account holder (名義は 個人の ニシカワ ケイコ です, 名義がカタカナで入らない。タナカ
 * ユウジ) or after an account's number (普通 2093374 キクチ カナエ): two katakana words without a long mark (a name's
 * reading has none: not データ エラー).
 */
const HOLDER_KANA =
  /(?:名義[^\n]{0,30}?|(?:普通|当座)[ \t]*\d{6,8}[ \t\u3000]+)(?<![ァ-ヶー])([ァ-ヶ]{2,6}[ \u3000][ァ-ヶ]{2,6})(?![ァ-ヶー])/dg;
/** A full name after an insured person's or a taxpayer's label and a space or a colon (> 被保険者 北村 正和), not after が. */
const INSURED_LABEL =
  /(?:被保険者|被扶養者|納税者|納税義務者)(?:氏名)?[ \t]*[:：]?[ \t\u3000]+(?!記号|番号|氏名|住所|生年月日)([一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶぁ-ん]{1,4})(?![一-龥々ヶぁ-ん])/dg;
/**
 * A chat head copied from Teams or LoGoチャット: the time, then the speaker with a section or a role in brackets ([14:05]
 * 遠藤（情報政策課）:, [13:30] ジョンソン・マイケル（ALT）:), a speaker written Family, Given ([16:01] Fernandes, Lucas), or
 * the speaker and then the time at the line's end (情報システム係 西村 13:43, 山本 翔太 13:41).
 */
const CHAT_HEAD_BRACKETED =
  /^[ \t]*\[\d{1,2}:\d{2}(?: ?[AP]M)?\][ \t]*([一-龥々ヶ]{1,4}(?:[ \t][一-龥々ヶ]{1,4})?|[ァ-ヶー]{2,8}(?:・[ァ-ヶー]{2,8}){1,2}|[A-Z][a-z'’-]+, [A-Z][a-z'’-]+)[ \t]*(?:[（(][^）)\n]{1,20}[）)])?[ \t]*[:：]?/dgm;
const CHAT_HEAD_TIME_LAST =
  /^[ \t]*(?:[一-龥ァ-ヶー]{1,12}[課係室班][ \t\u3000]+)?([一-龥々ヶ]{1,4}(?:[ \t\u3000][一-龥々ヶ]{1,4})?)[ \t]+\d{1,2}:\d{2}[ \t]*$/dgm;
/** A mail header's list of Japanese names (Cc: 坂本 純一; 川口 美樹). */
const HEADER_NAMES = /^[ \t]*(?:To|Cc|CC|Bcc|From|宛先)[ \t]*[:：][ \t]*([^\n]+)$/gm;
/** Speakers that are a role, a section or a system, not a person. */
const NOT_SPEAKER =
  /[課係室部局班]$|ヘルプデスク|デスク|サポート|システム|センター|窓口|担当|自動|ボット|管理者|オペレーター|受付|対応|確認|作業|調査|連絡|報告|復旧|原因|結果|状況|備考|内容|処置|回答|対策|記録/;

/** A line of two or three capitalised Latin words, then on the next line an e-mail address. */
const SIGNED_ABOVE_MAIL =
  /^[ \t]*((?:[A-Z][a-z'’-]+|[A-Z]{2,})(?: (?:[A-Z][a-z'’-]+|[A-Z]{2,})){1,2})[ \t]*\n[ \t]*[\w.%+-]+@/dgm;

/**
 * Introducing oneself after one's section in hiragana, as a voice memo transcribes it or a first name is typed
 * (税務課のかわしまです, 保育課の さゆり です).
 */
const KANA_SELF_INTRO =
  /[課係室部局班]の(?:([ぁ-ゖ]{3,6})|[ \t\u3000]+([ぁ-ゖ]{3,6})[ \t\u3000]*)(?:です|でございます|と申します)/dg;
const NOT_KANA_NAME = /^(?:もの|ほう|かた|みなさん?|みんな|ひと|だれ|どなた|たんとう|かかり|ものども)$|さん$/;

/**
 * A message signed with a family name alone on its last line, maybe after a dash or the writer's office
 * (…お願いします。⏎― 佐野; ――⏎会計課　増田).
 */
const SIGNED_LAST_LINE =
  /\n[ \t]*(?:[―—–-]+[ \t]*)?(?:[一-龥ァ-ヶー]{1,10}(?:課|係|室|部|局|所|センター|担当)[ \t]+)?([一-龥々ヶ]{1,3})[ \t]*$/d;
/**
 * A message opened by the writer's family name, maybe after the office and before its reading (職員の戸田です。総務課の山田です。
 * 総務の菅野（かんの）です, 保険年金課 国民年金係の前川です, 株式会社サンプル通信の矢野でございます), also after a greeting and 、.
 */
const OPENED_WITH_NAME =
  /(?:^|\n|[。、])[ \t]*(?:[一-龥ァ-ヶーA-Za-z○〇]{1,12}(?:[ \t\u3000][一-龥ァ-ヶーA-Za-z○〇]{1,12})?の)?([一-龥々ヶ]{1,3})(?:[（(][ぁ-ゖ]{2,8}[）)])?(?:です|でした|でございます|と申します)(?=[。、,.!！ \n]|$)/dg;
/** A roster line: a family name, then its phone number (1. 松井　090-6234-1187). */
const NAME_BEFORE_PHONE =
  /(?:^|\n)[ \t]*(?:\d{1,2}[.)．][ \t]*)?([一-龥々ヶ]{1,3})[ \t\u3000]+(?=\(?0\d{1,4}[-(）)]?\d{1,4}[-)]?\d{3,4}(?!\d))/dg;

/**
 * A child or sibling by relation, then a given (or full) name, then the age in brackets (長男 翔太（16歳）, 次女:さくら(9),
 * 長男 今井 拓海（27）): the age says the word is a person's name, the relation that it is a name standing alone.
 */
const KIN_GIVEN_NAME_AGE =
  /(?<![一-龥])(?:長男|長女|次男|次女|三男|三女|四男|四女|息子|娘|孫|弟|妹|兄|姉)[ \t]*[:：]?[ \t]*(?!さん|ちゃん|くん|たち|ども)((?:[一-龥々]{1,3}[ \t])?[一-龥々]{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヶー]{2,6})[ \t]*[（(][ \t]?\d{1,3}[ \t]?(?:歳|[）)])/dg;

/**
 * A common family name where a message's shape says a person (each checked against the family-name list):
 * - a chat line without a time, a name and a colon (中村: 今日誰か外出？, [LoGo] 佐野: 窓口に…);
 * - an attendee after a section and a space (出席者：総務課 石川、情報政策課 松本、福祉課 長谷川（記）);
 * - a minute's or a log's role field (議事録作成：渡邊, 対応：小池, 記録：堀).
 */
const CHAT_NAME_LINE = /^[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*|[・•*-][ \t]*)?([一-龥々ヶ]{1,4})[ \t]*[:：][ \t]?/dgm;
const AFTER_SECTION = /[課係室班](?:[ \t\u3000]+|[ \t]*[:：][ \t]*)([一-龥々ヶ]{1,4})(?=[、,，（(\n]|[ \t]*$)/dgm;
/**
 * Where a lone family name ends: a mark, a line's end, or a space before no more of a name (記録：前田　確認：課長, not
 * 報告者：今村 由紀).
 */
const NAME_ENDS = String.raw`[、,，（(\n)）】]|[ \t\u3000]+(?:[^一-龥々ヶァ-ヶーぁ-ん]|[一-龥]{1,4}[:：])|[ \t\u3000]*$`;
// Also a log's or a register's person field, the section or the vendor before the name (利用者：会計課 須藤, 作業者：ベンダー
// 服部, 二次対応：基盤チーム 今井).
const ROLE_FIELD = new RegExp(
  String.raw`(?:作成|確認|記録|記入|報告|対応|受付|担当|入力|起票|承認|書記|司会|不在|欠席|出席|参加|利用|作業|一次対応|二次対応|更新担当|訪問|面談|同行|差出|受けた|関係)(?:者|員|人)?[ \t]*[:：【]?[ \t]*(?:(?:[一-龥ァ-ヶーA-Za-z]{1,10}|[一-龥ぁ-んァ-ヶー]{1,10}[課係室班])[ \t\u3000]){0,2}([一-龥々ヶ]{1,4})(?=${NAME_ENDS})`,
  'dg',
);
/** A family name further along a list of people after a colon (参加: 情報政策課 松本、伊藤、システム保守 小川). */
const LISTED_AFTER = new RegExp(
  String.raw`(?<=[:：][ \t]*\n?[^\n]{0,60}[、,，／/])[ \t]*(?:[一-龥ァ-ヶーA-Za-z]{1,10}[ \t\u3000])?([一-龥々ヶ]{1,4})(?=${NAME_ENDS}|[／/])`,
  'dg',
);

/**
 * A family name a note is about (小林の件、対応済み; 隣人の青木という男性): a common one that is no place's name before
 * の件, any listed one before という and a person.
 */
const CASE_OF = /(?<![一-龥々ヶ])([一-龥々ヶ]{2,3})(?=の件)/dg;
const CALLED = /(?<![一-龥々ヶ])([一-龥々ヶ]{2,3})(?=という(?:男性|女性|人|方|職員|者|子))/dg;

/** A full name as a file name's part between underscores or after a folder (申請書_小林陽菜_20240601.pdf). */
const FILE_NAME_PART = /(?<=[_\\/])([一-龥々ヶ]{3,6})(?=_)/dg;

/** A common family name (privacy/family-names.ts), which a lone word of a signature or a roster must be. */
function familyName(word: string): boolean {
  return KNOWN_FAMILY_NAMES.has(word);
}

/** Finds transcript speakers, signature names above an address, hiragana self-introductions, children by age. */
export function detectMessageNames(normalized: string): PiiSpan[] {
  const spans = [
    ...captured(normalized, SPEAKER, (name) => !NOT_SPEAKER.test(name) && !hasNotPersonWord(name)),
    ...captured(normalized, KANA_SELF_INTRO, (name) => !NOT_KANA_NAME.test(name)),
    ...captured(normalized, OPENED_WITH_NAME, familyName),
  ];
  const last = SIGNED_LAST_LINE.exec(normalized);
  const lastAt = last?.indices?.[1];
  if (lastAt && familyName(last?.[1] ?? '')) spans.push({ type: 'person_name', start: lastAt[0], end: lastAt[1] });
  for (const re of [NAME_BEFORE_PHONE, CHAT_NAME_LINE, AFTER_SECTION, ROLE_FIELD, LISTED_AFTER, CALLED, LOG_SPEAKER])
    spans.push(...captured(normalized, re, familyName));
  spans.push(
    ...captured(
      normalized,
      SECTION_SELF_INTRO,
      (word, _, m) => familyName(word) || (m[2] !== '' && word.length >= 2 && surnameLike(word)),
    ),
  );
  // 発送先は 千葉 です: a place-like family name alone is a place (私(千葉) is a person).
  spans.push(
    ...captured(
      normalized,
      SPACED_SELF_INTRO,
      (word, _, m) => familyName(word) && (m[2] !== undefined || !PLACE_FAMILY_NAMES.has(word)),
    ),
    ...captured(normalized, INSURED_LABEL),
    ...captured(normalized, HOLDER_KANA, (name) => !/カタカナ|アカウント|ユーザ|システム|カード|エラー/.test(name)),
  );
  for (const re of [NAME_BEFORE_LATIN_ROLE, LISTED_ITEM])
    spans.push(...captured(normalized, re, (word) => familyName(word) && !PLACE_FAMILY_NAMES.has(word)));
  // Alone in brackets a word is as often a district (八幡公園（小田）): a section before it or a thing it owns says a
  // person; 「（千葉の端末）」 is a place's.
  spans.push(
    ...captured(normalized, NAME_IN_BRACKETS, (word, at, m) => {
      const owning = normalized[at[1]] === 'の';
      const sectioned = at[0] > (m.index ?? 0) + 1;
      return familyName(word) && (sectioned || (owning && !PLACE_FAMILY_NAMES.has(word)));
    }),
  );
  for (const m of normalized.matchAll(AFTER_KANA_NAME)) {
    const n = hiraganaFamilyNameBefore(normalized, m.index);
    const before = normalized[m.index - n - 1] ?? '';
    // Before a particle the name stands apart (さっき いのうえ から) and is no everyday word (ながい から, ひがし から).
    const particle = /^[ \t]+[かがによへ]/.test(m[0]);
    if (particle && (!/^[ \t]?$/.test(before) || EVERYDAY_KANA.test(normalized.slice(m.index - n, m.index)))) continue;
    // After a kanji or a katakana letter the hiragana is the end of a word (向こうの担当, 小さいです), not a name.
    if (n > 0 && !/[一-龥々ヶァ-ヶー]/.test(before))
      spans.push({ type: 'person_name', start: m.index - n, end: m.index });
  }
  // A chat head's speaker: a listed family name first, or a full name (a katakana name with ・, Family, Given).
  for (const re of [CHAT_HEAD_BRACKETED, CHAT_HEAD_TIME_LAST])
    spans.push(
      ...captured(normalized, re, (name) => {
        const family = name.split(/[ \t\u3000]/)[0]!;
        return /[・,]/.test(name) || (familyName(family) && !NOT_SPEAKER.test(name));
      }),
    );
  for (const m of normalized.matchAll(HEADER_NAMES)) {
    const list = m[1] ?? '';
    let at = m.index + m[0].length - list.length;
    for (const item of list.split(/[;；,、]/)) {
      const name = /^[ \t]*([一-龥々ヶ]{1,4}[ \u3000][一-龥々ヶぁ-ゖ]{1,4})[ \t]*$/.exec(item);
      if (name && familyName(name[1]!.split(/[ \u3000]/)[0]!)) {
        const start = at + item.indexOf(name[1]!);
        spans.push({ type: 'person_name', start, end: start + name[1]!.length });
      }
      at += item.length + 1;
    }
  }
  spans.push(
    ...captured(normalized, CASE_OF, (word) => COMMON_FAMILY_NAMES.has(word) && !PLACE_FAMILY_NAMES.has(word)),
    // A known family name of two or three characters, then a given name of one to three.
    ...captured(normalized, FILE_NAME_PART, (part) =>
      [2, 3].some((n) => part.length - n >= 1 && part.length - n <= 3 && familyName(part.slice(0, n))),
    ),
    ...captured(normalized, KIN_GIVEN_NAME_AGE),
    ...captured(normalized, SIGNED_ABOVE_MAIL, (name) => !hasNotPersonWord(name)),
  );
  return spans;
}
