/** Configuration, logger and clock for commands run from the shell. */
import { JsonLogger } from '../../core/logger';
import { SystemClock } from '../../core/clock';
import { loadConfig, readEnvironment } from '../../app/config';

/** Loads the configuration from the process environment (and .env). */
export function configFromProcess() {
  return loadConfig(readEnvironment(process.cwd(), process.env));
}

/** Default logger and clock for commands. */
export function defaultRuntime() {
  return { logger: new JsonLogger(), clock: new SystemClock() };
}
