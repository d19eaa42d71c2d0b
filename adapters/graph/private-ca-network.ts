/**
 * MSAL's HTTP client for a network whose TLS is re-signed by a private CA (a TLS-inspecting proxy in
 * an LGWAN segment): node:https with that CA added to the trusted roots. Used only when a CA file is
 * configured; otherwise MSAL keeps its own client.
 */
import https from 'node:https';
import tls from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-common';

/** An MSAL network module trusting `caPem` besides the system roots. */
export class PrivateCaNetworkModule implements INetworkModule {
  private readonly ca: string[];

  constructor(caPem: string) {
    this.ca = [...tls.rootCertificates, caPem];
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private send<T>(
    method: string,
    url: string,
    options?: NetworkRequestOptions,
    timeout = 10_000,
  ): Promise<NetworkResponse<T>> {
    return new Promise((resolve, reject) => {
      const req = https.request(url, { method, headers: options?.headers, ca: this.ca, timeout }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : {};
          } catch {
            body = { error: 'invalid_json', error_description: text.slice(0, 200) };
          }
          resolve({ headers, body: body as T, status: res.statusCode ?? 0 });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`request to ${new URL(url).host} timed out`)));
      req.on('error', reject);
      if (options?.body) req.write(options.body);
      req.end();
    });
  }
}
