/**
 * The Teams end-to-end specs' one set-up: the real app (SQLite, sample knowledge base) and the loopback Bot Connector,
 * started before the describe block that calls it and stopped after it.
 */
import { FakeBotConnector } from '../fakes/teams-connector';
import { startApp, type RunningApp } from './start-app';

/** What a spec reads once the block's hooks ran. */
export interface TeamsOnApp {
  readonly kotae: RunningApp;
  readonly connector: FakeBotConnector;
  /** The loopback Bot Connector's URL, for the activities' `serviceUrl`. */
  readonly serviceUrl: string;
  /** The app's Teams messaging endpoint (`/api/messages`). */
  readonly endpoint: string;
}

/** Registers the block's before / after hooks (call it inside `describe`); `env`: the app's extra settings. */
export function teamsOnApp(env: (serviceUrl: string) => Record<string, string> = () => ({})): TeamsOnApp {
  let kotae: RunningApp | undefined;
  let connector: FakeBotConnector | undefined;
  let serviceUrl: string | undefined;
  before(async () => {
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
    kotae = await startApp(env(serviceUrl));
  });
  after(async () => {
    await kotae?.stop();
    await connector?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('teamsOnApp: used before its before hook ran');
    return value;
  };
  return {
    get kotae() {
      return started(kotae);
    },
    get connector() {
      return started(connector);
    },
    get serviceUrl() {
      return started(serviceUrl);
    },
    get endpoint() {
      return `${started(kotae).url}/api/messages`;
    },
  };
}
