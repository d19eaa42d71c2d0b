/** ナレッジの管理: upload and delete manuals (operators and admins); the background ingest's state. */
import { KotaeError } from '../../../core';
import type { KnowledgeConsole, KnowledgeInsightsPort } from './knowledge-deps';
import { unusedTable, usageTable, usageView } from './insight-pages';
import { documentList, indexState, ingestStatus, sharePointSection, uploadForm } from './knowledge-pages';
import { K } from './knowledge-messages';
import { noticeFor, sendPage } from './layout';
import { uploadedManuals } from './knowledge-upload';
import { html } from './html';
import { done, field, query, type ConsoleRoute, type HandlerContext } from './route-types';

/** The period of the usage views (days). */
export const USAGE_DAYS = 90;

/** Usage and gaps, or 404 when this console has none. */
export function insightsOf(c: HandlerContext): KnowledgeInsightsPort {
  const insights = knowledgeOf(c).insights;
  if (!insights) throw new KotaeError('NOT_FOUND', 'knowledge insights not configured');
  return insights;
}

/** The knowledge side, or 404 when this console has none. */
export function knowledgeOf(c: HandlerContext): KnowledgeConsole {
  if (!c.deps.knowledge) throw new KotaeError('NOT_FOUND', 'knowledge pages not configured');
  return c.deps.knowledge;
}

const NOTICES: Readonly<Record<string, string>> = {
  gapClosed: K.gaps.closed,
  syncStarted: K.knowledge.syncStarted,
  uploaded: K.knowledge.uploaded('文書'),
  docDeleted: K.knowledge.deleted,
};

/** Notices of the knowledge pages (then the shared ones). */
export function knowledgeNotice(key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(NOTICES, key) ? NOTICES[key] : noticeFor(key);
}

/** Routes of ナレッジの管理. */
export const KNOWLEDGE_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/knowledge',
    role: 'operator',
    handle: async (c) => {
      const k = knowledgeOf(c);
      const csrf = c.auth.session.csrfToken;
      const sp = k.sharePoint;
      // The last run of any instance, kept across restarts (job_run), with its skipped files and warnings.
      const ingest = await k.ingest.latest();
      const spSection = sp
        ? sharePointSection(c.base, csrf, await sp.status(), {
            busy: sp.busy,
            credentialExpires: sp.credentialExpires,
            today: c.deps.clock.now().toISOString().slice(0, 10),
            ingestSkipped: ingest.summary?.skipped.filter((i) => i.path.startsWith('@sharepoint/')),
          })
        : '';
      const body = html`${indexState(k.index?.())} ${uploadForm(c.base, csrf, k.documents.maxBytes)}
      ${ingestStatus(c.base, ingest)} ${spSection} ${documentList(c.base, csrf, k.documents.list())}`;
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: K.knowledge.title,
        body,
        notice: knowledgeNotice(query(c.req, 'notice')),
      });
    },
  },
  {
    method: 'post',
    path: '/knowledge/documents',
    role: 'operator',
    handle: async (c) => {
      const k = knowledgeOf(c);
      const files = uploadedManuals(c);
      for (const f of files) k.documents.commit(f);
      void k.ingest.request(`${K.knowledge.reasonUpload}（${files.map((f) => f.name).join('、')}）`);
      done(c, '/knowledge', 'uploaded');
    },
  },
  {
    method: 'post',
    path: '/knowledge/documents/delete',
    role: 'operator',
    handle: async (c) => {
      const k = knowledgeOf(c);
      const name = field(c.req, 'name');
      k.documents.delete(name);
      void k.ingest.request(`${K.knowledge.reasonDelete}（${name}）`);
      done(c, '/knowledge', 'docDeleted');
    },
  },
  {
    method: 'get',
    path: '/knowledge/usage',
    role: 'operator',
    handle: async (c) => {
      const insights = insightsOf(c);
      const view = usageView(query(c.req, 'view'));
      const body =
        view === 'unused'
          ? unusedTable(c.base, await insights.unusedFaqs(), USAGE_DAYS)
          : usageTable(
              c.base,
              view,
              view === 'unhelpful' ? await insights.unhelpfulFaqs() : await insights.documents(),
              USAGE_DAYS,
            );
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: K.usage.title, body });
    },
  },
  {
    method: 'post',
    path: '/unanswered/close',
    role: 'operator',
    handle: async (c) => {
      const ids = field(c.req, 'ids')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => /^[A-Za-z0-9-]{1,36}$/.test(s))
        .slice(0, 5000);
      if (ids.length === 0) throw new KotaeError('INPUT_INVALID', 'no question ids');
      await insightsOf(c).close(ids, c.auth.operator.username);
      done(c, '/unanswered', 'gapClosed');
    },
  },
  {
    method: 'post',
    path: '/knowledge/sharepoint/sync',
    role: 'operator',
    handle: async (c) => {
      const sp = knowledgeOf(c).sharePoint;
      if (!sp) throw new KotaeError('NOT_FOUND', 'sharepoint not configured');
      void sp.syncNow();
      done(c, '/knowledge', 'syncStarted');
    },
  },
];
