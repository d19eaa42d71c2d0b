/** The lending pages: items, bookings (overdue highlighted), the request form and the admin forms. */
import { formatJst, formatJstRange } from '../../../calendar';
import {
  BOOKING_STATUS_LABELS,
  EQUIPMENT_KINDS,
  EQUIPMENT_LABELS,
  isOverdue,
  type Booking,
  type LendingItem,
  type LicencePool,
} from '../../../registers';
import { html, writeKeyInput, type SafeHtml } from '../console';
import { R } from './messages';

const L = R.lending;
/** The CSRF field and the form's one-time key (a form posted again is written once). */
const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}`;

/** Values typed into the request form (shown again after an error). */
export type RequestForm = Partial<Record<'itemId' | 'requester' | 'department' | 'purpose' | 'from' | 'to', string>>;

/** A table of bookings; overdue ones carry class `overdue` and the word 返却遅れ. */
export function bookingTable(base: string, bookings: Booking[], items: Map<string, LendingItem>, now: Date): SafeHtml {
  if (!bookings.length) return html`<p>${L.noBookings}</p>`;
  return html`<table>
    <thead>
      <tr>
        <th>${L.item}</th>
        <th>${L.window}</th>
        <th>${R.registers.department}・${R.registers.requester}</th>
        <th>${L.purpose}</th>
        <th>${L.status}</th>
      </tr>
    </thead>
    <tbody>
      ${bookings.map((b) => {
        const late = isOverdue(b, now);
        return html`<tr class="${late ? 'overdue' : ''}">
          <td><a href="${base}/lending/bookings/${b.id}">${items.get(b.itemId)?.name ?? b.itemId}</a></td>
          <td>${formatJstRange(b.startsAt, b.endsAt)}</td>
          <td>${b.department}<br />${b.requester}</td>
          <td>${b.purpose}</td>
          <td>${BOOKING_STATUS_LABELS[b.status]}${late ? html` <strong class="warn">${L.overdue}</strong>` : ''}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function requestForm(base: string, csrf: string, items: LendingItem[], typed: RequestForm): SafeHtml {
  const input = (name: keyof RequestForm, label: string, type = 'text', max = 200) =>
    html`<div class="field">
      <label for="l-${name}">${label}</label
      ><input id="l-${name}" name="${name}" type="${type}" maxlength="${max}" value="${typed[name] ?? ''}" required />
    </div>`;
  return html`<section>
    <h2>${L.requestHeading}</h2>
    <form method="post" action="${base}/lending/bookings" class="stack">
      ${csrfField(csrf)}
      <div class="field">
        <label for="l-itemId">${L.item}</label
        ><select id="l-itemId" name="itemId">
          ${items
            .filter((i) => !i.retiredAt)
            .map(
              (i) =>
                html`<option value="${i.id}" ${typed.itemId === i.id ? html`selected` : ''}>
                  ${i.name}（${EQUIPMENT_LABELS[i.kind]}）
                </option>`,
            )}
        </select>
      </div>
      ${input('department', R.registers.department)} ${input('requester', R.registers.requester)}
      ${input('purpose', L.purpose, 'text', 1000)} ${input('from', L.from, 'datetime-local', 16)}
      ${input('to', L.to, 'datetime-local', 16)}
      <button type="submit">${L.request}</button>
    </form>
  </section>`;
}

function itemList(base: string, csrf: string, items: LendingItem[], admin: boolean): SafeHtml {
  if (!items.length) return html`<p>${L.noItems}</p>`;
  return html`<table>
    <thead>
      <tr>
        <th>${L.itemName}</th>
        <th>${L.kind}</th>
        <th>${L.accessories}</th>
        <th>${L.site}</th>
        <th>${L.calendar}</th>
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (i) =>
          html`<tr>
            <td>${i.name}${i.retiredAt ? html`（${L.retired}）` : ''}</td>
            <td>${EQUIPMENT_LABELS[i.kind]}</td>
            <td>${i.accessories.join('、')}</td>
            <td>${i.site ?? ''}</td>
            <td>
              <a href="${base}/lending/items/${i.id}?view=week">${L.week}</a> /
              <a href="${base}/lending/items/${i.id}?view=month">${L.month}</a>
              ${
                admin && !i.retiredAt
                  ? html`<form
                      method="post"
                      action="${base}/lending/items/${i.id}/retire"
                      data-confirm="${L.confirmRetire}"
                      class="inline"
                    >
                      ${csrfField(csrf)}<button type="submit" class="danger">${L.retire}</button>
                    </form>`
                  : ''
              }
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function adminForms(base: string, csrf: string, pools: LicencePool[]): SafeHtml {
  return html`<section>
      <h2>${L.addItem}</h2>
      <form method="post" action="${base}/lending/items" class="stack">
        ${csrfField(csrf)}
        <div class="field">
          <label for="i-name">${L.itemName}</label><input id="i-name" name="name" maxlength="200" required />
        </div>
        <div class="field">
          <label for="i-kind">${L.kind}</label
          ><select id="i-kind" name="kind">
            ${EQUIPMENT_KINDS.map((k) => html`<option value="${k}">${EQUIPMENT_LABELS[k]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="i-acc">${L.accessories}（${L.accessoriesHint}）</label
          ><textarea id="i-acc" name="accessories" rows="3"></textarea>
        </div>
        <div class="field"><label for="i-site">${L.site}</label><input id="i-site" name="site" maxlength="200" /></div>
        <button type="submit">${L.addItem}</button>
      </form>
    </section>
    <section>
      <h2>${L.licences}</h2>
      ${
        pools.length
          ? html`<ul>
              ${pools.map((p) => html`<li>${p.name}（${L.seats}: ${p.seats}）</li>`)}
            </ul>`
          : html`<p>${L.noPools}</p>`
      }
      <form method="post" action="${base}/lending/pools" class="inline">
        ${csrfField(csrf)}
        <label>${L.pool} <input name="name" maxlength="200" required /></label>
        <label>${L.seats} <input name="seats" type="number" min="1" max="10000" required /></label>
        <button type="submit">${L.addPool}</button>
      </form>
    </section>`;
}

/** The lending overview. */
export function lendingPage(o: {
  base: string;
  csrf: string;
  admin: boolean;
  now: Date;
  items: LendingItem[];
  pending: Booking[];
  current: Booking[];
  pools: LicencePool[];
  typed?: RequestForm;
}): SafeHtml {
  const byId = new Map(o.items.map((i) => [i.id, i]));
  return html`<p><a href="${o.base}/">${R.registers.title}</a></p>
    <section>
      <h2>${L.items}</h2>
      ${itemList(o.base, o.csrf, o.items, o.admin)}
    </section>
    <section>
      <h2>${L.pending}</h2>
      ${bookingTable(o.base, o.pending, byId, o.now)}
    </section>
    <section>
      <h2>${L.current}</h2>
      ${bookingTable(o.base, o.current, byId, o.now)}
    </section>
    ${requestForm(o.base, o.csrf, o.items, o.typed ?? {})} ${o.admin ? adminForms(o.base, o.csrf, o.pools) : ''}`;
}

/** When a time was set and by whom, or nothing. */
export const stamp = (at?: Date, by?: string): string => (at ? `${formatJst(at)} ${by ?? ''}` : '');
