/**
 * Teams activity payloads for replay: Microsoft's documented fixtures (../shared/fixtures/teams, read at
 * run time, never copied) pointed at a loopback Bot Connector, plus envelopes for FRAGMENT files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the shared fixtures live: ../shared/fixtures/teams relative to the repo root. */
export const TEAMS_FIXTURE_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'teams');

/** A JSON object payload. */
export type Payload = Record<string, unknown>;

/** Names of all fixture files (complete activities and FRAGMENTs). */
export function teamsFixtureNames(): string[] {
  return readdirSync(TEAMS_FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Reads a fixture. */
export function readTeamsFixture(name: string): Payload {
  return JSON.parse(readFileSync(join(TEAMS_FIXTURE_DIR, name), 'utf8')) as Payload;
}

/**
 * A fixture activity ready to replay: serviceUrl pointed at the loopback connector, and the
 * documentation's placeholders for the bot id (`28:<BOT ID>`) filled with the bot id the payload's
 * membersAdded uses, so "bot added" really names the recipient.
 */
export function replayable(name: string, serviceUrl: string): Payload {
  const payload = readTeamsFixture(name);
  if (typeof payload.serviceUrl === 'string') payload.serviceUrl = serviceUrl;
  const recipient = payload.recipient as { id?: string } | undefined;
  const added = (payload.membersAdded as { id: string }[] | undefined)?.find((m) => m.id.startsWith('28:'));
  if (recipient?.id?.includes('<') && added) recipient.id = added.id;
  return payload;
}

/** The envelope of the documented personal message, with a new id, type and content. */
export function personalEnvelope(serviceUrl: string, overrides: Payload): Payload {
  return { ...replayable('message-personal-with-tenant-aad.json', serviceUrl), ...overrides };
}

/**
 * An `adaptiveCard/action` invoke for pressing `action` (an Action.Execute element, e.g. from a
 * FRAGMENT card or one of our cards), wrapped in the personal-chat envelope.
 */
export function actionExecuteInvoke(
  serviceUrl: string,
  id: string,
  action: { verb?: unknown; data?: unknown },
  trigger = 'manual',
): Payload {
  const envelope = personalEnvelope(serviceUrl, { type: 'invoke', id, name: 'adaptiveCard/action' });
  delete envelope.text;
  delete envelope.textFormat;
  delete envelope.attachments;
  return { ...envelope, value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger } };
}

/** A channel message that @mentions the bot, shaped like Microsoft's documented channel example. */
export function channelMention(serviceUrl: string, id: string, question: string, mentionBot = true): Payload {
  const bot = { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Kotae' };
  const atText = `<at>${bot.name}</at>`;
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl,
    text: mentionBot ? `${atText} ${question}` : question,
    from: {
      id: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ',
      name: 'Megan Bowen',
      aadObjectId: '7faf8ab2-3d56-4244-b585-20c8a42ed2b8',
    },
    conversation: { isGroup: true, conversationType: 'channel', id: '19:aaa@thread.skype;messageid=1481567603816' },
    recipient: bot,
    entities: mentionBot ? [{ type: 'mention', mentioned: bot, text: atText }] : [],
    channelData: {
      teamsChannelId: '19:aaa@thread.skype',
      teamsTeamId: '19:aaa@thread.skype',
      tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
    },
  };
}

/** Two members of one Teams group chat (fictional). */
export const GROUP_MEMBERS = Object.freeze({
  hanako: {
    id: '29:1hanakoYamadaGroupChatMember',
    name: '山田 花子',
    aadObjectId: '0b6a1c7e-1111-4a5b-9c3d-2e4f6a8b0c11',
  },
  taro: { id: '29:1taroSatoGroupChatMember', name: '佐藤 太郎', aadObjectId: '5d2e9f40-2222-4c6d-8e1f-3a5b7c9d1e22' },
});

const GROUP_BOT = { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Kotae' };

function groupEnvelope(
  serviceUrl: string,
  id: string,
  from: { id: string; name: string; aadObjectId: string },
): Payload {
  return {
    id,
    channelId: 'msteams',
    serviceUrl,
    timestamp: '2026-04-01T01:00:00.000Z',
    from,
    conversation: {
      isGroup: true,
      conversationType: 'groupChat',
      id: '19:kotae-test-group@thread.v2',
      tenantId: 'contoso',
    },
    recipient: GROUP_BOT,
    channelData: { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
  };
}

/** A group chat message from `from` that @mentions the bot. */
export function groupChatMention(
  serviceUrl: string,
  id: string,
  from: { id: string; name: string; aadObjectId: string },
  question: string,
): Payload {
  const atText = `<at>${GROUP_BOT.name}</at>`;
  return {
    ...groupEnvelope(serviceUrl, id, from),
    type: 'message',
    text: `${atText} ${question}`,
    entities: [{ type: 'mention', mentioned: GROUP_BOT, text: atText }],
  };
}

/** `from` pressing an Action.Execute button of a card in the group chat. */
export function groupChatInvoke(
  serviceUrl: string,
  id: string,
  from: { id: string; name: string; aadObjectId: string },
  action: { verb?: unknown; data?: unknown },
): Payload {
  return {
    ...groupEnvelope(serviceUrl, id, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
  };
}

/** `from` pressing an Action.Submit button (older clients): a message whose value is the button data. */
export function groupChatSubmit(
  serviceUrl: string,
  id: string,
  from: { id: string; name: string; aadObjectId: string },
  value: Record<string, string>,
): Payload {
  return { ...groupEnvelope(serviceUrl, id, from), type: 'message', value };
}
