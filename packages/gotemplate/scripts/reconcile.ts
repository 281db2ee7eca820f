// Moves cases of test/fixtures/mismatches.jsonl (plus any extra files given) that now agree with
// Go into test/fixtures/generated.jsonl.gz; the rest are written back to mismatches.jsonl.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { runProtocol } from '../src/cli.js';

const fx = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures');
const lines = [join(fx, 'mismatches.jsonl'), ...process.argv.slice(2)]
  .filter((f) => existsSync(f))
  .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()));
const seen = new Set<string>();
const agree: string[] = [], still: string[] = [];
for (const l of lines) {
  const d = JSON.parse(l);
  const key = JSON.stringify(d.input);
  if (seen.has(key)) continue;
  seen.add(key);
  const ours = JSON.parse(runProtocol(key)[0]);
  (JSON.stringify(ours) === JSON.stringify(d.expected) ? agree : still).push(l);
}
const gz = join(fx, 'generated.jsonl.gz');
const existing = existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8').split('\n').filter((l) => l.trim()) : [];
writeFileSync(gz, gzipSync([...existing, ...agree].join('\n') + '\n', { level: 9 }));
writeFileSync(join(fx, 'mismatches.jsonl'), still.length ? still.join('\n') + '\n' : '');
console.log(`${agree.length} now agree (moved to generated.jsonl.gz, ${existing.length + agree.length} total), ${still.length} still differ`);
