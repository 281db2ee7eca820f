// Starts Debian's `docker-registry` (distribution 2.8) on 127.0.0.1:<free port>
// with filesystem storage in a temp dir and deletes enabled; optionally with
// htpasswd basic auth and/or a self-signed TLS certificate. For tests only.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { execa } from 'execa';
import { startTokenServer, type TokenServer } from './token-server.js';
import { freePort, makeTempDir, removeDir, sleep } from './util.js';

export interface RegistryOptions {
  /**
   * Authentication with a generated user and password: `true`/`'basic'` is
   * htpasswd Basic auth; `'token'` is distribution's Bearer token auth with a
   * token server started next to the registry (see `tokenServer`).
   */
  auth?: boolean | 'basic' | 'token';
  /** Token lifetime in seconds for `auth: 'token'` (default 300). */
  tokenExpiresIn?: number;
  /** Serve HTTPS with a self-signed certificate for 127.0.0.1/localhost. */
  tls?: boolean;
}

export interface TestRegistry {
  /** `127.0.0.1:PORT`: the registry part of image references. */
  host: string;
  /** `http://127.0.0.1:PORT` or `https://...`. */
  url: string;
  username?: string;
  password?: string;
  /** PEM of the self-signed certificate (TLS only); it is its own CA. */
  caFile?: string;
  /** A directory with `ca.crt` for Buildah's/containers' `--cert-dir` (TLS only). */
  certDir?: string;
  /** A DOCKER_CONFIG directory whose config.json has `auths` for this registry (auth only). */
  dockerConfigDir?: string;
  /** The token server, for `auth: 'token'` (its `requests` show token fetches). */
  tokenServer?: TokenServer;
  /** Storage root of the registry (to inspect or corrupt it in tests). */
  storageDir: string;
  /** Last lines the registry process wrote (for diagnosing a failing test). */
  output(): string;
  stop(): Promise<void>;
}

const REGISTRY_BIN = '/usr/bin/docker-registry';

export async function startRegistry(opts: RegistryOptions = {}): Promise<TestRegistry> {
  const dir = await makeTempDir('registry');
  const storageDir = join(dir, 'storage');
  await mkdir(storageDir);
  let username: string | undefined;
  let password: string | undefined;
  let htpasswdFile: string | undefined;
  let tokenServer: TokenServer | undefined;
  if (opts.auth) {
    username = 'tester';
    password = `pw-${randomBytes(9).toString('hex')}`;
  }
  if (opts.auth === 'token') {
    tokenServer = await startTokenServer(dir, { [username!]: password! }, { expiresIn: opts.tokenExpiresIn });
  } else if (opts.auth) {
    const { stdout } = await execa('htpasswd', ['-Bbn', username!, password!]);
    htpasswdFile = join(dir, 'htpasswd');
    await writeFile(htpasswdFile, stdout.trim() + '\n');
  }
  let caFile: string | undefined;
  let keyFile: string | undefined;
  let certDir: string | undefined;
  if (opts.tls) {
    caFile = join(dir, 'cert.pem');
    keyFile = join(dir, 'key.pem');
    await execa('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-keyout', keyFile, '-out', caFile, '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-addext', 'basicConstraints=critical,CA:TRUE',
    ]);
    certDir = join(dir, 'certs.d');
    await mkdir(certDir);
    await writeFile(join(certDir, 'ca.crt'), await readFile(caFile));
  }

  // The port may be taken between freePort() and the registry's bind; retry.
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const url = `${opts.tls ? 'https' : 'http'}://${host}`;
    const configFile = join(dir, 'config.yml');
    const lines = [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storageDir}`,
      '  delete:',
      '    enabled: true',
      '  maintenance:',
      '    uploadpurging:',
      '      enabled: false',
      'http:',
      `  addr: ${host}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
    ];
    if (opts.tls) lines.push('  tls:', `    certificate: ${caFile}`, `    key: ${keyFile}`);
    if (htpasswdFile) lines.push('auth:', '  htpasswd:', '    realm: basic-realm', `    path: ${htpasswdFile}`);
    if (tokenServer) {
      lines.push('auth:', '  token:', `    realm: ${tokenServer.realm}`, `    service: ${tokenServer.service}`,
        `    issuer: ${tokenServer.issuer}`, `    rootcertbundle: ${tokenServer.certFile}`);
    }
    await writeFile(configFile, lines.join('\n') + '\n');

    const child = spawn(REGISTRY_BIN, ['serve', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (b: Buffer) => { out = (out + b.toString()).slice(-8000); };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exited = false;
    child.on('exit', () => { exited = true; });

    const ready = await waitReady(url, () => exited, 15_000);
    if (!ready) {
      lastError = out;
      await killChild(child);
      continue;
    }
    let dockerConfigDir: string | undefined;
    if (username && password) {
      dockerConfigDir = join(dir, 'docker-config');
      await mkdir(dockerConfigDir);
      const auth = Buffer.from(`${username}:${password}`).toString('base64');
      await writeFile(join(dockerConfigDir, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }, null, 2));
    }
    let stopped = false;
    return {
      host, url, username, password, caFile, certDir, dockerConfigDir, storageDir, tokenServer,
      output: () => out,
      async stop() {
        if (stopped) return;
        stopped = true;
        await killChild(child);
        await tokenServer?.stop();
        await removeDir(dir);
      },
    };
  }
  await tokenServer?.stop();
  await removeDir(dir);
  throw new Error(`docker-registry did not start:\n${lastError}`);
}

function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const u = new URL('/v2/', url);
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'GET', rejectUnauthorized: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
    req.end();
  });
}

async function waitReady(url: string, exited: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) return false;
    const status = await probe(url);
    if (status === 200 || status === 401) return true;
    await sleep(50);
  }
  return false;
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}
