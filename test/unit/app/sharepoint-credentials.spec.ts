/**
 * An expired client secret (Entra answers AADSTS7000222): the sync changes nothing, records the error
 * for the console and the mirror folder stays as it was.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAppTokenProvider, GraphDrives } from '../../../adapters/graph';
import { SharePointSync, type DriveStateStore } from '../../../app/sharepoint-sync';
import { MemoryLogger } from '../../../core/logger';
import { FakeGraphDrive, LIBRARY, SITE } from '../../fakes/graph-drive-server';
import { tempDir } from '../../helpers/temp-dir';

class MemoryStates implements DriveStateStore {
  readonly rows = new Map<string, { libraryKey: string; result?: string }>();
  async get(key: string) {
    return this.rows.get(key);
  }
  async save(state: { libraryKey: string; result?: string }) {
    this.rows.set(state.libraryKey, state);
  }
}

describe('SharePoint sync with an expired client secret', function () {
  this.timeout(30_000);
  it('records the token error and changes nothing', async () => {
    const graph = new FakeGraphDrive();
    await graph.start();
    const dir = tempDir('kotae-sp-');
    try {
      graph.put('a', '', 'a.md', '# A\n本文');
      graph.secretExpired = true;
      const config = {
        tenantId: '8c6b2f0e-1d2a-4b5c-9e7f-0a1b2c3d4e5f',
        clientId: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
        clientSecret: 'old-secret',
        libraries: [{ site: SITE, library: LIBRARY }],
        syncMinutes: 60,
        maxFileBytes: 4096,
        graphUrl: graph.graphUrl,
        authorityHost: graph.authorityHost,
        caFile: graph.caFile,
      };
      const store = new MemoryStates();
      let changed = 0;
      const sync = new SharePointSync({
        config,
        drives: new GraphDrives({ tokens: createAppTokenProvider(config), baseUrl: graph.graphUrl }),
        store,
        mirrorDir: path.join(dir.dir, 'mirror'),
        onChanged: async () => void (changed += 1),
        logger: new MemoryLogger(),
        now: () => new Date('2026-12-03T00:00:00Z'),
      });
      await sync.syncNow();
      const [s] = await sync.status();
      assert.equal(s.result?.ok, false);
      assert.match(s.result?.error ?? '', /AADSTS7000222/);
      assert.equal(changed, 0);
      assert.deepEqual(graph.tokenRequests.map((t) => t.status).slice(0, 1), [401]);
      assert.equal(graph.requests.length, 0);
      assert.equal(fs.existsSync(path.join(dir.dir, 'mirror')), false);
    } finally {
      await graph.stop();
      dir.cleanup();
    }
  });
});
