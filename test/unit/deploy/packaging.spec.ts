/**
 * The packaging files are written, not run here: this checks that they parse and that what they
 * refer to exists — compose.yaml's services and KOTAE_* settings, the Dockerfile's files, scripts,
 * packages and command, the systemd unit's command.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENV_KEYS } from '../../../app/config';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const CLI_COMMANDS = /^ {2}([a-z]+): \{$/gm;
const commands = new Set([...read('adapters/cli/main.ts').matchAll(CLI_COMMANDS)].map((m) => m[1]));

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
}

describe('packaging (Dockerfile, compose.yaml, systemd unit)', () => {
  it('compose.yaml: PostgreSQL and two Kotae instances on it, with known settings only', () => {
    const compose = parse(read('compose.yaml'), { merge: true }) as {
      services: Record<string, Service>;
      volumes: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(compose.services).sort(), ['clamav', 'kotae-1', 'kotae-2', 'postgres']);
    assert.match(String(compose.services.postgres.image), /^postgres:\d+/);
    assert.ok(compose.services.postgres.healthcheck?.test.join(' ').includes('pg_isready'));
    for (const name of ['kotae-1', 'kotae-2']) {
      const s = compose.services[name];
      assert.equal(s.build, '.');
      assert.deepEqual(s.depends_on, { postgres: { condition: 'service_healthy' } });
      const env = s.environment ?? {};
      assert.equal(env.KOTAE_DB, 'postgres');
      assert.equal(env.KOTAE_PG_HOST, 'postgres');
      for (const key of Object.keys(env)) assert.ok(ENV_KEYS.includes(key), `${name}: unknown setting ${key}`);
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0];
        if (source.startsWith('.')) assert.ok(fs.existsSync(path.join(ROOT, source)), `${name}: ${source} missing`);
        else assert.ok(source in compose.volumes, `${name}: volume ${source} not declared`);
      }
    }
    assert.notEqual(compose.services['kotae-1'].volumes?.[0], compose.services['kotae-2'].volumes?.[0]);
  });

  it('compose.yaml: the optional clamav service keeps its signatures in a volume and Kotae points at it', () => {
    const compose = parse(read('compose.yaml'), { merge: true }) as {
      services: Record<string, Service>;
      volumes: Record<string, unknown>;
    };
    const clamav = compose.services.clamav;
    assert.match(String(clamav.image), /^clamav\/clamav:\d+\.\d+_base$/);
    assert.deepEqual(clamav.volumes, ['clamav-db:/var/lib/clamav']);
    assert.ok('clamav-db' in compose.volumes);
    for (const name of ['kotae-1', 'kotae-2']) {
      const env = compose.services[name].environment ?? {};
      // Defaults that an empty value in .env turns off (Kotae reads an empty variable as unset: no scanning).
      assert.equal(env.KOTAE_CLAMD_HOST, '${KOTAE_CLAMD_HOST-clamav}');
      assert.equal(env.KOTAE_CLAMD_PORT, '${KOTAE_CLAMD_PORT-3310}');
      assert.equal(compose.services[name].depends_on?.clamav, undefined, `${name} starts without clamd`);
    }
    assert.match(read('compose.yaml'), /To turn it off/);
  });

  it('Dockerfile: the files, scripts, packages and command it uses exist', () => {
    const lines = read('Dockerfile')
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const of = (instruction: string) =>
      lines.filter((l) => l.startsWith(`${instruction} `)).map((l) => l.slice(instruction.length + 1));
    assert.equal(of('FROM').length, 2, 'a build stage and a runtime stage');
    for (const from of of('FROM')) assert.match(from, /^node:20-bookworm-slim/);
    for (const copy of of('COPY').filter((c) => !c.startsWith('--from'))) {
      const sources = copy
        .split(/\s+/)
        .filter((p) => !p.startsWith('--'))
        .slice(0, -1);
      for (const s of sources) assert.ok(fs.existsSync(path.join(ROOT, s)), `COPY source ${s} missing`);
    }
    const runs = of('RUN').join(' ');
    for (const script of [...runs.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1])) {
      assert.ok(pkg.scripts[script], `npm run ${script}: no such script`);
    }
    const steps = of('RUN').flatMap((r) => r.split('&&').map((x) => x.trim().split(/\s+/)));
    const rebuilt = steps.filter((w) => w[0] === 'npm' && w[1] === 'rebuild').flatMap((w) => w.slice(2));
    assert.ok(rebuilt.length > 0, 'the native addons are rebuilt');
    for (const addon of rebuilt) assert.ok(pkg.dependencies[addon], `npm rebuild ${addon}: not a dependency`);
    const env = of('ENV').join(' ');
    for (const key of [...env.matchAll(/(KOTAE_[A-Z_]+)=/g)].map((m) => m[1])) {
      assert.ok(ENV_KEYS.includes(key), `ENV ${key} is not a setting`);
    }
    assert.equal(/PORT=(\d+)/.exec(env)?.[1], of('EXPOSE')[0]);
    const cmd = JSON.parse(of('CMD')[0]) as string[];
    assert.deepEqual(cmd.slice(0, 2), ['node', 'bin/kotae.js']);
    assert.ok(fs.existsSync(path.join(ROOT, cmd[1])));
    assert.ok(commands.has(cmd[2]), `kotae ${cmd[2]}: no such command`);
    assert.ok(fs.existsSync(path.join(ROOT, '.dockerignore')));
  });

  it('systemd unit: runs `kotae serve` as its own user with the settings file, restarting with a pause', () => {
    const unit = read('deploy/kotae.service');
    for (const section of ['[Unit]', '[Service]', '[Install]']) assert.ok(unit.includes(section), section);
    const exec = /^ExecStart=(\S+) (\S+) (\S+)$/m.exec(unit);
    assert.ok(exec, 'ExecStart');
    assert.equal(exec[1], '/usr/bin/node');
    assert.match(exec[2], /\/bin\/kotae\.js$/);
    assert.ok(commands.has(exec[3]));
    assert.match(unit, /^User=kotae$/m);
    assert.match(unit, /^EnvironmentFile=\/etc\/kotae\/kotae\.env$/m);
    assert.match(unit, /^Restart=on-failure$/m);
    assert.match(unit, /^RestartSec=5s$/m);
  });
});
