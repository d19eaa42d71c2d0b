/** Signed download links: valid until their expiry, for their file only, and only with the secret. */
import assert from 'node:assert/strict';
import { FileLinkSigner } from '../../../tickets';

const NOW = new Date('2026-12-03T01:00:00Z');
const ID = '3f0c1c7e-8d6b-4a47-9f0e-2b1a9d7c5e11';

describe('FileLinkSigner', () => {
  const signer = new FileLinkSigner('s'.repeat(40), 60_000);

  it('accepts its own link until it expires', () => {
    const { exp, sig } = signer.sign(ID, NOW);
    assert.equal(exp, NOW.getTime() / 1000 + 60);
    assert.equal(signer.verify(ID, String(exp), sig, new Date(NOW.getTime() + 59_000)), true);
    assert.equal(signer.verify(ID, String(exp), sig, new Date(NOW.getTime() + 61_000)), false);
  });

  it('refuses another file, a changed expiry, another secret and malformed values', () => {
    const { exp, sig } = signer.sign(ID, NOW);
    assert.equal(signer.verify(ID.replace('3f', '4f'), String(exp), sig, NOW), false);
    assert.equal(signer.verify(ID, String(exp + 3600), sig, NOW), false);
    assert.equal(new FileLinkSigner('t'.repeat(40)).verify(ID, String(exp), sig, NOW), false);
    assert.equal(signer.verify(ID, 'soon', sig, NOW), false);
    assert.equal(signer.verify(ID, String(exp), 'abc', NOW), false);
  });

  it('builds the link under the public URL', () => {
    const link = signer.link('https://kotae.example.lg.jp/', ID, NOW);
    assert.match(link, new RegExp(`^https://kotae\\.example\\.lg\\.jp/api/files/${ID}\\?exp=\\d+&sig=[0-9a-f]{64}$`));
  });
});
