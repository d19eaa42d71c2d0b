/**
 * `POST /api/logo/events`: signed events from a municipality's LoGoチャット relay. The raw body is
 * kept (the signature covers its exact bytes); everything else happens in adapters/logo-chat.
 */
import express, { type RequestHandler } from 'express';
import type { LogoEventReceiver } from '../logo-chat';

/** The route's handlers: a raw-body parser (256 KiB) and the receiver call. */
export function logoEventsHandlers(receiver: LogoEventReceiver): RequestHandler[] {
  const raw = express.raw({ type: () => true, limit: 256 * 1024 });
  const handle: RequestHandler = async (req, res) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
    const body: unknown = req.body;
    const rawBody = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const result = await receiver.receive({ headers, rawBody });
    res.status(result.status).json(result.body);
  };
  return [raw, handle];
}
