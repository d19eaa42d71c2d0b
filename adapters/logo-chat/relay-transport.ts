/**
 * LogoTransport over the municipality's relay (relay mode): each message is a signed JSON POST to
 * KOTAE_LOGO_RELAY_URL. Kotae names its messages (`k-<uuid>`); the relay's answer events refer to them.
 */
import { randomUUID } from 'node:crypto';
import { KotaeError } from '../../core';
import type { RelayOutbound } from './relay-events';
import { signedHeaders, type RelayKey } from './relay-signature';
import type { LogoTransport } from './transport';

const USER_TALK = 'user:';

/** Posts to the relay; a non-2xx answer or a network failure is CHANNEL_SEND_FAILED. */
export class RelayTransport implements LogoTransport {
  constructor(private readonly options: { url: string; key: RelayKey; now: () => number; timeoutMs?: number }) {}

  sendText(talkId: string, text: string): Promise<string> {
    return this.post(talkId, { kind: 'text', text });
  }

  sendSelect(talkId: string, question: string, options: string[]): Promise<string> {
    return this.post(talkId, { kind: 'select', question, options });
  }

  sendYesNo(talkId: string, question: string): Promise<string> {
    return this.post(talkId, { kind: 'yesno', question });
  }

  /** The relay delivers to a user's 1:1 talk itself: the "talk" is the user's address. */
  async openPairTalk(domainId: string | undefined, userId: string): Promise<string> {
    return `${USER_TALK}${JSON.stringify({ userId, domainId })}`;
  }

  private async post(talkId: string, message: RelayOutbound['message']): Promise<string> {
    const messageId = `k-${randomUUID()}`;
    const to: RelayOutbound['to'] = talkId.startsWith(USER_TALK)
      ? (JSON.parse(talkId.slice(USER_TALK.length)) as { userId: string; domainId?: string })
      : { talkId };
    const body: RelayOutbound = {
      eventId: messageId,
      type: 'send',
      messageId,
      to,
      message,
      createdAt: new Date(this.options.now()).toISOString(),
    };
    const raw = JSON.stringify(body);
    let res: Response;
    try {
      res = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(this.options.key, raw, this.options.now()) },
        body: raw,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new KotaeError('CHANNEL_SEND_FAILED', 'logo relay: post failed', { cause: err });
    }
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new KotaeError('CHANNEL_SEND_FAILED', `logo relay answered ${res.status}`);
    return messageId;
  }
}
