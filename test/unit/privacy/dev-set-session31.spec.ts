import { assertBatch } from './blind-batch';

describe('privacy: blind batches of session 31 (written by helpers who read neither the detectors nor the dev set)', () => {
  it('the thirty-ninth (session 31, handover notes, minutes, quoted mail, chat transcripts, registers, logs, residents’ forms in six languages: a held-out check): 150 cases — recall 331 / 396 at precision 336 / 344', async () => {
    // Written blind (53 hard negatives: ticket and asset numbers, IPs, product names that look like names, rooms named
    // さくら). First run with session 30's code: recall 0.836 (331 / 396) at precision 0.977 (335 / 343); with the
    // session's Latin family names the same recall (one more item masked right).
    await assertBatch('blind-39.jsonl', 150, [396, 331, 344, 336]);
  });
});
