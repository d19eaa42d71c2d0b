/**
 * 年度切替 (operators): upload a personnel-transfer CSV (UTF-8 or Shift_JIS) → 依頼 tickets, all or
 * nothing; a refused file lists every bad line. Each import has a checklist of its tasks' progress.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { KotaeError } from '../../../core';
import { formatJst } from '../../../calendar';
import {
  ACCOUNT_ACTION_LABELS,
  MAX_TRANSFER_BYTES,
  TRANSFER_COLUMNS,
  upcomingFiscalYear,
  type FySwitchService,
  type TransferRowError,
} from '../../../tickets';
import { authOf } from '../auth';
import { isMultipart, readUpload } from '../multipart';
import { html, type SafeHtml } from './html';
import { sendPage } from './layout';
import { STATUS_LABELS } from './messages';
import { done, param, query, type ConsoleRoute, type HandlerContext } from './route-types';
import { writeKeyInput } from './write-key';

/** Japanese texts of the pages. */
export const FY_TEXT = {
  title: '年度切替（人事異動データの取込）',
  intro: `人事異動データ（CSV、UTF-8 または Shift_JIS）を取り込み、対象システムと所属ごとにアカウント追加・変更・削除の依頼チケットを作成します。必要な列: ${TRANSFER_COLUMNS.join('、')}（異動区分は 新規・異動・退職）。1行でも誤りがあれば何も作成しません。`,
  privacy: 'チケットには職員番号と所属のみを記載します。氏名はこの取込のチェックリストにだけ表示します。',
  fiscalYear: '年度（西暦）',
  file: 'CSVファイル',
  submit: '取り込む',
  batches: 'これまでの取込',
  none: '取込はまだありません。',
  noFile: 'CSVファイルを選択してください。',
  tooLarge: `ファイルが大きすぎます（${MAX_TRANSFER_BYTES / 1024 / 1024}MBまで）。`,
  errorsTitle: '誤りのある行',
  line: (n: number) => (n === 1 ? 'ファイル' : `${n}行目`),
  imported: (n: number) => `取り込みました（依頼チケット ${n}件）。`,
  checklist: (fy: number) => `${fy}年度 年度切替チェックリスト`,
  progress: (done: number, total: number) => `進捗: ${done} / ${total} 件 完了`,
  cols: ['完了', '作業', '対象システム', '所属', '対象者', 'チケット', '状態'],
  staff: (no: string, name: string, from?: string) => `${no} ${name}${from ? `（旧所属: ${from}）` : ''}`,
  batchLine: (fy: number, file: string, rows: number, at: Date, by: string) =>
    `${fy}年度 ${file}（${rows}行、${formatJst(at)} ${by}）`,
};

const FILE_KEY = 'kotaeFyFile';
const FAILURE_KEY = 'kotaeFyFailure';

/** Reads the upload form (after the role check, before the CSRF check, which reads the `_csrf` field collected here). */
export function fySwitchUpload(): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!isMultipart(req) || !authOf(res)) return next();
    try {
      const upload = await readUpload<{ name: string; bytes: Buffer }>(req, {
        maxBytes: MAX_TRANSFER_BYTES,
        maxFiles: 1,
        stage: async (content, claim) => {
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of content) {
            size += chunk.length;
            if (size > MAX_TRANSFER_BYTES)
              throw new KotaeError('INPUT_TOO_LARGE', 'transfer file too large', { userMessage: FY_TEXT.tooLarge });
            chunks.push(Buffer.from(chunk));
          }
          return { name: claim.fileName, bytes: Buffer.concat(chunks) };
        },
        discard: async () => undefined,
      });
      req.body = upload.fields;
      res.locals[FILE_KEY] = upload.files[0];
      if (upload.failure) res.locals[FAILURE_KEY] = upload.failure;
    } catch (err) {
      return next(err);
    }
    next();
  };
}

function service(c: HandlerContext): FySwitchService {
  const s = c.deps.fySwitch;
  if (!s) throw new KotaeError('NOT_FOUND', 'fiscal-year switch not configured');
  return s;
}

function errorList(rows: TransferRowError[]): SafeHtml {
  return html`<section aria-labelledby="fy-err-h">
    <h2 id="fy-err-h">${FY_TEXT.errorsTitle}</h2>
    <ul id="fy-errors">
      ${rows.map((r) => html`<li>${FY_TEXT.line(r.line)}: ${r.messages.join(' ')}</li>`)}
    </ul>
  </section>`;
}

async function page(c: HandlerContext, status = 200, error?: KotaeError): Promise<void> {
  const batches = await service(c).batches();
  const fy = upcomingFiscalYear(c.deps.clock.now());
  const rows = error?.details?.rows as TransferRowError[] | undefined;
  const notice = /^imported-(\d+)$/.exec(query(c.req, 'notice'));
  sendPage(c.res, status, {
    base: c.base,
    auth: c.auth,
    title: FY_TEXT.title,
    error: error?.userMessage,
    notice: notice ? FY_TEXT.imported(Number(notice[1])) : undefined,
    body: html`<p>${FY_TEXT.intro}</p>
      <p>${FY_TEXT.privacy}</p>
      ${rows?.length ? errorList(rows) : ''}
      <form method="post" action="${c.base}/fy-switch" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value="${c.auth.session.csrfToken}" />${writeKeyInput()}
        <div class="field">
          <label for="fy-year">${FY_TEXT.fiscalYear}</label
          ><input id="fy-year" name="fiscalYear" type="number" min="2000" max="2100" value="${fy}" />
        </div>
        <div class="field">
          <label for="fy-file">${FY_TEXT.file}</label
          ><input id="fy-file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <button type="submit">${FY_TEXT.submit}</button>
      </form>
      <h2>${FY_TEXT.batches}</h2>
      ${
        batches.length
          ? html`<ul id="fy-batches">
              ${batches.map(
                (b) =>
                  html`<li>
                    <a href="${c.base}/fy-switch/${b.id}"
                      >${FY_TEXT.batchLine(b.fiscalYear, b.fileName, b.rowCount, b.createdAt, b.createdBy)}</a
                    >
                  </li>`,
              )}
            </ul>`
          : html`<p>${FY_TEXT.none}</p>`
      }`,
  });
}

async function checklist(c: HandlerContext): Promise<void> {
  const { batch, items, done: finished } = await service(c).checklist(param(c.req, 'id'));
  sendPage(c.res, 200, {
    base: c.base,
    auth: c.auth,
    title: FY_TEXT.checklist(batch.fiscalYear),
    body: html`<p id="fy-progress">${FY_TEXT.progress(finished, items.length)}</p>
      <table id="fy-checklist">
        <thead>
          <tr>
            ${FY_TEXT.cols.map((h) => html`<th>${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (i) =>
              html`<tr class="${i.done ? 'done' : ''}">
                <td>${i.done ? '✓' : ''}</td>
                <td>${ACCOUNT_ACTION_LABELS[i.task.action]}</td>
                <td>${i.task.system}</td>
                <td>${i.task.department}</td>
                <td>${i.task.staff.map((s) => html`${FY_TEXT.staff(s.staffNo, s.name, s.from)}<br />`)}</td>
                <td>${i.ticket ? html`<a href="${c.base}/tickets/${i.ticket.number}">${i.ticket.number}</a>` : ''}</td>
                <td>${i.ticket ? STATUS_LABELS[i.ticket.status] : ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  });
}

/** The fiscal-year switch routes. */
export const FY_SWITCH_ROUTES: readonly ConsoleRoute[] = [
  { method: 'get', path: '/fy-switch', role: 'operator', handle: (c) => page(c) },
  {
    method: 'post',
    path: '/fy-switch',
    role: 'operator',
    handle: async (c) => {
      try {
        const failure = c.res.locals[FAILURE_KEY] as KotaeError | undefined;
        if (failure) throw failure;
        const file = c.res.locals[FILE_KEY] as { name: string; bytes: Buffer } | undefined;
        if (!file) throw new KotaeError('INPUT_INVALID', 'no transfer file', { userMessage: FY_TEXT.noFile });
        const body = (c.req.body ?? {}) as Record<string, unknown>;
        const fiscalYear = Number(typeof body.fiscalYear === 'string' ? body.fiscalYear : NaN);
        const { tickets } = await service(c).import(
          { bytes: file.bytes, fileName: file.name, fiscalYear },
          c.auth.operator.username,
        );
        done(c, '/fy-switch', `imported-${tickets.length}`);
      } catch (err) {
        if (err instanceof KotaeError && (err.code === 'INPUT_INVALID' || err.code === 'INPUT_TOO_LARGE'))
          return page(c, err.status, err);
        throw err;
      }
    },
  },
  { method: 'get', path: '/fy-switch/:id', role: 'operator', handle: checklist },
];
