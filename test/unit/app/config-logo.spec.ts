import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../app/config';
import { logoSettings } from '../../../app/wire-logo';
import { tempDir } from '../../helpers/temp-dir';

const problems = (env: Record<string, string>): string => {
  try {
    loadConfig(env, '/srv/kotae');
    return '';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('loadConfig: LoGoチャット', () => {
  it('is off by default', () => {
    assert.deepEqual(loadConfig({}, '/srv/kotae').logo, { mode: 'off' });
  });

  it('direct: needs the endpoint (no default) and exactly one of token and token file', () => {
    const message = problems({ KOTAE_LOGO_MODE: 'direct' });
    assert.match(message, /KOTAE_LOGO_ENDPOINT: required when KOTAE_LOGO_MODE=direct \(no default\)/);
    assert.match(message, /KOTAE_LOGO_TOKEN: set exactly one of KOTAE_LOGO_TOKEN and KOTAE_LOGO_TOKEN_FILE/);
    assert.match(
      problems({
        KOTAE_LOGO_MODE: 'direct',
        KOTAE_LOGO_ENDPOINT: 'wss://logo.example.lg.jp/albero-app-server/api',
        KOTAE_LOGO_TOKEN: 't',
        KOTAE_LOGO_TOKEN_FILE: 'f',
      }),
      /set exactly one/,
    );
    assert.match(
      problems({ KOTAE_LOGO_MODE: 'direct', KOTAE_LOGO_ENDPOINT: 'https://x.example.lg.jp/', KOTAE_LOGO_TOKEN: 't' }),
      /KOTAE_LOGO_ENDPOINT: expected a ws:\/\/ or wss:\/\/ URL/,
    );
    const c = loadConfig(
      {
        KOTAE_LOGO_MODE: 'direct',
        KOTAE_LOGO_ENDPOINT: 'wss://logo.example.lg.jp/albero-app-server/api',
        KOTAE_LOGO_TOKEN_FILE: 'secrets/logo-token',
        KOTAE_LOGO_PROXY_URL: 'http://proxy.example.lg.jp:8080',
        KOTAE_LOGO_BOT_NAME: 'ヘルプデスク',
        KOTAE_LOGO_CA_FILE: 'certs/ca.pem',
      },
      '/srv/kotae',
    );
    assert.deepEqual(c.logo, {
      mode: 'direct',
      endpoint: 'wss://logo.example.lg.jp/albero-app-server/api',
      token: undefined,
      tokenFile: '/srv/kotae/secrets/logo-token',
      proxyUrl: 'http://proxy.example.lg.jp:8080',
      botName: 'ヘルプデスク',
      storageDir: '/srv/kotae/data/logo-chat',
      caFile: '/srv/kotae/certs/ca.pem',
    });
  });

  it('relay: needs the URL and a key; the next key goes with its secret; secrets are long', () => {
    const message = problems({
      KOTAE_LOGO_MODE: 'relay',
      KOTAE_LOGO_RELAY_NEXT_KEY_ID: 'k2',
      KOTAE_LOGO_RELAY_SECRET: 'short',
    });
    for (const expected of [
      /KOTAE_LOGO_RELAY_URL: required/,
      /KOTAE_LOGO_RELAY_KEY_ID: required/,
      /KOTAE_LOGO_RELAY_SECRET: must be at least 32 characters/,
      /KOTAE_LOGO_RELAY_NEXT_KEY_ID: KOTAE_LOGO_RELAY_NEXT_KEY_ID and KOTAE_LOGO_RELAY_NEXT_SECRET go together/,
    ])
      assert.match(message, expected);
    const secret = 'x'.repeat(32);
    const c = loadConfig({
      KOTAE_LOGO_MODE: 'relay',
      KOTAE_LOGO_RELAY_URL: 'https://relay.example.lg.jp/kotae',
      KOTAE_LOGO_RELAY_KEY_ID: 'k1',
      KOTAE_LOGO_RELAY_SECRET: secret,
      KOTAE_LOGO_RELAY_NEXT_KEY_ID: 'k2',
      KOTAE_LOGO_RELAY_NEXT_SECRET: `${secret}y`,
    });
    assert.deepEqual(c.logo, {
      mode: 'relay',
      relayUrl: 'https://relay.example.lg.jp/kotae',
      botName: 'Kotae',
      keys: [
        { id: 'k1', secret },
        { id: 'k2', secret: `${secret}y` },
      ],
    });
  });

  it('refuses settings of another mode instead of ignoring them', () => {
    assert.match(problems({ KOTAE_LOGO_TOKEN: 't' }), /KOTAE_LOGO_TOKEN: not used when KOTAE_LOGO_MODE=off/);
    assert.match(
      problems({
        KOTAE_LOGO_MODE: 'direct',
        KOTAE_LOGO_ENDPOINT: 'wss://logo.example.lg.jp/api',
        KOTAE_LOGO_TOKEN: 't',
        KOTAE_LOGO_RELAY_URL: 'https://relay.example.lg.jp/',
      }),
      /KOTAE_LOGO_RELAY_URL: not used when KOTAE_LOGO_MODE=direct/,
    );
  });

  it('reads the token file (trimmed) and refuses an empty or missing one', () => {
    const t = tempDir('kotae-logo-cfg-');
    try {
      const file = path.join(t.dir, 'token');
      fs.writeFileSync(file, 'secret-token\n');
      const base = {
        mode: 'direct' as const,
        endpoint: 'wss://x/api',
        botName: 'Kotae',
        storageDir: path.join(t.dir, 's'),
      };
      const settings = logoSettings({ ...base, tokenFile: file });
      assert.equal(settings.mode === 'direct' && settings.accessToken, 'secret-token');
      assert.ok(fs.existsSync(base.storageDir));
      fs.writeFileSync(file, '\n');
      assert.throws(() => logoSettings({ ...base, tokenFile: file }), { code: 'CONFIG_INVALID' });
      assert.throws(() => logoSettings({ ...base, tokenFile: path.join(t.dir, 'missing') }), {
        code: 'CONFIG_INVALID',
      });
    } finally {
      t.cleanup();
    }
  });
});
