import assert from 'node:assert/strict';
import { loadConfig } from '../../../app/config';
import { PII_TYPES } from '../../../privacy';

describe('loadConfig: privacy and folders', () => {
  it('masks every personal-data type by default; KOTAE_PII_TYPES chooses', () => {
    assert.deepEqual(loadConfig({}, '/srv/kotae').piiTypes, [...PII_TYPES]);
    assert.deepEqual(loadConfig({ KOTAE_PII_TYPES: 'phone, email' }, '/srv/kotae').piiTypes, ['phone', 'email']);
    assert.deepEqual(loadConfig({ KOTAE_PII_TYPES: 'none' }, '/srv/kotae').piiTypes, []);
    assert.throws(() => loadConfig({ KOTAE_PII_TYPES: 'phone,shoe_size' }, '/srv/kotae'), /KOTAE_PII_TYPES/);
  });

  it('refuses a knowledge folder that contains or is inside the data folder', () => {
    for (const env of [
      { KOTAE_KB_DIR: '/srv/kotae', KOTAE_DATA_DIR: '/srv/kotae/data' },
      { KOTAE_KB_DIR: '/srv/kotae/data/kb', KOTAE_DATA_DIR: '/srv/kotae/data' },
      { KOTAE_KB_DIR: '/srv/kotae/data', KOTAE_DATA_DIR: '/srv/kotae/data' },
    ]) {
      assert.throws(
        () => loadConfig(env, '/srv/kotae'),
        /KOTAE_KB_DIR: the knowledge folder .* must not contain or be inside/,
      );
    }
    assert.doesNotThrow(() => loadConfig({ KOTAE_KB_DIR: '/srv/kb', KOTAE_DATA_DIR: '/srv/kotae-data' }, '/srv'));
  });
});
