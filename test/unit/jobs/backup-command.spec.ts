import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../app/config';
import { formatSize, runBackupCommand } from '../../../adapters/cli/backup-command';
import type { CliIo } from '../../../adapters/cli/io';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { tempDir } from '../../helpers/temp-dir';

describe('kotae backup (CLI)', () => {
  it('takes a backup now, lists generations with sizes and rejects unknown options', async () => {
    const { dir, cleanup } = tempDir('kotae-backup-cli-');
    try {
      const config = loadConfig(
        // The knowledge folder must not be inside the data folder (it is served at /kb).
        {
          KOTAE_DATA_DIR: dir,
          KOTAE_KB_DIR: path.join(__dirname, '../../../sample-kb'),
          KOTAE_BACKUP_GENERATIONS: '3',
        },
        dir,
      );
      const runtime = { clock: new FakeClock('2026-05-10T17:00:00Z'), logger: new MemoryLogger() };
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false };

      assert.equal(await runBackupCommand(['--list'], io, config, runtime), 0);
      assert.match(out.pop() ?? '', /バックアップはまだありません/);

      assert.equal(await runBackupCommand([], io, config, runtime), 0);
      const file = path.join(dir, 'backups', 'kotae-20260511-020000.sqlite');
      // The audit chain head is checkpointed with every backup (issue 11).
      assert.equal(out.pop(), `  同時に保存: ${path.join(dir, 'backups', 'kotae-20260511-020000.audit-head.json')}`);
      assert.equal(out.pop(), `バックアップを作成しました: ${file}（${formatSize(fs.statSync(file).size)}）`);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);

      assert.equal(await runBackupCommand(['--list'], io, config, runtime), 0);
      const listing = (out.pop() ?? '').split('\n');
      assert.match(listing[0], /1 世代、保存世代数 3/);
      assert.match(
        listing[1],
        /^2026\/05\/11 02:00:00 +\d+\.\d (KB|MB) {2}kotae-20260511-020000\.sqlite {2}＋ kotae-20260511-020000\.audit-head\.json$/,
      );

      assert.equal(await runBackupCommand(['--all'], io, config, runtime), 2);
      assert.match(err[0], /不明なオプションです: --all/);
    } finally {
      cleanup();
    }
  });

  it('formats sizes', () => {
    assert.equal(formatSize(512), '512 B');
    assert.equal(formatSize(1536), '1.5 KB');
    assert.equal(formatSize(5 * 1024 * 1024), '5.0 MB');
  });
});
