// Helm's --set grammar (pkg/strvals/parser.go), faithfully: keys with `.`
// nesting and `[i]` list indexes, `{a,b}` list literals, backslash escapes,
// typing (true/false/null, int64 as bigint unless leading 0), --set-string,
// --set-file, --set-json (Go's json.Decoder over the rest), --set-literal.
import type { Values } from './yaml.js';

export const MAX_INDEX = 65536;
export const MAX_NESTED_NAME_LEVEL = 30;

const EOF = Symbol('EOF');
class EofError extends Error { constructor() { super('EOF'); } }
const NOT_LIST = new Error('not a list');

class Scanner {
  private runes: string[];
  pos = 0;
  constructor(s: string) { this.runes = Array.from(s); }
  read(): string | typeof EOF { return this.pos < this.runes.length ? this.runes[this.pos++]! : EOF; }
  unread(): void { this.pos--; }
  rest(): string { return this.runes.slice(this.pos).join(''); }
  skipChars(n: number): void {
    // n is a count of UTF-16 units of rest(); convert to runes
    const text = this.rest().slice(0, n);
    this.pos += Array.from(text).length;
  }
}

type Reader = (rs: string) => unknown;

/** Go's %q for error messages. */
function q(s: string): string { return JSON.stringify(s); }

function runesUntil(sc: Scanner, stop: Set<string>): { v: string; last: string | typeof EOF; eof: boolean } {
  let v = '';
  for (;;) {
    const r = sc.read();
    if (r === EOF) return { v, last: EOF, eof: true };
    if (stop.has(r)) return { v, last: r, eof: false };
    if (r === '\\') {
      const n = sc.read();
      if (n === EOF) return { v, last: EOF, eof: true };
      v += n;
    } else v += r;
  }
}

export function typedVal(p: string, st: boolean): unknown {
  if (st) return p;
  const low = p.toLowerCase();
  if (low === 'true') return true;
  if (low === 'false') return false;
  if (low === 'null') return null;
  if (p === '0') return 0n;
  if (p.length && p[0] !== '0' && /^[+-]?\d+$/.test(p)) {
    const n = BigInt(p);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return n;
  }
  return p;
}

function goTypeOf(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'interface {}';
}

class Parser {
  constructor(private sc: Scanner, private data: Values, private reader: Reader, private isJson = false) {}

  parse(): void {
    for (;;) {
      try { this.key(this.data, 0); } catch (e) {
        if (e instanceof EofError) return;
        throw e;
      }
    }
  }

  private key(data: Values, nested: number): void {
    const stop = new Set(['=', '[', ',', '.']);
    const { v: k, last, eof } = runesUntil(this.sc, stop);
    if (eof) {
      if (k.length === 0) throw new EofError();
      throw new Error(`key ${q(k)} has no value`);
    }
    if (last === '[') {
      let i: number;
      try { i = this.keyIndex(); } catch (e) { throw new Error(`error parsing index: ${(e as Error).message}`); }
      let list: unknown[] = [];
      if (k in data) {
        if (!Array.isArray(data[k])) throw new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(data[k])}, not []interface {}`);
        list = data[k] as unknown[];
      }
      const r = this.listItem(list, i, nested);
      set(data, k, r.list);
      if (r.err) throw r.err;
      return;
    }
    if (last === '=') {
      if (this.isJson) {
        if (this.emptyVal()) { set(data, k, null); return; }
        set(data, k, this.jsonValue());
        if (this.emptyVal()) { /* consumed blanks and comma */ }
        return;
      }
      let vl: unknown[];
      try { vl = this.valList(); } catch (e) {
        if (e instanceof EofError) { set(data, k, ''); throw e; }
        if (e === NOT_LIST) {
          const { v: rs } = this.val();
          set(data, k, this.reader(rs));
          return;
        }
        throw e;
      }
      set(data, k, vl);
      return;
    }
    if (last === ',') {
      set(data, k, '');
      throw new Error(`key ${q(k)} has no value (cannot end with ,)`);
    }
    // '.'
    nested++;
    if (nested > MAX_NESTED_NAME_LEVEL) throw new Error(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    let inner: Values = {};
    if (k in data) {
      const d = data[k];
      if (d === null || typeof d !== 'object' || Array.isArray(d)) throw new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(d)}, not map[string]interface {}`);
      inner = d as Values;
    }
    let err: unknown;
    try { this.key(inner, nested); } catch (e) { err = e; }
    if (err === undefined && Object.keys(inner).length === 0) throw new Error(`key map ${q(k)} has no value`);
    if (Object.keys(inner).length !== 0) set(data, k, inner);
    if (err !== undefined) throw err;
  }

  private keyIndex(): number {
    const { v, eof } = runesUntil(this.sc, new Set([']']));
    if (eof) throw new EofError();
    if (!/^[+-]?\d+$/.test(v)) throw new Error(`strconv.Atoi: parsing ${q(v)}: invalid syntax`);
    return Number(v);
  }

  private listItem(list: unknown[], i: number, nested: number): { list: unknown[]; err?: unknown } {
    if (i < 0) return { list, err: new Error(`negative ${i} index not allowed`) };
    const { v: k, last, eof } = runesUntil(this.sc, new Set(['[', '.', '=']));
    if (k.length > 0) return { list, err: new Error(`unexpected data at end of array index: ${q(k)}`) };
    if (eof) return { list, err: new EofError() };
    if (last === '=') {
      if (this.isJson) {
        if (this.emptyVal()) return setIndex(list, i, null);
        const r = setIndex(list, i, this.jsonValue());
        if (r.err) return r;
        this.emptyVal();
        return r;
      }
      try {
        const vl = this.valList();
        return setIndex(list, i, vl);
      } catch (e) {
        if (e instanceof EofError) return setIndex(list, i, '');
        if (e === NOT_LIST) {
          const { v: rs } = this.val();
          return setIndex(list, i, this.reader(rs));
        }
        return { list, err: e };
      }
    }
    if (last === '[') {
      let nextI: number;
      try { nextI = this.keyIndex(); } catch (e) { return { list, err: new Error(`error parsing index: ${(e as Error).message}`) }; }
      let crt: unknown[] = [];
      if (list.length > i && list[i] !== null && list[i] !== undefined) {
        if (!Array.isArray(list[i])) return { list, err: new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(list[i])}, not []interface {}`) };
        crt = list[i] as unknown[];
      }
      const r = this.listItem(crt, nextI, nested);
      if (r.err) return { list, err: r.err };
      return setIndex(list, i, r.list);
    }
    // '.'
    let inner: Values = {};
    if (list.length > i) {
      const cur = list[i];
      if (cur !== null && typeof cur === 'object' && !Array.isArray(cur)) inner = cur as Values;
      else { list[i] = inner; }
    }
    try { this.key(inner, nested); } catch (e) { return { list, err: e }; }
    return setIndex(list, i, inner);
  }

  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === EOF) return true;
      if (r === ',') return true;
      if (!/\s/u.test(r)) { this.sc.unread(); return false; }
    }
  }

  private val(): { v: string } {
    const { v } = runesUntil(this.sc, new Set([',']));
    return { v };
  }

  private valList(): unknown[] {
    const r = this.sc.read();
    if (r === EOF) throw new EofError();
    if (r !== '{') { this.sc.unread(); throw NOT_LIST; }
    const list: unknown[] = [];
    const stop = new Set([',', '}']);
    for (;;) {
      const { v: rs, last, eof } = runesUntil(this.sc, stop);
      if (eof) throw new Error("list must terminate with '}'");
      if (last === '}') {
        const n = this.sc.read();
        if (n !== EOF && n !== ',') this.sc.unread();
        list.push(this.reader(rs));
        return list;
      }
      list.push(this.reader(rs));
    }
  }

  private jsonValue(): unknown {
    const rest = this.sc.rest();
    const end = scanJsonValue(rest);
    const text = rest.slice(0, end);
    let v: unknown;
    try { v = JSON.parse(text); } catch (e) { throw new Error((e as Error).message); }
    this.sc.skipChars(end);
    return v;
  }
}

/** The length of the first JSON value in s (after whitespace), like json.Decoder. */
function scanJsonValue(s: string): number {
  let i = 0;
  const ws = () => { while (i < s.length && /[ \t\r\n]/.test(s[i]!)) i++; };
  const fail = (what: string): never => {
    if (i >= s.length) throw new Error('unexpected EOF');
    throw new Error(`invalid character '${s[i]}' ${what}`);
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++; ws();
      if (s[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (s[i] !== '"') fail('looking for beginning of object key string');
        str(); ws();
        if (s[i] !== ':') fail("after object key");
        i++; value(); ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === '}') { i++; return; }
        fail("after object key:value pair");
      }
    } else if (c === '[') {
      i++; ws();
      if (s[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') { i++; return; }
        fail('after array element');
      }
    } else if (c === '"') str();
    else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
      if (!m) fail('in numeric literal');
      i += m![0].length;
    } else {
      for (const lit of ['true', 'false', 'null']) if (s.startsWith(lit, i)) { i += lit.length; return; }
      fail('looking for beginning of value');
    }
  };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') { if (s[i] === '\\') i++; i++; }
    if (i >= s.length) throw new Error('unexpected EOF');
    i++;
  };
  value();
  return i;
}

function set(data: Values, key: string, val: unknown): void {
  if (key.length === 0) return;
  data[key] = val;
}

function setIndex(list: unknown[], index: number, val: unknown): { list: unknown[]; err?: unknown } {
  if (index < 0) return { list, err: new Error(`negative ${index} index not allowed`) };
  if (index > MAX_INDEX) return { list, err: new Error(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`) };
  if (list.length <= index) {
    const n = list.slice();
    while (n.length <= index) n.push(null);
    list = n;
  }
  list[index] = val;
  return { list };
}

/** strvals.ParseInto (--set): typed values. Mutates and returns dest. */
export function parseSet(s: string, dest: Values = {}): Values {
  new Parser(new Scanner(s), dest, (rs) => typedVal(rs, false)).parse();
  return dest;
}

/** strvals.ParseIntoString (--set-string). */
export function parseSetString(s: string, dest: Values = {}): Values {
  new Parser(new Scanner(s), dest, (rs) => typedVal(rs, true)).parse();
  return dest;
}

/** strvals.ParseJSON (--set-json). */
export function parseSetJSON(s: string, dest: Values = {}): Values {
  new Parser(new Scanner(s), dest, (rs) => typedVal(rs, false), true).parse();
  return dest;
}

/** strvals.ParseIntoFile (--set-file): each value is a path whose content becomes the string. */
export function parseSetFile(s: string, dest: Values, readFile: (path: string) => string): Values {
  new Parser(new Scanner(s), dest, (rs) => readFile(rs)).parse();
  return dest;
}

/** strvals.ParseLiteralInto (--set-literal): one key, the value verbatim. */
export function parseSetLiteral(s: string, dest: Values = {}): Values {
  const eq = s.indexOf('=');
  if (eq < 0) throw new Error(`key ${q(s)} has no value`);
  const key = s.slice(0, eq);
  const value = s.slice(eq + 1);
  const parts: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key))) parts.push(m[1] !== undefined ? m[1] : Number(m[2]));
  if (parts.length > MAX_NESTED_NAME_LEVEL) throw new Error(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
  let cur: Values | unknown[] = dest;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const last = i === parts.length - 1;
    const next = parts[i + 1];
    const make = () => (typeof next === 'number' ? [] : {});
    if (typeof p === 'number') {
      const list = cur as unknown[];
      while (list.length <= p) list.push(null);
      if (last) list[p] = value;
      else { if (list[p] === null || typeof list[p] !== 'object') list[p] = make(); cur = list[p] as Values | unknown[]; }
    } else {
      const obj = cur as Values;
      if (last) obj[p] = value;
      else { if (obj[p] === null || typeof obj[p] !== 'object') obj[p] = make(); cur = obj[p] as Values | unknown[]; }
    }
  }
  return dest;
}
