/**
 * Wiring of the operations ledger (issue 16 points 1 and 3): SQL stores, the services, the console's
 * view of them (with the CSV staging folder and the previewed files kept in the database until confirmed) and
 * the planned-work report section. A failed terminal
 * opens its incident through the ticket service (audited) and completions go to the work log.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../core';
import type { Clock } from '../core';
import { KotaeError } from '../core';
import { SqlCampaignStore } from '../db';
import { SqlSiteStore } from '../db';
import { SqlStagedImports } from '../db';
import { SqlTerminalStore } from '../db';
import { SqlTicketTerminals } from '../db';
import {
  CampaignService,
  OPS_MESSAGES,
  PlannedWorkSections,
  SiteService,
  TerminalImportStaging,
  TerminalService,
  type IncidentOpener,
} from '../operations';
import { formatBytes, type TicketService, type WorkLogService } from '../tickets';
import type { OperationsConsole, StagedCsv } from '../adapters/web';
import type { OperationsConfig } from './config-operations';

/** What the operations ledger needs from the rest of the app. */
export interface OperationsWiringDeps {
  ds: DataSource;
  clock: Clock;
  audit: AuditTrail;
  tickets: TicketService;
  workLogs: WorkLogService;
  config: OperationsConfig;
  /** Where uploaded CSVs wait while they are imported (created when missing). */
  stagingDir: string;
}

/** The category of the incident tickets of failed planned work: the first configured of these. */
const INCIDENT_CATEGORIES = ['ソフトウェア配布', 'その他'];

/** Builds the services, the console's view and the report section. */
export function wireOperations(d: OperationsWiringDeps) {
  const now = () => d.clock.now();
  const sites = new SqlSiteStore(d.ds, now);
  const terminals = new SqlTerminalStore(d.ds, now);
  const campaigns = new SqlCampaignStore(d.ds, now);
  const ticketTerminals = new SqlTicketTerminals(d.ds, now);
  const category =
    INCIDENT_CATEGORIES.find((c) => d.tickets.categories.includes(c)) ?? d.tickets.categories[0] ?? 'その他';
  const incidents: IncidentOpener = {
    async open(input, actor) {
      const ticket = await d.tickets.create(
        {
          type: 'incident',
          priority: 'high',
          category,
          title: input.title,
          details: input.details,
          requester: { name: actor.displayName },
          channel: 'cli',
          transcript: [],
        },
        actor.username,
      );
      await ticketTerminals.set(ticket.id, input.terminalId, actor.username);
      return { id: ticket.id, number: ticket.number };
    },
  };
  const siteService = new SiteService(sites, d.audit);
  const terminalService = new TerminalService({ terminals, sites, ticketTerminals, audit: d.audit });
  const campaignService = new CampaignService({
    campaigns,
    terminals,
    sites,
    audit: d.audit,
    clock: d.clock,
    incidents,
    completions: { add: async (entry) => void (await d.workLogs.add(entry)) },
    tickets: ticketTerminals,
    reportDueDays: d.config.patchReportDueDays,
  });
  const console: OperationsConsole = {
    sites: siteService,
    terminals: terminalService,
    staging: new TerminalImportStaging({
      staged: new SqlStagedImports(d.ds),
      terminals: terminalService,
      clock: d.clock,
    }),
    campaigns: campaignService,
    importMaxBytes: d.config.terminalImportMaxBytes,
    stage: (content) => stageCsv(content, d.stagingDir, d.config.terminalImportMaxBytes),
  };
  const sections = new PlannedWorkSections({ campaigns, sites, tickets: ticketTerminals });
  return { console, sections, sites: siteService, terminals: terminalService, campaigns: campaignService };
}

/** Streams an upload into a temporary file, refusing it one byte past the limit. */
async function stageCsv(content: AsyncIterable<Uint8Array>, dir: string, maxBytes: number): Promise<StagedCsv> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.csv`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes)
        done(
          new KotaeError('INPUT_TOO_LARGE', `terminal csv over ${maxBytes} bytes`, {
            userMessage: OPS_MESSAGES.importTooLarge(formatBytes(maxBytes)),
          }),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.from(content), limit, createWriteStream(file));
  } catch (err) {
    await fs.rm(file, { force: true });
    throw err;
  }
  return {
    open: () => createReadStream(file, { highWaterMark: 64 * 1024 }),
    discard: () => fs.rm(file, { force: true }),
  };
}
