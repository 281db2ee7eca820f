import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GitRepo } from '../git/index.js';
import { makeRepo } from '../git/testing.js';
import { prepareDockerfileImage, computeImageDigest, dependencyBuildArgs, PrepareCache, type DockerfileImageSpec } from './image.js';
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
