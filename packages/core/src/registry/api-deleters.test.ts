// GitHub Packages and Docker Hub deleters against small fake API servers
// (the real APIs cannot be reached here): URLs, auth headers, pagination,
// owner type, retries, error messages without secrets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createContext } from '../context.js';
import { createLogger, memorySink } from '../log/index.js';
import { WerfActionError } from '../errors/index.js';
import { RegistryClient, createDeleter } from './index.js';

interface Seen { method: string; url: string; auth?: string; body: string }

async function fakeServer(handler: (req: IncomingMessage, body: string) => { status: number; body?: unknown; headers?: Record<string, string> }) {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += (c as Buffer).toString();
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
    const r = handler(req, body);
    res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
    res.end(r.body === undefined ? '' : JSON.stringify(r.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, seen, stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe('GitHubPackagesDeleter', () => {
  let api: Awaited<ReturnType<typeof fakeServer>>;
  const deleted: string[] = [];
  let throttled = false;
  before(async () => {
    // acme/app has 150 versions: version i carries tag t<i>; version 7 also carries "v7-alias".
    api = await fakeServer((req) => {
      const u = new URL(req.url!, 'http://x');
      if (u.pathname === '/users/acme') return { status: 200, body: { login: 'acme', type: 'Organization' } };
      if (u.pathname === '/users/me') return { status: 200, body: { login: 'me', type: 'User' } };
      const list = /^\/(orgs\/acme|user)\/packages\/container\/([^/]+)\/versions$/.exec(u.pathname);
      if (list && req.method === 'GET') {
        if (!throttled) { throttled = true; return { status: 429, headers: { 'retry-after': '0' }, body: { message: 'slow down' } }; }
        const page = Number(u.searchParams.get('page'));
        const per = Number(u.searchParams.get('per_page'));
        const all = Array.from({ length: 150 }, (_, i) => ({ id: 1000 + i, metadata: { container: { tags: i === 7 ? ['t7', 'v7-alias'] : [`t${i}`] } } }));
        return { status: 200, body: all.slice((page - 1) * per, page * per) };
      }
      const del = /^\/(orgs\/acme|user)\/packages\/container\/([^/]+)\/versions\/(\d+)$/.exec(u.pathname);
      if (del && req.method === 'DELETE') { deleted.push(`${del[1]} ${decodeURIComponent(del[2]!)} ${del[3]}`); return { status: 204 }; }
      return { status: 404, body: { message: 'Not Found' } };
    });
  });
  after(async () => { await api.stop(); });

  it('lists versions page by page, deletes the version of a tag, and knows its other tags are gone', async () => {
    const ctx = createContext({ log: createLogger(memorySink()), env: {} });
    const client = new RegistryClient(ctx);
    const d = createDeleter(ctx, 'github', { githubToken: 'ghp_secret_token', githubApiUrl: api.url });
    const repo = client.repository('ghcr.io/acme/app/stages');
    assert.equal(await d.deleteTag(repo, { tag: 't7' }), 'deleted');
    assert.equal(await d.deleteTag(repo, { tag: 'v7-alias' }), 'not-found', 'same version, already deleted');
    assert.equal(await d.deleteTag(repo, { tag: 't149' }), 'deleted');
    assert.equal(await d.deleteTag(repo, { tag: 'absent' }), 'not-found');
    assert.deepEqual(deleted, ['orgs/acme app/stages 1007', 'orgs/acme app/stages 1149']);
    const lists = api.seen.filter((s) => s.method === 'GET' && s.url.includes('/versions'));
    assert.deepEqual(lists.map((s) => s.url), [
      '/orgs/acme/packages/container/app%2Fstages/versions?page=1&per_page=100',
      '/orgs/acme/packages/container/app%2Fstages/versions?page=1&per_page=100',
      '/orgs/acme/packages/container/app%2Fstages/versions?page=2&per_page=100',
      '/orgs/acme/packages/container/app%2Fstages/versions?page=3&per_page=100',
    ], 'one listing per package (the first page retried after a 429)');
    assert.ok(api.seen.every((s) => s.auth === 'Bearer ghp_secret_token'));
    await client.close();
  });

  it("uses /user/packages for a user's own packages", async () => {
    const ctx = createContext({ log: createLogger(memorySink()), env: {} });
    const d = createDeleter(ctx, 'github', { githubToken: 'ghp_other', githubApiUrl: api.url });
    const client = new RegistryClient(ctx);
    assert.equal(await d.deleteTag(client.repository('ghcr.io/me/tool'), { tag: 't1' }), 'deleted');
    assert.equal(deleted.at(-1), 'user tool 1001');
    await client.close();
  });

  it('reports API failures without the token', async () => {
    const sink = memorySink();
    const ctx = createContext({ log: createLogger(sink), env: {} });
    const d = createDeleter(ctx, 'github', { githubToken: 'ghp_secret_token', githubApiUrl: api.url });
    const client = new RegistryClient(ctx);
    await assert.rejects(d.deleteTag(client.repository('ghcr.io/nobody/x'), { tag: 't1' }), (e: unknown) =>
      e instanceof WerfActionError && /GitHub API: get owner nobody: HTTP 404 Not Found/.test(e.message) && !e.format().includes('ghp_secret_token'));
    await client.close();
  });
});

describe('DockerHubDeleter', () => {
  let api: Awaited<ReturnType<typeof fakeServer>>;
  before(async () => {
    api = await fakeServer((req, body) => {
      if (req.url === '/v2/users/login/' && req.method === 'POST') {
        const b = JSON.parse(body) as { username: string; password: string };
        return b.password === 'hub-pass' ? { status: 200, body: { token: 'jwt-abc' } } : { status: 401, body: { detail: 'Incorrect authentication credentials' } };
      }
      if (req.method === 'DELETE' && req.headers.authorization === 'JWT jwt-abc') {
        return req.url === '/v2/repositories/acct/app/tags/gone/' ? { status: 404, body: { message: 'not found' } } : { status: 204 };
      }
      return { status: 403, body: { message: 'forbidden' } };
    });
  });
  after(async () => { await api.stop(); });

  it('logs in once and deletes tags with the JWT', async () => {
    const ctx = createContext({ log: createLogger(memorySink()), env: {} });
    const d = createDeleter(ctx, 'dockerhub', { dockerHubUsername: 'acct', dockerHubPassword: 'hub-pass', dockerHubApiUrl: api.url });
    const client = new RegistryClient(ctx);
    const repo = client.repository('acct/app');
    assert.equal(await d.deleteTag(repo, { tag: 'v1' }), 'deleted');
    assert.equal(await d.deleteTag(repo, { tag: 'gone' }), 'not-found');
    assert.equal(api.seen.filter((s) => s.url === '/v2/users/login/').length, 1);
    assert.deepEqual(api.seen.filter((s) => s.method === 'DELETE').map((s) => s.url), ['/v2/repositories/acct/app/tags/v1/', '/v2/repositories/acct/app/tags/gone/']);
    const bad = createDeleter(ctx, 'dockerhub', { dockerHubUsername: 'acct', dockerHubPassword: 'wrong-pass', dockerHubApiUrl: api.url });
    await assert.rejects(bad.deleteTag(repo, { tag: 'v1' }), (e: unknown) =>
      e instanceof WerfActionError && e.code === 'registry.unauthorized' && !e.message.includes('wrong-pass'));
    assert.throws(() => createDeleter(ctx, 'dockerhub'), /needs a Hub token/);
    await client.close();
  });
});
