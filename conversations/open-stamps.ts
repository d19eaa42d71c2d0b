/**
 * Port: what a chat channel (LoGoチャット) asked and still waits for an answer to — the select and yes/no
 * stamps it posted, the numbered list that stands for a select too long for a stamp, and the "send the
 * details" step of an escalation. Kept where every instance sees it (db/ implements it), so an answer is
 * understood whichever instance posted the question, after a restart or a take-over.
 *
 * Semantics every implementation keeps (test/contracts/open-stamp-store.contract.ts):
 * - each reply to a conversation starts a new generation; stamps and numbered lists of earlier replies are stale;
 * - a stamp or numbered list is taken (answered) at most once, also by two instances at once;
 * - entries expire after a fixed time (7 days in SqlOpenStamps) and are then neither read nor kept.
 */

/** What picking an option of a stamp does: a candidate asked as a question, or an action of the core. */
export type StampOption =
  { kind: 'choice'; label: string; value: string } | { kind: 'action'; label: string; action: string; value?: string };

/** An open stamp: what a select or yes/no stamp posted into a conversation offered. */
export type OpenStamp =
  { conversationId: string; kind: 'select'; options: StampOption[] } | { conversationId: string; kind: 'yesno' };

/** The "send the details" step: the user's next text opens a ticket (`separate`: beside the open one, 別件). */
export interface DetailsStep {
  separate: boolean;
}

/** Open stamps, numbered lists and details steps, shared by the instances. */
export interface OpenStampStore {
  /** Starts a reply to a conversation; earlier replies' stamps and numbered list become stale. Returns its generation. */
  newReply(conversationId: string): Promise<string>;
  /** Records a stamp (`stampId`: the channel's message id) posted in the reply of `generation`. */
  addStamp(stampId: string, stamp: OpenStamp, generation: string): Promise<void>;
  /** The open stamp; undefined when unknown, stale, answered or expired. */
  stamp(stampId: string): Promise<OpenStamp | undefined>;
  /** Takes the answer to an open stamp: true for exactly one caller, false when it is not open (any more). */
  take(stampId: string): Promise<boolean>;
  /** Records the numbered list posted in the reply of `generation` (the conversation has one at a time). */
  setNumbered(conversationId: string, options: StampOption[], generation: string): Promise<void>;
  /** Takes the conversation's open numbered list: its options for exactly one caller, else undefined. */
  takeNumbered(conversationId: string): Promise<StampOption[] | undefined>;
  /** Asks the user of `userKey` for the details of an escalation (replaces an earlier step). */
  awaitDetails(userKey: string, step: DetailsStep): Promise<void>;
  /** Whether the user of `userKey` was asked for details (and has not sent them yet). */
  awaitsDetails(userKey: string): Promise<boolean>;
  /** Takes the details step of `userKey`: the step for exactly one caller, else undefined. */
  takeDetails(userKey: string): Promise<DetailsStep | undefined>;
  /** Deletes expired entries; returns how many. */
  purgeExpired(): Promise<number>;
}
