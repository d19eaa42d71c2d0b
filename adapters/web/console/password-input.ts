/** A new-password input with the account policy's minimum length (creation, change, reset). */
import { MIN_PASSWORD_LENGTH } from '../auth';
import { html, type SafeHtml } from './html';

/** `<input type="password">` for choosing a new password. */
export function newPasswordInput(id: string, name: string): SafeHtml {
  return html`<input
    id="${id}"
    name="${name}"
    type="password"
    autocomplete="new-password"
    minlength="${MIN_PASSWORD_LENGTH}"
    required
  />`;
}
