/**
 * Names of people in context: before an honorific (山田様, 佐藤 花子さん, スミス氏), after 氏名 /
 * 名前は / 申請者:, or before と申します. Words for roles and groups (お客様, 担当者さん, 皆さん,
 * ベンダーさん) are not names. Staff text without such context is left alone.
 */
import type { PiiSpan } from '../types';
import { hiraganaFamilyNameBefore, KNOWN_FAMILY_NAMES } from '../family-names';
import { notHiraganaGivenName, NOT_PERSON_WORDS, STAFF_AND_TRADES } from './not-person-words';
import { isCommonLatinName } from './given-names';

// CJK unified ideographs, extension A and the compatibility block (﨑 of 宮﨑, 髙 is unified).
const KANJI = /[一-龥㐀-䶿豈-﫿々ヶ]/;
const KATAKANA = /[ァ-ヶー・ｦ-ﾟ]/;
// A kanji right after 様 / 氏 / 君 / 殿 makes another word (様式, 氏名, 君主, 殿堂); after さん / くん / ちゃん it is
// the next word (大森さん不在, 田中さん宅, 山本さん本人).
// 様方: a household's name on an address (戸塚様方 大石 美紀 様).
const HONORIFIC = /(?:(?:様|氏|君|殿)(?![一-龥])|様(?=方)|さま|さー+ん|さん|くん|ちゃん|ｻﾝ|ｻﾏ|ﾁｬﾝ|ｸﾝ)/g;
/**
 * The kanji of common godan verbs in く (付く, 動く, 届く, 開く …) that are not also given names with くん (翔, 歩, 輝
 * are left out): 付くんだ is a verb and the explanatory ん.
 */
const VERB_KU = /^[付着届動開空書聞効利置行続引弾抜招描吹巻焼泣履敷咲乾傾叩働向解剥突頂省除磨裂嘆]$/;
/** Name characters stop at these (総務課の田中さん → 田中). */
const STOP_AFTER = /[課係部室局所庁社校院館署班会店所団隊省]/;
const NOT_NAMES = new Set([
  '皆',
  '客',
  '赤',
  '担当',
  '担当者',
  '職員',
  '業者',
  '利用者',
  '管理者',
  '相手',
  '先方',
  '上司',
  '部長',
  '課長',
  '係長',
  '神',
  '王',
  '奥',
  '親',
  '子',
  '姉',
  '兄',
  '弟',
  '妹',
  '母',
  '父',
  '長男',
  '長女',
  '次男',
  '次女',
  '三男',
  '三女',
  '夫',
  '妻',
  '祖父',
  '祖母',
  '孫',
  '配偶者',
  '世帯員',
  '娘',
  '息子',
  '各位',
  '関係者',
  '申請者',
  '依頼者',
  '問合者',
  '本人',
  '家族',
  '住民',
  '市民',
  '区民',
  '町民',
  '村民',
  '県民',
  '委託先',
  '同僚',
  '後輩',
  '先輩',
  '他',
  '誰',
  '何',
  '貴',
  '皆々',
  '患者',
  '苦労',
  'ご苦労',
  '馳走',
  'お疲れ',
  '疲れ',
  'お客',
  '本部',
  '事務局',
  '窓口',
  '受付',
  '新人',
  '派遣',
  '協力会社',
  '保守',
  'ベンダー',
  'メーカー',
  'ユーザー',
  'サポート',
  'ヘルプデスク',
  'システム',
  'サーバー',
  'サーバ',
  'オペレーター',
  'スタッフ',
  'リーダー',
  'マネージャー',
  'ゲスト',
  'パートナー',
  'ドライバー',
  'プリンター',
  'デスク',
  'センター',
  'チーム',
  'クライアント',
  ...STAFF_AND_TRADES,
  // Vendors staff call さん (マイクロソフトさん, 富士通さんの保守).
  'マイクロソフト',
  '富士通',
  '日立',
  '東芝',
  '日本電気',
  'キヤノン',
  'リコー',
  'エプソン',
  'シャープ',
  'デル',
  'レノボ',
  'グーグル',
  'アマゾン',
  'ソフトバンク',
  'ドコモ',
  '大塚商会',
  '日立システムズ',
  '富士フイルム',
  'アップル',
  'シスコ',
  // Form words after 氏名 / 名前 (氏名欄, 名前は未入力).
  '欄',
  '未入力',
  '空白',
  '不明',
  '未定',
  '未記入',
  'なし',
  '必須',
  '任意',
  '変更',
  '入力',
  '登録',
  '表示',
  // Column headers after 氏名 in a pasted header row (No 氏名 年齢 生年月日).
  '年齢',
  '学年',
  '匿名',
  '匿名希望',
  '非公開',
  '不詳',
  '性別',
  '所属',
  '住所',
  '生年月日',
  '電話',
  '電話番号',
  '備考',
  '区分',
  '続柄',
  'カナ',
  'フリガナ',
  // Placeholders and parties that are not people (氏名欄に「テスト」, 名義：法人).
  'テスト',
  'サンプル',
  'ダミー',
  '法人',
  '個人',
  '代理人',
  '団体',
  // What a field is said to be, not who (口座名義人が不正です, 氏名が不一致).
  '不正',
  '不一致',
  '無効',
  '誤り',
  '間違い',
  '別人',
  '本人',
  '同一',
  '空欄',
  '空白',
  '未入力',
  // People by their situation before さん (妊婦さん, 患者さん).
  '妊婦',
  '患者',
  '利用者',
  '相談者',
  '住民',
  '市民',
]);
// Roles, groups, offices and businesses (印刷所様, 長谷川工務店さん), forms (変更届).
const NOT_NAME_ENDINGS =
  /(?:者|員|長|課|係|部|室|局|先|方|側|達|たち|ら|共|家|屋|官|師|士|届|書|店|社|所|院|館|園|堂|場|会|組|番号|コード|年月日|年度)$/;
/**
 * A verb or copula ending: 文字化けします, 違います, 更新されると, 載せず after a label is a sentence, not a name.
 * (Not ると or ず alone: はると and かず are given names.)
 */
const VERB_ENDING =
  /(?:ます|ません|ました|します|した|して|する|される|ない|です|でした|れる|せる|けど|けれど|ので|のに|たら|れば|って|てる|ている|った|んだ|なる|なった|れると|すると|せず|れず|らず)$/;
/** Labels of a form's or a message's parties: a name follows only after a colon or a space (担当：井上, not 担当が「各種申請」). */
const PARTY_LABEL =
  /^(?:差出人|送信者|報告者|起票者|承認者|作成者|記入者|筆頭者|世帯主|保護者|児童名|受給者|届出人|代理人?)/;

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
      (KANJI.test(text[i - 2] ?? '') || KATAKANA.test(text[i - 2] ?? ''))
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

/** A word ending like a role, an office or a business (印刷所, 工務店), unless it is a listed family name (土屋, 阿部, 渡部). */
function endsLikeNoName(word: string): boolean {
  return NOT_NAME_ENDINGS.test(word) && !KNOWN_FAMILY_NAMES.has(word);
}

function isName(word: string): boolean {
  const bare = word.replace(/^[・ ]+|[・ ]+$/g, '');
  if (bare.length < 2 && !KANJI.test(bare)) return false;
  return bare.length > 0 && !NOT_NAMES.has(bare) && !endsLikeNoName(bare);
}

/** Words ending in 様/氏/殿 that are not names (仕様, 同様, 両氏, 御殿, ご苦労様). */
const NOT_BEFORE_HONORIFIC = /(?:^|[^一-龥])?[仕同多模異今王神皆客各両諸宮御苦走]$/;

function fitsHonorific(word: string, honorific: string): boolean {
  if (NOT_BEFORE_HONORIFIC.test(word)) return false;
  if (/^[様殿氏君]$/.test(honorific) && word.length < 2) return false;
  return true;
}

/**
 * A label, then the name: 氏名 / 名前 (also with カナ: 氏名カナ, 氏名ｶﾅ), the applicant's and the account
 * holder's (名義, 口座名義), then は / が / : / = or a space — or the form's field with the name quoted
 * (氏名欄に「わたなべ さくら」). Names in kanji, katakana (also half-width), or hiragana.
 */
const LABELLED =
  /(?:氏名|お名前|名前|お?なまえ|申請者|依頼者|利用者名|使用者|借用者|契約者|フリガナ|ふりがな|口座名義人?|名義人?|差出人|送信者|報告者|起票者|承認者|作成者|記入者|筆頭者|世帯主|保護者|児童名|受給者|届出人|代理人?|相談者|申出人|開催者|該当者|納税義務者|世帯員|対象者|対象児|来庁者|入居者|滞納者|予約者|寄附者|寄付者|転入者|転出者|申込者|当番|かけてきた人|相手方|申告者|届出者|通報者|発信者|投稿者|名札|通称|旧姓|新姓|筆頭者|配偶者|[（(](?:姓|名|セイ|メイ)[）)]|(?<=^|\n[ \t]*|[（(、,][ \t]*)(?:姓|名|セイ|メイ)(?=[ \t]*:)|Name|Full name)(?:カナ|ｶﾅ|\((?:カタカナ|カナ|ｶﾅ)\)|（(?:カタカナ|カナ|ｶﾅ)）)?名?(?:[ \t]*(?:は|が|:|=)[ \t]*|欄[ \t]*:[ \t]*| +|欄?(?:に|へ|は|:)?[ \t]*(?=「)|[（(](?=[ァ-ヶー]{2,8}[・ ][ァ-ヶー])|(?=[ｦ-ﾟ]{2}))(?:(?:長男|長女|次男|次女|夫|妻|父|母|祖父|祖母|子|孫|兄|姉|弟|妹)[ \t]+)?「?((?:[一-龥㐀-䶿豈-﫿々ヶ]{1,4}[ぁ-ん]{2,4}(?=[ \t\n/、。,)」]|$)|[一-龥㐀-䶿豈-﫿々ヶ]{1,5}(?![ァ-ヶーｦ-ﾟ])|[ァ-ヶー]{2,8}(?:[・ ][ァ-ヶー]{1,8}){0,2}(?= *[\t\n、。,)）」（(]| {2}|$)|[ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){0,3}|[ｦ-ﾟ]{2,10}(?:[ \t][ｦ-ﾟ]{1,10}){0,2}(?![ｦ-ﾟ])|[ぁ-ん]{2,6}|(?:[A-Z][A-Za-z'’-]+|[A-Z]{2,})(?:,? [A-Z][A-Za-z'’-]+){1,3}(?=[ \t\n/、。,.)）」（(]|$))(?:[ \t](?:[ァ-ヶーぁ-ん]{1,4}[子江代枝美恵]|[一-龥㐀-䶿豈-﫿々ヶ]{1,5}|[ァ-ヶー]{2,8}|[ｦ-ﾟ]{2,10}|[ぁ-ん]{2,6}))?)/dg;
/**
 * A family member's line of a form or a note, the relation then a colon (妻：藤本 真由美, 子:フジモト ソウタ): a full
 * name — kanji with a space, or katakana (also half-width) in two parts.
 */
const KIN_LABELLED =
  /(?<![一-龥ぁ-んァ-ヶー])(?:妻|夫|父|母|子|長男|長女|次男|次女|三男|三女|祖父|祖母|孫|兄|姉|弟|妹|配偶者)[ \t]*:[ \t]*([一-龥々ヶ]{1,4}[ \t][一-龥々ヶぁ-ん]{1,5}|[ァ-ヶー]{2,8}[ \t][ァ-ヶー]{2,8}|[ｦ-ﾟ]{2,10}[ \t][ｦ-ﾟ]{2,10})(?![一-龥ぁ-んァ-ヶーｦ-ﾟ])/dg;
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

/** A name introduced by the writer (私は たかはし みゆき です), or quoted before 名義 / 様 (「木村 さくら」名義). */
const NAME_WORD = '(?:[一-龥㐀-䶿豈-﫿々ヶ]{1,5}|[ァ-ヶー]{2,8}|[ぁ-ん]{2,6})';
const SELF_NAMED = new RegExp(
  `(?:私は|わたしは|わたくしは|こちらは)[ \\t]*(${NAME_WORD}(?:[ \\t]${NAME_WORD})?)[ \\t]*(?=です|と申します|といいます)`,
  'dg',
);
/** A name in Latin letters introducing the writer in Japanese (国際交流協会の Anna Kowalski です). */
const LATIN_SELF_NAMED =
  /(?<![A-Za-z'’-])((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+)[ \t]*(?=です|と申します|といいます)/dg;
const QUOTED_BEFORE = new RegExp(`「(${NAME_WORD}(?:[ \\t]${NAME_WORD})?)」(?=名義|様|さん|宛|氏)`, 'dg');

/**
 * A foreign name in katakana, its parts joined by ・ (グエン・ヴァン・ナム), as a person: before brackets that
 * say who it is (（技能実習生、1999年10月2日生）, （英語指導）, （28歳）), or after a staff word and a space
 * (任用職員 ハンナ・シュミット). Products and companies written so (マイクロソフト・チームズ) have neither.
 */
const FOREIGN_DOTTED =
  /(?<![ァ-ヶー・])([ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})(?=[（(][^）)\n]{0,30}?(?:生[）)、,]|歳|実習生|研修生|留学生|指導|講師|助手|国籍|出身))/dgu;
const FOREIGN_AFTER_STAFF =
  /(?:職員|実習生|研修生|留学生|講師|助手|ALT|CIR)[ \t]+([ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){1,3})(?![ァ-ヶー・])/dgu;

const MENTION = /(?<![\w@])@([一-龥々ヶ]{1,4}(?: [一-龥々ヶぁ-んァ-ヶー]{1,5})?)(?= |さん|様|$|[、。,\n])/gu;

/** What may follow a name given after は / が: the end, punctuation, です, an honorific, と, a bracket. */
const STANDS_ALONE = /^(?:$|[ \t\n、。,.!?！？)）」』]|です|でした|さん|様|氏|と(?![ぁ-ん])|や|\()/u;
const SELF_INTRO =
  /((?:[一-龥㐀-䶿豈-﫿々ヶ]{1,5})(?:[ \t][一-龥㐀-䶿豈-﫿々ヶ]{1,5})?)(?:と申します|と言います|といいます|っていいます|って言います)/dg;

/** Finds names of people in context. */
export function detectPersonName(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of normalized.matchAll(HONORIFIC)) {
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
  for (const re of [FOREIGN_DOTTED, FOREIGN_AFTER_STAFF]) {
    for (const m of normalized.matchAll(re)) {
      const at = m.indices?.[1];
      if (at) spans.push({ type: 'person_name', start: at[0], end: at[1] });
    }
  }
  for (const re of [LABELLED, SELF_INTRO, SELF_NAMED, QUOTED_BEFORE, KIN_LABELLED]) {
    for (const m of normalized.matchAll(re)) {
      const at = m.indices?.[1];
      const word = m[1] ?? '';
      const trimmed = word.replace(/[ \t]*(?:です|でした|さん|様)$/, '');
      // A family and a given name: the endings of role words (者, 員, ら …) are checked on the family
      // name only (わたなべ さくら).
      const family = /^(\S+)[ \t]\S+$/.exec(trimmed)?.[1];
      // One character after a label (名前が違う → 違) is a word of the sentence, not a name.
      if (!at || NOT_NAMES.has(word) || trimmed.length < 2 || VERB_ENDING.test(trimmed)) continue;
      if (!isName(family ?? trimmed)) continue;
      // After は / が the value must stand alone (氏名は山田太郎です): 氏名が途中で切れる, ふりがなが二重に,
      // 氏名がローマ字欄 go on with the sentence.
      const loose = re === LABELLED && /[はが][ \t]*「?$/.test(normalized.slice(0, at[0]));
      if (loose && PARTY_LABEL.test(normalized.slice(m.index, at[0]))) continue;
      if (loose && !STANDS_ALONE.test(normalized.slice(at[0] + trimmed.length))) continue;
      spans.push({ type: 'person_name', start: at[0], end: at[0] + trimmed.length });
    }
  }
  return spans;
}
