/** FAQ routes: editor (operator/admin), drafts and approval (admin), unanswered questions. */
import type { Request } from 'express';
import { KotaeError } from '../../../core/errors';
import { hasRole, type FaqChange, type FaqInput } from '../../../tickets';
import { faqForm, faqList, unansweredList } from './faq-pages';
import { html } from './html';
import { noticeFor, sendPage } from './layout';
import { M } from './messages';
import { done, field, param, query, type ConsoleRoute, type HandlerContext } from './route-types';

function faqInput(req: Request): FaqInput {
  return {
    category: field(req, 'category'),
    question: field(req, 'question'),
    alternateQuestions: field(req, 'alternates').split(/\r?\n/),
    answer: field(req, 'answer'),
    sourceUrl: field(req, 'sourceUrl'),
  };
}

function version(req: Request): number {
  const v = Number.parseInt(field(req, 'version'), 10);
  if (!Number.isSafeInteger(v)) throw new KotaeError('INPUT_INVALID', 'missing version');
  return v;
}

const after = (c: HandlerContext, path: string, change: FaqChange, notice: string) =>
  done(c, path, change.entry?.status === 'approved' && !change.reindexed ? 'reindexFailed' : notice);

/** Routes of the FAQ pages. */
export const FAQ_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/faqs',
    role: 'operator',
    handle: async (c) => {
      const list = faqList(c.base, c.auth.session.csrfToken, await c.deps.faqs.list('approved'), {
        drafts: false,
        canApprove: false,
      });
      const body = html`<p><a href="${c.base}/faqs/new">${M.faq.create}</a></p>
        ${list}`;
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.faq.title,
        body,
        notice: noticeFor(query(c.req, 'notice')),
      });
    },
  },
  {
    method: 'get',
    path: '/faqs/drafts',
    role: 'operator',
    handle: async (c) => {
      const canApprove = hasRole(c.auth.operator.role, 'admin');
      const body = faqList(c.base, c.auth.session.csrfToken, await c.deps.faqs.list('draft'), {
        drafts: true,
        canApprove,
      });
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.faq.drafts,
        body,
        notice: noticeFor(query(c.req, 'notice')),
      });
    },
  },
  {
    method: 'get',
    path: '/faqs/new',
    role: 'operator',
    handle: async (c) => {
      const input: FaqInput = { category: 'その他', question: '', alternateQuestions: [], answer: '' };
      const body = faqForm({
        base: c.base,
        csrf: c.auth.session.csrfToken,
        action: '/faqs',
        input,
        categories: c.deps.tickets.categories,
        submit: M.faq.save,
      });
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: M.faq.newTitle, body });
    },
  },
  {
    method: 'post',
    path: '/faqs',
    role: 'operator',
    handle: async (c) =>
      after(c, '/faqs', await c.deps.faqs.createApproved(faqInput(c.req), c.auth.operator.username), 'faqSaved'),
  },
  {
    method: 'get',
    path: '/faqs/:id/edit',
    role: 'operator',
    handle: async (c) => {
      const e = await c.deps.faqs.get(param(c.req, 'id'));
      const body = faqForm({
        base: c.base,
        csrf: c.auth.session.csrfToken,
        action: `/faqs/${e.id}`,
        input: e,
        categories: c.deps.tickets.categories,
        submit: M.faq.save,
        version: e.version,
      });
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: M.faq.editTitle, body });
    },
  },
  {
    method: 'post',
    path: '/faqs/:id',
    role: 'operator',
    handle: async (c) => {
      const change = await c.deps.faqs.update(
        param(c.req, 'id'),
        version(c.req),
        faqInput(c.req),
        c.auth.operator.username,
      );
      after(c, change.entry?.status === 'draft' ? '/faqs/drafts' : '/faqs', change, 'faqSaved');
    },
  },
  {
    method: 'post',
    path: '/faqs/:id/delete',
    role: 'operator',
    handle: async (c) =>
      after(c, '/faqs', await c.deps.faqs.delete(param(c.req, 'id'), c.auth.operator.username), 'faqDeleted'),
  },
  {
    method: 'post',
    path: '/faqs/:id/approve',
    role: 'admin',
    handle: async (c) =>
      after(
        c,
        '/faqs',
        await c.deps.faqs.approve(param(c.req, 'id'), version(c.req), c.auth.operator.username),
        'faqApproved',
      ),
  },
  {
    method: 'get',
    path: '/unanswered',
    role: 'operator',
    handle: async (c) => {
      const body = unansweredList(await c.deps.unanswered.list(200));
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: M.unanswered.title, body });
    },
  },
];
