// Dependency processing (Helm's pkg/chartutil/dependencies.go): aliases,
// tags and conditions (disabled subcharts are removed), import-values in both
// forms (merge mode, as install/upgrade use since Helm 3.13).
import { WerfActionError } from '../errors/index.js';
import { satisfies } from './semver.js';
import type { Chart, Dependency } from './types.js';
import { coalesceValues, mergeValues, coalesceTables, mergeTables, type Warn } from './values.js';
import { deepCopy, isTable, type Values } from './yaml.js';

/** A copy of a chart tree that processing may change (file data shared). */
export function cloneChart(c: Chart, parent?: Chart): Chart {
  const out: Chart = {
    ...c,
    metadata: { ...c.metadata, dependencies: c.metadata.dependencies?.map((d) => ({ ...d, tags: d.tags ? [...d.tags] : undefined })) },
    values: c.values,
    parent,
    dependencies: [],
  };
  out.dependencies = c.dependencies.map((d) => cloneChart(d, out));
  return out;
}

/** action.CheckDependencies: every Chart.yaml dependency must be in charts/. */
export function checkDependencies(c: Chart): void {
  const missing: string[] = [];
  for (const r of c.metadata.dependencies ?? []) {
    if (!c.dependencies.some((d) => d.metadata.name === r.name)) missing.push(r.name);
  }
  if (missing.length) {
    throw new WerfActionError(`found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`, {
      code: 'chart.missing-dependency', location: { file: `${c.source}/Chart.yaml` },
      hint: 'put the dependency charts (folders or .tgz) into charts/ (`helm dependency build` does that)',
    });
  }
}

export function parsePath(key: string): string[] { return key.split('.'); }

/** Values.Table: the table at a dotted path, or undefined. */
export function table(v: Values, path: string): Values | undefined {
  if (path === '') return v;
  let cur: unknown = v;
  for (const k of parsePath(path)) {
    if (!isTable(cur) || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return isTable(cur) ? cur : undefined;
}

/** Values.PathValue: a non-table value at a dotted path, or undefined. */
export function pathValue(v: Values, path: string): { value: unknown } | undefined {
  const parts = parsePath(path);
  if (parts.length === 1) {
    const k = parts[0]!;
    return k in v && !isTable(v[k]) ? { value: v[k] } : undefined;
  }
  const key = parts.pop()!;
  const t = table(v, parts.join('.'));
  if (!t) return undefined;
  return key in t && !isTable(t[key]) ? { value: t[key] } : undefined;
}

function processTags(reqs: Dependency[], cvals: Values, warn: Warn): void {
  const vt = table(cvals, 'tags');
  if (!vt) return;
  for (const r of reqs) {
    let hasTrue = false, hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!(k in vt)) continue;
      const b = vt[k];
      if (typeof b === 'boolean') { if (b) hasTrue = true; else hasFalse = true; }
      else warn(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else r.enabled = true;
  }
}

function processConditions(reqs: Dependency[], cvals: Values, cpath: string, warn: Warn): void {
  for (const r of reqs) {
    for (const c of (r.condition ?? '').trim().split(',')) {
      if (c.length === 0) continue;
      const pv = pathValue(cvals, cpath + c);
      if (!pv) continue;
      if (typeof pv.value === 'boolean') { r.enabled = pv.value; break; }
      warn(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function aliasDependency(charts: Chart[], dep: Dependency, parent: Chart): Chart | undefined {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue;
    if (dep.version && !satisfies(c.metadata.version, dep.version)) continue;
    const out = cloneChart(c, parent);
    if (dep.alias) out.metadata.name = dep.alias;
    return out;
  }
  return undefined;
}

function processEnabled(c: Chart, v: Values, path: string, warn: Warn): void {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  const deps: Chart[] = [];
  loop: for (const existing of c.dependencies) {
    for (const req of reqs) {
      if (existing.metadata.name === req.name && (!req.version || satisfies(existing.metadata.version, req.version))) continue loop;
    }
    deps.push(existing);
  }
  for (const req of reqs) {
    const d = aliasDependency(c.dependencies, req, c);
    if (d) deps.push(d);
    if (req.alias) req.name = req.alias;
  }
  c.dependencies = deps;
  for (const r of reqs) r.enabled = true;
  const cvals = coalesceValues(c, v, warn);
  processTags(reqs, cvals, warn);
  processConditions(reqs, cvals, path, warn);
  const rm = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name));
  const cd = c.dependencies.filter((d) => !rm.has(d.metadata.name));
  const md = reqs.filter((r) => !rm.has(r.name));
  for (const t of cd) processEnabled(t, cvals, `${path}${t.metadata.name}.`, warn);
  c.metadata.dependencies = md;
  c.dependencies = cd;
}

function pathToMap(path: string, data: Values): Values {
  if (path === '.') return data;
  const parts = parsePath(path);
  const out: Values = {};
  let cur = out;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) cur[p] = data;
    else { const n: Values = {}; cur[p] = n; cur = n; }
  });
  return out;
}

function processImportValues(c: Chart, merge: boolean, warn: Warn): void {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  let cvals = merge ? mergeValues(c, {}, warn) : coalesceValues(c, {}, warn);
  let b: Values = {};
  for (const r of reqs) {
    const outiv: { child: string; parent: string }[] = [];
    for (const riv of r['import-values'] ?? []) {
      if (typeof riv === 'string') {
        const child = `exports.${riv}`;
        outiv.push({ child, parent: '.' });
        const vm = table(cvals, `${r.name}.${child}`);
        if (!vm) { warn(`Warning: ImportValues missing table: no table named "${child}"`); continue; }
        b = merge ? mergeTables(b, deepCopy(vm), warn) : coalesceTables(b, deepCopy(vm), warn);
      } else {
        outiv.push({ child: riv.child, parent: riv.parent });
        const vv = table(cvals, `${r.name}.${riv.child}`);
        if (!vv) { warn(`Warning: ImportValues missing table from chart ${r.name}: no table named "${riv.child}"`); continue; }
        const m = pathToMap(riv.parent, deepCopy(vv));
        b = merge ? mergeTables(b, m, warn) : coalesceTables(b, m, warn);
      }
    }
    if (r['import-values']) r['import-values'] = outiv;
  }
  if (merge) {
    cvals = deepCopy(cvals);
    c.values = mergeTables(cvals, b, warn);
  } else {
    cvals = trimNil(cvals);
    c.values = coalesceTables(cvals, b, warn);
  }
}

function trimNil(v: Values): Values {
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null) continue;
    out[k] = isTable(x) ? trimNil(x) : x;
  }
  return out;
}

function processImports(c: Chart, merge: boolean, warn: Warn): void {
  for (const d of c.dependencies) processImports(d, merge, warn);
  processImportValues(c, merge, warn);
}

/**
 * ProcessDependenciesWithMerge: enables/disables subcharts (tags, conditions),
 * applies aliases and imports values. Changes `chart` (pass a clone).
 */
export function processDependencies(chart: Chart, userValues: Values, warn: Warn = () => {}, merge = true): void {
  processEnabled(chart, userValues, '', warn);
  processImports(chart, merge, warn);
}
