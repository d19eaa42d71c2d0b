/** Configuration, logger and clock for commands run from the shell. */
import { JsonLogger } from '../../core/logger';
import { SystemClock } from '../../core/clock';
import { loadConfigFromProcess } from '../../app/config';

/** Loads the configuration from the process environment (and .env). */
export function configFromProcess() {
  return loadConfigFromProcess();
}

/** Default logger and clock for commands. */
export function defaultRuntime() {
  return { logger: new JsonLogger(), clock: new SystemClock() };
}
