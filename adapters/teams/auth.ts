/**
 * Who may call the Teams endpoint. With credentials, every request needs a Bot Framework JWT
 * (validated by the SDK's authorizeJWT). Without credentials, only loopback callers are accepted
 * (local testing with a connector emulator); there is no other switch.
 */
import { isIP } from 'node:net';
import type { AuthConfiguration } from '@microsoft/agents-hosting';

/** The Azure Bot registration (single tenant): Entra app id and a secret or a certificate. */
export interface TeamsAuthOptions {
  tenantId: string;
  /** Microsoft App ID of the Azure Bot (Entra application client id). */
  clientId: string;
  clientSecret?: string;
  /** PEM files of a certificate registered on the Entra app, instead of a secret. */
  certificate?: { pemFile: string; keyFile: string };
  /** Entra authority; defaults to https://login.microsoftonline.com (the tenant is appended). */
  authorityEndpoint?: string;
}

const CONNECTION = 'serviceConnection';

/**
 * Builds the SDK's AuthConfiguration from our config. Every credential key is set explicitly (even to
 * undefined) and our own connection map is given, so the SDK's env fallbacks (clientId, Connections__…)
 * can never switch authentication on or off behind our back.
 */
export function buildAuthConfiguration(auth: TeamsAuthOptions | undefined): AuthConfiguration {
  const settings: AuthConfiguration = {
    clientId: auth?.clientId,
    tenantId: auth?.tenantId,
    clientSecret: auth?.clientSecret,
    certPemFile: auth?.certificate?.pemFile,
    certKeyFile: auth?.certificate?.keyFile,
    authorityEndpoint: auth?.authorityEndpoint ?? 'https://login.microsoftonline.com',
    authType: undefined,
    federatedClientId: undefined,
    FICClientId: undefined,
    WIDAssertionFile: undefined,
    federatedTokenFile: undefined,
    scopes: undefined,
    issuers: undefined,
    validateIssuer: true,
  };
  return {
    ...settings,
    connections: new Map([[CONNECTION, settings]]),
    connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }],
  };
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.x.x). Anything else, or unknown, is false. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  return isIP(address) === 6 && /^(0{0,4}:){7}0{0,3}1$|^::1$/.test(address);
}
