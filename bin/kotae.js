#!/usr/bin/env node
'use strict';
// Kotae runs its compiled build (dist/, see scripts/build.js). `npm ci` builds it (prepare step); after a
// checkout or an edit of the sources, the first start rebuilds it and says so on stderr.
require('../scripts/build.js').ensureBuild((line) => process.stderr.write(`kotae: ${line}\n`));
// A closed pipe (e.g. `| head`) ends the output quietly.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = require('../dist/adapters/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`kotae: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
