/**
 * The audit key (issue 11): 32 random bytes in a file outside the database (`KOTAE_AUDIT_KEY_FILE`),
 * created at first start with mode 0600. Whoever can change the database but not read this file
 * cannot write rows or anchors that verify.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../core';

/** The loaded key and what loading it did. */
export interface LoadedAuditKey {
  key: Buffer;
  /** True when the file did not exist and was created now. */
  created: boolean;
  /** True when the file was readable by others and its mode was narrowed to 0600. */
  narrowed: boolean;
}

const KEY_TEXT = /^[0-9a-f]{64}$/;

/** Reads the key file; creates it (0600) when missing and `create` is set. */
export function loadAuditKey(file: string, options: { create: boolean }): LoadedAuditKey {
  let created = false;
  if (!fs.existsSync(file)) {
    if (!options.create) {
      throw new KotaeError('CONFIG_INVALID', `audit key file ${file} does not exist`, {
        userMessage: `監査ログの鍵ファイル ${file} がありません。サーバーの初回起動時に作成された鍵ファイルを指定してください（KOTAE_AUDIT_KEY_FILE）。`,
      });
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (err) {
      // Another instance created it at the same moment: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const stat = fs.statSync(file);
  const narrowed = (stat.mode & 0o077) !== 0;
  if (narrowed) fs.chmodSync(file, 0o600);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!KEY_TEXT.test(text)) {
    throw new KotaeError('CONFIG_INVALID', `audit key file ${file} does not hold 64 hex digits`, {
      userMessage: `監査ログの鍵ファイル ${file} の内容が正しくありません（16進数64桁が必要です）。`,
    });
  }
  return { key: Buffer.from(text, 'hex'), created, narrowed };
}
