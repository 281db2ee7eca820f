// The registry client against Debian's docker-registry (plain, htpasswd,
// token auth, TLS) and the fault-injecting proxy from test/support.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { freePort, startFaultProxy, startRegistry, type TestRegistry } from '../../../../test/support/index.js';
import { createContext, type Context } from '../context.js';
import { createLogger, memorySink } from '../log/index.js';
import { WerfActionError } from '../errors/index.js';
import { DefaultDeleter, MediaType, RegistryClient, type RequestEvent, type Repository } from './index.js';

function quietCtx(): Context & { text(): string } {
  const sink = memorySink();
  return Object.assign(createContext({ log: createLogger(sink, { verbose: true }), env: {} }), { text: () => sink.text() });
}

/** Push a tiny image (config with labels, no layers) and return its manifest digest. */
async function pushImage(repo: Repository, tag: string, labels: Record<string, string>, mediaType: string = MediaType.OciManifest): Promise<string> {
  const oci = mediaType === MediaType.OciManifest;
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: labels }, rootfs: { type: 'layers', diff_ids: [] } }));
  const cdesc = await repo.uploadBlob(config, oci ? MediaType.OciConfig : MediaType.DockerConfig);
  const manifest = { schemaVersion: 2, mediaType, config: cdesc, layers: [] };
  return repo.putManifest(tag, JSON.stringify(manifest), mediaType);
}

function isErr(code: string, re?: RegExp) {
  return (e: unknown) => e instanceof WerfActionError && e.code === code && (!re || re.test(e.message));
}

describe('RegistryClient (plain http registry)', () => {
  let reg: TestRegistry;
  let client: RegistryClient;
  const events: RequestEvent[] = [];
  before(async () => {
    reg = await startRegistry();
    client = new RegistryClient(quietCtx(), { insecureRegistry: [reg.host], onRequest: (e) => events.push(e) });
  });
  after(async () => { await client.close(); await reg.stop(); });

  it('pushes, reads, tags and lists with pagination', async () => {
    const repo = client.repository(`${reg.host}/proj/app`);
    assert.deepEqual(await repo.listTags(), [], 'missing repository lists no tags');
    assert.equal(await repo.headManifest('nope'), undefined);
    assert.equal(await repo.getManifest('nope'), undefined);
    const d1 = await pushImage(repo, 't1', { werf: 'proj', a: '1' });
    const d2 = await pushImage(repo, 't2', { werf: 'proj', a: '2' }, MediaType.DockerManifest);
    for (const t of ['t3', 't4', 't5']) await repo.tag('t1', t);
    const head = await repo.headManifest('t2');
    assert.deepEqual(head && [head.digest, head.mediaType], [d2, MediaType.DockerManifest]);
    const got = await repo.getManifest(d1);
    assert.equal(got?.digest, d1);
    assert.equal(got?.mediaType, MediaType.OciManifest);
    assert.deepEqual(await repo.getLabels('t2'), { werf: 'proj', a: '2' });
    assert.equal(await repo.getLabels('absent'), undefined);

    assert.deepEqual((await repo.listTags()).sort(), ['t1', 't2', 't3', 't4', 't5']);
  });

  it('follows Link pagination (distribution 2.8 ignores ?n=, so a paginating fake serves it)', async () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const srv = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const n = Number(u.searchParams.get('n'));
      const last = u.searchParams.get('last');
      const from = last ? all.indexOf(last) + 1 : 0;
      const page = all.slice(from, from + n);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (from + n < all.length) headers.link = `</v2/x/tags/list?n=${n}&last=${page.at(-1)}>; rel="next"`;
      res.writeHead(200, headers);
      res.end(JSON.stringify({ name: 'x', tags: page }));
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (srv.address() as { port: number }).port;
      events.length = 0;
      const c = new RegistryClient(quietCtx(), { insecureRegistry: true, onRequest: (e) => events.push(e) });
      assert.deepEqual(await c.repository(`127.0.0.1:${port}/x`).listTags(2), all);
      await c.close();
      assert.deepEqual(events.filter((e) => e.path.includes('/tags/list')).map((e) => e.path), ['/v2/x/tags/list?n=2', '/v2/x/tags/list?n=2&last=b', '/v2/x/tags/list?n=2&last=d']);
    } finally {
      await new Promise<void>((r) => { srv.closeAllConnections(); srv.close(() => r()); });
    }
  });

  it('skips uploading a blob that exists', async () => {
    const repo = client.repository(`${reg.host}/proj/blobs`);
    events.length = 0;
    const a = await repo.uploadBlob('same bytes');
    const b = await repo.uploadBlob('same bytes');
    assert.deepEqual(a, b);
    assert.equal(events.filter((e) => e.method === 'POST').length, 1);
    assert.equal((await repo.getBlob(a.digest)).toString(), 'same bytes');
    assert.equal(await repo.blobExists(a.digest), true);
  });

  it('deletes by digest, reports not-found, and the default deleter removes a tag', async () => {
    const repo = client.repository(`${reg.host}/proj/del`);
    const d = await pushImage(repo, 'keep', { x: '1' });
    await pushImage(repo, 'gone', { x: '2' });
    assert.equal(await repo.deleteManifest(d), 'deleted');
    assert.equal(await repo.deleteManifest(d), 'not-found');
    assert.deepEqual(await repo.listTags(), ['gone']);
    const deleter = new DefaultDeleter(quietCtx());
    assert.equal(await deleter.deleteTag(repo, { tag: 'gone' }), 'deleted');
    assert.equal(await deleter.deleteTag(repo, { tag: 'gone' }), 'not-found');
    assert.deepEqual(await repo.listTags(), []);
  });

  it('says which registry is unreachable', async () => {
    const c = new RegistryClient(quietCtx(), { insecureRegistry: true, retries: 1, backoffMs: 1, dockerConfigDir: '/nonexistent' });
    const port = await freePort();
    await assert.rejects(c.repository(`127.0.0.1:${port}/x`).listTags(), isErr('registry.unreachable', new RegExp(`registry 127\\.0\\.0\\.1:${port}: list tags.*ECONNREFUSED.*after 2 attempts; credentials: anonymous`)));
    await c.close();
  });
});

describe('RegistryClient auth', () => {
  let basicReg: TestRegistry;
  let tokenReg: TestRegistry;
  before(async () => {
    [basicReg, tokenReg] = await Promise.all([startRegistry({ auth: true }), startRegistry({ auth: 'token' })]);
  });
  after(async () => { await Promise.all([basicReg.stop(), tokenReg.stop()]); });

  it('uses Basic credentials from DOCKER_CONFIG', async () => {
    const ctx = quietCtx();
    const client = new RegistryClient({ ...ctx, env: { DOCKER_CONFIG: basicReg.dockerConfigDir } }, { insecureRegistry: true });
    const repo = client.repository(`${basicReg.host}/a/b`);
    await pushImage(repo, 'v1', { k: 'v' });
    assert.deepEqual(await repo.listTags(), ['v1']);
    await client.close();
  });

  it('learns the challenge once when the first requests to a host run in parallel', async () => {
    const seen: RequestEvent[] = [];
    const client = new RegistryClient({ ...quietCtx(), env: { DOCKER_CONFIG: basicReg.dockerConfigDir } }, { insecureRegistry: true, onRequest: (e) => seen.push(e) });
    const repo = client.repository(`${basicReg.host}/a/b`);
    await Promise.all(Array.from({ length: 6 }, () => repo.listTags()));
    const lists = seen.filter((e) => e.path.includes('/tags/list'));
    assert.deepEqual(lists.map((e) => e.status).sort(), [200, 200, 200, 200, 200, 200, 401]);
    await client.close();
  });

  it('fails with the registry and credential source, never the password', async () => {
    const anon = new RegistryClient(quietCtx(), { insecureRegistry: true, dockerConfigDir: '/nonexistent' });
    await assert.rejects(anon.repository(`${basicReg.host}/a/b`).listTags(), isErr('registry.unauthorized', new RegExp(`registry ${basicReg.host}: list tags of .*requires a login; credentials: anonymous`)));
    const ctx = quietCtx();
    const wrongPass = `${basicReg.password}-wrong`;
    const wrong = new RegistryClient(ctx, { insecureRegistry: true, credentials: { [basicReg.host]: { username: basicReg.username, password: wrongPass, source: 'WERF_REPO_PASSWORD' } } });
    await assert.rejects(wrong.repository(`${basicReg.host}/a/b`).listTags(), (e: unknown) =>
      isErr('registry.unauthorized', /credentials: WERF_REPO_PASSWORD/)(e) && !(e as Error).message.includes(wrongPass) && !(e as WerfActionError).format().includes(wrongPass));
    await anon.close();
    await wrong.close();
  });

  it('runs the Bearer token flow with cached tokens per scope', async () => {
    const ts = tokenReg.tokenServer!;
    const ctx = quietCtx();
    const client = new RegistryClient({ ...ctx, env: { DOCKER_CONFIG: undefined, HOME: '/nonexistent' } }, {
      insecureRegistry: true, credentials: { [tokenReg.host]: { username: tokenReg.username, password: tokenReg.password } },
    });
    const repo = client.repository(`${tokenReg.host}/t/app`);
    ts.requests.length = 0;
    await pushImage(repo, 'v1', { a: 'b' });
    await pushImage(repo, 'v2', { a: 'c' });
    assert.deepEqual((await repo.listTags()).sort(), ['v1', 'v2']);
    const byScope = ts.requests.map((r) => r.scopes.join(' '));
    // One token for pull+push (reused for both images), one for pull-only calls.
    assert.deepEqual([...new Set(byScope)].sort(), ['repository:t/app:pull', 'repository:t/app:pull,push']);
    assert.equal(ts.requests.length, 2, `token requests: ${byScope.join(' | ')}`);
    assert.equal(await repo.deleteManifest((await repo.headManifest('v1'))!.digest), 'deleted');
    assert.ok(ts.requests.some((r) => r.scopes.join(' ') === 'repository:t/app:delete,pull,push'));
    ctx.log.info(`leak check ${tokenReg.password}`);
    assert.ok(!ctx.text().includes(tokenReg.password!), 'the password is masked');
    await client.close();
  });

  it('fetches a new token when the registry rejects an expired one', async () => {
    const ts = tokenReg.tokenServer!;
    let now = Date.now();
    const client = new RegistryClient({ ...quietCtx(), now: () => now }, {
      insecureRegistry: true, credentials: { [tokenReg.host]: { username: tokenReg.username, password: tokenReg.password } },
    });
    const repo = client.repository(`${tokenReg.host}/t/app`);
    await repo.listTags();
    const before = ts.requests.length;
    await repo.listTags();
    assert.equal(ts.requests.length, before, 'cached token reused');
    now += 10 * 60_000; // past expires_in: the cache must not hand out the old token
    await repo.listTags();
    assert.equal(ts.requests.length, before + 1);
    await client.close();
  });

  it('shares one token fetch between concurrent requests', async () => {
    const ts = tokenReg.tokenServer!;
    const client = new RegistryClient(quietCtx(), { insecureRegistry: true, credentials: { [tokenReg.host]: { username: tokenReg.username, password: tokenReg.password } } });
    const repo = client.repository(`${tokenReg.host}/t/app`);
    await repo.headManifest('v2'); // learns the challenge
    const before = ts.requests.length;
    await Promise.all(Array.from({ length: 8 }, () => repo.listTags()));
    assert.equal(ts.requests.length, before, 'the pull token from the HEAD is reused');
    await Promise.all(Array.from({ length: 8 }, (_, i) => repo.uploadBlob(`concurrent ${i}`)));
    assert.equal(ts.requests.length, before + 1, 'one push token for eight concurrent uploads');
    await client.close();
  });

  it('uses an identity token (OAuth2 refresh) and reports a refused one', async () => {
    const client = new RegistryClient(quietCtx(), { insecureRegistry: true, credentials: { [tokenReg.host]: { identityToken: `refresh:${tokenReg.username}` } } });
    assert.ok((await client.repository(`${tokenReg.host}/t/app`).listTags()).includes('v2'));
    assert.equal(tokenReg.tokenServer!.requests.at(-1)?.method, 'POST');
    const bad = new RegistryClient(quietCtx(), { insecureRegistry: true, credentials: { [tokenReg.host]: { username: 'tester', password: 'nope-nope', source: 'test creds' } } });
    await assert.rejects(bad.repository(`${tokenReg.host}/t/app`).listTags(), isErr('registry.unauthorized', /token server 127\.0\.0\.1:\d+ refused the credentials.*credentials: test creds/));
    await client.close();
    await bad.close();
  });
});

describe('RegistryClient TLS', () => {
  let reg: TestRegistry;
  before(async () => { reg = await startRegistry({ tls: true }); });
  after(async () => { await reg.stop(); });

  it('verifies with a given CA, a certs.d dir, or skips verification; fails otherwise', async () => {
    const ca = await readFile(reg.caFile!, 'utf8');
    const withCa = new RegistryClient(quietCtx(), { caCerts: { [reg.host]: ca }, certsDirs: [] });
    assert.deepEqual(await withCa.repository(`${reg.host}/x`).listTags(), []);
    const { dirname } = await import('node:path');
    const { mkdir, copyFile } = await import('node:fs/promises');
    const certsd = `${dirname(reg.certDir!)}/certs-root`;
    await mkdir(`${certsd}/${reg.host}`, { recursive: true });
    await copyFile(reg.caFile!, `${certsd}/${reg.host}/ca.crt`);
    const withDir = new RegistryClient(quietCtx(), { certsDirs: [certsd] });
    assert.deepEqual(await withDir.repository(`${reg.host}/x`).listTags(), []);
    const skip = new RegistryClient(quietCtx(), { skipTlsVerifyRegistry: [reg.host] });
    assert.deepEqual(await skip.repository(`${reg.host}/x`).listTags(), []);
    const insecure = new RegistryClient(quietCtx(), { insecureRegistry: true, certsDirs: [] });
    assert.deepEqual(await insecure.repository(`${reg.host}/x`).listTags(), [], '--insecure-registry keeps HTTPS without verification');
    await insecure.close();
    const strict = new RegistryClient(quietCtx(), { certsDirs: [], retries: 0 });
    await assert.rejects(strict.repository(`${reg.host}/x`).listTags(), isErr('registry.unreachable', /SELF_SIGNED|self.signed|UNABLE_TO_VERIFY/i));
    for (const c of [withCa, withDir, skip, strict]) await c.close();
  });
});

describe('RegistryClient retries and limits', () => {
  let reg: TestRegistry;
  before(async () => { reg = await startRegistry(); });
  after(async () => { await reg.stop(); });

  it('retries 429 (honouring Retry-After), 500, 503 and resets, then succeeds', async () => {
    const proxy = await startFaultProxy(reg.url, [
      { method: 'GET', path: '/tags/list', fault: { status: 429, retryAfter: 1 }, times: 1 },
      { method: 'GET', path: '/tags/list', fault: { status: 503 }, times: 1 },
      { method: 'HEAD', path: '/manifests/', fault: 'reset', times: 1 },
      { method: 'PUT', path: '/manifests/', fault: { status: 500 }, times: 2 },
      { method: 'PUT', path: '/blobs/uploads/', fault: { status: 502 }, times: 1 },
    ]);
    const client = new RegistryClient(quietCtx(), { insecureRegistry: true, backoffMs: 5 });
    try {
      const repo = client.repository(`${proxy.host}/r/app`);
      await pushImage(repo, 'v1', { a: '1' });
      const t0 = Date.now();
      assert.deepEqual(await repo.listTags(), ['v1']);
      assert.ok(Date.now() - t0 >= 950, 'waited for Retry-After: 1');
      assert.ok(await repo.headManifest('v1'));
      assert.equal(proxy.injected(), 6);
      assert.equal(proxy.count('GET', '/tags/list'), 3);
      assert.equal(proxy.count('PUT', '/manifests/v1'), 3);
      assert.equal(proxy.count('HEAD', '/manifests/v1'), 2);
    } finally {
      await client.close();
      await proxy.stop();
    }
  });

  it('gives up after the retry budget with the last status', async () => {
    const proxy = await startFaultProxy(reg.url, [{ path: '/tags/list', fault: { status: 503 }, times: Infinity }]);
    const client = new RegistryClient(quietCtx(), { insecureRegistry: true, retries: 2, backoffMs: 1 });
    try {
      await assert.rejects(client.repository(`${proxy.host}/r/app`).listTags(), isErr('registry.http-error', /HTTP 503: INJECTED/));
      assert.equal(proxy.count('GET', '/tags/list'), 3);
    } finally {
      await client.close();
      await proxy.stop();
    }
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let max = 0;
    const srv = createServer((req, res) => {
      inFlight++;
      max = Math.max(max, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ name: 'x', tags: ['a'] }));
      }, 30);
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as { port: number }).port;
    const client = new RegistryClient(quietCtx(), { insecureRegistry: true, concurrency: 3 });
    try {
      const repo = client.repository(`127.0.0.1:${port}/x`);
      await Promise.all(Array.from({ length: 12 }, () => repo.listTags()));
      assert.equal(max, 3);
    } finally {
      await client.close();
      await new Promise<void>((r) => { srv.closeAllConnections(); srv.close(() => r()); });
    }
  });

  it('stops waiting when the context is aborted', async () => {
    const proxy = await startFaultProxy(reg.url, [{ path: '/tags/list', fault: { status: 429, retryAfter: 30 }, times: Infinity }]);
    const ac = new AbortController();
    const client = new RegistryClient({ ...quietCtx(), signal: ac.signal }, { insecureRegistry: true });
    try {
      const t0 = Date.now();
      setTimeout(() => ac.abort(new Error('cancelled by test')), 100);
      await assert.rejects(client.repository(`${proxy.host}/r/app`).listTags(), /cancelled by test/);
      assert.ok(Date.now() - t0 < 5000);
    } finally {
      await client.close();
      await proxy.stop();
    }
  });
});
