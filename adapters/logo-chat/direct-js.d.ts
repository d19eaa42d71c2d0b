/** The parts of direct-js 2.1 (no bundled typings) that the child process uses. */
declare module 'direct-js' {
  /** Options read by DirectAPI.setOptions (see ../shared/logo-chat/PROTOCOL.md). */
  export interface DirectOptions {
    host?: string;
    endpoint: string;
    access_token: string;
    proxyURL?: string;
    name?: string;
    talkWithBot?: boolean;
    acceptableEventTimeDiff?: number;
    storage_path?: string;
    storage_quota?: number;
    ws_config?: object;
  }
  /** The process-wide client. */
  export class DirectAPI {
    static getInstance(): DirectAPI;
    setOptions(options: DirectOptions): void;
    listen(): void;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    on(event: string, handler: Function): void;
    send(envelope: { room: string }, content: string | object): void;
    parseInt64(id: string): unknown;
  }
}
