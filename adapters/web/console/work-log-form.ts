/** The work-log entry fields (作業日時・担当者・作業名・作業内容・特記事項), shared by the 作業実績 page and the ticket page. */
import { html, type SafeHtml } from './html';
import { M } from './messages';

/**
 * Form fields of one work-log entry; `start` prefills both times (datetime-local), `operatorName` the 担当者.
 * `typed` (a save that failed) is shown instead, as typed.
 */
export function workLogFields(
  start: string,
  operatorName = '',
  typed: Readonly<Record<string, string>> = {},
): SafeHtml {
  return html`<div class="field">
      <label for="w-start">${M.worklog.startedAt}</label
      ><input type="datetime-local" id="w-start" name="startedAt" value="${typed.startedAt ?? start}" required />
    </div>
    <div class="field">
      <label for="w-end">${M.worklog.endedAt}</label
      ><input type="datetime-local" id="w-end" name="endedAt" value="${typed.endedAt ?? start}" required />
    </div>
    <div class="field">
      <label for="w-op">${M.worklog.operatorName}</label
      ><input id="w-op" name="operatorName" value="${typed.operatorName ?? operatorName}" required />
    </div>
    <div class="field">
      <label for="w-title">${M.worklog.workTitle}</label
      ><input id="w-title" name="title" value="${typed.title ?? ''}" required />
    </div>
    <div class="field">
      <label for="w-content">${M.worklog.content}</label
      ><textarea id="w-content" name="content" rows="4" required>${typed.content ?? ''}</textarea>
    </div>
    <div class="field">
      <label for="w-remarks">${M.worklog.remarks}</label
      ><textarea id="w-remarks" name="remarks" rows="2">${typed.remarks ?? ''}</textarea>
    </div>`;
}
