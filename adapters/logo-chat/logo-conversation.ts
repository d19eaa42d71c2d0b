/**
 * The bot logic of LoGoチャット, whatever the transport: pair talks are answered, group talks only
 * when the bot is mentioned; every user text goes through Helpdesk.ask; stamp answers become
 * choices, feedback or escalation; replies are rendered generically (render.ts).
 * One staff member's messages are handled strictly in order.
 */
import { hasWords, InMemoryProcessedDeliveries, runTurn, type Helpdesk, type ProcessedDeliveries } from '../../bot';
import {
  type BotReply,
  type ConversationRecord,
  type ConversationStore,
  type OpenStampStore,
  type Requester,
} from '../../conversations';
import type { Logger } from '../../core';
import { parseRef, safeRef, toRequester, userKey, type LogoChannelRef } from './channel-ref';
import { claimWelcome } from './join-welcome';
import { KeyedQueue } from './keyed-queue';
import { questionText } from './mentions';
import { LOGO_MESSAGES as M } from './messages';
import { renderReply, type LogoOption } from './render';
import { answerMismatch } from './stamps';
import type { LogoEvent, LogoTalk, LogoTransport, LogoUser } from './transport';

/** What the LoGoチャット conversation needs. */
export interface LogoConversationDeps {
  helpdesk: Helpdesk;
  conversations: ConversationStore;
  /** Open stamps, numbered lists and details steps (the shared database): answered on any instance. */
  stamps: OpenStampStore;
  transport: LogoTransport;
  logger: Logger;
  botName: string;
  /** The bot's display name reported by the server, when known (stripped from mentions too). */
  botDisplayName?: () => string | undefined;
  /** Message ids handled by any instance (the shared database); in memory when absent. */
  processed?: ProcessedDeliveries;
  /** Epoch milliseconds (the window in which a repeated join gets no second welcome). */
  now?: () => number;
}

const DIGITS = /^[0-9０-９]{1,2}$/;
const MAX_AWAITING = 10_000;

/** Handles LoGoチャット events and proactive deliveries. */
export class LogoConversation {
  private readonly queue = new KeyedQueue();
  /** Messages already handled (talk + message id): a redelivery is answered once. */
  private readonly handled: ProcessedDeliveries;
  /** Talks whose answer could not be posted completely (the connection dropped). */
  private readonly interrupted = new Set<string>();

  constructor(private readonly deps: LogoConversationDeps) {
    this.handled = deps.processed ?? new InMemoryProcessedDeliveries();
  }

  /** Queues an event behind the same user's earlier ones; resolves when it has been answered. */
  async handle(event: LogoEvent): Promise<void> {
    if (isMembership(event)) return this.onMembership(event);
    const id = `logo-message:${event.talk.id}|${event.messageId}`;
    if (!(await this.handled.claim(id))) {
      this.deps.logger.info('logo: redelivered message ignored', { messageId: event.messageId, kind: event.kind });
      return;
    }
    try {
      await this.queue.run(userKey(event.talk, event.user), () => this.process(event));
    } catch (err) {
      // Not handled after all: a redelivery runs again.
      await this.handled.forget(id).catch(() => undefined);
      throw err;
    }
  }

  /** The connection is back: talks whose answer was cut short are asked to send their question again. */
  async connectionRestored(): Promise<void> {
    const talks = [...this.interrupted];
    this.interrupted.clear();
    for (const talkId of talks) {
      await this.deps.transport.sendText(talkId, M.interrupted).catch((err: unknown) => {
        this.interrupted.add(talkId);
        this.deps.logger.warn('logo: retry notice failed', { error: err instanceof Error ? err.message : String(err) });
      });
    }
  }

  /** Proactive reply (operator reply, status notice) into the requester's pair talk. */
  async deliver(conversation: ConversationRecord, reply: BotReply): Promise<void> {
    const ref = parseRef(conversation);
    let talkId = ref.pairTalkId;
    if (!talkId) {
      talkId = await this.deps.transport.openPairTalk(ref.domainId, ref.userId);
      await this.deps.conversations.touchConversation(conversation.id, {
        channelRef: JSON.stringify({ ...ref, pairTalkId: talkId } satisfies LogoChannelRef),
      });
    }
    await this.post(talkId, conversation.id, reply);
  }

  /**
   * Why an answer cannot be for the stamp it names (a yes/no answered with an index, a select with true or
   * false or an index beyond its options), as a Japanese message; undefined when it can, or when the stamp is
   * not open (then handling it tells the user politely that it expired).
   */
  async answerProblem(event: LogoEvent): Promise<string | undefined> {
    if (event.kind !== 'answer') return undefined;
    const stamp = await this.deps.stamps.stamp(event.inReplyTo);
    return stamp ? answerMismatch(stamp, event.response) : undefined;
  }

  private async onMembership(event: Membership): Promise<void> {
    const { logger, transport, helpdesk } = this.deps;
    logger.info(`logo: ${event.kind}`, { talkId: event.talk.id, talkType: event.talk.type });
    if (event.kind !== 'join' || event.talk.type !== 'pair') return;
    const now = this.deps.now ?? Date.now;
    const claim = await claimWelcome(this.handled, event.talk.id, event.user?.id, now());
    if (!claim) return logger.info('logo: repeated join: welcomed already', { talkId: event.talk.id });
    try {
      await transport.sendText(event.talk.id, helpdesk.welcome().text);
    } catch (err) {
      await claim.release();
      throw err;
    }
  }

  private async process(event: Exclude<LogoEvent, Membership>): Promise<void> {
    const group = event.talk.type === 'group';
    const key = userKey(event.talk, event.user);
    const { transport, logger, stamps } = this.deps;
    if (event.kind === 'ignored') return logger.info('logo: message ignored', { what: event.what });
    // In a group talk the bot answers mentions, and the details it asked this user for.
    if (event.kind === 'message' && group && !event.mentionMe && !(await stamps.awaitsDetails(key))) return;
    if (event.kind === 'unsupported') {
      logger.info('logo: unsupported message ignored', { what: event.what, talkType: event.talk.type });
      if (!group) await transport.sendText(event.talk.id, M.unsupportedContent);
      return;
    }
    if (event.kind === 'message' && !hasWords(this.questionOf(event.text))) {
      // Only the mention, spaces, invisible characters, emoji or punctuation: a short prompt, never a search.
      await transport.sendText(event.talk.id, event.files ? M.unsupportedContent : M.emptyQuestion);
      return;
    }
    if (event.kind === 'answer') {
      const stamp = await stamps.stamp(event.inReplyTo);
      if (!stamp && group) return; // someone else's stamp, or an old one
      if (stamp && !(await this.asked(key, stamp.conversationId))) {
        // A stamp belongs to the member who asked (everybody in a group talk can press it).
        logger.info('logo: stamp answer refused: not the asker', { talkType: event.talk.type });
        await transport.sendText(event.talk.id, M.notYourStamp);
        return;
      }
    }
    const requester = toRequester(event.user);
    const conversationId = await this.resolve(event.talk, event.user, requester);
    const answered = await runTurn(conversationId, logger, () => this.turn({ conversationId, key }, event, requester));
    // The files sent with a comment are not read: the answer says so above the text.
    const reply =
      event.kind === 'message' && event.files
        ? { ...answered, text: `${M.filesNotRead}\n\n${answered.text}` }
        : answered;
    try {
      await this.post(event.talk.id, conversationId, reply);
    } catch (err) {
      // The connection dropped mid-answer: the question is logged (atomically) but the answer may be
      // cut short. Tell the user to ask again once the connection is back.
      this.interrupted.add(event.talk.id);
      if (this.interrupted.size > MAX_AWAITING) this.interrupted.delete(this.interrupted.values().next().value ?? '');
      this.deps.logger.warn('logo: answer interrupted', {
        conversationId,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  private async turn(
    { conversationId, key }: { conversationId: string; key: string },
    event: Extract<LogoEvent, { kind: 'message' | 'answer' }>,
    requester: Requester,
  ): Promise<BotReply> {
    const activityId = `logo:${event.messageId}`;
    const { stamps } = this.deps;
    if (event.kind === 'answer') {
      const stamp = await stamps.stamp(event.inReplyTo);
      if (!stamp) return text(conversationId, M.staleStamp);
      if (stamp.conversationId !== conversationId) return text(conversationId, M.notYourStamp);
      // Taken once: a second press, or an answer on another instance at the same moment, finds it answered.
      const take = () => stamps.take(event.inReplyTo);
      if (stamp.kind === 'yesno') {
        if (typeof event.response !== 'boolean' || !(await take())) return text(conversationId, M.staleStamp);
        return this.deps.helpdesk.feedback({ conversationId, resolved: event.response, activityId });
      }
      const option = typeof event.response === 'number' ? stamp.options[event.response] : undefined;
      if (!option || !(await take())) return text(conversationId, M.staleStamp);
      return this.pick({ conversationId, key }, option, requester, activityId);
    }
    const question = this.questionOf(event.text);
    const awaiting = await stamps.takeDetails(key);
    if (awaiting) {
      const { reply } = await this.deps.helpdesk.escalate({
        conversationId,
        details: question,
        requester,
        activityId,
        ...(awaiting.separate ? { separate: true } : {}),
      });
      return reply;
    }
    const numbered = DIGITS.test(question) ? await stamps.takeNumbered(conversationId) : undefined;
    const picked = numbered?.[Number(question.normalize('NFKC')) - 1];
    if (picked) return this.pick({ conversationId, key }, picked, requester, activityId);
    return this.deps.helpdesk.ask({ conversationId, channel: 'logo', requester, text: question });
  }

  private questionOf(text: string): string {
    const display = this.deps.botDisplayName?.();
    const once = questionText(text, { name: this.deps.botName });
    return display && display !== this.deps.botName ? questionText(once, { name: display }) : once;
  }

  /** Whether the staff member of `key` asked in the conversation a stamp belongs to (created none if not). */
  private async asked(key: string, conversationId: string): Promise<boolean> {
    return (await this.deps.conversations.findByChannelKey('logo', key))?.id === conversationId;
  }

  /** A picked candidate is asked as a question; a picked action does what it says. */
  private async pick(
    { conversationId, key }: { conversationId: string; key: string },
    option: LogoOption,
    requester: Requester,
    activityId: string,
  ): Promise<BotReply> {
    const { helpdesk } = this.deps;
    if (option.kind === 'choice') {
      return helpdesk.ask({ conversationId, channel: 'logo', requester, text: option.value });
    }
    switch (option.action) {
      case 'resolved':
      case 'not_resolved':
        return helpdesk.feedback({ conversationId, resolved: option.action === 'resolved', activityId });
      case 'ask_bot':
      case 'reopen':
        // The message the core held back: asked as a question, or added to the reopened ticket.
        if (!option.value) return text(conversationId, M.unsupportedAction);
        return helpdesk.ask({
          conversationId,
          channel: 'logo',
          requester,
          text: option.value,
          intent: option.action === 'ask_bot' ? 'question' : 'reopen',
        });
      case 'status':
        return helpdesk.ask({ conversationId, channel: 'logo', requester, text: M.statusRequest });
      case 'escalate':
      case 'new_ticket':
        await this.deps.stamps.awaitDetails(key, { separate: option.action === 'new_ticket' });
        return text(conversationId, M.askDetails);
      default:
        this.deps.logger.warn('logo: picked action has no LoGo handling', { action: option.action });
        return text(conversationId, M.unsupportedAction);
    }
  }

  /** Posts a reply's messages in order, remembering its stamps. */
  private async post(talkId: string, conversationId: string, reply: BotReply): Promise<void> {
    const { transport, stamps } = this.deps;
    const parts = renderReply(reply);
    // Every reply makes the stamps of earlier replies stale, except the note that a stamp is stale (no stamps).
    const generation = reply.text === M.staleStamp ? '' : await stamps.newReply(conversationId);
    for (const part of parts) {
      switch (part.kind) {
        case 'text':
          await transport.sendText(talkId, part.text);
          break;
        case 'numbered':
          await stamps.setNumbered(conversationId, part.options, generation);
          await transport.sendText(talkId, part.text);
          break;
        case 'select': {
          const labels = part.options.map((o) => o.label);
          const id = await transport.sendSelect(talkId, part.question, labels);
          await stamps.addStamp(id, { conversationId, kind: 'select', options: part.options }, generation);
          break;
        }
        case 'yesno': {
          const id = await transport.sendYesNo(talkId, part.question);
          await stamps.addStamp(id, { conversationId, kind: 'yesno' }, generation);
          break;
        }
      }
    }
  }

  /** Our conversation for this staff member (one per LoGo user), created on first contact. */
  private async resolve(talk: LogoTalk, user: LogoUser, requester: Requester): Promise<string> {
    const { conversations } = this.deps;
    const key = userKey(talk, user);
    const known = await conversations.findByChannelKey('logo', key);
    const previous = known ? safeRef(known) : undefined;
    const ref: LogoChannelRef = {
      domainId: talk.domainId ?? previous?.domainId,
      userId: user.id,
      pairTalkId: talk.type === 'pair' ? talk.id : previous?.pairTalkId,
    };
    const channelRef = JSON.stringify(ref);
    if (!known) {
      return (await conversations.createConversation({ channel: 'logo', requester, channelRef, channelKey: key })).id;
    }
    if (known.channelRef !== channelRef || known.requester.name !== requester.name) {
      await conversations.touchConversation(known.id, { requester, channelRef });
    }
    return known.id;
  }
}

type Membership = Extract<LogoEvent, { kind: 'join' | 'leave' }>;

function isMembership(event: LogoEvent): event is Membership {
  return event.kind === 'join' || event.kind === 'leave';
}

function text(conversationId: string, message: string): BotReply {
  return { conversationId, text: message, sources: [], choices: [], actions: [] };
}
