/**
 * Every audit action the product writes has a Japanese label on the console's 監査ログ page (the page shows the code
 * itself otherwise): the actions are read from the source as the audit writes name them (`action: '<kind>.<verb>'`),
 * and the lending bookings' `lending.<status>` for each booking status.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_LABELS } from '../../../../../adapters/web/console/messages';

const ROOT = path.join(__dirname, '../../../../..');
const SOURCE_DIRS = [
  'adapters',
  'app',
  'bot',
  'conversations',
  'jobs',
  'knowledge',
  'operations',
  'registers',
  'reports',
  'tickets',
];
const BOOKING_STATUSES = ['requested', 'approved', 'rejected', 'cancelled', 'checked_out', 'returned'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return name.endsWith('.ts') ? [file] : [];
  });
}

describe('console: audit action labels', () => {
  it('labels in Japanese every action the source writes to the audit log', () => {
    const written = new Set<string>();
    for (const dir of SOURCE_DIRS)
      for (const file of sourceFiles(path.join(ROOT, dir)))
        for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
    for (const status of BOOKING_STATUSES) written.add(`lending.${status}`);
    assert.ok(written.size > 60, `only ${written.size} actions found: the pattern no longer matches the source`);
    const missing = [...written].filter((a) => !Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, a)).sort();
    assert.deepEqual(missing, []);
    for (const action of written) assert.match(AUDIT_ACTION_LABELS[action]!, /[\u3040-\u30ff\u4e00-\u9fff]/u, action);
  });
});
