// text/template's predefined functions (Go 1.19 funcs.go): and, or, not, len, index, slice,
// print, printf, println, html, js, urlquery, call, eq, ne, lt, le, gt, ge.
import type { FuncEntry } from './exec.js';
import { sprint, sprintf, sprintln, formatV } from './fmt.js';
void formatV;
import { GO_TYPE, GoInt, isGoMap, truth, typeName, byteLen, toBytes } from './values.js';

type BK = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'other';

function basicKind(v: unknown): BK {
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'number': return 'float';
    case 'bigint': return 'int';
    case 'string': return 'string';
    case 'undefined': return 'invalid';
  }
  if (v === null) return 'invalid';
  if (v instanceof GoInt) return v.t.startsWith('u') ? 'uint' : 'int';
  return 'other';
}

function num(v: unknown): bigint { return typeof v === 'bigint' ? v : (v as GoInt).v; }

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';
const errNoComparison = 'missing argument for comparison';

function isComparableType(v: unknown): boolean {
  return !(Array.isArray(v) || v instanceof Uint8Array || isGoMap(v) || typeof v === 'function');
}

export function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  if (arg1 === null) arg1 = undefined;
  if (arg2.length === 0) throw new Error(errNoComparison);
  const k1 = basicKind(arg1);
  for (let a of arg2) {
    if (a === null) a = undefined;
    const k2 = basicKind(a);
    let t = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') t = num(arg1) >= 0n && num(arg1) === num(a);
      else if (k1 === 'uint' && k2 === 'int') t = num(a) >= 0n && num(arg1) === num(a);
      else if (arg1 !== undefined && a !== undefined) throw new Error(errBadComparison);
    } else {
      switch (k1) {
        case 'bool': case 'float': case 'string': t = arg1 === a; break;
        case 'int': case 'uint': t = num(arg1) === num(a); break;
        default: {
          const n1 = arg1 === undefined, n2 = a === undefined;
          if (!n1 && !n2 && typeName(arg1) !== typeName(a)) {
            throw new Error(`non-comparable types ${sprintf('%s', [arg1])}: ${typeName(arg1)}, ${typeName(a)}: ${sprintf('%v', [a])}`);
          }
          if (n1 || n2) t = n1 === n2;
          else {
            if (!isComparableType(a)) throw new Error(`non-comparable type ${sprintf('%s', [a])}: ${typeName(a)}`);
            t = arg1 === a;
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

export function lt(a1: unknown, a2: unknown): boolean {
  if (a1 === null) a1 = undefined;
  if (a2 === null) a2 = undefined;
  const k1 = basicKind(a1);
  if (k1 === 'invalid' || k1 === 'other') throw new Error(errBadComparisonType);
  const k2 = basicKind(a2);
  if (k2 === 'invalid' || k2 === 'other') throw new Error(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return num(a1) < 0n || num(a1) < num(a2);
    if (k1 === 'uint' && k2 === 'int') return num(a2) >= 0n && num(a1) < num(a2);
    throw new Error(errBadComparison);
  }
  switch (k1) {
    case 'bool': case 'complex': throw new Error(errBadComparisonType);
    case 'float': return (a1 as number) < (a2 as number);
    case 'int': case 'uint': return num(a1) < num(a2);
    case 'string': return Buffer.compare(Buffer.from(a1 as string), Buffer.from(a2 as string)) < 0;
  }
  throw new Error('invalid kind');
}
function le(a1: unknown, a2: unknown): boolean { return lt(a1, a2) || eq(a1, a2); }

function indexArg(idx: unknown, cap: number): number {
  let x: bigint;
  if (typeof idx === 'bigint' || idx instanceof GoInt) x = num(idx);
  else if (idx === undefined || idx === null) throw new Error('cannot index slice/array with nil');
  else throw new Error(`cannot index slice/array with type ${typeName(idx)}`);
  if (x < 0n || x > BigInt(cap)) throw new Error(`index out of range: ${x}`);
  return Number(x);
}

export function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === null) item = undefined;
  if (item === undefined) throw new Error('index of untyped nil');
  for (let ix of indexes) {
    if (ix === null) ix = undefined;
    if (item === null) throw new Error('index of nil pointer');
    if (item === undefined) throw new Error('index of untyped nil');
    if (Array.isArray(item)) {
      const x = indexArg(ix, item.length);
      if (x === item.length) throw new Error('reflect: slice index out of range');
      const v = item[x];
      item = v === undefined ? null : v;
    } else if (typeof item === 'string' || item instanceof Uint8Array) {
      const b = typeof item === 'string' ? toBytes(item) : item;
      const x = indexArg(ix, b.length);
      if (x === b.length) throw new Error(typeof item === 'string' ? 'reflect: string index out of range' : 'reflect: slice index out of range');
      item = new GoInt(BigInt(b[x]), 'uint8');
    } else if (isGoMap(item)) {
      if (ix === undefined) throw new Error('value is nil; should be of type string');
      if (typeof ix !== 'string') throw new Error(`value has type ${typeName(ix)}; should be string`);
      const m = item as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(m, ix)) { const v = m[ix]; item = v === undefined ? null : v; }
      else item = (m as any)[GO_TYPE] === 'map[string]string' ? '' : null;
    } else {
      throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function length(item: unknown): GoInt {
  if (item === null) throw new Error('len of nil pointer');
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return new GoInt(BigInt(byteLen(item)));
  if (Array.isArray(item) || item instanceof Uint8Array) return new GoInt(BigInt(item.length));
  if (isGoMap(item)) return new GoInt(BigInt(Object.keys(item).length));
  throw new Error(`len of type ${typeName(item)}`);
}

function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}

export function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\x00]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\x00': '\ufffd' }[c]!));
}

export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
    }
    if (cp < 0x20) { out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0'); continue; }
    if (cp < 0x80) { out += ch; continue; }
    if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch) || cp === 0x20) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function queryEscape(s: string): string {
  let out = '';
  for (const b of toBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function builtinFuncs(): Record<string, FuncEntry> {
  const rv = 'rv' as const;
  return {
    and: { builtin: 'and', params: [rv], variadic: rv, fn: () => undefined },
    or: { builtin: 'or', params: [rv], variadic: rv, fn: () => undefined },
    not: { builtin: 'not', params: [rv], fn: (a: unknown) => !truth(a) },
    len: { builtin: 'len', params: [rv], fn: length },
    index: { builtin: 'index', params: [rv], variadic: rv, fn: index },
    print: { builtin: 'print', params: [], variadic: 'any', fn: (...a: unknown[]) => sprint(a) },
    printf: { builtin: 'printf', params: ['string'], variadic: 'any', fn: (f: string, ...a: unknown[]) => sprintf(f, a) },
    println: { builtin: 'println', params: [], variadic: 'any', fn: (...a: unknown[]) => sprintln(a) },
    html: { builtin: 'html', params: [], variadic: 'any', fn: (...a: unknown[]) => htmlEscape(evalArgs(a)) },
    js: { builtin: 'js', params: [], variadic: 'any', fn: (...a: unknown[]) => jsEscape(evalArgs(a)) },
    urlquery: { builtin: 'urlquery', params: [], variadic: 'any', fn: (...a: unknown[]) => queryEscape(evalArgs(a)) },
    call: {
      builtin: 'call', params: [rv], variadic: rv, fn: (f: unknown, ...a: unknown[]) => {
        if (f === undefined || f === null) throw new Error('call of nil');
        if (typeof f !== 'function') throw new Error(`non-function of type ${typeName(f)}`);
        return f(...a);
      },
    },
    eq: { builtin: 'eq', params: [rv], variadic: rv, fn: eq },
    ne: { builtin: 'ne', params: [rv, rv], fn: (a: unknown, b: unknown) => !eq(a, b) },
    lt: { builtin: 'lt', params: [rv, rv], fn: lt },
    le: { builtin: 'le', params: [rv, rv], fn: le },
    gt: { builtin: 'gt', params: [rv, rv], fn: (a: unknown, b: unknown) => !le(a, b) },
    ge: { builtin: 'ge', params: [rv, rv], fn: (a: unknown, b: unknown) => !lt(a, b) },
  };
}
