import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DockerIgnore, SourceMatcher, globToRegex } from './dockerignore.js';
import { ContextTree } from './context.js';
import { GitRepo } from '../git/index.js';
import { makeRepo } from '../git/testing.js';

test('dockerignore: Docker pattern semantics', () => {
  const di = DockerIgnore.parse(`
# comment
*.md
!README.md
/tmp
**/*.log
build/
docs/**/secret?
[ab].txt
`);
  assert.equal(di.ignores('x.md'), true);
  assert.equal(di.ignores('README.md'), false);
  assert.equal(di.ignores('sub/x.md'), false, '*.md is anchored at the context root');
  assert.equal(di.ignores('tmp'), true);
  assert.equal(di.ignores('tmp/deep/file'), true, 'a matching parent ignores its children');
  assert.equal(di.ignores('a.log'), true);
  assert.equal(di.ignores('x/y/z.log'), true);
  assert.equal(di.ignores('build/out.bin'), true);
  assert.equal(di.ignores('docs/a/b/secret1'), true);
  assert.equal(di.ignores('docs/secret1'), true);
  assert.equal(di.ignores('a.txt'), true);
  assert.equal(di.ignores('c.txt'), false);
  assert.equal(di.ignores('src/main.go'), false);
  assert.equal(di.dirStatus('tmp'), 'all');
  assert.equal(di.dirStatus('src'), 'some', '**/*.log may match anywhere');
  const simple = DockerIgnore.parse('node_modules\n*.tmp\n');
  assert.equal(simple.dirStatus('src'), 'none');
  assert.equal(simple.dirStatus('node_modules'), 'all');
  assert.equal(simple.dirStatus(''), 'some');
  const exc = DockerIgnore.parse('node_modules\n!node_modules/keep\n');
  assert.equal(exc.dirStatus('node_modules'), 'some');
  assert.equal(exc.ignores('node_modules/keep/x'), false);
  assert.equal(exc.ignores('node_modules/other'), true);
  assert.ok(globToRegex('a/**/b').test('a/b'));
  assert.ok(globToRegex('a/**/b').test('a/x/y/b'));
  assert.ok(!globToRegex('a/*/b').test('a/x/y/b'));
});

test('source matcher: globs, dirs and "."', () => {
  const m = new SourceMatcher(['src', '*.json', './lib/']);
  assert.ok(m.matches('src/a/b.ts'));
  assert.ok(m.matches('package.json'));
  assert.ok(!m.matches('x/package.json'));
  assert.ok(m.matches('lib/x'));
  assert.equal(m.dirStatus('src'), 'all');
  assert.equal(m.dirStatus('other'), 'none');
  assert.equal(new SourceMatcher(['.']).dirStatus(''), 'all');
  assert.equal(new SourceMatcher(['src/*.go']).dirStatus('src'), 'some');
});

function werfSum(entries: [string, string][]): string {
  const h = createHash('sha256');
  for (const [hash, mode] of entries) h.update(hash + mode);
  return h.digest('hex');
}

test('context tree from git: files after .dockerignore, checksum from object hashes', async (t) => {
  const repo = await makeRepo();
  t.after(() => repo.cleanup());
  const commit = await repo.commit({
    'app/Dockerfile': 'FROM busybox\n',
    'app/.dockerignore': '*.md\nsecret/\n',
    'app/src/main.go': 'package main\n',
    'app/src/util/u.go': 'package util\n',
    'app/README.md': '# readme\n',
    'app/secret/key': 'k\n',
    'other/file': 'x\n',
  });
  const git = await GitRepo.open(repo.dir);
  const tree = await ContextTree.load(git, commit, 'app');
  const ignore = DockerIgnore.parse('*.md\nsecret/\n');
  assert.deepEqual((await tree.files(ignore)).map((e) => e.path).sort(), ['.dockerignore', 'Dockerfile', 'src/main.go', 'src/util/u.go']);

  const lsTree = async (path: string) => (await repo.git('rev-parse', `${commit}:${path}`)).trim();
  // COPY src: the whole subtree is matched and nothing in it can be ignored -> its tree hash
  assert.equal(await tree.checksum(ignore, new SourceMatcher(['src'])), werfSum([[await lsTree('app/src'), '0040000']]));
  // COPY src/main.go: one blob
  assert.equal(await tree.checksum(ignore, new SourceMatcher(['src/main.go'])), werfSum([[await lsTree('app/src/main.go'), '0100644']]));
  // COPY . with a .dockerignore: walk, sorted by path, ignored entries left out
  assert.equal(
    await tree.checksum(ignore, new SourceMatcher(['.'])),
    werfSum([
      [await lsTree('app/.dockerignore'), '0100644'],
      [await lsTree('app/Dockerfile'), '0100644'],
      [await lsTree('app/src'), '0040000'],
    ]),
  );
  // COPY . without .dockerignore: the context tree itself
  assert.equal(await tree.checksum(new DockerIgnore([]), new SourceMatcher(['.'])), werfSum([[await lsTree('app'), '0040000']]));
  assert.equal(await tree.checksum(ignore, new SourceMatcher(['nothing-here'])), '');
  assert.equal(await tree.checksum(ignore, new SourceMatcher(['README.md'])), '');

  // A change in an ignored file leaves every checksum as it was; a change in src changes COPY . and COPY src.
  const before = await tree.checksum(ignore, new SourceMatcher(['.']));
  const c2 = await repo.commit({ 'app/README.md': 'changed\n' });
  assert.equal(await (await ContextTree.load(git, c2, 'app')).checksum(ignore, new SourceMatcher(['.'])), before);
  const c3 = await repo.commit({ 'app/src/util/u.go': 'package util // changed\n' });
  const t3 = await ContextTree.load(git, c3, 'app');
  assert.notEqual(await t3.checksum(ignore, new SourceMatcher(['.'])), before);
  assert.equal(await t3.checksum(ignore, new SourceMatcher(['src/main.go'])), await tree.checksum(ignore, new SourceMatcher(['src/main.go'])));

  const root = await ContextTree.load(git, commit, '');
  assert.equal(await root.checksum(new DockerIgnore([]), new SourceMatcher(['.'])), werfSum([[await repo.git('rev-parse', `${commit}^{tree}`).then((s) => s.trim()), '0040000']]));
  await assert.rejects(ContextTree.load(git, commit, 'missing'), /is not a directory/);

  // lazy (per-level cat-file) and full-listing trees give the same checksums
  const c5 = await repo.commit({ 'app/src/deep/x.log': 'l\n', 'app/src/deep/keep.log': 'k\n', 'app/src/deep/y.txt': 'y\n', 'app/exec.sh': { symlink: 'src/main.go' } });
  const lazy = await ContextTree.load(git, c5, 'app');
  const eager = await ContextTree.load(git, c5, 'app');
  await eager.loadAll();
  for (const patterns of ['**/*.log\n!src/deep/keep.log\n', 'src/deep\n', '*.md\n', '']) {
    const ig = DockerIgnore.parse(patterns);
    for (const srcs of [['.'], ['src'], ['src/deep/*.log'], ['exec.sh', 'src/util']]) {
      assert.equal(await lazy.checksum(ig, new SourceMatcher(srcs)), await eager.checksum(ig, new SourceMatcher(srcs)), `${patterns} ${srcs}`);
    }
  }
  const files = (await lazy.files(DockerIgnore.parse('**/*.log\n!src/deep/keep.log\n'))).map((e) => e.path);
  assert.ok(files.includes('src/deep/keep.log') && !files.includes('src/deep/x.log') && files.includes('exec.sh'));
});
