// values.schema.json validation: a JSON-Schema (draft 4/6/7 subset charts use)
// validator with the wording of gojsonschema, which Helm 3 (≤3.18, and werf's
// Helm) prints: `- <field>: <description>` per violation, wrapped by
// `values don't meet the specifications of the schema(s) in the following chart(s):`.
import { WerfActionError } from '../errors/index.js';
import type { Chart } from './types.js';
import { isTable, type Values } from './yaml.js';

type Schema = boolean | Record<string, unknown>;
interface Violation { field: string; description: string }

function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'bigint') return 'integer';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return 'object';
}

function toJson(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJson);
  if (isTable(v)) { const o: Values = {}; for (const k of Object.keys(v)) o[k] = toJson(v[k]); return o; }
  return v;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
}

function fmtNum(n: number): string {
  return String(n);
}

function fmtVal(v: unknown): string {
  return JSON.stringify(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isTable(a) && isTable(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

const FORMATS: Record<string, (s: string) => boolean> = {
  email: (s) => /^[^@\s]+@[^@\s]+$/.test(s),
  ipv4: (s) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s),
  ipv6: (s) => /^[0-9a-fA-F:.]+$/.test(s) && s.includes(':'),
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  time: (s) => /^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/.test(s),
  hostname: (s) => /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(s),
  uri: (s) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s),
  regex: (s) => { try { new RegExp(s); return true; } catch { return false; } },
};

class Validator {
  readonly errors: Violation[] = [];
  constructor(private root: Schema) {}

  private resolve(ref: string): Schema {
    if (!ref.startsWith('#')) throw new Error(`unsupported $ref ${ref}`);
    let cur: unknown = this.root;
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isTable(cur) && !Array.isArray(cur)) throw new Error(`invalid $ref ${ref}`);
      cur = (cur as Record<string, unknown>)[part];
    }
    if (cur === undefined) throw new Error(`invalid $ref ${ref}`);
    return cur as Schema;
  }

  validate(s: Schema, v: unknown, path: string[], out: Violation[]): void {
    if (s === true) return;
    const field = path.length ? path.join('.') : '(root)';
    const err = (description: string) => out.push({ field, description });
    if (s === false) { err('False always fails validation'); return; }
    if (typeof s.$ref === 'string') { this.validate(this.resolve(s.$ref), v, path, out); return; }
    const t = jsonType(v);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      const ok = types.some((x) => x === t || (x === 'number' && t === 'integer'));
      if (!ok) { err(`Invalid type. Expected: ${types.join(', ')}, given: ${t}`); return; }
    }
    const sub = (schema: unknown): Violation[] => { const o: Violation[] = []; this.validate(schema as Schema, v, path, o); return o; };
    if (Array.isArray(s.anyOf) && !s.anyOf.some((x) => sub(x).length === 0)) err('Must validate at least one schema (anyOf)');
    if (Array.isArray(s.oneOf)) {
      const n = s.oneOf.filter((x) => sub(x).length === 0).length;
      if (n !== 1) err('Must validate one and only one schema (oneOf)');
    }
    if (Array.isArray(s.allOf)) {
      let failed = false;
      for (const x of s.allOf) { const e = sub(x); if (e.length) { failed = true; out.push(...e); } }
      if (failed) err('Must validate all the schemas (allOf)');
    }
    if (s.not !== undefined && sub(s.not).length === 0) err('Must not validate the schema (not)');
    if (s.if !== undefined) {
      if (sub(s.if).length === 0) {
        if (s.then !== undefined) { const e = sub(s.then); if (e.length) { out.push(...e); err('Must validate "then" as "if" was valid'); } }
      } else if (s.else !== undefined) {
        const e = sub(s.else); if (e.length) { out.push(...e); err('Must validate "else" as "if" was not valid'); }
      }
    }
    if (s.const !== undefined && !deepEqual(s.const, v)) err(`${field} does not match: ${fmtVal(s.const)}`);
    if (Array.isArray(s.enum) && !s.enum.some((x) => deepEqual(x, v))) {
      err(`${field} must be one of the following: ${s.enum.map(fmtVal).join(', ')}`);
    }
    if (t === 'object') this.object(s, v as Values, path, out, err);
    else if (t === 'array') this.array(s, v as unknown[], path, out, err);
    else if (t === 'string') this.string(s, v as string, err);
    else if (t === 'number' || t === 'integer') this.number(s, num(v)!, err);
  }

  private object(s: Record<string, unknown>, v: Values, path: string[], out: Violation[], err: (d: string) => void): void {
    const keys = Object.keys(v);
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) err(`Must have at most ${s.maxProperties} properties`);
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties) err(`Must have at least ${s.minProperties} properties`);
    if (Array.isArray(s.required)) for (const r of s.required as string[]) if (!(r in v)) err(`${r} is required`);
    const props = isTable(s.properties) ? s.properties : {};
    const patterns = isTable(s.patternProperties) ? Object.entries(s.patternProperties).map(([p, sc]) => [new RegExp(p, 'u'), sc] as const) : [];
    for (const k of keys.sort()) {
      let matched = false;
      if (k in props) { matched = true; this.validate(props[k] as Schema, v[k], [...path, k], out); }
      for (const [re, sc] of patterns) if (re.test(k)) { matched = true; this.validate(sc as Schema, v[k], [...path, k], out); }
      if (!matched && s.additionalProperties !== undefined) {
        if (s.additionalProperties === false) err(`Additional property ${k} is not allowed`);
        else if (isTable(s.additionalProperties)) this.validate(s.additionalProperties, v[k], [...path, k], out);
      }
      if (s.propertyNames !== undefined) {
        const e: Violation[] = [];
        this.validate(s.propertyNames as Schema, k, [...path, k], e);
        if (e.length) err(`Property "${k}" does not match pattern`);
      }
    }
    if (isTable(s.dependencies)) {
      for (const [k, dep] of Object.entries(s.dependencies)) {
        if (!(k in v)) continue;
        if (Array.isArray(dep)) { for (const d of dep as string[]) if (!(d in v)) err(`Has a dependency on ${d}`); }
        else this.validate(dep as Schema, v, path, out);
      }
    }
  }

  private array(s: Record<string, unknown>, v: unknown[], path: string[], out: Violation[], err: (d: string) => void): void {
    if (typeof s.minItems === 'number' && v.length < s.minItems) err(`Array must have at least ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) err(`Array must have at most ${s.maxItems} items`);
    if (s.uniqueItems === true) {
      outer: for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) {
        if (deepEqual(v[i], v[j])) { err(`array items[${i},${j}] must be unique`); break outer; }
      }
    }
    if (Array.isArray(s.items)) {
      v.forEach((x, i) => {
        const items = s.items as Schema[];
        if (i < items.length) this.validate(items[i]!, x, [...path, String(i)], out);
        else if (s.additionalItems === false) err(`No additional items allowed on array`);
        else if (isTable(s.additionalItems)) this.validate(s.additionalItems, x, [...path, String(i)], out);
      });
    } else if (s.items !== undefined) {
      v.forEach((x, i) => this.validate(s.items as Schema, x, [...path, String(i)], out));
    }
    if (s.contains !== undefined && !v.some((x) => { const e: Violation[] = []; this.validate(s.contains as Schema, x, path, e); return e.length === 0; })) {
      err('At least one of the items must match');
    }
  }

  private string(s: Record<string, unknown>, v: string, err: (d: string) => void): void {
    const len = Array.from(v).length;
    if (typeof s.minLength === 'number' && len < s.minLength) err(`String length must be greater than or equal to ${s.minLength}`);
    if (typeof s.maxLength === 'number' && len > s.maxLength) err(`String length must be less than or equal to ${s.maxLength}`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) err(`Does not match pattern '${s.pattern}'`);
    if (typeof s.format === 'string' && FORMATS[s.format] && !FORMATS[s.format]!(v)) err(`Does not match format '${s.format}'`);
  }

  private number(s: Record<string, unknown>, n: number, err: (d: string) => void): void {
    if (typeof s.multipleOf === 'number') {
      const q = n / s.multipleOf;
      if (Math.abs(q - Math.round(q)) > 1e-9) err(`Must be a multiple of ${fmtNum(s.multipleOf)}`);
    }
    if (typeof s.maximum === 'number') {
      if (s.exclusiveMaximum === true ? n >= s.maximum : n > s.maximum) err(s.exclusiveMaximum === true ? `Must be less than ${fmtNum(s.maximum)}` : `Must be less than or equal to ${fmtNum(s.maximum)}`);
    }
    if (typeof s.exclusiveMaximum === 'number' && n >= s.exclusiveMaximum) err(`Must be less than ${fmtNum(s.exclusiveMaximum)}`);
    if (typeof s.minimum === 'number') {
      if (s.exclusiveMinimum === true ? n <= s.minimum : n < s.minimum) err(s.exclusiveMinimum === true ? `Must be greater than ${fmtNum(s.minimum)}` : `Must be greater than or equal to ${fmtNum(s.minimum)}`);
    }
    if (typeof s.exclusiveMinimum === 'number' && n <= s.exclusiveMinimum) err(`Must be greater than ${fmtNum(s.exclusiveMinimum)}`);
  }
}

/** ValidateAgainstSingleSchema: `- field: description` lines, or '' when valid. */
export function validateAgainstSingleSchema(values: Values, schemaJson: Uint8Array | string): string {
  const text = typeof schemaJson === 'string' ? schemaJson : Buffer.from(schemaJson).toString('utf8');
  let schema: Schema;
  try { schema = JSON.parse(text) as Schema; } catch (e) {
    throw new Error(`unable to validate schema: ${(e as Error).message}`);
  }
  const v = new Validator(schema);
  const out: Violation[] = [];
  v.validate(schema, toJson(values), [], out);
  return out.map((e) => `- ${e.field}: ${e.description}\n`).join('');
}

/** ValidateAgainstSchema over a chart and its (enabled) subcharts; '' when valid. */
export function schemaViolations(chart: Chart, values: Values): string {
  let sb = '';
  if (chart.schema) {
    let msg: string;
    try { msg = validateAgainstSingleSchema(values, chart.schema); } catch (e) { msg = `${(e as Error).message}\n`; }
    if (msg) sb += `${chart.metadata.name}:\n${msg}`;
  }
  for (const sub of chart.dependencies) {
    const sv = values[sub.metadata.name];
    if (!isTable(sv)) { sb += `${sub.metadata.name}:\ninvalid type for values: expected object (map), got ${jsonType(sv)}\n`; continue; }
    sb += schemaViolations(sub, sv);
  }
  return sb;
}

export function validateValues(chart: Chart, values: Values): void {
  const msg = schemaViolations(chart, values);
  if (msg) {
    throw new WerfActionError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${msg}`, {
      code: 'values.schema', location: { file: `${chart.source}/values.schema.json` },
      hint: 'fix the values (or the schema); --skip-schema-validation skips this check',
    });
  }
}
