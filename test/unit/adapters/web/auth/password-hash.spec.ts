import assert from 'node:assert/strict';
import {
  hashPassword,
  parseCookies,
  serializeCookie,
  tokensEqual,
  verifyPassword,
} from '../../../../../adapters/web/auth';

describe('password hashing (scrypt)', () => {
  it('stores scrypt$N$r$p$salt$hash with a fresh salt and verifies', async () => {
    const params = { N: 1024, r: 8, p: 1 };
    const a = await hashPassword('正しいパスワード123', params);
    const b = await hashPassword('正しいパスワード123', params);
    assert.match(a, /^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('正しいパスワード123', a), true);
    assert.equal(await verifyPassword('違うパスワード123', a), false);
  });

  it('uses OWASP-strength parameters by default', async () => {
    const h = await hashPassword('correct horse battery');
    assert.match(h, /^scrypt\$131072\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse battery', h), true);
  });

  it('never matches a malformed or absurd hash', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$1$8$1$AAAA$BBBB',
      'bcrypt$1024$8$1$c2FsdHNhbHQ=$aGFzaA==',
      'scrypt$99999999$8$1$c2FsdHNhbHQ=$aGFzaA==',
    ]) {
      assert.equal(await verifyPassword('x', bad), false, bad);
    }
  });
});

describe('cookies and tokens', () => {
  it('serialises the session cookie HttpOnly, SameSite=Strict, Path=/, Secure on request', () => {
    assert.equal(
      serializeCookie('s', 'a b', { secure: true, maxAgeSeconds: 60 }),
      's=a%20b; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
    );
    assert.ok(!serializeCookie('s', 'v', { secure: false }).includes('Secure'));
  });

  it('parses cookie headers, keeping the first of duplicates and skipping bad encodings', () => {
    const c = parseCookies('a=1; b="two"; a=3; bad=%E0%A4%A; =x');
    assert.equal(c.get('a'), '1');
    assert.equal(c.get('b'), 'two');
    assert.equal(c.has('bad'), false);
    assert.equal(parseCookies(undefined).size, 0);
  });

  it('compares tokens only when both are present and equal', () => {
    assert.equal(tokensEqual('abc', 'abc'), true);
    assert.equal(tokensEqual('abc', 'abd'), false);
    assert.equal(tokensEqual('abc', 'abcd'), false);
    assert.equal(tokensEqual(undefined, 'a'), false);
  });
});
