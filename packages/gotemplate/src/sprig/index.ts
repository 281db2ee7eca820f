// Sprig v3.2.3's TxtFuncMap with Go signatures (argument types are checked as text/template does).
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { FuncEntry, GoFunc } from '../exec.js';
import { formatV, sprintf, quoteGo, formatFloatG } from '../fmt.js';
import { marshalJSON, nilMap, nilSlice, unmarshalJSON } from '../json.js';
import { formatTime, parseTime } from '../time.js';
import {
  GO_TYPE, GoInt, GoStruct, GoTime, isGoMap, kindName, strSlice, tagType, toBytes, fromBytes, truth, typeName, cmpBytes, type ParamType,
} from '../values.js';
import * as re from './regex.js';
import * as st from './strings.js';
import { semverCompare, parseSemver } from './semver.js';
import * as cr from './crypto.js';

type Sig = [params: ParamType[], variadic: ParamType | undefined, fn: (...a: any[]) => unknown];

const I = (n: bigint): GoInt => new GoInt(n);
const i64 = (x: bigint): bigint => BigInt.asIntN(64, x);

/** reflect.Kind name as sprig's errors print it (`Cannot push on type int64`). */
function kindOfForErr(v: unknown): string {
  if (v === undefined || v === null) throw new Error('runtime error: invalid memory address or nil pointer dereference');
  return kindName(v);
}

function asList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoInt(BigInt(b), 'uint8'));
  return undefined;
}

/** sprig strval */
export function strval(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return fromBytes(v);
  if (v instanceof Error) return v.message;
  return formatV(v);
}

/** spf13/cast ToInt64 (errors -> 0). */
export function toInt64(v: unknown): bigint {
  switch (typeof v) {
    case 'bigint': return v;
    case 'number': return Number.isFinite(v) && v < 9223372036854775808 && v >= -9223372036854775808 ? BigInt(Math.trunc(v)) : -0x8000000000000000n;
    case 'boolean': return v ? 1n : 0n;
    case 'string': {
      const s = trimZeroDecimal(v);
      const r = parseIntBase0(s);
      return r ?? 0n;
    }
  }
  if (v instanceof GoInt) return i64(v.v);
  return 0n;
}

export function toFloat64(v: unknown): number {
  switch (typeof v) {
    case 'number': return v;
    case 'bigint': return Number(v);
    case 'boolean': return v ? 1 : 0;
    case 'string': {
      const f = parseGoFloat(v);
      return f ?? 0;
    }
  }
  if (v instanceof GoInt) return Number(v.v);
  return 0;
}

function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') { if (foundZero) return s.slice(0, i - 1); }
    else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

function parseIntBase0(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') { neg = s[0] === '-'; s = s.slice(1); }
  let digits = s, prefix = '';
  let base = 10;
  if (/^0[xX]/.test(s)) { base = 16; digits = s.slice(2); prefix = '0x'; }
  else if (/^0[oO]/.test(s)) { base = 8; digits = s.slice(2); prefix = '0o'; }
  else if (/^0[bB]/.test(s)) { base = 2; digits = s.slice(2); prefix = '0b'; }
  else if (s.length > 1 && s[0] === '0') { base = 8; digits = s.slice(1); prefix = '0o'; }
  if (digits.includes('_')) {
    if (/__|_$/.test(digits) || (base === 10 && digits[0] === '_')) return undefined;
    digits = digits.replace(/_/g, '');
  }
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return undefined;
  return v;
}

/** strconv.ParseFloat (decimal, hex, inf, nan, underscores only with base prefix). */
export function parseGoFloat(s: string): number | undefined {
  const t = s.toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t[0] === '-' ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) {
    const f = Number(t);
    return isFinite(f) ? f : undefined;
  }
  const m = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/.exec(t);
  if (m && (m[2] || m[3])) {
    const mant = parseInt((m[2] || '0') + (m[3] || ''), 16) / Math.pow(16, (m[3] || '').length);
    return (m[1] === '-' ? -1 : 1) * mant * Math.pow(2, parseInt(m[4], 10));
  }
  return undefined;
}

function empty(v: unknown): boolean { return !truth(v); }

/** reflect.DeepEqual for the value model. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return a === a || typeof a !== 'number';
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (typeName(a) !== typeName(b)) return false;
  if (a instanceof GoInt) return a.v === (b as GoInt).v;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    return a.every((x, i) => deepEqual(x, bb[i]));
  }
  if (a instanceof Uint8Array) return Buffer.compare(a, b as Uint8Array) === 0;
  if (a instanceof GoTime) { const t = b as GoTime; return a.ms === t.ms && a.nanos === t.nanos && a.offsetMin === t.offsetMin; }
  if (isGoMap(a)) {
    const bm = b as Record<string, unknown>;
    const ka = Object.keys(a), kb = Object.keys(bm);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(bm, k) && deepEqual(a[k], bm[k]));
  }
  return false;
}


function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) { const c = v.map(deepCopy); const t = (v as any)[GO_TYPE]; return t ? tagType(c, t) : c; }
  if (isGoMap(v)) {
    const c: Record<string, unknown> = {};
    for (const k of Object.keys(v)) c[k] = deepCopy(v[k]);
    const t = (v as any)[GO_TYPE];
    return t ? tagType(c, t) : c;
  }
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

/** mergo.Merge / MergeWithOverwrite on map[string]interface{} (deepMerge's Map case, as sprig calls it). */
function mergeMaps(dst: Record<string, unknown>, src: Record<string, unknown>, overwrite: boolean): void {
  for (const key of Object.keys(src)) {
    const se = src[key];
    const has = Object.prototype.hasOwnProperty.call(dst, key);
    const de = has ? dst[key] : undefined;
    if (se === null || se === undefined) { if (overwrite) setKey(dst, key, null); continue; }
    const srcIsMap = isGoMap(se), srcIsSlice = Array.isArray(se);
    if (srcIsMap) {
      if (has && isGoMap(de)) mergeMaps(de, se, overwrite);
    } else if (srcIsSlice) {
      let ds: unknown = !has || de === null ? [] : de;
      if (truth(src) && (overwrite || !truth(dst))) ds = se;
      setKey(dst, key, ds);
    }
    if (has && truth(de) && (srcIsMap || srcIsSlice)) continue;
    if (overwrite || !has || !truth(de)) setKey(dst, key, se);
  }
}

function dict(...v: unknown[]): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  for (let i = 0; i < v.length; i += 2) {
    const key = strval(v[i] ?? null);
    setKey(d, key, i + 1 >= v.length ? '' : v[i + 1]);
  }
  return d;
}

function setKey(d: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(d, k, { value: v, enumerable: true, writable: true, configurable: true });
  else d[k] = v;
}

function untilStep(start: bigint, stop: bigint, step: bigint): GoInt[] {
  const v: GoInt[] = [];
  if (stop < start) {
    if (step >= 0n) return tagType(v, '[]int');
    for (let i = start; i > stop; i += step) { v.push(I(i)); if (v.length > 1e6) throw new Error('untilStep: too many elements'); }
    return tagType(v, '[]int');
  }
  if (step <= 0n) return tagType(v, '[]int');
  for (let i = start; i < stop; i += step) { v.push(I(i)); if (v.length > 1e6) throw new Error('untilStep: too many elements'); }
  return tagType(v, '[]int');
}

function seq(...p: GoInt[]): string {
  const ps = p.map((x) => x.v);
  let inc = 1n;
  let r: GoInt[];
  switch (ps.length) {
    case 0: return '';
    case 1: { const start = 1n, end = ps[0]; if (end < start) inc = -1n; r = untilStep(start, end + inc, inc); break; }
    case 3: {
      const start = ps[0], end = ps[2], step = ps[1];
      if (end < start) { inc = -1n; if (step > 0n) return ''; }
      r = untilStep(start, end + inc, step); break;
    }
    case 2: { const start = ps[0], end = ps[1]; let step = 1n; if (end < start) step = -1n; r = untilStep(start, end + step, step); break; }
    default: return '';
  }
  return r.map((x) => x.v.toString()).join(' ');
}

/** shopspring/decimal arithmetic as used by addf/subf/mulf/divf: exact decimal of the float64s. */
function decimalOp(a: unknown, b: unknown[], op: '+' | '-' | '*' | '/'): number {
  let acc = Dec.fromFloat(toFloat64(a));
  for (const x of b) {
    const d = Dec.fromFloat(toFloat64(x));
    acc = op === '+' ? acc.add(d) : op === '-' ? acc.sub(d) : op === '*' ? acc.mul(d) : acc.div(d);
  }
  return acc.toFloat();
}

class Dec {
  constructor(readonly v: bigint, readonly exp: number) {}
  static fromFloat(f: number): Dec {
    if (!isFinite(f)) throw new Error(`Cannot create a Decimal from ${formatFloatG(f)}`);
    if (f === 0) return new Dec(0n, 0);
    // shortest decimal representation, as shopspring's NewFromFloat does
    const e = f.toExponential();
    const [m, x] = e.split('e');
    const digits = m.replace('.', '').replace('-', '');
    const exp = parseInt(x, 10) - (digits.length - 1);
    return new Dec(BigInt((f < 0 ? '-' : '') + digits), exp);
  }
  private align(o: Dec): [bigint, bigint, number] {
    if (this.exp === o.exp) return [this.v, o.v, this.exp];
    if (this.exp < o.exp) return [this.v, o.v * 10n ** BigInt(o.exp - this.exp), this.exp];
    return [this.v * 10n ** BigInt(this.exp - o.exp), o.v, o.exp];
  }
  add(o: Dec): Dec { const [a, b, e] = this.align(o); return new Dec(a + b, e); }
  sub(o: Dec): Dec { const [a, b, e] = this.align(o); return new Dec(a - b, e); }
  mul(o: Dec): Dec { return new Dec(this.v * o.v, this.exp + o.exp); }
  div(o: Dec): Dec {
    if (o.v === 0n) throw new Error('decimal division by 0');
    // DivRound(o, 16): the quotient rounded half away from zero to 16 decimal places
    const prec = 16;
    const k = this.exp - o.exp + prec;
    let num = this.v, den = o.v;
    if (k >= 0) num *= 10n ** BigInt(k); else den *= 10n ** BigInt(-k);
    if (den < 0n) { num = -num; den = -den; }
    let q = num / den;
    const r = num % den;
    if ((r < 0n ? -r : r) * 2n >= den) q += num < 0n ? -1n : 1n;
    return new Dec(q, -prec);
  }
  toFloat(): number { return Number(`${this.v}e${this.exp}`); }
}

function roundGo(a: unknown, p: GoInt, ...rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? rOpt[0] : 0.5;
  const val = toFloat64(a);
  const pow = Math.pow(10, Number(p.v));
  const digit = pow * val;
  const div = digit % 1;
  const r = div >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

function base32(s: string): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const b = toBytes(s);
  let out = '', bits = 0, val = 0;
  for (const x of b) { val = (val << 8) | x; bits += 8; while (bits >= 5) { out += A[(val >>> (bits - 5)) & 31]; bits -= 5; } }
  if (bits > 0) out += A[(val << (5 - bits)) & 31];
  while (out.length % 8) out += '=';
  return out;
}
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** encoding/base32 StdEncoding.DecodeString, with Go's error offsets. */
function base32dec(str: string): string {
  const src = Array.from(toBytes(str)).filter((c) => c !== 10 && c !== 13);
  const olen = src.length;
  const out: number[] = [];
  let p = 0;
  let end = false;
  const err = (n: number): never => { throw new Error(`illegal base32 data at input byte ${n}`); };
  while (p < olen && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (p === olen) err(olen - (olen - p) - j);
      const c = src[p++];
      const rem = olen - p;
      if (c === 61 && j >= 2 && rem < 8) {
        if (rem + j < 8 - 1) err(olen);
        for (let k = 0; k < 8 - 1 - j; k++) if (rem > k && src[p + k] !== 61) err(olen - rem + k - 1);
        dlen = j; end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) err(olen - rem - 1);
        break;
      }
      const d = B32.indexOf(String.fromCharCode(c));
      if (d < 0) err(olen - rem - 1);
      dbuf[j++] = d;
    }
    const bytes = [dbuf[0] << 3 | dbuf[1] >> 2, dbuf[1] << 6 | dbuf[2] << 1 | dbuf[3] >> 4, dbuf[3] << 4 | dbuf[4] >> 1, dbuf[4] << 7 | dbuf[5] << 2 | dbuf[6] >> 3, dbuf[6] << 5 | dbuf[7]];
    const nb = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen];
    out.push(...bytes.slice(0, nb).map((x) => x & 255));
  }
  return fromBytes(Uint8Array.from(out));
}

/** encoding/base64 StdEncoding.DecodeString, with Go's error offsets. */
function b64dec(str: string): string {
  const src = toBytes(str);
  const out: number[] = [];
  let si = 0;
  const err = (n: number): never => { throw new Error(`illegal base64 data at input byte ${n}`); };
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let done = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return fromBytes(Uint8Array.from(out));
        err(si - j);
      }
      const c = src[si++];
      const d = B64.indexOf(String.fromCharCode(c));
      if (d >= 0) { dbuf[j] = d; continue; }
      if (c === 10 || c === 13) { j--; continue; }
      if (c !== 61) err(si - 1);
      if (j < 2) err(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
        if (si === src.length) err(src.length);
        if (src[si] !== 61) err(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
      if (si < src.length) err(si);
      dlen = j;
      done = true;
      break;
    }
    const v = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
    const b = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
    if (dlen === 4) out.push(...b);
    else if (dlen === 3) out.push(b[0], b[1]);
    else if (dlen === 2) out.push(b[0]);
    if (done) return fromBytes(Uint8Array.from(out));
  }
}

function adler32(s: string): string {
  let a = 1, b = 0;
  for (const x of toBytes(s)) { a = (a + x) % 65521; b = (b + a) % 65521; }
  return String(((b << 16) | a) >>> 0);
}

function urlParse(v: string): Record<string, unknown> {
  const bad = /%(?![0-9A-Fa-f]{2})(.{0,2})/.exec(v.replace(/#.*$/s, '').replace(/\?.*$/s, ''));
  if (bad) throw new Error(`unable to parse url: parse ${JSON.stringify(v)}: invalid URL escape ${JSON.stringify('%' + bad[1])}`);
  let rest = v;
  const out: Record<string, unknown> = { scheme: '', host: '', hostname: '', path: '', query: '', opaque: '', fragment: '', userinfo: '' };
  const hash = rest.indexOf('#');
  if (hash >= 0) { out.fragment = decodeURIComponentSafe(rest.slice(hash + 1)); rest = rest.slice(0, hash); }
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (sm) { out.scheme = sm[1].toLowerCase(); rest = rest.slice(sm[0].length); }
  const q = rest.indexOf('?');
  if (q >= 0) { out.query = rest.slice(q + 1); rest = rest.slice(0, q); }
  if (out.scheme && !rest.startsWith('/')) { out.opaque = rest; return out; }
  if (!out.scheme && !rest.startsWith('/')) {
    const seg = rest.split('/')[0];
    if (seg.includes(':')) throw new Error(`unable to parse url: parse ${JSON.stringify(v)}: first path segment in URL cannot contain colon`);
  }
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    const slash = rest.indexOf('/');
    const auth = slash >= 0 ? rest.slice(0, slash) : rest;
    rest = slash >= 0 ? rest.slice(slash) : '';
    const at = auth.lastIndexOf('@');
    if (at >= 0) { out.userinfo = auth.slice(0, at); out.host = auth.slice(at + 1); } else out.host = auth;
    const h = out.host as string;
    out.hostname = h.startsWith('[') ? h.slice(1, h.indexOf(']')) : h.replace(/:\d*$/, '');
  }
  out.path = decodeURIComponentSafe(rest);
  return out;
}
function decodeURIComponentSafe(s: string): string { try { return decodeURIComponent(s); } catch { return s; } }

function urlJoin(d: Record<string, unknown>): string {
  const g = (k: string): string => { const v = d[k]; if (v === undefined) return ''; if (typeof v !== 'string') throw new Error(`unable to parse ${k} field: interface conversion: interface {} is ${typeName(v)}, not string`); return v; };
  const scheme = g('scheme'), host = g('host'), path = g('path'), query = g('query'), opaque = g('opaque'), fragment = g('fragment'), userinfo = g('userinfo');
  let s = '';
  if (scheme) s += scheme + ':';
  if (opaque) s += opaque;
  else {
    if (scheme || host || userinfo) {
      if (host || path || userinfo) s += '//';
      if (userinfo) s += userinfo.split(':').map((p) => encodeURIComponent(p)).join(':') + '@';
      s += host;
    }
    let p = path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => encodeURIComponent(c));
    if (p && p[0] !== '/' && host) p = '/' + p;
    if (s === '' && /^[^/]*:/.test(p)) p = './' + p;
    s += p;
  }
  if (query) s += '?' + query;
  if (fragment) s += '#' + fragment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (c) => encodeURIComponent(c));
  return s;
}

function toTime(v: unknown): GoTime {
  if (v instanceof GoTime) return v;
  if (typeof v === 'bigint' || v instanceof GoInt) return new GoTime(Number(typeof v === 'bigint' ? v : v.v) * 1000, 0, localOffset(), localZone());
  return new GoTime(Date.now(), 0, localOffset(), localZone());
}
function localOffset(): number { return 0; }
function localZone(): string { return 'UTC'; }

function dateFmt(fmt: string, date: unknown, zone = 'Local'): string {
  let t: GoTime;
  if (date instanceof GoTime) t = date;
  else if (typeof date === 'bigint' || date instanceof GoInt) t = toTime(date);
  else t = new GoTime(Date.now());
  const zoneOff = zone === 'UTC' || zone === 'Local' || zone === '' ? 0 : zoneOffset(zone, t.ms);
  const zname = zone === 'Local' ? localZone() : zone === '' ? 'UTC' : zoneOff === undefined ? 'UTC' : zoneAbbrev(zone, t.ms);
  return formatTime(new GoTime(t.ms, t.nanos, zoneOff ?? 0, zname), fmt);
}
function zoneOffset(zone: string, ms: number): number | undefined {
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms));
    const o = f.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(o);
    return m ? (m[1] === '-' ? -1 : 1) * (parseInt(m[2], 10) * 60 + parseInt(m[3], 10)) : 0;
  } catch { return undefined; }
}
function zoneAbbrev(zone: string, ms: number): string {
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms));
    return f.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch { return zone; }
}

/** Go's time.ParseDuration. */
export function parseDuration(s: string): bigint {
  const orig = s;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') { neg = s[0] === '-'; s = s.slice(1); }
  if (s === '0') return 0n;
  if (s === '') throw new Error(`time: invalid duration ${quoteGo(orig)}`);
  const units: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  while (s) {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (!m[0] || m[0] === '.') throw new Error(`time: invalid duration ${quoteGo(orig)}`);
    s = s.slice(m[0].length);
    const u = /^[^\d.]+/.exec(s);
    if (!u) throw new Error(`time: missing unit in duration ${quoteGo(orig)}`);
    if (!(u[0] in units)) throw new Error(`time: unknown unit ${quoteGo(u[0])} in duration ${quoteGo(orig)}`);
    s = s.slice(u[0].length);
    total += parseFloat((m[1] || '0') + '.' + (m[2] || '0')) * units[u[0]];
  }
  return BigInt(Math.round(neg ? -total : total));
}

/** Go's time.Duration.String(). */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  if (u < 1000000000n) {
    let unit: string, div: bigint;
    if (u < 1000n) return (neg ? '-' : '') + u + 'ns';
    if (u < 1000000n) { unit = 'µs'; div = 1000n; } else { unit = 'ms'; div = 1000000n; }
    return (neg ? '-' : '') + fracStr(u, div) + unit;
  }
  const h = u / 3600000000000n; u -= h * 3600000000000n;
  const m = u / 60000000000n; u -= m * 60000000000n;
  let s = '';
  if (h > 0n) s += h + 'h';
  if (h > 0n || m > 0n) s += m + 'm';
  s += fracStr(u, 1000000000n) + 's';
  return (neg ? '-' : '') + s;
}
function fracStr(v: bigint, div: bigint): string {
  const ip = v / div;
  let fp = (v % div).toString().padStart(div.toString().length - 1, '0').replace(/0+$/, '');
  return ip.toString() + (fp ? '.' + fp : '');
}

class Certificate extends GoStruct {
  override readonly goType = 'sprig.certificate';
  constructor(readonly Cert: string, readonly Key: string) { super(); }
  override field(n: string) { return n === 'Cert' || n === 'Key' ? { ok: true, value: (this as any)[n] } : { ok: false }; }
  override format(): string { return `{${this.Cert} ${this.Key}}`; }
}
void Certificate;

function getOwn(d: Record<string, unknown>, k: string): [boolean, unknown] {
  return Object.prototype.hasOwnProperty.call(d, k) ? [true, d[k]] : [false, undefined];
}

function listOp<T>(name: string, list: unknown, f: (l: unknown[]) => T, must: boolean, nilOk = false): T {
  if (nilOk && (list === null || list === undefined)) return f([]);
  const k = kindOfForErr(list);
  const l = asList(list);
  if (!l) {
    const msg = name === 'slice' ? `list should be type of slice or array but ${k}` : `Cannot ${name} on type ${k}`;
    if (must) throw new Error(msg);
    throw new Error(msg);
  }
  return f(l);
}

export function sprigFuncs(opts: { env?: boolean; typed?: boolean; getenv?: (k: string) => string | undefined } = {}): Record<string, GoFunc> {
  const S = 'string' as const, A = 'any' as const, N = 'int' as const, M = 'map' as const, F = 'float64' as const;
  const fns: Record<string, Sig> = {
    hello: [[], undefined, () => 'Hello!'],
    // dates
    ago: [[A], undefined, (t: unknown) => durationString(BigInt(Math.round((Date.now() - toTime(t).ms) / 1000)) * 1000000000n)],
    date: [[S, A], undefined, (f: string, d: unknown) => dateFmt(f, d)],
    date_in_zone: [[S, A, S], undefined, (f: string, d: unknown, z: string) => dateFmt(f, d, z)],
    dateInZone: [[S, A, S], undefined, (f: string, d: unknown, z: string) => dateFmt(f, d, z)],
    date_modify: [[S, 'time'], undefined, (fmt: string, t: GoTime) => { try { return new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone); } catch { return t; } }],
    dateModify: [[S, 'time'], undefined, (fmt: string, t: GoTime) => { try { return new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone); } catch { return t; } }],
    must_date_modify: [[S, 'time'], undefined, (fmt: string, t: GoTime) => new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone)],
    mustDateModify: [[S, 'time'], undefined, (fmt: string, t: GoTime) => new GoTime(t.ms + Number(parseDuration(fmt) / 1000000n), t.nanos, t.offsetMin, t.zone)],
    duration: [[A], undefined, (sec: unknown) => {
      const n = typeof sec === 'string' ? (parseIntBase0(sec) ?? 0n) : toInt64(sec);
      return durationString(n * 1000000000n);
    }],
    durationRound: [[A], undefined, (v: unknown) => durationRound(v)],
    htmlDate: [[A], undefined, (d: unknown) => dateFmt('2006-01-02', d)],
    htmlDateInZone: [[A, S], undefined, (d: unknown, z: string) => dateFmt('2006-01-02', d, z)],
    mustToDate: [[S, S], undefined, (f: string, s: string) => parseTime(f, s)],
    toDate: [[S, S], undefined, (f: string, s: string) => { try { return parseTime(f, s); } catch { return new GoTime(-62135596800000, 0, 0, 'UTC'); } }],
    now: [[], undefined, () => new GoTime(Date.now(), 0, localOffset(), localZone(), true)],
    unixEpoch: [['time'], undefined, (t: GoTime) => String(Math.floor(t.ms / 1000))],
    // strings
    abbrev: [[N, S], undefined, (w: GoInt, s: string) => (w.v < 4n ? s : st.abbreviateFull(s, 0, Number(w.v)))],
    abbrevboth: [[N, N, S], undefined, (l: GoInt, r: GoInt, s: string) => (r.v < 4n || (l.v > 0n && r.v < 7n) ? s : st.abbreviateFull(s, Number(l.v), Number(r.v)))],
    trunc: [[N, S], undefined, (c: GoInt, s: string) => {
      const b = toBytes(s); const n = Number(c.v);
      if (n < 0 && b.length + n > 0) return fromBytes(b.subarray(b.length + n));
      if (n >= 0 && b.length > n) return fromBytes(b.subarray(0, n));
      return s;
    }],
    trim: [[S], undefined, st.trimSpaceGo],
    upper: [[S], undefined, st.upperGo],
    lower: [[S], undefined, st.lowerGo],
    title: [[S], undefined, st.titleGo],
    untitle: [[S], undefined, st.uncapitalize],
    substr: [[N, N, S], undefined, (a: GoInt, e: GoInt, s: string) => {
      const b = toBytes(s); const start = Number(a.v), end = Number(e.v);
      const chk = (x: number, y: number): string => {
        if (x < 0 || y > b.length || x > y) throw new Error(`runtime error: slice bounds out of range [${x > y && y <= b.length ? x + ':' + y : ':' + y}] with length ${b.length}`.replace('[:' + y + '] with length', y > b.length ? `[:${y}] with length` : `[${x}:${y}]`));
        return fromBytes(b.subarray(x, y));
      };
      if (start < 0) return chk(0, end);
      if (end < 0 || end > b.length) { if (start > b.length) throw new Error(`runtime error: slice bounds out of range [${start}:${b.length}]`); return fromBytes(b.subarray(start)); }
      if (start > end) throw new Error(`runtime error: slice bounds out of range [${start}:${end}]`);
      return fromBytes(b.subarray(start, end));
    }],
    repeat: [[N, S], undefined, (c: GoInt, s: string) => repeatGo(s, c.v)],
    trimall: [[S, S], undefined, (a: string, b: string) => trimCutset(b, a)],
    trimAll: [[S, S], undefined, (a: string, b: string) => trimCutset(b, a)],
    trimSuffix: [[S, S], undefined, (a: string, b: string) => (a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b)],
    trimPrefix: [[S, S], undefined, (a: string, b: string) => (b.startsWith(a) ? b.slice(a.length) : b)],
    nospace: [[S], undefined, st.deleteWhiteSpace],
    initials: [[S], undefined, st.initials],
    randAlphaNum: [[N], undefined, (n: GoInt) => randomString(Number(n.v), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')],
    randAlpha: [[N], undefined, (n: GoInt) => randomString(Number(n.v), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')],
    randAscii: [[N], undefined, (n: GoInt) => randomString(Number(n.v), Array.from({ length: 94 }, (_, i) => String.fromCharCode(32 + i)).join(''))],
    randNumeric: [[N], undefined, (n: GoInt) => randomString(Number(n.v), '0123456789')],
    swapcase: [[S], undefined, st.swapCaseGoutils],
    shuffle: [[S], undefined, (s: string) => { const r = [...s]; for (let i = r.length - 1; i > 0; i--) { const j = randomInt(i + 1); [r[i], r[j]] = [r[j], r[i]]; } return r.join(''); }],
    snakecase: [[S], undefined, (s: string) => st.camelToLower(s, '_')],
    camelcase: [[S], undefined, st.toCamelCase],
    kebabcase: [[S], undefined, (s: string) => st.camelToLower(s, '-')],
    wrap: [[N, S], undefined, (l: GoInt, s: string) => st.wrapCustom(s, Number(l.v), '\n', false)],
    wrapWith: [[N, S, S], undefined, (l: GoInt, sep: string, s: string) => st.wrapCustom(s, Number(l.v), sep, true)],
    contains: [[S, S], undefined, (a: string, b: string) => b.includes(a)],
    hasPrefix: [[S, S], undefined, (a: string, b: string) => b.startsWith(a)],
    hasSuffix: [[S, S], undefined, (a: string, b: string) => b.endsWith(a)],
    quote: [[], A, (...a: unknown[]) => a.filter((x) => x !== null && x !== undefined).map((x) => quoteGo(strval(x))).join(' ')],
    squote: [[], A, (...a: unknown[]) => a.filter((x) => x !== null && x !== undefined).map((x) => "'" + formatV(x) + "'").join(' ')],
    cat: [[], A, (...a: unknown[]) => a.filter((x) => x !== null && x !== undefined).map((x) => formatV(x)).join(' ')],
    indent: [[N, S], undefined, (n: GoInt, s: string) => { const pad = repeatGo(' ', n.v); return pad + s.split('\n').join('\n' + pad); }],
    nindent: [[N, S], undefined, (n: GoInt, s: string) => { const pad = repeatGo(' ', n.v); return '\n' + pad + s.split('\n').join('\n' + pad); }],
    replace: [[S, S, S], undefined, (o: string, n: string, s: string) => replaceAllGo(s, o, n)],
    plural: [[S, S, N], undefined, (one: string, many: string, c: GoInt) => (c.v === 1n ? one : many)],
    sha1sum: [[S], undefined, (s: string) => createHash('sha1').update(toBytes(s)).digest('hex')],
    sha256sum: [[S], undefined, (s: string) => createHash('sha256').update(toBytes(s)).digest('hex')],
    sha512sum: [[S], undefined, (s: string) => createHash('sha512').update(toBytes(s)).digest('hex')],
    adler32sum: [[S], undefined, adler32],
    toString: [[A], undefined, (v: unknown) => strval(v ?? null)] as Sig,
    atoi: [[S], undefined, (s: string) => { const m = /^[+-]?\d+$/.exec(s); if (!m) return I(0n); const v = BigInt(s); return I(v > 0x7fffffffffffffffn || v < -0x8000000000000000n ? 0n : v); }],
    int64: [[A], undefined, toInt64],
    int: [[A], undefined, (v: unknown) => I(toInt64(v))],
    float64: [[A], undefined, toFloat64],
    seq: [[], N, seq],
    toDecimal: [[A], undefined, (v: unknown) => { const s = formatV(v ?? null); return /^[+-]?[0-7]+$/.test(s) ? BigInt.asIntN(64, BigInt((s[0] === '-' ? '-' : '') + '0o' + s.replace(/^[+-]/, ''))) : 0n; }],
    split: [[S, S], undefined, (sep: string, s: string) => { const r: Record<string, unknown> = {}; splitGo(s, sep, -1).forEach((p, i) => { r['_' + i] = p; }); return tagType(r, 'map[string]string'); }],
    splitList: [[S, S], undefined, (sep: string, s: string) => strSlice(splitGo(s, sep, -1))],
    splitn: [[S, N, S], undefined, (sep: string, n: GoInt, s: string) => { const r: Record<string, unknown> = {}; splitGo(s, sep, Number(n.v)).forEach((p, i) => { r['_' + i] = p; }); return tagType(r, 'map[string]string'); }],
    toStrings: [[A], undefined, strslice],
    until: [[N], undefined, (c: GoInt) => untilStep(0n, c.v, c.v < 0n ? -1n : 1n)],
    untilStep: [[N, N, N], undefined, (a: GoInt, b: GoInt, c: GoInt) => untilStep(a.v, b.v, c.v)],
    add1: [[A], undefined, (i: unknown) => i64(toInt64(i) + 1n)],
    add: [[], A, (...a: unknown[]) => a.reduce<bigint>((s, x) => i64(s + toInt64(x)), 0n)],
    sub: [[A, A], undefined, (a: unknown, b: unknown) => i64(toInt64(a) - toInt64(b))],
    div: [[A, A], undefined, (a: unknown, b: unknown) => { const d = toInt64(b); if (d === 0n) throw new Error('runtime error: integer divide by zero'); return i64(toInt64(a) / d); }],
    mod: [[A, A], undefined, (a: unknown, b: unknown) => { const d = toInt64(b); if (d === 0n) throw new Error('runtime error: integer divide by zero'); return toInt64(a) % d; }],
    mul: [[A], A, (a: unknown, ...v: unknown[]) => v.reduce<bigint>((s, x) => i64(s * toInt64(x)), toInt64(a))],
    randInt: [[N, N], undefined, (a: GoInt, b: GoInt) => { const n = b.v - a.v; if (n <= 0n) throw new Error('invalid argument to Intn'); return I(a.v + BigInt(randomInt(Number(n > 281474976710655n ? 281474976710655n : n)))); }],
    add1f: [[A], undefined, (i: unknown) => decimalOp(i, [1], '+')],
    addf: [[], A, (...i: unknown[]) => decimalOp(0, i, '+')],
    subf: [[A], A, (a: unknown, ...v: unknown[]) => decimalOp(a, v, '-')],
    divf: [[A], A, (a: unknown, ...v: unknown[]) => decimalOp(a, v, '/')],
    mulf: [[A], A, (a: unknown, ...v: unknown[]) => decimalOp(a, v, '*')],
    biggest: [[A], A, (a: unknown, ...v: unknown[]) => v.reduce<bigint>((m, x) => { const b = toInt64(x); return b > m ? b : m; }, toInt64(a))],
    max: [[A], A, (a: unknown, ...v: unknown[]) => v.reduce<bigint>((m, x) => { const b = toInt64(x); return b > m ? b : m; }, toInt64(a))],
    min: [[A], A, (a: unknown, ...v: unknown[]) => v.reduce<bigint>((m, x) => { const b = toInt64(x); return b < m ? b : m; }, toInt64(a))],
    maxf: [[A], A, (a: unknown, ...v: unknown[]) => v.reduce<number>((m, x) => goMax(m, toFloat64(x)), toFloat64(a))],
    minf: [[A], A, (a: unknown, ...v: unknown[]) => v.reduce<number>((m, x) => goMin(m, toFloat64(x)), toFloat64(a))],
    ceil: [[A], undefined, (a: unknown) => Math.ceil(toFloat64(a))],
    floor: [[A], undefined, (a: unknown) => Math.floor(toFloat64(a))],
    round: [[A, N], F, roundGo],
    join: [[S, A], undefined, (sep: string, v: unknown) => strslice(v).join(sep)],
    sortAlpha: [[A], undefined, (v: unknown) => {
      if (Array.isArray(v) || v instanceof Uint8Array) return strSlice(strslice(v).slice().sort(cmpBytes));
      return strSlice([strval(v ?? null)]);
    }],
    // defaults
    default: [[A], A, (d: unknown, ...given: unknown[]) => (given.length === 0 || empty(given[0]) ? d : given[0])],
    empty: [[A], undefined, empty],
    coalesce: [[], A, (...v: unknown[]) => { for (const x of v) if (!empty(x)) return x; return null; }],
    all: [[], A, (...v: unknown[]) => v.every((x) => !empty(x))],
    any: [[], A, (...v: unknown[]) => v.some((x) => !empty(x))],
    compact: [[A], undefined, (l: unknown) => listOp('compact', l, (x) => x.filter((e) => !empty(e)), false)],
    mustCompact: [[A], undefined, (l: unknown) => listOp('compact', l, (x) => x.filter((e) => !empty(e)), true)],
    fromJson: [[S], undefined, (s: string) => { try { return unmarshalJSON(s); } catch { return null; } }],
    mustFromJson: [[S], undefined, (s: string) => unmarshalJSON(s)],
    toJson: [[A], undefined, (v: unknown) => { try { return marshalJSON(v); } catch { return ''; } }],
    mustToJson: [[A], undefined, (v: unknown) => marshalJSON(v)],
    toPrettyJson: [[A], undefined, (v: unknown) => { try { return marshalJSON(v, true, '  '); } catch { return ''; } }],
    mustToPrettyJson: [[A], undefined, (v: unknown) => marshalJSON(v, true, '  ')],
    toRawJson: [[A], undefined, (v: unknown) => marshalJSON(v, false)],
    mustToRawJson: [[A], undefined, (v: unknown) => marshalJSON(v, false)],
    ternary: [[A, A, 'bool'], undefined, (a: unknown, b: unknown, c: boolean) => (c ? a : b)],
    deepCopy: [[A], undefined, (v: unknown) => { if (v === null || v === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value'); return deepCopy(v); }],
    mustDeepCopy: [[A], undefined, (v: unknown) => (v === null || v === undefined ? null : deepCopy(v))],
    typeOf: [[A], undefined, (v: unknown) => typeName(v ?? null)],
    typeIs: [[S, A], undefined, (t: string, v: unknown) => t === typeName(v ?? null)],
    typeIsLike: [[S, A], undefined, (t: string, v: unknown) => { const n = typeName(v ?? null); return t === n || '*' + t === n; }],
    kindOf: [[A], undefined, (v: unknown) => kindName(v ?? null)],
    kindIs: [[S, A], undefined, (t: string, v: unknown) => t === kindName(v ?? null)],
    deepEqual: [[A, A], undefined, deepEqual],
    getHostByName: [[S], undefined, (_h: string) => ''],
    base: [[S], undefined, st.pathBase],
    dir: [[S], undefined, st.pathDir],
    clean: [[S], undefined, st.pathClean],
    ext: [[S], undefined, st.pathExt],
    isAbs: [[S], undefined, (p: string) => p.startsWith('/')],
    osBase: [[S], undefined, st.pathBase],
    osClean: [[S], undefined, st.pathClean],
    osDir: [[S], undefined, st.pathDir],
    osExt: [[S], undefined, st.pathExt],
    osIsAbs: [[S], undefined, (p: string) => p.startsWith('/')],
    b64enc: [[S], undefined, (s: string) => Buffer.from(toBytes(s)).toString('base64')],
    b64dec: [[S], undefined, (s: string) => { try { return b64dec(s); } catch (e) { return (e as Error).message; } }],
    b32enc: [[S], undefined, base32],
    b32dec: [[S], undefined, (s: string) => { try { return base32dec(s); } catch (e) { return (e as Error).message; } }],
    tuple: [[], A, (...v: unknown[]) => v.map((x) => (x === undefined ? null : x))],
    list: [[], A, (...v: unknown[]) => v.map((x) => (x === undefined ? null : x))],
    dict: [[], A, dict],
    get: [[M, S], undefined, (d: Record<string, unknown> | null, k: string) => { if (!d) return ''; const [ok, v] = getOwn(d, k); return ok ? v ?? null : ''; }],
    set: [[M, S, A], undefined, (d: Record<string, unknown> | null, k: string, v: unknown) => { if (!d) throw new Error('assignment to entry in nil map'); setKey(d, k, v ?? null); return d; }],
    unset: [[M, S], undefined, (d: Record<string, unknown> | null, k: string) => { if (d) delete d[k]; return d ?? nilMap(); }],
    hasKey: [[M, S], undefined, (d: Record<string, unknown> | null, k: string) => !!d && Object.prototype.hasOwnProperty.call(d, k)],
    pluck: [[S], M, (k: string, ...ds: (Record<string, unknown> | null)[]) => { const r: unknown[] = []; for (const d of ds) if (d) { const [ok, v] = getOwn(d, k); if (ok) r.push(v ?? null); } return r; }],
    keys: [[], M, (...ds: (Record<string, unknown> | null)[]) => { const r: string[] = []; for (const d of ds) if (d) r.push(...Object.keys(d)); return strSlice(r); }],
    pick: [[M], S, (d: Record<string, unknown> | null, ...ks: string[]) => { const r: Record<string, unknown> = {}; for (const k of ks) if (d) { const [ok, v] = getOwn(d, k); if (ok) setKey(r, k, v); } return r; }],
    omit: [[M], S, (d: Record<string, unknown> | null, ...ks: string[]) => { const r: Record<string, unknown> = {}; const o = new Set(ks); if (d) for (const k of Object.keys(d)) if (!o.has(k)) setKey(r, k, d[k]); return r; }],
    merge: [[M], M, (d: Record<string, unknown> | null, ...s: (Record<string, unknown> | null)[]) => mergeTop(d, s, false)],
    mergeOverwrite: [[M], M, (d: Record<string, unknown> | null, ...s: (Record<string, unknown> | null)[]) => mergeTop(d, s, true)],
    mustMerge: [[M], M, (d: Record<string, unknown> | null, ...s: (Record<string, unknown> | null)[]) => mergeTop(d, s, false)],
    mustMergeOverwrite: [[M], M, (d: Record<string, unknown> | null, ...s: (Record<string, unknown> | null)[]) => mergeTop(d, s, true)],
    values: [[M], undefined, (d: Record<string, unknown> | null) => (d ? Object.values(d) : [])],
    append: [[A, A], undefined, (l: unknown, v: unknown) => listOp('push', l, (x) => [...x, v ?? null], false)],
    push: [[A, A], undefined, (l: unknown, v: unknown) => listOp('push', l, (x) => [...x, v ?? null], false)],
    mustAppend: [[A, A], undefined, (l: unknown, v: unknown) => listOp('push', l, (x) => [...x, v ?? null], true)],
    mustPush: [[A, A], undefined, (l: unknown, v: unknown) => listOp('push', l, (x) => [...x, v ?? null], true)],
    prepend: [[A, A], undefined, (l: unknown, v: unknown) => listOp('prepend', l, (x) => [v ?? null, ...x], false)],
    mustPrepend: [[A, A], undefined, (l: unknown, v: unknown) => listOp('prepend', l, (x) => [v ?? null, ...x], true)],
    first: [[A], undefined, (l: unknown) => listOp('find first', l, (x) => (x.length ? x[0] : null), false)],
    mustFirst: [[A], undefined, (l: unknown) => listOp('find first', l, (x) => (x.length ? x[0] : null), true)],
    rest: [[A], undefined, (l: unknown) => listOp('find rest', l, (x) => (x.length ? x.slice(1) : nilSlice()), false)],
    mustRest: [[A], undefined, (l: unknown) => listOp('find rest', l, (x) => (x.length ? x.slice(1) : nilSlice()), true)],
    last: [[A], undefined, (l: unknown) => listOp('find last', l, (x) => (x.length ? x[x.length - 1] : null), false)],
    mustLast: [[A], undefined, (l: unknown) => listOp('find last', l, (x) => (x.length ? x[x.length - 1] : null), true)],
    initial: [[A], undefined, (l: unknown) => listOp('find initial', l, (x) => (x.length ? x.slice(0, -1) : nilSlice()), false)],
    mustInitial: [[A], undefined, (l: unknown) => listOp('find initial', l, (x) => (x.length ? x.slice(0, -1) : nilSlice()), true)],
    reverse: [[A], undefined, (l: unknown) => listOp('find reverse', l, (x) => x.slice().reverse(), false)],
    mustReverse: [[A], undefined, (l: unknown) => listOp('find reverse', l, (x) => x.slice().reverse(), true)],
    uniq: [[A], undefined, (l: unknown) => listOp('find uniq', l, (x) => { const d: unknown[] = []; for (const e of x) if (!d.some((y) => deepEqual(e, y))) d.push(e); return d; }, false)],
    mustUniq: [[A], undefined, (l: unknown) => listOp('find uniq', l, (x) => { const d: unknown[] = []; for (const e of x) if (!d.some((y) => deepEqual(e, y))) d.push(e); return d; }, true)],
    without: [[A], A, (l: unknown, ...o: unknown[]) => listOp('find without', l, (x) => x.filter((e) => !o.some((y) => deepEqual(e, y ?? null))), false)],
    mustWithout: [[A], A, (l: unknown, ...o: unknown[]) => listOp('find without', l, (x) => x.filter((e) => !o.some((y) => deepEqual(e, y ?? null))), true)],
    has: [[A, A], undefined, (n: unknown, h: unknown) => (h === null || h === undefined ? false : listOp('find has', h, (x) => x.some((e) => deepEqual(n ?? null, e)), false))],
    mustHas: [[A, A], undefined, (n: unknown, h: unknown) => (h === null || h === undefined ? false : listOp('find has', h, (x) => x.some((e) => deepEqual(n ?? null, e)), true))],
    slice: [[A], A, (l: unknown, ...ix: unknown[]) => sliceList(l, ix)],
    mustSlice: [[A], A, (l: unknown, ...ix: unknown[]) => sliceList(l, ix)],
    concat: [[], A, (...ls: unknown[]) => {
      const r: unknown[] = nilSlice();
      for (const l of ls) {
        const k = kindOfForErr(l);
        const x = asList(l);
        if (!x) throw new Error(`Cannot concat type ${k} as list`);
        r.push(...x);
      }
      if (r.length) delete (r as any)[Symbol.for('werf-action.gotemplate.nilslice')];
      return r;
    }],
    dig: [[], A, (...ps: unknown[]) => {
      if (ps.length < 3) throw new Error('dig needs at least three arguments');
      let d = ps[ps.length - 1];
      if (!isGoMap(d) || (d as any)[GO_TYPE]) throw new Error(`interface conversion: interface {} is ${d === null || d === undefined ? 'nil' : typeName(d)}, not map[string]interface {}`);
      const def = ps[ps.length - 2];
      const ks = ps.slice(0, -2).map((k) => { if (typeof k !== 'string') throw new Error(`interface conversion: interface {} is ${k === null || k === undefined ? 'nil' : typeName(k)}, not string`); return k; });
      for (let i = 0; i < ks.length; i++) {
        const [ok, v] = getOwn(d as Record<string, unknown>, ks[i]);
        if (!ok) return def;
        if (i === ks.length - 1) return v;
        if (!isGoMap(v)) throw new Error(`interface conversion: interface {} is ${v === null || v === undefined ? 'nil' : typeName(v)}, not map[string]interface {}`);
        d = v;
      }
      return def;
    }],
    chunk: [[N, A], undefined, (size: GoInt, l: unknown) => chunk(Number(size.v), l)],
    mustChunk: [[N, A], undefined, (size: GoInt, l: unknown) => chunk(Number(size.v), l)],
    // crypto (deterministic ones are exact; the random ones keep their shape)
    derivePassword: [['uint32', S, S, S, S], undefined, derivePassword],
    encryptAES: [[S, S], undefined, encryptAES],
    decryptAES: [[S, S], undefined, decryptAES],
    genPrivateKey: [[S], undefined, (typ: string) => {
      switch (typ) {
        case '': case 'rsa': return generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
        case 'ecdsa': return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
        case 'ed25519': return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
        case 'dsa': return cr.genDSAKey();
        default: return 'Unknown type ' + typ;
      }
    }],
    bcrypt: [[S], undefined, cr.sprigBcrypt],
    htpasswd: [[S, S], undefined, cr.sprigHtpasswd],
    genCA: [[S, N], undefined, (cn: string, d: GoInt) => cr.genCA(cn, d.v)],
    genCAWithKey: [[S, N, S], undefined, (cn: string, d: GoInt, k: string) => cr.genCAWithKey(cn, d.v, k)],
    genSelfSignedCert: [[S, '[]any', '[]any', N], undefined, (cn: string, ips: unknown, dns: unknown, d: GoInt) => cr.genSelfSignedCert(cn, ips, dns, d.v)],
    genSelfSignedCertWithKey: [[S, '[]any', '[]any', N, S], undefined, (cn: string, ips: unknown, dns: unknown, d: GoInt, k: string) => cr.genSelfSignedCertWithKey(cn, ips, dns, d.v, k)],
    genSignedCert: [[S, '[]any', '[]any', N, A], undefined, (cn: string, ips: unknown, dns: unknown, d: GoInt, ca: unknown) => cr.genSignedCert(cn, ips, dns, d.v, ca)],
    genSignedCertWithKey: [[S, '[]any', '[]any', N, A, S], undefined, (cn: string, ips: unknown, dns: unknown, d: GoInt, ca: unknown, k: string) => cr.genSignedCertWithKey(cn, ips, dns, d.v, ca, k)],
    buildCustomCert: [[S, S], undefined, cr.buildCustomCert],
    randBytes: [[N], undefined, (n: GoInt) => randomBytes(Number(n.v)).toString('base64')],
    uuidv4: [[], undefined, () => randomUUID()],
    semver: [[S], undefined, parseSemver],
    semverCompare: [[S, S], undefined, semverCompare],
    fail: [[S], undefined, (m: string) => { throw new Error(m); }],
    regexMatch: [[S, S], undefined, (r: string, s: string) => re.regexMatch(r, s)],
    mustRegexMatch: [[S, S], undefined, (r: string, s: string) => re.regexMatch(r, s)],
    regexFindAll: [[S, S, N], undefined, (r: string, s: string, n: GoInt) => nilIfEmpty(re.findAll(r, s, Number(n.v)))],
    mustRegexFindAll: [[S, S, N], undefined, (r: string, s: string, n: GoInt) => nilIfEmpty(re.findAll(r, s, Number(n.v)))],
    regexFind: [[S, S], undefined, (r: string, s: string) => re.find(r, s)],
    mustRegexFind: [[S, S], undefined, (r: string, s: string) => re.find(r, s)],
    regexReplaceAll: [[S, S, S], undefined, (r: string, s: string, p: string) => re.replaceAll(r, s, p, false)],
    mustRegexReplaceAll: [[S, S, S], undefined, (r: string, s: string, p: string) => re.replaceAll(r, s, p, false)],
    regexReplaceAllLiteral: [[S, S, S], undefined, (r: string, s: string, p: string) => re.replaceAll(r, s, p, true)],
    mustRegexReplaceAllLiteral: [[S, S, S], undefined, (r: string, s: string, p: string) => re.replaceAll(r, s, p, true)],
    regexSplit: [[S, S, N], undefined, (r: string, s: string, n: GoInt) => (n.v === 0n ? nilIfEmpty([]) : strSlice(re.split(r, s, Number(n.v))))],
    mustRegexSplit: [[S, S, N], undefined, (r: string, s: string, n: GoInt) => (n.v === 0n ? nilIfEmpty([]) : strSlice(re.split(r, s, Number(n.v))))],
    regexQuoteMeta: [[S], undefined, re.quoteMeta],
    urlParse: [[S], undefined, urlParse],
    urlJoin: [[M], undefined, urlJoin],
  };
  if (opts.env) {
    const get = opts.getenv ?? (() => undefined);
    fns.env = [[S], undefined, (k: string) => get(k) ?? ''];
    fns.expandenv = [[S], undefined, (s: string) => s.replace(/\$\{([^}]*)\}|\$([A-Za-z0-9_]+|[*#$@!?-]|[0-9])/g, (_, a, b) => get(a ?? b) ?? '')];
  }
  const out: Record<string, any> = {};
  for (const [k, [params, variadic, fn]] of Object.entries(fns)) {
    const e: FuncEntry = { params, variadic, fn };
    out[k] = opts.typed ? e : fn;
  }
  return out;
}

function nilIfEmpty(a: string[]): string[] { return a.length ? strSlice(a) : strSlice(nilSlice<string>()); }

function repeatGo(s: string, n: bigint): string {
  if (n < 0n) throw new Error('strings: negative Repeat count');
  if (BigInt(s.length) * n > 64n * 1024n * 1024n) throw new Error('strings: Repeat output length overflow');
  return s.repeat(Number(n));
}

function goMax(a: number, b: number): number { if (a !== a || b !== b) return NaN; if (a === 0 && b === 0) return Object.is(a, -0) ? b : a; return a > b ? a : b; }
function goMin(a: number, b: number): number { if (a !== a || b !== b) return NaN; if (a === 0 && b === 0) return Object.is(a, -0) ? a : b; return a < b ? a : b; }

function mergeTop(d: Record<string, unknown> | null, srcs: (Record<string, unknown> | null)[], overwrite: boolean): unknown {
  if (!d) d = {};
  for (const s of srcs) if (s) mergeMaps(d, s, overwrite);
  return d;
}

export function strslice(v: unknown): string[] {
  if (Array.isArray(v) && (v as any)[GO_TYPE] === '[]string') return v as string[];
  if (Array.isArray(v)) return strSlice(v.filter((x) => x !== null && x !== undefined).map(strval));
  if (v instanceof Uint8Array) return strSlice(Array.from(v, String));
  if (v === null || v === undefined) return strSlice([]);
  return strSlice([strval(v)]);
}

function sliceList(l: unknown, ix: unknown[]): unknown {
  const k = kindOfForErr(l);
  const x = asList(l);
  if (!x) throw new Error(`list should be type of slice or array but ${k}`);
  if (x.length === 0) return null;
  const start = ix.length > 0 ? Number(toInt64(ix[0])) : 0;
  const end = ix.length < 2 ? x.length : Number(toInt64(ix[1]));
  if (start < 0 || end > x.length || start > end) throw new Error(`reflect: slice index out of range`);
  const r = x.slice(start, end);
  const t = (l as any)[GO_TYPE];
  return t ? tagType(r, t) : r;
}

function chunk(size: number, l: unknown): unknown[][] {
  const k = kindOfForErr(l);
  const x = asList(l);
  if (!x) throw new Error(`Cannot chunk type ${k}`);
  const n = x.length;
  const cs = Math.floor((n - 1) / size) + 1;
  if (!isFinite(cs) || cs < 0) throw new Error('runtime error: makeslice: len out of range');
  const out: unknown[][] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) { clen = Math.floor(n % size); if (clen === 0) clen = size; }
    const c: unknown[] = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * size + j;
      if (ix >= n) throw new Error(`runtime error: index out of range [${ix}] with length ${n}`);
      c.push(x[ix]);
    }
    out.push(c);
  }
  return tagType(out, '[][]interface {}');
}

function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set([...cutset]);
  const rs = [...s];
  let a = 0, b = rs.length;
  while (a < b && set.has(rs[a])) a++;
  while (b > a && set.has(rs[b - 1])) b--;
  return rs.slice(a, b).join('');
}

function replaceAllGo(s: string, old: string, nw: string): string {
  if (old === nw) return s;
  if (old === '') {
    const rs = [...s];
    return nw + rs.map((r) => r + nw).join('');
  }
  return s.split(old).join(nw);
}

/** strings.Split / SplitN */
export function splitGo(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = [...s];
    if (n < 0 || n > rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function randomString(n: number, alphabet: string): string {
  if (n < 0) throw new Error(`Requested random string length ${n} is less than 0.`);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

function durationRound(v: unknown): string {
  let d: bigint;
  if (typeof v === 'string') { try { d = parseDuration(v); } catch { d = 0n; } }
  else if (typeof v === 'bigint' || v instanceof GoInt) d = typeof v === 'bigint' ? v : v.v;
  else if (v instanceof GoTime) d = BigInt(Date.now() - v.ms) * 1000000n;
  else d = 0n;
  let u = d < 0n ? -d : d;
  const neg = d < 0n;
  const sec = 1000000000n, min = 60n * sec, hour = 60n * min, day = 24n * hour, month = 30n * day, year = 365n * day;
  const r = (x: bigint, unit: bigint, suffix: string): string => (neg ? '-' : '') + (x / unit) + suffix;
  if (u > year) return r(u, year, 'y');
  if (u > month) return r(u, month, 'mo');
  if (u > day) return r(u, day, 'd');
  if (u > hour) return r(u, hour, 'h');
  if (u > min) return r(u, min, 'm');
  if (u > sec) return r(u, sec, 's');
  u = 0n;
  return '0s';
}

// Master Password algorithm (derivePassword), as sprig implements it.
import { scryptSync, createHmac, createCipheriv, createDecipheriv, generateKeyPairSync } from 'node:crypto';
const templateClasses: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: ['CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno', 'CvcvnoCvccCvcv', 'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno', 'CvccnoCvccCvcv', 'CvccCvccnoCvcv', 'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno', 'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno'],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const templateCharacters: Record<string, string> = {
  V: 'AEIOU', C: 'BCDFGHJKLMNPQRSTVWXYZ', v: 'aeiou', c: 'bcdfghjklmnpqrstvwxyz', A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz', n: '0123456789', o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};
function derivePassword(counter: GoInt, ptype: string, password: string, user: string, site: string): string {
  const templates = templateClasses[ptype];
  if (!templates) return `cannot find password template ${ptype}`;
  const u8 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
  const ns = 'com.lyndir.masterpassword';
  const salt = Buffer.concat([Buffer.from(ns), u8(Buffer.byteLength(user)), Buffer.from(user)]);
  const key = scryptSync(Buffer.from(password), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 256 * 1024 * 1024 });
  const siteSalt = Buffer.concat([Buffer.from(ns), u8(Buffer.byteLength(site)), Buffer.from(site), u8(Number(counter.v))]);
  const seed = createHmac('sha256', key).update(siteSalt).digest();
  const tpl = templates[seed[0] % templates.length];
  let out = '';
  for (let i = 0; i < tpl.length; i++) {
    const chars = templateCharacters[tpl[i]];
    out += chars[seed[i + 1] % chars.length];
  }
  return out;
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const key = Buffer.alloc(32);
  Buffer.from(password).copy(key);
  const content = Buffer.from(plaintext);
  const padding = 16 - (content.length % 16);
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([iv, c.update(padded), c.final()]).toString('base64');
}
function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const key = Buffer.alloc(32);
  Buffer.from(password).copy(key);
  const crypt = Buffer.from(crypt64, 'base64');
  if (crypt.length < 16) throw new Error('ciphertext too short');
  const iv = crypt.subarray(0, 16);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new Error('ciphertext is not a multiple of the block size');
  const d = createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  const dec = Buffer.concat([d.update(body), d.final()]);
  const pad = dec[dec.length - 1];
  return dec.subarray(0, dec.length - pad).toString('utf8');
}
void sprintf;
