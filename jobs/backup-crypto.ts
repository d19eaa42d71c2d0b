/**
 * Encryption of backup files at rest (issue 11): AES-256-GCM with a 32-byte key from a key file
 * (`KOTAE_BACKUP_KEY_FILE`, created 0600 when missing), streamed through node:crypto. Layout:
 * `KOTAEENC1` (9 bytes) + 12-byte IV + ciphertext + 16-byte authentication tag. Decryption writes
 * to a temporary file and renames it only after the tag verified, so a tampered or truncated
 * backup never becomes a database file.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { KotaeError } from '../core';

const MAGIC = Buffer.from('KOTAEENC1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_TEXT = /^[0-9a-f]{64}$/;

/** Reads (or creates, 0600) the backup key file. */
export function loadBackupKey(file: string, options: { create: boolean }): Buffer {
  if (!fs.existsSync(file)) {
    if (!options.create) {
      throw new KotaeError('CONFIG_INVALID', `backup key file ${file} does not exist`, {
        userMessage: `バックアップの暗号鍵ファイル ${file} がありません（KOTAE_BACKUP_KEY_FILE）。`,
      });
    }
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!KEY_TEXT.test(text)) {
    throw new KotaeError('CONFIG_INVALID', `backup key file ${file} does not hold 64 hex digits`, {
      userMessage: `バックアップの暗号鍵ファイル ${file} の内容が正しくありません（16進数64桁が必要です）。`,
    });
  }
  return Buffer.from(text, 'hex');
}

/** True when `file` starts with the encrypted-backup header. */
export function isEncryptedFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const n = fs.readSync(fd, head, 0, MAGIC.length, 0);
    return n === MAGIC.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** Encrypts `source` into `target` (0600, written through a temporary name). */
export async function encryptFile(source: string, target: string, key: Buffer): Promise<void> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    const out = fs.createWriteStream(tmp, { mode: 0o600 });
    out.write(Buffer.concat([MAGIC, iv]));
    await pipeline(fs.createReadStream(source), cipher, out, { end: false });
    await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), () => resolve()).on('error', reject));
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Decrypts `source` into `target` (0600); throws (leaving no target) when the tag does not verify. */
export async function decryptFile(source: string, target: string, key: Buffer): Promise<void> {
  const size = fs.statSync(source).size;
  const header = MAGIC.length + IV_BYTES;
  if (size < header + TAG_BYTES || !isEncryptedFile(source)) throw damaged(source, 'not an encrypted backup');
  const fd = fs.openSync(source, 'r');
  const iv = Buffer.alloc(IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    fs.readSync(fd, iv, 0, IV_BYTES, MAGIC.length);
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    const out = fs.createWriteStream(tmp, { mode: 0o600 });
    if (size === header + TAG_BYTES) {
      // An empty file: nothing to stream, but the tag must still verify.
      decipher.final();
      await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
    } else {
      await pipeline(fs.createReadStream(source, { start: header, end: size - TAG_BYTES - 1 }), decipher, out);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    throw damaged(source, (err as Error).message, err);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function damaged(file: string, why: string, cause?: unknown): KotaeError {
  return new KotaeError('INPUT_INVALID', `backup ${file} cannot be decrypted: ${why}`, {
    userMessage: `バックアップ ${path.basename(file)} を復号できません（鍵が違うか、ファイルが改ざん・破損しています）。`,
    cause,
  });
}

/** Copies a file into the backup: encrypted when a key is given, else a plain copy; 0600 either way. */
export async function copyIntoBackup(source: string, target: string, key: Buffer | undefined): Promise<void> {
  if (key) return encryptFile(source, target, key);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(source, tmp);
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Copies a file out of the backup, decrypting it when it is encrypted. */
export async function copyOutOfBackup(source: string, target: string, key: Buffer | undefined): Promise<void> {
  if (isEncryptedFile(source)) {
    if (!key) throw damaged(source, 'encrypted, but no KOTAE_BACKUP_KEY_FILE is configured');
    return decryptFile(source, target, key);
  }
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(source, tmp);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
