/**
 * Where the first admin's generated one-time password is shown: on a terminal, printed once; otherwise (a
 * service under systemd, whose stderr the journal keeps beside the log) written to a file only its owner can
 * read, and only that file's path printed.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The file a non-interactive start leaves the first admin's one-time password in. */
export const FIRST_ADMIN_PASSWORD_FILE = 'initial-admin-password.txt';

/** A `showOnce` for `AccountService.ensureAdminAccount`. */
export function showFirstAdminPassword(
  dataDir: string,
  stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
): (text: string) => void {
  return (text) => {
    if (stderr.isTTY) {
      stderr.write(`${text}\n`);
      return;
    }
    const file = path.join(dataDir, FIRST_ADMIN_PASSWORD_FILE);
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
    stderr.write(
      `Kotae: 最初の管理者アカウントを作成しました。初期パスワードは ${file} に保存しました（所有者だけが読めます）。` +
        'サインインしてパスワードを変更したら、このファイルを削除してください。\n',
    );
  };
}
