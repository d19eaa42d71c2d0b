/**
 * The formatted body Teams attaches to a message (a `text/html` attachment): where a quoted reply shows what it
 * quotes, and the words when a client leaves `text` out. Teams marks a quoted message with a blockquote of item
 * type `http://schema.skype.com/Reply` (sender, time and a preview of the quoted text) and a mention with a span
 * of item type `http://schema.skype.com/Mention` (or `<at>`) around the name.
 */
import type { Activity } from '@microsoft/agents-activity';

const REPLY_QUOTE = /<blockquote\b[^>]*schema\.skype\.com\/Reply[^>]*>[\s\S]*?<\/blockquote>/gi;
const MENTION = /<(span|at)\b([^>]*)>([^<]*)<\/\1>/gi;

/** The message's formatted body (the first `text/html` attachment with string content), if any. */
export function formattedBody(activity: Activity): string | undefined {
  for (const a of activity.attachments ?? []) {
    if (a.contentType === 'text/html' && typeof a.content === 'string') return a.content;
  }
  return undefined;
}

/** The body without the messages it quotes (the same string when it quotes none). */
export function withoutQuotes(html: string): string {
  return html.includes('schema.skype.com/Reply') ? html.replace(REPLY_QUOTE, ' ') : html;
}

/** The body without the mentions of the bot (by the names it is mentioned by); other mentions keep their names. */
export function withoutBotMentions(html: string, names: readonly string[]): string {
  if (names.length === 0) return html;
  return html.replace(MENTION, (whole, tag: string, attributes: string, name: string) => {
    const isMention = tag.toLowerCase() === 'at' || attributes.includes('schema.skype.com/Mention');
    return isMention && names.includes(name.trim()) ? ' ' : whole;
  });
}
