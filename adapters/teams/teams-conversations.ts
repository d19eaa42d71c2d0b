/**
 * Who is asking and which of our conversations a Teams activity belongs to.
 */
import type { Activity } from '@microsoft/agents-activity';
import type { ConversationStore } from '../../conversations';
import type { ConversationRecord, Requester } from '../../conversations';
import type { Logger } from '../../core';
import type { DirectoryLookup } from './ports';

/** The id Kotae keeps for the sender of an activity: the Entra object id, else the Teams user id. */
export function senderId(activity: Activity): string | undefined {
  return activity.from?.aadObjectId ?? activity.from?.id;
}

/** The stable key of one staff member in one Teams conversation (chat, or channel thread). */
export function channelKey(activity: Activity): string {
  const user = senderId(activity) ?? 'unknown';
  return `teams|${activity.conversation?.id ?? ''}|${user}`;
}

/**
 * The ConversationReference we store as channelRef, without the activity id so that proactive
 * messages are posted to the conversation (or channel thread) rather than as a reply to an old message.
 */
export function channelRefOf(activity: Activity): string {
  const { activityId: _ignored, ...reference } = activity.getConversationReference();
  return JSON.stringify(reference);
}

/** Resolves requesters (with their department) and our conversation ids for Teams activities. */
export class TeamsConversations {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly logger: Logger,
    private readonly directory?: DirectoryLookup,
  ) {}

  /** The requester of an activity; a directory failure only leaves the department out. */
  async requester(activity: Activity): Promise<Requester> {
    const aad = activity.from?.aadObjectId;
    const requester: Requester = { id: senderId(activity), name: activity.from?.name };
    if (aad && this.directory) {
      try {
        const department = await this.directory.lookupDepartment(aad);
        if (department) requester.department = department;
      } catch (err) {
        this.logger.warn('teams: directory lookup failed', { error: err instanceof Error ? err.message : String(err) });
      }
    }
    return requester;
  }

  /** Our conversation of this activity's chat and user, if there is one (never creates it). */
  find(activity: Activity): Promise<ConversationRecord | undefined> {
    return this.conversations.findByChannelKey('teams', channelKey(activity));
  }

  /** Our conversation id for this activity's chat and user, creating the conversation on first contact. */
  async resolve(activity: Activity, requester: Requester): Promise<string> {
    const key = channelKey(activity);
    const channelRef = channelRefOf(activity);
    const known = await this.conversations.findByChannelKey('teams', key);
    if (known) {
      // The serviceUrl of a conversation may change; keep the latest reference for proactive sends.
      if (known.channelRef !== channelRef)
        await this.conversations.touchConversation(known.id, { requester, channelRef });
      return known.id;
    }
    const created = await this.conversations.createConversation({
      channel: 'teams',
      requester,
      channelRef,
      channelKey: key,
    });
    return created.id;
  }
}
