/**
 * A throw-away clamd for the malware-scan tests: Debian's clamav-daemon (installed by
 * test/setup/system-tools.ts when missing; missing → the test fails), started in the foreground on a free
 * loopback port and a Unix socket in a temporary folder, with a private signature database written here
 * (no internet, no freshclam): the EICAR test string and a fictional marker. Stopped by `stop()` (and on
 * process exit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { clamdPath, requireTool } from '../setup/system-tools';

/** The EICAR anti-virus test file (68 bytes of ASCII). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** A fictional marker the private database also detects. */
export const MARKER = 'KOTAE-FICTIONAL-MALWARE-MARKER-2026';
/** The names clamd reports for them (signatures outside the official databases get `.UNOFFICIAL`). */
export const EICAR_SIGNATURE = 'Eicar-Test-Signature.UNOFFICIAL';
export const MARKER_SIGNATURE = 'Kotae.Test.Marker-1.UNOFFICIAL';

/** A running clamd. */
export interface ClamdServer {
  host: string;
  port: number;
  socket: string;
  /** Stops it (the port then refuses connections); the folder is removed unless `keep`. */
  stop(options?: { keep?: boolean }): Promise<void>;
  /** Starts it again on the same port and socket. */
  restart(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** One command to clamd; undefined when it cannot be reached. */
function ask(port: number, command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = net.createConnection({ host: '127.0.0.1', port });
    let text = '';
    s.setTimeout(2000);
    s.on('data', (d) => (text += d.toString()));
    s.on('connect', () => s.end(`z${command}\0`));
    s.on('close', () => resolve(text ? text.replace(/\0$/, '') : undefined));
    s.on('error', () => resolve(undefined));
    s.on('timeout', () => s.destroy());
  });
}

/** Starts clamd with only the private database; `streamMaxBytes` is its StreamMaxLength (default 20 MB). */
export async function startClamd(options: { streamMaxBytes?: number } = {}): Promise<ClamdServer> {
  requireTool('clamd');
  const exe = clamdPath()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-clamd-'));
  const db = path.join(dir, 'db');
  fs.mkdirSync(db);
  const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex');
  // .ndb: Name:TargetType(0 = any file):Offset(* = anywhere):HexSignature.
  fs.writeFileSync(
    path.join(db, 'kotae-test.ndb'),
    `Eicar-Test-Signature:0:*:${hex(EICAR)}\nKotae.Test.Marker-1:0:*:${hex(MARKER)}\n`,
  );
  const port = await freePort();
  const socket = path.join(dir, 'clamd.sock');
  const conf = path.join(dir, 'clamd.conf');
  fs.writeFileSync(
    conf,
    [
      'Foreground yes',
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${db}`,
      `LogFile ${path.join(dir, 'clamd.log')}`,
      `StreamMaxLength ${options.streamMaxBytes ?? 20 * 1024 * 1024}`,
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const kill = () => child?.kill('SIGKILL');
  process.once('exit', kill);

  async function launch(): Promise<void> {
    const output: string[] = [];
    const proc = spawn(exe, ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout!.on('data', (d) => output.push(String(d)));
    proc.stderr!.on('data', (d) => output.push(String(d)));
    let exited = false;
    proc.once('exit', () => (exited = true));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`clamd exited at start:\n${output.join('').slice(-2000)}`);
      if ((await ask(port, 'PING')) === 'PONG') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill('SIGKILL');
    throw new Error(`clamd did not answer PING within 60 s:\n${output.join('').slice(-2000)}`);
  }

  async function halt(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }

  await launch();
  return {
    host: '127.0.0.1',
    port,
    socket,
    async stop(opts = {}) {
      await halt();
      if (!opts.keep) {
        process.off('exit', kill);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async restart() {
      await halt();
      await launch();
    },
  };
}
