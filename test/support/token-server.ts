// A registry token server (docker token auth spec) for distribution's
// `auth.token` mode: checks Basic credentials and issues RS256 JWTs with the
// signing certificate in `x5c`, granting the requested repository actions.
// It records every token request, so tests can assert token caching.
import { createSign, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { execa } from 'execa';

export interface TokenRequest {
  method: string;
  user?: string;
  scopes: string[];
  service?: string;
  granted: boolean;
}

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  /** PEM the registry trusts (rootcertbundle). */
  certFile: string;
  requests: TokenRequest[];
  stop(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export async function startTokenServer(dir: string, users: Record<string, string>, opts: { expiresIn?: number } = {}): Promise<TokenServer> {
  const keyFile = join(dir, 'token-key.pem');
  const certFile = join(dir, 'token-cert.pem');
  await execa('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-keyout', keyFile, '-out', certFile, '-subj', '/CN=token-issuer']);
  const key = await readFile(keyFile, 'utf8');
  const der = new X509Certificate(await readFile(certFile)).raw;
  const service = 'werf-action-test-registry';
  const issuer = 'werf-action-test-issuer';
  const requests: TokenRequest[] = [];
  const expiresIn = opts.expiresIn ?? 300;

  const issue = (user: string, scopes: string[]) => {
    const now = Math.floor(Date.now() / 1000);
    const access = scopes.map((s) => {
      const parts = s.split(':');
      const actions = parts.pop()!.split(',').filter(Boolean);
      const type = parts.shift()!;
      return { type, name: parts.join(':'), actions };
    });
    const header = { typ: 'JWT', alg: 'RS256', x5c: [der.toString('base64')] };
    const claims = { iss: issuer, sub: user, aud: service, exp: now + expiresIn, nbf: now - 10, iat: now, jti: `${now}-${Math.random()}`, access };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const sig = createSign('RSA-SHA256').update(input).sign(key);
    return `${input}.${b64url(sig)}`;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let scopes = url.searchParams.getAll('scope');
    let svc = url.searchParams.get('service') ?? undefined;
    let user: string | undefined;
    let ok = false;
    if (req.method === 'POST') {
      let body = '';
      for await (const c of req) body += (c as Buffer).toString();
      const form = new URLSearchParams(body);
      scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      svc = form.get('service') ?? undefined;
      // Refresh tokens are "refresh:<user>" in this test server.
      const rt = form.get('refresh_token') ?? '';
      if (rt.startsWith('refresh:') && users[rt.slice(8)] !== undefined) { user = rt.slice(8); ok = true; }
    } else {
      const auth = req.headers.authorization ?? '';
      if (auth.startsWith('Basic ')) {
        const dec = Buffer.from(auth.slice(6), 'base64').toString();
        const i = dec.indexOf(':');
        user = dec.slice(0, i);
        ok = users[user] !== undefined && users[user] === dec.slice(i + 1);
      }
    }
    scopes = scopes.flatMap((s) => s.split(' ')).filter(Boolean);
    requests.push({ method: req.method ?? 'GET', user, scopes, service: svc, granted: ok });
    if (!ok) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] }));
      return;
    }
    const token = issue(user!, scopes);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.method === 'POST' ? { access_token: token, expires_in: expiresIn } : { token, expires_in: expiresIn, issued_at: new Date().toISOString() }));
  };

  const server = createServer((req, res) => { handle(req, res).catch(() => { res.writeHead(500); res.end(); }); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('token server: no port');
  return {
    realm: `http://127.0.0.1:${addr.port}/token`, service, issuer, certFile, requests,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
