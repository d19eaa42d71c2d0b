import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIRST_ADMIN_PASSWORD_FILE, showFirstAdminPassword } from '../../../app/first-admin-password';
import { tempDir } from '../../helpers/temp-dir';

describe('where the first admin’s one-time password is shown', () => {
  const dir = tempDir('kotae-first-admin-');
  after(() => dir.cleanup());
  const TEXT = 'Kotae: 最初の管理者アカウント「admin」を作成しました。初期パスワード（この一度だけ表示）: abc';

  it('prints it on a terminal and writes no file', () => {
    const written: string[] = [];
    showFirstAdminPassword(dir.dir, { isTTY: true, write: (s: string) => written.push(s) > 0 })(TEXT);
    assert.deepEqual(written, [`${TEXT}\n`]);
    assert.equal(fs.existsSync(path.join(dir.dir, FIRST_ADMIN_PASSWORD_FILE)), false);
  });

  it('without a terminal writes it to an owner-only file and prints only the path', () => {
    const written: string[] = [];
    showFirstAdminPassword(dir.dir, { isTTY: false, write: (s: string) => written.push(s) > 0 })(TEXT);
    const file = path.join(dir.dir, FIRST_ADMIN_PASSWORD_FILE);
    assert.equal(fs.readFileSync(file, 'utf8'), `${TEXT}\n`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(written, [
      `Kotae: 最初の管理者アカウントを作成しました。初期パスワードは ${file} に保存しました（所有者だけが読めます）。サインインしてパスワードを変更したら、このファイルを削除してください。\n`,
    ]);
  });
});
