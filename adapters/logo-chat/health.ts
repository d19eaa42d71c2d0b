/** What /healthz and the log show about the LoGoチャット connection. */
export type LogoState =
  | 'off'
  | 'starting'
  | 'ready'
  | 'reconnecting'
  | 'restarting'
  | 'config_error'
  | 'stopped'
  /** Another instance holds the connection (several instances on one database); this one takes over if it dies. */
  | 'standby';

/** Readiness and the last problem of the LoGoチャット connector or relay. */
export interface LogoHealth {
  mode: 'direct' | 'relay' | 'off';
  state: LogoState;
  ready: boolean;
  /** Child processes started after the first (direct mode). */
  restarts: number;
  lastError?: string;
  lastErrorAt?: string;
  /** Direct mode: the instance holding the connection (lease `logo-chat`), null while nobody does. */
  holder?: string | null;
}
