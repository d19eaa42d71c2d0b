/**
 * Console pages of the registers and lending (issue 16 point 2). Operators issue and withdraw values,
 * request bookings, check items out and take them back; admins (ICT推進課) approve or reject, manage
 * items and licence pools and grant licences. Auth, CSRF and the layout are injected.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import { KotaeError } from '../../../core';
import type { Clock } from '../../../core';
import { jstDateKey } from '../../../calendar';
import {
  bookingCalendar,
  HOLDING_STATUSES,
  registerCsv,
  REGISTER_KINDS,
  type LendingService,
  type RegisterFilter,
  type RegisterService,
} from '../../../registers';
import { typedJstDateTime, type SafeHtml } from '../console';
import { bookingPage, calendarPage } from './booking-pages';
import { lendingPage, type RequestForm } from './lending-pages';
import { R } from './messages';
import { registerPage, type IssueForm } from './register-pages';

/** The signed-in operator as the pages need it. */
export interface RegisterActor {
  username: string;
  admin: boolean;
  csrf: string;
}

/** What the router needs. */
export interface RegistersRouterDeps {
  registers: RegisterService;
  lending: LendingService;
  clock: Clock;
  /** Middleware admitting the role (and checking CSRF on POST). */
  authorize: (role: 'operator' | 'admin') => RequestHandler;
  actor: (res: Response) => RegisterActor;
  /** Sends a page in the console layout. */
  send: (
    res: Response,
    status: number,
    page: { title: string; body: SafeHtml; notice?: string; error?: string },
  ) => void;
}

const NOTICES: Readonly<Record<string, string>> = {
  issued: R.registers.issuedNotice,
  withdrawn: R.registers.withdrawnNotice,
  requested: R.lending.requestedNotice,
};

const text = (req: Request, name: string): string => {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};
const list = (req: Request, name: string): string[] => {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
};
const queryOf = (req: Request, name: string): string => (typeof req.query[name] === 'string' ? req.query[name] : '');
const userError = (err: unknown) =>
  err instanceof KotaeError && (err.code === 'INPUT_INVALID' || err.code === 'CONFLICT') ? err : undefined;

function filterOf(req: Request): RegisterFilter {
  const kind = REGISTER_KINDS.find((k) => k === queryOf(req, 'kind'));
  const status = (['issued', 'withdrawn'] as const).find((s) => s === queryOf(req, 'status'));
  const t = queryOf(req, 'text').trim().slice(0, 100);
  return { kind, status, text: t || undefined };
}

/** Creates the router; mount it at `/console/registers`. */
export function createRegistersRouter(deps: RegistersRouterDeps): express.Router {
  const router = express.Router();
  const operator = deps.authorize('operator');
  const admin = deps.authorize('admin');
  const go = (req: Request, res: Response, path: string, notice?: string) =>
    res.redirect(303, `${req.baseUrl}${path}${notice ? `?notice=${notice}` : ''}`);

  const showRegisters = async (req: Request, res: Response, status = 200, error?: string, typed?: IssueForm) => {
    const filter = filterOf(req);
    const body = registerPage({
      base: req.baseUrl,
      csrf: deps.actor(res).csrf,
      hint: deps.registers.nameHint,
      filter,
      entries: await deps.registers.list(filter),
      typed,
    });
    deps.send(res, status, { title: R.registers.title, body, error, notice: NOTICES[queryOf(req, 'notice')] });
  };

  const showLending = async (req: Request, res: Response, status = 200, error?: string, typed?: RequestForm) => {
    const me = deps.actor(res);
    const now = deps.clock.now();
    const body = lendingPage({
      base: req.baseUrl,
      csrf: me.csrf,
      admin: me.admin,
      now,
      items: await deps.lending.items(),
      pending: await deps.lending.bookings({ statuses: ['requested'] }),
      current: (await deps.lending.bookings({ statuses: ['approved', 'checked_out'] })).filter(
        (b) => b.status === 'checked_out' || b.endsAt.getTime() > now.getTime(),
      ),
      pools: await deps.lending.pools(),
      typed,
    });
    deps.send(res, status, { title: R.lending.title, body, error, notice: NOTICES[queryOf(req, 'notice')] });
  };

  router.get('/', operator, (req, res) => showRegisters(req, res));
  router.post('/issue', operator, async (req, res) => {
    const typed: IssueForm = {};
    for (const k of ['kind', 'value', 'department', 'requester', 'site', 'terminalRef', 'reason'] as const)
      typed[k] = text(req, k);
    try {
      await deps.registers.issue(typed, deps.actor(res).username);
    } catch (err) {
      const e = userError(err);
      if (!e) throw err;
      return showRegisters(req, res, e.status, e.userMessage, typed);
    }
    go(req, res, '/', 'issued');
  });
  router.post('/entries/:id/withdraw', operator, async (req, res) => {
    await deps.registers.withdraw(String(req.params.id), text(req, 'reason'), deps.actor(res).username);
    go(req, res, '/', 'withdrawn');
  });
  router.get('/export.csv', operator, async (req, res) => {
    const encoding = queryOf(req, 'encoding') === 'sjis' ? 'sjis' : 'utf8';
    const body = registerCsv(await deps.registers.list(filterOf(req)), encoding);
    const name = `registers-${jstDateKey(deps.clock.now())}.csv`;
    // attachment() sets a type from the file name, so the charset is set after it.
    res.attachment(name);
    res.type(encoding === 'sjis' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8').send(body);
  });

  router.get('/lending', operator, (req, res) => showLending(req, res));
  router.post('/lending/bookings', operator, async (req, res) => {
    const typed: RequestForm = {};
    for (const k of ['itemId', 'requester', 'department', 'purpose', 'from', 'to'] as const) typed[k] = text(req, k);
    let id: string;
    try {
      const input = {
        ...typed,
        startsAt: typedJstDateTime(typed.from ?? '', R.lending.startsAt),
        endsAt: typedJstDateTime(typed.to ?? '', R.lending.endsAt),
      };
      id = (await deps.lending.request(input, deps.actor(res).username)).id;
    } catch (err) {
      const e = userError(err);
      if (!e) throw err;
      return showLending(req, res, e.status, e.userMessage, typed);
    }
    go(req, res, `/lending/bookings/${id}`, 'requested');
  });
  router.get('/lending/bookings/:id', operator, async (req, res) => {
    const booking = await deps.lending.booking(String(req.params.id));
    const me = deps.actor(res);
    const body = bookingPage({
      base: req.baseUrl,
      csrf: me.csrf,
      admin: me.admin,
      now: deps.clock.now(),
      booking,
      item: await deps.lending.item(booking.itemId),
      pools: await deps.lending.pools(),
      grants: await deps.lending.grants({ bookingId: booking.id }),
    });
    deps.send(res, 200, { title: R.lending.booking, body, notice: NOTICES[queryOf(req, 'notice')] });
  });
  const bookingAction = (
    path: string,
    role: RequestHandler,
    act: (id: string, req: Request, who: string) => Promise<unknown>,
  ) =>
    router.post(`/lending/bookings/:id/${path}`, role, async (req, res) => {
      const id = String(req.params.id);
      await act(id, req, deps.actor(res).username);
      go(req, res, `/lending/bookings/${id}`);
    });
  bookingAction('approve', admin, (id, _req, who) => deps.lending.approve(id, who));
  bookingAction('reject', admin, (id, req, who) => deps.lending.reject(id, text(req, 'reason'), who));
  bookingAction('cancel', operator, (id, _req, who) => deps.lending.cancel(id, who));
  bookingAction('checkout', operator, (id, req, who) => deps.lending.checkOut(id, list(req, 'accessories'), who));
  bookingAction('return', operator, (id, req, who) =>
    deps.lending.return(id, { accessories: list(req, 'accessories'), note: text(req, 'note') }, who),
  );
  bookingAction('licences', admin, (id, req, who) => deps.lending.grantLicence(id, text(req, 'poolId'), who));
  router.post('/lending/grants/:id/release', admin, async (req, res) => {
    const grant = await deps.lending.releaseLicence(String(req.params.id), deps.actor(res).username);
    go(req, res, `/lending/bookings/${grant.bookingId}`);
  });

  router.get('/lending/items/:id', operator, async (req, res) => {
    const item = await deps.lending.item(String(req.params.id));
    const view = queryOf(req, 'view') === 'month' ? 'month' : 'week';
    const date = /^\d{4}-\d{2}-\d{2}$/.test(queryOf(req, 'date')) ? queryOf(req, 'date') : jstDateKey(deps.clock.now());
    const shown = [...HOLDING_STATUSES, 'returned' as const];
    const bookings = await deps.lending.bookings({ itemId: item.id, statuses: shown });
    const cal = bookingCalendar(view, date, bookings);
    deps.send(res, 200, {
      title: `${R.lending.calendar}: ${item.name}`,
      body: calendarPage(req.baseUrl, item, cal, deps.clock.now()),
    });
  });
  router.post('/lending/items', admin, async (req, res) => {
    const accessories = text(req, 'accessories');
    await deps.lending.addItem(
      { name: text(req, 'name'), kind: text(req, 'kind'), accessories, site: text(req, 'site') },
      deps.actor(res).username,
    );
    go(req, res, '/lending');
  });
  router.post('/lending/items/:id/retire', admin, async (req, res) => {
    await deps.lending.retireItem(String(req.params.id), deps.actor(res).username);
    go(req, res, '/lending');
  });
  router.post('/lending/pools', admin, async (req, res) => {
    await deps.lending.addPool(text(req, 'name'), text(req, 'seats'), deps.actor(res).username);
    go(req, res, '/lending');
  });
  return router;
}
