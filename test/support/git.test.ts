import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGitRepo } from './index.js';

describe('createGitRepo', () => {
  it('creates a repo with an initial commit, commits, writes and removes', async () => {
    const repo = await createGitRepo({ 'a.txt': 'A\n', 'dir/b.txt': 'B\n' });
    try {
      const first = await repo.head();
      assert.match(first, /^[0-9a-f]{40}$/);
      assert.equal(await repo.git('rev-parse', '--abbrev-ref', 'HEAD'), 'main');
      assert.equal(await repo.git('show', 'HEAD:dir/b.txt'), 'B');
      assert.equal(await repo.git('log', '-1', '--format=%an <%ae>'), 'Test Author <author@example.test>');

      const second = await repo.commit({ 'a.txt': 'A2\n', 'c.txt': 'C\n' }, 'second');
      assert.notEqual(second, first);
      assert.equal(await repo.git('rev-parse', 'HEAD~1'), first);
      assert.equal(await repo.git('log', '-1', '--format=%s'), 'second');

      const third = await repo.remove(['dir']);
      assert.equal(existsSync(join(repo.dir, 'dir')), false);
      assert.equal(await repo.git('ls-tree', '-r', '--name-only', third), 'a.txt\nc.txt');

      await repo.write({ 'a.txt': 'dirty\n', 'c.txt': null });
      assert.equal(await readFile(join(repo.dir, 'a.txt'), 'utf8'), 'dirty\n');
      assert.equal(await repo.git('status', '--porcelain'), ' M a.txt\n D c.txt');
      assert.equal(await repo.head(), third, 'write() does not commit');
    } finally {
      await repo.cleanup();
    }
    assert.equal(existsSync(repo.dir), false);
  });

  it('gives identical hashes for identical content with a fixed date', async () => {
    const opts = { date: '2024-01-02T03:04:05Z', branch: 'trunk' };
    const a = await createGitRepo({ 'x': '1' }, opts);
    const b = await createGitRepo({ 'x': '1' }, opts);
    try {
      assert.equal(await a.head(), await b.head());
      assert.equal(await a.git('rev-parse', '--abbrev-ref', 'HEAD'), 'trunk');
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });

  it('starts empty when no files are given', async () => {
    const repo = await createGitRepo();
    try {
      await assert.rejects(repo.head());
      const sha = await repo.commit({ 'f': 'x' });
      assert.match(sha, /^[0-9a-f]{40}$/);
    } finally {
      await repo.cleanup();
    }
  });
});
