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

/** A signed-in console session. */
export interface ConsoleSession {
  cookie: string;
  get(path: string): Promise<{ status: number; text: string }>;
  /** Posts a form with the session's CSRF token (read from the page at `formPage`). */
  post(path: string, form: Record<string, string>, formPage: string): Promise<{ status: number; location: string }>;
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
    async post(path: string, form: Record<string, string>, formPage: string) {
      const page = await fetch(`${baseUrl}${formPage}`, { headers: { cookie } });
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const r = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form, _csrf: token }).toString(),
      });
      return { status: r.status, location: r.headers.get('location') ?? '' };
    },
  };
}
