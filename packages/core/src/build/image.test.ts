import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GitRepo } from '../git/index.js';
import { makeRepo } from '../git/testing.js';
import { prepareDockerfileImage, prepareDockerfileImages, computeImageDigest, dependencyBuildArgs, PrepareCache, type DockerfileImageSpec } from './image.js';
import { sha3_224 } from '../digest/index.js';

const spec = (over: Partial<DockerfileImageSpec> = {}): DockerfileImageSpec => ({
  name: 'app', final: true, dockerfile: 'Dockerfile', context: 'app', contextAddFiles: [], args: {}, addHost: [],
  secrets: [], dependencies: [], platform: [], ...over,
});

test('image digest: content-based, .dockerignore and unrelated files do not matter, dependencies do', async (t) => {
  const repo = await makeRepo();
  t.after(() => repo.cleanup());
  const c1 = await repo.commit({
    'app/Dockerfile': 'FROM busybox\nARG BASE_TAG\nCOPY src /src\nRUN echo $BASE_TAG\n',
    'app/.dockerignore': '*.md\n',
    'app/src/a.txt': 'a\n',
    'app/notes.md': 'n\n',
    'other/x': 'x\n',
  });
  const git = await GitRepo.open(repo.dir);
  const digestAt = async (commit: string, s = spec(), depArgs: Record<string, string> = {}) => {
    const p = await prepareDockerfileImage({ git, commit, projectPath: '', spec: s, platform: 'linux/amd64' });
    return computeImageDigest(p, { dependencyArgs: depArgs });
  };
  const d1 = await digestAt(c1);
  assert.match(d1.digest, /^[0-9a-f]{56}$/);
  assert.equal(d1.digest, sha3_224('1.2', 'dockerfile', d1.dependencies));
  assert.deepEqual(d1.parts.slice(0, 3), ['busybox', 'ARG BASE_TAG=', 'COPY src /src']);

  const c2 = await repo.commit({ 'app/notes.md': 'changed\n', 'other/x': 'changed\n' });
  assert.equal((await digestAt(c2)).digest, d1.digest, 'ignored and out-of-context changes keep the digest');
  const c3 = await repo.commit({ 'app/src/a.txt': 'changed\n' });
  assert.notEqual((await digestAt(c3)).digest, d1.digest);
  // a dependency's tag through an ARG changes the digest
  const withDep = spec({ dependencies: [{ image: 'base', imports: [{ type: 'ImageTag', targetBuildArg: 'BASE_TAG' }] }] });
  const refs = new Map([['base', { name: 'r/p:t1', repo: 'r/p', tag: 't1', id: 'i', digest: 'sha256:d' }]]);
  const a1 = await digestAt(c1, withDep, dependencyBuildArgs(withDep, refs));
  refs.set('base', { ...refs.get('base')!, tag: 't2', name: 'r/p:t2' });
  const a2 = await digestAt(c1, withDep, dependencyBuildArgs(withDep, refs));
  assert.notEqual(a1.digest, a2.digest);
  assert.equal(a1.dependencyArgs.BASE_TAG, 't1');
  // cacheVersion, args and platform change it
  assert.notEqual((await digestAt(c1, spec({ cacheVersion: '2' }))).digest, d1.digest);
  assert.notEqual((await digestAt(c1, spec({ args: { BASE_TAG: 'x' } }))).digest, d1.digest);
  assert.notEqual((await digestAt(c1, spec({ platform: ['linux/arm64'] }))).digest, d1.digest);
  assert.equal((await digestAt(c1, spec({ platform: ['linux/amd64'] }))).digest, d1.digest);
  // <Dockerfile>.dockerignore wins over .dockerignore
  const c4 = await repo.commit({ 'app/Dockerfile.dockerignore': 'src/a.txt\n' });
  const p4 = await prepareDockerfileImage({ git, commit: c4, projectPath: '', spec: spec(), cache: new PrepareCache() });
  assert.equal(p4.ignore.ignores('src/a.txt'), true);
  assert.equal(p4.ignore.ignores('notes.md'), false);
  await assert.rejects(prepareDockerfileImage({ git, commit: c1, projectPath: '', spec: spec({ dockerfile: 'Nope' }) }), /Dockerfile app\/Nope is not in commit/);
});

test('prepareDockerfileImages reads every image\'s Dockerfile, .dockerignore and context in one git call', async (t) => {
  const repo = await makeRepo();
  t.after(() => repo.cleanup());
  const commit = await repo.commit({
    'app/Dockerfile': 'FROM busybox\nCOPY . /app\n',
    'app/.dockerignore': '*.md\n',
    'app/a.txt': 'a\n',
    'web/Dockerfile.web': 'FROM busybox\nCOPY x /x\n',
    'web/Dockerfile.web.dockerignore': 'x/skip\n',
    'web/x/keep': 'k\n',
  });
  const git = await GitRepo.open(repo.dir);
  const reads: string[][] = [];
  const readObjects = git.readObjects.bind(git);
  git.readObjects = (specs, o) => (reads.push(specs), readObjects(specs, o));
  const specs = [spec(), spec({ name: 'web', context: 'web', dockerfile: 'Dockerfile.web' })];
  const cache = new PrepareCache();
  const all = await prepareDockerfileImages({ git, commit, projectPath: '', specs, platform: 'linux/amd64', cache });
  assert.equal(reads.length, 1, JSON.stringify(reads));
  assert.equal(all.get('web')!.ignore.ignores('x/skip'), true);
  assert.equal(all.get('app')!.ignore.ignores('n.md'), true);
  // one at a time from the same cache: no further read, the same results
  const ones = [];
  for (const s of specs) ones.push(await prepareDockerfileImage({ git, commit, projectPath: '', spec: s, platform: 'linux/amd64', cache }));
  assert.equal(reads.length, 1);
  for (const one of ones) {
    assert.equal((await computeImageDigest(one, { dependencyArgs: {} })).digest, (await computeImageDigest(all.get(one.spec.name)!, { dependencyArgs: {} })).digest);
    assert.equal(one.dockerfileText, all.get(one.spec.name)!.dockerfileText);
  }
  await assert.rejects(prepareDockerfileImages({ git, commit, projectPath: '', specs: [spec({ name: 'bad', dockerfile: 'Nope' })] }), /Dockerfile app\/Nope is not in commit/);
});
