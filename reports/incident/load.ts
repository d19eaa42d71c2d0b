/** Loads a 障害 ticket and everything its report prints, through small read-only ports. */
import type { TicketStore } from '../../tickets';
import { KotaeError } from '../../core';
import { TYPE_LABELS } from '../labels';
import type { WorkLogEntry } from '../report-data';
import { INCIDENT_ERRORS } from './labels';
import { buildIncidentReport, type IncidentReportModel } from './model';

/** The ticket reads the report needs (SqlTicketStore implements them). */
export type IncidentTicketSource = Pick<TicketStore, 'get' | 'comments' | 'history' | 'transcript'>;

/** The work-log read the report needs (SqlWorkLogStore implements it). */
export interface IncidentWorkLogSource {
  listByTicket(ticketId: string): Promise<WorkLogEntry[]>;
}

/** Where the data comes from, and who issues the report when. */
export interface LoadIncidentReportDeps {
  tickets: IncidentTicketSource;
  workLogs: IncidentWorkLogSource;
  organization: string;
  now: Date;
}

/**
 * Builds the report of the ticket with this number or id. Throws NOT_FOUND for an unknown ticket
 * and INPUT_INVALID for a ticket whose type is not 障害, both with a Japanese user message.
 */
export async function loadIncidentReport(ref: string, deps: LoadIncidentReportDeps): Promise<IncidentReportModel> {
  const ticket = await deps.tickets.get(ref);
  if (!ticket)
    throw new KotaeError('NOT_FOUND', `ticket ${ref} not found`, { userMessage: INCIDENT_ERRORS.notFound(ref) });
  if (ticket.type !== 'incident') {
    throw new KotaeError('INPUT_INVALID', `ticket ${ticket.number} is of type ${ticket.type}, not incident`, {
      userMessage: INCIDENT_ERRORS.notIncident(ticket.number, TYPE_LABELS[ticket.type]),
      details: { type: ticket.type },
    });
  }
  const [comments, history, transcript, workLogs] = await Promise.all([
    deps.tickets.comments(ticket.id),
    deps.tickets.history(ticket.id),
    deps.tickets.transcript(ticket.id),
    deps.workLogs.listByTicket(ticket.id),
  ]);
  return buildIncidentReport(ticket, {
    comments,
    history,
    transcript,
    workLogs,
    organization: deps.organization,
    now: deps.now,
  });
}
