/** `kotae manifest --out <file.zip>`: the Teams app package, with ids and domain from the configuration. */
import { runManifestCommand } from '../../manifest';
import type { CliIo } from './io';
import { VERSION } from '../../app';
import { configFromProcess } from './runtime';

/** Entry used by the CLI dispatcher. */
export function manifestCommand(argv: string[], io: CliIo): Promise<number> {
  const config = configFromProcess();
  return runManifestCommand(argv, {
    out: io.out,
    err: io.err,
    defaults: {
      botId: config.teams?.appId,
      appId: config.teams?.appId,
      domain: new URL(config.publicUrl).hostname,
      version: VERSION,
    },
  });
}
