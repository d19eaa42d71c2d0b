/**
 * MSAL's network client for an authority whose TLS certificate chains to a private CA (an on-premises
 * identity provider, or the loopback provider of the tests): node's https with that CA added to the
 * default roots. NODE_EXTRA_CA_CERTS would do the same for the whole process; this keeps the extra
 * trust to the sign-in requests.
 */
import https from 'node:https';
import tls from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

const TIMEOUT_MS = 10_000;

function send<T>(url: string, method: 'GET' | 'POST', ca: string[], options?: NetworkRequestOptions) {
  return new Promise<NetworkResponse<T>>((resolve, reject) => {
    const req = https.request(url, { method, ca, headers: options?.headers, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
          resolve({ headers, body, status: res.statusCode ?? 0 });
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`request to ${url} timed out`)));
    req.on('error', reject);
    if (method === 'POST') req.write(options?.body ?? '');
    req.end();
  });
}

/** A network client trusting the default roots plus `caPem`. */
export function caNetworkClient(caPem: Buffer): INetworkModule {
  const ca = [...tls.rootCertificates, caPem.toString('utf8')];
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'GET', ca, options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'POST', ca, options),
  };
}
