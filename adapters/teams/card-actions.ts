/**
 * The data our Adaptive Card buttons carry, and parsing it back from either an `adaptiveCard/action`
 * invoke (Action.Execute) or a message `value` (Action.Submit from older clients).
 */
import { TICKET_PRIORITIES, type TicketPriority } from '../../tickets';

/** Verbs of our Action.Execute buttons; the same string is in `data.kotae` for Action.Submit fallbacks. */
export type CardVerb =
  | 'kotae.resolved'
  | 'kotae.not_resolved'
  | 'kotae.escalate'
  | 'kotae.choose'
  | 'kotae.submit_ticket'
  | 'kotae.ask_bot'
  | 'kotae.reopen';
const VERBS: readonly CardVerb[] = [
  'kotae.resolved',
  'kotae.not_resolved',
  'kotae.escalate',
  'kotae.choose',
  'kotae.submit_ticket',
  'kotae.ask_bot',
  'kotae.reopen',
];

/** `value` of 担当者に問い合わせる / submit buttons that open a new ticket beside the open one (別件). */
export const SEPARATE = 'separate';

/** What a pressed button asks the adapter to do. */
export type CardAction =
  | { kind: 'feedback'; conversationId: string; resolved: boolean; questionId?: string }
  | { kind: 'escalate_form'; conversationId: string; separate?: boolean }
  | { kind: 'choose'; conversationId: string; text: string; intent?: 'question' | 'reopen' }
  | {
      kind: 'submit_ticket';
      conversationId: string;
      category?: string;
      priority?: TicketPriority;
      details: string;
      separate?: boolean;
    };

/** Builds the `data` object of a button. Inputs of the card are merged into it by Teams. */
export function actionData(verb: CardVerb, conversationId: string, value?: string): Record<string, string> {
  return value === undefined ? { kotae: verb, conversationId } : { kotae: verb, conversationId, value };
}

function str(record: Record<string, unknown>, key: string): string | undefined {
  const v = record[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function isVerb(v: unknown): v is CardVerb {
  return typeof v === 'string' && (VERBS as readonly string[]).includes(v);
}

/**
 * Parses button data. `verb` is Action.Execute's verb (absent for Action.Submit); returns undefined for
 * data that is not ours (other apps' cards, refresh triggers, tampered payloads).
 */
export function parseCardAction(verb: string | undefined, data: unknown): CardAction | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const chosen = isVerb(verb) ? verb : isVerb(record.kotae) ? record.kotae : undefined;
  const conversationId = str(record, 'conversationId');
  if (!chosen || !conversationId) return undefined;
  switch (chosen) {
    case 'kotae.resolved':
    case 'kotae.not_resolved': {
      const questionId = str(record, 'questionId');
      const resolved = chosen === 'kotae.resolved';
      return questionId
        ? { kind: 'feedback', conversationId, resolved, questionId }
        : { kind: 'feedback', conversationId, resolved };
    }
    case 'kotae.escalate':
      return str(record, 'value') === SEPARATE
        ? { kind: 'escalate_form', conversationId, separate: true }
        : { kind: 'escalate_form', conversationId };
    case 'kotae.choose': {
      const text = str(record, 'value');
      return text ? { kind: 'choose', conversationId, text } : undefined;
    }
    case 'kotae.ask_bot':
    case 'kotae.reopen': {
      const text = str(record, 'value');
      const intent = chosen === 'kotae.reopen' ? 'reopen' : 'question';
      return text ? { kind: 'choose', conversationId, text, intent } : undefined;
    }
    case 'kotae.submit_ticket': {
      const urgency = str(record, 'urgency');
      const priority = TICKET_PRIORITIES.find((p) => p === urgency);
      return {
        kind: 'submit_ticket',
        conversationId,
        category: str(record, 'category'),
        priority,
        details: str(record, 'details') ?? '',
        ...(str(record, 'value') === SEPARATE ? { separate: true } : {}),
      };
    }
  }
}
