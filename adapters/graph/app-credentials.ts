/**
 * App-only tokens of an Entra app registration with a client secret or a certificate (PEM files),
 * through MSAL's ConfidentialClientApplication, for an authority host that may be a national cloud
 * or a test server (listed as a known authority, so MSAL does not ask login.microsoftonline.com).
 */
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { KotaeError } from '../../core';
import { caNetworkClient } from './ca-network-client';
import { MsalTokenProvider, type AccessTokenProvider } from './token-provider';

/** Settings of the app registration. */
export interface AppCredentialOptions {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificate?: { pemFile: string; keyFile: string };
  authorityHost: string;
  /** PEM of a private CA to trust for the authority host. */
  caFile?: string;
}

/** A token provider for the app (throws CONFIG_INVALID when a PEM file cannot be read). */
export function createAppTokenProvider(o: AppCredentialOptions): AccessTokenProvider {
  const msal = require('@azure/msal-node') as typeof import('@azure/msal-node');
  const host = o.authorityHost.replace(/\/+$/, '');
  let clientCertificate: { thumbprintSha256: string; privateKey: string; x5c: string } | undefined;
  try {
    if (o.certificate) {
      const pem = fs.readFileSync(o.certificate.pemFile, 'utf8');
      const cert = new X509Certificate(pem);
      clientCertificate = {
        thumbprintSha256: createHash('sha256').update(cert.raw).digest('hex'),
        privateKey: fs.readFileSync(o.certificate.keyFile, 'utf8'),
        x5c: pem,
      };
    }
    const networkClient = o.caFile ? caNetworkClient(fs.readFileSync(o.caFile, 'utf8')) : undefined;
    const client = new msal.ConfidentialClientApplication({
      auth: {
        clientId: o.clientId,
        authority: `${host}/${o.tenantId}`,
        knownAuthorities: [new URL(host).host],
        ...(clientCertificate ? { clientCertificate } : { clientSecret: o.clientSecret }),
      },
      system: networkClient ? { networkClient } : undefined,
    });
    return new MsalTokenProvider(
      { tenantId: o.tenantId, clientId: o.clientId, clientSecret: o.clientSecret ?? '' },
      client,
    );
  } catch (err) {
    throw new KotaeError(
      'CONFIG_INVALID',
      `SharePoint credentials unusable: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    );
  }
}
