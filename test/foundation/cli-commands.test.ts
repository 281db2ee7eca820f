// The CLI handlers translate flags into core command options and print the
// result: checked in-process on small inputs (the e2e suite runs the bundle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@werf-action/cli';

function sink() {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } });
  return { stream, get text() { return text; } };
}

async function run(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const out = sink();
  const err = sink();
  const code = await main(argv, { stdout: out.stream, stderr: err.stream, env, cwd });
  return { code, stdout: out.text, stderr: err.text };
}

test('helm secret: generate a key, encrypt and decrypt values and files; the key never reaches the log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-secret-'));
  try {
    const gen = await run(['helm', 'secret', 'generate-secret-key'], dir);
    assert.equal(gen.code, 0);
    const key = gen.stdout.trim();
    assert.match(key, /^[0-9a-f]{32}$/);
    const env = { WERF_SECRET_KEY: key };
    writeFileSync(join(dir, 'values.yaml'), 'db:\n  password: hunter2\n');
    const enc = await run(['helm', 'secret', 'values', 'encrypt', 'values.yaml', '-o', 'secret-values.yaml'], dir, env);
    assert.equal(enc.code, 0, enc.stderr);
    const encrypted = readFileSync(join(dir, 'secret-values.yaml'), 'utf8');
    assert.match(encrypted, /^db:\n {2}password: 1000[0-9a-f]+\n$/);
    const dec = await run(['helm', 'secret', 'values', 'decrypt', 'secret-values.yaml'], dir, env);
    assert.equal(dec.code, 0, dec.stderr);
    assert.equal(dec.stdout, 'db:\n  password: hunter2\n');
    writeFileSync(join(dir, 'cert.pem'), 'PEM DATA\n');
    assert.equal((await run(['helm', 'secret', 'file', 'encrypt', 'cert.pem', '-o', 'cert.enc'], dir, env)).code, 0);
    const fdec = await run(['helm', 'secret', 'file', 'decrypt', 'cert.enc'], dir, env);
    assert.equal(fdec.stdout, 'PEM DATA\n');
    const wrong = await run(['helm', 'secret', 'values', 'decrypt', 'secret-values.yaml'], dir, { WERF_SECRET_KEY: 'f'.repeat(32) });
    assert.notEqual(wrong.code, 0);
    assert.doesNotMatch(wrong.stderr + wrong.stdout, new RegExp(key));
    assert.doesNotMatch(wrong.stderr, /hunter2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('helm template [NAME] CHART prints what helm template prints', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-template-'));
  try {
    mkdirSync(join(dir, 'c/templates'), { recursive: true });
    writeFileSync(join(dir, 'c/Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    writeFileSync(join(dir, 'c/values.yaml'), 'replicas: 1\n');
    writeFileSync(join(dir, 'c/templates/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n  ns: {{ .Release.Namespace }}\n');
    const r = await run(['helm', 'template', 'rel', 'c', '--set', 'replicas=3', '-n', 'prod'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '---\n# Source: c/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rel\ndata:\n  replicas: "3"\n  ns: prod\n');
    const def = await run(['helm', 'template', 'c'], dir);
    assert.match(def.stdout, /name: release-name\n/);
    const bad = await run(['helm', 'template', 'a', 'b', 'c'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /helm template takes \[NAME\] CHART/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
