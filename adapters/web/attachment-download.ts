/**
 * Sends a stored attachment: images inline (thumbnails in the console and the chat), everything
 * else as a download (`Content-Disposition: attachment` with an RFC 5987 `filename*`), never sniffed,
 * under a CSP that lets the file run nothing.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { isInlineImage, type AttachmentMeta } from '../../tickets';

/** CSP for served files: no scripts, no styles, no frames, sandboxed. */
export const ATTACHMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'none'; sandbox; frame-ancestors 'self'";

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Streams the content with the headers above. */
export async function sendAttachment(
  res: Response,
  meta: AttachmentMeta,
  content: AsyncIterable<Uint8Array>,
  options: { download?: boolean } = {},
): Promise<void> {
  const inline = isInlineImage(meta.contentType) && !options.download;
  res.status(200);
  res.setHeader('Content-Type', meta.contentType);
  res.setHeader('Content-Length', String(meta.sizeBytes));
  res.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', meta.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', ATTACHMENT_CSP);
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'private, no-store');
  await pipeline(Readable.from(content), res);
}
