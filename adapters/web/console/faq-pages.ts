/** FAQ pages: the list of every FAQ (any origin) with search, the editor form, drafts awaiting approval. */
import type { FaqEntry, FaqInput, FaqListItem, FaqVisibility, UnansweredQuestion } from '../../../tickets';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { K, ORIGIN_LABELS } from './knowledge-messages';
import { M } from './messages';
import { writeKeyInput } from './write-key';

/** What the FAQ form needs. */
export interface FaqFormView {
  base: string;
  csrf: string;
  action: string;
  input: FaqInput;
  categories: readonly string[];
  submit: string;
  version?: number;
  /** Hidden fields besides CSRF and version (e.g. the indexed FAQ's id). */
  hidden?: Record<string, string>;
  /** A note above the form (where the FAQ comes from, what saving does). */
  note?: string;
}

/** The FAQ editor form. */
export function faqForm(v: FaqFormView): SafeHtml {
  const cats = v.categories.includes(v.input.category) ? v.categories : [v.input.category, ...v.categories];
  return html`${v.note ? html`<p class="note">${v.note}</p>` : ''}
    <form method="post" action="${v.base}${v.action}" class="stack">
      <input type="hidden" name="_csrf" value="${v.csrf}" />${writeKeyInput()}
      ${v.version !== undefined ? html`<input type="hidden" name="version" value="${v.version}" />` : ''}
      ${Object.entries(v.hidden ?? {}).map(([k, val]) => html`<input type="hidden" name="${k}" value="${val}" />`)}
      <div class="field">
        <label for="q-cat">${M.faq.category}</label
        ><select id="q-cat" name="category">
          ${cats.map((c) => html`<option${c === v.input.category ? html` selected` : ''}>${c}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="q-q">${M.faq.question}</label
        ><textarea id="q-q" name="question" rows="3" required>${v.input.question}</textarea>
      </div>
      <div class="field">
        <label for="q-alt">${M.faq.alternates}</label
        ><textarea id="q-alt" name="alternates" rows="3">${v.input.alternateQuestions.join('\n')}</textarea>
      </div>
      <div class="field">
        <label for="q-a">${M.faq.answer}</label
        ><textarea id="q-a" name="answer" rows="8" required>${v.input.answer}</textarea>
      </div>
      <div class="field">
        <label for="q-url">${M.faq.sourceUrl}</label
        ><input id="q-url" name="sourceUrl" type="url" value="${v.input.sourceUrl ?? ''}" />
      </div>
      <button type="submit">${v.submit}</button>
    </form>`;
}

/** Where an item is edited: its faq_entry row, or the indexed FAQ's page. */
export function itemHref(base: string, item: FaqListItem): string {
  return item.key.startsWith('indexed:')
    ? `${base}/faqs/indexed?id=${encodeURIComponent(item.key.slice('indexed:'.length))}`
    : `${base}/faqs/${(item.entry as FaqEntry).id}/edit`;
}

function originCell(item: FaqListItem): SafeHtml {
  return html`${ORIGIN_LABELS[item.origin]}${item.sourcePath ? html`<br /><small>${item.sourcePath}</small>` : ''}`;
}

/** The visibilities of the list's filter, in the order offered. */
const VISIBILITIES: readonly FaqVisibility[] = ['all', 'published', 'hidden'];

/** The state of a listed FAQ: 非公開 (a badge), or published (with the console's edit or not). */
function stateCell(i: FaqListItem): SafeHtml | string {
  if (i.hidden) return html`<span class="badge faq-hidden">${K.faq.hiddenBadge}</span>`;
  return i.overridden ? K.faq.overridden : K.faq.published;
}

/** Every FAQ with its origin, a search box, a filter by 公開状態 and links to view and edit. */
export function faqCatalogue(
  base: string,
  items: readonly FaqListItem[],
  search: string,
  visibility: FaqVisibility = 'all',
): SafeHtml {
  const form = html`<form method="get" action="${base}/faqs" class="filters" role="search">
    <label for="faq-q">${K.faq.search}</label>
    <input id="faq-q" name="q" type="search" value="${search}" />
    <label for="faq-state">${K.faq.visibility}</label>
    <select id="faq-state" name="state">
      ${VISIBILITIES.map(
        (v) => html`<option value="${v}" ${v === visibility ? html` selected` : ''}>${K.faq.visibilities[v]}</option>`,
      )}
    </select>
    <button type="submit">${K.faq.searchSubmit}</button>
  </form>`;
  if (items.length === 0)
    return html`${form}
      <p>${M.faq.empty}</p>`;
  return html`${form}
    <p>${K.faq.count(items.length)}</p>
    <table class="faq-list">
      <thead>
        <tr>
          <th scope="col">${K.faq.origin}</th>
          <th scope="col">${M.faq.category}</th>
          <th scope="col">${M.faq.question}</th>
          <th scope="col">${M.faq.answer}</th>
          <th scope="col">${K.faq.state}</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (i) =>
            html`<tr>
              <td>${originCell(i)}</td>
              <td>${i.content.category}</td>
              <td>${i.content.question}</td>
              <td class="body">${i.content.answer}</td>
              <td>
                ${stateCell(i)}${
                  i.pendingDrafts ? html`<br /><a href="${base}/faqs/drafts">${K.faq.pending(i.pendingDrafts)}</a>` : ''
                }
              </td>
              <td class="actions"><a href="${itemHref(base, i)}">${K.faq.view}</a></td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * What a draft is: a request to delete (削除の申請), to hide (非公開の申請) or to publish again (of a hidden entry of
 * `hiddenIds`), new, an edit of a published FAQ, or an edit of a sheet's FAQ.
 */
function draftKind(e: FaqEntry, hiddenIds: ReadonlySet<string>): string {
  if (e.deleteRequestedAt !== undefined) return K.faq.deleteDraft;
  const replacesHidden = e.replacesId !== undefined && hiddenIds.has(e.replacesId);
  if (e.hiddenAt !== undefined && !replacesHidden) return K.faq.hideDraft;
  if (e.hiddenAt === undefined && replacesHidden) return K.faq.unhideDraft;
  if (e.replacesId) return K.faq.replaces;
  if (e.sourceKey) return K.faq.overrideDraft(e.sourceKey);
  return K.faq.newDraft;
}

/** Drafts awaiting approval (of `entries`, all of faq_entry), with approve (admins) and delete. */
export function draftList(base: string, csrf: string, all: readonly FaqEntry[], canApprove: boolean): SafeHtml {
  const entries = all.filter((e) => e.status === 'draft');
  const hiddenIds = new Set(all.filter((e) => e.status === 'approved' && e.hiddenAt !== undefined).map((e) => e.id));
  if (entries.length === 0) return html`<p>${M.faq.noDrafts}</p>`;
  const hidden = (e: FaqEntry) =>
    html`<input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}<input
        type="hidden"
        name="version"
        value="${e.version}"
      />`;
  const approveForm = (e: FaqEntry, label: string, confirm?: string) =>
    canApprove
      ? html`<form
          method="post"
          action="${base}/faqs/${e.id}/approve"
          ${confirm ? html`data-confirm="${confirm}"` : ''}
        >
          ${hidden(e)}<button type="submit">${label}</button>
        </form>`
      : '';
  const draftActions = (e: FaqEntry) =>
    html`<a href="${base}/faqs/${e.id}/edit">${M.faq.edit}</a>
      ${approveForm(e, M.faq.approve)}
      <form method="post" action="${base}/faqs/${e.id}/delete" data-confirm="${M.faq.confirmDelete}">
        ${hidden(e)}<button type="submit" class="danger">${M.faq.delete}</button>
      </form>`;
  // A request to delete: approving deletes the FAQ; discarding the request (却下 / 取り下げ) keeps it.
  const deleteRequestActions = (e: FaqEntry) =>
    html`${approveForm(e, K.faq.approveDelete, K.faq.approveDeleteConfirm)}
      <form method="post" action="${base}/faqs/${e.id}/delete">
        ${hidden(e)}<button type="submit">${canApprove ? K.faq.rejectDelete : K.faq.withdrawDelete}</button>
      </form>`;
  return html`<table>
    <thead>
      <tr>
        <th scope="col">${K.faq.origin}</th>
        <th scope="col">${M.faq.category}</th>
        <th scope="col">${M.faq.question}</th>
        <th scope="col">${M.faq.answer}</th>
        <th scope="col">${M.faq.createdBy}</th>
        <th scope="col">操作</th>
      </tr>
    </thead>
    <tbody>
      ${entries.map(
        (e) =>
          html`<tr>
            <td>${ORIGIN_LABELS[e.origin]}<br /><small>${draftKind(e, hiddenIds)}</small></td>
            <td>${e.category}</td>
            <td>${e.question}</td>
            <td class="body">${e.answer}</td>
            <td>${e.createdBy} ${formatJst(e.updatedAt)}</td>
            <td class="actions">${e.deleteRequestedAt !== undefined ? deleteRequestActions(e) : draftActions(e)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The delete button of a published entry (for an override: back to the sheet's text). */
export function deleteForm(base: string, csrf: string, e: FaqEntry, label: string): SafeHtml {
  return html`<form method="post" action="${base}/faqs/${e.id}/delete" data-confirm="${M.faq.confirmDelete}">
    <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}<input
      type="hidden"
      name="version"
      value="${e.version}"
    />
    <button type="submit" class="danger">${label}</button>
  </form>`;
}

/** 「回答に使わない（非公開にする）」 or 「公開に戻す」 of a published FAQ, posting `fields` to `action`. */
export function visibilityForm(
  base: string,
  csrf: string,
  action: string,
  hidden: boolean,
  fields: Record<string, string>,
): SafeHtml {
  return html`<form method="post" action="${base}${action}" ${hidden ? '' : html`data-confirm="${K.faq.hideConfirm}"`}>
    <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
    ${Object.entries(fields).map(([k, val]) => html`<input type="hidden" name="${k}" value="${val}" />`)}
    <input type="hidden" name="hidden" value="${hidden ? '0' : '1'}" />
    <button type="submit" ${hidden ? '' : html`class="danger"`}>${hidden ? K.faq.unhide : K.faq.hide}</button>
  </form>`;
}

/** 未回答の質問 table. */
export function unansweredList(items: UnansweredQuestion[]): SafeHtml {
  if (items.length === 0) return html`<p>${M.unanswered.empty}</p>`;
  return html`<table>
    <thead>
      <tr>
        <th scope="col">${M.unanswered.askedAt}</th>
        <th scope="col">${M.unanswered.question}</th>
        <th scope="col">${M.unanswered.outcome}</th>
        <th scope="col">${M.unanswered.category}</th>
        <th scope="col">${M.unanswered.department}</th>
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (q) =>
          html`<tr>
            <td>${formatJst(q.askedAt)}</td>
            <td>${q.text}</td>
            <td>${M.unanswered.outcomes[q.outcome]}</td>
            <td>${q.categoryGuess ?? ''}</td>
            <td>${q.department ?? ''}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
