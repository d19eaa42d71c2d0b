/**
 * Signed, time-limited download links to an attachment, for requesters who cannot sign in to Kotae
 * (a Teams group chat or channel): `…/api/files/<id>?exp=<unix seconds>&sig=<hex>` where `sig` is
 * HMAC-SHA256 over `"<id>.<exp>"`. Every instance that shares the secret accepts the link.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs and checks download links of attachments. */
export class FileLinkSigner {
  constructor(
    private readonly secret: string,
    /** How long a link is valid (default 7 days). */
    private readonly ttlMs = 7 * 24 * 60 * 60_000,
  ) {}

  /** The query of a link to `attachmentId` valid until now + TTL. */
  sign(attachmentId: string, now: Date): { exp: number; sig: string } {
    const exp = Math.floor((now.getTime() + this.ttlMs) / 1000);
    return { exp, sig: this.mac(attachmentId, exp) };
  }

  /** The full link under `baseUrl` (the public URL of Kotae). */
  link(baseUrl: string, attachmentId: string, now: Date): string {
    const { exp, sig } = this.sign(attachmentId, now);
    return `${baseUrl.replace(/\/+$/, '')}/api/files/${encodeURIComponent(attachmentId)}?exp=${exp}&sig=${sig}`;
  }

  /** True when `sig` signs `attachmentId` and `exp` and the link has not expired at `now`. */
  verify(attachmentId: string, exp: string, sig: string, now: Date): boolean {
    if (!/^\d{1,12}$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig)) return false;
    if (Number(exp) * 1000 < now.getTime()) return false;
    const expected = Buffer.from(this.mac(attachmentId, Number(exp)), 'hex');
    return timingSafeEqual(expected, Buffer.from(sig, 'hex'));
  }

  private mac(attachmentId: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${attachmentId}.${exp}`).digest('hex');
  }
}
