/** 機密性3 取扱者名簿 (admins): rostered operators with their period and approver; changes are audited. */
import { KotaeError } from '../../../core';
import { formatJst } from '../../../calendar';
import { inForce, lastDayOf, type RosterEntry } from '../../../tickets';
import { html } from './html';
import { sendPage } from './layout';
import { done, field, param, query, type ConsoleRoute, type HandlerContext } from './route-types';
import { writeKeyInput } from './write-key';

/** Japanese texts of the roster page. */
export const ROSTER_TEXT = {
  title: '機密性3 取扱者名簿',
  intro:
    '機密性3に指定したチケットは、この名簿に期間内で登録された担当者と管理者だけが一覧・検索・詳細・添付・API で参照できます。',
  username: '担当者（ユーザー名）',
  from: '開始日',
  to: '終了日',
  approver: '承認者',
  note: '備考',
  state: '状態',
  active: '有効',
  inactive: '期間外',
  revoked: (at: Date, by: string) => `取消（${formatJst(at)} ${by}）`,
  add: '名簿に登録する',
  revoke: '取り消す',
  confirmRevoke: 'この登録を取り消しますか？',
  none: '登録はありません。',
  added: '名簿に登録しました。',
  revokedNotice: '登録を取り消しました。',
};

function roster(c: HandlerContext) {
  const r = c.deps.roster;
  if (!r) throw new KotaeError('NOT_FOUND', 'roster not configured');
  return r;
}

function stateOf(e: RosterEntry, now: Date): string {
  if (e.revokedAt) return ROSTER_TEXT.revoked(e.revokedAt, e.revokedBy ?? '');
  return inForce(e, now) ? ROSTER_TEXT.active : ROSTER_TEXT.inactive;
}

async function page(c: HandlerContext, status = 200, error?: string): Promise<void> {
  const list = await roster(c).list();
  const now = c.deps.clock.now();
  const T = ROSTER_TEXT;
  const typed = (name: string) => (error ? field(c.req, name) : '');
  const rows = list.map(
    (e) =>
      html`<tr>
        <td>${e.username}</td>
        <td>${formatJst(e.validFrom).slice(0, 10)}</td>
        <td>${lastDayOf(e).replaceAll('-', '/')}</td>
        <td>${e.approver}</td>
        <td>${e.note ?? ''}</td>
        <td>${stateOf(e, now)}</td>
        <td>
          ${
            e.revokedAt
              ? ''
              : html`<form method="post" action="${c.base}/roster/${e.id}/revoke" data-confirm="${T.confirmRevoke}">
                  <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
                  <button type="submit" class="danger">${T.revoke}</button>
                </form>`
          }
        </td>
      </tr>`,
  );
  const input = (name: string, label: string, type = 'text', max = 200) =>
    html`<div class="field">
      <label for="r-${name}">${label}</label
      ><input id="r-${name}" name="${name}" type="${type}" maxlength="${max}" value="${typed(name)}" />
    </div>`;
  const notice = { rosterAdded: T.added, rosterRevoked: T.revokedNotice }[query(c.req, 'notice')];
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: T.title,
    error,
    notice,
    body: html`<p>${T.intro}</p>
      ${
        list.length
          ? html`<table id="roster">
              <thead>
                <tr>
                  <th>${T.username}</th>
                  <th>${T.from}</th>
                  <th>${T.to}</th>
                  <th>${T.approver}</th>
                  <th>${T.note}</th>
                  <th>${T.state}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
          : html`<p>${T.none}</p>`
      }
      <form method="post" action="${c.base}/roster" class="stack">
        <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
        ${input('username', T.username, 'text', 100)} ${input('from', T.from, 'date')} ${input('to', T.to, 'date')}
        ${input('approver', T.approver)} ${input('note', T.note, 'text', 400)}
        <button type="submit">${T.add}</button>
      </form>`,
  });
}

/** The roster routes. */
export const ROSTER_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/roster', role: 'admin', handle: (c) => page(c) },
  {
    method: 'post',
    path: '/roster',
    role: 'admin',
    handle: async (c) => {
      try {
        await roster(c).add(
          {
            username: field(c.req, 'username'),
            from: field(c.req, 'from'),
            to: field(c.req, 'to'),
            approver: field(c.req, 'approver'),
            note: field(c.req, 'note'),
          },
          c.auth.operator.username,
        );
      } catch (err) {
        if (err instanceof KotaeError && err.code === 'INPUT_INVALID') return page(c, 400, err.userMessage);
        throw err;
      }
      done(c, '/roster', 'rosterAdded');
    },
  },
  {
    method: 'post',
    path: '/roster/:id/revoke',
    role: 'admin',
    handle: async (c) => {
      await roster(c).revoke(param(c.req, 'id'), c.auth.operator.username);
      done(c, '/roster', 'rosterRevoked');
    },
  },
];
