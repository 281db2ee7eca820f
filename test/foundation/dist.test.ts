// dist/ is the published action repository: it must be exactly what
// `npm run build` produces from the sources, and every bundle must start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p)];
  }).sort();
}

test('dist/ is current (run `npm run build` and commit dist/ when this fails)', () => {
  const out = mkdtempSync(join(tmpdir(), 'dist-check-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out, '--quiet'], { cwd: root });
    const built = listFiles(out);
    assert.deepEqual(listFiles(join(root, 'dist')), built, 'same files');
    for (const f of built) {
      assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(root, 'dist', f))), `dist/${f} is stale`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the CLI bundle starts and prints its version', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/werf-action.js'), '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), pkg.version);
  assert.ok(readFileSync(join(root, 'dist/cli/werf-action.js'), 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('the Jenkins shim bundle starts', () => {
  const r = spawnSync(process.execPath, [join(root, 'dist/jenkins/resources/werf-action-jenkins.js'), '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

// The runner starts `node dist/<name>/index.js` with inputs as INPUT_<NAME>
// variables (upper-cased, hyphens kept) and GITHUB_OUTPUT/GITHUB_STATE files.
for (const name of readdirSync(join(root, 'actions')).filter((n) => n !== 'shared')) {
  test(`action ${name}: the bundle starts as the runner starts it and masks secret inputs`, () => {
    const work = mkdtempSync(join(tmpdir(), `action-${name}-`));
    try {
      for (const f of ['output', 'state', 'env']) writeFileSync(join(work, f), '');
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        HOME: work,
        GITHUB_OUTPUT: join(work, 'output'),
        GITHUB_STATE: join(work, 'state'),
        GITHUB_ENV: join(work, 'env'),
        RUNNER_TEMP: work,
        'INPUT_WORKING-DIRECTORY': work,
        'INPUT_GITHUB-TOKEN': 'ghs_0123456789abcdef',
        INPUT_ARGS: '--log-quiet',
      };
      const r = spawnSync(process.execPath, [join(root, 'dist', name, 'index.js')], { cwd: work, env, encoding: 'utf8', timeout: 30_000 });
      const all = r.stdout + r.stderr;
      assert.doesNotMatch(all, /SyntaxError|ERR_MODULE_NOT_FOUND|ReferenceError|Cannot find/, all);
      if (readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8').includes('github-token:')) {
        assert.match(r.stdout, /::add-mask::ghs_0123456789abcdef/);
      }
      // Whatever the command says, a failure is reported the runner's way.
      if (r.status !== 0) assert.match(r.stdout, /::error::/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}
