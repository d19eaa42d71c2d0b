/**
 * One "Kotae instance" as far as LoGoチャット goes: its own DataSource on the shared database, the
 * job-lease table, and the leased direct-mode channel (the real supervisor and direct-js child) with a
 * deterministic helpdesk. Used in process, or as a separate process (run this file with a JSON argument)
 * so a test can kill it with SIGKILL like a crashed server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { SystemClock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import { createDataSource, SqlConversationStore, SqlOpenStamps, type DbConfig } from '../../db';
import { SqlJobLease } from '../../db/repositories/sql-job-lease';
import { createLogoChat } from '../../adapters/logo-chat';
import { leasedLogoChat, type LeasedLogoChat } from '../../app/logo-lease';
import { FakeHelpdesk } from '../fakes/fake-helpdesk';

/** What an instance is started with. */
export interface LogoInstanceOptions {
  db: DbConfig;
  endpoint: string;
  token: string;
  botName: string;
  holder: string;
  ttlMs: number;
  storagePath: string;
}

/** A running in-process instance. */
export interface LogoInstance {
  logo: LeasedLogoChat;
  helpdesk: FakeHelpdesk;
  stop(): Promise<void>;
}

/** Starts an instance in this process (the database must be migrated). */
export async function startLogoInstance(o: LogoInstanceOptions): Promise<LogoInstance> {
  const ds = await createDataSource(o.db).initialize();
  const clock = new SystemClock();
  const logger = new MemoryLogger();
  const helpdesk = new FakeHelpdesk();
  const inner = createLogoChat(
    {
      mode: 'direct',
      endpoint: o.endpoint,
      accessToken: o.token,
      botName: o.botName,
      storagePath: o.storagePath,
      backoff: { initialMs: 200, maxMs: 1000 },
    },
    {
      helpdesk,
      conversations: new SqlConversationStore(ds, () => clock.now()),
      stamps: new SqlOpenStamps(ds, () => clock.now()),
      logger,
      now: () => Date.now(),
    },
  );
  const logo = leasedLogoChat(inner, { lease: new SqlJobLease(ds), holder: o.holder, clock, logger, ttlMs: o.ttlMs });
  logo.start();
  return {
    logo,
    helpdesk,
    async stop() {
      await logo.stop();
      await ds.destroy();
    },
  };
}

/** Starts an instance in a separate Node process (killable with SIGKILL). */
export function forkLogoInstance(o: LogoInstanceOptions): ChildProcess {
  return fork(__filename, [JSON.stringify(o)], {
    execArgv: ['--require', require.resolve('tsx/cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

if (require.main === module) {
  const options = JSON.parse(process.argv[2] ?? '{}') as LogoInstanceOptions;
  process.on('disconnect', () => process.exit(0));
  startLogoInstance(options).then(
    () => process.send?.('started'),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
