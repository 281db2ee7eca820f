// Unit tests: tag names and parsing, the tag index, manifest-only images, build report.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { legacyMurmurHash } from '../digest/hash.js';
import { WerfActionError } from '../errors/index.js';
import {
  classifyTag, managedImageTag, managedImageId, unslugImageName, imageMetadataId, imageMetadataTag, customTagMetaTag,
  rejectedStageTag, stageTag, TagIndex, buildManifestOnlyImage, goTime, EMPTY_TAR_DIFF_ID,
  buildReportJson, buildReportEnv, parseBuildReport, imageEnvPrefix, type BuildReport,
} from './index.js';

const D1 = 'a'.repeat(56);
const D2 = 'b'.repeat(56);
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

describe('records: tag names', () => {
  it('classifies every kind of tag werf writes', () => {
    assert.deepEqual(classifyTag(`${D1}-1700000000000`), { kind: 'stage', tag: `${D1}-1700000000000`, digest: D1, createdAt: 1700000000000 });
    assert.deepEqual(classifyTag(D1), { kind: 'index', tag: D1, digest: D1 });
    assert.deepEqual(classifyTag(`${D1}-1700000000000-rejected`), { kind: 'rejected', tag: `${D1}-1700000000000-rejected`, stageTag: `${D1}-1700000000000`, digest: D1, createdAt: 1700000000000 });
    assert.deepEqual(classifyTag(`meta-1a2b_${COMMIT}_${D1}-1700000000000`), { kind: 'meta', tag: `meta-1a2b_${COMMIT}_${D1}-1700000000000`, imageMetadataId: '1a2b', commit: COMMIT, stageId: `${D1}-1700000000000` });
    assert.deepEqual(classifyTag('managed-image-a__slash__b'), { kind: 'managed-image', tag: 'managed-image-a__slash__b', imageName: 'a/b' });
    assert.deepEqual(classifyTag('managed-image-__nameless__'), { kind: 'managed-image', tag: 'managed-image-__nameless__', imageName: '' });
    assert.equal(classifyTag('custom-tag-meta-v1.0').kind, 'custom-tag-meta');
    assert.equal(classifyTag('import-metadata-abc').kind, 'import-metadata');
    assert.deepEqual(classifyTag('client-id-some-uuid-1700000000000'), { kind: 'client-id', tag: 'client-id-some-uuid-1700000000000', clientId: 'some-uuid', createdAt: 1700000000000 });
    assert.equal(classifyTag('cleanup').kind, 'cleanup');
    for (const t of ['latest', `${D1}-170000000000`, `${D1.slice(1)}-1700000000000`, `meta-x_y`, `${'A'.repeat(56)}-1700000000000`]) {
      assert.equal(classifyTag(t).kind, 'other', t);
    }
  });

  it('builds managed-image ids as werf slugs image names', () => {
    assert.equal(managedImageTag('backend'), 'managed-image-backend');
    assert.equal(managedImageTag('a/b+c d'), 'managed-image-a__slash__b__plus__c__space__d');
    assert.equal(managedImageTag(''), 'managed-image-__nameless__');
    assert.equal(unslugImageName(managedImageId('a/b+c d')), 'a/b+c d');
    const long = 'x'.repeat(200);
    const id = managedImageId(long);
    assert.ok(`managed-image-${id}`.length <= 128, 'long names are limited to a docker tag');
    assert.match(id, /-[0-9a-f]{1,8}$/);
  });

  it('names meta records by the legacy murmur hash of the image name', () => {
    assert.equal(imageMetadataId('backend'), legacyMurmurHash('backend'));
    assert.equal(imageMetadataId(''), legacyMurmurHash(''));
    const tag = imageMetadataTag('backend', COMMIT, `${D1}-1700000000000`);
    assert.equal(tag, `meta-${legacyMurmurHash('backend')}_${COMMIT}_${D1}-1700000000000`);
    const c = classifyTag(tag);
    assert.ok(c.kind === 'meta' && c.imageMetadataId === legacyMurmurHash('backend') && c.commit === COMMIT);
  });

  it('limits custom tag record names to 48 characters of slug', () => {
    assert.equal(customTagMetaTag('latest'), 'custom-tag-meta-latest');
    // '.' is not a slug character: werf's LimitedSlug appends the murmur hash of the original.
    assert.equal(customTagMetaTag('v1.0'), `custom-tag-meta-v1-0-${legacyMurmurHash('v1.0')}`);
    const t = customTagMetaTag(`release-${'z'.repeat(80)}`);
    assert.ok(t.length - 'custom-tag-meta-'.length <= 48, t);
    assert.equal(rejectedStageTag(`${D1}-1700000000000`), `${D1}-1700000000000-rejected`);
    assert.equal(stageTag(D1, 1700000000000), `${D1}-1700000000000`);
    assert.throws(() => stageTag('abc', 1700000000000));
    assert.throws(() => stageTag(D1, 17));
  });
});

describe('TagIndex', () => {
  const tags = [
    `${D1}-1700000000300`, `${D1}-1700000000100`, `${D1}-1700000000200`, `${D1}-1700000000100-rejected`,
    `${D2}-1700000000000`, 'latest', `meta-1_${COMMIT}_${D1}-1700000000200`, 'managed-image-app',
  ];
  it('lists stages of a digest oldest first, without rejected ones', () => {
    const idx = new TagIndex(tags, 5);
    assert.deepEqual(idx.stagesByDigest(D1).map((s) => s.createdAt), [1700000000200, 1700000000300]);
    assert.deepEqual(idx.stagesByDigest(D1, { notOlderThan: 1700000000250 }).map((s) => s.createdAt), [1700000000300]);
    assert.deepEqual(idx.stagesByDigest('c'.repeat(56)), []);
    assert.equal(idx.stages().length, 3);
    assert.equal(idx.ofKind('meta').length, 1);
    assert.equal(idx.listedAt, 5);
  });
  it('follows adds and removes', () => {
    const idx = new TagIndex(tags, 0);
    idx.add(`${D1}-1700000000200-rejected`);
    assert.deepEqual(idx.stagesByDigest(D1).map((s) => s.createdAt), [1700000000300]);
    idx.remove(`${D1}-1700000000300`);
    assert.deepEqual(idx.stagesByDigest(D1), []);
    assert.ok(!idx.has(`${D1}-1700000000300`));
  });
});

describe('manifest-only images', () => {
  it('is a Docker schema2 image with one empty-tar layer and the labels', () => {
    const img = buildManifestOnlyImage({ werf: 'proj', 'stage-id': 'x' }, Date.parse('2024-05-06T07:08:09.123Z'), 456000);
    const m = JSON.parse(img.manifest.toString());
    assert.equal(m.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.equal(m.config.mediaType, 'application/vnd.docker.container.image.v1+json');
    assert.equal(m.layers.length, 1);
    assert.equal(m.layers[0].mediaType, 'application/vnd.docker.image.rootfs.diff.tar.gzip');
    assert.deepEqual(gunzipSync(img.layer), Buffer.alloc(1024));
    assert.equal(m.layers[0].digest, `sha256:${createHash('sha256').update(img.layer).digest('hex')}`);
    const cfg = JSON.parse(img.config.toString());
    assert.deepEqual(cfg.config.Labels, { werf: 'proj', 'stage-id': 'x' });
    assert.deepEqual(cfg.rootfs, { type: 'layers', diff_ids: [EMPTY_TAR_DIFF_ID] });
    assert.equal(cfg.created, '2024-05-06T07:08:09.123456Z');
    assert.equal(cfg.history.length, 1);
    assert.equal(img.digest, `sha256:${createHash('sha256').update(img.manifest).digest('hex')}`);
  });
  it('never gives two records the same manifest, even in the same millisecond', () => {
    const a = buildManifestOnlyImage({ werf: 'p' }, 1700000000000);
    const b = buildManifestOnlyImage({ werf: 'p' }, 1700000000000);
    assert.notEqual(a.digest, b.digest);
  });
  it('formats times as Go does', () => {
    assert.equal(goTime(Date.parse('2024-01-02T03:04:05.000Z'), 0), '2024-01-02T03:04:05Z');
    assert.equal(goTime(Date.parse('2024-01-02T03:04:05.100Z'), 0), '2024-01-02T03:04:05.1Z');
    assert.equal(goTime(Date.parse('2024-01-02T03:04:05.000Z'), 1), '2024-01-02T03:04:05.000000001Z');
  });
});

describe('build report', () => {
  const report: BuildReport = {
    Images: {
      'web/app': {
        Stages: [{ BuildTime: '1.50', Name: 'dockerfile', DockerImageName: 'r/p:t', DockerTag: 't', DockerImageID: 'sha256:c', DockerImageDigest: 'sha256:m', CreatedAt: 1, Size: 10, SourceType: '', BaseImagePulled: false, Rebuilt: true }],
        WerfImageName: 'web/app', DockerRepo: 'r/p', DockerTag: 't', DockerImageID: 'sha256:c', DockerImageDigest: 'sha256:m', DockerImageName: 'r/p:t',
        TargetPlatform: '', Rebuilt: true, Final: true, Size: 10, BuildTime: '1.50', Commit: 'a'.repeat(40),
      },
      backend: {
        WerfImageName: 'backend', DockerRepo: 'r/p', DockerTag: 'u', DockerImageID: 'sha256:d', DockerImageDigest: 'sha256:n', DockerImageName: 'r/p:u',
        TargetPlatform: '', Rebuilt: false, Final: false, Size: 5, BuildTime: '0.00', Stages: null,
      },
    },
    ImagesByPlatform: {},
  };
  it('writes JSON with werf field order, sorted images, tab indent', () => {
    const json = buildReportJson(report);
    assert.ok(json.endsWith('}\n'));
    assert.ok(json.indexOf('"backend"') < json.indexOf('"web/app"'));
    assert.match(json, /\{\n\t"Images": \{\n\t\t"backend": \{\n\t\t\t"WerfImageName": "backend",\n\t\t\t"DockerRepo"/);
    assert.match(json, /"Stages": \[\n\t\t\t\t\{\n\t\t\t\t\t"Name": "dockerfile",\n\t\t\t\t\t"DockerImageName"/);
    assert.deepEqual(parseBuildReport(json, 'r.json').Images.backend, report.Images.backend);
    assert.deepEqual(parseBuildReport(json, 'r.json').Images['web/app'], report.Images['web/app']);
    // Commit sits between BuildTime and Stages; a report without it (werf's) has no Commit key
    assert.match(json, /"BuildTime": "1\.50",\n\t\t\t"Commit": "a{40}",\n\t\t\t"Stages": \[/);
    assert.match(json, /"BuildTime": "0\.00",\n\t\t\t"Stages": null/);
  });
  it('writes the env form', () => {
    const env = buildReportEnv(report);
    assert.match(env, /^WERF_BACKEND_DOCKER_IMAGE_NAME=r\/p:u$/m);
    assert.match(env, /^WERF_WEB_APP_DOCKER_TAG=t$/m);
    assert.match(env, /^WERF_WEB_APP_FINAL=true\nWERF_WEB_APP_COMMIT=a{40}$/m);
    assert.doesNotMatch(env, /^WERF_BACKEND_COMMIT=/m);
    assert.equal(imageEnvPrefix('my.img-x'), 'WERF_MY_IMG_X_');
    assert.equal(imageEnvPrefix(''), 'WERF_');
  });
  it('rejects invalid reports naming the file', () => {
    const bad = (text: string, re: RegExp) => assert.throws(() => parseBuildReport(text, '.werf-build-report.json'), (e: unknown) =>
      e instanceof WerfActionError && e.code === 'storage.bad-build-report' && e.location?.file === '.werf-build-report.json' && re.test(e.message));
    bad('{', /not JSON/);
    bad('{"Images":{}}', /no images/);
    const noDigest = structuredClone(report);
    noDigest.Images.backend!.DockerImageDigest = '';
    bad(JSON.stringify(noDigest), /image "backend" has empty DockerImageDigest/);
    const badCommit = structuredClone(report);
    badCommit.Images.backend!.Commit = 'HEAD';
    bad(JSON.stringify(badCommit), /image "backend" has an invalid Commit "HEAD"/);
  });
});
