/**
 * A throw-away self-signed certificate for 127.0.0.1/localhost, made with the system's openssl at test
 * time (no key is ever committed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
  /** Path of the PEM certificate, for NODE_EXTRA_CA_CERTS. */
  readonly certPath: string;
  /** Removes the files. */
  readonly dispose: () => void;
}

export function makeLoopbackCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'ztt-tls-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', keyPath, '-out', certPath,
    '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
