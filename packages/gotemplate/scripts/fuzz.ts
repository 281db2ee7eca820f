// Differential fuzzer: random templates + values rendered by the Go oracle and by our engine.
// Usage: npm run fuzz:gotemplate -- [--count 6000] [--seed 1] [--write]
//   --append  with --write: add to the existing generated cases instead of replacing them
//   --write   replace test/fixtures/generated.jsonl.gz with the agreeing cases and
//             test/fixtures/mismatches.jsonl with the disagreeing ones (Go's output is the expectation)
// Needs the oracle: ORACLE=$(../shared/tools/gotpl-oracle/build.sh) or it is built on first use.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProtocol } from '../src/cli.js';
import { generateCase } from '../test/generator.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (n: string, d: string): string => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };
const count = parseInt(opt('--count', '6000'), 10);
const seed = parseInt(opt('--seed', '1'), 10);
const write = args.includes('--write');
const append = args.includes('--append'); // keep the existing agreeing cases and add the new ones

function findOracle(): string | undefined {
  if (process.env.ORACLE && existsSync(process.env.ORACLE)) return process.env.ORACLE;
  const build = join(here, '../../../../shared/tools/gotpl-oracle/build.sh');
  if (!existsSync(build)) return undefined;
  try { return execFileSync('flock', ['/tmp/oracle.lock', build], { encoding: 'utf8' }).trim(); } catch { return undefined; }
}

const oracle = findOracle();
if (!oracle) {
  console.error('gotpl-oracle is not available (needs ../shared/tools/gotpl-oracle and Go); nothing to compare against');
  process.exit(2);
}

const agree: string[] = [];
const mismatch: string[] = [];
const t0 = Date.now();
for (let i = 0; i < count; i++) {
  const c = generateCase(seed * 1000003 + i);
  const input = JSON.stringify(c);
  const r = spawnSync(oracle, [], { input, encoding: 'utf8' });
  const expected = r.stdout;
  if (!expected.trim()) { console.log(`case ${i}: the oracle produced no output (${r.stderr.split('\n')[0]}); skipped`); continue; }
  let ours: string;
  try { ours = runProtocol(input)[0]; } catch (e) { ours = `CRASH ${(e as Error).stack}`; }
  const line = JSON.stringify({ seed: seed * 1000003 + i, input: c, expected: JSON.parse(expected) });
  if (ours === expected) agree.push(line);
  else {
    mismatch.push(line);
    if (mismatch.length <= 15) {
      console.log(`--- mismatch #${mismatch.length} (case ${i})`);
      console.log('templates:', JSON.stringify(c.templates));
      console.log('values:   ', JSON.stringify(c.values).slice(0, 400));
      console.log('go:   ', expected.trim().slice(0, 600));
      console.log('ours: ', ours.trim().slice(0, 600));
    }
  }
}
console.log(`${count} cases: ${agree.length} agree, ${mismatch.length} differ (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
if (write) {
  const fx = join(here, '../test/fixtures');
  const gz = join(fx, 'generated.jsonl.gz');
  if (append && existsSync(gz)) agree.unshift(...gunzipSync(readFileSync(gz)).toString('utf8').split('\n').filter((l) => l.trim()));
  writeFileSync(gz, gzipSync(agree.join('\n') + '\n', { level: 9 }));
  writeFileSync(join(fx, 'mismatches.jsonl'), mismatch.length ? mismatch.join('\n') + '\n' : '');
  console.log(`wrote ${agree.length} cases to test/fixtures/generated.jsonl.gz, ${mismatch.length} to test/fixtures/mismatches.jsonl`);
}
