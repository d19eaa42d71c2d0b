/**
 * Question text from a LoGoチャット message: the 1:1 name prefix direct-js adds and mentions of
 * the bot are removed; raw mention markup `{@:<userId>,<length>}@Name` (relay mode) becomes `@Name`.
 */
import { cleanUserText } from '../../privacy';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Strips the pair-talk prefix direct-js adds (`"<bot name> "`). */
export function stripPairPrefix(content: string, botName: string): string {
  return content.startsWith(`${botName} `) ? content.slice(botName.length + 1) : content;
}

/**
 * The question in a message: mention markup resolved, the bot's own mentions and @ALL removed, control and
 * zero-width characters dropped, spaces tidied ('' when the message has no words).
 */
export function questionText(content: string, bot: { name: string; userId?: string }): string {
  let out = '';
  let rest = content;
  const markup = /\{@:([^,}]+),(\d+)\}/;
  for (let m = markup.exec(rest); m; m = markup.exec(rest)) {
    out += rest.slice(0, m.index);
    const visible = rest.slice(m.index + m[0].length, m.index + m[0].length + Number(m[2]));
    const toBot = (bot.userId !== undefined && m[1] === bot.userId) || visible === `@${bot.name}`;
    out += toBot || m[1] === 'ALL' ? ' ' : visible;
    rest = rest.slice(m.index + m[0].length + visible.length);
  }
  out = cleanUserText(out + rest);
  out = out.replace(new RegExp(`@(?:${escapeRegExp(bot.name)}|ALL)(?=\\s|$)`, 'g'), ' ');
  return out.replace(/[ \t\u3000]+/g, ' ').trim();
}
