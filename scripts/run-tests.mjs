#!/usr/bin/env node
// Runs every *.test.ts of the repository with Node's test runner through tsx.
// Node 20's `--test` takes no globs, so the files are collected here.
// Usage: node scripts/run-tests.mjs [--unit] [path-substring ...]
//   --unit            only tests that need no system service (files under packages/,
//                     except *.integration.test.ts)
//   path-substring    only files whose path contains one of these strings
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const filters = args.filter((a) => !a.startsWith('--'));
const skipDirs = new Set(['node_modules', 'dist', '.git', 'fixtures', 'tmp']);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (skipDirs.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

let files = [];
for (const top of ['packages', 'test', 'actions', 'jenkins-shim', 'scripts']) {
  try { collect(join(root, top), files); } catch { /* folder may not exist yet */ }
}
if (unitOnly) files = files.filter((f) => f.startsWith('packages/') && !f.endsWith('.integration.test.ts'));
if (filters.length) files = files.filter((f) => filters.some((s) => f.includes(s)));
files.sort();
if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}
// Integration suites mostly wait on Buildah, git and HTTP; run a few files at once.
const concurrency = process.env.TEST_CONCURRENCY ?? String(Math.max(2, availableParallelism()));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
