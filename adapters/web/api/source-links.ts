/** Source links of answers as the web chat receives them (a live answer and a reloaded one alike). */
import type { SourceRef } from '../../../conversations';

/**
 * A link to one of Kotae's own documents, made relative (`/kb/…`) so the browser opens it on the host the
 * staff member reached the chat through (an LGWAN name, an internal alias) rather than KOTAE_PUBLIC_URL's.
 */
export function onRequestHost(url: string | undefined, publicUrl: string | undefined): string | undefined {
  if (!url || !publicUrl) return url;
  const base = publicUrl.replace(/\/+$/, '');
  return url.startsWith(`${base}/kb/`) ? url.slice(base.length) : url;
}

/** An answer's sources in the API's JSON: title, link (on the request's host) and snippet. */
export function sourcesJson(sources: readonly SourceRef[], publicUrl: string | undefined) {
  return sources.map(({ title, url, snippet }) => ({ title, url: onRequestHost(url, publicUrl), snippet }));
}
