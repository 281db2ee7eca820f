// Cold start of the bundled CLI (`--version`) against bare `node -e 0`,
// alternated in one run so machine noise hits both alike; and bundle sizes.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.BENCH_RUNS ?? 20);

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare: number[] = [];
const cli: number[] = [];
for (let i = 0; i < runs; i++) {
  bare.push(time(['-e', '0']));
  cli.push(time([join(root, 'dist/cli/werf-action.js'), '--version']));
}
console.log(`node -e 0                      median ${median(bare).toFixed(1)} ms`);
console.log(`werf-action --version (bundle) median ${median(cli).toFixed(1)} ms  (${(median(cli) / median(bare)).toFixed(2)}x bare node, ${runs} runs each)`);

console.log('\nbundle sizes:');
const dist = join(root, 'dist');
for (const dir of readdirSync(dist).sort()) {
  const d = join(dist, dir);
  if (!statSync(d).isDirectory()) continue;
  const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).flatMap((n) => walk(join(p, n))) : [p]);
  for (const f of walk(d).filter((f) => f.endsWith('.js'))) {
    console.log(`  ${f.slice(dist.length + 1).padEnd(45)} ${(statSync(f).size / 1024).toFixed(1).padStart(8)} KiB`);
  }
}
