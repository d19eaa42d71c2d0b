#!/usr/bin/env node
'use strict';
// Kotae runs its TypeScript sources directly through tsx (no build step).
require('tsx/cjs');
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
