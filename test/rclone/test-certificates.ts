import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Files of a throw-away certificate authority and one server certificate it signed. */
export interface TestCertificates {
  /** PEM of the CA certificate: what rclone gets as `--ca-cert`. */
  caPath: string;
  /** PEM of the server certificate for `jottacloud.com` and `*.jottacloud.com`. */
  certPath: string;
  /** PEM of the server certificate's private key (unencrypted, test only). */
  keyPath: string;
}

/** The host names the certificate covers; the proxy admits exactly these. */
export const CERTIFICATE_HOSTS = ['jottacloud.com', '*.jottacloud.com'] as const;

/**
 * Makes a test CA and a server certificate for the Jottacloud host names with the `openssl` CLI,
 * in `dir` (a temp folder owned by the caller). Nothing here is ever committed: every run makes
 * new keys, valid for two days.
 *
 * EC P-256 keys keep generation fast; Go's TLS stack (rclone) accepts them. The server certificate
 * carries the names as subjectAltName because Go ignores the common name.
 */
export async function makeTestCertificates(dir: string): Promise<TestCertificates> {
  const caKey = join(dir, 'ca.key');
  const caPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'server.key');
  const csrPath = join(dir, 'server.csr');
  const certPath = join(dir, 'server.pem');
  const extPath = join(dir, 'server.ext');
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  await run('openssl', [
    'req', '-x509', ...ecKey, '-keyout', caKey, '-out', caPath, '-days', '2',
    '-subj', '/CN=jafs rclone test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore

  await run('openssl', [
    'req', ...ecKey, '-keyout', keyPath, '-out', csrPath, '-subj', '/CN=jottacloud.com',
  ]); // prettier-ignore

  const names = CERTIFICATE_HOSTS.map((host) => `DNS:${host}`).join(',');
  await writeFile(
    extPath,
    [
      `subjectAltName=${names}`,
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  );
  await run('openssl', [
    'x509', '-req', '-in', csrPath, '-CA', caPath, '-CAkey', caKey, '-CAcreateserial',
    '-out', certPath, '-days', '2', '-extfile', extPath,
  ]); // prettier-ignore

  return { caPath, certPath, keyPath };
}

/** True when `host` is one of the names the test certificate covers. */
export function isCertificateHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'jottacloud.com') return true;

  // One label under jottacloud.com, as the wildcard allows; no deeper names.
  const label = name.endsWith('.jottacloud.com') ? name.slice(0, -'.jottacloud.com'.length) : '';
  return /^[a-z0-9-]+$/.test(label);
}
