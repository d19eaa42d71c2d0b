/** 計画作業 (planned work): list, plan, change per-terminal states, 適用結果報告 (page, xlsx, CSV). */
import { KotaeError } from '../../../../core';
import { typedJstDateTime } from '../format';
import { patchReportBaseName, renderPatchReportCsv, renderPatchReportXlsx } from '../../../../operations';
import { contentDisposition } from '../../attachment-download';
import { sendPage } from '../layout';
import { field, param, query, type ConsoleRoute, type HandlerContext } from '../route-types';
import { fieldList, opsOf, orShowError } from './common';
import { campaignBody, campaignForm, campaignListBody, reportBody, type CampaignFormValues } from './campaign-pages';
import { O } from './messages';

function typedCampaign(c: HandlerContext): CampaignFormValues {
  const v = Object.fromEntries(
    ['kind', 'title', 'releaseDate', 'windowStart', 'windowEnd', 'description', 'names'].map((k) => [
      k,
      field(c.req, k),
    ]),
  ) as Omit<CampaignFormValues, 'siteIds'>;
  return { ...v, siteIds: fieldList(c, 'siteIds') };
}

async function newPage(c: HandlerContext, status = 200, error?: string, typed: Partial<CampaignFormValues> = {}) {
  const sites = await opsOf(c).sites.list();
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: O.campaigns.newTitle,
    error,
    body: campaignForm(c, sites, typed),
  });
}

async function create(c: HandlerContext) {
  const ops = opsOf(c);
  const v = typedCampaign(c);
  const { ids, unknown } = await ops.terminals.idsByNames(v.names.split(/[\s,、]+/));
  if (unknown.length > 0)
    throw new KotaeError('INPUT_INVALID', 'unknown computer names', { userMessage: O.campaigns.unknownNames(unknown) });
  const campaign = await ops.campaigns.create(
    {
      kind: v.kind,
      title: v.title,
      releaseDate: v.releaseDate,
      windowStart: typedJstDateTime(v.windowStart, O.campaigns.windowStart),
      windowEnd: typedJstDateTime(v.windowEnd, O.campaigns.windowEnd),
      description: v.description,
      terminalIds: ids,
      siteIds: v.siteIds,
    },
    c.auth.operator.username,
  );
  c.res.redirect(303, `${c.base}/operations/campaigns/${campaign.id}?notice=created`);
}

async function campaignPage(c: HandlerContext, status = 200, error?: string, notice?: string) {
  const campaigns = opsOf(c).campaigns;
  const view = await campaigns.view(param(c.req, 'id'));
  const numbers = await campaigns.ticketNumbers(view.targets);
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: view.campaign.title,
    error,
    notice: notice ?? (query(c.req, 'notice') === 'created' ? O.campaigns.created : undefined),
    body: campaignBody(c, view, numbers),
  });
}

/** The notice after a state change: how many terminals, which incident tickets (only well-formed numbers). */
function changedNotice(c: HandlerContext): string | undefined {
  const changed = Number.parseInt(query(c.req, 'changed'), 10);
  if (!(changed > 0)) return undefined;
  const incidents = query(c.req, 'incidents')
    .split(',')
    .filter((n) => /^[A-Z0-9]{1,10}-\d{4}-\d{1,10}$/.test(n))
    .slice(0, 1000);
  return O.campaigns.changed(changed, incidents);
}

async function changeState(c: HandlerContext) {
  const result = await opsOf(c).campaigns.setState(
    param(c.req, 'id'),
    fieldList(c, 'terminalIds'),
    field(c.req, 'state'),
    field(c.req, 'note'),
    { username: c.auth.operator.username, displayName: c.auth.operator.displayName },
  );
  const incidents = encodeURIComponent(result.incidents.join(','));
  c.res.redirect(
    303,
    `${c.base}/operations/campaigns/${param(c.req, 'id')}?changed=${result.changed}&incidents=${incidents}`,
  );
}

async function download(c: HandlerContext) {
  const report = await opsOf(c).campaigns.patchReport(param(c.req, 'id'));
  const xlsx = query(c.req, 'format') === 'xlsx';
  const name = `${patchReportBaseName(report)}.${xlsx ? 'xlsx' : 'csv'}`;
  c.res
    .status(200)
    .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
    .setHeader('Content-Disposition', contentDisposition('attachment', name))
    .send(xlsx ? await renderPatchReportXlsx(report) : renderPatchReportCsv(report));
}

/** Routes of the planned-work pages. */
export const CAMPAIGN_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/operations/campaigns',
    role: 'operator',
    handle: async (c) =>
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: O.campaigns.title,
        body: campaignListBody(c, await opsOf(c).campaigns.list()),
      }),
  },
  { method: 'get', path: '/operations/campaigns/new', role: 'operator', handle: (c) => newPage(c) },
  {
    method: 'post',
    path: '/operations/campaigns',
    role: 'operator',
    handle: (c) =>
      orShowError(
        () => create(c),
        (status, message) => newPage(c, status, message, typedCampaign(c)),
      ),
  },
  {
    method: 'get',
    path: '/operations/campaigns/:id',
    role: 'operator',
    handle: (c) => campaignPage(c, 200, undefined, changedNotice(c)),
  },
  {
    method: 'post',
    path: '/operations/campaigns/:id/state',
    role: 'operator',
    handle: (c) =>
      orShowError(
        () => changeState(c),
        (status, message) => campaignPage(c, status, message),
      ),
  },
  {
    method: 'get',
    path: '/operations/campaigns/:id/report',
    role: 'operator',
    handle: async (c) => {
      const report = await opsOf(c).campaigns.patchReport(param(c.req, 'id'));
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: O.report.title(report.campaign.title),
        body: reportBody(c, report),
      });
    },
  },
  { method: 'get', path: '/operations/campaigns/:id/report/download', role: 'operator', handle: download },
];
