// The CLI skeleton: help, version, werf-style flags with WERF_* defaults, and
// commands that are not built yet saying so with a non-zero exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { main, parseArgs, commands } from '@werf-action/cli';
import { VERSION } from '@werf-action/core';

function sink() {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } });
  return { stream, get text() { return text; } };
}

async function run(argv: string[], env: Record<string, string> = {}) {
  const out = sink();
  const err = sink();
  const code = await main(argv, { stdout: out.stream, stderr: err.stream, env, cwd: process.cwd() });
  return { code, stdout: out.text, stderr: err.text };
}

test('--version prints the version', async () => {
  const r = await run(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `${VERSION}\n`);
});

test('--help lists every command of werf that we carry', async () => {
  const r = await run(['--help']);
  assert.equal(r.code, 0);
  for (const name of ['build', 'converge', 'render', 'plan', 'dismiss', 'cleanup', 'purge', 'config render', 'helm template', 'helm secret values encrypt', 'ci-env']) {
    assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'), name);
  }
});

test('a command --help shows its flags with their WERF_ variables', async () => {
  const r = await run(['build', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--repo REGISTRY\/PROJECT/);
  assert.match(r.stdout, /\$WERF_REPO\b/);
  assert.match(r.stdout, /-Z, --require-built-images/);
});

test('an unknown command is a usage error', async () => {
  const r = await run(['deploy-everything']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command "deploy-everything"/);
});

test('an unknown flag names the flag', async () => {
  const r = await run(['purge', '--repoo', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown flag --repoo/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

test('flags: --name value, --name=value, short, repeatable, bool', () => {
  const spec = commands.find((c) => c.path.join(' ') === 'converge')!;
  const a = parseArgs(['--repo', 'r/a', '--set=a=1', '--set', 'b=2', '-R', '--timeout=30', 'img'], spec.flags, {});
  assert.equal(a.flags.repo, 'r/a');
  assert.deepEqual(a.flags.set, ['a=1', 'b=2']);
  assert.equal(a.flags['auto-rollback'], true);
  assert.equal(a.flags.timeout, 30);
  assert.deepEqual(a.positionals, ['img']);
});

test('flags fall back to WERF_* variables; the command line wins', () => {
  const spec = commands.find((c) => c.path.join(' ') === 'converge')!;
  const env = { WERF_REPO: 'env/repo', WERF_SET_B: 'b=2', WERF_SET_A: 'a=1', WERF_DEV: 'true', WERF_ENV: 'staging' };
  const a = parseArgs(['--env', 'production'], spec.flags, env);
  assert.equal(a.flags.repo, 'env/repo');
  assert.deepEqual(a.flags.set, ['a=1', 'b=2'], 'all WERF_SET_* in name order');
  assert.equal(a.flags.dev, true);
  assert.equal(a.flags.env, 'production');
  assert.equal(a.sources.repo, 'environment WERF_REPO');
});

test('a bad boolean or integer in the environment says which variable', () => {
  const spec = commands.find((c) => c.path.join(' ') === 'converge')!;
  assert.throws(() => parseArgs([], spec.flags, { WERF_DEV: 'maybe' }), /environment WERF_DEV: "maybe" is not a boolean/);
  assert.throws(() => parseArgs(['--timeout', '5m'], spec.flags, {}), /flag --timeout: "5m" is not an integer/);
});
