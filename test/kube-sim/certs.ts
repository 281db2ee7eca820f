// Self-signed CA, server and client certificates made with the openssl CLI at start-up.
// Owns: key material for one simulator instance. Nothing is written outside `dir`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Pki {
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  dir: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makePki(dir: string): Pki {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', '/CN=kube-sim-ca'], dir);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n');
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver'], dir);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '3650', '-extfile', 'server.ext'], dir);
  return {
    dir,
    caCert: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    caKey: readFileSync(join(dir, 'ca.key'), 'utf8'),
    serverCert: readFileSync(join(dir, 'server.crt'), 'utf8'),
    serverKey: readFileSync(join(dir, 'server.key'), 'utf8'),
  };
}

/** A client certificate for `user` in `groups` (O= entries), signed by the simulator's CA. */
export function issueClientCert(pki: Pki, user: string, groups: string[]): { cert: string; key: string } {
  const base = `client-${user.replace(/[^A-Za-z0-9]/g, '_')}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const subj = `/CN=${user}` + groups.map((g) => `/O=${g}`).join('');
  writeFileSync(join(pki.dir, `${base}.ext`), 'extendedKeyUsage=clientAuth\n');
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', subj], pki.dir);
  openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${base}.crt`, '-days', '3650', '-extfile', `${base}.ext`], pki.dir);
  return { cert: readFileSync(join(pki.dir, `${base}.crt`), 'utf8'), key: readFileSync(join(pki.dir, `${base}.key`), 'utf8') };
}
