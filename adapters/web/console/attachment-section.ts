/**
 * The attachments of a ticket on its detail page: image thumbnails, download links, who sent each; a quarantined
 * file an administrator may release carries the release form (reason required).
 */
import { formatBytes, isInlineImage, RELEASE_REASON_MAX_CHARS, type AttachmentMeta } from '../../../tickets';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { M } from './messages';
import { writeKeyInput } from './write-key';

/** The release forms to show: the session's CSRF token and the attachments whose quarantine may be lifted. */
export interface ReleaseForms {
  csrf: string;
  ids: ReadonlySet<string>;
}

/** Accepted by the reply form's file input (the server checks the content anyway). */
export const ACCEPTED_FILES =
  'image/png,image/jpeg,image/gif,image/webp,application/pdf,.txt,.log,.csv,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.zip';

/**
 * A release form (reason required, then the button) posted to `action` with the CSRF token and a one-time key;
 * `id` names its reason field. Also the 隔離ファイル page's form for a quarantined manual.
 */
export function releaseForm(action: string, id: string, csrf: string): SafeHtml {
  return html`<form class="quarantine-release" method="post" action="${action}">
    <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
    <label for="${id}">${M.attachments.releaseReason(RELEASE_REASON_MAX_CHARS)}</label
    ><textarea id="${id}" name="reason" rows="2" maxlength="${RELEASE_REASON_MAX_CHARS}" required></textarea>
    <button type="submit">${M.attachments.release}</button>
  </form>`;
}

function item(base: string, a: AttachmentMeta, release?: ReleaseForms): SafeHtml {
  const who = a.kind === 'operator' ? M.attachments.fromOperator : M.attachments.fromRequester;
  const meta = html`<span class="meta"
    >${who} ・ ${a.uploadedBy} ・ ${formatJst(a.createdAt)} ・ ${formatBytes(a.sizeBytes)}</span
  >`;
  if (!a.sha256) return html`<li>${a.fileName}（${M.attachments.metadataOnly}） ${meta}</li>`;
  // Found infected by a rescan: no link and no thumbnail (the download answers 410).
  if (a.quarantine)
    return html`<li class="attachment quarantined">
      ${a.fileName}（${M.attachments.quarantined(a.quarantine.signature)}） ${meta}
      ${
        release?.ids.has(a.id)
          ? releaseForm(`${base}/attachments/${a.id}/release`, `release-reason-${a.id}`, release.csrf)
          : ''
      }
    </li>`;
  const url = `${base}/attachments/${a.id}`;
  const thumb = isInlineImage(a.contentType)
    ? html`<a href="${url}"><img class="thumb" src="${url}" alt="${a.fileName}" loading="lazy" /></a>`
    : '';
  return html`<li class="attachment">${thumb} <a href="${url}?download=1" download>${a.fileName}</a> ${meta}</li>`;
}

/** The section body; `release`: the release forms an administrator sees. */
export function attachmentList(base: string, attachments: readonly AttachmentMeta[], release?: ReleaseForms): SafeHtml {
  if (attachments.length === 0) return html`<p>${M.detail.none}</p>`;
  return html`<ul class="attachments">
    ${attachments.map((a) => item(base, a, release))}
  </ul>`;
}

/** The file input of the reply form. */
export function replyFileInput(maxBytes: number): SafeHtml {
  return html`<div class="field">
    <label for="reply-files">${M.attachments.replyFiles(formatBytes(maxBytes))}</label
    ><input id="reply-files" name="files" type="file" multiple accept="${ACCEPTED_FILES}" />
  </div>`;
}
