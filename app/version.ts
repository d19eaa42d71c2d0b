import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Kotae's version, from package.json. */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;
