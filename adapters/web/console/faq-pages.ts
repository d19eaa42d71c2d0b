/** FAQ pages: editor form, approved list, drafts awaiting approval, unanswered questions. */
import type { FaqEntry, FaqInput, UnansweredQuestion } from '../../../tickets';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { M } from './messages';

/** What the FAQ form needs. */
export interface FaqFormView {
  base: string;
  csrf: string;
  action: string;
  input: FaqInput;
  categories: readonly string[];
  submit: string;
  version?: number;
}

/** The FAQ editor form. */
export function faqForm(v: FaqFormView): SafeHtml {
  const cats = v.categories.includes(v.input.category) ? v.categories : [v.input.category, ...v.categories];
  return html`<form method="post" action="${v.base}${v.action}" class="stack">
    <input type="hidden" name="_csrf" value="${v.csrf}" />
    ${v.version !== undefined ? html`<input type="hidden" name="version" value="${v.version}" />` : ''}
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

/** The list of FAQs with edit/delete (and approve for admins on drafts). */
export function faqList(
  base: string,
  csrf: string,
  entries: FaqEntry[],
  opts: { drafts: boolean; canApprove: boolean },
): SafeHtml {
  if (entries.length === 0) return html`<p>${opts.drafts ? M.faq.noDrafts : M.faq.empty}</p>`;
  const hidden = (e: FaqEntry) =>
    html`<input type="hidden" name="_csrf" value="${csrf}" /><input
        type="hidden"
        name="version"
        value="${e.version}"
      />`;
  return html`<table>
    <thead>
      <tr>
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
            <td>${e.category}</td>
            <td>${e.question}</td>
            <td class="body">${e.answer}</td>
            <td>${e.createdBy} ${formatJst(e.updatedAt)}</td>
            <td class="actions">
              <a href="${base}/faqs/${e.id}/edit">${M.faq.edit}</a>
              ${opts.drafts && opts.canApprove ? html`<form method="post" action="${base}/faqs/${e.id}/approve">${hidden(e)}<button type="submit">${M.faq.approve}</button></form>` : ''}
              <form method="post" action="${base}/faqs/${e.id}/delete" data-confirm="${M.faq.confirmDelete}">
                ${hidden(e)}<button type="submit" class="danger">${M.faq.delete}</button>
              </form>
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
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
