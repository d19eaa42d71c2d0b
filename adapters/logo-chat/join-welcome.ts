/**
 * One welcome per join: a relay may post a join again under a new event id (joins carry no message id),
 * so the welcome is claimed per talk and user for a time window in the shared processed-delivery table.
 * The claim covers the current window and the next one, so a repeat just after a window boundary is still
 * recognised: a repeat within `windowMs` never gets a second welcome; a join after `2 × windowMs` always does.
 */
import type { ProcessedDeliveries } from '../../bot';

/** Ten minutes: far longer than a relay's redelivery, far shorter than a staff member leaving and coming back. */
export const WELCOME_WINDOW_MS = 10 * 60_000;

/** A claimed welcome; `release` gives it back when the welcome could not be sent. */
export interface WelcomeClaim {
  release(): Promise<void>;
}

/** Claims the welcome for `talkId` + `userId` at `nowMs`; undefined when it was claimed within the window. */
export async function claimWelcome(
  handled: ProcessedDeliveries,
  talkId: string,
  userId: string | undefined,
  nowMs: number,
  windowMs = WELCOME_WINDOW_MS,
): Promise<WelcomeClaim | undefined> {
  const window = Math.floor(nowMs / windowMs);
  const key = (w: number) => `logo-join:${talkId}|${userId ?? ''}|${w}`;
  if (!(await handled.claim(key(window)))) return undefined;
  const claimed = [key(window)];
  if (await handled.claim(key(window + 1)).catch(() => false)) claimed.push(key(window + 1));
  return {
    release: async () => {
      for (const id of claimed) await handled.forget(id).catch(() => undefined);
    },
  };
}
