/** 監査ログ (auditors and admins): the latest entries and the result of the hash-chain check. */
import type { AuditRecord, AuditVerification } from '../../../tickets';
import { formatJst } from './format';
import { auditDetailText } from './audit-detail';
import { html, type SafeHtml } from './html';
import { sendPage } from './layout';
import { AUDIT_ACTION_LABELS, M } from './messages';
import type { ConsoleRoute } from './route-types';

/** How many entries the page shows. */
export const AUDIT_PAGE_SIZE = 200;

function row(e: AuditRecord, brokenAtSeq: number | undefined): SafeHtml {
  const broken = e.seq === brokenAtSeq;
  const label = Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, e.action)
    ? AUDIT_ACTION_LABELS[e.action]
    : e.action;
  return html`<tr${broken ? html` class="warn"` : ''}>
    <td>${e.seq}${broken ? M.audit.brokenRow : ''}</td>
    <td>${formatJst(e.at)}</td>
    <td>${e.actor}</td>
    <td><span title="${e.action}">${label}</span></td>
    <td>${e.target ?? ''}</td>
    <td>${auditDetailText(e.detail, e.action)}</td>
  </tr>`;
}

function verdict(v: AuditVerification): SafeHtml {
  return v.ok
    ? html`<p class="notice" role="status">${M.audit.intact(v.count, v.anchors)}</p>`
    : html`<p class="error" role="alert">${M.audit.broken(v.brokenAtSeq, v.reason)}</p>`;
}

/** Routes of the audit log page. */
export const AUDIT_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/audit',
    role: 'auditor',
    handle: async (c) => {
      const entries = await c.deps.accounts.auditEntries(AUDIT_PAGE_SIZE);
      const verification = await c.deps.accounts.verifyAudit();
      const brokenAtSeq = verification.ok ? undefined : verification.brokenAtSeq;
      const table = html`<p>${M.audit.latest(AUDIT_PAGE_SIZE)}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">${M.audit.seq}</th>
              <th scope="col">${M.audit.at}</th>
              <th scope="col">${M.audit.actor}</th>
              <th scope="col">${M.audit.action}</th>
              <th scope="col">${M.audit.target}</th>
              <th scope="col">${M.audit.detail}</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map((e) => row(e, brokenAtSeq))}
          </tbody>
        </table>`;
      const body = html`${verdict(verification)} ${entries.length ? table : html`<p>${M.audit.empty}</p>`}`;
      sendPage(c.res, 200, { base: c.base, auth: c.auth, title: M.audit.title, body });
    },
  },
];
