/** One booking with its actions (approve / reject for admins, check-out, return, licences), and an item's calendar. */
import { formatJstRange } from '../../../calendar';
import {
  BOOKING_STATUS_LABELS,
  EQUIPMENT_LABELS,
  isOverdue,
  missingAccessories,
  type Booking,
  type BookingCalendar,
  type LendingItem,
  type LicenceGrant,
  type LicencePool,
} from '../../../registers';
import { html, writeKeyInput, type SafeHtml } from '../console';
import { stamp } from './lending-pages';
import { R } from './messages';

const L = R.lending;
/** The CSRF field and the form's one-time key (a form posted again is written once). */
const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}`;

function checkboxes(name: string, options: readonly string[]): SafeHtml {
  return html`${options.map(
    (a, i) =>
      html`<label><input type="checkbox" name="${name}" value="${a}" checked id="${name}-${i}" /> ${a}</label> `,
  )}`;
}

function actions(base: string, csrf: string, b: Booking, item: LendingItem, admin: boolean, pools: LicencePool[]) {
  const url = `${base}/lending/bookings/${b.id}`;
  const post = (path: string, label: string, body: SafeHtml | string = '', confirm?: string, danger = false) =>
    html`<form method="post" action="${url}/${path}" class="inline" ${confirm ? html`data-confirm="${confirm}"` : ''}>
      ${csrfField(csrf)}${body}<button type="submit" class="${danger ? 'danger' : ''}">${label}</button>
    </form>`;
  const parts: SafeHtml[] = [];
  if (b.status === 'requested' && admin) {
    parts.push(post('approve', L.approve));
    parts.push(
      post(
        'reject',
        L.reject,
        html`<label>${L.rejectReason} <input name="reason" maxlength="1000" required /></label>`,
      ),
    );
  }
  if (b.status === 'approved')
    parts.push(
      post(
        'checkout',
        L.checkOut,
        html`<fieldset>
          <legend>${L.lentAccessories}</legend>
          ${checkboxes('accessories', item.accessories)}
        </fieldset>`,
      ),
    );
  if (b.status === 'checked_out')
    parts.push(
      post(
        'return',
        L.doReturn,
        html`<fieldset>
            <legend>${L.returnedAccessories}</legend>
            ${checkboxes('accessories', b.accessoriesOut ?? [])}
          </fieldset>
          <label>${L.returnNote} <input name="note" maxlength="1000" /></label>`,
      ),
    );
  if (b.status === 'requested' || b.status === 'approved')
    parts.push(post('cancel', L.cancel, '', L.confirmCancel, true));
  if (admin && (b.status === 'approved' || b.status === 'checked_out') && pools.length)
    parts.push(
      post(
        'licences',
        L.grant,
        html`<label
          >${L.pool}
          <select name="poolId">
            ${pools.map((p) => html`<option value="${p.id}">${p.name}（${p.seats}）</option>`)}
          </select></label
        >`,
      ),
    );
  return parts;
}

/** The booking page. */
export function bookingPage(o: {
  base: string;
  csrf: string;
  admin: boolean;
  now: Date;
  booking: Booking;
  item: LendingItem;
  pools: LicencePool[];
  grants: LicenceGrant[];
}): SafeHtml {
  const b = o.booking;
  const missing = missingAccessories(b);
  const poolName = new Map(o.pools.map((p) => [p.id, p.name]));
  const row = (label: string, value: SafeHtml | string) =>
    html`<tr>
      <th scope="row">${label}</th>
      <td>${value}</td>
    </tr>`;
  return html`<p><a href="${o.base}/lending">${L.back}</a></p>
    <table>
      ${row(L.item, `${o.item.name}（${EQUIPMENT_LABELS[o.item.kind]}）`)}
      ${row(L.window, formatJstRange(b.startsAt, b.endsAt))} ${row(R.registers.department, b.department)}
      ${row(R.registers.requester, b.requester)} ${row(L.purpose, b.purpose)}
      ${row(
        L.status,
        html`${BOOKING_STATUS_LABELS[b.status]}${isOverdue(b, o.now) ? html` <strong class="warn">${L.overdue}</strong>` : ''}`,
      )}
      ${row(L.decided, `${stamp(b.decidedAt, b.decidedBy)} ${b.rejectReason ?? ''}`)}
      ${row(L.checkedOut, `${stamp(b.checkedOutAt, b.checkedOutBy)} ${(b.accessoriesOut ?? []).join('、')}`)}
      ${row(L.returned, `${stamp(b.returnedAt, b.returnedBy)} ${(b.accessoriesReturned ?? []).join('、')} ${b.returnNote ?? ''}`)}
      ${missing.length ? row(L.missing, html`<strong class="warn">${missing.join('、')}</strong>`) : ''}
      ${row(
        L.granted,
        o.grants.length
          ? html`${o.grants.map(
              (g) =>
                html`${poolName.get(g.poolId) ?? g.poolId}
                ${
                  o.admin
                    ? html`<form method="post" action="${o.base}/lending/grants/${g.id}/release" class="inline">
                        ${csrfField(o.csrf)}<button type="submit">${L.release}</button>
                      </form>`
                    : ''
                }`,
            )}`
          : L.noGrants,
      )}
    </table>
    <div class="actions">${actions(o.base, o.csrf, b, o.item, o.admin, o.pools)}</div>`;
}

/** An item's calendar: one row per day (week or month), the bookings of the day, plain HTML. */
export function calendarPage(base: string, item: LendingItem, cal: BookingCalendar, now: Date): SafeHtml {
  const url = `${base}/lending/items/${item.id}`;
  const other = cal.view === 'week' ? 'month' : 'week';
  return html`<p><a href="${base}/lending">${L.back}</a></p>
    <p>
      <a href="${url}?view=${cal.view}&amp;date=${cal.previous}">${L.previous}</a> |
      <a href="${url}?view=${cal.view}&amp;date=${cal.next}">${L.next}</a> |
      <a href="${url}?view=${other}&amp;date=${cal.days[0]?.key ?? ''}">${other === 'week' ? L.week : L.month}</a>
    </p>
    <table class="calendar">
      <caption>
        ${item.name}（${EQUIPMENT_LABELS[item.kind]}） ${formatJstRange(cal.from, new Date(cal.to.getTime() - 60_000))}
      </caption>
      <tbody>
        ${cal.days.map(
          (d) =>
            html`<tr
              class="${d.bookings.length ? 'booked' : 'free'}${d.weekday === 0 || d.weekday === 6 ? ' weekend' : ''}"
            >
              <th scope="row">${d.key.slice(5).replace('-', '/')}（${L.weekdays[d.weekday]}）</th>
              <td>
                ${
                  d.bookings.length
                    ? html`<ul>
                        ${d.bookings.map(
                          (b) =>
                            html`<li class="${isOverdue(b, now) ? 'overdue' : ''}">
                              <a href="${base}/lending/bookings/${b.id}">${formatJstRange(b.startsAt, b.endsAt)}</a>
                              ${b.department} ${BOOKING_STATUS_LABELS[b.status]}
                            </li>`,
                        )}
                      </ul>`
                    : L.free
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
