/**
 * A typed reply to the bot's own answer (「こちらの回答でよろしいでしょうか」): はい / 解決しました as the 解決した
 * button, いいえ / 違います as 解決しない. Only whole short messages match (「はい、でもスマホでは？」 is a question), and
 * only right after an answer or a proposal (rightAfterAnswer).
 */
import type { ConversationStore } from '../conversations';
import { FOLLOW_UP_WINDOW_MS } from './follow-up';

const YES =
  'はい|はーい|ええ|うん|yes|ok|okay|オッケー|おっけー|大丈夫(?:です|でした)?|それです|これです|そうです|そのとおりです|解決(?:しました|した|です)?|できました|直りました|なおりました|治りました|つながりました|繋がりました|使えました|助かりました|ありがとう(?:ございます|ございました)?|了解(?:です|しました)?|わかりました|分かりました';
const NO =
  'いいえ|いや|いえ|no|違います|ちがいます|違う|ちがう|違いました|違うようです|だめ(?:でした|です|だった)?|ダメ(?:でした|です|だった)?|解決しない|解決しません(?:でした)?|直りません(?:でした)?|なおりません(?:でした)?|できません(?:でした)?|つながりません(?:でした)?|使えません(?:でした)?|違う内容です|知りたいのはそれではありません';
const YES_ONLY = new RegExp(`^(?:${YES})+$`);
const NO_ONLY = new RegExp(`^(?:${NO})+$`);

/** 'yes' or 'no' for a whole-message reply to an answer, undefined for anything else. */
export function answerReplyOf(text: string): 'yes' | 'no' | undefined {
  const compact = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}〜]+/gu, '')
    .trim();
  if (!compact || compact.length > 30) return undefined;
  if (NO_ONLY.test(compact)) return 'no';
  if (YES_ONLY.test(compact)) return 'yes';
  return undefined;
}

/**
 * Whether the conversation's last line is the bot's answer or proposal to its latest question, asked within the
 * follow-up window: nothing said since (a reply after the 解決した button is small talk again).
 */
export async function rightAfterAnswer(
  conversations: Pick<ConversationStore, 'lastQuestion' | 'transcript'>,
  conversationId: string,
  now: Date,
): Promise<boolean> {
  const [last, transcript] = await Promise.all([
    conversations.lastQuestion(conversationId),
    conversations.transcript(conversationId),
  ]);
  const line = transcript.at(-1);
  return (
    last !== undefined &&
    (last.outcome === 'answered' || last.outcome === 'tentative') &&
    now.getTime() - last.askedAt.getTime() <= FOLLOW_UP_WINDOW_MS &&
    line?.role === 'bot' &&
    line.text === last.answer
  );
}
