/** The page shell: lang="ja", skip link, navigation by role, notices and errors. */
import type { Response } from 'express';
import { hasRole, type OperatorRole } from '../../../tickets';
import type { AuthContext } from '../auth';
import { html, type SafeHtml } from './html';
import { M, ROLE_LABELS } from './messages';
import { D } from './desk-messages';
import { K } from './knowledge-messages';
import { DUTY_NAV } from './duty-messages';
import { QUARANTINE_LIST_TEXT } from './quarantine-messages';

/** Options of one page. */
export interface PageOptions {
  base: string;
  title: string;
  body: SafeHtml;
  auth?: AuthContext;
  notice?: string;
  error?: string;
  /** The tab title when it differs from the heading (e.g. with a live count). */
  docTitle?: string;
  /** A second skip link (e.g. to the first ticket of the queue). */
  skipTo?: { href: string; label: string };
}

/** The menu: each page with what its route requires (see hasRole), so a role sees only pages it may open. */
const NAV: readonly [href: string, label: string, required: OperatorRole | readonly OperatorRole[]][] = [
  ['/tickets', M.nav.tickets, 'operator'],
  ['/worklogs', M.nav.worklogs, 'operator'],
  ['/faqs', M.nav.faqs, 'operator'],
  ['/faqs/drafts', M.nav.drafts, 'operator'],
  ['/unanswered', M.nav.unanswered, 'operator'],
  ['/knowledge', K.knowledge.title, 'operator'],
  ['/knowledge/usage', K.usage.title, 'operator'],
  // Operators generate and edit reports; an auditor reads and downloads them.
  ['/reports', M.nav.reports, ['operator', 'auditor']],
  ['/operations/terminals', M.nav.terminals, 'operator'],
  ['/operations/campaigns', M.nav.campaigns, 'operator'],
  ['/registers', M.nav.registers, 'operator'],
  ['/fy-switch', DUTY_NAV.fySwitch, 'operator'],
  ['/accounts', M.nav.accounts, 'admin'],
  ['/audit', M.nav.audit, 'auditor'],
  ['/certificates', M.nav.certificates, 'auditor'],
  ['/quarantine', QUARANTINE_LIST_TEXT.nav, 'auditor'],
  ['/templates', D.templates.nav, 'admin'],
  ['/roster', DUTY_NAV.roster, 'admin'],
  ['/notifications', D.notify.navFailures, 'operator'],
  ['/account/notifications', D.notify.nav, 'operator'],
  ['/account/password', M.nav.password, 'staff'],
];

function nav(base: string, auth: AuthContext): SafeHtml {
  const role = auth.operator.role;
  const links = NAV.filter(([, , required]) => hasRole(role, required));
  return html`<nav aria-label="メインメニュー">
    <ul>
      ${links.map(([href, label]) => html`<li><a href="${base}${href}">${label}</a></li>`)}
    </ul>
    <form method="post" action="${base}/signout" class="signout">
      <input type="hidden" name="_csrf" value="${auth.session.csrfToken}" />
      <span>${M.nav.signedInAs(auth.operator.displayName, ROLE_LABELS[role])}</span>
      <button type="submit">${M.nav.signOut}</button>
    </form>
  </nav>`;
}

/** Renders a full page. */
export function renderPage(o: PageOptions): string {
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.docTitle ?? o.title} - ${M.appName}</title>
        <link rel="stylesheet" href="${o.base}/assets/console.css" />
        <script src="${o.base}/assets/console.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">${M.skipToMain}</a>
        ${o.skipTo ? html`<a class="skip" href="${o.skipTo.href}" id="skip-first">${o.skipTo.label}</a>` : ''}
        <header>
          <p class="app">${M.appName}</p>
          ${o.auth ? nav(o.base, o.auth) : ''}
        </header>
        <main id="main" tabindex="-1">
          <h1>${o.title}</h1>
          ${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ''}${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}
          ${o.body}
        </main>
      </body>
    </html>`.value;
}

/** Sends a page with a status. */
export function sendPage(res: Response, status: number, o: PageOptions): void {
  res.status(status).type('html').send(renderPage(o));
}

/** Notices shown after a redirect (`?notice=key`); unknown keys show nothing. */
const NOTICES: Readonly<Record<string, string>> = {
  mustChange: M.password.mustChange,
  saved: M.detail.saved,
  replied: M.detail.replied,
  replyQueued: M.detail.replyQueued,
  retried: M.detail.retried,
  noted: M.detail.noted,
  worklog: M.worklog.saved,
  faqSaved: M.faq.saved,
  faqDraft: M.faq.draftSaved,
  faqApproved: M.faq.approved,
  faqDeleted: M.faq.deleted,
  reindexFailed: M.faq.reindexFailed,
  accountCreated: M.accounts.created,
  accountUpdated: M.accounts.updated,
  passwordReset: M.accounts.passwordReset,
  passwordChanged: M.password.changed,
  signedOut: M.signIn.signedOut,
  // SESSION_ENDED_NOTICE (auth/middleware.ts): the directory's role re-check ended the session.
  ssoRoleChanged: M.signIn.ssoRoleChanged,
  terminalSet: M.terminalSet,
  quarantineReleased: M.attachments.released,
  manualReleased: QUARANTINE_LIST_TEXT.manualReleased,
};

/** The notice text for a key from the query string. */
export function noticeFor(key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(NOTICES, key) ? NOTICES[key] : undefined;
}
