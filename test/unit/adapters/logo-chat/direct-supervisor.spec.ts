/**
 * The supervisor of the direct-js child against the loopback direct server: a bad token is a
 * configuration error with no restart storm; restart delays grow exponentially up to a cap.
 */
import assert from 'node:assert/strict';
import { MemoryLogger } from '../../../../core';
import { backoffDelay } from '../../../../adapters/logo-chat/backoff';
import { DirectSupervisor } from '../../../../adapters/logo-chat/direct-supervisor';
import { FakeDirectServer } from '../../../fakes/direct-server';
import { tempDir } from '../../../helpers/temp-dir';

describe('DirectSupervisor', function () {
  this.timeout(30_000);

  it('restarts with exponential backoff, capped', () => {
    const b = { initialMs: 1000, maxMs: 60_000 };
    assert.deepEqual(
      [0, 1, 2, 3, 5, 6, 7, 50].map((n) => backoffDelay(b, n)),
      [1000, 2000, 4000, 8000, 32_000, 60_000, 60_000, 60_000],
    );
  });

  it('turns a bad token (401) into a configuration error without restarting the child', async () => {
    const server = await FakeDirectServer.start({ token: 'the-right-token' });
    const storage = tempDir('kotae-logo-');
    const logger = new MemoryLogger();
    const supervisor = new DirectSupervisor({
      child: { endpoint: server.endpoint, accessToken: 'a-wrong-token', botName: 'Kotae', storagePath: storage.dir },
      logger,
      onMessage: () => assert.fail('no message expected'),
      backoff: { initialMs: 100, maxMs: 200 },
    });
    try {
      supervisor.start();
      await server.waitForCalls('create_session', 4, 15_000);
      for (let i = 0; i < 50 && supervisor.health().state !== 'config_error'; i++) await sleep(100);
      await sleep(1500); // several backoff periods: a crash loop would have restarted by now
      const health = supervisor.health();
      assert.equal(health.state, 'config_error');
      assert.equal(health.ready, false);
      assert.equal(health.restarts, 0);
      assert.match(health.lastError ?? '', /アクセストークンが無効です（401 invalid token）/);
      assert.equal(supervisor.exits, 1);
      assert.equal(server.callsOf('create_session').length, 4, 'direct-js tries 1 + 3 times, then nothing');
      assert.equal(server.connections, 1);
      assert.equal(logger.lines.filter((l) => l.level === 'error').length, 1);
      assert.ok(!JSON.stringify(logger.lines).includes('a-wrong-token'), 'the token never reaches the log');
      await assert.rejects(supervisor.request({ type: 'send-text', talkId: '_1_300', text: 'x' }), {
        code: 'CHANNEL_SEND_FAILED',
      });
    } finally {
      await supervisor.stop();
      await server.stop();
      storage.cleanup();
    }
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
