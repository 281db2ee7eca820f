// Regenerates the corpus expectations. `.out` files come from our pipeline
// (review every diff by hand: they pin Helm's documented output rules);
// `.files.json` come from the Go oracle (Helm's engine: text/template +
// Sprig + Helm functions), fed with the data our pipeline gives each template.
// Usage: ORACLE=$(../shared/tools/gotpl-oracle/build.sh) node --import tsx test/charts/generate.ts [case...]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoInt, GoStruct } from '@werf-action/gotemplate';
import { createContext } from '../../packages/core/src/context.js';
import { createLogger, memorySink } from '../../packages/core/src/log/index.js';
import { helmTemplate } from '../../packages/core/src/commands/helm-template.js';
import { collectTemplates } from '../../packages/core/src/chart/engine.js';
import { GoStructOf, KubeVersion } from '../../packages/core/src/chart/builtins.js';
import { CASES } from './cases.js';

const here = new URL('.', import.meta.url).pathname;
const oracle = process.env.ORACLE;

/** Our Go value model → JSON the oracle understands (structs as maps; Files dropped). */
function toOracle(v: unknown): unknown {
  if (v instanceof GoInt) return Number(v.v);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof KubeVersion) return { Version: v.version, Major: v.major, Minor: v.minor };
  if (v instanceof GoStructOf) { const o: Record<string, unknown> = {}; for (const [k, x] of v.fields) o[k] = toOracle(x); return o; }
  if (v instanceof GoStruct) return null;
  if (v instanceof Uint8Array) return undefined;
  if (Array.isArray(v)) return v.map(toOracle);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) { if (k === 'Files') continue; const c = toOracle(x); if (c !== undefined) o[k] = c; }
    return o;
  }
  return v;
}

export async function runVariant(caseName: string, variant: (typeof CASES)[string][number]) {
  const sink = memorySink();
  const ctx = createContext({ log: createLogger(sink), env: {}, now: () => 1700000000000 });
  try {
    const r = await helmTemplate(ctx, { ...variant.args, chart: join(here, caseName, 'chart'), cwd: join(here, caseName) });
    return { ok: true as const, r, warnings: sink.text() };
  } catch (e) {
    return { ok: false as const, error: (e as Error).message };
  }
}

async function main() {
  const only = process.argv.slice(2);
  for (const [caseName, variants] of Object.entries(CASES)) {
    if (only.length && !only.includes(caseName)) continue;
    for (const v of variants) {
      const res = await runVariant(caseName, v);
      const base = join(here, caseName, v.name);
      writeFileSync(`${base}.out`, res.ok ? res.r.output : `ERROR: ${res.error}\n`);
      if (!res.ok || !oracle) continue;
      const rendered = res.r.rendered;
      const all = collectTemplates(rendered.chart, rendered.top);
      // Group templates by the data object they execute with (one per chart scope).
      const scopes = new Map<Record<string, unknown>, string[]>();
      for (const [name, t] of all) {
        if (name.slice(name.lastIndexOf('/') + 1).startsWith('_')) continue;
        const list = scopes.get(t.vals) ?? [];
        list.push(name);
        scopes.set(t.vals, list);
      }
      const partials: Record<string, string> = {};
      for (const [name, t] of all) if (name.slice(name.lastIndexOf('/') + 1).startsWith('_')) partials[name] = t.tpl;
      const expected: Record<string, string> = {};
      for (const [vals, names] of scopes) {
        const templates: Record<string, string> = { ...partials };
        for (const n of names) if (!(v.noOracle ?? []).some((s) => n.endsWith(s))) templates[n] = all.get(n)!.tpl;
        const data = toOracle(vals) as Record<string, unknown>;
        const input = JSON.stringify({ templates, values: data });
        const p = spawnSync(oracle, [], { input, encoding: 'utf8' });
        const out = JSON.parse(p.stdout) as { rendered?: Record<string, string>; error?: string };
        if (!out.rendered) throw new Error(`oracle failed on ${caseName}/${v.name}: ${out.error}`);
        for (const n of names) if (n in out.rendered) expected[n] = out.rendered[n]!;
      }
      const sorted: Record<string, string> = {};
      for (const k of Object.keys(expected).sort()) sorted[k] = expected[k]!;
      writeFileSync(`${base}.files.json`, JSON.stringify(sorted, null, 2) + '\n');
      console.log(`${caseName}/${v.name}: ${Object.keys(sorted).length} templates from the oracle`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
