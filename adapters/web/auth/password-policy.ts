/** The rules every new password follows (account creation, admin reset, own change). */
import { KotaeError } from '../../../core/errors';
import { M } from '../console/messages';

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted (bounds the scrypt input). */
export const MAX_PASSWORD_LENGTH = 200;

/** Throws INPUT_INVALID (Japanese message) when the password is too short or too long. */
export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    throw new KotaeError('INPUT_INVALID', 'password length out of range', {
      userMessage: M.accounts.passwordLength(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH),
    });
}
