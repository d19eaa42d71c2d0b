/** A self-signed certificate for 127.0.0.1, for loopback https servers in tests (openssl, a checked system tool). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Writes key.pem and cert.pem into `dir` and returns their paths. */
export function selfSigned(dir: string): { key: string; cert: string } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key, cert };
}
