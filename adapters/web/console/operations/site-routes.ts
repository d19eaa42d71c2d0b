/** 拠点 (sites): list with inline edit, add, delete. */
import { SITE_KIND_LABELS, SITE_KINDS, type Site, type SiteKind } from '../../../../operations';
import { html } from '../html';
import { sendPage } from '../layout';
import { done, field, param, query, type ConsoleRoute, type HandlerContext } from '../route-types';
import { csrfField, opsNav, opsOf, orShowError } from './common';
import { O } from './messages';

function kindSelect(id: string, selected: SiteKind | '') {
  return html`<select id="${id}" name="kind">
    ${SITE_KINDS.map((k) => html`<option value="${k}" ${k === selected ? 'selected' : ''}>${SITE_KIND_LABELS[k]}</option>`)}
  </select>`;
}

async function page(c: HandlerContext, status = 200, error?: string, typed = { name: '', kind: '' }) {
  const ops = opsOf(c);
  const sites = await ops.sites.list();
  const counts = new Map<string, number>();
  for (const s of sites) counts.set(s.id, (await ops.terminals.list({ siteId: s.id, limit: 1 })).total);
  const row = (s: Site) =>
    html`<tr>
      <td>
        <form method="post" action="${c.base}/operations/sites/${s.id}" class="inline">
          ${csrfField(c)}
          <label class="visually-hidden" for="s-${s.id}-name">${O.sites.name}</label
          ><input id="s-${s.id}-name" name="name" value="${s.name}" maxlength="100" />
          <label class="visually-hidden" for="s-${s.id}-kind">${O.sites.kind}</label
          >${kindSelect(`s-${s.id}-kind`, s.kind)}
          <button type="submit">${O.sites.save}</button>
        </form>
      </td>
      <td><a href="${c.base}/operations/terminals?site=${s.id}">${counts.get(s.id) ?? 0}</a></td>
      <td>
        <form method="post" action="${c.base}/operations/sites/${s.id}/delete" data-confirm="${O.sites.confirmDelete}">
          ${csrfField(c)}<button type="submit" class="danger">${O.sites.delete}</button>
        </form>
      </td>
    </tr>`;
  const notice = { siteSaved: O.sites.saved, siteDeleted: O.sites.deleted }[query(c.req, 'notice')];
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: O.sites.title,
    notice,
    error,
    body: html`${opsNav(c)}
      ${
        sites.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">${O.sites.name} / ${O.sites.kind}</th>
                  <th scope="col">${O.sites.terminals}</th>
                  <th scope="col"><span class="visually-hidden">${O.sites.delete}</span></th>
                </tr>
              </thead>
              <tbody>
                ${sites.map(row)}
              </tbody>
            </table>`
          : html`<p>${O.sites.none}</p>`
      }
      <h2>${O.sites.add}</h2>
      <form method="post" action="${c.base}/operations/sites" class="stack">
        ${csrfField(c)}
        <div class="field">
          <label for="site-name">${O.sites.name}</label
          ><input id="site-name" name="name" maxlength="100" required value="${typed.name}" />
        </div>
        <div class="field">
          <label for="site-kind">${O.sites.kind}</label>${kindSelect('site-kind', typed.kind as SiteKind)}
        </div>
        <button type="submit">${O.sites.add}</button>
      </form>`,
  });
}

const typedOf = (c: HandlerContext) => ({ name: field(c.req, 'name'), kind: field(c.req, 'kind') });

/** Routes of the site pages. */
export const SITE_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/operations/sites', role: 'operator', handle: (c) => page(c) },
  {
    method: 'post',
    path: '/operations/sites',
    role: 'operator',
    handle: (c) =>
      orShowError(
        async () => {
          await opsOf(c).sites.create(typedOf(c), c.auth.operator.username);
          done(c, '/operations/sites', 'siteSaved');
        },
        (status, message) => page(c, status, message, typedOf(c)),
      ),
  },
  {
    method: 'post',
    path: '/operations/sites/:id',
    role: 'operator',
    handle: (c) =>
      orShowError(
        async () => {
          await opsOf(c).sites.update(param(c.req, 'id'), typedOf(c), c.auth.operator.username);
          done(c, '/operations/sites', 'siteSaved');
        },
        (status, message) => page(c, status, message),
      ),
  },
  {
    method: 'post',
    path: '/operations/sites/:id/delete',
    role: 'operator',
    handle: (c) =>
      orShowError(
        async () => {
          await opsOf(c).sites.remove(param(c.req, 'id'), c.auth.operator.username);
          done(c, '/operations/sites', 'siteDeleted');
        },
        (status, message) => page(c, status, message),
      ),
  },
];
