/** The console harness's HTTP client: requests as a browser sends them, redirects not followed. */

/** A signed-in client. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** How one request is sent. */
export interface RequestOptions {
  session?: Session;
  form?: Record<string, string>;
  csrf?: string | null;
  /** Sends multipart/form-data with these files (field `file`) and the form fields. */
  files?: { name: string; content: string | Buffer; type?: string }[];
}

/** A client of the console at `origin` that sends requests without following redirects; `form` is URL-encoded. */
export function consoleRequest(origin: string) {
  return async function request(method: 'GET' | 'POST', path: string, opts: RequestOptions = {}) {
    const headers: Record<string, string> = {};
    if (opts.session) headers.cookie = opts.session.cookie;
    let body: string | FormData | undefined;
    if (method === 'POST') {
      const form = { ...opts.form };
      const csrf = opts.csrf === undefined ? opts.session?.csrf : opts.csrf;
      if (csrf) form._csrf = csrf;
      if (opts.files) {
        const data = new FormData();
        for (const [k, v] of Object.entries(form)) data.append(k, v);
        for (const f of opts.files)
          data.append(
            'file',
            new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], {
              type: f.type ?? 'application/octet-stream',
            }),
            f.name,
          );
        body = data;
      } else {
        body = new URLSearchParams(form).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
    }
    const res = await fetch(`${origin}${path}`, { method, headers, body, redirect: 'manual' });
    return {
      status: res.status,
      location: res.headers.get('location') ?? '',
      headers: res.headers,
      text: await res.text(),
    };
  };
}
