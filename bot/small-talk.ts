/**
 * Greetings, thanks and "what can you do?" said to the bot: answered with a short reply instead of
 * a knowledge-base search (which would find nothing and count as an unanswered question in the
 * reports). Only whole messages match: 「こんにちは、VPNにつながりません」 is a question.
 */

/** What a small-talk message is. */
export type SmallTalk = 'greeting' | 'thanks' | 'help';

// What may follow a greeting: a name (ASCII, e.g. the bot's display name) with an honorific.
const ADDRESS = '(?:[a-z0-9 ]{0,40}|kotae|こたえ|答え)?(?:さん|くん|様)?';
const THANKS =
  '(?:どうも)?ありがとう(?:ございます|ございました)?|助かりました|解決しました|了解(?:しました)?|わかりました|分かりました|thanks?(?: you)?|thx|ok|okay';
const PATTERNS: readonly [SmallTalk, RegExp][] = [
  [
    'greeting',
    new RegExp(
      `^(?:こんにち[はわ]|こんばん[はわ]|おはよう(?:ございます)?|はじめまして|お疲れ様です|おつかれさまです|お世話になっております|よろしく(?:お願い(?:します|いたします))?|hello|hi|hey|good (?:morning|afternoon|evening))${ADDRESS}$`,
    ),
  ],
  ['thanks', new RegExp(`^(?:${THANKS})(?: ?(?:${THANKS}))*$`)],
  [
    'help',
    /^(?:help|ヘルプ|(?:使い方|使いかた)(?:を)?(?:教えて(?:ください)?)?|何ができますか|なにができますか|何ができるの|何を聞けばいいですか|どう使えばいいですか)$/,
  ],
];

/** The kind of small talk `text` is, or undefined for anything else (a question). */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}ー〜]+$/u, '')
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .replace(/[、,!！。.\s]+/g, ' ')
    .trim();
  if (!normalized || normalized.length > 60) return undefined;
  const compact = normalized.replace(/ (?=[^a-z0-9])|(?<=[^a-z0-9 ]) /g, '');
  return PATTERNS.find(([, re]) => re.test(compact))?.[0];
}
