/** The requester fields a channel or a form gave, without the empty ones (an empty name must not replace a known one). */
import type { Requester } from '../conversations';

export function stripEmpty(r: Requester | undefined): Requester {
  if (!r) return {};
  return Object.fromEntries(Object.entries(r).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Requester;
}
