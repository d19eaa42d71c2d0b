/**
 * The release of a quarantined attachment (a false positive) by an administrator: the release form beside the
 * file on the ticket and terminal pages, and its POST; and the release of a quarantined manual from the
 * 隔離ファイル page, which puts it back among the uploaded manuals and re-indexes as an upload does. The file is
 * scanned again first (tickets/quarantine-release.ts); a refusal is shown as an error page with its status
 * (400 reason, 409 still detected or a manual of that name uploaded since, 410 file removed, 503 scanner down)
 * and changes nothing.
 */
import { KotaeError } from '../../../core';
import { hasRole, type AttachmentMeta } from '../../../tickets';
import type { ReleaseForms } from './attachment-section';
import { QUARANTINE_LIST_TEXT } from './quarantine-messages';
import { done, field, param, type ConsoleRoute, type HandlerContext } from './route-types';

const SHA256 = /^[0-9a-f]{64}$/;

/** The release forms an administrator sees among `attachments`; undefined for other roles. */
export async function releaseFormsFor(
  c: HandlerContext,
  attachments: readonly AttachmentMeta[],
): Promise<ReleaseForms | undefined> {
  const release = c.deps.quarantine;
  if (!release || !hasRole(c.auth.operator.role, 'admin')) return undefined;
  return { csrf: c.auth.session.csrfToken, ids: await release.releasable(attachments) };
}

/** The CSRF token of the manuals' release forms an administrator sees; undefined when none are offered. */
export function manualReleaseCsrf(c: HandlerContext): string | undefined {
  const release = c.deps.quarantine;
  if (!release?.releasesManuals || !hasRole(c.auth.operator.role, 'admin')) return undefined;
  return c.auth.session.csrfToken;
}

/** Routes of the quarantine release. */
export const QUARANTINE_ROUTES: readonly ConsoleRoute[] = [
  {
    method: 'post',
    path: '/attachments/:attachmentId/release',
    role: 'admin',
    handle: async (c) => {
      const { attachments, quarantine } = c.deps;
      if (!attachments || !quarantine) throw new KotaeError('NOT_FOUND', 'attachments not configured');
      const meta = await attachments.forOperator(param(c.req, 'attachmentId'));
      // NOT_FOUND for a 機密性3 ticket this administrator may not see, as the download does.
      const ticket = meta.ticketId ? await c.deps.tickets.get(meta.ticketId) : undefined;
      await quarantine.release({
        attachment: meta,
        reason: field(c.req, 'reason'),
        actor: c.auth.operator.username,
        target: ticket?.number ?? `conversation:${meta.conversationId ?? ''}`,
      });
      done(c, ticket ? `/tickets/${encodeURIComponent(ticket.number)}` : '/tickets', 'quarantineReleased');
    },
  },
  {
    method: 'post',
    path: '/quarantine/manuals/:sha256/release',
    role: 'admin',
    handle: async (c) => {
      const { quarantine, knowledge } = c.deps;
      const sha256 = param(c.req, 'sha256');
      if (!quarantine || !SHA256.test(sha256)) throw new KotaeError('NOT_FOUND', 'no such quarantined manual');
      const released = await quarantine.releaseManual({
        sha256,
        reason: field(c.req, 'reason'),
        actor: c.auth.operator.username,
      });
      // As after an upload: the background ingest reads the manual again.
      void knowledge?.ingest.request(QUARANTINE_LIST_TEXT.manualReindexReason(released.fileName));
      done(c, '/quarantine', 'manualReleased');
    },
  },
];
