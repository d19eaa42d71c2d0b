/** The composition root shared by the server and the commands (app/kotae-parts.ts). */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../../app/config';
import { openKotae, withKotae } from '../../../app/kotae-parts';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';
import { headFilesBeside } from '../../../db/audit/head-file';
import { tempDir } from '../../helpers/temp-dir';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('composition root (openKotae)', function () {
  this.timeout(60_000);
  let temp: ReturnType<typeof tempDir>;
  let dataDir: string;
  const runtime = () => ({ clock: new FakeClock('2026-05-10T01:00:00Z'), logger: new MemoryLogger() });
  const configOf = (env: Record<string, string> = {}) =>
    loadConfig({ KOTAE_DATA_DIR: dataDir, KOTAE_KB_DIR: path.join(ROOT, 'sample-kb'), ...env }, dataDir);

  beforeEach(() => {
    temp = tempDir('kotae-parts-');
    dataDir = path.join(temp.dir, 'data');
  });
  afterEach(() => temp.cleanup());

  it('builds nothing until asked, then each part once: one calendar for the reports and the SLA clocks', async () => {
    const kotae = openKotae(configOf(), runtime());
    assert.equal(fs.existsSync(dataDir), false, 'no data folder before the database is asked for');
    const calendar = kotae.calendar();
    assert.equal(kotae.calendar(), calendar);
    assert.equal(kotae.slaPolicy(), kotae.slaPolicy());
    assert.equal(fs.existsSync(dataDir), false, 'the calendar needs no database');
    try {
      const [ds, again] = await Promise.all([kotae.database(), kotae.database()]);
      assert.equal(ds, again, 'two callers share one open');
      assert.ok(ds.isInitialized);
      assert.ok(kotae.migrationsApplied().length > 0, 'a new SQLite file is migrated');
      const parts = await kotae.reportParts();
      assert.equal(parts.calendar, calendar, 'the report parts reuse the calendar');
      assert.equal(parts.slaPolicy, kotae.slaPolicy());
      assert.equal(parts.sections.length, 3);
      assert.equal(await kotae.tickets(), await kotae.tickets());
      assert.equal(kotae.masker(), kotae.masker());
    } finally {
      await kotae.close();
    }
    assert.equal((await kotae.database()).isInitialized, false, 'close() closes the database');
  });

  it('opens the audit trail once and seals a key it creates (audit.key_created recorded once)', async () => {
    await withKotae(configOf(), runtime(), {}, async (kotae) => {
      const audit = await kotae.audit();
      assert.equal(await kotae.audit(), audit);
      assert.ok(fs.existsSync(path.join(dataDir, 'audit.key')));
      const ds = await kotae.database();
      const rows: { action: string }[] = await ds.query(`SELECT "action" FROM "audit_log"`);
      assert.deepEqual(
        rows.map((r) => r.action),
        ['audit.key_created'],
      );
      assert.equal((await audit.verify()).ok, true);
    });
  });

  it('the server follows audit writes with a checkpoint in its head file (written at close when still due); delay 0 and commands do not', async () => {
    const anchorFile = path.join(dataDir, 'audit-anchors.jsonl');
    /** Sequence numbers of `write` checkpoints: [anchor file's, every head file's]. */
    const writeCheckpoints = () =>
      [[anchorFile], headFilesBeside(anchorFile)].map((files) =>
        files
          .filter((f) => fs.existsSync(f))
          .flatMap((f) => fs.readFileSync(f, 'utf8').trimEnd().split('\n'))
          .map((l) => JSON.parse(l) as { source: string; seq: number })
          .filter((l) => l.source === 'write')
          .map((l) => l.seq),
      );
    const server = { auditStartCheckpoint: true, instance: 'kotae-a' };
    // A minute's delay: only close() can write the checkpoint of these two rows.
    await withKotae(configOf({ KOTAE_AUDIT_CHECKPOINT_DELAY_MS: '60000' }), runtime(), server, async (kotae) => {
      const audit = await kotae.audit();
      await audit.record({ actor: 'op1', action: 'ticket.update' });
      await audit.record({ actor: 'op1', action: 'ticket.reply' });
      assert.deepEqual(writeCheckpoints(), [[], []]);
    });
    // key_created (1) and the two rows; the head file is named after the host and DATA_DIR, not the instance id.
    assert.deepEqual(writeCheckpoints(), [[], [3]]);
    const [headFile] = headFilesBeside(anchorFile);
    assert.match(path.basename(headFile), /^audit-anchors\.head\..+-[0-9a-f]{8}\.jsonl$/);
    // Another start of the same server (another instance id) overwrites the same file.
    await withKotae(configOf(), runtime(), { ...server, instance: 'kotae-b' }, async (kotae) => {
      await (await kotae.audit()).record({ actor: 'op1', action: 'ticket.update' });
    });
    assert.deepEqual([writeCheckpoints(), headFilesBeside(anchorFile)], [[[], [4]], [headFile]]);
    await withKotae(configOf({ KOTAE_AUDIT_CHECKPOINT_DELAY_MS: '0' }), runtime(), server, async (kotae) => {
      await (await kotae.audit()).record({ actor: 'op1', action: 'ticket.update' });
    });
    await withKotae(configOf(), runtime(), {}, async (kotae) => {
      await (await kotae.audit()).record({ actor: 'cli', action: 'export.report' });
    });
    assert.deepEqual(writeCheckpoints(), [[], [4]]);
  });

  it("migrate 'never' and createKeys false (kotae audit verify): refuses pending migrations and creates no key", async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const kotae = openKotae(configOf(), runtime(), { migrate: 'never', createKeys: false });
    try {
      await assert.rejects(
        kotae.audit(),
        (err: unknown) => err instanceof KotaeError && err.code === 'DB_MIGRATION_PENDING',
      );
    } finally {
      await kotae.close();
    }
    await withKotae(configOf(), runtime(), { migrate: 'always' }, (k) => k.database());
    const verify = openKotae(configOf(), runtime(), { migrate: 'never', createKeys: false });
    try {
      await assert.rejects(
        verify.audit(),
        (err: unknown) => err instanceof KotaeError && err.code === 'CONFIG_INVALID',
      );
      assert.equal(fs.existsSync(path.join(dataDir, 'audit.key')), false);
    } finally {
      await verify.close();
    }
  });

  it('the index generations of a database that does not exist yet are undefined (ingest before the first start)', async () => {
    await withKotae(configOf(), runtime(), {}, async (kotae) => {
      assert.equal(await kotae.indexGenerations(), undefined);
      assert.equal(fs.existsSync(dataDir), false);
    });
    await withKotae(configOf(), runtime(), {}, (k) => k.database());
    await withKotae(configOf(), runtime(), {}, async (kotae) => {
      const generations = await kotae.indexGenerations();
      assert.ok(generations);
      assert.equal(await generations.bump('knowledge'), 1);
    });
  });

  it('the commands that need no index load neither kuromoji, hnsw nor express', async () => {
    const code = [
      "for (const m of ['report-command', 'backup-command', 'audit-command', 'restore-command', 'migrate', 'manifest-command'])",
      "  require('./adapters/cli/' + m + '.ts');",
      'const loaded = Object.keys(require.cache).filter((k) => /node_modules\\/(kuromoji|hnswlib-node|express)\\//.test(k));',
      'process.stdout.write(JSON.stringify(loaded));',
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT });
    assert.deepEqual(JSON.parse(stdout), []);
  });
});
