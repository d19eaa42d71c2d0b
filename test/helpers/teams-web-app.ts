import type { AddressInfo } from 'node:net';
import type { TeamsEndpoint } from '../../adapters/teams';
import { createWebApp, type WebAppDeps } from '../../adapters/web';
import { SystemClock } from '../../core/clock';
import { InMemoryTicketStore } from '../fakes/in-memory-ticket-store';

/** A Teams endpoint mounted at /api/messages of the real web app (its error middleware too), on loopback. */
export async function serveTeamsInWebApp(
  deps: Pick<WebAppDeps, 'helpdesk' | 'conversations' | 'logger'>,
  teams: TeamsEndpoint,
): Promise<{ url: string; close: () => Promise<void> }> {
  const web = createWebApp({
    ...deps,
    tickets: new InMemoryTicketStore(),
    clock: new SystemClock(),
    health: async () => ({ ok: true }),
    mounts: [{ path: '/api/messages', method: 'post', json: true, handler: (req, res) => teams.handle(req, res) }],
  });
  const server = await new Promise<ReturnType<typeof web.listen>>((resolve) => {
    const s = web.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
