import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describeConfig, ENV_KEYS, loadConfig } from '../../../app/config';
import { KotaeError } from '../../../core/errors';

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({}, '/srv/kotae');
    assert.equal(c.port, 3978);
    assert.equal(c.dataDir, '/srv/kotae/data');
    assert.deepEqual(c.db, { kind: 'sqlite', path: '/srv/kotae/data/kotae.sqlite', busyTimeoutMs: 1000 });
    assert.equal(c.embeddings.kind, 'local');
    assert.equal(c.teams, undefined);
    assert.equal(c.secureCookies, false);
    assert.ok(Object.isFrozen(c) && Object.isFrozen(c.desk));
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', KOTAE_DB: 'oracle', KOTAE_DESK_OPEN: '25:00', KOTAE_TYPO: '1' });
      assert.fail('expected CONFIG_INVALID');
    } catch (err) {
      assert.ok(err instanceof KotaeError);
      assert.equal(err.code, 'CONFIG_INVALID');
      for (const key of ['PORT', 'KOTAE_DB', 'KOTAE_DESK_OPEN', 'KOTAE_TYPO'])
        assert.match(err.message, new RegExp(key));
    }
  });

  it('requires the PostgreSQL settings for postgres and builds its config', () => {
    assert.throws(
      () => loadConfig({ KOTAE_DB: 'postgres' }),
      /KOTAE_PG_HOST: required when KOTAE_DB=postgres\n.*KOTAE_PG_USER.*\n.*KOTAE_PG_PASSWORD.*\n.*KOTAE_PG_DATABASE/s,
    );
    const c = loadConfig({
      KOTAE_DB: 'postgres',
      KOTAE_PG_HOST: 'db.kotonoha.example.lg.jp',
      KOTAE_PG_USER: 'kotae',
      KOTAE_PG_PASSWORD: 'secret-password',
      KOTAE_PG_DATABASE: 'kotae',
      KOTAE_DB_AUTO_MIGRATE: 'false',
    });
    assert.deepEqual(c.db, {
      kind: 'postgres',
      host: 'db.kotonoha.example.lg.jp',
      port: 5432,
      user: 'kotae',
      password: 'secret-password',
      database: 'kotae',
      ssl: false,
      poolSize: 10,
      lockTimeoutMs: 1000,
    });
    assert.equal(c.dbAutoMigrate, false);
    assert.equal(c.dbStartTimeoutSeconds, 0);
    assert.doesNotMatch(JSON.stringify(describeConfig(c)), /secret-password/);
  });

  it('requires the SQL Server settings only for mssql, and never falls back silently', () => {
    assert.throws(() => loadConfig({ KOTAE_DB: 'mssql' }), /KOTAE_MSSQL_HOST.*\n.*KOTAE_MSSQL_USER/s);
    const c = loadConfig({
      KOTAE_DB: 'mssql',
      KOTAE_MSSQL_HOST: 'db',
      KOTAE_MSSQL_USER: 'u',
      KOTAE_MSSQL_PASSWORD: 'p',
      KOTAE_MSSQL_DATABASE: 'kotae',
    });
    assert.equal(c.db.kind, 'mssql');
  });

  it('takes Teams credentials only as a complete set, with a secret or a certificate', () => {
    const ids = {
      KOTAE_TEAMS_APP_ID: '11111111-1111-4111-8111-111111111111',
      KOTAE_TEAMS_TENANT_ID: '22222222-2222-4222-8222-222222222222',
    };
    assert.throws(() => loadConfig({ KOTAE_TEAMS_APP_ID: ids.KOTAE_TEAMS_APP_ID }), /go together/);
    assert.throws(() => loadConfig({ ...ids }), /go together/);
    assert.throws(() => loadConfig({ ...ids, KOTAE_TEAMS_CERTIFICATE_FILE: 'c.pem' }), /go together/);
    assert.equal(loadConfig({ ...ids, KOTAE_TEAMS_APP_SECRET: 's' }).teams?.appSecret, 's');
    const cert = loadConfig(
      { ...ids, KOTAE_TEAMS_CERTIFICATE_FILE: 'c.pem', KOTAE_TEAMS_CERTIFICATE_KEY_FILE: 'k.pem' },
      '/srv',
    );
    assert.deepEqual(cert.teams?.certificate, { pemFile: '/srv/c.pem', keyFile: '/srv/k.pem' });
    assert.throws(
      () =>
        loadConfig({
          ...ids,
          KOTAE_TEAMS_CERTIFICATE_FILE: 'c.pem',
          KOTAE_TEAMS_CERTIFICATE_KEY_FILE: 'k.pem',
          KOTAE_GRAPH_DEPARTMENT_LOOKUP: 'true',
        }),
      /KOTAE_TEAMS_APP_SECRET/,
    );
  });

  it('generates answers only when asked, with the OpenAI key required', () => {
    assert.deepEqual(loadConfig({}).answerModel, { kind: 'none' });
    assert.throws(
      () => loadConfig({ KOTAE_ANSWER_MODEL: 'openai' }),
      /KOTAE_OPENAI_API_KEY: required when KOTAE_ANSWER_MODEL/,
    );
    assert.throws(() => loadConfig({ KOTAE_ANSWER_MODEL: 'gpt' }), /KOTAE_ANSWER_MODEL/);
    const c = loadConfig({
      KOTAE_ANSWER_MODEL: 'openai',
      KOTAE_OPENAI_API_KEY: 'k',
      KOTAE_OPENAI_BASE_URL: 'https://kotonoha.openai.azure.com',
      KOTAE_OPENAI_API_VERSION: '2024-10-21',
    });
    assert.deepEqual(c.answerModel, {
      kind: 'openai',
      apiKey: 'k',
      baseUrl: 'https://kotonoha.openai.azure.com',
      model: 'gpt-4o-mini',
      apiVersion: '2024-10-21',
      checkSources: true,
    });
    assert.equal(c.embeddings.kind, 'local');
    const unchecked = loadConfig({
      KOTAE_ANSWER_MODEL: 'openai',
      KOTAE_OPENAI_API_KEY: 'k',
      KOTAE_ANSWER_CHECK: 'false',
    });
    assert.equal(unchecked.answerModel.kind === 'openai' && unchecked.answerModel.checkSources, false);
    const named = loadConfig({
      KOTAE_ANSWER_MODEL: 'openai',
      KOTAE_OPENAI_API_KEY: 'k',
      KOTAE_OPENAI_CHAT_MODEL: 'kotae-gpt',
    }).answerModel;
    assert.equal(named.kind === 'openai' ? named.model : undefined, 'kotae-gpt');
  });

  it('documents every variable in .env.example', () => {
    const example = fs.readFileSync(path.join(__dirname, '../../../.env.example'), 'utf8');
    for (const key of ENV_KEYS)
      assert.match(example, new RegExp(`^#? ?${key}=`, 'm'), `${key} missing from .env.example`);
  });

  it('reads the report delivery recipients and refuses a bad address or format', () => {
    const ok = loadConfig({
      KOTAE_REPORT_DELIVERY_EMAILS: 'johosei@example.lg.jp, kacho@example.lg.jp',
      KOTAE_REPORT_DELIVERY_TEAMS: 'true',
    });
    assert.deepEqual(ok.reportDelivery, {
      emails: ['johosei@example.lg.jp', 'kacho@example.lg.jp'],
      teams: true,
      formats: ['xlsx', 'pdf'],
    });
    assert.deepEqual(loadConfig({}).reportDelivery, { emails: [], teams: false, formats: ['xlsx', 'pdf'] });
    assert.throws(
      () => loadConfig({ KOTAE_REPORT_DELIVERY_EMAILS: 'johosei', KOTAE_REPORT_DELIVERY_FORMATS: 'docx' }),
      (e: unknown) =>
        e instanceof KotaeError &&
        /KOTAE_REPORT_DELIVERY_EMAILS/.test(e.message) &&
        /KOTAE_REPORT_DELIVERY_FORMATS/.test(e.message),
    );
  });
});
