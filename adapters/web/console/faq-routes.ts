/**
 * FAQ routes: every FAQ whatever its origin (list, search, view, edit), drafts and approval (admin),
 * unanswered questions. Operators' saves are drafts; administrators' saves and approvals publish.
 */
import type { Request } from 'express';
import { KotaeError } from '../../../core';
import { hasRole, type FaqActor, type FaqChange, type FaqInput, type FaqVisibility } from '../../../tickets';
import { deleteForm, draftList, faqCatalogue, faqForm, unansweredList, visibilityForm } from './faq-pages';
import { html } from './html';
import { gapList } from './insight-pages';
import { K, ORIGIN_LABELS } from './knowledge-messages';
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

function actorOf(c: HandlerContext): FaqActor {
  return { username: c.auth.operator.username, canPublish: hasRole(c.auth.operator.role, 'admin') };
}

/** Notices of these pages, before the shared ones. */
const FAQ_NOTICES: Readonly<Record<string, string>> = {
  faqDraft: K.faq.draftSaved,
  faqHidden: K.faq.hidden,
  faqUnhidden: K.faq.unhidden,
  faqHideRequested: K.faq.hideRequested,
  faqDeleteRequested: K.faq.deleteRequested,
  faqDeleteRejected: K.faq.deleteRejected,
  faqDeleteWithdrawn: K.faq.deleteWithdrawn,
};

/** The notice of `key` (from the query string): one of these pages', or a shared one. */
function faqNotice(key: string): string | undefined {
  return Object.hasOwn(FAQ_NOTICES, key) ? FAQ_NOTICES[key] : noticeFor(key);
}

/** The list's 公開状態 filter (all when absent or unknown). */
function visibilityOf(req: Request): FaqVisibility {
  const v = query(req, 'state');
  return v === 'published' || v === 'hidden' ? v : 'all';
}

/** The form's `hidden`: 1 hides, 0 publishes again; anything else is refused. */
function hiddenField(req: Request): boolean {
  const v = field(req, 'hidden');
  if (v !== '1' && v !== '0') throw new KotaeError('INPUT_INVALID', 'hidden must be 1 or 0');
  return v === '1';
}

/** Where to go after hiding or publishing again: a request goes to the approval list. */
const afterVisibility = (c: HandlerContext, change: FaqChange, hidden: boolean) => {
  if (change.entry?.status !== 'approved') return done(c, '/faqs/drafts', hidden ? 'faqHideRequested' : 'faqDraft');
  done(c, '/faqs', !change.reindexed ? 'reindexFailed' : hidden ? 'faqHidden' : 'faqUnhidden');
};

/**
 * Where to go after a delete: an operator's request to delete goes to the approval list, and so does a request
 * rejected (by an administrator) or withdrawn (by an operator); a deleted FAQ or draft to the list.
 */
const afterDelete = (c: HandlerContext, change: FaqChange) => {
  const e = change.entry;
  if (!change.deleted) return done(c, '/faqs/drafts', 'faqDeleteRequested');
  if (e?.status === 'draft' && e.deleteRequestedAt !== undefined)
    return done(c, '/faqs/drafts', actorOf(c).canPublish ? 'faqDeleteRejected' : 'faqDeleteWithdrawn');
  done(c, '/faqs', e?.status === 'approved' && !change.reindexed ? 'reindexFailed' : 'faqDeleted');
};

/** Where to go after a save: drafts go to the approval list, published changes to the list. */
const after = (c: HandlerContext, change: FaqChange) => {
  const published = change.entry?.status === 'approved';
  if (published && !change.reindexed) return done(c, '/faqs', 'reindexFailed');
  done(c, published ? '/faqs' : '/faqs/drafts', published ? 'faqSaved' : 'faqDraft');
};

const submitLabel = (c: HandlerContext) => (actorOf(c).canPublish ? K.faq.savePublish : K.faq.saveDraft);
const saveNote = (c: HandlerContext) => (actorOf(c).canPublish ? K.faq.adminNote : K.faq.operatorNote);
/** The delete button of a published entry: an administrator deletes, an operator asks for it (an override: the sheet's text). */
const deleteLabel = (c: HandlerContext, e: { sourceKey?: string }) =>
  e.sourceKey
    ? actorOf(c).canPublish
      ? K.faq.removeOverride
      : K.faq.requestRemoveOverride
    : actorOf(c).canPublish
      ? K.faq.removeFaq
      : K.faq.requestRemoveFaq;

/** Routes of the FAQ pages. */
export const FAQ_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/faqs',
    role: 'operator',
    handle: async (c) => {
      const search = query(c.req, 'q').slice(0, 200);
      const visibility = visibilityOf(c.req);
      const list = faqCatalogue(c.base, await c.deps.faqs.catalogue(search, visibility), search, visibility);
      const body = html`<p><a href="${c.base}/faqs/new">${M.faq.create}</a></p>
        ${list}`;
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.faq.title,
        body,
        notice: faqNotice(query(c.req, 'notice')),
      });
    },
  },
  {
    method: 'get',
    path: '/faqs/drafts',
    role: 'operator',
    handle: async (c) => {
      const body = draftList(
        c.base,
        c.auth.session.csrfToken,
        await c.deps.faqs.list(),
        hasRole(c.auth.operator.role, 'admin'),
      );
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.faq.drafts,
        body,
        notice: faqNotice(query(c.req, 'notice')),
      });
    },
  },
  {
    method: 'get',
    path: '/faqs/new',
    role: 'operator',
    handle: async (c) => {
      const input: FaqInput = {
        category: 'その他',
        question: query(c.req, 'question').slice(0, 2000),
        alternateQuestions: [],
        answer: '',
      };
      const body = faqForm({
        base: c.base,
        csrf: c.auth.session.csrfToken,
        action: '/faqs',
        input,
        categories: c.deps.tickets.categories,
        submit: submitLabel(c),
        note: saveNote(c),
      });
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: M.faq.newTitle, body });
    },
  },
  {
    method: 'post',
    path: '/faqs',
    role: 'operator',
    handle: async (c) => after(c, await c.deps.faqs.create(faqInput(c.req), actorOf(c))),
  },
  {
    method: 'get',
    path: '/faqs/indexed',
    role: 'operator',
    handle: async (c) => {
      const id = query(c.req, 'id');
      const item = await c.deps.faqs.indexedItem(id);
      const file = item.sourcePath ?? '';
      const origin = item.origin === 'sharepoint' ? K.faq.sharePointNote(file) : K.faq.fileNote(file);
      const csrf = c.auth.session.csrfToken;
      const body = html`<p>${K.faq.origin}: ${ORIGIN_LABELS[item.origin]}（${file}）</p>
        ${item.hidden ? html`<p class="note">${K.faq.hiddenSheetNote}</p>` : ''}
        ${
          item.overridden && item.entry && !item.hidden
            ? html`<p class="note">${K.faq.overriddenNote}</p>
                ${deleteForm(c.base, csrf, item.entry, deleteLabel(c, item.entry))}`
            : ''
        }
        ${visibilityForm(c.base, csrf, '/faqs/indexed/visibility', item.hidden, { faqId: id })}
        ${faqForm({
          base: c.base,
          csrf,
          action: '/faqs/indexed',
          input: item.content,
          categories: c.deps.tickets.categories,
          submit: submitLabel(c),
          hidden: { faqId: id },
          note: `${origin} ${saveNote(c)}`,
        })}`;
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: K.faq.viewTitle, body });
    },
  },
  {
    method: 'post',
    path: '/faqs/indexed',
    role: 'operator',
    handle: async (c) => after(c, await c.deps.faqs.editIndexed(field(c.req, 'faqId'), faqInput(c.req), actorOf(c))),
  },
  {
    method: 'post',
    path: '/faqs/indexed/visibility',
    role: 'operator',
    handle: async (c) => {
      const hidden = hiddenField(c.req);
      afterVisibility(c, await c.deps.faqs.setIndexedHidden(field(c.req, 'faqId'), hidden, actorOf(c)), hidden);
    },
  },
  {
    method: 'get',
    path: '/faqs/:id/edit',
    role: 'operator',
    handle: async (c) => {
      const e = await c.deps.faqs.get(param(c.req, 'id'));
      const note =
        e.status === 'draft'
          ? M.faq.status.draft
          : e.sourceKey
            ? `${K.faq.overriddenNote} ${saveNote(c)}`
            : saveNote(c);
      const csrf = c.auth.session.csrfToken;
      const hidden = e.hiddenAt !== undefined;
      const body = html`<p>${K.faq.origin}: ${ORIGIN_LABELS[e.origin]}${e.sourceKey ? `（${e.sourceKey}）` : ''}</p>
        ${hidden && e.status === 'approved' ? html`<p class="note">${K.faq.hiddenNote}</p>` : ''}
        ${
          e.status === 'approved'
            ? visibilityForm(c.base, csrf, `/faqs/${e.id}/visibility`, hidden, { version: String(e.version) })
            : ''
        }
        ${e.status === 'approved' ? deleteForm(c.base, csrf, e, deleteLabel(c, e)) : ''}
        ${faqForm({
          base: c.base,
          csrf,
          action: `/faqs/${e.id}`,
          input: e,
          categories: c.deps.tickets.categories,
          submit: e.status === 'draft' ? M.faq.save : submitLabel(c),
          version: e.version,
          note,
        })}`;
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: M.faq.editTitle, body });
    },
  },
  {
    method: 'post',
    path: '/faqs/:id',
    role: 'operator',
    handle: async (c) =>
      after(c, await c.deps.faqs.edit(param(c.req, 'id'), version(c.req), faqInput(c.req), actorOf(c))),
  },
  {
    method: 'post',
    path: '/faqs/:id/visibility',
    role: 'operator',
    handle: async (c) => {
      const hidden = hiddenField(c.req);
      afterVisibility(c, await c.deps.faqs.setHidden(param(c.req, 'id'), version(c.req), hidden, actorOf(c)), hidden);
    },
  },
  {
    method: 'post',
    path: '/faqs/:id/delete',
    role: 'operator',
    handle: async (c) => {
      const expected = field(c.req, 'version') ? version(c.req) : undefined;
      afterDelete(c, await c.deps.faqs.remove(param(c.req, 'id'), actorOf(c), expected));
    },
  },
  {
    method: 'post',
    path: '/faqs/:id/approve',
    role: 'admin',
    handle: async (c) => {
      const change = await c.deps.faqs.approve(param(c.req, 'id'), version(c.req), c.auth.operator.username);
      done(c, '/faqs', !change.reindexed ? 'reindexFailed' : change.deleted ? 'faqDeleted' : 'faqApproved');
    },
  },
  {
    method: 'get',
    path: '/unanswered',
    role: 'operator',
    handle: async (c) => {
      const insights = c.deps.knowledge?.insights;
      // Questions of a 機密性3 ticket's conversation only for those who may see the ticket.
      const hideConfidential = !(await c.deps.tickets.maySeeConfidential());
      const body = insights
        ? gapList(c.base, c.auth.session.csrfToken, await insights.gaps({ hideConfidential }))
        : unansweredList(await c.deps.unanswered.list(200, { hideConfidential }));
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.unanswered.title,
        body,
        notice: query(c.req, 'notice') === 'gapClosed' ? K.gaps.closed : undefined,
      });
    },
  },
];
