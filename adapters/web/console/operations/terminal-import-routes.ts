/**
 * Routes of the terminal CSV import: the upload (a file of new terminals only is written at once; a file that
 * touches the ledger is previewed and kept on the server), the one-click confirmation of a preview by its
 * token, 「取り消す」, and the older confirmation that posts the same file again with the token.
 */
import { KotaeError } from '../../../../core';
import { CSV_ENCODING_CHOICES, OPS_MESSAGES, type CsvEncodingChoice, type ImportResult } from '../../../../operations';
import { field, query, type ConsoleRoute, type HandlerContext } from '../route-types';
import { opsOf, orShowError } from './common';
import { uploadedCsv } from './import-upload';
import { O } from './messages';
import { importPage } from './terminal-import-pages';

/** The preview's token posted with a form; INPUT_INVALID when malformed. */
function tokenOf(c: HandlerContext): string | undefined {
  const token = field(c.req, 'token') || undefined;
  if (token !== undefined && !/^[0-9a-f]{64}$/.test(token))
    throw new KotaeError('INPUT_INVALID', 'malformed import token', { userMessage: OPS_MESSAGES.importTokenInvalid });
  return token;
}

/** Shows refused rows, or sends the operator to the list with the counts written. */
function written(c: HandlerContext, result: ImportResult, confirmed: boolean): Promise<void> | void {
  if (result.kind === 'refused') return importPage(c, 400, OPS_MESSAGES.importFailed(result.errorRows), result);
  if (result.kind === 'preview') throw new KotaeError('INTERNAL', 'a confirmed import came back as a preview');
  const { added, updated, unchanged } = result;
  c.res.redirect(
    303,
    confirmed
      ? `${c.base}/operations/terminals?added=${added}&updated=${updated}&unchanged=${unchanged}`
      : `${c.base}/operations/terminals?imported=${added}`,
  );
}

async function runImport(c: HandlerContext) {
  const ops = opsOf(c);
  const csv = uploadedCsv(c, ops.importMaxBytes);
  const choice = CSV_ENCODING_CHOICES.find((e) => e === field(c.req, 'encoding'));
  if (!choice)
    throw new KotaeError('INPUT_INVALID', 'bad encoding choice', { userMessage: OPS_MESSAGES.importEncodingChoice });
  const token = tokenOf(c);
  const actor = c.auth.operator.username;
  const result = await ops.terminals.import(() => csv.open(), choice as CsvEncodingChoice, actor, token);
  if (result.kind !== 'preview') return written(c, result, token !== undefined);
  // Kept in the database (any instance takes the confirmation); nothing to keep when nothing would change.
  if (result.added + result.updated > 0) await ops.staging.keep(result, () => csv.open(), actor);
  return importPage(c, 200, undefined, result, await ops.sites.list());
}

async function confirmKept(c: HandlerContext) {
  const token = tokenOf(c);
  if (token === undefined)
    throw new KotaeError('INPUT_INVALID', 'no import token', { userMessage: OPS_MESSAGES.importTokenInvalid });
  return written(c, await opsOf(c).staging.confirm(token, c.auth.operator.username), true);
}

async function cancelKept(c: HandlerContext) {
  const token = tokenOf(c);
  if (token !== undefined) await opsOf(c).staging.cancel(token, c.auth.operator.username);
  c.res.redirect(303, `${c.base}/operations/terminals/import?notice=cancelled`);
}

/** Like orShowError, and a kept file that is not there (404) is shown on the import page too. */
function onImportPage(work: (c: HandlerContext) => Promise<void> | void) {
  return (c: HandlerContext) =>
    orShowError(
      async () => {
        try {
          await work(c);
        } catch (err) {
          if (!(err instanceof KotaeError) || err.code !== 'NOT_FOUND' || !c.deps.operations) throw err;
          importPage(c, 404, err.userMessage);
        }
      },
      async (status, message) => importPage(c, status, message),
    );
}

/** Routes of the import (registered before `/operations/terminals/:id`). */
export const TERMINAL_IMPORT_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'get',
    path: '/operations/terminals/import',
    role: 'operator',
    handle: async (c) =>
      importPage(
        c,
        200,
        undefined,
        undefined,
        [],
        query(c.req, 'notice') === 'cancelled' ? O.importPage.cancelled : undefined,
      ),
  },
  { method: 'post', path: '/operations/terminals/import', role: 'operator', handle: onImportPage(runImport) },
  { method: 'post', path: '/operations/terminals/import/confirm', role: 'operator', handle: onImportPage(confirmKept) },
  { method: 'post', path: '/operations/terminals/import/cancel', role: 'operator', handle: onImportPage(cancelKept) },
];
