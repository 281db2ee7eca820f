// Helm's template engine on top of Templates: Helm's extra functions (toYaml, fromYaml, tpl,
// include, required, lookup, ...) and renderHelm, which renders a chart's templates the way the
// oracle (../shared/tools/gotpl-oracle) and `helm template` do.
import { TemplateError, type FuncEntry, type GoFunc } from './exec.js';
import { marshalJSON, unmarshalJSON } from './json.js';
import { Templates, type FuncMap } from './template.js';
import { toYaml, unmarshalYAML } from './yaml.js';
import { toToml } from './toml.js';
import { isGoMap } from './values.js';

export interface HelmRenderOptions {
  strict?: boolean;
  lookup?: (apiVersion: string, kind: string, namespace: string, name: string) => unknown;
  funcs?: FuncMap;
  /** include recursion bound per name (Helm: 1000) */
  maxIncludeDepth?: number;
  maxOutputBytes?: number;
}

function fromYaml(s: string): Record<string, unknown> {
  try {
    const v = unmarshalYAML(s);
    if (v === null) return {};
    if (!isGoMap(v)) return { Error: `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number'} into Go value of type map[string]interface {}` };
    return v;
  } catch (e) {
    return { Error: (e as Error).message };
  }
}
function fromYamlArray(s: string): unknown[] {
  try {
    const v = unmarshalYAML(s);
    if (v === null) return [];
    if (!Array.isArray(v)) return [`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${isGoMap(v) ? 'object' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number'} into Go value of type []interface {}`];
    return v;
  } catch (e) {
    return [(e as Error).message];
  }
}
function fromJson(s: string): Record<string, unknown> {
  try {
    const v = unmarshalJSON(s);
    if (v === null) return {};
    if (!isGoMap(v)) return { Error: `json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number'} into Go value of type map[string]interface {}` };
    return v;
  } catch (e) {
    return { Error: (e as Error).message };
  }
}
function fromJsonArray(s: string): unknown[] {
  try {
    const v = unmarshalJSON(s);
    if (v === null) return [];
    if (!Array.isArray(v)) return [`json: cannot unmarshal ${isGoMap(v) ? 'object' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number'} into Go value of type []interface {}`];
    return v;
  } catch (e) {
    return [(e as Error).message];
  }
}

/** Helm's function additions that do not depend on the template set. */
export function helmStaticFuncs(): Record<string, FuncEntry> {
  return {
    toYaml: { params: ['any'], fn: (v: unknown) => toYaml(v) },
    fromYaml: { params: ['string'], fn: fromYaml },
    fromYamlArray: { params: ['string'], fn: fromYamlArray },
    toJson: { params: ['any'], fn: (v: unknown) => { try { return marshalJSON(v); } catch { return ''; } } },
    fromJson: { params: ['string'], fn: fromJson },
    fromJsonArray: { params: ['string'], fn: fromJsonArray },
    toToml: { params: ['any'], fn: (v: unknown) => toToml(v) },
  };
}

interface HelmState { lookup?: HelmRenderOptions['lookup']; includedNames: Map<string, number>; depth: number }

/** Builds the Helm function set bound to `set` (include/tpl need the set); returns its mutable render state. */
export function bindHelmFuncs(set: Templates, opts: HelmRenderOptions = {}): HelmState {
  const st: HelmState = { lookup: opts.lookup, includedNames: new Map(), depth: 0 };
  const maxInclude = opts.maxIncludeDepth ?? 1000;
  const funcs: Record<string, FuncEntry> = {
    ...helmStaticFuncs(),
    include: {
      params: ['string', 'any'], fn: (name: string, data: unknown) => {
        const n = st.includedNames.get(name);
        if (n !== undefined) {
          if (n > maxInclude) throw new Error(`rendering template has a nested reference name: ${name}`);
          st.includedNames.set(name, n + 1);
        } else st.includedNames.set(name, 1);
        st.depth++;
        try {
          return set.execute(name, data === null ? undefined : data, 'gotpl', st.depth);
        } finally {
          st.depth--;
          st.includedNames.set(name, st.includedNames.get(name)! - 1);
        }
      },
    },
    tpl: {
      params: ['string', 'any'], fn: (text: string, vals: unknown) => {
        const clone = set.clone({ missingKey: 'zero' });
        clone.parse('tpl', text);
        st.depth++;
        try {
          return clone.execute('tpl', vals === null ? undefined : vals, 'tpl', st.depth).replaceAll('<no value>', '');
        } finally { st.depth--; }
      },
    },
    required: {
      params: ['string', 'any'], fn: (warn: string, val: unknown) => {
        if (val === null || val === undefined || val === '') throw new Error(warn);
        return val;
      },
    },
    lookup: {
      params: ['string', 'string', 'string', 'string'], fn: (a: string, k: string, ns: string, n: string) => {
        const r = st.lookup?.(a, k, ns, n);
        return r === undefined || r === null ? {} : r;
      },
    },
  };
  set.addFuncs(funcs, true);
  if (opts.funcs) set.addFuncs(opts.funcs as Record<string, GoFunc>);
  return st;
}

/** A chart's templates parsed once (Helm's engine set), rendered many times. */
export class HelmChart {
  private readonly set: Templates;
  private readonly state: HelmState;
  private readonly names: string[];
  constructor(templates: Record<string, string>, opts: HelmRenderOptions = {}) {
    this.set = new Templates({ missingKey: opts.strict ? 'error' : 'zero', maxOutputBytes: opts.maxOutputBytes });
    this.state = bindHelmFuncs(this.set, opts);
    this.names = Object.keys(templates).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of this.names) this.set.parse(n, templates[n]);
  }

  /** Renders every non-partial template (base name not starting with `_`), `<no value>` removed. */
  render(values: Record<string, unknown>, opts: { lookup?: HelmRenderOptions['lookup'] } = {}): Record<string, string> {
    if (opts.lookup) this.state.lookup = opts.lookup;
    this.state.includedNames.clear();
    this.state.depth = 0;
    const out: Record<string, string> = {};
    for (const n of this.names) {
      const slash = n.lastIndexOf('/');
      if (n[slash + 1] === '_') continue;
      const vals: Record<string, unknown> = { ...values };
      vals.Template = { Name: n, BasePath: slash < 0 ? '.' : slash === 0 ? '/' : n.slice(0, slash) };
      out[n] = this.set.execute(n, vals, 'gotpl').replaceAll('<no value>', '');
    }
    return out;
  }
}

/** Parses a chart's templates once; `.render(values)` as many times as needed. */
export function compileHelm(templates: Record<string, string>, opts: HelmRenderOptions = {}): HelmChart {
  return new HelmChart(templates, opts);
}

/**
 * Renders every non-partial template (base name not starting with `_`) exactly like the oracle:
 * templates parsed in sorted name order into one set, missingkey=zero (error when strict),
 * each executed with `values` plus `.Template.{Name,BasePath}`, `<no value>` removed.
 */
export function renderHelm(templates: Record<string, string>, values: Record<string, unknown>, opts: HelmRenderOptions = {}): Record<string, string> {
  return new HelmChart(templates, opts).render(values);
}

export { TemplateError };
