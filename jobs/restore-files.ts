/**
 * The file side of `kotae restore` (issue 11): puts a backup generation's attachments, report files
 * and managed-FAQ sheet back into the data folder, decrypting what was encrypted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { copyOutOfBackup } from './backup-crypto';
import type { BackupFile } from './backup-files';

/** What was put back. */
export interface RestoredFiles {
  attachments: number;
  reports: number;
  faqSheet: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The generation base path (`…/kotae-<stamp>`) of a backup's database file. */
export function generationBase(generation: BackupFile): string {
  return generation.file.replace(/\.(sqlite|dump)(\.enc)?$/, '');
}

async function copyTreeOut(source: string, target: string, key: Buffer | undefined): Promise<number> {
  if (!fs.existsSync(source)) return 0;
  let count = 0;
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) count += await copyTreeOut(from, to, key);
    else if (entry.isFile()) {
      fs.mkdirSync(target, { recursive: true });
      await copyOutOfBackup(from, to, key);
      count += 1;
    }
  }
  return count;
}

/** Copies the generation's files back into `dataDir` (attachments missing there, reports, FAQ sheet). */
export async function restoreBackupFiles(
  generation: BackupFile,
  backupDir: string,
  dataDir: string,
  key: Buffer | undefined,
): Promise<RestoredFiles> {
  const base = generationBase(generation);
  let attachments = 0;
  const mirror = path.join(backupDir, 'attachments');
  if (fs.existsSync(mirror)) {
    for (const prefix of fs.readdirSync(mirror)) {
      const dir = path.join(mirror, prefix);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const name of fs.readdirSync(dir).filter((n) => SHA256.test(n))) {
        const target = path.join(dataDir, 'attachments', prefix, name);
        if (fs.existsSync(target)) continue;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        await copyOutOfBackup(path.join(dir, name), target, key);
        attachments += 1;
      }
    }
  }
  const reports = await copyTreeOut(`${base}.reports`, path.join(dataDir, 'reports'), key);
  const faq = `${base}.faq-managed.csv`;
  const faqSheet = fs.existsSync(faq);
  if (faqSheet) {
    fs.mkdirSync(path.join(dataDir, 'managed-kb'), { recursive: true });
    await copyOutOfBackup(faq, path.join(dataDir, 'managed-kb', 'faq-managed.csv'), key);
  }
  return { attachments, reports, faqSheet };
}
