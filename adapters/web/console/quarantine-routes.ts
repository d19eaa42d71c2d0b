/**
 * The release of a quarantined attachment (a false positive) by an administrator: the release form beside the
 * file on the ticket and terminal pages, and its POST. The file is scanned again first (tickets/quarantine-release.ts);
 * a refusal is shown as an error page with its status (400 reason, 409 still detected, 410 file removed, 503
 * scanner down) and changes nothing.
 */
import { KotaeError } from '../../../core';
import { hasRole, type AttachmentMeta } from '../../../tickets';
import type { ReleaseForms } from './attachment-section';
import { done, field, param, type ConsoleRoute, type HandlerContext } from './route-types';

/** The release forms an administrator sees among `attachments`; undefined for other roles. */
export async function releaseFormsFor(
  c: HandlerContext,
  attachments: readonly AttachmentMeta[],
): Promise<ReleaseForms | undefined> {
  const release = c.deps.quarantine;
  if (!release || !hasRole(c.auth.operator.role, 'admin')) return undefined;
  return { csrf: c.auth.session.csrfToken, ids: await release.releasable(attachments) };
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
];
