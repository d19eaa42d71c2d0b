/**
 * Renders a channel-neutral BotReply as LoGoチャット messages: text with the sources (titles and
 * URLs, split at 1,024 characters on line breaks), candidates and actions as a select stamp
 * (≤ 9 options of ≤ 64 characters, else a numbered list) and 「解決しましたか？」 as a yes/no stamp.
 */
import type { BotReply, StampOption } from '../../conversations';
import { LOGO_MESSAGES as M } from './messages';

/** Longest text message direct accepts. */
export const MAX_TEXT = 1024;
/** Select stamp limits of direct. */
export const MAX_OPTIONS = 9;
export const MAX_OPTION_CHARS = 64;

/** What picking an option does (kept with an open stamp). Unknown action kinds pass through as they come from the core. */
export type LogoOption = StampOption;

/** One message to post. */
export type OutgoingPart =
  | { kind: 'text'; text: string }
  | { kind: 'select'; question: string; options: LogoOption[] }
  | { kind: 'numbered'; text: string; options: LogoOption[] }
  | { kind: 'yesno'; question: string };

const FEEDBACK_ACTIONS = new Set(['resolved', 'not_resolved']);

/** The messages for one reply, in posting order. */
export function renderReply(reply: BotReply): OutgoingPart[] {
  const parts: OutgoingPart[] = splitText(withSources(reply)).map((text) => ({ kind: 'text', text }));
  const actions = reply.actions as readonly string[];
  const feedback = actions.some((a) => FEEDBACK_ACTIONS.has(a));
  // With the yes/no stamp, 担当者に問い合わせる follows a いいえ (the feedback reply offers it).
  const options: LogoOption[] = [
    ...reply.choices.map((c): LogoOption => ({ kind: 'choice', label: c.label, value: c.value })),
    ...actions
      .filter((a) => !FEEDBACK_ACTIONS.has(a) && !(feedback && a === 'escalate'))
      .map((a): LogoOption => {
        const option: LogoOption = { kind: 'action', label: M.actionLabels[a] ?? a, action: a };
        // ボットに質問する / 再開して追記する carry the message the core held back.
        return (a === 'ask_bot' || a === 'reopen') && reply.pendingText
          ? { ...option, value: reply.pendingText }
          : option;
      }),
  ];
  if (options.length > 0) {
    const question =
      reply.choices.length === 0 ? M.pickAction : reply.outcome === 'tentative' ? M.pickOtherChoice : M.pickChoice;
    const fits = options.length <= MAX_OPTIONS && options.every((o) => o.label.length <= MAX_OPTION_CHARS);
    if (fits) parts.push({ kind: 'select', question, options });
    else {
      const lines = [question, ...options.map((o, i) => `${i + 1}. ${o.label}`), M.numberedHint];
      for (const text of splitText(lines.join('\n'))) parts.push({ kind: 'numbered', text, options });
    }
  }
  if (feedback) parts.push({ kind: 'yesno', question: M.resolvedQuestion });
  return parts;
}

function withSources(reply: BotReply): string {
  if (reply.sources.length === 0) return reply.text;
  const lines = reply.sources.map((s) => (s.url ? `・${s.title}\n  ${s.url}` : `・${s.title}`));
  return `${reply.text}\n\n${M.sourcesHeading}\n${lines.join('\n')}`;
}

/** Splits text into messages of ≤ 1,024 characters, at line breaks where possible. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of chunk(line, max)) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= max) current = joined;
      else {
        if (current) out.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) out.push(current);
  return out;
}

/** A line longer than a whole message is cut (by code points, never inside a surrogate pair). */
function chunk(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  let piece = '';
  for (const ch of line) {
    if (piece.length + ch.length > max) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  pieces.push(piece);
  return pieces;
}
