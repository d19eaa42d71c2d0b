/**
 * MSAL's network client for an authority whose TLS certificate chains to a private CA: an on-premises identity
 * provider, a TLS-inspecting proxy in an LGWAN segment that re-signs Microsoft's certificates, or the loopback
 * provider of the tests. node:https with that CA added to the default roots; NODE_EXTRA_CA_CERTS would do the same
 * for the whole process, this keeps the extra trust to MSAL's requests. Used only when a CA file is configured;
 * otherwise MSAL keeps its own client.
 */
import https from 'node:https';
import tls from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

const TIMEOUT_MS = 10_000;

function send<T>(
  url: string,
  method: 'GET' | 'POST',
  agent: https.Agent,
  options?: NetworkRequestOptions,
  timeout = TIMEOUT_MS,
): Promise<NetworkResponse<T>> {
  return new Promise<NetworkResponse<T>>((resolve, reject) => {
    const req = https.request(url, { method, agent, headers: options?.headers, timeout }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          // A proxy's HTML error page: MSAL reads it as an OAuth error, not as a crash in its JSON parsing.
          body = { error: 'invalid_json', error_description: text.slice(0, 200) };
        }
        resolve({ headers, body: body as T, status: res.statusCode ?? 0 });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`request to ${new URL(url).host} timed out`)));
    req.on('error', reject);
    if (method === 'POST') req.write(options?.body ?? '');
    req.end();
  });
}

/**
 * A network client trusting the default roots plus `caPem`. Its own agent: the trust is parsed once, not per request,
 * and no connection is kept alive — MSAL's requests are seconds or minutes apart, and a kept socket the provider closes
 * as its idle timeout ends (Node's servers: 5 s) fails the next request with ECONNRESET; a sign-in's code redemption
 * fails with it (a code is good once: MSAL cannot send it again).
 */
export function caNetworkClient(caPem: Buffer | string): INetworkModule {
  const agent = new https.Agent({ keepAlive: false, ca: [...tls.rootCertificates, caPem.toString()] });
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>(url, 'GET', agent, options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'POST', agent, options),
  };
}
