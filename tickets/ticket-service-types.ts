/** The types of TicketService's constructor and answers (ticket-service.ts). */
import type { Clock } from '../core';
import type { SlaCalendar, SlaPolicy } from '../calendar';
import type { TranscriptEntry } from '../conversations';
import type { PiiMasker } from '../privacy';
import type { AttachmentService } from './attachment-service';
import type { AuditTrail } from './audit';
import type { ConfidentialRoster, TicketViewer } from './confidential-roster';
import type { AttachmentStore, TicketComment, TicketEvent, TicketMerger, TicketPatch, TicketStore } from './ports';
import type { ReplyDelivery } from './reply-delivery';
import type { SlaTargets } from './sla-targets';
import type { AttachmentMeta, TicketWithSla } from './types';
import type { WriteKeyStore } from './write-keys';

/** What TicketService needs. */
export interface TicketServiceDeps {
  store: TicketStore;
  delivery: ReplyDelivery;
  attachments: AttachmentStore;
  /** Stores files operators send with replies (without it, replies carry no files). */
  files?: AttachmentService;
  calendar: SlaCalendar;
  slaPolicy: SlaPolicy;
  /** Targets per ticket type (issue 16); without them every type runs on `slaPolicy`. */
  slaTargets?: SlaTargets;
  /** The 機密性3 roster: who may see tickets marked 機密性3 (issue 16 point 5). */
  roster?: Pick<ConfidentialRoster, 'maySeeConfidential'>;
  /** Whose view this service serves (see forViewer); absent = the system, which sees every ticket. */
  viewer?: TicketViewer;
  clock: Clock;
  audit: AuditTrail;
  categories?: readonly string[];
  /** The configured personal-data masker (privacy/); all types when absent. */
  masker?: PiiMasker;
  /** Moves content between tickets (merging duplicates); without it merging is refused. */
  merger?: TicketMerger;
  /** One-time keys of replies and notes (issue 17 point 5); without it a key is checked but not kept. */
  writeKeys?: WriteKeyStore;
}

/** Fields an operator may change on a ticket in one save. */
export type TicketChanges = Pick<
  TicketPatch,
  'status' | 'type' | 'priority' | 'category' | 'title' | 'assignee' | 'incident'
>;

/** Everything the ticket detail page shows. */
export interface TicketDetail extends TicketWithSla {
  comments: TicketComment[];
  history: TicketEvent[];
  transcript: TranscriptEntry[];
  attachments: AttachmentMeta[];
}
