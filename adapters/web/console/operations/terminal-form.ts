/** The terminal form (new and edit) and reading it back from a request. */
import {
  TERMINAL_STATUS_LABELS,
  TERMINAL_STATUSES,
  type RawTerminal,
  type Site,
  type TerminalStatus,
} from '../../../../operations';
import { html, type SafeHtml } from '../html';
import { field, type HandlerContext } from '../route-types';
import { csrfField } from './common';
import { O } from './messages';

/** The typed values of the form (strings as posted). */
export type TerminalFormValues = Record<keyof RawTerminal, string> & { version?: string };

const TEXT_FIELDS: [keyof RawTerminal, string, number][] = [
  ['computerName', O.terminals.computerName, 15],
  ['ipAddress', O.terminals.ipAddress, 45],
  ['macAddress', O.terminals.macAddress, 17],
  ['model', O.terminals.model, 200],
  ['os', O.terminals.os, 100],
  ['osVersion', O.terminals.osVersion, 100],
  ['department', O.terminals.department, 200],
  ['userName', O.terminals.userName, 200],
];

/** The form's values from a request. */
export function typedTerminal(c: HandlerContext): TerminalFormValues {
  const v = Object.fromEntries(
    [...TEXT_FIELDS.map(([k]) => k), 'siteId', 'status'].map((k) => [k, field(c.req, k)]),
  ) as TerminalFormValues;
  v.version = field(c.req, 'version');
  return v;
}

/** The request's values as a RawTerminal (an unknown status is kept out and reported by the form). */
export function rawTerminal(v: TerminalFormValues): RawTerminal {
  const status = TERMINAL_STATUSES.find((s) => s === v.status) ?? 'active';
  return { ...v, status };
}

/** The form; `action` is where it posts. */
export function terminalForm(
  c: HandlerContext,
  action: string,
  sites: readonly Site[],
  v: Partial<TerminalFormValues>,
  submit: string,
): SafeHtml {
  const required = new Set(['computerName', 'ipAddress']);
  return html`<form method="post" action="${action}" class="stack">
    ${csrfField(c)} ${v.version ? html`<input type="hidden" name="version" value="${v.version}" />` : ''}
    ${TEXT_FIELDS.map(
      ([key, label, max]) =>
        html`<div class="field">
          <label for="t-${key}">${label}</label
          ><input
            id="t-${key}"
            name="${key}"
            maxlength="${max}"
            value="${v[key] ?? ''}"
            ${required.has(key) ? 'required' : ''}
          />
        </div>`,
    )}
    <div class="field">
      <label for="t-siteId">${O.terminals.site}</label
      ><select id="t-siteId" name="siteId" required>
        ${sites.map((s) => html`<option value="${s.id}" ${s.id === v.siteId ? 'selected' : ''}>${s.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="t-status">${O.terminals.status}</label
      ><select id="t-status" name="status">
        ${TERMINAL_STATUSES.map(
          (s: TerminalStatus) =>
            html`<option value="${s}" ${s === (v.status || 'active') ? 'selected' : ''}>
              ${TERMINAL_STATUS_LABELS[s]}
            </option>`,
        )}
      </select>
    </div>
    <button type="submit">${submit}</button>
  </form>`;
}
