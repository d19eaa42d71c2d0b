/** The attachments of a ticket on its detail page: image thumbnails, download links, who sent each. */
import { formatBytes, isInlineImage, type AttachmentMeta } from '../../../tickets';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { M } from './messages';

/** Accepted by the reply form's file input (the server checks the content anyway). */
export const ACCEPTED_FILES =
  'image/png,image/jpeg,image/gif,image/webp,application/pdf,.txt,.log,.csv,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.zip';

function item(base: string, a: AttachmentMeta): SafeHtml {
  const who = a.kind === 'operator' ? M.attachments.fromOperator : M.attachments.fromRequester;
  const meta = html`<span class="meta"
    >${who} ・ ${a.uploadedBy} ・ ${formatJst(a.createdAt)} ・ ${formatBytes(a.sizeBytes)}</span
  >`;
  if (!a.sha256) return html`<li>${a.fileName}（${M.attachments.metadataOnly}） ${meta}</li>`;
  // Found infected by a rescan: no link and no thumbnail (the download answers 410).
  if (a.quarantine)
    return html`<li class="attachment quarantined">
      ${a.fileName}（${M.attachments.quarantined(a.quarantine.signature)}） ${meta}
    </li>`;
  const url = `${base}/attachments/${a.id}`;
  const thumb = isInlineImage(a.contentType)
    ? html`<a href="${url}"><img class="thumb" src="${url}" alt="${a.fileName}" loading="lazy" /></a>`
    : '';
  return html`<li class="attachment">${thumb} <a href="${url}?download=1" download>${a.fileName}</a> ${meta}</li>`;
}

/** The section body. */
export function attachmentList(base: string, attachments: readonly AttachmentMeta[]): SafeHtml {
  if (attachments.length === 0) return html`<p>${M.detail.none}</p>`;
  return html`<ul class="attachments">
    ${attachments.map((a) => item(base, a))}
  </ul>`;
}

/** The file input of the reply form. */
export function replyFileInput(maxBytes: number): SafeHtml {
  return html`<div class="field">
    <label for="reply-files">${M.attachments.replyFiles(formatBytes(maxBytes))}</label
    ><input id="reply-files" name="files" type="file" multiple accept="${ACCEPTED_FILES}" />
  </div>`;
}
