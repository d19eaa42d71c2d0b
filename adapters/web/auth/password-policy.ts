/**
 * The rules every new password follows (account creation, admin reset, own change): 12–200
 * characters, not one character repeated or a few characters cycled, not a keyboard or
 * alphabetical/numeric sequence, not the user name or a common word with only digits or a sequence around it.
 */
import { KotaeError } from '../../../core';
import { AUTH_MESSAGES } from './messages';

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted (bounds the scrypt input). */
export const MAX_PASSWORD_LENGTH = 200;

/** Words that make a password guessable, whatever digits or symbols surround them. */
const COMMON_WORDS = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'secret',
  'changeme',
  'default',
  'kotae',
  'helpdesk',
];
const ROWS = ['qwertyuiopasdfghjklzxcvbnm', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];

/** Whether the text walks a keyboard row or the alphabet/digits, forwards or backwards (wrapping). */
function isSequence(text: string): boolean {
  if (text.length < 3) return text.length > 0;
  return ROWS.some((row) => {
    const cyc = row.repeat(Math.ceil(text.length / row.length) + 1);
    const rev = [...cyc].reverse().join('');
    return cyc.includes(text) || rev.includes(text);
  });
}

/**
 * Whether the password, once the given words are taken out, leaves nothing secret: nothing, a
 * sequence (1234), a year (2026) or one repeated character. Unchanged passwords are not weak here.
 */
function weakWithout(lower: string, words: readonly string[]): boolean {
  let rest = lower;
  for (const w of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(w).join('');
  if (rest === lower) return false;
  const leftover = rest.replace(/[^a-z0-9]/g, '');
  return leftover.length < 3 || isSequence(leftover) || /^\d{1,4}$/.test(leftover) || new Set(leftover).size < 2;
}

/** Why the password is too weak, or undefined when it is acceptable. */
export function passwordWeakness(password: string, username?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    return AUTH_MESSAGES.accounts.passwordLength(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH);
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return AUTH_MESSAGES.accounts.passwordRepeated;
  if (isSequence(lower)) return AUTH_MESSAGES.accounts.passwordSequence;
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && lower.includes(name) && weakWithout(lower, [name]))
    return AUTH_MESSAGES.accounts.passwordUsername;
  if (weakWithout(lower, COMMON_WORDS)) return AUTH_MESSAGES.accounts.passwordCommon;
  return undefined;
}

/** Throws INPUT_INVALID with the Japanese reason when the password breaks the policy. */
export function checkNewPassword(password: string, username?: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new KotaeError('INPUT_INVALID', 'password rejected by the policy', { userMessage: weakness });
}
