/**
 * Runs the direct-js child process of one bot account and keeps it alive: restarts with
 * exponential backoff (capped), stops for good on a bad token (a configuration error, not a
 * crash loop), answers send requests over IPC and exposes readiness and the last error.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { KotaeError, type Logger } from '../../core';
import { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff';
import type { LogoHealth, LogoState } from './health';
import { isChildMessage, type ChildMessage, type ChildOptions, type ParentMessage, type ReceivedMessage } from './ipc';
import { LOGO_MESSAGES as M } from './messages';

/** Supervisor settings. */
export interface DirectSupervisorOptions {
  child: ChildOptions;
  logger: Logger;
  onMessage: (message: ReceivedMessage) => void;
  /** Called each time the connection is (again) ready. */
  onReady?: () => void;
  backoff?: Backoff;
  /** A child that stayed ready this long resets the backoff (default 60 s). */
  stableMs?: number;
  /** How long a send may wait for direct-js's paced queue (default 120 s). */
  requestTimeoutMs?: number;
}

type Request = ParentMessage extends infer P ? (P extends { requestId: number } ? Omit<P, 'requestId'> : never) : never;

interface Pending {
  resolve: (id: string) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** Compiled (dist/, `npm start`) the child is plain JavaScript; from the sources (tests) tsx loads it. */
const COMPILED = __filename.endsWith('.js');
const CHILD_MODULE = path.join(__dirname, COMPILED ? 'direct-child.js' : 'direct-child.ts');

/** One supervised direct-js child. */
export class DirectSupervisor {
  private child?: ChildProcess;
  private state: LogoState = 'stopped';
  private restarts = 0;
  private attempt = 0;
  private readyAt?: number;
  private lastError?: { message: string; at: Date };
  private timer?: NodeJS.Timeout;
  private nextRequest = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly tail: string[] = [];
  /** Child exits observed (tests assert "no restart storm" with it). */
  exits = 0;
  /** The bot's display name as the server knows it (after the first login). */
  botDisplayName?: string;

  constructor(private readonly options: DirectSupervisorOptions) {}

  /** Starts the child (idempotent). */
  start(): void {
    if (this.child || this.state === 'config_error') return;
    this.spawn();
  }

  /** Stops the child and any pending restart. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.timer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  health(): LogoHealth {
    return {
      mode: 'direct',
      state: this.state,
      ready: this.state === 'ready',
      restarts: this.restarts,
      ...(this.lastError ? { lastError: this.lastError.message, lastErrorAt: this.lastError.at.toISOString() } : {}),
    };
  }

  /** Sends a request to the child; resolves with the message or talk id it reports. */
  request(request: Request): Promise<string> {
    const child = this.child;
    if (!child || !child.connected || this.state === 'config_error') {
      return Promise.reject(new KotaeError('CHANNEL_SEND_FAILED', `logo: connector not running (${this.state})`));
    }
    const requestId = this.nextRequest++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new KotaeError('CHANNEL_SEND_FAILED', `logo: ${request.type} timed out`));
      }, this.options.requestTimeoutMs ?? 120_000);
      this.pending.set(requestId, { resolve, reject, timer });
      child.send({ ...request, requestId } as ParentMessage);
    });
  }

  private spawn(): void {
    this.state = 'starting';
    const child = fork(CHILD_MODULE, [], {
      execArgv: COMPILED ? [] : ['--require', require.resolve('tsx/cjs')],
      // stdin closed: direct-js prompts for a token on stdin when it has none.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
      env: {},
    });
    this.child = child;
    const keep = (chunk: Buffer) => this.keepTail(chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (raw: unknown) => {
      if (isChildMessage(raw)) this.onChild(raw);
    });
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    child.send({ type: 'start', options: this.options.child } satisfies ParentMessage);
    this.options.logger.info('logo: connector started', { pid: child.pid, endpoint: this.options.child.endpoint });
  }

  private onChild(m: ChildMessage): void {
    switch (m.type) {
      case 'ready':
        if (this.state === 'config_error') return;
        this.state = 'ready';
        this.readyAt = Date.now();
        this.botDisplayName = m.botDisplayName ?? this.botDisplayName;
        this.options.logger.info('logo: connected', { botUserId: m.botUserId });
        this.options.onReady?.();
        return;
      case 'reconnecting':
        if (this.state === 'ready') this.state = 'reconnecting';
        return;
      case 'message-received':
        this.options.onMessage(m.message);
        return;
      case 'result':
        return this.settle(m.requestId, (p) => p.resolve(m.id));
      case 'dropped':
        this.options.logger.warn('logo: payload direct-js could not read was dropped', {
          what: m.what,
          reason: m.reason,
        });
        return;
      case 'error':
        if (m.requestId !== undefined) {
          const err = new KotaeError('CHANNEL_SEND_FAILED', `logo: request failed: ${m.message}`);
          return this.settle(m.requestId, (p) => p.reject(err));
        }
        if (m.kind === 'auth') return this.configError(M.health.badToken);
        this.recordError(`connection: ${m.message}`);
        return;
    }
  }

  private settle(requestId: number, f: (p: Pending) => void): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    this.pending.delete(requestId);
    clearTimeout(p.timer);
    f(p);
  }

  /** A bad token: stop for good (no restart storm) and say what to fix. */
  private configError(message: string): void {
    this.state = 'config_error';
    this.recordError(message);
    this.options.logger.error('logo: configuration error, connector stopped', { error: message });
    this.child?.kill('SIGTERM');
  }

  private recordError(message: string): void {
    this.lastError = { message, at: new Date() };
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.exits += 1;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new KotaeError('CHANNEL_SEND_FAILED', 'logo: connector exited before the send completed'));
      this.pending.delete(id);
    }
    if (this.state === 'stopped' || this.state === 'config_error') return;
    if (this.readyAt !== undefined && Date.now() - this.readyAt >= (this.options.stableMs ?? 60_000)) this.attempt = 0;
    this.readyAt = undefined;
    const delay = backoffDelay(this.options.backoff ?? DEFAULT_BACKOFF, this.attempt++);
    this.recordError(`connector exited (code ${code ?? '-'}, signal ${signal ?? '-'})`);
    this.options.logger.warn('logo: connector exited, restarting', {
      code,
      signal,
      restartInMs: delay,
      output: this.tail.slice(-5),
    });
    this.state = 'restarting';
    this.timer = setTimeout(() => {
      if (this.state !== 'restarting') return;
      this.restarts += 1;
      this.spawn();
    }, delay);
    this.timer.unref();
  }

  /** The last lines the child printed, with the token masked (direct-js logs its settings). */
  private keepTail(text: string): void {
    const token = this.options.child.accessToken;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      this.tail.push(token ? line.split(token).join('***').slice(0, 300) : line.slice(0, 300));
    }
    if (this.tail.length > 20) this.tail.splice(0, this.tail.length - 20);
  }
}
