/** The 対象端末 section of the ticket page and the route that sets it. */
import { KotaeError } from '../../../../core';
import { normaliseComputerName } from '../../../../operations';
import { html, type SafeHtml } from '../html';
import type { ConsoleRoute, HandlerContext } from '../route-types';
import { field, param } from '../route-types';
import { csrfField, opsOf } from './common';
import { O } from './messages';

/** Terminals offered in the input's suggestion list (any other is typed by name). */
const CHOICES = 500;

/** The section (empty when the console runs without the operations ledger). */
export async function ticketTerminalPanel(
  c: HandlerContext,
  ticket: { id: string; number: string },
): Promise<SafeHtml> {
  const ops = c.deps.operations;
  if (!ops) return html``;
  const [terminal, choices] = await Promise.all([
    ops.terminals.terminalOfTicket(ticket.id),
    ops.terminals.list({ limit: CHOICES }),
  ]);
  return html`<section aria-labelledby="term-h">
    <h2 id="term-h">${O.ticketPanel.title}</h2>
    <p id="ticket-terminal">
      ${
        terminal
          ? html`<a href="${c.base}/operations/terminals/${terminal.id}">${terminal.computerName}</a
              >（${terminal.ipAddress}${terminal.userName ? `・${terminal.userName}` : ''}）`
          : O.ticketPanel.none
      }
    </p>
    <form method="post" action="${c.base}/operations/tickets/${ticket.number}/terminal" class="inline">
      ${csrfField(c)}
      <label for="ticket-terminal-name">${O.ticketPanel.choose}</label
      ><input
        id="ticket-terminal-name"
        name="computerName"
        maxlength="15"
        list="ticket-terminal-options"
        autocomplete="off"
        value="${terminal?.computerName ?? ''}"
      />
      <datalist id="ticket-terminal-options">
        ${choices.items.map(
          (t) =>
            html`<option value="${t.computerName}">
              ${[t.ipAddress, t.department, t.userName].filter(Boolean).join(' ')}
            </option>`,
        )}
      </datalist>
      <button type="submit">${O.ticketPanel.save}</button>
    </form>
  </section>`;
}

/** Sets the ticket's terminal by computer name (empty clears it) and returns to the ticket. */
async function setTerminal(c: HandlerContext): Promise<void> {
  const ops = opsOf(c);
  const ticket = await c.deps.tickets.get(param(c.req, 'id'));
  const name = normaliseComputerName(field(c.req, 'computerName'));
  let terminalId = '';
  if (name) {
    const found = (await ops.terminals.list({ text: name, limit: 50 })).items.find((t) => t.computerName === name);
    if (!found)
      throw new KotaeError('INPUT_INVALID', `no terminal ${name}`, { userMessage: O.ticketPanel.unknown(name) });
    terminalId = found.id;
  }
  await ops.terminals.setTicketTerminal(ticket, terminalId, c.auth.operator.username);
  c.res.redirect(303, `${c.base}/tickets/${ticket.number}?notice=terminalSet`);
}

/** The route of the section's form. */
export const TICKET_TERMINAL_ROUTES: readonly ConsoleRoute[] = [
  { method: 'post', path: '/operations/tickets/:id/terminal', role: 'operator', handle: setTerminal },
];
