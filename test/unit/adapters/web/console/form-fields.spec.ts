import assert from 'node:assert/strict';
import type { Request } from 'express';
import { field } from '../../../../../adapters/web/console/route-types';

describe('console form fields (route-types field)', () => {
  const req = (body: unknown): Request => ({ body }) as Request;

  it('keeps what an operator typed, tabs and line breaks included', () => {
    assert.equal(field(req({ note: '再起動で解決\n\t手順は別紙' }), 'note'), '再起動で解決\n\t手順は別紙');
  });

  it('drops control characters, lone surrogates, zero-width and bidirectional controls', () => {
    const typed = '本庁\u001b舎\u202e2F\u200b\ud800 サーバ室\u2066';
    assert.equal(field(req({ site: typed }), 'site'), '本庁舎2F サーバ室');
  });

  it('gives an empty string for a missing field, a list or a body that is no object', () => {
    assert.equal(field(req({ ids: ['1', '2'] }), 'ids'), '');
    assert.equal(field(req(undefined), 'x'), '');
    assert.equal(field(req({}), 'x'), '');
  });
});
