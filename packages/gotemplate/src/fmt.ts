// Go's fmt and strconv formatting for the Go value model (values.ts): %v printing of
// numbers, maps, slices and nil, Sprint/Sprintln/Sprintf, strconv.Quote.
import { GoInt, GoStruct, GoTime, isGoMap, sortedKeys, typeName, toBytes } from './values.js';
import { formatTime } from './time.js';

/** Shortest decimal digits and decimal point position of a finite non-zero |f|. */
function digitsOf(f: number): { d: string; dp: number } {
  const e = Math.abs(f).toExponential();
  const i = e.indexOf('e');
  const mant = e.slice(0, i).replace('.', '');
  return { d: mant, dp: parseInt(e.slice(i + 1), 10) + 1 };
}

function expStr(exp: number): string {
  const a = Math.abs(exp);
  return (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

function fixedFromDigits(d: string, dp: number): string {
  if (dp <= 0) return '0.' + '0'.repeat(-dp) + d;
  if (dp >= d.length) return d + '0'.repeat(dp - d.length);
  return d.slice(0, dp) + '.' + d.slice(dp);
}

/** strconv.FormatFloat(f, 'g', -1, 64) == fmt %v. */
export function formatFloatG(f: number): string {
  if (f !== f) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const { d, dp } = digitsOf(f);
  const sign = f < 0 ? '-' : '';
  const exp = dp - 1;
  if (exp < -4 || exp >= 6) {
    const m = d.length > 1 ? d[0] + '.' + d.slice(1) : d;
    return sign + m + 'e' + expStr(exp);
  }
  return sign + fixedFromDigits(d, dp);
}

/** strconv.FormatFloat(f, 'e'|'f'|'g', prec, 64) with an explicit precision. */
export function formatFloatPrec(f: number, verb: string, prec: number): string {
  if (f !== f) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  const sign = neg ? '-' : '';
  if (prec < 0) {
    if (verb === 'g') return formatFloatG(f);
    if (verb === 'G') return formatFloatG(f).toUpperCase();
    if (a === 0) return sign + (verb === 'f' || verb === 'F' ? '0' : '0e+00');
    const { d, dp } = digitsOf(a);
    if (verb === 'e' || verb === 'E') {
      const m = d.length > 1 ? d[0] + '.' + d.slice(1) : d;
      return sign + m + (verb === 'E' ? 'E' : 'e') + expStr(dp - 1);
    }
    return sign + fixedFromDigits(d, dp);
  }
  switch (verb) {
    case 'f': case 'F': return sign + toFixedExact(a, prec);
    case 'e': case 'E': {
      const [m, e] = exactExp(a, prec);
      return sign + m + (verb === 'E' ? 'E' : 'e') + expStr(e);
    }
    default: { // g
      let p = prec === 0 ? 1 : prec;
      if (a === 0) return sign + '0';
      const s = a.toExponential(p - 1);
      const i = s.indexOf('e');
      const exp = parseInt(s.slice(i + 1), 10);
      let mant = s.slice(0, i);
      if (exp < -4 || exp >= p) {
        if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
        return sign + mant + (verb === 'G' ? 'E' : 'e') + expStr(exp);
      }
      let fx = toFixedExact(a, Math.max(p - 1 - exp, 0));
      if (fx.includes('.')) fx = fx.replace(/0+$/, '').replace(/\.$/, '');
      return sign + fx;
    }
  }
}

/** Exact value of a finite double as n / 2^k (n, k >= 0). */
function exactParts(a: number): [bigint, bigint] {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, a);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const be = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = be - 1075;
  if (be === 0) e = -1074; else m |= 1n << 52n;
  return e >= 0 ? [m << BigInt(e), 0n] : [m, BigInt(-e)];
}
/** round(n / d) half to even */
function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d, r = n % d;
  const twice = r * 2n;
  return twice > d || (twice === d && (q & 1n) === 1n) ? q + 1n : q;
}
/** %.{prec}f with Go's exact round-half-even. */
function exactFixed(a: number, prec: number): string {
  const [n, k] = exactParts(a);
  const q = roundDiv(n * 10n ** BigInt(prec), 1n << k).toString();
  if (prec === 0) return q;
  const p = q.padStart(prec + 1, '0');
  return p.slice(0, p.length - prec) + '.' + p.slice(p.length - prec);
}
/** %.{prec}e mantissa and exponent with Go's exact round-half-even. */
function exactExp(a: number, prec: number): [string, number] {
  if (a === 0) return [prec > 0 ? '0.' + '0'.repeat(prec) : '0', 0];
  const [n, k] = exactParts(a);
  let e = Math.floor(Math.log10(a));
  for (;;) {
    // digits = round(a * 10^(prec - e))
    const sh = prec - e;
    const num = sh >= 0 ? n * 10n ** BigInt(sh) : n;
    const den = sh >= 0 ? 1n << k : (1n << k) * 10n ** BigInt(-sh);
    const q = roundDiv(num, den);
    const ds = q.toString();
    if (ds.length > prec + 1) { e++; continue; }
    if (ds.length < prec + 1) { e--; continue; }
    return [prec > 0 ? ds[0] + '.' + ds.slice(1) : ds, e];
  }
}

function toFixedExact(a: number, prec: number): string {
  if (prec <= 60) return exactFixed(a, prec);
  // large numbers: exact integer digits via BigInt
  const { d, dp } = digitsOf(a);
  const intPart = fixedFromDigits(d, dp).split('.')[0];
  return prec > 0 ? intPart + '.' + '0'.repeat(prec) : intPart;
}

const HEX = '0123456789abcdef';

function isPrintRune(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  const ch = String.fromCodePoint(cp);
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch);
}

/** strconv.Quote. */
export function quoteGo(s: string, quote = '"', asciiOnly = false): string {
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') { out += '\\' + ch; continue; }
    if (cp >= 0xdc80 && cp <= 0xdcff) { out += '\\x' + HEX[(cp - 0xdc00) >> 4] + HEX[cp & 15]; continue; }
    if (cp === 0xfffd) { out += ch; continue; }
    if (asciiOnly ? cp >= 0x20 && cp < 0x7f : isPrintRune(cp)) { out += ch; continue; }
    switch (cp) {
      case 7: out += '\\a'; continue;
      case 8: out += '\\b'; continue;
      case 12: out += '\\f'; continue;
      case 10: out += '\\n'; continue;
      case 13: out += '\\r'; continue;
      case 9: out += '\\t'; continue;
      case 11: out += '\\v'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + HEX[cp >> 4] + HEX[cp & 15];
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}

export function quoteRune(cp: number): string {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0) cp = 0xfffd;
  return quoteGo(String.fromCodePoint(cp), "'");
}

/** fmt's %v of any value (top level nil -> <nil>). */
export function formatV(v: unknown, plus = false): string {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return formatFloatG(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': return '<nil>';
    case 'function': return '0x' + '1'.padStart(6, '0');
  }
  if (v === null) return '<nil>';
  if (v instanceof GoInt) return v.v.toString();
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) { if (i) s += ' '; s += formatV(v[i], plus); }
    return s + ']';
  }
  if (v instanceof Uint8Array) return '[' + Array.from(v).join(' ') + ']';
  if (v instanceof GoTime) return formatTime(v, '2006-01-02 15:04:05.999999999 -0700 MST');
  if (v instanceof GoStruct) return v.format();
  if (v instanceof Error) return v.message;
  const m = v as Record<string, unknown>;
  let s = 'map[';
  let first = true;
  for (const k of sortedKeys(m)) {
    if (!first) s += ' ';
    first = false;
    s += k + ':' + formatV(m[k], plus);
  }
  return s + ']';
}

/** fmt.Sprint: spaces between operands when neither is a string. */
export function sprint(args: unknown[]): string {
  let s = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') s += ' ';
    s += formatV(a);
  }
  return s;
}

export function sprintln(args: unknown[]): string {
  return args.map((a) => formatV(a)).join(' ') + '\n';
}

interface Spec { minus: boolean; plus: boolean; sharp: boolean; space: boolean; zero: boolean; width?: number; prec?: number }

function pad(s: string, sp: Spec, numeric = false): string {
  if (sp.width === undefined) return s;
  const n = [...s].length;
  if (n >= sp.width) return s;
  if (sp.minus) return s + ' '.repeat(sp.width - n);
  if (sp.zero && numeric) {
    const neg = s[0] === '-' || s[0] === '+';
    return neg ? s[0] + '0'.repeat(sp.width - n) + s.slice(1) : '0'.repeat(sp.width - n) + s;
  }
  if (sp.zero && !numeric) return '0'.repeat(sp.width - n) + s;
  return ' '.repeat(sp.width - n) + s;
}

function badVerb(verb: string, v: unknown, sp?: Spec): string {
  if (v === undefined || v === null) return '%!' + verb + '(<nil>)';
  return '%!' + verb + '(' + typeName(v) + '=' + (sp ? fmtOne(v, 'v', sp, false) : formatV(v)) + ')';
}

function fmtInteger(n: bigint, verb: string, sp: Spec, typ: string): string | undefined {
  const neg = n < 0n;
  let a = neg ? -n : n;
  let s: string;
  switch (verb) {
    case 'd': case 'v': s = a.toString(); break;
    case 'x': s = a.toString(16); if (sp.sharp) s = '0x' + s; break;
    case 'X': s = a.toString(16).toUpperCase(); if (sp.sharp) s = '0X' + s; break;
    case 'o': s = a.toString(8); if (sp.sharp) s = '0' + s; break;
    case 'O': s = '0o' + a.toString(8); break;
    case 'b': s = a.toString(2); break;
    case 'c': return pad(String.fromCodePoint(Number(n)), sp);
    case 'q': return pad(quoteRune(Number(n)), sp);
    case 'U': s = 'U+' + a.toString(16).toUpperCase().padStart(4, '0'); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 's': case 't':
      return undefined;
    default: return undefined;
  }
  void typ;
  if (sp.prec !== undefined) s = s.padStart(sp.prec, '0');
  if (neg) s = '-' + s; else if (sp.plus) s = '+' + s; else if (sp.space) s = ' ' + s;
  return pad(s, sp, sp.prec === undefined);
}

function fmtFloatVerb(f: number, verb: string, sp: Spec): string | undefined {
  let s: string;
  switch (verb) {
    case 'x': case 'X': s = hexFloat(f, verb === 'X'); break;
    case 'v': case 'g': case 'G': s = formatFloatPrec(f, verb === 'v' ? 'g' : verb, sp.prec ?? -1); break;
    case 'e': case 'E': s = formatFloatPrec(f, verb, sp.prec ?? 6); break;
    case 'f': case 'F': s = formatFloatPrec(f, 'f', sp.prec ?? 6); break;
    default: return undefined;
  }
  if (sp.plus && s[0] !== '-' && s[0] !== '+') s = '+' + s;
  else if (sp.space && s[0] !== '-') s = ' ' + s;
  if (s === '+Inf' && !sp.plus) s = 'Inf';
  return pad(s, sp, isFinite(f));
}

function fmtString(s: string, verb: string, sp: Spec): string | undefined {
  switch (verb) {
    case 'v': case 's': {
      if (sp.prec !== undefined) s = [...s].slice(0, sp.prec).join('');
      return pad(s, sp);
    }
    case 'q': {
      if (sp.prec !== undefined) s = [...s].slice(0, sp.prec).join('');
      if (sp.sharp && !s.includes('`') && !/[\x00-\x08\x0a-\x1f\x7f]/.test(s)) return pad('`' + s + '`', sp);
      return pad(quoteGo(s, '"', sp.plus), sp);
    }
    case 'x': case 'X': {
      const b = toBytes(s);
      let out = '';
      for (let i = 0; i < b.length; i++) {
        if (sp.space && i > 0) out += ' ';
        if (sp.sharp && (sp.space || i === 0)) out += verb === 'x' ? '0x' : '0X';
        const h = b[i].toString(16).padStart(2, '0');
        out += verb === 'X' ? h.toUpperCase() : h;
      }
      return pad(out, sp);
    }
  }
  return undefined;
}

function fmtOne(v: unknown, verb: string, sp: Spec, top = true): string {
  if (verb === 'T') return pad(v === undefined || v === null ? '<nil>' : typeName(v), sp);
  if (verb === 'p') return badVerb(verb, v, sp);
  if (v === undefined || v === null) {
    if (verb === 'v') return pad('<nil>', sp);
    return top ? badVerb(verb, v, sp) : pad('<nil>', sp);
  }
  switch (typeof v) {
    case 'boolean':
      if (verb === 'v' || verb === 't') return pad(v ? 'true' : 'false', sp);
      return badVerb(verb, v, sp);
    case 'string': return fmtString(v, verb, sp) ?? badVerb(verb, v, sp);
    case 'number': return fmtFloatVerb(v, verb, sp) ?? badVerb(verb, v, sp);
    case 'bigint': return fmtInteger(v, verb, sp, 'int64') ?? badVerb(verb, v, sp);
  }
  if (v instanceof GoInt) return fmtInteger(v.v, verb, sp, v.t) ?? badVerb(verb, v, sp);
  if (v instanceof Uint8Array) {
    if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') return fmtString(Buffer.from(v).toString('utf8'), verb, sp)!;
    return '[' + Array.from(v).map((x) => fmtInteger(BigInt(x), verb, sp, 'uint8') ?? badVerb(verb, new GoInt(BigInt(x), 'uint8'), sp)).join(' ') + ']';
  }
  if (Array.isArray(v)) {
    return '[' + v.map((x) => fmtOne(x, verb, sp, false)).join(' ') + ']';
  }
  if (v instanceof GoTime || v instanceof GoStruct || v instanceof Error) {
    if (verb === 'v' || verb === 's' ) return pad(formatV(v), sp);
    if (verb === 'q') return pad(quoteGo(formatV(v)), sp);
    return badVerb(verb, v, sp);
  }
  if (isGoMap(v)) {
    const parts: string[] = [];
    for (const k of sortedKeys(v)) parts.push(fmtOne(k, verb, sp, false) + ':' + fmtOne(v[k], verb, sp, false));
    return 'map[' + parts.join(' ') + ']';
  }
  return pad(formatV(v), sp);
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  const n = format.length;
  let i = 0;
  let reordered = false;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) { out += format.slice(i); break; }
    out += format.slice(i, pct);
    i = pct + 1;
    if (i >= n) { out += '%!(NOVERB)'; break; }
    const sp: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < n; i++) {
      const c = format[i];
      if (c === '-') { sp.minus = true; sp.zero = false; }
      else if (c === '+') sp.plus = true;
      else if (c === '#') sp.sharp = true;
      else if (c === ' ') sp.space = true;
      else if (c === '0') sp.zero = !sp.minus;
      else break;
    }
    // argument index [n]
    const argIndex = (): void => {
      if (format[i] === '[') {
        const close = format.indexOf(']', i);
        if (close > 0) {
          const k = parseInt(format.slice(i + 1, close), 10);
          if (!isNaN(k) && k >= 1) { argi = k - 1; reordered = true; }
          i = close + 1;
        }
      }
    };
    argIndex();
    if (format[i] === '*') {
      i++;
      const w = args[argi++];
      const wn = w instanceof GoInt ? Number(w.v) : typeof w === 'bigint' ? Number(w) : undefined;
      if (wn === undefined) out += '%!(BADWIDTH)';
      else { sp.width = Math.abs(wn); if (wn < 0) { sp.minus = true; sp.zero = false; } }
    } else {
      let w = '';
      while (i < n && format[i] >= '0' && format[i] <= '9') w += format[i++];
      if (w) sp.width = parseInt(w, 10);
    }
    if (format[i] === '.') {
      i++;
      argIndex();
      if (format[i] === '*') {
        i++;
        const p = args[argi++];
        const pn = p instanceof GoInt ? Number(p.v) : typeof p === 'bigint' ? Number(p) : undefined;
        if (pn === undefined || pn < 0) out += '%!(BADPREC)'; else sp.prec = pn;
      } else {
        let p = '';
        while (i < n && format[i] >= '0' && format[i] <= '9') p += format[i++];
        sp.prec = p ? parseInt(p, 10) : 0;
      }
    }
    argIndex();
    if (i >= n) { out += '%!(NOVERB)'; break; }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') { out += '%'; continue; }
    if (argi >= args.length) { out += '%!' + verb + '(MISSING)'; continue; }
    const a = args[argi++];
    if (verb === 'v' && sp.sharp) { out += goSyntax(a); continue; }
    if (verb === 'v' && sp.plus) { sp.plus = false; if (a instanceof GoStruct) { out += a.format(); continue; } }
    out += fmtOne(a, verb, sp);
  }
  if (!reordered && argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => (a === undefined || a === null ? '<nil>' : typeName(a) + '=' + formatV(a))).join(', ') + ')';
  }
  return out;
}

/** %#v (Go syntax), enough for maps, slices and scalars. */
export function goSyntax(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  switch (typeof v) {
    case 'string': return quoteGo(v);
    case 'number': return formatFloatG(v);
    case 'bigint': return v.toString();
    case 'boolean': return String(v);
  }
  if (v instanceof GoInt) return v.v.toString();
  if (Array.isArray(v)) return typeName(v) + '{' + v.map((x) => goSyntax(x)).join(', ') + '}';
  if (isGoMap(v)) return typeName(v) + '{' + sortedKeys(v).map((k) => quoteGo(k) + ':' + goSyntax(v[k])).join(', ') + '}';
  return formatV(v);
}

/** strconv.FormatFloat(f, 'x', -1, 64) */
function hexFloat(f: number, upper: boolean): string {
  if (!isFinite(f)) return f !== f ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  let s: string;
  if (a === 0) s = '0x0p+00';
  else {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setFloat64(0, a);
    const hi = dv.getUint32(0), lo = dv.getUint32(4);
    let exp = (hi >>> 20) & 0x7ff;
    let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (exp === 0) { // subnormal: normalize
      exp = 1;
      while (!(mant & (1n << 52n))) { mant <<= 1n; exp--; }
      mant &= (1n << 52n) - 1n;
    }
    const e = exp - 1023;
    let frac = mant.toString(16).padStart(13, '0').replace(/0+$/, '');
    const es = Math.abs(e) < 10 ? '0' + Math.abs(e) : String(Math.abs(e));
    s = '0x1' + (frac ? '.' + frac : '') + 'p' + (e < 0 ? '-' : '+') + es;
  }
  if (upper) s = s.toUpperCase();
  return (neg ? '-' : '') + s;
}
