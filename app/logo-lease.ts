/**
 * LoGoチャット direct mode on several instances: only the instance holding the `logo-chat` lease runs
 * the direct-js child; the others stand by and take over when it stops (release) or dies (expiry).
 * Replies to LoGo requesters stored on a standby instance are left queued; the holder sends them.
 */
import type { ChannelSender } from '../conversations';
import type { Clock } from '../core';
import { toKotaeError } from '../core';
import type { Logger } from '../core';
import type { LogoChat } from '../adapters/logo-chat';
import { LeaseKeeper, type JobLease } from '../jobs';

/** The lease naming the instance that holds the LoGoチャット connection. */
export const LOGO_LEASE = 'logo-chat';

/** What the leased channel needs. */
export interface LeasedLogoDeps {
  lease: JobLease;
  holder: string;
  clock: Clock;
  logger: Logger;
  /** Lease TTL (default 30 s): a dead holder is replaced within TTL + TTL/3. */
  ttlMs?: number;
  /** Sends the LoGo replies waiting in the outbox (run by the holder while connected). */
  flushQueued?: () => Promise<unknown>;
  /** How often the holder sends what other instances queued (default 2 s). */
  flushMs?: number;
}

/** A LoGoチャット channel that connects only while this instance holds the lease. */
export interface LeasedLogoChat extends LogoChat {
  keeper: LeaseKeeper;
}

/** Wraps a direct-mode channel in the lease. */
export function leasedLogoChat(inner: LogoChat, d: LeasedLogoDeps): LeasedLogoChat {
  let flushing: NodeJS.Timeout | undefined;
  const flush = () => {
    if (!inner.health().ready || !d.flushQueued) return;
    d.flushQueued().catch((err: unknown) =>
      d.logger.warn('logo: sending queued replies failed', { error: toKotaeError(err).message }),
    );
  };
  const keeper = new LeaseKeeper({
    lease: d.lease,
    name: LOGO_LEASE,
    holder: d.holder,
    clock: d.clock,
    logger: d.logger,
    ttlMs: d.ttlMs,
    onGained: () => {
      inner.start();
      flushing = setInterval(flush, d.flushMs ?? 2000);
      flushing.unref();
    },
    onLost: async () => {
      clearInterval(flushing);
      flushing = undefined;
      await inner.stop();
    },
  });
  const sender: ChannelSender | undefined = inner.sender && {
    channel: inner.sender.channel,
    writesTranscript: inner.sender.writesTranscript,
    available: () => keeper.held,
    sendToConversation: (conversation, reply) => inner.sender!.sendToConversation(conversation, reply),
  };
  return {
    keeper,
    sender,
    receiver: inner.receiver,
    health: () => (keeper.held ? inner.health() : { ...inner.health(), state: 'standby', ready: false }),
    start: () => {
      keeper.start();
    },
    stop: () => keeper.stop(),
  };
}
