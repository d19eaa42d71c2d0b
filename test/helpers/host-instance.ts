/**
 * A second real Kotae instance that believes it runs on another server: the app (startApp, its own temporary data
 * folder) in a child Node process whose host name is changed in a UTS namespace of its own (`unshare --uts`, in a
 * user namespace so that no root is needed). Kotae names an instance by `hostname()` (a quarantined manual's
 * `file_scan.quarantinedOn`, per-instance folders), so two instances on one test machine are two servers only this
 * way. `unshare` and `hostname` (util-linux, Debian's base system) missing, or namespaces refused: the test fails.
 * Run as a script (with the JSON environment as argument), it starts the app and prints its address.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { startApp } from './start-app';

/** The app in the child process: its address and data folder, and how to stop it. */
export interface HostInstance {
  url: string;
  dataDir: string;
  /** The host name it runs under. */
  host: string;
  stop(): Promise<void>;
}

const READY = 'kotae-host-instance ';

function requireCommands(...commands: string[]): void {
  const missing = commands.filter((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
  if (missing.length > 0) throw new Error(`required system tool missing: ${missing.join(', ')} (util-linux)`);
}

/** Waits for the child's ready line (its address and data folder); throws with its output when it exits first. */
function ready(child: ChildProcess, timeoutMs: number): Promise<{ url: string; dataDir: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (why: string) => reject(new Error(`${why}:\n${out.slice(-3000)}`));
    const timer = setTimeout(() => fail(`the instance did not start within ${timeoutMs} ms`), timeoutMs);
    const read = (d: Buffer) => {
      out += d.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith(READY));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice(READY.length)) as { url: string; dataDir: string });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(`the instance exited at start (${code ?? signal})`);
    });
  });
}

/** Starts the real app under the host name `host` with `env` (KOTAE_* settings, as startApp takes them). */
export async function startAppOnHost(host: string, env: Record<string, string>): Promise<HostInstance> {
  requireCommands('unshare', 'hostname');
  // unshare and sh exec in turn, so the child's pid is the Node process's: SIGTERM reaches the app.
  const child = spawn(
    'unshare',
    [
      '--user',
      '--map-root-user',
      '--uts',
      'sh',
      '-c',
      'hostname "$1" && shift && exec "$@"',
      'sh',
      host,
      process.execPath,
      '--require',
      require.resolve('tsx/cjs'),
      __filename,
      JSON.stringify(env),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const started = await ready(child, 60_000).catch((err: unknown) => {
    kill();
    process.off('exit', kill);
    throw err;
  });
  return {
    ...started,
    host,
    async stop() {
      process.off('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

if (require.main === module) {
  const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
  startApp(env).then(
    (kotae) => {
      process.once('SIGTERM', () => {
        kotae.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
      process.stdout.write(`${READY}${JSON.stringify({ url: kotae.url, dataDir: kotae.dataDir })}\n`);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
