// The Go value model shared by the executor and the functions.
// JS number = float64, bigint = int64, GoInt = Go's other integer types (mostly `int`),
// string, boolean, null (nil interface), undefined (Go's invalid reflect.Value: a missing
// key or an untyped nil), arrays = []interface{} (or another slice type when tagged with
// GO_TYPE), plain objects = map[string]interface{} (or tagged), Uint8Array = []byte.

export type IntType = 'int' | 'int8' | 'int16' | 'int32' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** A Go integer that is not int64: `int` (template literals, len, until, atoi, ...). */
export class GoInt {
  constructor(readonly v: bigint, readonly t: IntType = 'int') {}
  toString(): string { return this.v.toString(); }
}

/** Go type name of a tagged array or map (e.g. `[]string`, `map[string]string`, `chartutil.Values`). */
export const GO_TYPE: unique symbol = Symbol.for('werf-action.gotemplate.type');
/** Methods callable from templates (`.Files.Get "x"`); value: name -> function or MethodSpec. */
export const GO_METHODS: unique symbol = Symbol.for('werf-action.gotemplate.methods');

export type ParamType =
  | 'any' | 'rv' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'uint32'
  | '[]any' | '[]string' | 'map' | 'time' | 'bytes';

export interface MethodSpec {
  params?: ParamType[];
  variadic?: ParamType;
  fn: (...args: any[]) => unknown;
}

export function tagType<T extends object>(v: T, type: string): T {
  Object.defineProperty(v, GO_TYPE, { value: type, enumerable: false, configurable: true, writable: true });
  return v;
}

export function strSlice(a: string[]): string[] { return tagType(a, '[]string'); }
export function intSlice(a: GoInt[]): GoInt[] { return tagType(a, '[]int'); }

/** A Go struct (or pointer to struct) value with named fields, e.g. semver.Version or sprig's certificate. */
export abstract class GoStruct {
  abstract readonly goType: string;          // e.g. '*semver.Version'
  abstract field(name: string): { ok: boolean; value?: unknown };
  methods(): Record<string, MethodSpec> { return {}; }
  abstract format(): string;                 // %v
}

/** time.Time */
export class GoTime {
  // ms since epoch + extra nanoseconds; offset in minutes east of UTC; zone name
  constructor(readonly ms: number, readonly nanos: number = 0, readonly offsetMin: number = 0, readonly zone: string = 'UTC', readonly mono = false) {}
}

export function isPlainMap(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

export type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'slice' | 'map' | 'struct' | 'ptr' | 'func';

export function kindClass(v: unknown): Kind {
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'undefined': return 'invalid';
    case 'function': return 'func';
  }
  if (v === null) return 'invalid';
  if (v instanceof GoInt) return v.t.startsWith('u') ? 'uint' : 'int';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoTime) return 'struct';
  if (v instanceof GoStruct) return v.goType.startsWith('*') ? 'ptr' : 'struct';
  return 'map';
}

/** reflect.Kind name as sprig's kindOf prints it. */
export function kindName(v: unknown): string {
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'bigint': return 'int64';
    case 'boolean': return 'bool';
    case 'undefined': return 'invalid';
    case 'function': return 'func';
  }
  if (v === null) return 'invalid';
  if (v instanceof GoInt) return v.t;
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoTime) return 'struct';
  if (v instanceof GoStruct) return v.goType.startsWith('*') ? 'ptr' : 'struct';
  return 'map';
}

/** Go's %T. */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'bigint': return 'int64';
    case 'boolean': return 'bool';
    case 'undefined': return '<nil>';
    case 'function': return 'func(...interface {}) interface {}';
  }
  if (v === null) return '<nil>';
  if (v instanceof GoInt) return v.t;
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoTime) return 'time.Time';
  if (v instanceof GoStruct) return v.goType;
  const t = (v as any)[GO_TYPE];
  if (t) return t;
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

export function isIntLike(v: unknown): v is bigint | GoInt { return typeof v === 'bigint' || v instanceof GoInt; }
export function intVal(v: bigint | GoInt): bigint { return typeof v === 'bigint' ? v : v.v; }

/** Go's notion of an empty value for if/with/range and sprig's `empty`. */
export function truth(v: unknown): boolean {
  switch (typeof v) {
    case 'string': return v.length > 0;
    case 'number': return v !== 0;
    case 'bigint': return v !== 0n;
    case 'boolean': return v;
    case 'undefined': return false;
    case 'function': return true;
  }
  if (v === null) return false;
  if (v instanceof GoInt) return v.v !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoTime || v instanceof GoStruct) return true;
  for (const _ in v as object) return true;
  return false;
}

export function isGoMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof GoInt) && !(v instanceof GoTime) && !(v instanceof GoStruct);
}

/** Sorted keys as Go's fmt and text/template range order them (bytewise). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  const ks = Object.keys(m);
  ks.sort(cmpBytes);
  return ks;
}

export function cmpBytes(a: string, b: string): number {
  // Bytewise UTF-8 order equals code point order; JS compares UTF-16 units, which differs only
  // for astral vs U+E000..U+FFFF. Fast path for ASCII.
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && x <= 0xdfff || y >= 0xd800 && y <= 0xdfff) {
        const cx = a.codePointAt(i)!, cy = b.codePointAt(i)!;
        return cx < cy ? -1 : 1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

// Go strings are bytes; JS strings are UTF-16. Bytes that are not valid UTF-8 (from byte slicing
// like trunc/substr or b64dec) are kept as lone surrogates U+DC80..U+DCFF ("surrogateescape"),
// so they round-trip, print as \xNN in %q and as U+FFFD in JSON, as Go does.
export function byteLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else if (c >= 0xdc80 && c <= 0xdcff) n += 1;
    else n += 3;
  }
  return n;
}
export function toBytes(s: string): Uint8Array {
  const out = new Uint8Array(byteLen(s));
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { out[j++] = c; continue; }
    if (c < 0x800) { out[j++] = 0xc0 | (c >> 6); out[j++] = 0x80 | (c & 63); continue; }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out[j++] = 0xf0 | (c >> 18); out[j++] = 0x80 | ((c >> 12) & 63); out[j++] = 0x80 | ((c >> 6) & 63); out[j++] = 0x80 | (c & 63);
      continue;
    }
    if (c >= 0xdc80 && c <= 0xdcff) { out[j++] = c - 0xdc00; continue; }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    out[j++] = 0xe0 | (c >> 12); out[j++] = 0x80 | ((c >> 6) & 63); out[j++] = 0x80 | (c & 63);
  }
  return j === out.length ? out : out.subarray(0, j);
}
export function fromBytes(b: Uint8Array): string {
  let out = '';
  const n = b.length;
  for (let i = 0; i < n;) {
    const c = b[i];
    if (c < 0x80) { out += String.fromCharCode(c); i++; continue; }
    let need = 0, cp = 0, min = 0;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; }
    let ok = need > 0 && i + need < n + 0 + 1 && i + need <= n - 0;
    if (ok) {
      for (let k = 1; k <= need; k++) { const d = b[i + k]; if (d === undefined || (d & 0xc0) !== 0x80) { ok = false; break; } cp = (cp << 6) | (d & 0x3f); }
      if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    }
    if (!ok) { out += String.fromCharCode(0xdc00 + c); i++; continue; }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
