/** パスワード変更: every signed-in role changes its own password (current password required). */
import { newPasswordInput } from './password-input';
import { KotaeError } from '../../../core';
import { clearSessionCookie, MIN_PASSWORD_LENGTH } from '../auth';
import { html } from './html';
import { noticeFor, sendPage } from './layout';
import { M } from './messages';
import { done, field, query, type ConsoleRoute, type HandlerContext } from './route-types';
import { writeKeyInput } from './write-key';

function renderForm(c: HandlerContext, status: number, error?: string): void {
  const body = html`<form method="post" action="${c.base}/account/password" class="stack">
    <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
    <input type="hidden" name="username" autocomplete="username" value="${c.auth.operator.username}" />
    <div class="field">
      <label for="pw-current">${M.password.current}</label
      ><input id="pw-current" name="current" type="password" autocomplete="current-password" required />
    </div>
    <div class="field">
      <label for="pw-next">${M.password.next(MIN_PASSWORD_LENGTH)}</label>${newPasswordInput('pw-next', 'next')}
    </div>
    <div class="field">
      <label for="pw-confirm">${M.password.confirm}</label>${newPasswordInput('pw-confirm', 'confirm')}
    </div>
    <button type="submit">${M.password.submit}</button>
  </form>`;
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: M.password.title,
    body,
    error,
    notice: error ? undefined : noticeFor(query(c.req, 'notice')),
  });
}

/** Routes of the own-password page. */
export const PASSWORD_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/account/password', role: 'staff', handle: async (c) => renderForm(c, 200) },
  {
    method: 'post',
    path: '/account/password',
    role: 'staff',
    handle: async (c) => {
      try {
        await c.deps.auth.changePassword(c.auth, {
          current: field(c.req, 'current'),
          next: field(c.req, 'next'),
          confirm: field(c.req, 'confirm'),
        });
      } catch (err) {
        if (!(err instanceof KotaeError)) throw err;
        if (err.code === 'INPUT_INVALID') return renderForm(c, err.status, err.userMessage);
        if (err.code !== 'AUTH_LOCKED') throw err;
        // The lock ended this session as well: show the message without the signed-in navigation.
        clearSessionCookie(c.res, { secure: c.deps.secureCookies });
        const body = html`<p><a href="${c.base}/signin">${M.password.signInAgain}</a></p>`;
        return sendPage(c.res, err.status, { base: c.base, title: M.password.title, error: err.userMessage, body });
      }
      done(c, '/account/password', 'passwordChanged');
    },
  },
];
