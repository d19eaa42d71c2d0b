/**
 * The child process of one LoGoチャット bot account. It alone loads direct-js (a process-wide
 * singleton that may call process.exit or prompt on stdin) and speaks to the server over IPC only.
 * Started by DirectSupervisor with stdin closed; it never reads the environment.
 */
import { DirectAPI } from 'direct-js';
import { guardDispatch, guardFrames, MessageTypes, type Dropped } from './direct-guards';
import { isParentMessage, type ChildMessage, type ChildOptions, type ParentMessage, type ReceivedMessage } from './ipc';

/** The parts of direct-js's user and talk objects this child reads. */
interface DirectUser {
  id: string;
  name?: string;
  departments?: unknown;
}
interface DirectTalk {
  type?: unknown;
  domainId?: string;
}
interface DirectEnvelope {
  room: string;
  rooms?: Record<string, DirectTalk>;
}
interface DirectText {
  id: string;
  content: string;
  /** `me`: the server's mention flag; `all`: an @ALL mention; `data`: the users mentioned by name. */
  mention?: { me?: boolean; all?: boolean; data?: { user?: { id?: string } }[] };
}

const send = (message: ChildMessage): void => {
  if (process.send) process.send(message);
};
const errorText = (err: unknown): string => {
  if (err instanceof Error) return err.message;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
};

/** direct-js's talk type (a number, an enum name or an enum array) → pair / group. */
function talkType(type: unknown): ReceivedMessage['talkType'] {
  const text = JSON.stringify(type) ?? '';
  if (type === 1 || /pair/i.test(text)) return 'pair';
  if (type === 2 || /group/i.test(text)) return 'group';
  return 'unknown';
}

/** The first department name direct-js knows for a user, if the server sent one. */
function departmentOf(departments: unknown): string | undefined {
  if (!Array.isArray(departments) || departments.length === 0) return undefined;
  const first: unknown = departments[0];
  if (typeof first === 'string') return first;
  const name = (first as { name?: unknown; department_name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

const dropped = (d: Dropped): void => send({ type: 'dropped', ...d });

function start(options: ChildOptions): ReturnType<typeof DirectAPI.getInstance> {
  guardFrames(dropped);
  const types = new MessageTypes();
  const bot = DirectAPI.getInstance();
  bot.setOptions({
    host: new URL(options.endpoint).host,
    endpoint: options.endpoint,
    access_token: options.accessToken,
    proxyURL: options.proxyUrl,
    name: options.botName,
    storage_path: options.storagePath,
    ws_config: options.caPem ? { tlsOptions: { ca: options.caPem } } : undefined,
  });
  bot.on('data_recovered', () => {
    guardDispatch(bot, types, dropped);
    send({ type: 'ready', ...me(bot) });
  });
  bot.on('data_recovering', () => send({ type: 'reconnecting' }));
  bot.on('error_occurred', (_err: unknown, detail: unknown) => {
    const text = errorText(detail);
    const auth = /401|invalid token|unauthori[sz]ed/i.test(text);
    send({ type: 'error', kind: auth ? 'auth' : 'connection', message: text.slice(0, 500) });
  });
  bot.on('TextMessage', (envelope: DirectEnvelope, user: DirectUser, msg: DirectText) => {
    const talk = envelope.rooms?.[envelope.room];
    send({
      type: 'message-received',
      message: {
        messageId: msg.id,
        messageType: types.take(msg.id),
        talkId: envelope.room,
        talkType: talkType(talk?.type),
        domainId: talk?.domainId,
        userId: user.id,
        userName: user.name,
        department: departmentOf(user.departments),
        content: msg.content,
        mentionMe: mentionsBot(msg.mention, me(bot).botUserId),
      },
    });
  });
  bot.listen();
  guardDispatch(bot, types, dropped);
  tolerateUnknownUsers(bot);
  return bot;
}

/** direct-js's int64 and the parts of its data store this child reads or wraps. */
interface Int64 {
  high: number;
  low: number;
}
interface DirectDataStore {
  me?: { id?: Int64; displayName?: string };
  getUser(domainId: Int64 | null, userId: Int64 | null): unknown;
}

/**
 * direct-js throws inside its dispatch timer, and so kills this process, on a message from a user it has
 * no profile of (e.g. a member who joined after the login): such a user is given as one without a name,
 * so the message is answered instead of lost with a restart.
 */
function tolerateUnknownUsers(bot: ReturnType<typeof DirectAPI.getInstance>): void {
  const data = (bot as unknown as { data?: DirectDataStore }).data;
  if (!data) return;
  const getUser = data.getUser.bind(data);
  data.getUser = (domainId, userId) =>
    getUser(domainId, userId) ??
    (domainId && userId && (userId.high !== 0 || userId.low !== 0)
      ? { id: userId, domainId, status: 1, displayName: null }
      : null);
}

/** Whether a message is addressed to the bot: an @ALL announcement is not, unless it names the bot too. */
function mentionsBot(mention: DirectText['mention'], botUserId: string): boolean {
  if (mention?.me !== true) return false;
  return mention.all !== true || (mention.data ?? []).some((d) => d.user?.id === botUserId);
}

/** The bot's own id and display name (the name staff type after "@"). */
function me(bot: ReturnType<typeof DirectAPI.getInstance>): { botUserId: string; botDisplayName?: string } {
  const user = (bot as unknown as { data?: DirectDataStore }).data?.me;
  const id = user?.id;
  return { botUserId: id ? `_${id.high}_${id.low}` : '', botDisplayName: user?.displayName };
}

/** Posts content; the id of the posted message comes back through direct-js's onsend callback. */
function post(bot: ReturnType<typeof DirectAPI.getInstance>, requestId: number, talkId: string, content: object): void {
  bot.send(
    { room: talkId },
    {
      ...content,
      onsend: (sent: { message?: { id?: string } }) =>
        send({ type: 'result', requestId, id: String(sent.message?.id ?? '') }),
    },
  );
}

function createPairTalk(
  bot: ReturnType<typeof DirectAPI.getInstance>,
  m: Extract<ParentMessage, { type: 'create-pair-talk' }>,
): void {
  const internals = bot as unknown as {
    api: { wsApi: { createPairTalk(d: unknown, u: unknown): Promise<{ id: { high: number; low: number } }> } };
    data: { setTalk(talk: unknown): void };
  };
  internals.api.wsApi.createPairTalk(bot.parseInt64(m.domainId), bot.parseInt64(m.userId)).then(
    (talk) => {
      internals.data.setTalk(talk);
      send({ type: 'result', requestId: m.requestId, id: `_${talk.id.high}_${talk.id.low}` });
    },
    (err: unknown) => send({ type: 'error', kind: 'request', requestId: m.requestId, message: errorText(err) }),
  );
}

let bot: ReturnType<typeof DirectAPI.getInstance> | undefined;

process.on('message', (raw: unknown) => {
  if (!isParentMessage(raw)) return;
  const m = raw;
  if (m.type === 'start') {
    bot ??= start(m.options);
    return;
  }
  if (!bot) {
    if ('requestId' in m) send({ type: 'error', kind: 'request', requestId: m.requestId, message: 'not started' });
    return;
  }
  switch (m.type) {
    case 'send-text':
      return post(bot, m.requestId, m.talkId, { text: m.text });
    case 'send-select':
      return post(bot, m.requestId, m.talkId, { question: m.question, options: m.options });
    case 'send-yesno':
      return post(bot, m.requestId, m.talkId, { question: m.question });
    case 'create-pair-talk':
      return createPairTalk(bot, m);
  }
});
// The server went away: this account's connection must not outlive it.
process.on('disconnect', () => process.exit(0));
