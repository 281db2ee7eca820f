// The stages storage against Debian's docker-registry: stage lookup, records
// written as werf writes them, deletes, request counts; one stage image is a
// real Buildah image.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { buildahEnv, pushBusyboxBase, registryFlags, startFaultProxy, startRegistry, type BuildahEnv, type TestRegistry } from '../../../../test/support/index.js';
import { createContext, type Context } from '../context.js';
import { createLogger, memorySink } from '../log/index.js';
import { legacyMurmurHash } from '../digest/hash.js';
import { RegistryClient, type RequestEvent } from '../registry/index.js';
import { buildManifestOnlyImage, Label, StagesStorage } from './index.js';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const D1 = '1'.repeat(56);
const D2 = '2'.repeat(56);
const D3 = '3'.repeat(56);

function ctxWithLog(): Context & { text(): string } {
  const sink = memorySink();
  return Object.assign(createContext({ log: createLogger(sink, { verbose: true }), env: {} }), { text: () => sink.text() });
}

describe('StagesStorage', () => {
  let reg: TestRegistry;
  let events: RequestEvent[];
  let client: RegistryClient;
  let ctx: Context;
  let repoCounter = 0;

  before(async () => {
    reg = await startRegistry();
    events = [];
    ctx = ctxWithLog();
    client = new RegistryClient(ctx, { insecureRegistry: true, onRequest: (e) => events.push(e) });
  });
  after(async () => { await client.close(); await reg.stop(); });

  /** A fresh repository per test, with stage images made of labels only. */
  async function freshStorage(stages: Record<string, Record<string, string>> = {}) {
    const repo = `${reg.host}/proj${++repoCounter}`;
    const storage = new StagesStorage(ctx, { repo, project: 'demo', client });
    for (const [tag, labels] of Object.entries(stages)) {
      const img = buildManifestOnlyImage({ werf: 'demo', ...labels }, 1700000000000);
      await storage.repository.uploadBlob(img.layer);
      await storage.repository.uploadBlob(img.config);
      await storage.repository.putManifest(tag, img.manifest, img.mediaType);
    }
    return storage;
  }

  it('finds the oldest valid stage of a digest, skipping rejected ones, with one tag listing', async () => {
    const storage = await freshStorage({
      [`${D1}-1700000000300`]: { [Label.StageContentDigest]: 'c300' },
      [`${D1}-1700000000100`]: { [Label.StageContentDigest]: 'c100' },
      [`${D1}-1700000000200`]: { [Label.StageContentDigest]: 'c200', [Label.ParentStageId]: `${D2}-1`, [Label.ProjectRepoCommit]: COMMIT },
      [`${D2}-1700000000000`]: {},
      [`${D1}-1700000000100-rejected`]: {},
    });
    events.length = 0;
    const found = await storage.findStage(D1);
    assert.equal(found?.tag, `${D1}-1700000000200`);
    assert.equal(found?.contentDigest, 'c200');
    assert.equal(found?.parentStageId, `${D2}-1`);
    assert.equal(found?.commit, COMMIT);
    assert.equal(found?.name, `${reg.host}/proj${repoCounter}:${D1}-1700000000200`);
    assert.match(found!.manifestDigest, /^sha256:[0-9a-f]{64}$/);
    assert.match(found!.imageId, /^sha256:[0-9a-f]{64}$/);
    assert.ok(found!.size > 0);
    assert.equal(await storage.findStage(D3), undefined);
    assert.equal((await storage.findStage(D1, { notOlderThan: 1700000000250 }))?.tag, `${D1}-1700000000300`);
    assert.equal((await storage.findStage(D1, { accept: (s) => s.contentDigest === 'c300' }))?.tag, `${D1}-1700000000300`);
    const lists = events.filter((e) => e.path.includes('/tags/list'));
    assert.equal(lists.length, 1, 'tags are listed once per run');
    // Per lookup that finds a stage: one manifest GET and one config blob GET.
    assert.equal(events.filter((e) => e.method === 'GET' && e.path.includes('/manifests/')).length, 4);
    assert.equal(events.filter((e) => e.method === 'GET' && e.path.includes('/blobs/')).length, 4);
    // Without labels a lookup is one manifest GET.
    events.length = 0;
    const light = await storage.findStage(D1, { labels: false });
    assert.equal(light?.manifestDigest, found?.manifestDigest);
    assert.equal(light?.imageId, found?.imageId);
    assert.deepEqual(light?.labels, {});
    assert.deepEqual(events.map((e) => `${e.method} ${e.path.replace(/\/v2\/[^/]+\//, '')}`), [`GET manifests/${D1}-1700000000200`]);
  });

  it('re-lists on refresh and skips a stage whose manifest vanished after the listing', async () => {
    const storage = await freshStorage({ [`${D1}-1700000000100`]: {}, [`${D1}-1700000000200`]: {} });
    assert.equal((await storage.findStage(D1))?.tag, `${D1}-1700000000100`);
    // Another process deletes the oldest stage (e.g. a concurrent cleanup).
    const other = new StagesStorage(ctx, { repo: storage.address, project: 'demo', client });
    assert.equal(await other.deleteTag(`${D1}-1700000000100`), 'deleted');
    assert.equal((await storage.findStage(D1))?.tag, `${D1}-1700000000200`, 'cached listing, missing manifest skipped');
    // A stage pushed by another builder appears only after a refresh.
    const img = buildManifestOnlyImage({ werf: 'demo' }, 1700000000000);
    await other.repository.uploadBlob(img.layer);
    await other.repository.uploadBlob(img.config);
    await other.repository.putManifest(`${D3}-1700000000500`, img.manifest, img.mediaType);
    assert.equal(await storage.findStage(D3), undefined);
    assert.equal((await storage.findStage(D3, { refresh: true }))?.tag, `${D3}-1700000000500`);
  });

  it('writes meta, managed-image, rejected, custom tag, import and cleanup records as werf does', async () => {
    const stage = `${D1}-1700000000100`;
    const storage = await freshStorage({ [stage]: { [Label.StageContentDigest]: 'c' } });
    const metaTag = await storage.putImageMetadata('backend', COMMIT, stage);
    assert.equal(metaTag, `meta-${legacyMurmurHash('backend')}_${COMMIT}_${stage}`);
    await storage.putImageMetadata('frontend/web', COMMIT, `${D2}-1700000000000`);
    await storage.putImageMetadata('gone', COMMIT, `${D3}-1700000000000`);
    assert.equal(await storage.addManagedImage('backend'), true);
    events.length = 0;
    assert.equal(await storage.addManagedImage('frontend/web'), true);
    assert.deepEqual(events.map((e) => e.method), ['POST', 'PUT', 'PUT'], 'a record after the first costs config upload + manifest PUT');
    events.length = 0;
    assert.equal(await storage.addManagedImage('backend'), false, 'existing record is not pushed again');
    assert.equal(events.length, 0);
    assert.deepEqual(await storage.managedImages(), ['backend', 'frontend/web']);
    const custom = await storage.addCustomTag(stage, 'v1.0');
    assert.match(custom.recordTag, /^custom-tag-meta-v1-0-[0-9a-f]+$/);
    await storage.putImportMetadata({ importSourceId: 'imp1', sourceStageId: stage, checksum: 'sum' });
    await storage.putCleanupRecord(1700000009999);

    // What a fresh reader (werf itself) sees in the registry.
    const reader = new StagesStorage(ctx, { repo: storage.address, project: 'demo', client });
    const tags = (await reader.repository.listTags()).sort();
    assert.deepEqual(tags, [
      stage, 'cleanup', custom.recordTag, 'import-metadata-imp1', 'managed-image-backend', 'managed-image-frontend__slash__web',
      `meta-${legacyMurmurHash('backend')}_${COMMIT}_${stage}`,
      `meta-${legacyMurmurHash('frontend/web')}_${COMMIT}_${D2}-1700000000000`,
      `meta-${legacyMurmurHash('gone')}_${COMMIT}_${D3}-1700000000000`,
      'v1.0',
    ].sort());
    assert.deepEqual(await reader.labels(metaTag!), { werf: 'demo' });
    assert.deepEqual(await reader.labels('managed-image-backend'), { werf: 'demo' });
    assert.deepEqual(await reader.labels(custom.recordTag), { werf: 'demo', 'stage-id': stage, tag: 'v1.0' });
    assert.deepEqual(await reader.customTags(), [{ tag: 'v1.0', stageId: stage, recordTag: custom.recordTag }]);
    assert.equal((await reader.repository.headManifest('v1.0'))?.digest, (await reader.repository.headManifest(stage))?.digest);
    assert.deepEqual(await reader.getImportMetadata('imp1'), { importSourceId: 'imp1', sourceStageId: stage, checksum: 'sum' });
    assert.equal(await reader.getImportMetadata('nope'), undefined);
    assert.equal(await reader.lastCleanupTimestamp(), 1700000009999);

    const m = await reader.repository.getManifest(metaTag!);
    assert.equal(m?.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    const layer = await reader.repository.getBlob((m!.manifest as { layers: { digest: string }[] }).layers[0]!.digest);
    assert.deepEqual(gunzipSync(layer), Buffer.alloc(1024));

    const groups = await reader.imageMetadata(['backend', 'frontend/web']);
    assert.deepEqual([...groups.byImage.get('backend')!.entries()], [[stage, [COMMIT]]]);
    assert.deepEqual([...groups.byImage.get('frontend/web')!.entries()], [[`${D2}-1700000000000`, [COMMIT]]]);
    assert.deepEqual([...groups.notManaged.keys()], [legacyMurmurHash('gone')]);

    // Deleting one record leaves its siblings (each record is its own manifest).
    assert.equal(await reader.deleteTag('managed-image-frontend__slash__web'), 'deleted');
    assert.deepEqual(await reader.managedImages(), ['backend']);
    assert.equal((await reader.repository.listTags()).length, tags.length - 1);
  });

  it('warns about a repository that is never cleaned up or full of meta records', async () => {
    const storage = await freshStorage({ [`${D1}-1700000000100`]: {} });
    assert.deepEqual((await storage.health()).warnings, []);
    for (let i = 0; i < 99; i++) (await storage.index()).add(`meta-1_${COMMIT}_${D1}-${1700000000000 + i}`);
    const h = await storage.health();
    assert.equal(h.tags, 100);
    assert.equal(h.metaTags, 99);
    assert.equal(h.warnings.length, 2);
    assert.match(h.warnings[0]!, /has 100 tags and was never cleaned up/);
    assert.match(h.warnings[1]!, /99% of the tags .* are meta-\* records/);
    await storage.putCleanupRecord(ctx.now() - 20 * 24 * 3600 * 1000);
    assert.match((await storage.health()).warnings[0]!, /last cleaned up 20 days ago/);
    await storage.putCleanupRecord(ctx.now());
    assert.equal((await storage.health()).warnings.length, 1);
  });

  it('settles a race between builders on different hosts: the oldest stage wins', async () => {
    const storage = await freshStorage({ [`${D1}-1700000000200`]: { who: 'us' } });
    // Alone: we win.
    assert.deepEqual(await storage.settleStage(D1, `${D1}-1700000000200`), { winner: `${D1}-1700000000200`, ours: 'won' });
    // Another host pushed an older stage of the same digest meanwhile (different content).
    const other = new StagesStorage(ctx, { repo: storage.address, project: 'demo', client });
    const img = buildManifestOnlyImage({ werf: 'demo', who: 'them' }, 1700000000000);
    await other.repository.uploadBlob(img.layer);
    await other.repository.uploadBlob(img.config);
    await other.repository.putManifest(`${D1}-1700000000100`, img.manifest, img.mediaType);
    assert.deepEqual(await storage.settleStage(D1, `${D1}-1700000000200`), { winner: `${D1}-1700000000100`, ours: 'deleted' });
    assert.deepEqual(await other.repository.listTags(), [`${D1}-1700000000100`]);
    // Same manifest under two tags: ours stays (deleting by digest would remove theirs).
    await other.repository.tag(`${D1}-1700000000100`, `${D1}-1700000000300`);
    assert.deepEqual(await storage.settleStage(D1, `${D1}-1700000000300`), { winner: `${D1}-1700000000100`, ours: 'kept-identical' });
    assert.equal((await other.repository.listTags()).length, 2);
  });

  it('deletes a listed tag whose manifest is broken by overwriting it first', async () => {
    const { rm } = await import('node:fs/promises');
    const storage = await freshStorage();
    const digest = await storage.pushRecord(`${D1}-1700000000100-rejected`);
    await storage.pushRecord('managed-image-keep');
    const hex = digest.slice('sha256:'.length);
    await rm(`${reg.storageDir}/docker/registry/v2/blobs/sha256/${hex.slice(0, 2)}/${hex}`, { recursive: true });
    const fresh = new StagesStorage(ctx, { repo: storage.address, project: 'demo', client });
    assert.deepEqual((await fresh.index()).tags().sort(), [`${D1}-1700000000100-rejected`, 'managed-image-keep']);
    assert.equal(await fresh.repository.headManifest(`${D1}-1700000000100-rejected`), undefined, 'broken: listed, unreadable');
    assert.equal(await fresh.deleteTag(`${D1}-1700000000100-rejected`, undefined, { brokenFallback: false }), 'not-found');
    (await fresh.index()).add(`${D1}-1700000000100-rejected`);
    assert.equal(await fresh.deleteTag(`${D1}-1700000000100-rejected`), 'deleted');
    assert.deepEqual(await fresh.repository.listTags(), ['managed-image-keep']);
  });

  it('ignores a rejected stage after rejectStage', async () => {
    const storage = await freshStorage({ [`${D1}-1700000000100`]: {}, [`${D1}-1700000000200`]: {} });
    assert.equal((await storage.findStage(D1))?.tag, `${D1}-1700000000100`);
    assert.equal(await storage.rejectStage(`${D1}-1700000000100`), `${D1}-1700000000100-rejected`);
    assert.equal((await storage.findStage(D1))?.tag, `${D1}-1700000000200`);
    const fresh = new StagesStorage(ctx, { repo: storage.address, project: 'demo', client });
    assert.equal((await fresh.findStage(D1))?.tag, `${D1}-1700000000200`);
    assert.deepEqual(await fresh.labels(`${D1}-1700000000100-rejected`), { werf: 'demo' });
  });

  it('survives a registry that throttles and fails while storing records', async () => {
    const proxy = await startFaultProxy(reg.url, [
      { method: 'GET', path: '/tags/list', fault: { status: 429, retryAfter: 0 }, times: 1 },
      { method: 'PUT', path: '/manifests/meta-', fault: { status: 503 }, times: 1 },
      { method: 'POST', path: '/blobs/uploads/', fault: 'reset', times: 1 },
    ]);
    const c = new RegistryClient(ctxWithLog(), { insecureRegistry: true, backoffMs: 5 });
    try {
      const storage = new StagesStorage(ctx, { repo: `${proxy.host}/flaky`, project: 'demo', client: c });
      assert.deepEqual(await storage.managedImages(), []);
      await storage.putImageMetadata('app', COMMIT, `${D1}-1700000000000`);
      assert.equal(await storage.addManagedImage('app'), true);
      assert.equal(proxy.injected(), 3);
      assert.deepEqual((await storage.repository.listTags()).sort(), ['managed-image-app', `meta-${legacyMurmurHash('app')}_${COMMIT}_${D1}-1700000000000`].sort());
    } finally {
      await c.close();
      await proxy.stop();
    }
  });
});

describe('StagesStorage with a Buildah-built stage image over token auth', () => {
  let reg: TestRegistry;
  let bah: BuildahEnv;
  before(async () => {
    [reg, bah] = await Promise.all([startRegistry({ auth: 'token' }), buildahEnv()]);
  });
  after(async () => { await bah.cleanup(); await reg.stop(); });

  it('describes a real image: manifest digest, image id, labels', async () => {
    const base = await pushBusyboxBase(reg, bah, { name: 'base/busybox:latest' });
    const stage = `${D1}-1700000000123`;
    const ref = `${reg.host}/app:${stage}`;
    const ctr = await bah.buildah('from', '--quiet', ...registryFlags(reg), `docker://${base}`);
    await bah.buildah('config', '--label', 'werf=demo', '--label', `${Label.StageContentDigest}=content1`, '--label', `${Label.ProjectRepoCommit}=${COMMIT}`, ctr);
    const imageId = await bah.buildah('commit', '--quiet', '--format', 'docker', ctr, ref);
    await bah.buildah('rm', ctr);
    await bah.buildah('push', '--quiet', ...registryFlags(reg), ref, `docker://${ref}`);

    const ctx = ctxWithLog();
    const client = new RegistryClient(ctx, { insecureRegistry: true, credentials: { [reg.host]: { username: reg.username, password: reg.password, source: 'test' } } });
    try {
      const storage = new StagesStorage(ctx, { repo: `${reg.host}/app`, project: 'demo', client });
      const found = await storage.findStage(D1);
      assert.equal(found?.tag, stage);
      assert.equal(found?.contentDigest, 'content1');
      assert.equal(found?.commit, COMMIT);
      assert.equal(found?.labels.werf, 'demo');
      assert.equal(found?.imageId, `sha256:${imageId.replace(/^sha256:/, '')}`, 'image id is the config digest Buildah reports');
      assert.ok(found!.size > 500_000, `busybox layer counted (${found!.size})`);
      await storage.putImageMetadata('app', COMMIT, stage);
      assert.equal(await storage.addManagedImage('app'), true);
      assert.ok(!ctx.text().includes(reg.password!));
    } finally {
      await client.close();
    }
  });
});
