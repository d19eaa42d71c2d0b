/**
 * The port through which Kotae posts into LoGoチャット: the direct-js child (direct mode) or the
 * municipality's relay (relay mode). Ids are opaque strings of the transport.
 */
export interface LogoTransport {
  /** Posts text (≤ 1,024 characters); returns the posted message's id. */
  sendText(talkId: string, text: string): Promise<string>;
  /** Posts a select stamp (≤ 9 options of ≤ 64 characters); returns its message id. */
  sendSelect(talkId: string, question: string, options: string[]): Promise<string>;
  /** Posts a yes/no stamp; returns its message id. */
  sendYesNo(talkId: string, question: string): Promise<string>;
  /** The pair talk (1:1) between the bot and a user, created when needed; returns its talk id. */
  openPairTalk(domainId: string | undefined, userId: string): Promise<string>;
}

/** A user-visible event from LoGoチャット, whatever the transport. */
export type LogoEvent =
  | {
      kind: 'message';
      messageId: string;
      talk: LogoTalk;
      user: LogoUser;
      text: string;
      /** The bot was mentioned (group talks are answered only then). */
      mentionMe: boolean;
      /** Files sent with the text (not read: the answer says so). */
      files?: number;
    }
  | {
      kind: 'answer';
      messageId: string;
      talk: LogoTalk;
      user: LogoUser;
      /** The id of the bot's stamp being answered. */
      inReplyTo: string;
      /** Index of the picked option (select) or yes / no. */
      response: number | boolean;
    }
  | { kind: 'unsupported'; messageId: string; talk: LogoTalk; user: LogoUser; what: string }
  /** Not addressed to the bot and nothing to say (a task done, a stamp closed): logged only. */
  | { kind: 'ignored'; messageId: string; talk: LogoTalk; user: LogoUser; what: string }
  | { kind: 'join' | 'leave'; talk: LogoTalk; user?: LogoUser };

/** A talk (トーク): pair = 1:1 with the bot, group = several members. */
export interface LogoTalk {
  id: string;
  type: 'pair' | 'group';
  domainId?: string;
}

/** The LoGoチャット identity of a staff member. */
export interface LogoUser {
  id: string;
  name?: string;
  department?: string;
}
