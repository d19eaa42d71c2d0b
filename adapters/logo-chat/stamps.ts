/**
 * The select and yes/no stamps Kotae posted and still waits for an answer to live in the OpenStampStore
 * (conversations/; the database, shared by the instances): an answer is understood whichever instance posted
 * the stamp. This file checks that an answer fits the stamp it names.
 */
import type { OpenStamp } from '../../conversations';
import { LOGO_MESSAGES as M } from './messages';

/** Why `response` cannot answer `stamp` (Japanese, for the relay's 400); undefined when it can. */
export function answerMismatch(stamp: OpenStamp, response: number | boolean): string | undefined {
  if (stamp.kind === 'yesno') return typeof response === 'boolean' ? undefined : M.relay.yesNoResponse;
  if (typeof response !== 'number') return M.relay.selectResponse(stamp.options.length);
  return response < stamp.options.length ? undefined : M.relay.selectResponse(stamp.options.length);
}
