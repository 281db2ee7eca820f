import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitArgs, splitList, translateInputs, type InputSpec } from './inputs.js';

test('splitArgs honours quotes', () => {
  assert.deepEqual(splitArgs(`--set a=1 --values "my file.yaml" --x ''`), ['--set', 'a=1', '--values', 'my file.yaml', '--x', '']);
  assert.throws(() => splitArgs('--set "a=1'), /unterminated " quote/);
});

test('splitList drops blank and comment lines', () => {
  assert.deepEqual(splitList('a=1\n\n  # note\n b=2 \n'), ['a=1', 'b=2']);
});

test('translateInputs maps inputs to flags and env, collecting secrets', () => {
  const specs: InputSpec[] = [
    { input: 'repo', kind: 'string', flag: 'repo' },
    { input: 'set', kind: 'list', flag: 'set' },
    { input: 'dry-run', kind: 'bool', flag: 'dry-run' },
    { input: 'secret-key', kind: 'string', env: 'WERF_SECRET_KEY', secret: true },
    { input: 'unused', kind: 'string', flag: 'unused' },
  ];
  const inputs: Record<string, string> = { repo: 'ghcr.io/o/a', set: 'a=1\nb=2', 'dry-run': 'True', 'secret-key': 'abc123' };
  const t = translateInputs(specs, (n) => inputs[n] ?? '');
  assert.deepEqual(t.argv, ['--repo=ghcr.io/o/a', '--set=a=1', '--set=b=2', '--dry-run=true']);
  assert.deepEqual(t.env, { WERF_SECRET_KEY: 'abc123' });
  assert.deepEqual(t.secrets, ['abc123']);
  assert.throws(() => translateInputs(specs, (n) => (n === 'dry-run' ? 'sure' : '')), /input "dry-run": "sure" is not a boolean/);
});
