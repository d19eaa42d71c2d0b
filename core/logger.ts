/** Port for structured English logs. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/** One JSON line per event on stderr (stdout stays free for command output). */
export class JsonLogger implements Logger {
  constructor(private readonly write: (line: string) => void = (l) => process.stderr.write(l + '\n')) {}
  private log(level: Level, msg: string, fields?: Record<string, unknown>): void {
    this.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.log('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.log('error', msg, fields);
  }
}

/** A logger that keeps lines in memory, for tests and quiet commands. */
export class MemoryLogger implements Logger {
  readonly lines: { level: Level; msg: string; fields?: Record<string, unknown> }[] = [];
  info(msg: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', msg, fields });
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', msg, fields });
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', msg, fields });
  }
}
