import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fastHead } from './fasthead.js';
import { readHeadFull, splitManifests } from './manifests.js';

function full(doc: string): { head?: unknown; error?: string } {
  try { return { head: readHeadFull(doc) }; } catch (e) { return { error: (e as Error).message }; }
}

/** The property: when the fast reader answers, the full parse agrees (and succeeds). */
function check(doc: string): boolean {
  const f = fastHead(doc);
  if (f === undefined) return false;
  const r = full(doc);
  assert.equal(r.error, undefined, `fastHead accepted a document the full parser rejects:\n${doc}`);
  assert.deepEqual(f, r.head, `heads differ for:\n${doc}`);
  return true;
}

const SAMPLES = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    "helm.sh/hook": pre-install\n    helm.sh/hook-weight: "-5"\n    x: \'it\'\'s\'\ndata:\n  a: |\n    text: with colon\n    - not a list\n  b: >-\n    folded\n',
  'kind: Job\nmetadata:\n  labels:\n    a: b\n  name: j # comment\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          args: ["a", "b: c", \'d\']\n          env:\n          - name: X\n            value: "1"\n',
  'apiVersion: v1\nkind: List\nitems:\n- kind: A\n  metadata: {name: x}\n- - nested\n  - seq\n',
  'metadata:\n  name: 123\n', 'metadata:\n  name: yes\n', 'kind: 1.5\n', 'metadata:\n  annotations:\n    a: 1\n',
  'metadata:\n  annotations:\n    a: null\n', 'metadata: null\nkind: K\n', 'metadata:\n  name: "esc\\"aped"\n',
  'kind: A\n  bad: indent\n', 'kind: A\nmetadata:\n  name: a\n bad: x\n', 'kind: a: b\n', '- a\n- b\n', 'just a string\n',
  'kind: &anchor A\n', 'kind: !!str A\n', 'kind: "unterminated\n', 'metadata:\n  name: a\n  name: b\n',
  'kind: A\nspec:\n  multi\n  line\n', 'kind: A\nspec:\n  key: plain\n    continued\n', 'kind: "A"\nmetadata:\n  annotations: {}\n',
  '# only a comment\n', 'kind: A\nspec:\n\tkey: tab\n', 'kind: A\nspec: [unclosed\n', 'metadata:\n  annotations:\n    a: |\n      block\n',
  'kind: A\nx: "a" trailing\n', 'kind: A\nlist:\n- a\n-  b\n- c: d\n  e: f\n', 'kind: A\nx: - a\n', 'kind: A\nx: -1\ny: -a\n',
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: dmFsdWU=\ntype: Opaque\n', 'kind: A\nmetadata:\n  name: a\n  namespace: b\n  annotations:\n    k1: v1\n  labels:\n    k2: v2\n',
];

test('fastHead agrees with the full parse whenever it answers', () => {
  let answered = 0;
  for (const d of SAMPLES) if (check(d)) answered++;
  assert.ok(answered >= 8, `fast path used for ${answered} samples`);
  assert.deepEqual(fastHead(SAMPLES[0]!), { apiVersion: 'v1', kind: 'ConfigMap', name: 'a', annotations: { 'helm.sh/hook': 'pre-install', 'helm.sh/hook-weight': '-5', x: "it's" } });
});

test('fastHead on the corpus outputs and thousands of mutations of them', () => {
  const root = new URL('../../../../test/charts/', import.meta.url).pathname;
  const docs: string[] = [];
  for (const c of readdirSync(root)) {
    let names: string[] = [];
    try { names = readdirSync(join(root, c)); } catch { continue; }
    for (const n of names) if (n.endsWith('.out')) docs.push(...splitManifests(readFileSync(join(root, c, n), 'utf8')).map((d) => d.replace(/^# Source: .*\n/, '')));
  }
  assert.ok(docs.length > 30);
  let answered = 0;
  for (const d of docs) if (check(d)) answered++;
  assert.ok(answered > docs.length * 0.9, `fast path used for ${answered}/${docs.length} corpus docs`);
  let seed = Number(process.env.FASTHEAD_SEED ?? 42);
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const pieces = [':', ' ', '  ', '-', '- ', '"', "'", '#', '\n', '{', '[', '|', '&', '*', '\t', ': x', 'yes', '1', '\n  ', '\n- '];
  let checked = 0;
  for (let i = 0; i < Number(process.env.FASTHEAD_N ?? 3000); i++) {
    const d = docs[rnd(docs.length)]!;
    const pos = rnd(d.length + 1);
    const op = rnd(3);
    const m = op === 0 ? d.slice(0, pos) + d.slice(pos + 1 + rnd(3))
      : op === 1 ? d.slice(0, pos) + pieces[rnd(pieces.length)] + d.slice(pos)
        : d.slice(0, pos) + pieces[rnd(pieces.length)] + d.slice(pos + 1);
    check(m);
    checked++;
  }
  assert.equal(checked, Number(process.env.FASTHEAD_N ?? 3000));
});
