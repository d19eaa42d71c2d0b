/** Configuration, logger and clock for commands run from the shell. */
import { JsonLogger } from '../../core';
import { SystemClock } from '../../core';
import { loadConfigFromProcess } from '../../app';

/** Loads the configuration from the process environment (and .env). */
export function configFromProcess() {
  return loadConfigFromProcess();
}

/** Default logger and clock for commands. */
export function defaultRuntime() {
  return { logger: new JsonLogger(), clock: new SystemClock() };
}
