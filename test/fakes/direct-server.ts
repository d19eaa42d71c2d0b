/**
 * A loopback server that speaks the `direct` protocol (LoGoチャット's platform) as the unmodified
 * direct-js client expects: binary WebSocket frames of old-spec MessagePack-RPC, int64 ids, the
 * login sequence of ../shared/logo-chat/PROTOCOL.md and `notify_create_message` pushes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decode, encode, type Packed } from './old-msgpack';

const HIGH = 1n << 32n;
/** Ids of the fictional domain (ids are int64; direct-js shows them as `_<high>_<low>`). */
export const DIRECT_IDS = Object.freeze({
  domain: HIGH + 10n,
  bot: HIGH + 100n,
  yamada: HIGH + 200n,
  sato: HIGH + 201n,
  pairTalk: HIGH + 300n,
  groupTalk: HIGH + 301n,
});

/** direct-js's string form of an int64 id. */
export function idStr(id: bigint): string {
  return `_${id >> 32n}_${id & 0xffffffffn}`;
}

/** One request the client sent. */
export interface ClientCall {
  method: string;
  params: Packed[];
  at: number;
  /** What the server answered (e.g. the created message with its id). */
  result?: Packed;
}

const BOT_NAME = 'ヘルプデスクbot';

const user = (id: bigint, name: string | null): Packed => ({
  user_id: id,
  domain_id: DIRECT_IDS.domain,
  display_name: name,
  canonical_display_name: name,
  phonetic_display_name: null,
  canonical_phonetic_display_name: null,
  profile_image_url: null,
  status: 1,
  updated_at: 1n,
});

/** How the fake server starts. */
export interface FakeDirectOptions {
  token: string;
  /** More acquaintances of the bot besides 山田 and 佐藤 (a null name: a user without a display name). */
  users?: { id: bigint; name: string | null }[];
}

/** The fake server. `calls` records every request in order (exact frame counts in tests). */
export class FakeDirectServer {
  readonly calls: ClientCall[] = [];
  /** Connections accepted so far (reconnects count). */
  connections = 0;
  /** WebSocket connections open now. */
  get openConnections(): number {
    return this.sockets.size;
  }
  private readonly sockets = new Set<WebSocket>();
  private readonly talks = new Map<bigint, { type: 1 | 2; users: bigint[] }>([
    [DIRECT_IDS.pairTalk, { type: 1, users: [DIRECT_IDS.bot, DIRECT_IDS.yamada] }],
    [DIRECT_IDS.groupTalk, { type: 2, users: [DIRECT_IDS.bot, DIRECT_IDS.yamada, DIRECT_IDS.sato] }],
  ]);
  private nextTalk = HIGH + 302n;
  private seq = 0n;
  private pushId = 100_000;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    private readonly options: FakeDirectOptions,
  ) {}

  /** Starts on an ephemeral loopback port. */
  static async start(options: FakeDirectOptions): Promise<FakeDirectServer> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http, path: '/albero-app-server/api' });
    const server = new FakeDirectServer(http, wss, options);
    wss.on('connection', (ws) => server.accept(ws));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    return server;
  }

  /** The endpoint to configure (KOTAE_LOGO_ENDPOINT). */
  get endpoint(): string {
    return `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}/albero-app-server/api`;
  }

  /** The id the server gave a message created by the client. */
  static messageIdOf(call: ClientCall): bigint {
    return (call.result as { message_id: bigint }).message_id;
  }

  /** Requests of one method, in order. */
  callsOf(method: string): ClientCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when `check` holds (checked after every request), or rejects after `timeoutMs`. */
  waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`fake direct server: timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits until `count` requests of `method` were received in total. */
  waitForCalls(method: string, count: number, timeoutMs = 10_000): Promise<void> {
    return this.waitUntil(() => this.callsOf(method).length >= count, timeoutMs, `${count} × ${method}`);
  }

  /**
   * Pushes a message from a user into a talk (notify_create_message); returns its id. Giving `messageId`
   * delivers that message again (a redelivery).
   */
  push(input: {
    talkId: bigint;
    userId: bigint;
    type: number;
    content: Packed;
    mention?: boolean;
    messageId?: bigint;
  }): bigint {
    const id = input.messageId ?? this.messageId();
    this.notify('notify_create_message', {
      message_id: id,
      talk_id: input.talkId,
      user_id: input.userId,
      type: input.type,
      content: input.content,
      created_at: BigInt(Date.now()),
      read_count: 0,
      mention: input.mention ?? false,
    });
    return id;
  }

  /**
   * Pushes a user's answer to a stamp the client sent (`stamp`: its create_message call): 501 for a yes/no
   * answer, 503 for a select; returns the answer's id (give `messageId` to deliver it again).
   */
  pushAnswer(
    talkId: bigint,
    userId: bigint,
    stamp: ClientCall,
    response: number | boolean,
    messageId?: bigint,
  ): bigint {
    const content = stamp.params[2] as { question: string; options?: string[] };
    return this.push({
      talkId,
      userId,
      type: typeof response === 'boolean' ? 501 : 503,
      content: { in_reply_to: FakeDirectServer.messageIdOf(stamp), ...content, response } as Packed,
      messageId,
    });
  }

  /** Pushes any other server notification (`[0, id, method, [body]]`), e.g. notify_delete_message. */
  pushNotification(method: string, body: Packed): void {
    this.notify(method, body);
  }

  /**
   * A talk the client has not seen yet: kept for later logins and announced as the server does when a
   * user opens a talk with the bot (notify_create_pair_talk / notify_create_group_talk); returns its id.
   */
  openTalk(type: 1 | 2, users: bigint[]): bigint {
    const id = this.nextTalk++;
    const t = { type, users: [DIRECT_IDS.bot, ...users] };
    this.talks.set(id, t);
    this.notify(type === 1 ? 'notify_create_pair_talk' : 'notify_create_group_talk', this.talk(id, t));
    return id;
  }

  /**
   * Sends raw bytes (a binary frame) or text (a text frame) to every connection as they are: malformed
   * MessagePack, frames of an unexpected shape, text where direct expects binary.
   */
  pushRaw(frame: Buffer | string): void {
    for (const ws of this.sockets) ws.send(frame, { binary: typeof frame !== 'string' });
  }

  /** Closes every connection with a WebSocket close code and reason. */
  closeAll(code: number, reason: string): void {
    for (const ws of this.sockets) ws.close(code, reason);
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private messageId(): bigint {
    this.seq += 1n;
    return (BigInt(Date.now()) << 22n) + this.seq;
  }

  private notify(method: string, payload: Packed): void {
    const frame = encode([0, this.pushId++, method, [payload]]);
    for (const ws of this.sockets) ws.send(frame);
  }

  private accept(ws: WebSocket): void {
    this.connections += 1;
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data: Buffer) => {
      const frame = decode(data);
      if (!Array.isArray(frame) || frame[0] !== 0) return; // acks of our pushes
      const [, msgId, method, params] = frame as [number, number, string, Packed[]];
      const [error, result] = this.answer(method, params);
      this.calls.push({ method, params, at: Date.now(), result });
      ws.send(encode([1, msgId, error, result]));
      for (const w of [...this.waiters]) {
        if (w.check()) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve();
        }
      }
    });
  }

  private answer(method: string, params: Packed[]): [Packed, Packed] {
    const { domain, bot, yamada, sato } = DIRECT_IDS;
    switch (method) {
      case 'create_session':
        if (params[0] !== this.options.token) return [{ code: 401, message: 'invalid token' }, null];
        return [
          null,
          {
            user: {
              ...(user(bot, BOT_NAME) as object),
              email: 'bot+loopback@logochatbot.jp',
              profiles: [],
              departments: [],
            },
            device: { device_id: 'loopback-device' },
            notification: false,
            password_expiration: { expiration: null, warning: null },
            configuration: {
              max_friends: 1000,
              max_talks: 1000,
              max_talkers: 1000,
              max_message_content_length: 10000,
              allow_attachment_type: 1,
            },
          },
        ];
      case 'get_domains':
        return [
          null,
          [
            {
              domain_id: domain,
              updated_at: 1n,
              domain: { domain_name: 'ことのは市役所', logo_url: null, frozen: false },
              contract: {
                contract_id: 1n,
                plan: { plan_name: 'loopback', trial: false, free: false },
                quota: {},
                solution_ids: [],
              },
              profile_definition: { domain_id: domain, item_definitions: [] },
              setting: { allow_attachment_type: 1, contact_tree_enabled: false },
              role: { type: 30, allow_list_users: true, allow_read_announcements: true },
              direct_apps_setting: { enabled: [] },
            },
          ],
        ];
      case 'get_announcement_statuses':
        return [null, [{ domain_id: domain, unread_count: 0 }]];
      case 'get_acquaintances':
        return [
          null,
          [
            [
              domain,
              [
                user(yamada, '住民課 山田'),
                user(sato, '税務課 佐藤'),
                ...(this.options.users ?? []).map((u) => user(u.id, u.name)),
              ],
            ],
          ],
        ];
      case 'get_talks':
        return [null, [...this.talks].map(([id, t]) => this.talk(id, t))];
      case 'get_talk_statuses':
        return [null, [...this.talks.keys()].map((id) => ({ talk_id: id, unread_count: 0 }))];
      case 'get_user_identifiers':
        return [null, { contents: ((params[1] as bigint[]) ?? []).map((id) => ({ user_id: id })) }];
      case 'create_pair_talk': {
        const id = this.nextTalk++;
        const t = { type: 1 as const, users: [bot, params[1] as bigint] };
        this.talks.set(id, t);
        return [null, this.talk(id, t)];
      }
      case 'create_message':
        return [
          null,
          {
            message_id: this.messageId(),
            talk_id: params[0],
            user_id: bot,
            type: params[1],
            content: params[2],
            created_at: BigInt(Date.now()),
            read_count: 0,
            bot_message: true,
          },
        ];
      case 'get_account_control_requests':
      case 'get_joined_account_control_group':
      case 'get_friends':
      case 'get_domain_invites':
        return [null, []];
      default:
        // reset_notification, start_notification, update_last_used_at, update_read_statuses, …
        return [null, true];
    }
  }

  private talk(id: bigint, t: { type: 1 | 2; users: bigint[] }): Packed {
    return {
      talk_id: id,
      domain_id: DIRECT_IDS.domain,
      type: t.type,
      talk_name: t.type === 2 ? '問い合わせ窓口' : null,
      icon_url: null,
      user_ids: t.users,
      updated_at: 1n,
      ...(t.type === 2 ? { settings: { allow_display_past_messages: true, system_message_visible: true } } : {}),
    };
  }
}
