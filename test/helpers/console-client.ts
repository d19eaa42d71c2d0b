/** Signs in to the console over HTTP like a browser (CSRF cookie, form post, session cookie). */

function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return jar;
}

/** How a form post is sent again when the connection fails or a proxy answers 502/503 (same body, same key). */
export interface PostOptions {
  retries?: number;
}

/**
 * The one-time key (`_key`) of the form whose action ends with `path` on a rendered page, as a browser
 * would post it; undefined when that form has none.
 */
export function formKey(html: string, path: string): string | undefined {
  for (const m of html.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!m[1]!.endsWith(path)) continue;
    const key = /name="_key" value="([^"]+)"/.exec(m[2]!)?.[1];
    if (key) return key;
  }
  return undefined;
}

/** A signed-in console session. */
export interface ConsoleSession {
  cookie: string;
  get(path: string): Promise<{ status: number; text: string }>;
  /** Posts a form with the session's CSRF token (read from the page at `formPage`). */
  post(
    path: string,
    form: Record<string, string>,
    formPage: string,
    options?: PostOptions,
  ): Promise<{ status: number; location: string; attempts: number }>;
}

/** Signs in with a username and password; throws when sign-in fails. */
export async function signInConsole(baseUrl: string, username: string, password: string): Promise<ConsoleSession> {
  const form = await fetch(`${baseUrl}/console/signin`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  const signinCookie = [...cookiesOf(form)].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${baseUrl}/console/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signinCookie },
    body: new URLSearchParams({ _csrf: csrf ?? '', username, password }).toString(),
  });
  const session = cookiesOf(res).get('kotae_session');
  if (res.status !== 303 || !session) throw new Error(`sign-in failed with ${res.status}`);
  const cookie = `kotae_session=${session}`;
  return {
    cookie,
    async get(path: string) {
      const r = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
      return { status: r.status, text: await r.text() };
    },
    async post(path: string, form: Record<string, string>, formPage: string, options: PostOptions = {}) {
      const page = await fetch(`${baseUrl}${formPage}`, { headers: { cookie } });
      const html = await page.text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      // Like a browser: the one-time key of the form posting to `path`, if the page gave it one.
      const key = formKey(html, path);
      const body = new URLSearchParams({ ...(key ? { _key: key } : {}), ...form, _csrf: token }).toString();
      for (let attempt = 0; ; attempt += 1) {
        try {
          const r = await fetch(`${baseUrl}${path}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body,
          });
          if ((r.status === 502 || r.status === 503) && attempt < (options.retries ?? 0)) continue;
          return { status: r.status, location: r.headers.get('location') ?? '', attempts: attempt + 1 };
        } catch (err) {
          if (attempt >= (options.retries ?? 0)) throw err;
        }
      }
    },
  };
}
