import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { startRegistry, type TestRegistry } from './index.js';

function httpsGet(url: string, ca?: Buffer, auth?: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: auth ? { authorization: auth } : {} }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startRegistry', () => {
  describe('plain', () => {
    let reg: TestRegistry;
    before(async () => { reg = await startRegistry(); });
    after(async () => { await reg.stop(); });

    it('answers /v2/ on 127.0.0.1 over http without auth', async () => {
      assert.match(reg.host, /^127\.0\.0\.1:\d+$/);
      assert.equal(reg.url, `http://${reg.host}`);
      const res = await fetch(`${reg.url}/v2/`);
      assert.equal(res.status, 200);
      assert.equal(reg.username, undefined);
      assert.equal(reg.dockerConfigDir, undefined);
    });

    it('stores blobs and manifests and deletes manifests by digest', async () => {
      const config = Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}');
      const { createHash } = await import('node:crypto');
      const cdig = `sha256:${createHash('sha256').update(config).digest('hex')}`;
      const start = await fetch(`${reg.url}/v2/t/blobs/uploads/`, { method: 'POST' });
      assert.equal(start.status, 202);
      const loc = new URL(start.headers.get('location')!, reg.url);
      loc.searchParams.set('digest', cdig);
      const put = await fetch(loc, { method: 'PUT', body: config, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(put.status, 201);
      const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: cdig, size: config.length }, layers: [] });
      const mput = await fetch(`${reg.url}/v2/t/manifests/v1`, { method: 'PUT', body: manifest, headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' } });
      assert.equal(mput.status, 201);
      const digest = mput.headers.get('docker-content-digest')!;
      const tags = await (await fetch(`${reg.url}/v2/t/tags/list`)).json() as { tags: string[] };
      assert.deepEqual(tags.tags, ['v1']);
      const del = await fetch(`${reg.url}/v2/t/manifests/${digest}`, { method: 'DELETE' });
      assert.equal(del.status, 202, 'storage.delete.enabled must be on');
      const gone = await fetch(`${reg.url}/v2/t/manifests/v1`);
      assert.equal(gone.status, 404);
    });
  });

  describe('htpasswd auth', () => {
    let reg: TestRegistry;
    before(async () => { reg = await startRegistry({ auth: true }); });
    after(async () => { await reg.stop(); });

    it('rejects anonymous requests with a Basic challenge and accepts the generated user', async () => {
      const anon = await fetch(`${reg.url}/v2/`);
      assert.equal(anon.status, 401);
      assert.match(anon.headers.get('www-authenticate') ?? '', /^Basic realm="basic-realm"/);
      assert.ok(reg.username && reg.password);
      const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
      assert.equal((await fetch(`${reg.url}/v2/`, { headers: { authorization: basic } })).status, 200);
      const wrong = `Basic ${Buffer.from(`${reg.username}:nope`).toString('base64')}`;
      assert.equal((await fetch(`${reg.url}/v2/`, { headers: { authorization: wrong } })).status, 401);
    });

    it('writes a DOCKER_CONFIG dir with auths for the registry', async () => {
      const cfg = JSON.parse(await readFile(join(reg.dockerConfigDir!, 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> };
      const entry = cfg.auths[reg.host];
      assert.ok(entry);
      assert.equal(Buffer.from(entry.auth, 'base64').toString(), `${reg.username}:${reg.password}`);
    });
  });

  describe('self-signed TLS with auth', () => {
    let reg: TestRegistry;
    before(async () => { reg = await startRegistry({ tls: true, auth: true }); });
    after(async () => { await reg.stop(); });

    it('serves https that verifies with the generated CA only', async () => {
      assert.equal(reg.url, `https://${reg.host}`);
      const ca = await readFile(reg.caFile!);
      const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
      assert.equal((await httpsGet(`${reg.url}/v2/`, ca, basic)).status, 200);
      await assert.rejects(httpsGet(`${reg.url}/v2/`), /self-signed|self signed|unable to verify/i);
      assert.deepEqual(await readFile(join(reg.certDir!, 'ca.crt')), ca);
    });
  });

  it('stop() ends the process and frees the port', async () => {
    const reg = await startRegistry();
    await reg.stop();
    await assert.rejects(fetch(`${reg.url}/v2/`));
    await reg.stop(); // idempotent
  });
});

describe('startRegistry with token auth', () => {
  let reg: TestRegistry;
  before(async () => { reg = await startRegistry({ auth: 'token' }); });
  after(async () => { await reg.stop(); });

  it('challenges with Bearer and accepts tokens from its token server', async () => {
    const anon = await fetch(`${reg.url}/v2/`);
    assert.equal(anon.status, 401);
    const ch = anon.headers.get('www-authenticate') ?? '';
    assert.match(ch, /^Bearer realm="http:\/\/127\.0\.0\.1:\d+\/token",service="werf-action-test-registry"/);
    const ts = reg.tokenServer!;
    const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
    const bad = await fetch(`${ts.realm}?service=${ts.service}&scope=repository:p:pull`, { headers: { authorization: `Basic ${Buffer.from('tester:wrong').toString('base64')}` } });
    assert.equal(bad.status, 401);
    const tok = await (await fetch(`${ts.realm}?service=${ts.service}&scope=repository:p:pull`, { headers: { authorization: basic } })).json() as { token: string };
    const res = await fetch(`${reg.url}/v2/p/tags/list`, { headers: { authorization: `Bearer ${tok.token}` } });
    assert.equal(res.status, 404, 'authorized; the repository does not exist');
    const base = await fetch(`${reg.url}/v2/`, { headers: { authorization: `Bearer ${tok.token}` } });
    assert.equal(base.status, 200);
    assert.deepEqual(ts.requests.map((r) => r.granted), [false, true]);
  });
});
