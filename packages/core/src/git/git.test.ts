import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepo, parseLsTree, parseStatus, parseCommitObject, parseTreeObject } from './index.js';
import { makeRepo, gitIn, type TempRepo } from './testing.js';
import { WerfActionError } from '../errors/index.js';

describe('GitRepo', () => {
  let repo: TempRepo;
  let first: string;
  let second: string;

  before(async () => {
    repo = await makeRepo();
    await repo.write({ 'werf.yaml': 'project: x\n', 'app/main.go': 'package main\n', 'app/sub/a b.txt': 'spaces\n', 'run.sh': '#!/bin/sh\n' });
    await chmod(join(repo.dir, 'run.sh'), 0o755);
    first = await repo.commit(undefined, 'one', '2024-01-02T03:04:05Z');
    second = await repo.commit({ 'link': { symlink: 'app/main.go' }, 'ünï.txt': 'x' }, 'two', '2024-02-01T00:00:00Z');
  });
  after(() => repo.cleanup());

  test('open finds the top level from a subfolder', async () => {
    const g = await GitRepo.open(join(repo.dir, 'app/sub'));
    assert.equal(g.root, await realpath(repo.dir));
    assert.equal(g.relative(join(repo.dir, 'app/sub')), 'app/sub');
    assert.equal(g.relative('/elsewhere'), null);
  });

  test('open outside a repository is a user error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'werf-action-nogit-'));
    try {
      await assert.rejects(GitRepo.open(dir), (e: unknown) => e instanceof WerfActionError && e.code === 'git.not-a-repository' && e.message.includes('is not inside a git repository'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('headCommit gives hash and committer date', async () => {
    const g = await GitRepo.open(repo.dir);
    const h = await g.headCommit();
    assert.equal(h.hash, second);
    assert.equal(h.date.toISOString(), '2024-02-01T00:00:00.000Z');
  });

  test('headCommit on an empty repository', async () => {
    const empty = await makeRepo();
    try {
      const g = await GitRepo.open(empty.dir);
      await assert.rejects(g.headCommit(), (e: unknown) => e instanceof WerfActionError && e.code === 'git.no-head');
    } finally {
      await empty.cleanup();
    }
  });

  test('lsTree lists blobs with modes and hashes, from any cwd', async () => {
    const g = await GitRepo.open(join(repo.dir, 'app'));
    const all = await g.lsTree('HEAD');
    const byPath = new Map(all.map((e) => [e.path, e]));
    assert.deepEqual([...byPath.keys()].sort(), ['app/main.go', 'app/sub/a b.txt', 'link', 'run.sh', 'werf.yaml', 'ünï.txt']);
    assert.equal(byPath.get('run.sh')!.mode, '100755');
    assert.equal(byPath.get('link')!.mode, '120000');
    assert.equal(byPath.get('werf.yaml')!.type, 'blob');
    const expected = (await repo.git('rev-parse', 'HEAD:app/main.go')).trim();
    assert.equal(byPath.get('app/main.go')!.hash, expected);
    const sub = await g.lsTree(first, ['app']);
    assert.deepEqual(sub.map((e) => e.path).sort(), ['app/main.go', 'app/sub/a b.txt']);
    const top = await g.lsTree('HEAD', undefined, { recursive: false });
    assert.deepEqual(top.filter((e) => e.type === 'tree').map((e) => e.path), ['app']);
    const withTrees = await g.lsTree('HEAD', ['app'], { trees: true });
    assert.ok(withTrees.some((e) => e.path === 'app/sub' && e.type === 'tree'));
    assert.equal(await g.treeHash('HEAD', 'app'), (await repo.git('rev-parse', 'HEAD:app')).trim());
    assert.equal(await g.treeHash('HEAD', 'nope'), null);
  });

  test('readFile / readFiles read committed content, null for missing', async () => {
    const g = await GitRepo.open(repo.dir);
    assert.equal((await g.readFile('HEAD', 'werf.yaml'))!.toString(), 'project: x\n');
    assert.equal(await g.readFile('HEAD', 'missing.txt'), null);
    assert.equal(await g.readFile('HEAD', 'app'), null, 'a tree is not a file');
    const m = await g.readFiles(first, ['app/sub/a b.txt', 'ünï.txt', 'run.sh']);
    assert.deepEqual([...m.keys()].sort(), ['app/sub/a b.txt', 'run.sh']);
    assert.equal(m.get('app/sub/a b.txt')!.toString(), 'spaces\n');
    // symlink blobs hold the target
    assert.equal((await g.readFile('HEAD', 'link'))!.toString(), 'app/main.go');
  });

  test('readObjects / inspectPaths / sync reads follow symlinks inside the tree only', async () => {
    const r = await makeRepo({ 'd/f': 'x\n', 'in': { symlink: 'd/f' }, 'dl': { symlink: 'd' }, 'out': { symlink: '../../etc/passwd' }, 'dang': { symlink: 'nope' } });
    try {
      const g = await GitRepo.open(r.dir);
      const head = (await r.git('rev-parse', 'HEAD')).trim();
      const objs = await g.readObjects(['HEAD', 'HEAD:in', 'HEAD:dl/f', 'HEAD:out', 'HEAD:dang', 'HEAD:zz', 'HEAD:d'], { followSymlinks: true });
      assert.equal(objs.get('HEAD')!.kind, 'commit');
      assert.equal(parseCommitObject(objs.get('HEAD')!.hash!, objs.get('HEAD')!.content!).hash, head);
      assert.equal(objs.get('HEAD:in')!.content!.toString(), 'x\n');
      assert.equal(objs.get('HEAD:dl/f')!.kind, 'blob');
      assert.deepEqual(objs.get('HEAD:out'), { kind: 'outside', target: '../../etc/passwd' });
      assert.equal(objs.get('HEAD:dang')!.kind, 'dangling');
      assert.equal(objs.get('HEAD:zz')!.kind, 'missing');
      assert.equal(objs.get('HEAD:d')!.kind, 'tree');
      const info = await g.inspectPaths('HEAD', ['in', 'out', 'd', 'zz']);
      assert.deepEqual([...info.values()].map((i) => i.kind), ['blob', 'outside', 'tree', 'missing']);
      assert.deepEqual([...g.sync.inspectPaths('HEAD', ['in', 'out']).values()].map((i) => i.kind), ['blob', 'outside']);
      const files = await g.readFiles('HEAD', ['out', 'in', 'd/f'], { followSymlinks: true });
      assert.deepEqual([...files.keys()].sort(), ['d/f', 'in']);
      assert.equal(g.sync.readFiles('HEAD', ['in'], { followSymlinks: true }).get('in')!.toString(), 'x\n');
      assert.deepEqual(g.sync.lsTree('HEAD', ['d']).map((e) => e.path), ['d/f']);
      await writeFile(join(r.dir, 'new'), 'n');
      assert.deepEqual(g.sync.status(['new']).map((e) => [e.path, e.untracked]), [['new', true]]);
      assert.deepEqual(g.sync.lsWorkTreeFiles(['new']), ['new']);
    } finally {
      await r.cleanup();
    }
  });

  test('parseTreeObject of a raw tree read with readObjects agrees with ls-tree', async () => {
    const g = await GitRepo.open(repo.dir);
    const root = (await g.readObjects([`${second}^{tree}`])).get(`${second}^{tree}`)!;
    assert.equal(root.kind, 'tree');
    const entries = parseTreeObject(root.content!, root.hash!.length / 2);
    const listed = await g.lsTree(second, undefined, { recursive: false });
    assert.deepEqual(
      entries.map((e) => [e.name, e.mode.padStart(6, '0'), e.type, e.hash]),
      listed.map((e) => [e.path, e.mode, e.type, e.hash]),
    );
    assert.ok(entries.some((e) => e.name === 'ünï.txt') && entries.some((e) => e.name === 'app' && e.type === 'tree'));
    assert.equal(entries.find((e) => e.name === 'link')!.mode, '120000');
    assert.deepEqual(parseTreeObject(Buffer.alloc(0)), []);
  });

  test('status reports modified, staged and untracked files', async () => {
    const r = await makeRepo({ 'a.txt': 'a', 'd/b.txt': 'b', 'c.txt': 'c' });
    try {
      await writeFile(join(r.dir, 'a.txt'), 'changed');
      await writeFile(join(r.dir, 'd/new.txt'), 'new');
      await writeFile(join(r.dir, '.gitignore'), 'ignored.txt\n');
      await writeFile(join(r.dir, 'ignored.txt'), 'x');
      await r.write({ 'c.txt': 'staged' });
      await r.git('add', 'c.txt');
      const g = await GitRepo.open(r.dir);
      const st = await g.status();
      const m = new Map(st.map((e) => [e.path, e]));
      assert.deepEqual([...m.keys()].sort(), ['.gitignore', 'a.txt', 'c.txt', 'd/new.txt']);
      assert.equal(m.get('a.txt')!.workTree, 'M');
      assert.equal(m.get('c.txt')!.index, 'M');
      assert.equal(m.get('d/new.txt')!.untracked, true);
      const limited = await g.status(['d']);
      assert.deepEqual(limited.map((e) => e.path), ['d/new.txt']);
      assert.deepEqual(await g.status([]), []);
      // pathspecs are literal and relative to the root even from a subfolder
      const fromSub = await GitRepo.open(join(r.dir, 'd'));
      assert.deepEqual((await fromSub.status(['a.txt'])).map((e) => e.path), ['a.txt']);
      assert.deepEqual((await g.lsWorkTreeFiles()).sort(), ['.gitignore', 'a.txt', 'c.txt', 'd/b.txt', 'd/new.txt']);
      assert.deepEqual([...(await g.checkIgnored(['ignored.txt', 'a.txt']))], ['ignored.txt']);
      const hashes = await g.hashWorkTreeFiles(['d/b.txt']);
      assert.equal(hashes.get('d/b.txt'), (await r.git('rev-parse', 'HEAD:d/b.txt')).trim());
    } finally {
      await r.cleanup();
    }
  });

  test('refs: remote branches and tags with dates; annotated tags peeled', async () => {
    const origin = await makeRepo();
    const c1 = await origin.commit({ 'f': '1' }, 'c1', '2023-05-01T00:00:00Z');
    await origin.git('tag', 'v1');
    const c2 = await origin.commit({ 'f': '2' }, 'c2', '2023-06-01T00:00:00Z');
    await gitIn(origin.dir, ['tag', '-a', 'v2', '-m', 'annotated'], { GIT_COMMITTER_DATE: '2023-07-01T00:00:00Z' });
    await origin.git('branch', 'feature', c1);
    const clone = await mkdtemp(join(tmpdir(), 'werf-action-clone-'));
    try {
      await gitIn(tmpdir(), ['clone', '-q', origin.dir, clone]);
      const g = await GitRepo.open(clone);
      const refs = await g.refs();
      const m = new Map(refs.map((r) => [`${r.type}:${r.name}`, r]));
      assert.deepEqual([...m.keys()].sort(), ['branch:feature', 'branch:main', 'tag:v1', 'tag:v2']);
      assert.equal(m.get('branch:feature')!.commit, c1);
      assert.equal(m.get('branch:main')!.commit, c2);
      assert.equal(m.get('branch:main')!.date.toISOString(), '2023-06-01T00:00:00.000Z');
      assert.equal(m.get('tag:v2')!.commit, c2);
      assert.equal(m.get('tag:v2')!.taggerDate!.toISOString(), '2023-07-01T00:00:00.000Z');
      assert.equal(m.get('tag:v1')!.commit, c1);
      assert.equal(m.get('tag:v1')!.taggerDate, undefined);
      const local = await g.refs({ local: true });
      assert.deepEqual(local.filter((r) => r.type === 'branch').map((r) => r.name), ['main']);
      assert.equal(await g.remoteUrl(), origin.dir);
      assert.equal(await g.remoteUrl('nope'), null);
      assert.equal(await g.isAncestor(c1, c2), true);
      assert.equal(await g.isAncestor(c2, c1), false);
      assert.equal(await g.isShallow(), false);
      assert.equal(await g.commitExists(c1), true);
      assert.equal(await g.commitExists('0'.repeat(40)), false);
      const log = await g.log('HEAD');
      assert.deepEqual(log.map((c) => c.hash), [c2, c1]);
      assert.deepEqual(log[0]!.parents, [c1]);
      assert.deepEqual(log[1]!.parents, []);
      assert.deepEqual((await g.log('HEAD', { since: new Date('2023-05-15T00:00:00Z') })).map((c) => c.hash), [c2]);
      const seen: string[] = [];
      await g.walk('HEAD', (c) => { seen.push(c.hash); return true; }, { pageSize: 1 });
      assert.deepEqual(seen, [c2, c1]);
      assert.deepEqual(await g.diffNames(c1, c2), ['f']);
    } finally {
      await rm(clone, { recursive: true, force: true });
      await origin.cleanup();
    }
  });

  test('shallow clones are detected and can be unshallowed', async () => {
    const origin = await makeRepo();
    await origin.commit({ a: '1' });
    await origin.commit({ a: '2' });
    const clone = await mkdtemp(join(tmpdir(), 'werf-action-shallow-'));
    try {
      await gitIn(tmpdir(), ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone]);
      const g = await GitRepo.open(clone);
      assert.equal(await g.isShallow(), true);
      assert.equal((await g.log('HEAD')).length, 1);
      await g.unshallow();
      assert.equal(await g.isShallow(), false);
      assert.equal((await g.log('HEAD')).length, 2);
    } finally {
      await rm(clone, { recursive: true, force: true });
      await origin.cleanup();
    }
  });

  test('linked worktrees open with their own HEAD', async () => {
    const main = await makeRepo({ 'f': 'main' });
    const wt = join(await mkdtemp(join(tmpdir(), 'werf-action-wt-')), 'wt');
    try {
      await main.git('worktree', 'add', '-q', '-b', 'other', wt);
      await gitIn(wt, ['commit', '-q', '--allow-empty', '-m', 'in worktree']);
      const g = await GitRepo.open(wt);
      assert.equal(g.root, await realpath(wt));
      assert.notEqual(g.gitDir, g.commonDir);
      const head = await g.headCommit();
      assert.equal(head.hash, (await gitIn(wt, ['rev-parse', 'HEAD'])).trim());
      assert.notEqual(head.hash, (await main.git('rev-parse', 'HEAD')).trim());
      assert.equal((await g.readFile('HEAD', 'f'))!.toString(), 'main');
    } finally {
      await main.cleanup();
      await rm(join(wt, '..'), { recursive: true, force: true });
    }
  });

  test('--git-work-tree: project dir must be inside', async () => {
    const r = await makeRepo({ 'sub/werf.yaml': 'x' });
    try {
      const g = await GitRepo.open(join(r.dir, 'sub'), { workTree: r.dir });
      assert.equal(g.root, await realpath(r.dir));
      await assert.rejects(GitRepo.open(tmpdir(), { workTree: r.dir }), (e: unknown) => e instanceof WerfActionError && e.code === 'git.outside-work-tree');
    } finally {
      await r.cleanup();
    }
  });

  test('cancellation through the context signal', async () => {
    const ac = new AbortController();
    ac.abort();
    const { createContext } = await import('../context.js');
    await assert.rejects(GitRepo.open(repo.dir, { ctx: createContext({ signal: ac.signal }) }));
  });
});

describe('parsers', () => {
  test('parseLsTree handles tabs and spaces in names', () => {
    const buf = Buffer.from('100644 blob aaaa\tx y\0' + '040000 tree bbbb\td\0' + '160000 commit cccc\tsub\tmod\0');
    assert.deepEqual(parseLsTree(buf), [
      { mode: '100644', type: 'blob', hash: 'aaaa', path: 'x y' },
      { mode: '040000', type: 'tree', hash: 'bbbb', path: 'd' },
      { mode: '160000', type: 'commit', hash: 'cccc', path: 'sub\tmod' },
    ]);
    assert.deepEqual(parseLsTree(Buffer.alloc(0)), []);
  });
  test('parseStatus', () => {
    const buf = Buffer.from(' M a\0?? b c\0R  new\0old\0');
    assert.deepEqual(parseStatus(buf), [
      { path: 'a', index: ' ', workTree: 'M', untracked: false },
      { path: 'b c', index: '?', workTree: '?', untracked: true },
      { path: 'new', index: 'R', workTree: ' ', untracked: false, origPath: 'old' },
    ]);
  });
});

test('devCommit: a commit of the work tree on top of HEAD, leaving index and refs alone', async () => {
  const r = await makeRepo({ 'a.txt': 'a\n', '.gitignore': 'ignored.txt\n' });
  try {
    await r.commit();
    await r.write({ 'a.txt': 'changed\n', 'new.txt': 'new\n', 'ignored.txt': 'secret\n' });
    const repo = await GitRepo.open(r.dir);
    const head = await repo.headCommit();
    const dev = await repo.devCommit();
    assert.notEqual(dev, head.hash);
    assert.equal((await repo.readFile(dev, 'a.txt'))?.toString(), 'changed\n');
    assert.equal((await repo.readFile(dev, 'new.txt'))?.toString(), 'new\n');
    assert.equal(await repo.readFile(dev, 'ignored.txt'), null, '.gitignore respected');
    assert.equal((await repo.headCommit()).hash, head.hash, 'HEAD unchanged');
    const status = await repo.status();
    assert.ok(status.some((e) => e.path === 'new.txt' && e.untracked), 'index untouched: new.txt still untracked');
  } finally {
    await rm(r.dir, { recursive: true, force: true });
  }
});
