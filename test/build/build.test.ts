// `build` end to end: real git, real Buildah (vfs, chroot), real registry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, loadBuildReport, type BuildProjectInput, type BuildReport } from '../../packages/core/src/commands/build.js';
import { createContext } from '../../packages/core/src/context.js';
import { createLogger, memorySink } from '../../packages/core/src/log/index.js';
import { RegistryClient, type RequestEvent } from '../../packages/core/src/registry/index.js';
import { WerfActionError } from '../../packages/core/src/errors/index.js';
import type { DockerfileImageSpec } from '../../packages/core/src/build/image.js';
import {
  startRegistry, buildahEnv, pushBusyboxBase, createGitRepo, startFaultProxy,
  type TestRegistry, type BuildahEnv, type TestGitRepo,
} from '../support/index.js';

let registry: TestRegistry;
let bah: BuildahEnv;
let base: string;
let repo: TestGitRepo;
let lockDir: string;

before(async () => {
  [registry, bah] = await Promise.all([startRegistry(), buildahEnv()]);
  base = await pushBusyboxBase(registry, bah);
  lockDir = await mkdtemp(join(tmpdir(), 'build-locks-'));
  repo = await createGitRepo({
    'lib/Dockerfile': 'ARG BASE\nFROM ${BASE}\nCOPY . /lib\nRUN cat /lib/lib.txt\n',
    'lib/lib.txt': 'lib v1\n',
    'lib/.dockerignore': '*.md\n',
    'lib/README.md': 'docs\n',
    'app/Dockerfile': 'ARG LIB_IMAGE\nFROM $LIB_IMAGE\nCOPY src /src\nRUN ls /src && cat /lib/lib.txt\n',
    'app/src/a.txt': 'a v1\n',
    'other/Dockerfile': 'ARG BASE\nFROM ${BASE}\nCOPY x.txt /x.txt\n',
    'other/x.txt': 'x\n',
  });
});
after(async () => {
  await repo?.cleanup();
  await bah?.cleanup();
  await registry?.stop();
  await rm(lockDir, { recursive: true, force: true });
});

function img(name: string, over: Partial<DockerfileImageSpec> = {}): { kind: 'dockerfile' } & DockerfileImageSpec {
  return {
    kind: 'dockerfile', name, final: true, dockerfile: 'Dockerfile', context: name, contextAddFiles: [],
    args: { BASE: base }, addHost: [], secrets: [], dependencies: [], platform: [], ...over,
  };
}

async function project(images = defaultImages()): Promise<BuildProjectInput> {
  return {
    dir: repo.dir, gitRoot: repo.dir, projectPath: '',
    commit: { hash: await repo.head(), date: new Date() },
    meta: { project: 'demo', build: { platform: [] } },
    images,
  };
}

function defaultImages() {
  return [
    img('lib'),
    img('app', { args: {}, dependencies: [{ image: 'lib', imports: [{ type: 'ImageName', targetBuildArg: 'LIB_IMAGE' }] }] }),
    img('other'),
  ];
}

function ctx() {
  const sink = memorySink();
  return { sink, ctx: createContext({ log: createLogger(sink), env: { ...process.env, ...bah.env } }) };
}

async function run(path: string, extra: Partial<Parameters<typeof build>[0]> = {}, events?: RequestEvent[]): Promise<BuildReport> {
  const { ctx: c } = ctx();
  const client = new RegistryClient(c, { insecureRegistry: true, onRequest: events ? (e) => events.push(e) : undefined });
  try {
    return await build({ project: await project(), repo: `${registry.host}/${path}`, insecureRegistry: true, registryClient: client, lockDir, ...extra }, c);
  } finally {
    await client.close();
  }
}

const rebuilt = (r: BuildReport) => Object.values(r.Images).filter((i) => i.Rebuilt).map((i) => i.WerfImageName).sort();
const tags = (r: BuildReport) => Object.fromEntries(Object.values(r.Images).map((i) => [i.WerfImageName, i.DockerTag]));

async function listTags(path: string): Promise<string[]> {
  const res = await fetch(`${registry.url}/v2/${path}/tags/list?n=1000`);
  return ((await res.json()) as { tags: string[] | null }).tags ?? [];
}

let first: BuildReport;

test('first build pushes every image with werf tags, labels and records; report in werf shape', async () => {
  first = await run('demo/main');
  assert.deepEqual(rebuilt(first), ['app', 'lib', 'other']);
  const app = first.Images.app!;
  assert.match(app.DockerTag, /^[0-9a-f]{56}-\d{13}$/);
  assert.equal(app.DockerRepo, `${registry.host}/demo/main`);
  assert.equal(app.DockerImageName, `${registry.host}/demo/main:${app.DockerTag}`);
  assert.match(app.DockerImageID, /^sha256:[0-9a-f]{64}$/);
  assert.match(app.DockerImageDigest, /^sha256:[0-9a-f]{64}$/);
  assert.equal(app.Stages?.[0]?.Name, 'dockerfile');
  assert.equal(app.Stages?.[0]?.Rebuilt, true);
  for (const i of Object.values(first.Images)) assert.equal(i.Commit, await repo.head());
  const all = await listTags('demo/main');
  for (const i of Object.values(first.Images)) assert.ok(all.includes(i.DockerTag));
  assert.equal(all.filter((t) => t.startsWith('meta-')).length, 3);
  assert.deepEqual(all.filter((t) => t.startsWith('managed-image-')).sort(), ['managed-image-app', 'managed-image-lib', 'managed-image-other']);
  // labels on the pushed stage
  const m = await (await fetch(`${registry.url}/v2/demo/main/manifests/${app.DockerTag}`, { headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' } })).json() as { config: { digest: string } };
  const cfg = await (await fetch(`${registry.url}/v2/demo/main/blobs/${m.config.digest}`)).json() as { config: { Labels: Record<string, string> } };
  assert.equal(cfg.config.Labels.werf, 'demo');
  assert.equal(cfg.config.Labels['werf-project-repo-commit'], await repo.head());
  assert.match(cfg.config.Labels['werf-stage-content-digest'] ?? '', /^[0-9a-f]{56}$/);
  assert.ok(Object.keys(cfg.config.Labels).some((k) => k.startsWith('werf-dependency-stage-id-')));
});

test('second build of the same commit rebuilds nothing: one tag listing plus at most one request per image', async () => {
  const events: RequestEvent[] = [];
  const r = await run('demo/main', {}, events);
  assert.deepEqual(rebuilt(r), []);
  assert.deepEqual(tags(r), tags(first));
  assert.deepEqual(r.Images.app!.DockerImageDigest, first.Images.app!.DockerImageDigest);
  // the registry client's one-off `/v2/` probe per host is not a repository request
  const repoRequests = events.filter((e) => e.path !== '/v2/');
  const listings = repoRequests.filter((e) => e.path.includes('/tags/list'));
  assert.equal(listings.length, 1, JSON.stringify(events.map((e) => `${e.method} ${e.path}`)));
  assert.ok(repoRequests.length <= 1 + 3, `requests: ${events.map((e) => `${e.method} ${e.path} ${e.status}`).join(', ')}`);
  assert.ok(events.length - repoRequests.length <= 1);
});

test('a change in one context rebuilds that image and its dependents only; ignored files rebuild nothing', async () => {
  await repo.commit({ 'app/src/a.txt': 'a v2\n' });
  const r1 = await run('demo/main');
  assert.deepEqual(rebuilt(r1), ['app']);
  assert.equal(r1.Images.lib!.DockerTag, first.Images.lib!.DockerTag);

  await repo.commit({ 'lib/lib.txt': 'lib v2\n' });
  const r2 = await run('demo/main');
  assert.deepEqual(rebuilt(r2), ['app', 'lib']);
  assert.equal(r2.Images.other!.DockerTag, first.Images.other!.DockerTag);

  await repo.commit({ 'lib/README.md': 'more docs\n' });
  const r3 = await run('demo/main');
  assert.deepEqual(rebuilt(r3), []);
  assert.deepEqual(tags(r3), tags(r2));

  // same content on another branch reuses the tags
  await repo.git('checkout', '-q', '-b', 'feature');
  await repo.commit({}, 'empty commit on a branch');
  const r4 = await run('demo/main');
  assert.deepEqual(rebuilt(r4), []);
  assert.deepEqual(tags(r4), tags(r2));
  await repo.git('checkout', '-q', 'main');
});

test('--require-built-images lists what is missing; reports are saved as JSON and .env', async () => {
  await repo.commit({ 'other/x.txt': 'x v2\n' });
  await assert.rejects(run('demo/main', { requireBuiltImages: true }), (e: unknown) => {
    assert.ok(e instanceof WerfActionError);
    assert.equal(e.code, 'build.required-images-missing');
    assert.match(e.message, /other/);
    assert.doesNotMatch(e.message, /\bapp\b|\blib\b/);
    return true;
  });
  const out = await mkdtemp(join(tmpdir(), 'report-'));
  try {
    const r = await run('demo/main', { buildReportPath: join(out, 'r.json') });
    assert.deepEqual(rebuilt(r), ['other']);
    const saved = await loadBuildReport(join(out, 'r.json'));
    assert.deepEqual(saved, JSON.parse(JSON.stringify(r)));
    await run('demo/main', { buildReportPath: join(out, 'r.env') });
    const env = await readFile(join(out, 'r.env'), 'utf8');
    assert.match(env, new RegExp(`^WERF_OTHER_DOCKER_IMAGE_NAME=${registry.host}/demo/main:${r.Images.other!.DockerTag}$`, 'm'));
    assert.match(env, /^WERF_APP_FINAL=true$/m);
    assert.match(env, new RegExp(`^WERF_APP_COMMIT=${await repo.head()}$`, 'm'));
    assert.equal(saved.Images.app!.Commit, await repo.head());
    // custom tags
    const rc = await run('demo/main', { addCustomTags: ['%image%-latest'] });
    const all = await listTags('demo/main');
    assert.ok(all.includes('app-latest') && all.includes('custom-tag-meta-app-latest'));
    assert.deepEqual(rebuilt(rc), []);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('two builds of the same commit at once both succeed and leave one stage per digest', async () => {
  const [a, b] = await Promise.all([run('demo/concurrent'), run('demo/concurrent')]);
  assert.deepEqual(tags(a), tags(b));
  const all = (await listTags('demo/concurrent')).filter((t) => /^[0-9a-f]{56}-\d{13}$/.test(t));
  assert.equal(all.length, 3, all.join(' '));
});

test('registry faults (503 with Retry-After, resets) are survived; a failing RUN pushes nothing', async () => {
  const proxy = await startFaultProxy(registry.url, [
    { method: 'GET', path: '/tags/list', fault: { status: 503, retryAfter: 0 }, times: 1 },
    { method: 'GET', path: /\/manifests\//, fault: 'reset', times: 1 },
    { method: 'PUT', path: /\/manifests\//, fault: { status: 500 }, times: 1 },
  ]);
  try {
    const { ctx: c } = ctx();
    const client = new RegistryClient(c, { insecureRegistry: true, backoffMs: 10 });
    try {
      const r = await build({ project: await project(), repo: `${proxy.host}/demo/faults`, insecureRegistry: true, registryClient: client, lockDir }, c);
      assert.deepEqual(rebuilt(r).length, 3);
      assert.ok(proxy.injected() >= 2);
    } finally {
      await client.close();
    }
  } finally {
    await proxy.stop();
  }
  const before = await listTags('demo/main');
  await repo.commit({ 'other/Dockerfile': 'ARG BASE\nFROM ${BASE}\nRUN echo failing-step-output && exit 7\n' });
  await assert.rejects(run('demo/main'), (e: unknown) => {
    assert.ok(e instanceof WerfActionError);
    assert.equal(e.code, 'build.failed');
    assert.equal(e.location?.file, 'other/Dockerfile');
    assert.equal(e.location?.line, 3);
    assert.match(e.hint ?? '', /failing-step-output/);
    return true;
  });
  const afterTags = await listTags('demo/main');
  assert.deepEqual(afterTags.filter((t) => !before.includes(t) && /^[0-9a-f]{56}-/.test(t)), []);
  await repo.commit({ 'other/Dockerfile': 'ARG BASE\nFROM ${BASE}\nCOPY x.txt /x.txt\n' });
});

test('without --repo stages stay in local Buildah storage as <project>:<digest>-<ms>', async () => {
  const { ctx: c } = ctx();
  const p = await project([img('other')]);
  const r1 = await build({ project: p, lockDir, insecureRegistry: true }, c);
  assert.deepEqual(rebuilt(r1), ['other']);
  assert.equal(r1.Images.other!.DockerRepo, 'demo');
  const names = await bah.buildah('images', '--format', '{{.Name}}:{{.Tag}}');
  assert.match(names, new RegExp(`demo:${r1.Images.other!.DockerTag}`));
  const r2 = await build({ project: p, lockDir }, c);
  assert.deepEqual(rebuilt(r2), []);
  assert.equal(r2.Images.other!.DockerTag, r1.Images.other!.DockerTag);
});

test('--final-repo copies final images under the same tag and the report points there', async () => {
  const { ctx: c } = ctx();
  const client = new RegistryClient(c, { insecureRegistry: true });
  try {
    const r = await build({
      project: await project([img('other'), img('lib', { final: false })]), repo: `${registry.host}/demo/main`, finalRepo: `${registry.host}/demo/final`,
      insecureRegistry: true, registryClient: client, lockDir,
    }, c);
    const other = r.Images.other!;
    assert.equal(other.DockerRepo, `${registry.host}/demo/final`);
    assert.ok((await listTags('demo/final')).includes(other.DockerTag));
    assert.equal(r.Images.lib!.DockerRepo, `${registry.host}/demo/main`, 'non-final images stay in --repo');
    assert.deepEqual(await listTags('demo/final'), [other.DockerTag]);
  } finally {
    await client.close();
  }
});

test('unreachable registry names the registry', async () => {
  const { ctx: c } = ctx();
  const client = new RegistryClient(c, { insecureRegistry: true, retries: 0 });
  try {
    await assert.rejects(
      build({ project: await project(), repo: '127.0.0.1:1/demo/x', insecureRegistry: true, registryClient: client, lockDir }, c),
      (e: unknown) => e instanceof WerfActionError && /127\.0\.0\.1:1/.test(e.format()),
    );
  } finally {
    await client.close();
  }
});
