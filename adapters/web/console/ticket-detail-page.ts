/** チケット詳細: summary, SLA, transcript, replies/notes, forms (with the version), work log, history. */
import { historyActor, historyFieldLabel, historyValue } from './history-labels';
import { TICKET_PRIORITIES, TICKET_TYPES, worksTickets, type TicketRecord } from '../../../tickets';
import {
  TICKET_TRANSITIONS,
  type OperatorRecord,
  type RecentConversation,
  type ReplyTemplate,
  type TicketDetail,
  type WorkLogEntry,
} from '../../../tickets';
import { formatJst, slaText, toDateTimeLocal } from './format';
import { workLogFields } from './work-log-form';
import { attachmentList, replyFileInput, type ReleaseForms } from './attachment-section';
import { html, type SafeHtml } from './html';
import { M, PRIORITY_LABELS, STATUS_LABELS, TYPE_LABELS } from './messages';
import { D } from './desk-messages';
import { shortcutHelp } from './ticket-queue-page';
import { recentConversationsSection } from './requester-conversations';
import { dutySection, incidentClockRows } from './duty-parts';
import { writeKeyInput } from './write-key';
import { commentList } from './ticket-comments';

/** What the detail page shows besides the ticket. */
export interface DetailView {
  base: string;
  csrf: string;
  detail: TicketDetail;
  workLogs: WorkLogEntry[];
  operators: OperatorRecord[];
  categories: readonly string[];
  now: Date;
  /** The attachment size limit; without it the reply form takes no files. */
  attachmentMaxBytes?: number;
  /** The ticket's change marker when the page was read (live updates); none: no live updates. */
  marker?: string;
  /** What the operator typed in a save that failed: shown again instead of the stored values. */
  typed?: TypedForm;
  /** The requester's other tickets. */
  others?: TicketRecord[];
  /** The requester's recent conversations (`recent` undefined: the requester has no id); none: not shown. */
  conversations?: { recent?: RecentConversation[] };
  /** Canned replies offered above the reply box. */
  templates?: ReplyTemplate[];
  /** Whether the operator may set or clear the 機密性3 mark (issue 16). */
  confidentialEditable?: boolean;
  /** Numbers of related tickets; undefined: linking not offered. */
  related?: string[];
  /** The 対象端末 section (issue 16); absent without the operations ledger. */
  terminal?: SafeHtml;
  /** The quarantine release forms (administrators). */
  release?: ReleaseForms;
}

/** Form values typed by the operator, by form: the update form's fields, a reply / note body, a ticket number. */
export interface TypedForm {
  form: 'update' | 'reply' | 'note' | 'merge' | 'link' | 'worklog';
  values: Readonly<Record<string, string>>;
}

function options(values: readonly string[], labels: Readonly<Record<string, string>>, current: string): SafeHtml[] {
  return values.map(
    (v) => html`<option value="${v}" ${v === current ? html` selected` : ''}>${labels[v] ?? v}</option>`,
  );
}

function textField(id: string, name: string, label: string, value = '', rows = 3): SafeHtml {
  return html`<div class="field">
    <label for="${id}">${label}</label><textarea id="${id}" name="${name}" rows="${rows}">${value}</textarea>
  </div>`;
}

function updateForm(v: DetailView): SafeHtml {
  const stored = v.detail.ticket;
  const typed = v.typed?.form === 'update' ? v.typed.values : {};
  const pick = <K extends string>(name: string, value: K): K => (typed[name] as K | undefined) ?? value;
  const t = {
    ...stored,
    status: pick('status', stored.status),
    assignee: typed.assignee ?? stored.assignee,
    type: pick('type', stored.type),
    priority: pick('priority', stored.priority),
    category: typed.category ?? stored.category,
    title: typed.title ?? stored.title,
    incident: {
      cause: typed.cause ?? stored.incident?.cause,
      actions: typed.actions ?? stored.incident?.actions,
      prevention: typed.prevention ?? stored.incident?.prevention,
    },
  };
  const next = [stored.status, ...TICKET_TRANSITIONS[stored.status]];
  const ops: [string, string][] = [
    ['', M.detail.unassign],
    ...v.operators.filter(worksTickets).map((o): [string, string] => [o.username, o.displayName]),
  ];
  return html`<form method="post" action="${v.base}/tickets/${t.number}/update" class="stack">
    <input type="hidden" name="_csrf" value="${v.csrf}" /><input type="hidden" name="version" value="${t.version}" />
    ${writeKeyInput()}
    <div class="field">
      <label for="u-status">${M.queue.status}</label
      ><select id="u-status" name="status">
        ${options(next, STATUS_LABELS, t.status)}
      </select>
    </div>
    <div class="field">
      <label for="u-assignee">${M.queue.assignee}</label
      ><select id="u-assignee" name="assignee">
        ${ops.map(([u, n]) => html`<option value="${u}" ${u === (t.assignee ?? '') ? html` selected` : ''}>${n}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="u-type">${M.queue.type}</label
      ><select id="u-type" name="type">
        ${options(TICKET_TYPES, TYPE_LABELS, t.type)}
      </select>
    </div>
    <div class="field">
      <label for="u-priority">${M.queue.priority}</label
      ><select id="u-priority" name="priority">
        ${options(TICKET_PRIORITIES, PRIORITY_LABELS, t.priority)}
      </select>
    </div>
    <div class="field">
      <label for="u-category">${M.queue.category}</label
      ><select id="u-category" name="category">
        ${options(v.categories.includes(t.category) ? v.categories : [t.category, ...v.categories], {}, t.category)}
      </select>
    </div>
    <div class="field">
      <label for="u-title">${M.detail.title_}</label
      ><input id="u-title" name="title" value="${t.title}" maxlength="400" />
    </div>
    <fieldset>
      <legend>${M.detail.incident}</legend>
      ${textField('u-cause', 'cause', M.detail.cause, t.incident?.cause)}${textField('u-actions', 'actions', M.detail.actions, t.incident?.actions)}${textField('u-prevention', 'prevention', M.detail.prevention, t.incident?.prevention)}
    </fieldset>
    <button type="submit" id="update-submit">${M.detail.updateSubmit}</button>
  </form>`;
}

function workLogSection(v: DetailView): SafeHtml {
  const t = v.detail.ticket;
  const start = toDateTimeLocal(v.now);
  const typed = v.typed?.form === 'worklog' ? v.typed.values : undefined;
  return html`<ul>
      ${v.workLogs.map((w) => html`<li>${formatJst(w.startedAt)}〜${formatJst(w.endedAt)} ${w.operatorName}: ${w.title}</li>`)}
    </ul>
    <details ${typed ? html`open` : ''}>
      <summary>${M.worklog.submit}</summary>
      <form method="post" action="${v.base}/worklogs" class="stack">
        <input type="hidden" name="_csrf" value="${v.csrf}" /><input type="hidden" name="ticket" value="${t.number}" />
        ${writeKeyInput()} ${workLogFields(start, '', typed)}
        <button type="submit">${M.worklog.submit}</button>
      </form>
    </details>`;
}

/** The detail page body. */
export function detailBody(v: DetailView): SafeHtml {
  const { ticket: t, sla } = v.detail;
  const post = (path: string) => `${v.base}/tickets/${t.number}/${path}`;
  const names = new Map(v.operators.map((o) => [o.username, o.displayName]));
  return html`<div
      data-live="${v.marker === undefined ? '' : `${v.base}/events?ticket=${encodeURIComponent(t.id)}`}"
      data-marker="${v.marker ?? ''}"
      hidden
    ></div>
    <p id="live-notice" class="live-notice" role="status" hidden>${D.live.updated}</p>
    <form method="post" action="${post('assign-me')}" class="inline">
      <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}<input
        type="hidden"
        name="from"
        value="detail"
      />
      <button type="submit" id="assign-me">${D.queue.assignMe}</button>
    </form>
    ${shortcutHelp()}
    <section aria-labelledby="sum-h">
      <h2 id="sum-h">${M.detail.summary}</h2>
      <dl class="summary" data-live-part="summary">
        <dt>${M.detail.title_}</dt>
        <dd>${t.title}</dd>
        <dt>${M.queue.status}</dt>
        <dd id="ticket-status">${STATUS_LABELS[t.status]}</dd>
        <dt>${M.queue.type}</dt>
        <dd>${TYPE_LABELS[t.type]}</dd>
        <dt>${M.queue.priority}</dt>
        <dd>${PRIORITY_LABELS[t.priority]}</dd>
        <dt>${M.queue.category}</dt>
        <dd>${t.category}</dd>
        <dt>${M.queue.assignee}</dt>
        <dd>${t.assignee ? (names.get(t.assignee) ?? t.assignee) : M.queue.unassigned}</dd>
        <dt>${M.queue.requester}</dt>
        <dd>${t.requester.name ?? ''} ${t.requester.department ?? ''}</dd>
        <dt>${M.detail.phone}</dt>
        <dd>${t.requester.phone ?? ''}</dd>
        <dt>${M.detail.createdAt}</dt>
        <dd>${formatJst(t.createdAt)}</dd>
        <dt>${M.detail.responseClock}</dt>
        <dd class="sla-${sla.response.state}">
          ${slaText(sla.response)}（${M.detail.dueAt} ${formatJst(sla.response.dueAt)}）
        </dd>
        <dt>${M.detail.resolutionClock}</dt>
        <dd class="sla-${sla.resolution.state}">
          ${slaText(sla.resolution)}（${M.detail.dueAt} ${formatJst(sla.resolution.dueAt)}）
        </dd>
        ${incidentClockRows(sla)}
      </dl>
      <h3>${M.detail.details}</h3>
      <p class="body">${t.details}</p>
    </section>
    ${v.terminal ?? ''}
    ${dutySection({ base: v.base, csrf: v.csrf, ticket: t, editable: Boolean(v.confidentialEditable) })}
    <section aria-labelledby="tr-h">
      <h2 id="tr-h">${M.detail.transcript}</h2>
      <ol class="transcript">
        ${v.detail.transcript.map((e) => html`<li><span class="meta">${M.detail.roleLabels[e.role] ?? e.role} ${formatJst(e.at)}</span> ${e.text}</li>`)}
      </ol>
    </section>
    <section aria-labelledby="cm-h">
      <h2 id="cm-h">${M.detail.comments}</h2>
      <div data-live-part="comments">${commentList(v.detail, names)}</div>
      ${
        v.templates?.length
          ? html`<form method="get" action="${v.base}/tickets/${t.number}" class="inline">
              <div class="field">
                <label for="template">${D.templates.pick}</label
                ><select id="template" name="template">
                  ${v.templates.map((x) => html`<option value="${x.id}">${x.name}</option>`)}
                </select>
              </div>
              <button type="submit">${D.templates.insert}</button>
            </form>`
          : ''
      }
      <form method="post" action="${post('reply')}" class="stack" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
        ${textField('reply-body', 'body', M.detail.reply, v.typed?.form === 'reply' ? v.typed.values.body : '', 5)}
        ${v.attachmentMaxBytes ? replyFileInput(v.attachmentMaxBytes) : ''}<button type="submit" id="reply-submit">
          ${M.detail.replySubmit}
        </button>
      </form>
      <form method="post" action="${post('note')}" class="stack">
        <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
        ${textField('note-body', 'body', M.detail.note, v.typed?.form === 'note' ? v.typed.values.body : '')}<button
          type="submit"
        >
          ${M.detail.noteSubmit}
        </button>
      </form>
    </section>
    <section aria-labelledby="up-h">
      <h2 id="up-h">${M.detail.update}</h2>
      ${updateForm(v)}
    </section>
    <section aria-labelledby="at-h">
      <h2 id="at-h">${M.detail.attachments}</h2>
      <div data-live-part="attachments">${attachmentList(v.base, v.detail.attachments, v.release)}</div>
    </section>
    <section aria-labelledby="wl-h">
      <h2 id="wl-h">${M.detail.worklogs}</h2>
      ${workLogSection(v)}
    </section>
    ${
      t.type === 'incident'
        ? html`<p class="incident-report">
            ${D.incident.label}:
            <a href="${v.base}/tickets/${t.number}/incident-report?format=xlsx" id="incident-xlsx"
              >${D.incident.xlsx}</a
            >
            ・
            <a href="${v.base}/tickets/${t.number}/incident-report?format=pdf" id="incident-pdf">${D.incident.pdf}</a>
          </p>`
        : ''
    }
    <section aria-labelledby="rq-h">
      <h2 id="rq-h">${D.requester.title}</h2>
      ${
        v.others?.length
          ? html`<ul>
              ${v.others.map(
                (o) =>
                  html`<li>
                    <a href="${v.base}/tickets/${o.number}">${o.number}</a>
                    ${o.title}（${STATUS_LABELS[o.status]}・${formatJst(o.createdAt)}）
                  </li>`,
              )}
            </ul>`
          : html`<p>${D.requester.none}</p>`
      }
    </section>
    ${v.conversations ? recentConversationsSection(v.conversations.recent) : ''}
    ${
      v.related
        ? html`<section aria-labelledby="rl-h">
            <h2 id="rl-h">${D.links.title}</h2>
            ${
              v.related.length
                ? html`<ul>
                    ${v.related.map((n) => html`<li><a href="${v.base}/tickets/${n}">${n}</a></li>`)}
                  </ul>`
                : html`<p>${D.links.none}</p>`
            }
            <form method="post" action="${post('link')}" class="inline">
              <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
              <div class="field">
                <label for="link-other">${D.links.other}</label
                ><input
                  id="link-other"
                  name="other"
                  maxlength="64"
                  autocomplete="off"
                  value="${v.typed?.form === 'link' ? v.typed.values.other : ''}"
                />
              </div>
              <button type="submit">${D.links.submit}</button>
            </form>
          </section>`
        : ''
    }
    <section aria-labelledby="mg-h">
      <h2 id="mg-h">${D.merge.title}</h2>
      <form method="post" action="${post('merge')}" class="inline" data-confirm="${D.merge.confirm}">
        <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
        <div class="field">
          <label for="merge-target">${D.merge.target}</label
          ><input
            id="merge-target"
            name="target"
            maxlength="64"
            autocomplete="off"
            value="${v.typed?.form === 'merge' ? v.typed.values.target : ''}"
          />
        </div>
        <button type="submit" id="merge-submit">${D.merge.submit}</button>
      </form>
    </section>
    <section aria-labelledby="fq-h">
      <h2 id="fq-h">${M.detail.promote}</h2>
      <p><a href="${v.base}/tickets/${t.number}/faq">${M.faq.promoteTitle}</a></p>
    </section>
    <section aria-labelledby="hi-h">
      <h2 id="hi-h">${M.detail.history}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">担当</th>
            <th scope="col">項目</th>
            <th scope="col">変更前</th>
            <th scope="col">変更後</th>
          </tr>
        </thead>
        <tbody data-live-part="history">
          ${v.detail.history.map(
            (e) =>
              html`<tr>
                <td>${formatJst(e.at)}</td>
                <td>${historyActor(e.actor, names)}</td>
                <td>${historyFieldLabel(e.field)}</td>
                <td>${historyValue(e.field, e.before, names)}</td>
                <td>${historyValue(e.field, e.after, names)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
}
