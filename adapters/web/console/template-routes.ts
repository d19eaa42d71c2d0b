/** テンプレート管理 (admins): canned replies with the placeholders {氏名} {受付番号} {担当者}. */
import { KotaeError } from '../../../core';
import { validateTemplate, type ReplyTemplate } from '../../../tickets';
import { html, type SafeHtml } from './html';
import { sendPage } from './layout';
import { D } from './desk-messages';
import { done, field, param, query, type ConsoleRoute, type HandlerContext } from './route-types';
import { writeKeyInput } from './write-key';

function store(c: HandlerContext) {
  const s = c.deps.templates;
  if (!s) throw new KotaeError('NOT_FOUND', 'templates not configured');
  return s;
}

function page(c: HandlerContext, list: ReplyTemplate[], status = 200, error?: string, typed = { name: '', body: '' }) {
  const form: SafeHtml = html`<form method="post" action="${c.base}/templates" class="stack">
    <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
    <div class="field">
      <label for="t-name">${D.templates.name}</label
      ><input id="t-name" name="name" maxlength="100" value="${typed.name}" />
    </div>
    <div class="field">
      <label for="t-body">${D.templates.body}</label
      ><textarea id="t-body" name="body" rows="6" aria-describedby="t-hint">${typed.body}</textarea>
    </div>
    <p id="t-hint" class="hint">${D.templates.hint}</p>
    <button type="submit">${D.templates.add}</button>
  </form>`;
  const items = list.map(
    (t) =>
      html`<li>
        <strong>${t.name}</strong>
        <p class="body">${t.body}</p>
        <form method="post" action="${c.base}/templates/${t.id}/delete" data-confirm="${D.templates.confirmDelete}">
          <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
          <button type="submit" class="danger">${D.templates.delete}</button>
        </form>
      </li>`,
  );
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: D.templates.title,
    error,
    notice: query(c.req, 'notice') === 'templateSaved' ? D.templates.saved : undefined,
    body: html`${
      list.length
        ? html`<ul class="templates">
            ${items}
          </ul>`
        : html`<p>${D.templates.none}</p>`
    }${form}`,
  });
}

/** Routes of the template pages. */
export const TEMPLATE_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/templates', role: 'admin', handle: async (c) => page(c, await store(c).list()) },
  {
    method: 'post',
    path: '/templates',
    role: 'admin',
    handle: async (c) => {
      const typed = { name: field(c.req, 'name'), body: field(c.req, 'body') };
      try {
        const valid = validateTemplate(typed.name, typed.body);
        await store(c).save(valid, c.deps.clock.now());
      } catch (err) {
        if (!(err instanceof KotaeError) || err.code !== 'INPUT_INVALID') throw err;
        return page(c, await store(c).list(), 400, err.userMessage, typed);
      }
      done(c, '/templates', 'templateSaved');
    },
  },
  {
    method: 'post',
    path: '/templates/:id/delete',
    role: 'admin',
    handle: async (c) => {
      await store(c).delete(param(c.req, 'id'));
      done(c, '/templates');
    },
  },
];
