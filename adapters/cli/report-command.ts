/**
 * `kotae report …` on the configured database: periodic reports (reports/) and the incident report of
 * one ticket, with the parts the server uses (app/kotae-parts.ts: calendar, SLA policy and targets,
 * report sections, audit trail, stores).
 */
import os from 'node:os';
import path from 'node:path';
import { withKotae, type KotaeConfig, type KotaeRuntime } from '../../app';
import type { CliIo } from './io';
import { runReportCommand } from './report';
import { runIncidentReportCommand } from './incident-report';
import { configFromProcess, defaultRuntime } from './runtime';

/** The command on a given configuration. */
export function runReportCli(
  argv: string[],
  io: CliIo,
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
): Promise<number> {
  return withKotae(config, runtime, {}, async (kotae) => {
    const { clock, logger } = runtime;
    if (argv[0] === 'incident')
      return runIncidentReportCommand(argv.slice(1), {
        tickets: await kotae.tickets(),
        workLogs: await kotae.workLogs(),
        organization: config.organization,
        now: () => clock.now(),
        out: io.out,
        err: io.err,
      });
    const { calendar, slaPolicy, slaTargets, sections } = await kotae.reportParts();
    const masker = kotae.masker();
    return runReportCommand(argv, {
      audit: await kotae.audit(),
      data: await kotae.reportData(),
      store: await kotae.reportStore(),
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
      osUser: osUser(),
    });
  });
}

/** The OS account running the command (its exports are audited with it). */
function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}

/** Entry used by the CLI dispatcher. */
export function reportCommand(argv: string[], io: CliIo): Promise<number> {
  return runReportCli(argv, io, configFromProcess(), defaultRuntime());
}
