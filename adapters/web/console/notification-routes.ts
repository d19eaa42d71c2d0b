/** 通知設定 (each operator's e-mail address and events) and 通知の送信状況 (failed notifications). */
import { KotaeError } from '../../../core';
import { NOTIFY_EVENTS, NOTIFY_EVENT_LABELS, type NotifyEvent } from '../../../notify';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { noticeFor, sendPage } from './layout';
import { D } from './desk-messages';
import { done, field, query, type ConsoleRoute, type HandlerContext } from './route-types';
import { writeKeyInput } from './write-key';

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[^\s@<>"]{2,}$/;

function service(c: HandlerContext) {
  const s = c.deps.notifications;
  if (!s) throw new KotaeError('NOT_FOUND', 'notifications not configured');
  return s;
}

function settingsForm(c: HandlerContext, email: string, events: readonly string[]): SafeHtml {
  const enabled = service(c).emailEnabled;
  return html`${enabled ? '' : html`<p class="notice">${D.notify.emailOff}</p>`}
    <form method="post" action="${c.base}/account/notifications" class="stack">
      <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
      <div class="field">
        <label for="n-email">${D.notify.email}</label>
        <input id="n-email" name="email" type="email" value="${email}" maxlength="254" autocomplete="email" />
      </div>
      <fieldset>
        <legend>${D.notify.events}</legend>
        ${NOTIFY_EVENTS.map(
          (e) =>
            html`<div>
              <input type="checkbox" id="n-${e}" name="ev_${e}" value="1" ${events.includes(e) ? html` checked` : ''} />
              <label for="n-${e}">${NOTIFY_EVENT_LABELS[e]}</label>
            </div>`,
        )}
      </fieldset>
      <button type="submit">${D.notify.save}</button>
    </form>`;
}

/** Routes of the notification pages. */
export const NOTIFICATION_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/account/notifications',
    role: 'operator',
    handle: async (c) => {
      const s = await service(c).settings.get(c.auth.operator.username);
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: D.notify.title,
        notice:
          noticeFor(query(c.req, 'notice')) ?? (query(c.req, 'notice') === 'notifySaved' ? D.notify.saved : undefined),
        body: settingsForm(c, s?.email ?? '', s?.events ?? []),
      });
    },
  },
  {
    method: 'post',
    path: '/account/notifications',
    role: 'operator',
    handle: async (c) => {
      const email = field(c.req, 'email').trim();
      const events = NOTIFY_EVENTS.filter((e) => field(c.req, `ev_${e}`) === '1');
      if (email && (email.length > 254 || !EMAIL.test(email))) {
        return sendPage(c.res, 400, {
          base: c.base,
          auth: c.auth,
          title: D.notify.title,
          error: D.notify.emailInvalid,
          body: settingsForm(c, email, events),
        });
      }
      const notifications = service(c);
      await notifications.settings.save(
        { username: c.auth.operator.username, email: email || undefined, events: events as NotifyEvent[] },
        c.deps.clock.now(),
      );
      done(c, '/account/notifications', 'notifySaved');
    },
  },
  {
    method: 'get',
    path: '/notifications',
    role: 'operator',
    handle: async (c) => {
      const rows = await service(c).troubled(100);
      sendPage(c.res, 200, {
        base: c.base,
        auth: c.auth,
        title: D.notify.failuresTitle,
        body:
          rows.length === 0
            ? html`<p>${D.notify.noFailures}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${D.notify.at}</th>
                    <th scope="col">${D.notify.event}</th>
                    <th scope="col">${D.notify.channel}</th>
                    <th scope="col">${D.notify.recipient}</th>
                    <th scope="col">${D.notify.subject}</th>
                    <th scope="col">${D.notify.state}</th>
                    <th scope="col">${D.notify.error}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) =>
                      html`<tr>
                        <td>${formatJst(r.createdAt)}</td>
                        <td>${NOTIFY_EVENT_LABELS[r.event]}</td>
                        <td>${D.notify.channels[r.channel]}</td>
                        <td>${r.recipient}</td>
                        <td>${r.subject}</td>
                        <td>
                          ${
                            r.status === 'failed'
                              ? D.notify.failed(r.attempts)
                              : D.notify.retrying(r.attempts, formatJst(r.nextAttemptAt))
                          }
                        </td>
                        <td>${r.lastError ?? ''}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
      });
    },
  },
];
