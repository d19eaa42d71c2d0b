#!/usr/bin/env node
'use strict';
// Kotae runs its TypeScript sources directly through tsx (no build step).
require('tsx/cjs');
// A closed pipe (e.g. `| head`) ends the output quietly.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = require('../adapters/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`kotae: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
