/**
 * The loopback OpenID Connect provider's pages (test/fakes/oidc-server.ts, oidc-provider's development login and
 * consent forms) in Chromium: the browser specs' one way through them (the Node client without a browser is
 * oidc-browser.ts's throughProvider).
 */
import type { Page } from 'playwright-core';

/**
 * Takes `page`, sent to the provider by the app at `appOrigin`, through the provider's login (any password) and
 * consent pages, as far as the provider shows them: a browser the provider already knows gets no login form, and a
 * consent already given no consent page. Returns once the provider has sent the browser back to the app (Playwright's
 * click waits for the navigation it starts to commit).
 */
export async function throughProviderPages(page: Page, issuer: string, appOrigin: string, login: string) {
  const atProvider = () => new URL(page.url()).origin === issuer;
  await page.waitForURL((u) => u.origin === issuer || u.origin === appOrigin);
  if (atProvider() && (await page.locator('input[name=login]').count()) === 1) {
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any-password');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((u) => u.origin === issuer || u.origin === appOrigin);
  }
  if (atProvider()) await page.locator('button[type=submit]').click();
}
