/**
 * `kotae report …` wired to the configured database: periodic reports (reports/) and the
 * incident report of one ticket.
 */
import { openAuditLog, sealNewKey } from '../../app';
import path from 'node:path';
import { createDataSource, openDatabase } from '../../db';
import { SqlReportData } from '../../db';
import { SqlReportStore } from '../../db';
import { ensureWritableDir, reportPartsOf } from '../../app';
import { createPiiMasker } from '../../privacy';
import type { CliIo } from './io';
import { runReportCommand } from './report';
import { runIncidentReportCommand } from './incident-report';
import { configFromProcess, defaultRuntime } from './runtime';

/** Entry used by the CLI dispatcher. */
export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const config = configFromProcess();
  const { logger, clock } = defaultRuntime();
  if (config.db.kind === 'sqlite') ensureWritableDir(config.dataDir);
  const ds = createDataSource(config.db);
  try {
    await openDatabase(ds, { migrate: config.dbAutoMigrate });
    if (argv[0] === 'incident')
      return await runIncidentReportCommand(argv.slice(1), {
        ds,
        organization: config.organization,
        out: io.out,
        err: io.err,
      });
    // The same calendar, SLA targets and report sections as the server (app/report-parts.ts).
    const { calendar, slaPolicy, slaTargets, sections } = reportPartsOf(config, ds, clock);
    const masker = createPiiMasker({ types: config.piiTypes });
    const { audit, keyCreated } = openAuditLog(config, ds, { clock, logger, create: true });
    await sealNewKey(audit, keyCreated, logger);
    return await runReportCommand(argv, {
      audit,
      data: new SqlReportData(ds),
      store: new SqlReportStore(ds),
      outDirDefault: path.join(config.dataDir, 'reports'),
      calendar,
      slaPolicy,
      slaTargets,
      sections,
      organization: config.organization,
      clock,
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
      logger,
      maskText: (text) => masker.mask(text).text,
    });
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}
