/**
 * The release of a quarantined manual (or attachment) over HTTP, as an administrator's browser does it on
 * 隔離ファイル (or the ticket page): the CSRF token and the form's one-time `_key` read from the page; the upload of
 * a manual on ナレッジの管理, and what the real-clamd specs check afterwards: the manual folders, the audit rows,
 * the file_scan rows and the ingest runs.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { formKey, type ConsoleSession } from './console-client';

/** The 隔離ファイル page's path and a manual's release path. */
export const QUARANTINE_PAGE = '/console/quarantine';
/** A time as the 隔離ファイル rows show it, as a pattern. */
export const LISTED_TIME = '\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}';
/** The release form of a 隔離ファイル row, as the rows' text reads it. */
export const RELEASE_FORM = '解除する理由（必須・500文字以内。誤検知と判断した根拠など） 隔離を解除する';
/** `text` as a literal in a pattern. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const manualReleasePath = (sha256: string) => `/console/quarantine/manuals/${sha256}/release`;
/** A quarantined attachment's release path (its form is on the ticket page). */
export const attachmentReleasePath = (attachmentId: string) => `/console/attachments/${attachmentId}/release`;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Uploads one manual on ナレッジの管理 (multipart, with the page's CSRF token); the answer's status. */
export async function uploadManual(baseUrl: string, session: ConsoleSession, name: string, text: string) {
  const page = await session.get('/console/knowledge');
  const form = new FormData();
  form.append('_csrf', csrfOf(page.text));
  const key = formKey(page.text, '/console/knowledge/documents');
  if (key) form.append('_key', key);
  form.append('files', new Blob([new Uint8Array(Buffer.from(text))], { type: 'text/markdown' }), name);
  const res = await fetch(`${baseUrl}/console/knowledge/documents`, {
    method: 'POST',
    headers: { cookie: session.cookie },
    body: form,
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
}

/** The one-time key of the manual's release form on 隔離ファイル; undefined when the page offers no form. */
export async function releaseFormKey(session: ConsoleSession, sha256: string): Promise<string | undefined> {
  return formKey((await session.get(QUARANTINE_PAGE)).text, manualReleasePath(sha256));
}

/** Posts the manual's release form (CSRF token from 隔離ファイル; `key`: the form's one-time key). */
export function postManualRelease(
  baseUrl: string,
  session: ConsoleSession,
  sha256: string,
  form: { reason: string; key?: string },
) {
  return postRelease(baseUrl, session, { action: manualReleasePath(sha256), page: QUARANTINE_PAGE }, form);
}

/**
 * Posts a release form to `at.action` with the CSRF token of the page `at.page` (`key`: the form's one-time key);
 * the answer's status, redirect and text.
 */
export async function postRelease(
  baseUrl: string,
  session: ConsoleSession,
  at: { action: string; page: string },
  form: { reason: string; key?: string },
) {
  const csrf = csrfOf((await session.get(at.page)).text);
  const res = await fetch(`${baseUrl}${at.action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, reason: form.reason, ...(form.key ? { _key: form.key } : {}) }).toString(),
  });
  return { status: res.status, location: res.headers.get('location') ?? '', text: await res.text() };
}

/** The file names in the uploads folder and in the quarantined manuals' folder of a data folder. */
export function manualFolders(dataDir: string): { uploads: string[]; quarantine: string[] } {
  const names = (dir: string) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((n) => n !== '.tmp')
          .sort()
      : [];
  return {
    uploads: names(path.join(dataDir, 'knowledge', 'uploads')),
    quarantine: names(path.join(dataDir, 'quarantine', 'manuals')),
  };
}

const placeholder = (ds: DataSource) => (ds.options.type === 'postgres' ? '$1' : '?');

/** The audit rows of one action, oldest first, with their detail parsed. */
export async function auditRows(ds: DataSource, action: string) {
  const rows = (await ds.query(
    `SELECT "actor", "target", "detail" FROM "audit_log" WHERE "action" = ${placeholder(ds)} ORDER BY "seq"`,
    [action],
  )) as { actor: string; target: string; detail: string }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/**
 * The one audit row of a release (`action`), its quarantine time checked as an ISO time and left out: what the
 * specs compare exactly.
 */
export async function onlyRelease(ds: DataSource, action: string) {
  const rows = await auditRows(ds, action);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  const { quarantinedAt, ...detail } = rows[0]!.detail;
  assert.match(String(quarantinedAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  return { actor: rows[0]!.actor, target: rows[0]!.target, detail };
}

/** A content's file_scan row (verdict, detection, signature version); `kind` as the row's id starts. */
export async function scanRow(ds: DataSource, kind: 'manual' | 'attachment', sha256: string) {
  const [row] = (await ds.query(
    `SELECT "verdict", "signature", "signatureVersion" FROM "file_scan" WHERE "id" = ${placeholder(ds)}`,
    [`${kind}:${sha256}`],
  )) as Record<string, unknown>[];
  return row;
}

/** A manual's file_scan row (verdict, detection, signature version). */
export const manualScanRow = (ds: DataSource, sha256: string) => scanRow(ds, 'manual', sha256);

/** The console ingest's runs (job_run `ingest`) whose reason is `reason`: status and stored detail. */
export async function ingestRuns(ds: DataSource, reason: string) {
  const rows = (await ds.query(
    `SELECT "status", "detail" FROM "job_run" WHERE "job" = 'ingest' ORDER BY "startedAt"`,
  )) as { status: string; detail: string | null }[];
  return rows
    .map((r) => ({ status: r.status, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {} }))
    .filter((r) => r.detail.reason === reason);
}

/**
 * Waits (up to `ms`) until a console ingest run for `reason` has finished and none is running (a run's reason is
 * stored when it ends); its finished runs.
 */
export async function ingestFinished(ds: DataSource, reason: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const [row] = (await ds.query(
      `SELECT COUNT(*) AS "n" FROM "job_run" WHERE "job" = 'ingest' AND "status" = 'running'`,
    )) as { n: number | string }[];
    const runs = await ingestRuns(ds, reason);
    if (Number(row!.n) === 0 && runs.length > 0) return runs;
    if (Date.now() > deadline) throw new Error(`no finished ingest for ${reason} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
