import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, readFile, readlink, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { GitRepo } from '../git/index.js';
import { makeRepo } from '../git/testing.js';
import { ContextTree } from './context.js';
import { DockerIgnore, SourceMatcher } from './dockerignore.js';
import { materializeContext, contextAddFilesChecksum } from './workspace.js';
import { prepareDockerfileImage, computeImageDigest } from './image.js';

test('materialized context: committed content (not the dirty work tree), modes, symlinks, .dockerignore, contextAddFiles', async (t) => {
  const repo = await makeRepo();
  t.after(() => repo.cleanup());
  const commit = await repo.commit({
    'ctx/Dockerfile': 'FROM busybox\nCOPY . /app\n',
    'ctx/run.sh': '#!/bin/sh\necho hi\n',
    'ctx/data/a.txt': 'committed\n',
    'ctx/notes.md': 'ignored\n',
    'ctx/link': { symlink: 'data/a.txt' },
  });
  await chmod(join(repo.dir, 'ctx/run.sh'), 0o755);
  const c2 = await repo.commit({}, 'exec bit');
  assert.match(await repo.git('ls-tree', c2, 'ctx/run.sh'), /^100755/);
  // dirty work tree and an untracked generated file
  await writeFile(join(repo.dir, 'ctx/data/a.txt'), 'DIRTY\n');
  await mkdir(join(repo.dir, 'ctx/gen'), { recursive: true });
  await writeFile(join(repo.dir, 'ctx/gen/out.bin'), 'generated\n');
  const git = await GitRepo.open(repo.dir);
  const tree = await ContextTree.load(git, c2, 'ctx');
  const ignore = DockerIgnore.parse('*.md\nDockerfile\n');
  const m = await materializeContext({ git, tree, ignore, dockerfile: 'Dockerfile', workTreeContext: join(repo.dir, 'ctx'), contextAddFiles: ['gen'] });
  t.after(() => m.cleanup());
  assert.equal(await readFile(join(m.dir, 'data/a.txt'), 'utf8'), 'committed\n');
  assert.equal(await readFile(join(m.dir, 'Dockerfile'), 'utf8'), 'FROM busybox\nCOPY . /app\n', 'the Dockerfile is never ignored');
  await assert.rejects(stat(join(m.dir, 'notes.md')));
  assert.equal((await stat(join(m.dir, 'run.sh'))).mode & 0o111, 0o111);
  assert.equal(await readlink(join(m.dir, 'link')), 'data/a.txt');
  assert.equal(await readFile(join(m.dir, 'gen/out.bin'), 'utf8'), 'generated\n');
  assert.ok(commit);

  // contextAddFiles enter the digest of the COPY that matches them
  const sum1 = await contextAddFilesChecksum(join(repo.dir, 'ctx'), ['gen'], new SourceMatcher(['.']));
  assert.match(sum1, /^[0-9a-f]{64}$/);
  assert.equal(await contextAddFilesChecksum(join(repo.dir, 'ctx'), ['gen'], new SourceMatcher(['data'])), '');
  const spec = { name: 'x', final: true, dockerfile: 'Dockerfile', context: 'ctx', contextAddFiles: ['gen'], args: {}, addHost: [], secrets: [], dependencies: [], platform: [] };
  const p = await prepareDockerfileImage({ git, commit: c2, projectPath: '', spec });
  const d1 = await computeImageDigest(p, { dependencyArgs: {}, workTreeContext: join(repo.dir, 'ctx') });
  await writeFile(join(repo.dir, 'ctx/gen/out.bin'), 'generated v2\n');
  const d2 = await computeImageDigest(p, { dependencyArgs: {}, workTreeContext: join(repo.dir, 'ctx') });
  assert.notEqual(d1.digest, d2.digest);
  await assert.rejects(materializeContext({ git, tree, ignore, dockerfile: 'Dockerfile', workTreeContext: join(repo.dir, 'ctx'), contextAddFiles: ['missing'] }), /does not exist/);
});
