import assert from 'node:assert/strict';
import { INDEX_MESSAGES, LiveKnowledge } from '../../../app/live-knowledge';
import { MemoryLogger } from '../../../core/logger';
import type { IndexCalibration } from '../../../knowledge/types';

describe('LiveKnowledge status (/healthz index)', () => {
  it('reports the thresholds the index calibrated on itself', async () => {
    const calibration: IndexCalibration = {
      precisionTarget: 0.95,
      thresholds: { answer: 0.7, tentative: 0.5, clarify: 0.2 },
      probes: { answerable: 120, unanswerable: 120, offTopic: 30 },
      precision: 0.96,
      shownCorrect: 0.8,
      falseShown: 0.02,
      ms: 900,
    };
    const stats = { chunks: 3, documents: 2, builtAt: '2026-12-03T00:00:00.000Z', embedder: 'lsa', calibration };
    const live = new LiveKnowledge(
      {
        currentDir: () => '/data/index/gen-1',
        open: async () => ({ search: async () => ({ hits: [], confidence: 0 }), stats: () => stats }),
      },
      new MemoryLogger(),
    );
    assert.deepEqual(live.status(), {
      ready: false,
      state: 'unavailable',
      error: { code: 'KB_UNAVAILABLE', message: INDEX_MESSAGES.missing },
    });
    await live.reload();
    assert.deepEqual(live.status(), { ready: true, state: 'ok', ...stats });
  });
});
