/** What /healthz and the log show about the LoGoチャット connection. */
export type LogoState = 'off' | 'starting' | 'ready' | 'reconnecting' | 'restarting' | 'config_error' | 'stopped';

/** Readiness and the last problem of the LoGoチャット connector or relay. */
export interface LogoHealth {
  mode: 'direct' | 'relay' | 'off';
  state: LogoState;
  ready: boolean;
  /** Child processes started after the first (direct mode). */
  restarts: number;
  lastError?: string;
  lastErrorAt?: string;
}
