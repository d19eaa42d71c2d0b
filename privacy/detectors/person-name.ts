/**
 * Names of people in context: before an honorific (山田様, 佐藤 花子さん, スミス氏), after 氏名 /
 * 名前は / 申請者:, or before と申します. Words for roles and groups (お客様, 担当者さん, 皆さん,
 * ベンダーさん) are not names. Staff text without such context is left alone. Names after a label or in a
 * self-introduction, and the word tests shared by both, are in labelled-names.ts.
 */
import type { PiiSpan } from '../types';
import { hiraganaFamilyNameBefore } from '../family-names';
import { notHiraganaGivenName, NOT_PERSON_WORDS } from './not-person-words';
import { isCommonLatinName } from './given-names';
import { detectLabelledNames, endsLikeNoName, isName, NOT_NAMES, VERB_ENDING } from './labelled-names';

// CJK unified ideographs, extension A and the compatibility block (﨑 of 宮﨑, 髙 is unified).
const KANJI = /[一-龥㐀-䶿豈-﫿々ヶ]/;
const KATAKANA = /[ァ-ヶー・ｦ-ﾟ]/;
// A kanji right after 様 / 氏 / 君 / 殿 makes another word (様式, 氏名, 君主, 殿堂); after さん / くん / ちゃん it is
// the next word (大森さん不在, 田中さん宅, 山本さん本人).
// 様方 / 様宅: a household's name on an address, its home (戸塚様方 大石 美紀 様, お客様 宇佐川 様宅).
const HONORIFIC = /(?:(?:様|氏|君|殿)(?![一-龥])|様(?=方|宅)|さま|さー+ん|さん|くん|ちゃん|ｻﾝ|ｻﾏ|ﾁｬﾝ|ｸﾝ)/g;
/**
 * The kanji of common godan verbs in く (付く, 動く, 届く, 開く …) that are not also given names with くん (翔, 歩, 輝
 * are left out): 付くんだ is a verb and the explanatory ん.
 */
const VERB_KU = /^[付着届動開空書聞効利置行続引弾抜招描吹巻焼泣履敷咲乾傾叩働向解剥突頂省除磨裂嘆]$/;
/** Name characters stop at these (総務課の田中さん → 田中; お客様 宇佐川 様宅 → 宇佐川: no name holds 様). */
const STOP_AFTER = /[課係部室局所庁社校院館署班会店所団隊省様]/;

/** A relation said in one kanji before a name (母 アニタ, 子 サムジャナ). */
const ONE_KANJI_RELATION = /^[子母父娘息妻夫兄姉弟妹孫嫁婿]$/;

function walkBack(text: string, end: number): number {
  let i = end;
  let kind: 'kanji' | 'katakana' | undefined;
  // Each ・ of a katakana name lends four letters (サントス・ダ・シルヴァ・ルーカス).
  let [spaces, dots] = [0, 0];
  while (i > 0 && end - i < 16 + 4 * dots) {
    const ch = text[i - 1] ?? '';
    const k = KANJI.test(ch) ? 'kanji' : KATAKANA.test(ch) ? 'katakana' : undefined;
    if (
      k &&
      (!kind || k === kind) &&
      !(k === 'kanji' && STOP_AFTER.test(ch) && i !== end) &&
      end - i < 12 + 4 * (spaces + dots)
    ) {
      kind = k;
      if (ch === '・') dots = Math.min(dots + 1, 3);
      i--;
      continue;
    }
    // One space between family and given name (佐藤 花子様); two in a katakana name of three parts
    // (ソウザ アナ パウラ様). A kanji family name may precede a katakana given name (藤井 ハル様), not the other way round.
    if (
      (ch === ' ' || ch === '\t') &&
      (spaces === 0 || (spaces === 1 && kind === 'katakana' && KATAKANA.test(text[i - 2] ?? ''))) &&
      kind &&
      i > 1 &&
      (KANJI.test(text[i - 2] ?? '') || KATAKANA.test(text[i - 2] ?? '')) &&
      // … but a foreign name of parts joined by ・, or a relation said in one kanji, is no family name's (籍 サントス・マリア,
      // 子 サムジャナ, 娘 アンジェラ; 鳳 ミツ and 堀 ハル are).
      !(
        kind === 'katakana' &&
        KANJI.test(text[i - 2] ?? '') &&
        ((!KANJI.test(text[i - 3] ?? '') && ONE_KANJI_RELATION.test(text[i - 2] ?? '')) ||
          text.slice(i, end).includes('・'))
      )
    ) {
      spaces++;
      if (kind === 'katakana' && KANJI.test(text[i - 2] ?? '') && !STOP_AFTER.test(text[i - 2] ?? '')) kind = 'kanji';
      i--;
      continue;
    }
    break;
  }
  return i;
}

/** Words ending in 様/氏/殿 that are not names (仕様, 同様, 両氏, 御殿, ご苦労様). */
const NOT_BEFORE_HONORIFIC = /(?:^|[^一-龥])?[仕同多模異今王神皆客各両諸宮御苦走]$/;

/**
 * … of them, the words any honorific makes (皆さん, お客さん); the others are words only with 様 / 氏 / 殿 (多様, 同様, 両氏), so
 * a name ending in their kanji keeps さん (宇喜多さん, 本多くん: session 36).
 */
const NOT_BEFORE_ANY_HONORIFIC = /[皆客各王神]$/;

function fitsHonorific(word: string, honorific: string): boolean {
  const formal = /^(?:様|氏|殿|さま)/.test(honorific);
  if ((formal ? NOT_BEFORE_HONORIFIC : NOT_BEFORE_ANY_HONORIFIC).test(word)) return false;
  if (/^[様殿氏君]$/.test(honorific) && word.length < 2) return false;
  return true;
}

/** The match when its word is a common given name or a family name written first (Lee, Nguyen, Maria); else null. */
function knownLatinName(m: RegExpExecArray | null): RegExpExecArray | null {
  return m && isCommonLatinName(m[1] ?? '') ? m : null;
}
/** Two to four capitalised Latin words, optionally closed by 」, right before an honorific. */
// Family name first with a comma, as rosters write it: SILVA OLIVEIRA, Ana Paula さん.
const LATIN_NAME = /(?<![A-Za-z'’.-])((?:[A-ZÀ-ỸĐ][A-Za-zÀ-ỹĐđ'’.-]+,? ){1,3}[A-ZÀ-ỸĐ][A-Za-zÀ-ỹĐđ'’.-]+)」?$/u;
/** A reading in brackets right before an honorific: （うえだ あゆみ）, (Nguyen Thi Hoa), （ﾀﾅｶ）. */
/** A name's reading: kana (also half-width) or Latin words, with spaces or ・ between them (also related-spans.ts). */
export const READING_WORDS = "[ァ-ヶーｦ-ﾟぁ-ゖ]+(?:[ \\t・][ァ-ヶーｦ-ﾟぁ-ゖ]+){0,3}|[A-Za-z'’-]+(?: [A-Za-z'’-]+){0,3}";
const BRACKETED_READING = new RegExp(`[ \\t]?[（(][ \\t]?(${READING_WORDS})[ \\t]?[）)]$`);
/**
 * A reading in brackets right after a name (related-spans.ts), maybe after the honorific (土屋 さん（ツチヤ ノリコ）) and a
 * reading's label (園児名：Santos Rafaela Midori（ふりがな：さんとす らふぁえら みどり）).
 */
export const READING_AFTER_NAME = new RegExp(
  `^[ \\t]?(?:さん|様|氏)?[（(][ \\t]?(?:(?:ふりがな|フリガナ|よみがな|読み)[:：][ \\t]?)?(${READING_WORDS})[ \\t]?[）)、,，]`,
);

/**
 * A role's or a way of working's word in brackets after a name, not its reading: a listed one (ベンダー, パート), or —
 * after a name in kanji — katakana with the long-vowel mark (山内（リモート）, 小川（サポーター）): a loanword, as a kanji
 * name's reading spells its long vowels with kana (サトウ, オオノ); nothing after a name in hiragana, which needs none.
 */
export function roleNotReading(reading: string, name: string): boolean {
  if (
    /^(?:ベンダー|メーカー|サポート|リーダー|マネージャー|パート|アルバイト|インターン|ヘルプデスク|オペレーター)$/.test(
      reading,
    )
  )
    return true;
  // A name already in hiragana needs no reading: kana in brackets after it is a note (しのはら（ひらがなのみ）).
  if (/^[ぁ-ゖ \t\u3000]+$/.test(name)) return true;
  return /[一-龥]/.test(name) && /^[ァ-ヶ]+ー[ァ-ヶー]*$/.test(reading);
}

/** A name in Latin letters introducing the writer in Japanese (国際交流協会の Anna Kowalski です). */
const LATIN_SELF_NAMED =
  /(?<![A-Za-z'’-])((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+)[ \t]*(?=です|と申します|といいます)/dg;

/**
 * A foreign name in katakana, its parts joined by ・ (グエン・ヴァン・ナム), as a person: before brackets that
 * say who it is (（技能実習生、1999年10月2日生）, （英語指導）, （28歳）), after a staff word and a space
 * (任用職員 ハンナ・シュミット), or before 先生. Products and companies written so (マイクロソフト・チームズ) have neither.
 */
const FOREIGN_DOTTED =
  /(?<![ァ-ヶー・])([ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})(?=[（(][^）)\n]{0,30}?(?:生[）)、,]|歳|実習生|研修生|留学生|指導|講師|助手|国籍|出身))/dgu;
/** … or before 先生 or a teacher's post, maybe after a space (ジョンソン・マーク 先生の校務PC). */
const FOREIGN_BEFORE_TEACHER =
  /(?<![ァ-ヶー・])([ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})[ \t]?(?=先生|教諭|講師|校長|教頭)/dgu;
const FOREIGN_AFTER_STAFF =
  /(?:職員|実習生|研修生|留学生|講師|助手|ALT|CIR)[ \t]+([ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})(?![ァ-ヶー・])/dgu;

const MENTION = /(?<![\w@])@([一-龥々ヶ]{1,4}(?: [一-龥々ヶぁ-んァ-ヶー]{1,5})?)(?= |さん|様|$|[、。,\n])/gu;

/** Finds names of people in context. */
export function detectPersonName(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(HONORIFIC)) {
    // くん / ちゃん before a hiragana letter no particle or suffix opens is inside a word, as voice input writes 訓練
    // (ぼうさいくんれん, ひなんくんれん), not a name and くん.
    const after = normalized[m.index + m[0].length] ?? '';
    if (
      /^(?:くん|ちゃん)$/.test(m[0]) &&
      /[ぁ-ゖ]/.test(after) &&
      !/[がのにはをともへでやかよねなだじさらったまち]/.test(after)
    )
      continue;
    // 山口 さん: one space before the honorific.
    let end = normalized[m.index - 1] === ' ' ? m.index - 1 : m.index;
    // 上田 あゆみ（うえだ あゆみ）様: the name's reading in brackets between the name and the honorific.
    const reading = BRACKETED_READING.exec(normalized.slice(Math.max(0, end - 40), end));
    let readingSpan: PiiSpan | undefined;
    if (reading?.[1]) {
      const readingEnd = end - (reading[0].length - reading[0].indexOf(reading[1]) - reading[1].length);
      readingSpan = { type: 'person_name', start: readingEnd - reading[1].length, end: readingEnd };
      end -= reading[0].length;
    }
    const before = spans.length;
    const start = walkBack(normalized, end);
    let word = normalized.slice(start, end);
    let from = start;
    // A leading space the walk may have taken belongs to the sentence, not the name.
    while (word.startsWith(' ')) {
      word = word.slice(1);
      from++;
    }
    // Letters or digits right before it make it a company's name (NTT東日本さん, KDDI沖縄さん).
    const company = from > 0 && /[A-Za-z0-9&]/.test(normalized[from - 1] ?? '');
    // 付くんだっけ, 動くんですか, 届くんじゃ: a verb's く and the explanatory ん, not one kanji and くん.
    const verbKu =
      m[0] === 'くん' && VERB_KU.test(word.trim()) && /^(?:だ|で|じゃ|か)/.test(normalized.slice(m.index + 2));
    if (word && !company && !verbKu && isName(word.trim()) && fitsHonorific(word.trim(), m[0]))
      spans.push({ type: 'person_name', start: from, end: m.index });
    else if (!word) {
      // 新井 さとし様 (a kanji family name, a space, a hiragana given name), やまだ みく さん (both in hiragana).
      const kana = /(?:[一-龥㐀-䶿豈-﫿々ヶ]{1,4}|(?<![ぁ-ん])[ぁ-ん]{2,5}) ([ぁ-ん]{2,5})$/.exec(
        normalized.slice(Math.max(0, end - 12), end),
      );
      const family = kana?.[0].split(' ')[0] ?? '';
      // ゆいちゃん, そうたくん: a given name in hiragana, not a kin word (おばあちゃん) nor a quoted product (「あてなくん」).
      // がつくんだっけ, いくんですか: a verb's く and the explanatory ん, as after a kanji above.
      const child =
        /^(?:ちゃん|くん)$/.test(m[0]) && !(m[0] === 'くん' && /^(?:だ|で|じゃ)/.test(normalized.slice(m.index + 2)))
          ? /(?<![ぁ-ん「『"'])[ぁ-ん]{2,4}$/.exec(normalized.slice(0, end))
          : // 母のひとみさん: a hiragana given name after の.
            m[0] === 'さん'
            ? /(?<=[一-龥]の)[ぁ-ん]{2,4}$|(?<![^\s\p{P}\d])[ぁ-ん]{2,4}$/u.exec(normalized.slice(0, end))
            : // 住民 ふじさわ様: a name in hiragana set apart before 様, its kanji unknown to the writer — not the
              // manner (この様な, どの様に).
              m[0] === '様' && !/^[なにだで]/.test(normalized[m.index + 1] ?? '')
              ? /(?<![^\s\p{P}\d])[ぁ-ん]{2,5}$/u.exec(normalized.slice(0, end))
              : null;
      const hiragana = hiraganaFamilyNameBefore(normalized, end);
      if (kana && isName(family) && !VERB_ENDING.test(family))
        spans.push({ type: 'person_name', start: end - kana[0].length, end });
      else if (child) {
        // A particle before the name is the sentence's (職員のゆいちゃん → ゆい), not after a mark (者：はるとくん).
        const afterWord = /[一-龥ァ-ヶー]/.test(normalized[end - child[0].length - 1] ?? '');
        const given = child[0].length > 2 && afterWord ? child[0].replace(/^[のはがをにともへで]/, '') : child[0];
        // A katakana word or 場 after the honorific makes a place's name (さんさんタウン, すいさん場).
        const place = /[ァ-ヶ場]/.test(normalized[m.index + m[0].length] ?? '');
        if (!notHiraganaGivenName(given) && !place) spans.push({ type: 'person_name', start: end - given.length, end });
      } else if (hiragana > 0) {
        spans.push({ type: 'person_name', start: end - hiragana, end });
      } else {
        // A name in Latin letters, given and family name (and more), each capitalised: Patrick O'Brien さん,
        // 「Nguyen Van An」さん — not a product or vendor (Microsoft Teams).
        const latin =
          LATIN_NAME.exec(normalized.slice(Math.max(0, end - 60), end)) ??
          // Gabriel くん: one Latin given name before くん / ちゃん (not さん: Microsoftさん is a vendor).
          (/^(?:くん|ちゃん)$/.test(m[0])
            ? /(?<![A-Za-z'’.-])([A-Z][a-z]{2,})$/.exec(normalized.slice(0, end))
            : null) ??
          // Lee様, Garcia さん: one Latin word that is a common name, not a vendor's (Microsoftさん).
          knownLatinName(
            /(?<![A-Za-z'’.-])([A-Z][a-z]{1,14})[ \t]?$/.exec(normalized.slice(Math.max(0, end - 20), end)),
          );
        const words = latin?.[1]?.split(' ') ?? [];
        if (latin && !words.some((w) => NOT_PERSON_WORDS.has(w.toLowerCase())))
          spans.push({
            type: 'person_name',
            start: end - latin[0].length,
            end: end - latin[0].length + latin[1]!.length,
          });
      }
    }
    // The reading is a name's only when the name before it is one.
    if (readingSpan && spans.length > before) spans.push(readingSpan);
  }
  // A mention in a chat is a person (@西川 夏美 さん, @中島), not a group (@情報政策課, @channel).
  for (const m of normalized.matchAll(MENTION)) {
    const name = m[1] ?? '';
    if (!endsLikeNoName(name.split(' ')[0] ?? '') && !NOT_NAMES.has(name))
      spans.push({ type: 'person_name', start: m.index + 1, end: m.index + 1 + name.length });
  }
  for (const m of normalized.matchAll(LATIN_SELF_NAMED)) {
    const at = m.indices?.[1];
    const words = (m[1] ?? '').split(' ');
    if (at && !words.some((w) => NOT_PERSON_WORDS.has(w.toLowerCase())))
      spans.push({ type: 'person_name', start: at[0], end: at[1] });
  }
  for (const re of [FOREIGN_DOTTED, FOREIGN_AFTER_STAFF, FOREIGN_BEFORE_TEACHER]) {
    for (const m of normalized.matchAll(re)) {
      const at = m.indices?.[1];
      if (at) spans.push({ type: 'person_name', start: at[0], end: at[1] });
    }
  }
  spans.push(...detectLabelledNames(normalized));
  return spans;
}
