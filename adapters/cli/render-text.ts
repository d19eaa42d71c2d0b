/** Renders a BotReply as plain text with numbered choices (terminal; also fits text-only chats). */
import type { BotReply } from '../../conversations';
import { CLI_MESSAGES } from './messages';

/** Plain-text rendering of a reply. */
export function renderText(reply: BotReply): string {
  const lines = [reply.text];
  if (reply.outcome === 'answered' && reply.sources.length) {
    lines.push('', CLI_MESSAGES.sources);
    reply.sources.forEach((s, i) => lines.push(`  [${i + 1}] ${s.title}${s.url ? ` <${s.url}>` : ''}`));
  }
  if (reply.choices.length) {
    lines.push('', CLI_MESSAGES.choices);
    reply.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  }
  if (reply.actions.length) lines.push('', CLI_MESSAGES.actionsHint);
  return lines.join('\n');
}
