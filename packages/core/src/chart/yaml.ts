// YAML as Helm reads values files and Chart.yaml: sigs.k8s.io/yaml, i.e.
// go-yaml v2 (YAML 1.1 booleans yes/no/on/off, 0777 octal, merge keys `<<`)
// converted to JSON, so every number is a float64 (a JS number), every map key
// a string, timestamps stay strings, duplicate keys: the last one wins.
import { parseAllDocuments, parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';

export type Values = Record<string, unknown>;

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  uniqueKeys: false,
  customTags: (tags) => tags.filter((t) => (typeof t === 'string' ? t : t.tag) !== 'tag:yaml.org,2002:timestamp'),
  intAsBigInt: false,
};
const TOJS: ToJSOptions = { maxAliasCount: -1 };

export class YamlError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'YamlError';
  }
}

function normalize(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Map) {
    const out: Values = {};
    for (const [k, val] of v) out[String(k)] = normalize(val);
    return out;
  }
  if (v instanceof Set) return [...v].map(normalize);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(normalize);
  if (v !== null && typeof v === 'object') {
    const out: Values = {};
    for (const k of Object.keys(v)) out[k] = normalize((v as Values)[k]);
    return out;
  }
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** Parses one YAML document the way Helm reads values: null/empty → null. */
export function parseYaml(text: string): unknown {
  const doc = parseDocument(text, OPTIONS);
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    throw new YamlError(`yaml: line ${pos?.line ?? 0}: ${firstLine(err.message)}`, pos?.line, pos?.col);
  }
  return normalize(doc.toJS(TOJS));
}

/** Parses YAML that must be a map (values files): empty → {}. */
export function parseYamlMap(text: string): Values {
  const v = parseYaml(text);
  if (v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new YamlError(`error unmarshaling JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`);
  }
  return v as Values;
}

/** Every document of a multi-document stream. */
export function parseYamlAll(text: string): unknown[] {
  return parseAllDocuments(text, OPTIONS).map((d) => {
    if ('errors' in d && d.errors.length) {
      const e = d.errors[0]!;
      throw new YamlError(`yaml: line ${e.linePos?.[0]?.line ?? 0}: ${firstLine(e.message)}`, e.linePos?.[0]?.line);
    }
    return normalize(d.toJS(TOJS));
  });
}

export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (v === null) return 'null';
  return 'object';
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function isTable(v: unknown): v is Values {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Deep copy of a values tree (maps and lists; scalars shared). */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (isTable(v)) {
    const out: Values = {};
    for (const k of Object.keys(v)) out[k] = deepCopy(v[k]);
    return out as T;
  }
  return v;
}
