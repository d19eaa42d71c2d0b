#!/usr/bin/env node
/**
 * Runs the mocha suite in batches of spec files, one process each, so one process never holds every
 * app a long suite starts (a single process grew past 8 GB). Prints each batch's report and, last,
 * the totals as "N passing" / "N failing" lines (what .ci/run reads). Exit status 1 if any batch failed.
 *   node scripts/run-tests.js [spec files…]   (default: every test/**\/*.spec.ts)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(root, '.mocharc.json'), 'utf8'));

function specsUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...specsUnder(full));
    else if (entry.name.endsWith('.spec.ts')) out.push(path.relative(root, full));
  }
  return out.sort();
}

const given = process.argv.slice(2);
const specs = given.length > 0 ? given : specsUnder(path.join(root, 'test'));
/** Browser and real-process specs start whole apps: few per process; unit specs: many. */
const perBatch = (file) => (file.startsWith(path.join('test', 'e2e')) ? 4 : 20);
const batches = [];
for (const file of specs) {
  const last = batches[batches.length - 1];
  if (last && last.kind === perBatch(file) && last.files.length < last.kind) last.files.push(file);
  else batches.push({ kind: perBatch(file), files: [file] });
}

const args = [
  '--no-config',
  ...config['node-option'].flatMap((o) => ['--node-option', o]),
  '--extension',
  'ts',
  '--timeout',
  String(config.timeout),
  '--exit',
  ...config.require.flatMap((r) => ['--require', r]),
];
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
let passing = 0;
let failing = 0;
let broken = 0;
/** Each failing batch's failure details, printed again after the totals (CI shows the log's tail). */
const failures = [];
for (const [i, batch] of batches.entries()) {
  console.log(`\n# batch ${i + 1}/${batches.length}: ${batch.files.length} spec file(s)`);
  const run = spawnSync(process.execPath, [mocha, ...args, ...batch.files], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = run.stdout ?? '';
  process.stdout.write(output.replace(/^(\s+)(\d+) (passing|failing|pending)/gm, '$1$2 $3 in this batch'));
  const p = /^\s+(\d+) passing/m.exec(output);
  const f = /^\s+(\d+) failing/m.exec(output);
  passing += p ? Number(p[1]) : 0;
  failing += f ? Number(f[1]) : 0;
  if (f) {
    const details = output.slice(f.index + f[0].length).trimEnd();
    failures.push(`# batch ${i + 1} (${f[1]} failing): ${batch.files.join(' ')}\n${details.slice(0, 6000)}`);
  }
  if (run.status !== 0 && !f) {
    broken += 1;
    console.log(
      `# batch ${i + 1} ended with status ${run.status ?? run.signal} and no failing count: ${batch.files.join(' ')}`,
    );
  }
}
if (failures.length > 0) console.log(`\n# failures again (the batches' details)\n${failures.join('\n\n')}`);
console.log(`\n  ${passing} passing`);
console.log(`  ${failing + broken} failing`);
process.exit(failing + broken > 0 ? 1 : 0);
