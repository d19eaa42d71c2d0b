/**
 * The web chat browser specs' one set-up: Chromium (Debian's, see chromium.ts) and the real app, started before the
 * describe block that calls it and closed after it.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startApp, type RunningApp } from './start-app';

/** What a spec reads once the block's hooks ran. */
export interface ChromiumOnApp {
  readonly browser: Browser;
  readonly kotae: RunningApp;
  /** A new Japanese-locale page on the web chat. */
  openChat(): Promise<Page>;
}

/** Registers the block's before / after hooks (call it inside `describe`). */
export function chromiumOnApp(): ChromiumOnApp {
  let browser: Browser | undefined;
  let kotae: RunningApp | undefined;
  before(async function () {
    this.timeout(900_000);
    browser = await launchChromium();
    kotae = await startApp();
  });
  after(async () => {
    await browser?.close();
    await kotae?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('chromiumOnApp: used before its before hook ran');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get kotae() {
      return started(kotae);
    },
    async openChat() {
      const page = await (await started(browser).newContext({ locale: 'ja-JP' })).newPage();
      await page.goto(`${started(kotae).url}/`);
      return page;
    },
  };
}
