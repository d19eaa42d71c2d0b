/**
 * `createApp` loaded when first called: importing the app folder (every `kotae` command does) must not
 * load the server's wiring, express, kuromoji and hnsw; only `serve` and `chat` build the server.
 */
import type { AppDeps, KotaeApp } from './create-app';
import type { KotaeConfig } from './config';

/** Opens the database and index and wires the application (app/create-app.ts). */
export async function createApp(config: Readonly<KotaeConfig>, deps: AppDeps): Promise<KotaeApp> {
  return (require('./create-app') as typeof import('./create-app.js')).createApp(config, deps);
}
