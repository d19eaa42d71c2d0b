/**
 * One concrete request for every console route, for the authorization matrix: the page or form a caller
 * would send, built fresh for each caller (POSTs change state).
 */
import { PASSWORD, type ConsoleHarness } from './console-harness';

/** `after` undoes what a successful request changed that later requests rely on. */
export type Prepared = {
  path: string;
  form?: Record<string, string>;
  files?: { name: string; content: string }[];
  after?: () => Promise<void>;
};

async function* chunks(text: string) {
  yield Buffer.from(text);
}

/** A concrete request for each route, built fresh for each caller (POSTs change state). */
export const REQUESTS: Record<string, (h: ConsoleHarness) => Promise<Prepared>> = {
  'get /operations/sites': async () => ({ path: '/operations/sites' }),
  'post /operations/sites': async () => ({
    path: '/operations/sites',
    form: { name: `支所${next()}`, kind: 'branch' },
  }),
  'post /operations/sites/:id': async (h) => ({
    path: `/operations/sites/${await siteOf(h)}`,
    form: { name: '本庁舎', kind: 'main' },
  }),
  'post /operations/sites/:id/delete': async (h) => ({
    path: `/operations/sites/${(await h.operations.sites.create({ name: `出張所${next()}`, kind: 'outpost' }, 'system')).id}/delete`,
    form: {},
  }),
  'get /operations/terminals': async () => ({ path: '/operations/terminals' }),
  'get /operations/terminals/new': async () => ({ path: '/operations/terminals/new' }),
  'get /operations/terminals/export': async () => ({ path: '/operations/terminals/export?encoding=sjis' }),
  'get /operations/terminals/import': async () => ({ path: '/operations/terminals/import' }),
  'post /operations/terminals/import': async (h) => {
    await siteOf(h);
    const n = next();
    return {
      path: '/operations/terminals/import',
      form: { encoding: 'utf8' },
      files: [
        { name: 'terminals.csv', content: `コンピュータ名,IPアドレス,拠点\nIM-${n},10.201.0.${n % 250},本庁舎\n` },
      ],
    };
  },
  'post /operations/terminals/import/confirm': async (h) => {
    // A preview of one changed terminal kept for each user who may confirm it (the caller is one of them).
    const t = await terminalOf(h);
    const csv = `コンピュータ名,IPアドレス,拠点\n${t.computerName},${t.ipAddress},本庁舎\nIMC-${next()},10.203.0.${next() % 250},本庁舎\n`;
    const open = () => chunks(csv);
    const preview = await h.operations.terminals.import(open, 'utf8', 'system');
    if (preview.kind !== 'preview') throw new Error(`expected a preview, got ${preview.kind}`);
    for (const user of [h.users.operator, h.users.admin]) await h.operations.console.staging.keep(preview, open, user);
    return { path: '/operations/terminals/import/confirm', form: { token: preview.token } };
  },
  'post /operations/terminals/import/cancel': async () => ({
    path: '/operations/terminals/import/cancel',
    form: { token: 'a'.repeat(64) },
  }),
  'post /operations/terminals': async (h) => {
    const n = next();
    return {
      path: '/operations/terminals',
      form: { computerName: `NEW-${n}`, ipAddress: `10.202.0.${n % 250}`, siteId: await siteOf(h), status: 'active' },
    };
  },
  'get /operations/terminals/:id': async (h) => ({ path: `/operations/terminals/${(await terminalOf(h)).id}` }),
  'post /operations/terminals/:id': async (h) => {
    const t = await terminalOf(h);
    return {
      path: `/operations/terminals/${t.id}`,
      form: { computerName: t.computerName, ipAddress: t.ipAddress, siteId: t.siteId, status: 'repair', version: '1' },
    };
  },
  'post /operations/terminals/:id/delete': async (h) => ({
    path: `/operations/terminals/${(await terminalOf(h)).id}/delete`,
    form: {},
  }),
  'get /operations/campaigns': async () => ({ path: '/operations/campaigns' }),
  'get /operations/campaigns/new': async () => ({ path: '/operations/campaigns/new' }),
  'post /operations/campaigns': async (h) => ({
    path: '/operations/campaigns',
    form: {
      kind: 'software',
      title: '配布',
      windowStart: '2026-04-10T09:00',
      windowEnd: '2026-04-10T17:00',
      names: (await terminalOf(h)).computerName,
    },
  }),
  'get /operations/campaigns/:id': async (h) => ({
    path: `/operations/campaigns/${(await campaignOf(h)).campaign.id}`,
  }),
  'post /operations/campaigns/:id/state': async (h) => {
    const { campaign, terminal } = await campaignOf(h);
    return {
      path: `/operations/campaigns/${campaign.id}/state`,
      form: { terminalIds: terminal.id, state: 'in_progress' },
    };
  },
  'get /operations/campaigns/:id/report': async (h) => ({
    path: `/operations/campaigns/${(await campaignOf(h)).campaign.id}/report`,
  }),
  'get /operations/campaigns/:id/report/download': async (h) => ({
    path: `/operations/campaigns/${(await campaignOf(h)).campaign.id}/report/download?format=xlsx`,
  }),
  'post /operations/tickets/:id/terminal': async (h) => ({
    path: `/operations/tickets/${(await h.openTicket()).number}/terminal`,
    form: { computerName: (await terminalOf(h)).computerName },
  }),
  'get /': async () => ({ path: '/' }),
  'get /tickets': async () => ({ path: '/tickets' }),
  'get /events': async () => ({ path: '/events' }),
  'post /tickets/:id/assign-me': async (h) => ({
    path: `/tickets/${(await h.openTicket()).number}/assign-me`,
    form: {},
  }),
  'post /tickets/bulk': async (h) => ({
    path: '/tickets/bulk',
    form: { ids: (await h.openTicket()).number, bulk_priority: 'high' },
  }),
  'post /tickets/:id/merge': async (h) => ({
    path: `/tickets/${(await h.openTicket()).number}/merge`,
    form: { target: (await h.openTicket()).number },
  }),
  'get /tickets/:id/incident-report': async (h) => ({
    path: `/tickets/${(await h.openTicket({ type: 'incident' })).number}/incident-report?format=xlsx`,
  }),
  'post /tickets/:id/link': async (h) => ({
    path: `/tickets/${(await h.openTicket()).number}/link`,
    form: { other: (await h.openTicket()).number },
  }),
  'get /templates': async () => ({ path: '/templates' }),
  'post /templates': async () => ({ path: '/templates', form: { name: `定型${Math.random()}`, body: '{氏名}様' } }),
  'post /templates/:id/delete': async (h) => ({
    path: `/templates/${(await h.deps.templates.save({ name: '削除用', body: '本文' }, new Date())).id}/delete`,
  }),
  'post /views': async () => ({ path: '/views', form: { name: '至急', query: 'sla=breached' } }),
  'post /tickets/retry-undelivered': async () => ({ path: '/tickets/retry-undelivered', form: {} }),
  'get /tickets/:id': async (h) => ({ path: `/tickets/${(await h.openTicket()).number}` }),
  'post /tickets/:id/update': async (h) => ({
    path: `/tickets/${(await h.openTicket()).number}/update`,
    form: { version: '1', status: 'in_progress', category: 'プリンタ' },
  }),
  'post /tickets/:id/reply': async (h) => ({
    path: `/tickets/${(await h.openTicket()).number}/reply`,
    form: { body: '回答します' },
  }),
  'post /tickets/:id/note': async (h) => ({
    path: `/tickets/${(await h.openTicket()).number}/note`,
    form: { body: 'メモ' },
  }),
  'get /attachments/:attachmentId': async (h) => ({ path: `/attachments/${(await h.attachedImage()).attachment.id}` }),
  'post /attachments/:attachmentId/release': async (h) => ({
    path: `/attachments/${(await h.quarantinedImage()).attachment.id}/release`,
    form: { reason: '誤検知' },
  }),
  'get /tickets/:id/faq': async (h) => ({ path: `/tickets/${(await h.openTicket()).number}/faq` }),
  'post /tickets/:id/faq': async (h) => ({
    path: `/tickets/${(await h.openTicket()).number}/faq`,
    form: { category: 'プリンタ', question: 'Q', answer: 'A', alternates: '' },
  }),
  'get /worklogs': async () => ({ path: '/worklogs' }),
  'post /worklogs': async () => ({
    path: '/worklogs',
    form: {
      startedAt: '2026-04-01T09:00',
      endedAt: '2026-04-01T10:00',
      operatorName: '田中',
      title: '定期点検',
      content: 'サーバ点検',
    },
  }),
  'get /faqs': async () => ({ path: '/faqs' }),
  'get /faqs/drafts': async () => ({ path: '/faqs/drafts' }),
  'get /faqs/new': async () => ({ path: '/faqs/new' }),
  'post /faqs': async () => ({
    path: '/faqs',
    form: { category: 'メール', question: 'Q', answer: 'A', alternates: '' },
  }),
  'get /faqs/indexed': async () => ({ path: '/faqs/indexed?id=FAQ-0001' }),
  'post /faqs/indexed': async () => ({
    path: '/faqs/indexed',
    form: { faqId: 'FAQ-0001', category: 'アカウント', question: 'パスワードを忘れました', answer: '再設定します。' },
  }),
  'post /faqs/indexed/visibility': async (h) => ({
    path: '/faqs/indexed/visibility',
    form: { faqId: 'FAQ-0001', hidden: '1' },
    after: async () => {
      for (const e of await h.deps.faqs.list())
        if (e.sourceKey === 'FAQ-0001') await h.deps.faqs.remove(e.id, { username: 'test', canPublish: true });
    },
  }),
  'post /faqs/:id/visibility': async (h) => ({
    path: `/faqs/${(await published(h)).id}/visibility`,
    form: { version: '1', hidden: '1' },
  }),
  'get /faqs/:id/edit': async (h) => ({ path: `/faqs/${(await draft(h)).id}/edit` }),
  'post /faqs/:id': async (h) => ({
    path: `/faqs/${(await draft(h)).id}`,
    form: { version: '1', category: 'メール', question: 'Q2', answer: 'A2', alternates: '' },
  }),
  'post /faqs/:id/delete': async (h) => ({ path: `/faqs/${(await draft(h)).id}/delete`, form: { version: '1' } }),
  'post /faqs/:id/approve': async (h) => ({ path: `/faqs/${(await draft(h)).id}/approve`, form: { version: '1' } }),
  'get /unanswered': async () => ({ path: '/unanswered' }),
  'get /knowledge': async () => ({ path: '/knowledge' }),
  'post /knowledge/documents': async () => ({
    path: '/knowledge/documents',
    files: [{ name: 'matrix-upload.md', content: '# 手順\n本文' }],
  }),
  'get /knowledge/usage': async () => ({ path: '/knowledge/usage?view=unhelpful' }),
  'post /unanswered/close': async () => ({ path: '/unanswered/close', form: { ids: 'q-1,q-2' } }),
  'post /knowledge/sharepoint/sync': async () => ({ path: '/knowledge/sharepoint/sync', form: {} }),
  'post /knowledge/documents/delete': async (h) => {
    h.documents.commit(await h.documents.stage(chunks('# 手順\n本文'), { fileName: 'matrix.md' }));
    return { path: '/knowledge/documents/delete', form: { name: 'matrix.md' } };
  },
  'get /accounts': async () => ({ path: '/accounts' }),
  'post /accounts': async () => ({
    path: '/accounts',
    form: {
      username: `u${Math.random().toString(36).slice(2, 10)}`,
      displayName: '新規',
      role: 'staff',
      password: 'a-long-password-1',
    },
  }),
  'post /accounts/:id/role': async (h) => ({
    path: `/accounts/${(await h.deps.accounts.list()).find((o) => o.username === 'op1')!.id}/role`,
    form: { role: 'operator' },
  }),
  'post /accounts/:id/disable': async (h) => ({
    path: `/accounts/${(await h.deps.accounts.list()).find((o) => o.username === 'op1')!.id}/disable`,
  }),
  'post /accounts/:id/enable': async (h) => ({
    path: `/accounts/${(await h.deps.accounts.list()).find((o) => o.username === 'op1')!.id}/enable`,
  }),
  'post /accounts/:id/unlock': async (h) => ({
    path: `/accounts/${(await h.deps.accounts.list()).find((o) => o.username === 'op1')!.id}/unlock`,
  }),
  'post /accounts/:id/password': async (h) => ({
    path: `/accounts/${await idOf(h, 'op1')}/password`,
    form: { password: PASSWORD },
  }),
  'get /audit': async () => ({ path: '/audit' }),
  'get /account/notifications': async () => ({ path: '/account/notifications' }),
  'post /account/notifications': async () => ({
    path: '/account/notifications',
    form: { email: 'op@example.lg.jp', ev_ticket_created: '1' },
  }),
  'get /notifications': async () => ({ path: '/notifications' }),
  'get /certificates': async () => ({ path: '/certificates' }),
  'get /quarantine': async () => ({ path: '/quarantine' }),
  'post /quarantine/manuals/:sha256/release': async (h) => {
    const n = next();
    const { sha256 } = await h.quarantinedManual(`matrix-${n}.md`, `# 手順 ${n}\n`);
    return { path: `/quarantine/manuals/${sha256}/release`, form: { reason: '誤検知' } };
  },
  'get /certificates/:id': async (h) => ({ path: `/certificates/${h.certificate.id}` }),
  'get /certificates/:id/pdf': async (h) => ({ path: `/certificates/${h.certificate.id}/pdf` }),
  'get /certificates/:id/xlsx': async (h) => ({ path: `/certificates/${h.certificate.id}/xlsx` }),
  'get /account/password': async () => ({ path: '/account/password' }),
  'post /account/password': async (h) => ({
    path: '/account/password',
    form: { current: PASSWORD, next: 'a-new-long-password', confirm: 'a-new-long-password' },
    // Put every seeded password back, so the next route can sign in as before.
    after: async () => {
      for (const username of Object.values(h.users))
        await h.deps.accounts.resetPassword(await idOf(h, username), PASSWORD, 'system');
    },
  }),
  'post /signout': async () => ({ path: '/signout' }),
  'post /tickets/:id/restoration-start': async (h) => ({
    path: `/tickets/${(await h.openTicket({ type: 'incident' })).number}/restoration-start`,
    form: {},
  }),
  // Marking needs the roster: the operator is rostered for today (admins need no entry).
  'post /tickets/:id/confidential': async (h) => {
    await h.deps.roster.add({ username: 'op1', from: '2026-04-01', to: '2026-04-01', approver: '課長' }, 'admin1');
    return { path: `/tickets/${(await h.openTicket()).number}/confidential`, form: { confidential: 'on' } };
  },
  'get /api/tickets': async () => ({ path: '/api/tickets?q=' }),
  'get /api/tickets/:id': async (h) => ({ path: `/api/tickets/${(await h.openTicket()).number}` }),
  'get /roster': async () => ({ path: '/roster' }),
  'post /roster': async () => ({
    path: '/roster',
    form: { username: 'op1', from: '2026-04-01', to: '2027-03-31', approver: '情報政策課長' },
  }),
  'post /roster/:id/revoke': async (h) => {
    const e = await h.deps.roster.add(
      { username: 'op1', from: '2026-05-01', to: '2026-05-31', approver: 'A' },
      'admin1',
    );
    return { path: `/roster/${e.id}/revoke`, form: {} };
  },
  'get /fy-switch': async () => ({ path: '/fy-switch' }),
  'post /fy-switch': async () => ({
    path: '/fy-switch',
    form: { fiscalYear: '2026' },
    files: [{ name: 'jinji.csv', content: FY_CSV }],
  }),
  'get /fy-switch/:id': async (h) => {
    const { batch } = await h.deps.fySwitch.import(
      { bytes: Buffer.from(FY_CSV), fileName: 'a.csv', fiscalYear: 2026 },
      'op1',
    );
    return { path: `/fy-switch/${batch.id}` };
  },
};

/** A unique suffix for names that must not repeat (computer names, IPs, site names). */
let serial = 0;
const next = () => ++serial;

/** The site the matrix's terminals stand in (created once). */
async function siteOf(h: ConsoleHarness): Promise<string> {
  const sites = await h.operations.sites.list();
  return sites[0]?.id ?? (await h.operations.sites.create({ name: '本庁舎', kind: 'main' }, 'system')).id;
}

/** A new terminal with a unique name and IP. */
async function terminalOf(h: ConsoleHarness) {
  const n = next();
  return h.operations.terminals.create(
    {
      computerName: `MX-${n}`,
      ipAddress: `10.200.${Math.floor(n / 250)}.${(n % 250) + 1}`,
      siteId: await siteOf(h),
      status: 'active',
    },
    'system',
  );
}

/** A new campaign over one new terminal. */
async function campaignOf(h: ConsoleHarness) {
  const t = await terminalOf(h);
  const c = await h.operations.campaigns.create(
    {
      kind: 'monthly_patch',
      title: '月例パッチ',
      releaseDate: '2026-04-08',
      windowStart: new Date('2026-04-10T00:00:00Z'),
      windowEnd: new Date('2026-04-11T00:00:00Z'),
      terminalIds: [t.id],
      siteIds: [],
    },
    'system',
  );
  return { campaign: c, terminal: t };
}
const FY_CSV = '職員番号,氏名,異動区分,旧所属,新所属,対象システム\nK0001,架空 一郎,新規,,総務課,庁内メール\n';

async function idOf(h: ConsoleHarness, username: string): Promise<string> {
  return (await h.deps.accounts.list()).find((o) => o.username === username)!.id;
}

async function published(h: ConsoleHarness) {
  const { entry } = await h.deps.faqs.createApproved(
    { category: 'メール', question: '公開中の質問', alternateQuestions: [], answer: '回答' },
    'admin1',
  );
  return entry!;
}

function draft(h: ConsoleHarness) {
  return h.deps.faqs.saveDraft(
    { category: 'メール', question: '質問', alternateQuestions: [], answer: '回答' },
    undefined,
    'op1',
  );
}
