/** Contact details the web chat requires at escalation (Teams and LoGo take them from the channel identity). */
import type { Requester } from '../../../conversations';
import { KotaeError } from '../../../core';
import { API_MESSAGES } from './messages';

const REQUIRED = ['name', 'department', 'phone'] as const;

/** Throws INPUT_INVALID naming the missing fields unless name, 所属 and 内線/電話 are all given. */
export function requireContact(requester: Requester): void {
  const missing = REQUIRED.filter((key) => !requester[key]?.trim());
  if (missing.length === 0) return;
  throw new KotaeError('INPUT_INVALID', `contact details missing: ${missing.join(', ')}`, {
    userMessage: API_MESSAGES.contactRequired(missing.map((key) => API_MESSAGES.contactFields[key])),
    details: { missing },
  });
}
