/**
 * Guards the direct-js child against what the server may send that direct-js 2.1 cannot take. direct-js
 * throws, outside any handler of ours, on a frame it cannot decode (bytes that are not its MessagePack, a
 * text frame, a map where an RPC array belongs) and on a message it cannot convert (null or non-string
 * text, a stamp without content, a system message without its type, a message without a user): each
 * throw would end the child, drop the connection and lose the messages of the restart's backoff. Here the
 * one frame or message is dropped and reported instead. The guards also remember each message's type,
 * which direct-js's TextMessage event leaves out (a deleted message and a plain text both arrive as text).
 */
import { createRequire } from 'node:module';

/** A frame or message the child dropped, and why (English, for the server's log). */
export interface Dropped {
  what: 'frame' | 'message';
  reason: string;
}

type Listener = (...args: unknown[]) => unknown;
interface EventTarget {
  on(event: string, listener: Listener): unknown;
}

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 200);

/**
 * Wraps every 'message' listener of the `websocket` connections direct-js opens (its own copy of the
 * package), so that a frame it throws on is dropped and the connection stays up.
 */
export function guardFrames(onDropped: (d: Dropped) => void): void {
  const load = createRequire(require.resolve('direct-js'));
  const { connection } = load('websocket') as { connection: { prototype: EventTarget } };
  const proto = connection.prototype;
  const on = proto.on;
  proto.on = function (this: EventTarget, event: string, listener: Listener) {
    if (event !== 'message') return on.call(this, event, listener);
    return on.call(this, event, function (this: unknown, ...args: unknown[]) {
      try {
        return listener.apply(this, args);
      } catch (err) {
        onDropped({ what: 'frame', reason: reasonOf(err) });
        return undefined;
      }
    });
  };
}

/** The parts of direct-js's message entity the guard reads: int64 id, type as `[name, index]`. */
interface DirectMessage {
  id?: { high?: number; low?: number } | null;
  type?: unknown;
}
interface Dispatcher {
  dispatch(message: DirectMessage): void;
}
interface Facade {
  retrieveMediator(name: string): Dispatcher | null | undefined;
}

/** Message types of the last messages dispatched, by direct-js's id string (bounded). */
export class MessageTypes {
  private readonly types = new Map<string, string>();

  constructor(private readonly max = 1000) {}

  remember(message: DirectMessage): void {
    const id = message.id;
    const type = Array.isArray(message.type) ? message.type[0] : undefined;
    if (!id || typeof type !== 'string') return;
    this.types.set(`_${id.high}_${id.low}`, type);
    while (this.types.size > this.max) this.types.delete(this.types.keys().next().value ?? '');
  }

  /** The type name direct-js gave the message (`text`, `stamp`, `deleted`, `unknown`, …), once. */
  take(messageId: string): string | undefined {
    const type = this.types.get(messageId);
    this.types.delete(messageId);
    return type;
  }
}

/**
 * Wraps the dispatch of direct-js's bot mediator (runs in a timer of its own): a message it throws on is
 * dropped; every message's type is remembered. Idempotent; false while the mediator does not exist yet.
 */
export function guardDispatch(bot: object, types: MessageTypes, onDropped: (d: Dropped) => void): boolean {
  const facade = (bot as { facade?: Facade }).facade;
  const mediator = facade?.retrieveMediator('commandline');
  if (!mediator || typeof mediator.dispatch !== 'function') return false;
  if ((mediator as { kotaeGuarded?: boolean }).kotaeGuarded) return true;
  const dispatch = mediator.dispatch.bind(mediator);
  mediator.dispatch = (message: DirectMessage) => {
    try {
      types.remember(message);
      dispatch(message);
    } catch (err) {
      onDropped({ what: 'message', reason: reasonOf(err) });
    }
  };
  (mediator as { kotaeGuarded?: boolean }).kotaeGuarded = true;
  return true;
}
