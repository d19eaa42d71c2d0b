/**
 * Long questions as staff type them carry words no FAQ is written with: greetings and apologies
 * (「お疲れ様です」「すみません」「よろしくお願いします」), when it happened (「さきほど」「今朝から」
 * 「昨日の夕方に」「来週から」), how it happened (「うっかり」「急に」) and rough figures (「5回くらい」「1時間ほど」
 * 「10時ごろ」), and the date it happens (「4月から」「4月1日に」). Words an index does not know count fully against the share of the question an FAQ
 * covers, so a right FAQ looks unsure. These general phrases of written Japanese are dropped before the
 * search; the rest of the question (its subject and what went wrong) is kept. Exact figures
 * (「20MB」「5回連続」) stay: only figures hedged with くらい / ほど / ごろ… are context.
 * Applied to normalised text (NFKC, lower case).
 */

/** Greetings, apologies and closing formulas, with the punctuation after them. */
const GREETING =
  /(いつも)?(お疲れ(様|さま)です|おつかれさまです|お世話にな(っております|ります)|すみません(が)?|すいません(が)?|恐れ入ります(が)?|失礼(いた)?します|こんにちは|おはようございます|お忙しいところ(申し訳ありませんが|恐縮ですが|すみませんが)?|申し訳(ありません|ございません)が|(どうぞ)?よろしくお願い(いた)?します|ありがとうございます)[、。,.!！\s]*/g;

/** When it happened: a day or moment, with its particle (今日中, 今月末 are deadlines and stay). */
const WHEN =
  /(今朝|朝(?=から)|昨日|明日|あした|来週|来月|今週|今月|きのう|今日|きょう|先週|先月|昨晩|昨夜|さっき|さきほど|先ほど|先程)(?![中末内])(の(朝|昼|夕方|午前中?|午後|夜))?(から|まで|に)?(は)?[、,]?/g;

/** How it happened: adverbs of manner and hedges (〜っぽい, 〜みたい) that no FAQ is written with. */
const MANNER =
  /(うっかり|なんか(?![いげ])|ちょっと|とりあえず|いきなり|突然|(?<![緊至早特])急に|普通に)[、,]?|っぽい|(?<=[たいるだ])みたい(です|だ)?(?=[。、,?？]|$)/g;

/**
 * A hedged figure: 5回くらい, 1時間ほど, 10時ごろ, 3日前後, 何回か. 何日くらい and 何時ごろ are what is asked, and stay.
 */
const ROUGH_FIGURE =
  /何(回|度)か(?!か)[、,]?|(\d+(\.\d+)?)\s*(回|時間|分|秒|日|週間|か月|ヶ月|カ月|年|人|件|枚|個|台|時)?(くらい|ぐらい|ほど|程度|ごろ|頃|前後)(で|に|から|も)?[、,]?/g;

/** A calendar date as context: 4月から, 4月1日に (what happens then is the question; 3日以上 is a fact). */
const DATE = /\d{1,2}月(\d{1,2}日)?(から|に|まで|の)(は)?[、,]?/g;

/** The question without small talk; the question itself when nothing else would remain. */
export function dropSmallTalk(text: string): string {
  const stripped = text
    .replace(GREETING, '')
    .replace(WHEN, '')
    .replace(MANNER, '')
    .replace(ROUGH_FIGURE, '')
    .replace(DATE, '')
    .trim();
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : text;
}
