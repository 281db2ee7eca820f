// Re-runs test/fixtures/mismatches.jsonl (Go's outputs) against our engine and prints what still differs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProtocol } from '../src/cli.js';

const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/mismatches.jsonl');
let n = 0, bad = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  n++;
  const d = JSON.parse(line);
  const ours = JSON.parse(runProtocol(JSON.stringify(d.input))[0]);
  const a = JSON.stringify(d.expected), b = JSON.stringify(ours);
  if (a === b) continue;
  bad++;
  if (bad > 25) continue;
  if (d.expected.rendered && ours.rendered) {
    for (const k of Object.keys(d.expected.rendered)) {
      const x: string = d.expected.rendered[k], y: string = ours.rendered[k] ?? '';
      if (x === y) continue;
      let j = 0;
      while (j < Math.min(x.length, y.length) && x[j] === y[j]) j++;
      console.log(`#${n} GO  :`, JSON.stringify(x.slice(Math.max(0, j - 50), j + 70)));
      console.log(`#${n} OURS:`, JSON.stringify(y.slice(Math.max(0, j - 50), j + 70)));
      break;
    }
  } else {
    console.log(`#${n} GO  :`, a.slice(0, 400));
    console.log(`#${n} OURS:`, b.slice(0, 400));
  }
}
console.log(`${n} cases, ${bad} still differ`);
