// Helm's rendering engine (pkg/engine/engine.go) on top of the Go template
// engine of @werf-action/gotemplate: one shared template namespace for the
// chart and its subcharts, Helm's parse order (deepest first, then reverse
// lexical), per-chart scoped data (.Values .Chart .Files .Subcharts), late
// bound include / tpl / required / fail / lookup, `<no value>` removed, and
// Helm's error texts (`parse error at (...)`, `execution error at (...)`).
// It only renders: loading, values and output ordering live elsewhere.
import { Templates, TemplateError, helmStaticFuncs, toYaml as goToYaml } from '@werf-action/gotemplate';
import { WerfActionError } from '../errors/index.js';
import { chartObject, chartValues, isLibrary, newFiles, tag, type ToYaml } from './builtins.js';
import { chartFullPath, type Chart } from './types.js';
import { isTable, type Values } from './yaml.js';

const ERR_START = 'HELM_ERR_START';
export const MAX_INCLUDE_NESTING = 300;
const ERR_END = 'HELM_ERR_END';
const WARN_RE = new RegExp(`${ERR_START}([\\s\\S]*)${ERR_END}`);

export type LookupFn = (apiVersion: string, kind: string, namespace: string, name: string) => Record<string, unknown>;

export interface EngineOptions {
  /** missingkey=error (helm --strict / lint --strict) */
  strict?: boolean;
  /** lint mode: required/fail return "" */
  lintMode?: boolean;
  /** `lookup` (synchronous); `helm template` returns an empty map. */
  lookup?: LookupFn;
  /** Extra functions (werf_secret_file, ...). */
  funcs?: Record<string, (...args: any[]) => unknown>;
}

interface Renderable { tpl: string; vals: Record<string, unknown>; basePath: string }

/** Top-level data as chartutil.ToRenderValues builds it. */
export interface RenderValues {
  Values: Values;
  Release: Record<string, unknown>;
  Capabilities: unknown;
}

function recAllTpls(c: Chart, templates: Map<string, Renderable>, parentVals: { Values: unknown; Release: unknown; Capabilities: unknown }, toYaml: ToYaml): Record<string, unknown> {
  const subcharts: Record<string, unknown> = {};
  let values: unknown = chartValues({});
  if (!c.parent) values = parentVals.Values;
  else if (isTable(parentVals.Values) && isTable(parentVals.Values[c.metadata.name])) values = chartValues(parentVals.Values[c.metadata.name] as Values);
  const next: Record<string, unknown> = {
    Chart: chartObject(c.metadata, !c.parent),
    Files: newFiles(c.files, toYaml),
    Release: parentVals.Release,
    Capabilities: parentVals.Capabilities,
    Values: values,
    Subcharts: subcharts,
  };
  for (const child of c.dependencies) {
    subcharts[child.metadata.name] = recAllTpls(child, templates, next as never, toYaml);
  }
  const id = chartFullPath(c);
  for (const t of c.templates) {
    if (isLibrary(c) && !t.name.slice(t.name.lastIndexOf('/') + 1).startsWith('_')) continue;
    templates.set(`${id}/${t.name}`, { tpl: Buffer.from(t.data).toString('utf8'), vals: next, basePath: `${id}/templates` });
  }
  return next;
}

/** Helm's parse order: more path separators first; equal depth in reverse lexical order. */
export function sortTemplates(names: string[]): string[] {
  return [...names].sort((a, b) => {
    const da = a.split('/').length, db = b.split('/').length;
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

function cleanupParseError(filename: string, e: Error): WerfActionError {
  const tokens = e.message.split(': ');
  const msg = tokens.length === 1 ? `parse error in (${filename}): ${e.message}` : `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
  const loc = tokens.length > 1 ? /^(.*?):(\d+)(?::(\d+))?$/.exec(tokens[1]!) : null;
  return new WerfActionError(msg, {
    code: 'chart.template-parse', location: { file: loc?.[1] ?? filename, line: loc ? Number(loc[2]) : undefined, column: loc?.[3] ? Number(loc[3]) : undefined },
  });
}

function reformatExecError(filename: string, e: Error): WerfActionError {
  const text = e.message;
  const tokens = splitN(text, ': ', 3);
  let msg: string;
  if (tokens.length !== 3) msg = `execution error in (${filename}): ${text}`;
  else {
    const m = WARN_RE.exec(tokens[2]!);
    msg = m ? `execution error at (${tokens[1]}): ${m[1]}` : text.replace(new RegExp(`${ERR_START}|${ERR_END}`, 'g'), '');
  }
  const locTok = tokens.length === 3 ? tokens[1]! : '';
  const loc = /^(.*?):(\d+)(?::(\d+))?$/.exec(locTok);
  const expr = /executing "[^"]*" at <(.*?)>:/.exec(text)?.[1];
  return new WerfActionError(msg, {
    code: 'chart.template-exec',
    location: { file: loc?.[1] ?? filename, line: loc ? Number(loc[2]) : undefined, column: loc?.[3] ? Number(loc[3]) : undefined, subject: expr ? `{{ ${expr} }}` : undefined },
  });
}

function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/** Every template with the data it executes with (for tools that diff against Helm). */
export function collectTemplates(chart: Chart, top: RenderValues): Map<string, { tpl: string; vals: Record<string, unknown>; basePath: string }> {
  const templates = new Map<string, Renderable>();
  recAllTpls(chart, templates, { Values: top.Values, Release: top.Release, Capabilities: top.Capabilities }, (v) => goToYaml(v));
  return templates;
}

/**
 * Engine.Render: renders every non-partial template of the chart and its
 * subcharts. Keys are `<chartFullPath>/templates/...`.
 */
export function renderChartTemplates(chart: Chart, top: RenderValues, opts: EngineOptions = {}): Record<string, string> {
  const missingKey = opts.strict ? 'error' : 'zero';
  const t = new Templates({ missingKey, maxIncludeDepth: 1010 });
  const stack: Templates[] = [t];
  const includedNames = new Map<string, number>();
  const current = () => stack[stack.length - 1]!;
  const toYaml: ToYaml = (v) => goToYaml(v);
  let depth = 0;

  const include = (name: string, data: unknown): string => {
    const n = includedNames.get(name) ?? 0;
    // Helm allows 1000 nested includes of one name; JavaScript's stack does not, so
    // nesting deeper than MAX_INCLUDE_NESTING fails with Helm's message earlier.
    if (n > 1000 || depth >= MAX_INCLUDE_NESTING) throw new Error(`rendering template has a nested reference name: ${name}: unable to execute template`);
    includedNames.set(name, n + 1);
    depth++;
    try {
      return current().execute(name, data === null ? undefined : data, 'gotpl', depth);
    } catch (e) {
      // JavaScript's stack ends before Helm's 1000 nested includes: report it as Helm does.
      if (e instanceof RangeError || (e instanceof Error && /exceeded maximum template depth/.test(e.message) && !e.message.includes('error calling'))) {
        throw new Error(`rendering template has a nested reference name: ${name}: unable to execute template`);
      }
      throw e;
    } finally {
      depth--;
      includedNames.set(name, (includedNames.get(name) ?? 1) - 1);
    }
  };
  const tpl = (text: string, vals: unknown): string => {
    const clone = current().clone({ missingKey });
    try {
      clone.parse('gotpl', text);
    } catch (e) {
      throw new Error(`cannot parse template ${JSON.stringify(text)}: ${(e as Error).message}`);
    }
    stack.push(clone);
    depth++;
    try {
      return clone.execute('gotpl', vals === null ? undefined : vals, 'gotpl', depth).replaceAll('<no value>', '');
    } catch (e) {
      throw new Error(`error during tpl function execution for ${JSON.stringify(text)}: ${(e as Error).message}`);
    } finally {
      depth--;
      stack.pop();
    }
  };
  const required = (warn: string, val: unknown): unknown => {
    if (val === null || val === undefined || val === '') {
      if (opts.lintMode) return '';
      throw new Error(`${ERR_START}${warn}${ERR_END}`);
    }
    return val;
  };
  const fail = (msg: string): string => {
    if (opts.lintMode) return '';
    throw new Error(`${ERR_START}${msg}${ERR_END}`);
  };
  const S = 'string' as const, A = 'any' as const;
  t.addFuncs(helmStaticFuncs(), true);
  t.addFuncs({
    include: { params: [S, A], fn: include },
    tpl: { params: [S, A], fn: tpl },
    required: { params: [S, A], fn: required },
    fail: { params: [S], fn: fail },
    lookup: { params: [S, S, S, S], fn: (apiVersion: string, kind: string, ns: string, name: string) => tag(opts.lookup ? opts.lookup(apiVersion, kind, ns, name) : {}, 'map[string]interface {}') },
    getHostByName: { params: [S], fn: () => '' },
  }, true);
  if (opts.funcs) t.addFuncs(opts.funcs);

  const templates = new Map<string, Renderable>();
  recAllTpls(chart, templates, { Values: top.Values, Release: top.Release, Capabilities: top.Capabilities }, toYaml);
  const keys = sortTemplates([...templates.keys()]);
  for (const filename of keys) {
    try { t.parse(filename, templates.get(filename)!.tpl); } catch (e) {
      if (e instanceof TemplateError || e instanceof Error) throw cleanupParseError(filename, e);
      throw e;
    }
  }
  const rendered: Record<string, string> = {};
  for (const filename of keys) {
    if (filename.slice(filename.lastIndexOf('/') + 1).startsWith('_')) continue;
    const r = templates.get(filename)!;
    r.vals.Template = chartValues({ Name: filename, BasePath: r.basePath });
    let out: string;
    try { out = t.execute(filename, r.vals); } catch (e) {
      if (e instanceof Error) throw reformatExecError(filename, e);
      throw e;
    }
    rendered[filename] = out.replaceAll('<no value>', '');
  }
  return rendered;
}
