// Values: Helm's coalescing (pkg/chartutil/coalesce.go) and user-supplied
// values (pkg/cli/values/options.go): --values files, --set-json, --set,
// --set-string, --set-file, --set-literal, applied in that fixed order.
import { readFileSync } from 'node:fs';
import { WerfActionError } from '../errors/index.js';
import type { Chart } from './types.js';
import { deepCopy, isTable, parseYamlMap, type Values } from './yaml.js';
import { parseSet, parseSetString, parseSetJSON, parseSetFile, parseSetLiteral } from './strvals.js';

export type Warn = (message: string) => void;

/** Go's %v of a value, for warnings. */
function fmtV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(fmtV).join(' ')}]`;
  if (isTable(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${fmtV(v[k])}`).join(' ')}]`;
  return String(v);
}

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** CoalesceValues: user values over chart defaults, recursively through enabled subcharts. */
export function coalesceValues(chart: Chart, user: Values, warn: Warn = () => {}): Values {
  return coalesce(warn, chart, deepCopy(user ?? {}), '', false);
}

/** MergeValues: like coalesceValues but nulls are kept (used by dependency processing). */
export function mergeValues(chart: Chart, user: Values, warn: Warn = () => {}): Values {
  return coalesce(warn, chart, deepCopy(user ?? {}), '', true);
}

function coalesce(warn: Warn, ch: Chart, dest: Values, prefix: string, merge: boolean): Values {
  coalesceChartValues(warn, ch, dest, prefix, merge);
  return coalesceDeps(warn, ch, dest, prefix, merge);
}

function coalesceDeps(warn: Warn, ch: Chart, dest: Values, prefix: string, merge: boolean): Values {
  for (const sub of ch.dependencies) {
    const name = sub.metadata.name;
    if (!(name in dest)) dest[name] = {};
    else if (!isTable(dest[name])) {
      throw new WerfActionError(`type mismatch on ${name}: %!t(${goTypeName(dest[name])}=${fmtV(dest[name])})`, {
        code: 'values.type-mismatch', location: { subject: `values.${name}` },
        hint: `"${name}" is a subchart: its values must be a map`,
      });
    }
    const dv = dest[name] as Values;
    const subPrefix = concatPrefix(prefix, ch.metadata.name);
    coalesceGlobals(warn, dv, dest, subPrefix);
    dest[name] = coalesce(warn, sub, dv, subPrefix, merge);
  }
  return dest;
}

function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'interface {}';
}

function coalesceGlobals(warn: Warn, dest: Values, src: Values, prefix: string): void {
  let dg: Values;
  let sg: Values;
  if (!('global' in dest)) dg = {};
  else if (isTable(dest.global)) dg = dest.global;
  else { warn('warning: skipping globals because destination global is not a table.'); return; }
  if (!('global' in src)) sg = {};
  else if (isTable(src.global)) sg = src.global;
  else { warn('warning: skipping globals because source global is not a table.'); return; }
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isTable(val)) {
      const vv: Values = { ...val };
      if (!(key in dg)) dg[key] = vv;
      else {
        const destv = dg[key];
        if (!isTable(destv)) warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
        else {
          coalesceTablesFullKey(warn, vv, destv, concatPrefix(prefix, key), true);
          dg[key] = vv;
        }
      }
    } else if (key in dg && isTable(dg[key])) {
      warn(`key ${key} is table. Skipping`);
    } else {
      dg[key] = val;
    }
  }
  dest.global = dg;
}

function coalesceChartValues(warn: Warn, c: Chart, v: Values, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, c.metadata.name);
  const vc = deepCopy(c.values);
  for (const key of Object.keys(vc)) {
    const val = vc[key];
    if (key in v) {
      const value = v[key];
      if (value === null && !merge) {
        delete v[key];
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          const m = c.dependencies.some((d) => d.metadata.name === key) ? true : merge;
          coalesceTablesFullKey(warn, value, val, concatPrefix(subPrefix, key), m);
        }
      }
    } else {
      v[key] = val;
    }
  }
}

/** CoalesceTables: dst is authoritative; src fills in. */
export function coalesceTables(dst: Values, src: Values, warn: Warn = () => {}): Values {
  return coalesceTablesFullKey(warn, dst, src, '', false);
}

/** MergeTables: like coalesceTables but nulls in dst are kept. */
export function mergeTables(dst: Values, src: Values, warn: Warn = () => {}): Values {
  return coalesceTablesFullKey(warn, dst, src, '', true);
}

function coalesceTablesFullKey(warn: Warn, dst: Values, src: Values, prefix: string, merge: boolean): Values {
  if (!src) return dst;
  if (!dst) return src;
  for (const key of Object.keys(src)) {
    const val = src[key];
    const fullkey = concatPrefix(prefix, key);
    const has = key in dst;
    const dv = dst[key];
    if (has && !merge && dv === null) delete dst[key];
    else if (!has) dst[key] = val;
    else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(warn, dv, val, fullkey, merge);
      else warn(`warning: cannot overwrite table with non table for ${fullkey} (${fmtV(val)})`);
    } else if (isTable(dv) && val !== null) {
      warn(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${fmtV(val)})`);
    }
  }
  return dst;
}

/** Helm's mergeMaps for -f files: maps merge recursively, anything else replaces. */
export function mergeMaps(a: Values, b: Values): Values {
  const out: Values = { ...a };
  for (const k of Object.keys(b)) {
    const v = b[k];
    if (isTable(v) && isTable(out[k])) out[k] = mergeMaps(out[k] as Values, v);
    else out[k] = v;
  }
  return out;
}

export interface ValueOptions {
  /** -f/--values: paths (read from disk) or already-read {name, text}. */
  valueFiles?: (string | { name: string; text: string })[];
  /** --set-json `key=<json>` */
  jsonValues?: string[];
  /** --set */
  values?: string[];
  /** --set-string */
  stringValues?: string[];
  /** --set-file `key=path` */
  fileValues?: string[];
  /** --set-literal */
  literalValues?: string[];
  /** Base directory for relative paths. */
  cwd?: string;
  /** Merged right after the --values files (werf's --secret-values level). */
  afterFiles?: Values;
  /** Reads a file for --set-file and --values (defaults to fs). */
  readFile?: (path: string) => string;
}

/** MergeValues of pkg/cli/values: the user-supplied values, in Helm's order. */
export function userValues(opts: ValueOptions): Values {
  const read = opts.readFile ?? ((p: string) => readFileSync(resolvePath(opts.cwd, p), 'utf8'));
  let base: Values = {};
  for (const f of opts.valueFiles ?? []) {
    const { name, text } = typeof f === 'string' ? { name: f, text: readOrFail(read, f) } : f;
    let current: Values;
    try { current = parseYamlMap(text); } catch (e) {
      throw new WerfActionError(`failed to parse ${name}: error converting YAML to JSON: ${(e as Error).message}`, {
        code: 'values.parse', location: { file: name, line: (e as { line?: number }).line },
      });
    }
    base = mergeMaps(base, current);
  }
  if (opts.afterFiles) base = mergeMaps(base, opts.afterFiles);
  const wrap = (flag: string, s: string, fn: () => void) => {
    try { fn(); } catch (e) {
      if (e instanceof WerfActionError) throw e;
      throw new WerfActionError(`failed parsing ${flag} data: ${(e as Error).message}`, { code: 'values.set', location: { subject: `${flag} ${s}` } });
    }
  };
  for (const s of opts.jsonValues ?? []) wrap('--set-json', s, () => parseSetJSON(s, base));
  for (const s of opts.values ?? []) wrap('--set', s, () => parseSet(s, base));
  for (const s of opts.stringValues ?? []) wrap('--set-string', s, () => parseSetString(s, base));
  for (const s of opts.fileValues ?? []) wrap('--set-file', s, () => parseSetFile(s, base, (p) => readOrFail(read, p)));
  for (const s of opts.literalValues ?? []) wrap('--set-literal', s, () => parseSetLiteral(s, base));
  return base;
}

function readOrFail(read: (p: string) => string, p: string): string {
  try { return read(p); } catch (e) {
    throw new WerfActionError(`open ${p}: no such file or directory`, { code: 'values.read', location: { file: p }, cause: e });
  }
}

function resolvePath(cwd: string | undefined, p: string): string {
  return cwd && !p.startsWith('/') ? `${cwd}/${p}` : p;
}
