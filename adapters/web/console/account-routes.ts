/** アカウント管理 (admin only): list, create, change role, unlock, reset a password. */
import { newPasswordInput } from './password-input';
import { OPERATOR_ROLES, type OperatorRecord, type OperatorRole } from '../../../tickets';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { noticeFor, sendPage } from './layout';
import { M, ROLE_LABELS } from './messages';
import { done, field, param, query, type ConsoleRoute } from './route-types';
import { writeKeyInput } from './write-key';

const roleOptions = (current: OperatorRole) =>
  OPERATOR_ROLES.map(
    (r) => html`<option value="${r}" ${r === current ? html` selected` : ''}>${ROLE_LABELS[r]}</option>`,
  );

/** パスワード再設定 for one account, folded away until opened. */
function resetForm(base: string, csrf: string, o: OperatorRecord): SafeHtml {
  return html`<details>
    <summary>${M.accounts.resetPassword}</summary>
    <form method="post" action="${base}/accounts/${o.id}/password" class="stack">
      <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
      <label for="reset-${o.id}">${M.accounts.newPassword(o.username)}</label
      >${newPasswordInput(`reset-${o.id}`, 'password')}
      <button type="submit">${M.accounts.resetSubmit}</button>
    </form>
  </details>`;
}

/** Routes of the account pages. */
export const ACCOUNT_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/accounts',
    role: 'admin',
    handle: async (c) => {
      const now = c.deps.clock.now();
      const csrf = c.auth.session.csrfToken;
      const rows = (await c.deps.accounts.list()).map((o) => {
        const locked = o.lockedUntil && o.lockedUntil > now;
        return html`<tr>
          <td>${o.username}</td>
          <td>${o.displayName}</td>
          <td>
            <form method="post" action="${c.base}/accounts/${o.id}/role" class="inline">
              <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
              <label for="role-${o.id}" class="visually-hidden">${M.accounts.role}（${o.username}）</label
              ><select id="role-${o.id}" name="role">
                ${roleOptions(o.role)}
              </select>
              <button type="submit">${M.accounts.setRole}</button>
            </form>
          </td>
          <td>
            ${o.disabled ? M.accounts.disabled : locked ? M.accounts.locked(formatJst(o.lockedUntil)) : M.accounts.active}
          </td>
          <td>
            ${locked ? html`<form method="post" action="${c.base}/accounts/${o.id}/unlock"><input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}<button type="submit">${M.accounts.unlock}</button></form>` : ''}
            ${o.id === c.auth.operator.id ? '' : html`<form method="post" action="${c.base}/accounts/${o.id}/${o.disabled ? 'enable' : 'disable'}"><input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}<button type="submit" class="secondary">${o.disabled ? M.accounts.enable : M.accounts.disable}</button></form>`}
            ${o.id === c.auth.operator.id ? '' : resetForm(c.base, csrf, o)}
          </td>
        </tr>`;
      });
      const body = html`<table>
          <thead>
            <tr>
              <th scope="col">${M.accounts.username}</th>
              <th scope="col">${M.accounts.displayName}</th>
              <th scope="col">${M.accounts.role}</th>
              <th scope="col">${M.accounts.state}</th>
              <th scope="col">${M.accounts.actions}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
        <h2>${M.accounts.create}</h2>
        <form method="post" action="${c.base}/accounts" class="stack">
          <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
          <div class="field">
            <label for="n-user">${M.accounts.username}</label
            ><input id="n-user" name="username" autocomplete="off" required />
          </div>
          <div class="field">
            <label for="n-name">${M.accounts.displayName}</label><input id="n-name" name="displayName" required />
          </div>
          <div class="field">
            <label for="n-role">${M.accounts.role}</label
            ><select id="n-role" name="role">
              ${roleOptions('operator')}
            </select>
          </div>
          <div class="field">
            <label for="n-pass">${M.accounts.password}</label>${newPasswordInput('n-pass', 'password')}
          </div>
          <button type="submit">${M.accounts.create}</button>
        </form>`;
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: M.accounts.title,
        body,
        notice: noticeFor(query(c.req, 'notice')),
      });
    },
  },
  {
    method: 'post',
    path: '/accounts',
    role: 'admin',
    handle: async (c) => {
      const role = field(c.req, 'role') as OperatorRole;
      await c.deps.accounts.create(
        {
          username: field(c.req, 'username'),
          displayName: field(c.req, 'displayName'),
          role,
          password: field(c.req, 'password'),
        },
        c.auth.operator.username,
        // The admin knows this password: its owner sets their own at the first sign-in.
        { oneTime: true },
      );
      done(c, '/accounts', 'accountCreated');
    },
  },
  {
    method: 'post',
    path: '/accounts/:id/role',
    role: 'admin',
    handle: async (c) => {
      await c.deps.accounts.setRole(param(c.req, 'id'), field(c.req, 'role') as OperatorRole, c.auth.operator.username);
      done(c, '/accounts', 'accountUpdated');
    },
  },
  ...(['disable', 'enable'] as const).map((action): ConsoleRoute => ({
    method: 'post',
    path: `/accounts/:id/${action}`,
    role: 'admin',
    handle: async (c) => {
      await c.deps.accounts.setDisabled(param(c.req, 'id'), action === 'disable', c.auth.operator.username);
      done(c, '/accounts', 'accountUpdated');
    },
  })),
  {
    method: 'post',
    path: '/accounts/:id/unlock',
    role: 'admin',
    handle: async (c) => {
      await c.deps.accounts.unlock(param(c.req, 'id'), c.auth.operator.username);
      done(c, '/accounts', 'accountUpdated');
    },
  },
  {
    method: 'post',
    path: '/accounts/:id/password',
    role: 'admin',
    handle: async (c) => {
      await c.deps.accounts.resetPassword(param(c.req, 'id'), field(c.req, 'password'), c.auth.operator.username, {
        oneTime: true,
      });
      done(c, '/accounts', 'passwordReset');
    },
  },
];
