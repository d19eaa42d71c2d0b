import assert from 'node:assert/strict';
import { passwordWeakness } from '../../../../../adapters/web/auth/password-policy';

describe('password policy', () => {
  it('refuses short, repeated, sequential, user-name and common-word passwords in Japanese', () => {
    const cases: Array<[string, RegExp]> = [
      ['short-1', /12文字以上/],
      ['aaaaaaaaaaaa', /同じ文字や短い繰り返し/],
      ['abcabcabcabc', /同じ文字や短い繰り返し/],
      ['abcdefghijkl', /並び/],
      ['210987654321', /並び/],
      ['qwertyuiopasd', /並び/],
      ['Tanaka-2026-tanaka', /ユーザー名/],
      ['password1234', /推測されやすい単語/],
      ['Welcome2026!', /推測されやすい単語/],
      ['admin-admin-admin', /推測されやすい単語/],
    ];
    for (const [password, reason] of cases)
      assert.match(passwordWeakness(password, 'tanaka') ?? 'accepted', reason, password);
  });

  it('accepts passphrases and passwords that merely contain a common word', () => {
    for (const password of ['correct horse battery', 'Kotoha-Cat-Blue-7', 'e2e-admin-password', 'mizu-sora-7-hikari']) {
      assert.equal(passwordWeakness(password, 'tanaka'), undefined, password);
    }
  });
});
