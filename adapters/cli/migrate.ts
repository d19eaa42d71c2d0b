/** `kotae migrate`: applies pending database migrations explicitly. */
import { withKotae } from '../../app';
import type { CliIo } from './io';
import { configFromProcess, defaultRuntime } from './runtime';
import { CLI_MESSAGES } from './messages';

/** Applies migrations and reports which ran. */
export function migrateCommand(_argv: string[], io: CliIo): Promise<number> {
  return withKotae(configFromProcess(), defaultRuntime(), { migrate: 'always' }, async (kotae) => {
    await kotae.database();
    io.out(CLI_MESSAGES.migrated([...kotae.migrationsApplied()]));
    return 0;
  });
}
