/**
 * Live updates (Server-Sent Events): `GET /events` (the desk) and `GET /events?ticket=<id>` (one ticket)
 * poll a change marker in the database every `liveIntervalMs` and send `event: change` with the new
 * marker, so a page on any instance hears of tickets, comments and requester replies written by any other.
 * A stream ends after a few minutes; the browser's EventSource reconnects (and the session is checked again).
 */
import type { ConsoleRoute, HandlerContext } from './route-types';
import { query } from './route-types';

/** How often the marker is read, and how long one stream lasts. */
export const LIVE_DEFAULTS = { intervalMs: 1500, streamMs: 5 * 60_000, heartbeatMs: 20_000 } as const;

async function stream(c: HandlerContext): Promise<void> {
  const changes = c.deps.changes;
  if (!changes) {
    c.res.status(204).end();
    return;
  }
  const ticketKey = query(c.req, 'ticket');
  const ticket = ticketKey ? await c.deps.tickets.get(ticketKey) : undefined;
  const read = () => (ticket ? changes.ticketMarker(ticket.id) : changes.deskMarker());
  const interval = c.deps.liveIntervalMs ?? LIVE_DEFAULTS.intervalMs;
  const res = c.res;
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  res.write('retry: 2000\n\n');
  let last = query(c.req, 'since');
  let open = true;
  let sinceBeat = 0;
  res.on('close', () => (open = false));
  const started = Date.now();
  while (open && Date.now() - started < (c.deps.liveStreamMs ?? LIVE_DEFAULTS.streamMs)) {
    try {
      const marker = await read();
      if (marker !== last) {
        last = marker;
        res.write(`event: change\ndata: ${JSON.stringify(marker)}\n\n`);
        sinceBeat = 0;
      }
    } catch (err) {
      // The database is briefly unreachable: say nothing, try again next tick.
      c.deps.logger.warn('live marker unavailable', { error: err instanceof Error ? err.message : String(err) });
    }
    sinceBeat += interval;
    if (sinceBeat >= LIVE_DEFAULTS.heartbeatMs) {
      res.write(': keep-alive\n\n');
      sinceBeat = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  res.end();
}

/** The live routes. */
export const LIVE_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/events', role: 'operator', handle: stream },
];
