// The chart corpus against its expectations (see cases.ts and generate.ts):
// `helm template` output per variant, and every template's rendering as the
// Go oracle (Helm's engine) produced it from the same data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES } from './cases.js';
import { runVariant } from './generate.js';

const here = new URL('.', import.meta.url).pathname;

for (const [caseName, variants] of Object.entries(CASES)) {
  for (const v of variants) {
    test(`corpus ${caseName}/${v.name}`, async () => {
      const base = join(here, caseName, v.name);
      const res = await runVariant(caseName, v);
      const got = res.ok ? res.r.output : `ERROR: ${res.error}\n`;
      assert.equal(got, readFileSync(`${base}.out`, 'utf8'));
      if (res.ok && existsSync(`${base}.files.json`)) {
        const expected = JSON.parse(readFileSync(`${base}.files.json`, 'utf8')) as Record<string, string>;
        assert.ok(Object.keys(expected).length > 0);
        for (const [name, text] of Object.entries(expected)) {
          assert.equal(res.r.rendered.files[name], text, `${name} differs from Go's rendering`);
        }
      }
    });
  }
}
