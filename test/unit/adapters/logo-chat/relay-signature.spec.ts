import assert from 'node:assert/strict';
import { KotaeError } from '../../../../core';
import { RelayVerifier, sign, signedHeaders } from '../../../../adapters/logo-chat/relay-signature';

const KEY = { id: 'k1', secret: 's'.repeat(32) };
const NEXT = { id: 'k2', secret: 't'.repeat(32) };
const NOW = Date.UTC(2026, 11, 3, 3, 0, 0);
const body = Buffer.from('{"eventId":"e1"}');

function code(f: () => void): string {
  try {
    f();
    return 'ok';
  } catch (err) {
    return err instanceof KotaeError ? err.code : 'other';
  }
}

describe('LoGoチャット relay signatures', () => {
  it('signs "<timestamp>.<nonce>.<raw body>" with HMAC-SHA256 (vector from openssl dgst -hmac)', () => {
    assert.equal(
      sign('secret', '1796000000', 'nonce-0123456789ab', '{}'),
      '5f43da390cfab51a47af3d689ea52747c3dfceba10ccc40dbc2dd319655d1b1b',
    );
    assert.equal(
      sign('secret', '1796000000', 'nonce-0123456789ab', Buffer.from('{}')),
      '5f43da390cfab51a47af3d689ea52747c3dfceba10ccc40dbc2dd319655d1b1b',
    );
  });

  it('accepts a valid request with either active key, once', () => {
    const verifier = new RelayVerifier([KEY, NEXT], () => NOW);
    assert.equal(
      code(() => verifier.verify(signedHeaders(KEY, body.toString(), NOW), body)),
      'ok',
    );
    const next = signedHeaders(NEXT, body.toString(), NOW);
    assert.equal(
      code(() => verifier.verify(next, body)),
      'ok',
    );
    assert.equal(
      code(() => verifier.verify(next, body)),
      'CONFLICT',
    );
  });

  it('refuses tampered bodies, unknown keys, and timestamps outside ±300 s', () => {
    const verifier = new RelayVerifier([KEY], () => NOW);
    const headers = signedHeaders(KEY, body.toString(), NOW);
    assert.equal(
      code(() => verifier.verify(headers, Buffer.from('{"eventId":"e2"}'))),
      'AUTH_REQUIRED',
    );
    assert.equal(
      code(() => verifier.verify(signedHeaders(NEXT, body.toString(), NOW), body)),
      'AUTH_REQUIRED',
    );
    assert.equal(
      code(() => verifier.verify(signedHeaders(KEY, body.toString(), NOW - 301_000), body)),
      'AUTH_REQUIRED',
    );
    assert.equal(
      code(() => verifier.verify(signedHeaders(KEY, body.toString(), NOW + 301_000), body)),
      'AUTH_REQUIRED',
    );
    assert.equal(
      code(() => verifier.verify(signedHeaders(KEY, body.toString(), NOW - 299_000), body)),
      'ok',
    );
    assert.equal(
      code(() => verifier.verify({ ...headers, 'x-kotae-signature': 'v1=zz' }, body)),
      'AUTH_REQUIRED',
    );
  });

  it('keeps a bounded nonce memory', () => {
    const verifier = new RelayVerifier([KEY], () => NOW, 3);
    const first = signedHeaders(KEY, body.toString(), NOW);
    verifier.verify(first, body);
    for (let i = 0; i < 3; i++) verifier.verify(signedHeaders(KEY, body.toString(), NOW), body);
    // The oldest nonce was forgotten (bounded), the newest is still refused.
    assert.equal(
      code(() => verifier.verify(first, body)),
      'ok',
    );
  });
});
