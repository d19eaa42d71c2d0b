/**
 * Console pages for reports: list, view figures and download (operators, auditors and admins); edit
 * 課題・対策 with a version check, mark final and generate now (operators and admins); resend a scheduled
 * delivery's channels not sent (再送, admins only; each report's delivery is shown in the list). Auth, CSRF checking
 * and the page layout are injected, so this router does not depend on the console's own modules.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { KotaeError } from '../../../core';
import { customPeriodText, isReportKind, REPORT_ERRORS, type ReportKind, type ReportService } from '../../../reports';
import type { OperatorRole } from '../../../tickets';
import { confirmFinalPage, listPage, reportPage } from './pages';
import { redeliveryNotice, redeliveryNoticeText } from './delivery-html';
import { rejectNulInBody } from '../request-errors';

/** The report use cases the pages need (a ReportService). */
export type ReportPagesService = Pick<
  ReportService,
  | 'list'
  | 'get'
  | 'generate'
  | 'updateIssues'
  | 'markFinal'
  | 'filePath'
  | 'conversationLog'
  | 'exportModel'
  | 'deliveryStatus'
  | 'redeliver'
>;

/** What the router needs. */
export interface ReportsRouterDeps {
  reports: ReportPagesService;
  /** Middleware factory that admits an operator meeting one of the roles (hasRole) and checks CSRF on POST. */
  authorize: (roles: readonly OperatorRole[]) => RequestHandler;
  /** Whether the signed-in operator meets one of the roles (the forms it may not post are left out); default true. */
  allows?: (roles: readonly OperatorRole[], req: Request, res: Response) => boolean;
  /** Who acts (the signed-in operator), for the audit log. */
  actor?: (req: Request, res: Response) => string | undefined;
  /** Wraps a page body in the console layout. */
  layout: (title: string, bodyHtml: string, req: Request, res: Response) => string;
  /** The session's CSRF token for forms (field `_csrf`); empty when the app checks CSRF otherwise. */
  csrfToken?: (req: Request, res: Response) => string;
  /**
   * Whether the signed-in operator may see 機密性3 tickets now (administrators, rostered operators):
   * the conversation log then shows their conversations. Without it they are left out for everybody.
   */
  maySeeConfidential?: (req: Request, res: Response) => Promise<boolean>;
}

/** Who may list, view and download reports: operators, auditors (read-only) and admins. */
export const REPORT_READERS: readonly OperatorRole[] = ['operator', 'auditor'];
/** Who may generate, edit and finalise reports: operators and admins (never an auditor). */
export const REPORT_EDITORS: readonly OperatorRole[] = ['operator'];
/** Who may resend a report's scheduled delivery (再送): administrators only. */
export const REPORT_REDELIVERERS: readonly OperatorRole[] = ['admin'];

function kindOf(value: string): ReportKind {
  if (!isReportKind(value)) throw new KotaeError('NOT_FOUND', `unknown report kind ${value}`);
  return value;
}

function versionOf(body: unknown): number {
  const v = Number((body as Record<string, unknown> | undefined)?.version);
  if (!Number.isInteger(v) || v < 1) throw new KotaeError('INPUT_INVALID', 'missing or bad version');
  return v;
}

function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

/** Creates the router; mount it under e.g. `/console/reports`. */
export function createReportsRouter(deps: ReportsRouterDeps): express.Router {
  const router = express.Router();
  const csrf = (req: Request, res: Response): string => deps.csrfToken?.(req, res) ?? '';
  const actorOf = (req: Request, res: Response): string => deps.actor?.(req, res) ?? 'console';
  const page = (req: Request, res: Response, title: string, body: string): void => {
    res.type('html').send(deps.layout(title, body, req, res));
  };
  const editable = (req: Request, res: Response): boolean => deps.allows?.(REPORT_EDITORS, req, res) ?? true;
  // One check per route (never two: the console's check also claims the form's one-time key).
  // Typed with string params, so the routes' `req.params` stay strings as without a middleware.
  const read: RequestHandler<Record<string, string>> = deps.authorize(REPORT_READERS);
  const edit: RequestHandler<Record<string, string>> = deps.authorize(REPORT_EDITORS);
  const resend: RequestHandler<Record<string, string>> = deps.authorize(REPORT_REDELIVERERS);
  const mayResend = (req: Request, res: Response): boolean => deps.allows?.(REPORT_REDELIVERERS, req, res) ?? true;
  const notice = (req: Request): string | undefined =>
    redeliveryNoticeText(typeof req.query.notice === 'string' ? req.query.notice : '');
  router.use(express.urlencoded({ extended: false, limit: '64kb' }), rejectNulInBody);

  router.get('/', read, async (req, res) => {
    const reports = await deps.reports.list();
    const delivery = { statuses: await deps.reports.deliveryStatus(reports), resend: mayResend(req, res) };
    const body = listPage(req.baseUrl, csrf(req, res), reports, editable(req, res), delivery, notice(req));
    page(req, res, '運用報告書', body);
  });
  router.post('/generate', edit, async (req, res) => {
    const kind = field(req.body, 'kind');
    const period =
      kind === 'custom' ? customPeriodText(field(req.body, 'from'), field(req.body, 'to')) : field(req.body, 'period');
    const saved = await deps.reports.generate(kind, period, actorOf(req, res));
    res.redirect(303, `${req.baseUrl}/${saved.kind}/${encodeURIComponent(saved.period)}`);
  });
  router.get('/conversation-log.csv', read, async (req, res) => {
    const query = (name: string): string => (typeof req.query[name] === 'string' ? req.query[name] : '');
    // Validated before the first byte: a bad period is a Japanese error page, not a broken download.
    const showConfidential = (await deps.maySeeConfidential?.(req, res)) ?? false;
    const log = deps.reports.conversationLog(query('from'), query('to'), {
      actor: actorOf(req, res),
      showConfidential,
    });
    res.attachment(log.name).type('text/csv; charset=utf-8');
    await pipeline(Readable.from(log.chunks), res);
  });
  router.get('/:kind/:period', read, async (req, res) => {
    const r = await deps.reports.get(kindOf(req.params.kind), req.params.period);
    const body = reportPage(req.baseUrl, csrf(req, res), r, editable(req, res));
    page(req, res, `${r.model.title} ${r.model.period.label}`, body);
  });
  router.get('/:kind/:period/model.json', read, async (req, res) => {
    const r = await deps.reports.exportModel(kindOf(req.params.kind), req.params.period, { actor: actorOf(req, res) });
    res.attachment(`${r.kind}-${r.period}.json`).json(r.model);
  });
  router.get('/:kind/:period/files/:name', read, async (req, res) => {
    const file = await deps.reports.filePath(
      kindOf(req.params.kind),
      req.params.period,
      req.params.name,
      actorOf(req, res),
    );
    res.download(file, req.params.name);
  });
  router.post('/:kind/:period/issues', edit, async (req, res) => {
    const kind = kindOf(req.params.kind);
    await deps.reports.updateIssues(
      kind,
      req.params.period,
      field(req.body, 'issuesText'),
      versionOf(req.body),
      actorOf(req, res),
    );
    res.redirect(303, `${req.baseUrl}/${kind}/${encodeURIComponent(req.params.period)}`);
  });
  // The confirmation page is the first step of 確定: editors only.
  router.get('/:kind/:period/final', edit, async (req, res) => {
    const r = await deps.reports.get(kindOf(req.params.kind), req.params.period);
    page(req, res, `${r.model.title} ${r.model.period.label}`, confirmFinalPage(req.baseUrl, csrf(req, res), r));
  });
  router.post('/:kind/:period/final', edit, async (req, res) => {
    const kind = kindOf(req.params.kind);
    if (field(req.body, 'confirm') !== 'yes')
      throw new KotaeError('INPUT_INVALID', 'final without confirmation', {
        userMessage: REPORT_ERRORS.confirmRequired,
      });
    await deps.reports.markFinal(kind, req.params.period, versionOf(req.body), actorOf(req, res));
    res.redirect(303, `${req.baseUrl}/${kind}/${encodeURIComponent(req.params.period)}`);
  });
  // An administrator's 再送 of the scheduled delivery (the channels not sent), answered with a notice on the list.
  router.post('/:kind/:period/redeliver', resend, async (req, res) => {
    const outcome = await deps.reports.redeliver(kindOf(req.params.kind), req.params.period, actorOf(req, res));
    res.redirect(303, `${req.baseUrl}/?notice=${encodeURIComponent(redeliveryNotice(outcome))}`);
  });
  return router;
}
