import { readFileSync } from 'node:fs';
import { projectFile } from '../core';

/** Kotae's version, from package.json. */
export const VERSION: string = (JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string })
  .version;
