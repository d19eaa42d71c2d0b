/**
 * Inbound relay requests: signature check, JSON validation, event-id dedupe (in memory, bounded, and
 * — with several instances on one database — in the database, so an event delivered to two instances
 * is handled once), then the event is queued for the conversation and acknowledged at once (202).
 */
import type { ProcessedDeliveries } from '../../bot';
import { KotaeError, type Logger } from '../../core';
import { LOGO_MESSAGES as M } from './messages';
import { fromRelayEvent, RelayEventSchema } from './relay-events';
import type { RelayVerifier } from './relay-signature';
import type { LogoEvent } from './transport';

/** What the web route hands over. */
export interface RelayRequest {
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

/** The answer for the web route. */
export interface RelayResponse {
  status: number;
  body: { accepted: true; duplicate: boolean };
}

/** The port the web route calls (adapters/web/logo-events.ts). */
export interface LogoEventReceiver {
  receive(request: RelayRequest): Promise<RelayResponse>;
}

/**
 * JSON.parse reviver: strings without NUL characters. PostgreSQL cannot store one in text, so a NUL in a user's
 * name lost the question after the 202 and one in an event id answered 500; no id, name or text needs one (the
 * signature was checked on the raw bytes before).
 */
function withoutNul(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
}

/** Verifies, dedupes and dispatches relay events. */
export class RelayReceiver implements LogoEventReceiver {
  private readonly seen = new Set<string>();

  constructor(
    private readonly deps: {
      verifier: RelayVerifier;
      dispatch: (event: LogoEvent) => Promise<void>;
      logger: Logger;
      maxEventIds?: number;
      /** Event ids handled by any instance sharing the database. */
      processed?: ProcessedDeliveries;
      /** Why an event cannot be handled though its shape is right (e.g. an answer of the wrong kind), in Japanese. */
      problem?: (event: LogoEvent) => Promise<string | undefined>;
    },
  ) {}

  async receive(request: RelayRequest): Promise<RelayResponse> {
    this.deps.verifier.verify(request.headers, request.rawBody);
    let json: unknown;
    try {
      json = JSON.parse(request.rawBody.toString('utf8'), withoutNul);
    } catch (err) {
      throw new KotaeError('INPUT_INVALID', 'logo relay: body is not JSON', {
        userMessage: M.relay.invalid,
        cause: err,
      });
    }
    const parsed = RelayEventSchema.safeParse(json);
    if (!parsed.success) {
      throw new KotaeError('INPUT_INVALID', `logo relay: invalid event: ${parsed.error.issues[0]?.message ?? ''}`, {
        userMessage: M.relay.invalid,
      });
    }
    const event = parsed.data;
    // Before the dedupe: a refused event is not accepted, so the relay may correct it and post it again.
    const problem = await this.deps.problem?.(fromRelayEvent(event));
    if (problem) {
      throw new KotaeError('INPUT_INVALID', `logo relay: ${event.type} event does not fit what it answers`, {
        userMessage: problem,
      });
    }
    if (this.seen.has(event.eventId)) return { status: 200, body: { accepted: true, duplicate: true } };
    this.remember(event.eventId);
    if (this.deps.processed && !(await this.deps.processed.claim(`logo-relay:${event.eventId}`))) {
      return { status: 200, body: { accepted: true, duplicate: true } };
    }
    this.deps.dispatch(fromRelayEvent(event)).catch((err: unknown) =>
      this.deps.logger.error('logo relay: event failed', {
        eventId: event.eventId,
        error: err instanceof Error ? err.message : String(err),
      }),
    );
    return { status: 202, body: { accepted: true, duplicate: false } };
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    const max = this.deps.maxEventIds ?? 10_000;
    for (const old of this.seen) {
      if (this.seen.size <= max) break;
      this.seen.delete(old);
    }
  }
}
