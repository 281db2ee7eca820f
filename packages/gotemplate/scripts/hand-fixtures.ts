// Writes test/fixtures/hand.jsonl: each hand-written case of test/hand-cases.ts with the Go oracle's output.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handCases } from '../test/hand-cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const oracle = process.env.ORACLE ?? execFileSync('flock', ['/tmp/oracle.lock', join(here, '../../../../shared/tools/gotpl-oracle/build.sh')], { encoding: 'utf8' }).trim();
const base = { Values: { f1: 1000000, f2: 8080, s: ['a', 'b'], m: { b: 1, a: 'x', c: ['p', 2, null] }, e: {}, nul: null, str: 'hello', l: [3, 1, 2] }, Release: { Name: 'rel', Namespace: 'ns' } };
const lines: string[] = [];
for (const c of handCases) {
  const input = { templates: { 'c/templates/t.yaml': c.t, ...(c.extra ?? {}) }, values: c.values ?? base, ...(c.strict ? { strict: true } : {}) };
  const r = spawnSync(oracle, [], { input: JSON.stringify(input), encoding: 'utf8' });
  if (!r.stdout.trim()) { console.error(`${c.name}: no oracle output: ${r.stderr.slice(0, 200)}`); continue; }
  lines.push(JSON.stringify({ name: c.name, input, expected: JSON.parse(r.stdout) }));
}
writeFileSync(join(here, '../test/fixtures/hand.jsonl'), lines.join('\n') + '\n');
console.log(`wrote ${lines.length} hand-written cases`);
