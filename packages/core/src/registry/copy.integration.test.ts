// copyImage between repositories of one registry (blob mount) and across
// registries (read + upload), for images and indexes, with token auth.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startRegistry, type TestRegistry } from '../../../../test/support/index.js';
import { createContext } from '../context.js';
import { createLogger, memorySink } from '../log/index.js';
import { WerfActionError } from '../errors/index.js';
import { copyImage, MediaType, RegistryClient, type Repository } from './index.js';

async function pushImage(repo: Repository, ref: string, marker: string): Promise<string> {
  const layer = await repo.uploadBlob(Buffer.from(`layer bytes ${marker}`), MediaType.OciLayerTar);
  const config = await repo.uploadBlob(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { marker } }, rootfs: { type: 'layers', diff_ids: [layer.digest] } }), MediaType.OciConfig);
  return repo.putManifest(ref, JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [layer] }), MediaType.OciManifest);
}

describe('copyImage', () => {
  let a: TestRegistry;
  let b: TestRegistry;
  let client: RegistryClient;
  before(async () => {
    [a, b] = await Promise.all([startRegistry({ auth: 'token' }), startRegistry()]);
    client = new RegistryClient(createContext({ log: createLogger(memorySink()), env: {} }), {
      insecureRegistry: true,
      credentials: { [a.host]: { username: a.username, password: a.password } },
    });
  });
  after(async () => { await client.close(); await Promise.all([a.stop(), b.stop()]); });

  it('mounts blobs between repositories of one registry and keeps the digest', async () => {
    const src = client.repository(`${a.host}/proj/stages`);
    const dst = client.repository(`${a.host}/proj/final`);
    const digest = await pushImage(src, 'tag1', 'one');
    a.tokenServer!.requests.length = 0;
    const r = await copyImage(src, 'tag1', dst, 'tag1');
    assert.deepEqual(r, { digest, uploaded: 0, mounted: 2, skipped: 0 });
    assert.deepEqual(await dst.getLabels('tag1'), { marker: 'one' });
    assert.ok(a.tokenServer!.requests.some((t) => t.scopes.includes('repository:proj/stages:pull') && t.scopes.includes('repository:proj/final:pull,push')),
      'the mount token covers both repositories');
    const again = await copyImage(src, 'tag1', dst, 'tag1-again');
    assert.equal(again.skipped, 2);
  });

  it('uploads across registries, including every image of an index', async () => {
    const src = client.repository(`${a.host}/proj/multi`);
    const d1 = await pushImage(src, 'amd', 'amd64');
    const d2 = await pushImage(src, 'arm', 'arm64');
    const index = JSON.stringify({
      schemaVersion: 2, mediaType: MediaType.OciIndex,
      manifests: [
        { mediaType: MediaType.OciManifest, digest: d1, size: (await src.getManifest(d1))!.size, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: MediaType.OciManifest, digest: d2, size: (await src.getManifest(d2))!.size, platform: { os: 'linux', architecture: 'arm64' } },
      ],
    });
    const idx = await src.putManifest('multi', index, MediaType.OciIndex);
    const dst = client.repository(`${b.host}/copied`);
    const r = await copyImage(src, 'multi', dst, 'v1');
    assert.equal(r.digest, idx);
    assert.equal(r.uploaded, 4);
    assert.deepEqual(await dst.getLabels('v1'), { marker: 'amd64' }, 'linux/amd64 chosen from the index');
    assert.deepEqual((await dst.getImageConfig('v1', { architecture: 'arm64' }))?.config?.Labels, { marker: 'arm64' });
  });

  it('streams large blobs between registries (token auth on the source) without buffering them', async () => {
    const { randomBytes } = await import('node:crypto');
    const src = client.repository(`${a.host}/proj/big`);
    const big = randomBytes(3 * 1024 * 1024);
    const layer = await src.uploadBlob(big, MediaType.OciLayerTar);
    const config = await src.uploadBlob(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { big: 'yes' } }, rootfs: { type: 'layers', diff_ids: [layer.digest] } }), MediaType.OciConfig);
    const digest = await src.putManifest('v1', JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [layer] }), MediaType.OciManifest);
    // A fresh client: the streamed GET must reuse the token the buffered HEAD fetched.
    const c2 = new RegistryClient(createContext({ log: createLogger(memorySink()), env: {} }), {
      insecureRegistry: true, credentials: { [a.host]: { username: a.username, password: a.password } },
    });
    try {
      const r = await copyImage(c2.repository(`${a.host}/proj/big`), 'v1', c2.repository(`${b.host}/big`), 'v1', { streamThreshold: 1024 });
      assert.deepEqual(r, { digest, uploaded: 2, mounted: 0, skipped: 0 });
      const dst = c2.repository(`${b.host}/big`);
      assert.ok((await dst.getBlob(layer.digest)).equals(big), 'the streamed layer arrives intact');
      assert.deepEqual(await dst.getLabels('v1'), { big: 'yes' });
    } finally {
      await c2.close();
    }
  });

  it('names a missing source', async () => {
    await assert.rejects(copyImage(client.repository(`${b.host}/none`), 'x', client.repository(`${b.host}/y`), 'x'),
      (e: unknown) => e instanceof WerfActionError && e.code === 'registry.manifest-unknown' && e.message.includes(`${b.host}/none:x`));
  });
});
