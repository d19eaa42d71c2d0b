/** The ナレッジの管理 page: upload form, the background ingest's progress and summary, uploaded documents. */
import type { IngestJobStatus } from '../../../jobs';
import { formatBytes, UPLOAD_EXTENSIONS } from '../../../ingest';
import { formatJst } from './format';
import { html, type SafeHtml } from './html';
import { K } from './knowledge-messages';
import type { IndexStateView, SharePointLibraryView } from './knowledge-deps';
import { writeKeyInput } from './write-key';

/** The upload form. */
export function uploadForm(base: string, csrf: string, maxBytes: number): SafeHtml {
  return html`<section aria-labelledby="up-h">
    <h2 id="up-h">${K.knowledge.upload}</h2>
    <p>${K.knowledge.uploadHelp(formatBytes(maxBytes))}</p>
    <form method="post" action="${base}/knowledge/documents" enctype="multipart/form-data" class="stack">
      <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
      <div class="field">
        <label for="kd-file">${K.knowledge.file}</label>
        <input id="kd-file" name="file" type="file" multiple required accept="${UPLOAD_EXTENSIONS.join(',')}" />
      </div>
      <button type="submit">${K.knowledge.uploadSubmit}</button>
    </form>
  </section>`;
}

/** The background ingest: state, progress, summary with skipped files and warnings (each the first 50 and a count). */
export function ingestStatus(base: string, s: IngestJobStatus): SafeHtml {
  const p = s.progress;
  return html`<section aria-labelledby="ing-h" id="ingest-status" data-state="${s.state}">
    <h2 id="ing-h">${K.knowledge.ingest}</h2>
    <p class="ingest-state">${K.knowledge.states[s.state]}</p>
    ${s.reason ? html`<p>${K.knowledge.reason(s.reason)}</p>` : ''}
    ${s.startedAt ? html`<p>${K.knowledge.period(formatJst(s.startedAt), formatJst(s.finishedAt))}</p>` : ''}
    ${s.state === 'running' && p ? html`<p class="ingest-progress">${K.knowledge.progress(p.phase, p.done, p.total)}</p>` : ''}
    ${s.error ? html`<p class="error">${K.knowledge.error(s.error)}</p>` : ''}
    ${
      s.summary
        ? html`<p class="ingest-summary">
              ${K.knowledge.summary(s.summary.files, s.summary.indexed, s.summary.unchanged, s.summary.removed, s.summary.chunks)}
            </p>
            ${skippedTable(s.summary.skipped, s.summary.skippedTotal)}
            ${warningsTable(s.summary.warnings, s.summary.warningsTotal)}`
        : ''
    }
    <p><a href="${base}/knowledge">${K.knowledge.reload}</a></p>
  </section>`;
}

/** A warning at the top of the page when the index cannot be loaded (questions are refused) or is stale. */
export function indexState(index: IndexStateView | undefined): SafeHtml | '' {
  if (!index?.error || index.state === 'ok') return '';
  const e = index.error;
  return html`<section aria-labelledby="idx-h" id="index-state" data-state="${index.state}">
    <h2 id="idx-h">${K.knowledge.indexTitle}</h2>
    <p class="error">${e.message}</p>
    ${e.detail ? html`<p>${K.knowledge.indexDetail(e.code, e.detail)}</p>` : ''}
  </section>`;
}

/** Skipped files and rows with their reasons; `total` counts those not listed too. */
export function skippedTable(skipped: readonly { path: string; reason: string }[], total = skipped.length): SafeHtml {
  if (total === 0) return html`<p>${K.knowledge.noSkipped}</p>`;
  return itemTable('skipped', K.knowledge.skipped, skipped, total);
}

/** Files and rows indexed but worth checking (shared FAQ ids, CSV rows with extra cells…); `total` counts all. */
function warningsTable(warnings: readonly { path: string; reason: string }[], total: number): SafeHtml {
  if (total === 0) return html`<p>${K.knowledge.noWarnings}</p>`;
  return itemTable('ingest-warnings', K.knowledge.warnings, warnings, total);
}

function itemTable(
  cls: string,
  caption: string,
  items: readonly { path: string; reason: string }[],
  total: number,
): SafeHtml {
  return html`<table class="${cls}">
      <caption>
        ${caption}（${total}件）
      </caption>
      <thead>
        <tr>
          <th scope="col">${K.knowledge.skipPath}</th>
          <th scope="col">${K.knowledge.skipReason}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (i) =>
            html`<tr>
              <td>${i.path}</td>
              <td>${i.reason}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${total > items.length ? html`<p class="more-items">${K.knowledge.more(items.length, total - items.length)}</p>` : ''}`;
}

/** The uploaded documents with delete buttons. */
export function documentList(
  base: string,
  csrf: string,
  docs: readonly { name: string; sizeBytes: number; modifiedAt: Date }[],
): SafeHtml {
  const body =
    docs.length === 0
      ? html`<p>${K.knowledge.noDocuments}</p>`
      : html`<table class="documents">
          <thead>
            <tr>
              <th scope="col">${K.knowledge.name}</th>
              <th scope="col">${K.knowledge.size}</th>
              <th scope="col">${K.knowledge.modifiedAt}</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            ${docs.map(
              (d) =>
                html`<tr>
                  <td>${d.name}</td>
                  <td>${formatBytes(d.sizeBytes)}</td>
                  <td>${formatJst(d.modifiedAt)}</td>
                  <td class="actions">
                    <form
                      method="post"
                      action="${base}/knowledge/documents/delete"
                      data-confirm="${K.knowledge.confirmDelete}"
                    >
                      <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}<input
                        type="hidden"
                        name="name"
                        value="${d.name}"
                      />
                      <button type="submit" class="danger">${K.knowledge.delete}</button>
                    </form>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return html`<section aria-labelledby="docs-h">
    <h2 id="docs-h">${K.knowledge.documents}</h2>
    ${body}
  </section>`;
}

/** The SharePoint libraries: last sync, its result with per-file skip reasons, errors, the credential's expiry. */
export function sharePointSection(
  base: string,
  csrf: string,
  libraries: readonly SharePointLibraryView[],
  o: {
    busy: boolean;
    credentialExpires?: string;
    today: string;
    /** Files of the libraries the last ingest skipped (encrypted, unreadable…), with reasons. */
    ingestSkipped?: readonly { path: string; reason: string }[];
  },
): SafeHtml {
  const exp = o.credentialExpires;
  const days = exp ? (Date.parse(`${exp}T00:00:00Z`) - Date.parse(`${o.today}T00:00:00Z`)) / 86_400_000 : undefined;
  const expiry =
    exp === undefined || days === undefined
      ? ''
      : days < 0
        ? html`<p class="error">${K.knowledge.expired(exp)}</p>`
        : days <= 30
          ? html`<p class="error">${K.knowledge.expiresSoon(exp)}</p>`
          : html`<p>${K.knowledge.expires(exp)}</p>`;
  return html`<section aria-labelledby="sp-h" id="sharepoint">
    <h2 id="sp-h">${K.knowledge.sharePoint}</h2>
    ${expiry} ${o.busy ? html`<p>${K.knowledge.syncing}</p>` : ''}
    <form method="post" action="${base}/knowledge/sharepoint/sync">
      <input type="hidden" name="_csrf" value="${csrf}" />${writeKeyInput()}
      <button type="submit">${K.knowledge.syncNow}</button>
    </form>
    <table class="libraries">
      <thead>
        <tr>
          <th scope="col">${K.knowledge.library}</th>
          <th scope="col">${K.knowledge.lastSync}</th>
          <th scope="col">${K.knowledge.result}</th>
        </tr>
      </thead>
      <tbody>
        ${libraries.map(
          (l) =>
            html`<tr>
              <td>${l.label}</td>
              <td>${l.syncedAt ? formatJst(l.syncedAt) : K.knowledge.never}</td>
              <td class="sync-result">
                ${
                  !l.result
                    ? ''
                    : l.result.ok
                      ? html`${K.knowledge.syncOk(l.result.full, l.result.added, l.result.updated, l.result.deleted)}
                        ${l.result.skipped.length ? skippedTable(l.result.skipped) : ''}`
                      : html`<span class="error">${K.knowledge.syncFailed(l.result.error ?? '')}</span>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${o.ingestSkipped?.length ? skippedTable(o.ingestSkipped) : ''}
  </section>`;
}
