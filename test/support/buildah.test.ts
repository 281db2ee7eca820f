import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { buildahEnv, pushBusyboxBase, startRegistry, type BuildahEnv, type TestRegistry } from './index.js';

function httpsJson(url: string, ca: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('buildahEnv + pushBusyboxBase', () => {
  let bah: BuildahEnv;
  before(async () => { bah = await buildahEnv(); });
  after(async () => { await bah.cleanup(); });

  it('uses its own vfs storage root', async () => {
    assert.equal(bah.env.STORAGE_DRIVER, 'vfs');
    assert.equal(bah.env.BUILDAH_ISOLATION, 'chroot');
    const info = JSON.parse(await bah.buildah('info')) as { store: { GraphRoot: string; GraphDriverName: string; RunRoot: string } };
    assert.equal(info.store.GraphRoot, bah.root);
    assert.equal(info.store.RunRoot, bah.runroot);
    assert.equal(info.store.GraphDriverName, 'vfs');
  });

  describe('plain registry', () => {
    let reg: TestRegistry;
    before(async () => { reg = await startRegistry(); });
    after(async () => { await reg.stop(); });

    it('pushes a runnable busybox image made from the host binary', async () => {
      const ref = await pushBusyboxBase(reg, bah);
      assert.equal(ref, `${reg.host}/base/busybox:latest`);
      const res = await fetch(`${reg.url}/v2/base/busybox/manifests/latest`, { headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
      assert.equal(res.status, 200);
      const m = await res.json() as { mediaType: string; layers: unknown[] };
      assert.equal(m.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
      assert.equal(m.layers.length, 1);
      // Pull it back by name into the same storage and run an applet.
      await bah.buildah('rmi', '--all', '--force');
      const ctr = await bah.buildah('from', '--quiet', '--tls-verify=false', `docker://${ref}`);
      const out = await bah.buildah('run', ctr, '--', 'sh', '-c', 'echo hi from $(cat /etc/group | head -1)');
      assert.equal(out, 'hi from root:x:0:');
      await bah.buildah('rm', ctr);
    });
  });

  describe('TLS + auth registry', () => {
    let reg: TestRegistry;
    before(async () => { reg = await startRegistry({ tls: true, auth: true }); });
    after(async () => { await reg.stop(); });

    it('pushes with the CA and credentials', async () => {
      const ref = await pushBusyboxBase(reg, bah, { name: 'other/bb:v1', format: 'oci' });
      assert.equal(ref, `${reg.host}/other/bb:v1`);
      const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
      const res = await httpsJson(`${reg.url}/v2/other/bb/tags/list`, await readFile(reg.caFile!), { authorization: basic });
      assert.equal(res.status, 200);
      assert.deepEqual(JSON.parse(res.body).tags, ['v1']);
    });
  });

  it('cleanup() removes the storage', async () => {
    const b = await buildahEnv();
    await b.buildah('from', 'scratch');
    await b.cleanup();
    assert.equal(existsSync(b.root), false);
  });
});
