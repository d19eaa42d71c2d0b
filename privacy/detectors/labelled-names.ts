/**
 * Names a label or the writer introduces (氏名：山田 太郎, 妻：藤本 真由美, 私は たかはし みゆき です, 佐藤と申します,
 * 「木村 さくら」名義), and the word tests every name rule of person-name.ts shares: roles, groups, offices and
 * businesses (担当者, 総務課, 印刷所) and sentences after a label (違います) are no names.
 */
import type { PiiSpan } from '../types';
import { KNOWN_FAMILY_NAMES } from '../family-names';
import { STAFF_AND_TRADES } from './not-person-words';

// CJK unified ideographs, extension A and the compatibility block (﨑 of 宮﨑, 髙 is unified).
const KANJI = /[一-龥㐀-䶿豈-﫿々ヶ]/;
export const NOT_NAMES = new Set([
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
  '嫁',
  '婿',
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
 * (Not ると or ず alone: はると and かず are given names; a kanji's okurigana before ず is a verb: 名前は言わず, 書かず;
 * so is すぎて / くて after a kanji: 氏名が長すぎて.)
 */
export const VERB_ENDING =
  /(?:ます|ません|ました|します|した|して|する|される|ない|です|でした|れる|せる|けど|けれど|ので|のに|たら|れば|って|てる|ている|った|んだ|なる|なった|れると|すると|せず|れず|らず|(?<=[一-龥])[わかさたなまがば]ず|(?<=[一-龥])(?:すぎ[てるた]?|くて))$/;
/** Labels of a form's or a message's parties: a name follows only after a colon or a space (担当：井上, not 担当が「各種申請」). */
const PARTY_LABEL =
  /^(?:差出人|送信者|報告者|起票者|承認者|作成者|記入者|筆頭者|世帯主|保護者|児童名|受給者|届出人|代理人?)/;

/** A word ending like a role, an office or a business (印刷所, 工務店), unless it is a listed family name (土屋, 阿部, 渡部). */
export function endsLikeNoName(word: string): boolean {
  return NOT_NAME_ENDINGS.test(word) && !KNOWN_FAMILY_NAMES.has(word);
}

/** A copula or a filler a speaker puts after 名前は before the name (名前はですね、あの、…). */
const FILLER = /^(?:です[ねがよ]?|でして|でございます|えーと|えっと|あのう?|まあ|その|ちょっと)$/;

/** A word that may be a name: not a listed role or group word, nor ending like one, nor a filler. */
export function isName(word: string): boolean {
  const bare = word.replace(/^[・ ]+|[・ ]+$/g, '');
  if ((bare.length < 2 && !KANJI.test(bare)) || FILLER.test(bare)) return false;
  return bare.length > 0 && !NOT_NAMES.has(bare) && !endsLikeNoName(bare);
}

/**
 * A label, then the name: 氏名 / 名前 (also with カナ: 氏名カナ, 氏名ｶﾅ), the applicant's and the account
 * holder's (名義, 口座名義), then は / が / : / = or a space — or the form's field with the name quoted
 * (氏名欄に「わたなべ さくら」). Names in kanji, katakana (also half-width), or hiragana — a hiragana full name typed
 * without a space up to nine letters when the word ends there (にしむらけんじ⏎, session 36; an OCR'd form spaces it out).
 */
const LABELLED =
  /(?:氏名|お名前|名前|お?なまえ|申請者|依頼者|利用者名|使用者|借用者|契約者|フリガナ|ふりがな|口座名義人?|名義人?|差出人|送信者|報告者|起票者|承認者|作成者|記入者|筆頭者|世帯主|保護者|児童名|受給者|届出人|代理人?|相談者|申出人|開催者|該当者|納税義務者|世帯員|対象者|対象児|来庁者|入居者|滞納者|予約者|寄附者|寄付者|転入者|転出者|申込者|当番|かけてきた人|相手方|申告者|届出者|通報者|傷病者|姓名|NAME|発信者|投稿者|名札|通称|旧姓|新姓|筆頭者|配偶者|誓約者|名字|苗字|[（(](?:姓|名|セイ|メイ)[）)]|(?<=^|\n[ \t]*|[（(、,][ \t]*)(?:姓|名|セイ|メイ)(?=[ \t]*:)|Name|Full name)(?:カナ|ｶﾅ|\((?:カタカナ|カナ|ｶﾅ)\)|（(?:カタカナ|カナ|ｶﾅ)）)?名?(?:(?:[はが]|[ \t]*[:=]|[ \t]+[はが](?=[ \t\u3000]))[ \t]*|欄[ \t]*:[ \t]*| +|欄?(?:に|へ|は|:)?[ \t]*(?=「)|[（(](?=[ァ-ヶー]{2,8}[・ ][ァ-ヶー])|(?=[ｦ-ﾟ]{2}))(?:(?:長男|長女|次男|次女|夫|妻|父|母|祖父|祖母|子|孫|兄|姉|弟|妹)[ \t]+)?「?((?:[一-龥㐀-䶿豈-﫿々ヶ]{1,4}[ぁ-ん]{2,4}(?=[ \t\n/、。,)」]|$)|[一-龥㐀-䶿豈-﫿々ヶ]{1,5}(?![ァ-ヶーｦ-ﾟ])|[ァ-ヶー]{2,8}(?:[・ ][ァ-ヶー]{1,8}){0,2}(?= *[\t\n、。,)）」（(]| {2}|$)|[ァ-ヶー]{2,8}(?:・[ァ-ヶー]{1,8}){0,3}|[ｦ-ﾟ]{2,10}(?:[ \t][ｦ-ﾟ]{1,10}){0,2}(?![ｦ-ﾟ])|[ぁ-ん]{2,6}(?:[ぁ-ん]{1,3}(?=[ \t\n、。,)）」]|$))?|(?:[A-Z][A-Za-z'’-]+|[A-Z]{2,})(?:,? [A-Z][A-Za-z'’-]+){1,3}(?=[ \t\n/、。,.)）」（(]|$))(?:[ \t](?:[ァ-ヶーぁ-ん]{1,4}[子江代枝美恵]|[一-龥㐀-䶿豈-﫿々ヶ]{1,5}|[ァ-ヶー]{2,8}|[ｦ-ﾟ]{2,10}|[ぁ-ん]{2,6}))?)/dg;
/**
 * A family member's line of a form or a note, the relation then a colon (妻：藤本 真由美, 子:フジモト ソウタ): a full
 * name — kanji with a space, or katakana (also half-width) in two parts.
 */
const KIN_LABELLED =
  /(?<![一-龥ぁ-んァ-ヶー])(?:妻|夫|父|母|子|長男|長女|次男|次女|三男|三女|祖父|祖母|孫|兄|姉|弟|妹|配偶者)[ \t]*:[ \t]*([一-龥々ヶ]{1,4}[ \t][一-龥々ヶぁ-ん]{1,5}|[ァ-ヶー]{2,8}[ \t][ァ-ヶー]{2,8}|[ｦ-ﾟ]{2,10}[ \t][ｦ-ﾟ]{2,10})(?![一-龥ぁ-んァ-ヶーｦ-ﾟ])/dg;
/** A name introduced by the writer (私は たかはし みゆき です), or quoted before 名義 / 様 (「木村 さくら」名義). */
const NAME_WORD = '(?:[一-龥㐀-䶿豈-﫿々ヶ]{1,5}|[ァ-ヶー]{2,8}|[ぁ-ん]{2,6})';
const SELF_NAMED = new RegExp(
  `(?:私は|わたしは|わたくしは|こちらは)[ \\t]*(${NAME_WORD}(?:[ \\t]${NAME_WORD})?)[ \\t]*(?=です|と申します|といいます)`,
  'dg',
);
const QUOTED_BEFORE = new RegExp(`「(${NAME_WORD}(?:[ \\t]${NAME_WORD})?)」(?=名義|様|さん|宛|氏)`, 'dg');

const POST_BEFORE_NAME =
  /^(?:教諭|教頭|校長|講師|主査|主任|主事|主幹|参事|係長|課長|部長|次長|室長|所長|局長|館長|班長|課長補佐|係員|技師)$/;
/** What may follow a name given after は / が: the end, punctuation, です, an honorific, と, a bracket. */
const STANDS_ALONE = /^(?:$|[ \t\n、。,.!?！？)）」』]|です|でした|さん|様|氏|と(?![ぁ-ん])|や|\()/u;
const SELF_INTRO =
  /((?:[一-龥㐀-䶿豈-﫿々ヶ]{1,5})(?:[ \t][一-龥㐀-䶿豈-﫿々ヶ]{1,5})?)(?:と申します|と言います|といいます|っていいます|って言います)/dg;

/** Finds names after a label, a family member's relation and a colon, or in the writer's self-introduction. */
export function detectLabelledNames(normalized: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
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
      // A longer word cut at the name's length is that word (報告者：選挙管理委員会 → 選挙管理委): an office's.
      const run = /^[一-龥々ヶ]+/.exec(normalized.slice(at[0]))?.[0] ?? '';
      if (run.length > trimmed.length && !family && endsLikeNoName(run)) continue;
      // A post before the name (送信者：教諭 藤堂 俊介) is no family name: the full name after it is found by its own rule.
      if (family && POST_BEFORE_NAME.test(family)) continue;
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
