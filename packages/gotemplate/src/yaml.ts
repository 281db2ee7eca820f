// sigs.k8s.io/yaml for Helm's toYaml/fromYaml: JSON semantics of the value, then go-yaml v2's
// resolver and emitter (key order, quoting, literal blocks, folding at column 80).
import { parseDocument } from 'yaml';
import { jsonFloat, JsonError } from './json.js';
import { formatFloatG } from './fmt.js';
import { formatTime } from './time.js';
import { GoInt, GoStruct, GoTime, isGoMap, typeName } from './values.js';

type YV = null | boolean | string | { num: string } | YV[] | { map: [string, YV][] };

/** The Go value as encoding/json would marshal it, then re-read by go-yaml v2 (numbers typed by their JSON text). */
function toYV(v: unknown): YV {
  switch (typeof v) {
    case 'string': return v.includes('\u0085') ? foldNEL(v) : v;
    case 'number': return { num: yamlNumber(jsonFloat(v)) };
    case 'bigint': return { num: v.toString() };
    case 'boolean': return v;
    case 'undefined': return null;
    case 'function': throw new JsonError(`json: unsupported type: ${typeName(v)}`);
  }
  if (v === null) return null;
  if (v instanceof GoInt) return { num: v.v.toString() };
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof GoTime) return formatTime(v, '2006-01-02T15:04:05.999999999Z07:00');
  if (v instanceof GoStruct) { const j = (v as any).toJSONValue?.(); return j === undefined ? { map: [] } : toYV(j); }
  if (Array.isArray(v)) {
    if ((v as any)[Symbol.for('werf-action.gotemplate.nilslice')]) return null;
    return v.map(toYV);
  }
  if (isGoMap(v)) {
    if ((v as any)[Symbol.for('werf-action.gotemplate.nilslice')] && Object.keys(v).length === 0) return null;
    const keys = Object.keys(v).sort(yamlKeyLess);
    return { map: keys.map((k) => [k, toYV(v[k])] as [string, YV]) };
  }
  throw new JsonError(`json: unsupported type: ${typeName(v)}`);
}

/** Go's JSON leaves U+0085 raw; go-yaml then reads it as a line break inside a double-quoted scalar and folds it. */
function foldNEL(s: string): string {
  return s.replace(/[ \t]*(\u0085[ \t]*)+/g, (m) => {
    const n = (m.match(/\u0085/g) ?? []).length;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

function yamlNumber(t: string): string {
  if (/^-?\d+$/.test(t)) {
    const b = BigInt(t);
    if (b >= -0x8000000000000000n && b <= 0xffffffffffffffffn) return b.toString();
  }
  return formatFloatG(Number(t));
}

const isLetterRe = /\p{L}/u;
const isDigitRe = /\p{Nd}/u;
/** go-yaml v2 sorter.go keyList.Less for string keys */
export function yamlKeyLess(a: string, b: string): number {
  const ar = [...a], br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetterRe.test(ar[i]), bl = isLetterRe.test(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)! ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0n, bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigitRe.test(ar[j]); j--) {
        if (ar[j] !== '0') { an = 1n; bn = 1n; break; }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigitRe.test(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && isDigitRe.test(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)! ? -1 : 1;
  }
  return ar.length < br.length ? -1 : ar.length > br.length ? 1 : 0;
}

// ---------------------------------------------------------------- resolver (would a plain scalar be read back as a string?)
const RESOLVE_MAP = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<']);
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function goParseInt(s: string, unsigned: boolean): boolean {
  let t = s;
  if (t[0] === '+' || t[0] === '-') { if (unsigned) return false; t = t.slice(1); }
  let v: bigint;
  try {
    if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = BigInt(t);
    else if (/^0[oO][0-7]+$/.test(t)) v = BigInt('0o' + t.slice(2));
    else if (/^0[bB][01]+$/.test(t)) v = BigInt('0b' + t.slice(2));
    else if (/^0[0-7]+$/.test(t)) v = BigInt('0o' + t.slice(1));
    else if (/^(0|[1-9][0-9]*)$/.test(t)) v = BigInt(t);
    else return false;
  } catch { return false; }
  if (s[0] === '-') v = -v;
  return unsigned ? v <= 0xffffffffffffffffn : v >= -0x8000000000000000n && v <= 0x7fffffffffffffffn;
}

function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s) && validDate(s);
}
function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s)!;
  const mo = +m[2], d = +m[3];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) || /^\.(inf|infinity|nan)$/i.test(s) === false && !isNaN(parseFloat(s)) && /^\.[0-9]/.test(s);
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (isTimestamp(s) && (/^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ? validDate(s) : true)) return true;
    const plain = s.replace(/_/g, '');
    if (goParseInt(plain, false) || goParseInt(plain, true)) return true;
    if (yamlStyleFloat.test(plain)) return true;
    if (/^0b[01]+$/.test(plain) || /^-0b[01]+$/.test(plain)) return true;
  }
  return false;
}
const base60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

// ---------------------------------------------------------------- emitter
const BEST_WIDTH = 80;

function isPrintableCP(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}
function isBreakCP(cp: number): boolean { return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029; }

interface Analysis { multiline: boolean; flowPlain: boolean; blockPlain: boolean; single: boolean; block: boolean }

function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let blockInd = false, flowInd = false, lineBreaks = false, special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
  let prevSpace = false, prevBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) { blockInd = true; flowInd = true; }
  let preceded = true;
  const cps = [...value].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const next = i + 1 < cps.length ? cps[i + 1] : -1;
    const followed = next === -1 || next === 0x20 || next === 0x09 || isBreakCP(next);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) { flowInd = true; blockInd = true; }
      else if (ch === '?' || ch === ':') { flowInd = true; if (followed) blockInd = true; }
      else if (ch === '-' && followed) { flowInd = true; blockInd = true; }
    } else {
      if (',?[]{}'.includes(ch)) flowInd = true;
      else if (ch === ':') { flowInd = true; if (followed) blockInd = true; }
      else if (ch === '#' && preceded) { flowInd = true; blockInd = true; }
    }
    if (!isPrintableCP(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true; prevBreak = false;
    } else if (isBreakCP(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false; prevBreak = true;
    } else { prevSpace = false; prevBreak = false; }
    preceded = c === 0x20 || c === 0x09 || isBreakCP(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) { a.flowPlain = false; a.blockPlain = false; }
  if (trailingSpace) a.block = false;
  if (breakSpace) { a.flowPlain = false; a.blockPlain = false; a.single = false; }
  if (spaceBreak || special) { a.flowPlain = false; a.blockPlain = false; a.single = false; a.block = false; }
  if (lineBreaks) { a.flowPlain = false; a.blockPlain = false; }
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

class Emitter {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  openEnded = false;

  put(s: string): void { this.out += s; this.column += s.length; }
  putBreak(): void { this.out += '\n'; this.column = 0; }
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }
  indicator(s: string, needWS: boolean, isWS: boolean, isIndention: boolean): void {
    if (needWS && !this.whitespace) this.put(' ');
    this.put(s);
    this.whitespace = isWS;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }
  writeChar(ch: string): void { this.out += ch; this.column++; }

  plain(value: string, allowBreaks: boolean, root: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    const cps = [...value];
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== ' ') { this.writeIndent(); }
        else this.writeChar(ch);
        spaces = true;
      } else { this.writeChar(ch); this.indention = false; spaces = false; }
    }
    this.whitespace = false;
    this.indention = false;
    if (root) this.openEnded = true;
  }

  single(value: string, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    const cps = [...value];
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== ' ') this.writeIndent();
        else this.writeChar(ch);
        spaces = true;
      } else {
        if (ch === "'") this.writeChar("'");
        this.writeChar(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  double(value: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    const cps = [...value];
    for (let i = 0; i < cps.length; i++) {
      const ch = cps[i];
      const c = ch.codePointAt(0)!;
      if (!isPrintableCP(c) || c === 0xfeff || isBreakCP(c) || ch === '"' || ch === '\\') {
        this.writeChar('\\');
        const esc: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
        if (esc[c] !== undefined) this.put(esc[c]);
        else if (c <= 0xff) this.put('x' + c.toString(16).toUpperCase().padStart(2, '0'));
        else if (c <= 0xffff) this.put('u' + c.toString(16).toUpperCase().padStart(4, '0'));
        else this.put('U' + c.toString(16).toUpperCase().padStart(8, '0'));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === ' ') this.put('\\');
        } else this.writeChar(ch);
        spaces = true;
      } else { this.writeChar(ch); spaces = false; }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  literal(value: string): void {
    this.indicator('|', true, false, false);
    // hints
    const cps = [...value];
    if (cps[0] === ' ' || isBreakCP(cps[0].codePointAt(0)!)) this.indicator('2', false, false, false);
    this.openEnded = false;
    const last = cps[cps.length - 1];
    if (!isBreakCP(last.codePointAt(0)!)) this.indicator('-', false, false, false);
    else if (cps.length === 1) { this.indicator('+', false, false, false); this.openEnded = true; }
    else if (isBreakCP(cps[cps.length - 2].codePointAt(0)!)) { this.indicator('+', false, false, false); this.openEnded = true; }
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of cps) {
      if (isBreakCP(ch.codePointAt(0)!)) {
        if (ch === '\r' || ch === '\n') this.putBreak(); else { this.out += ch; this.column = 0; }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) { this.writeIndent(); breaks = false; }
        this.writeChar(ch);
        this.indention = false;
      }
    }
  }

  scalar(value: string, style: 'plain' | 'double' | 'literal', simpleKey: boolean, flowLevel: number, root: boolean): void {
    const a = analyze(value);
    let s: 'plain' | 'single' | 'double' | 'literal' = style;
    if (simpleKey && a.multiline) s = 'double';
    if (s === 'plain') {
      if ((flowLevel > 0 && !a.flowPlain) || (flowLevel === 0 && !a.blockPlain)) s = 'single';
      if (value.length === 0 && (flowLevel > 0 || simpleKey)) s = 'single';
    }
    if (s === 'single' && !a.single) s = 'double';
    if (s === 'literal' && (!a.block || flowLevel > 0 || simpleKey)) s = 'double';
    // increase indent (flow=true)
    const saved = this.indent;
    this.indent = this.indent < 0 ? 2 : this.indent + 2;
    const allowBreaks = !simpleKey;
    switch (s) {
      case 'plain': this.plain(value, allowBreaks, root); break;
      case 'single': this.single(value, allowBreaks); break;
      case 'double': this.double(value, allowBreaks); break;
      case 'literal': this.literal(value); break;
    }
    this.indent = saved;
  }

  node(v: YV, ctx: { root: boolean; mapping: boolean; simpleKey: boolean }): void {
    if (v === null) return this.scalar('null', 'plain', ctx.simpleKey, 0, ctx.root);
    if (typeof v === 'boolean') return this.scalar(v ? 'true' : 'false', 'plain', ctx.simpleKey, 0, ctx.root);
    if (typeof v === 'string') {
      let style: 'plain' | 'double' | 'literal';
      const canPlain = !resolvesToNonString(v) && !base60.test(v);
      if (v.includes('\n')) style = 'literal';
      else if (canPlain) style = 'plain';
      else style = 'double';
      return this.scalar(v, style, ctx.simpleKey, 0, ctx.root);
    }
    if (Array.isArray(v)) {
      if (v.length === 0) { this.flowEmpty('[]'); return; }
      // block sequence
      const saved = this.indent;
      const indentless = ctx.mapping && !this.indention;
      this.indent = this.indent < 0 ? 0 : indentless ? this.indent : this.indent + 2;
      for (const item of v) {
        this.writeIndent();
        this.indicator('-', true, false, true);
        this.node(item, { root: false, mapping: false, simpleKey: false });
      }
      this.indent = saved;
      return;
    }
    if ('num' in v) return this.scalar(v.num, 'plain', ctx.simpleKey, 0, ctx.root);
    if (v.map.length === 0) { this.flowEmpty('{}'); return; }
    const saved = this.indent;
    this.indent = this.indent < 0 ? 0 : this.indent + 2;
    for (const [k, val] of v.map) {
      this.writeIndent();
      const simple = [...k].length <= 128 && !analyze(k).multiline;
      if (simple) {
        this.node(k, { root: false, mapping: true, simpleKey: true });
        this.indicator(':', false, false, false);
      } else {
        this.indicator('?', true, false, true);
        this.node(k, { root: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.indicator(':', true, false, true);
      }
      this.node(val, { root: false, mapping: true, simpleKey: false });
    }
    this.indent = saved;
  }

  flowEmpty(s: string): void {
    this.indicator(s[0], true, true, false);
    this.indicator(s[1], false, false, false);
  }
}

/** sigs.k8s.io/yaml.Marshal output (with the final newline). Throws JsonError when JSON cannot encode the value. */
export function marshalYAML(v: unknown): string {
  const yv = toYV(v);
  const e = new Emitter();
  e.node(yv, { root: true, mapping: false, simpleKey: false });
  // document end
  e.writeIndent();
  let out = e.out;
  if (e.openEnded && typeof yv === 'string' && yv.includes('\n')) out += '...\n';
  return out;
}

/** Helm's toYaml: Marshal, trailing newline trimmed, "" on error. */
export function toYaml(v: unknown): string {
  try {
    const s = marshalYAML(v);
    return s.endsWith('\n') ? s.slice(0, -1) : s;
  } catch {
    return '';
  }
}

/** sigs.k8s.io/yaml.Unmarshal into interface{}: YAML 1.1 scalars, then JSON (numbers become float64). */
export function unmarshalYAML(s: string): unknown {
  const doc = parseDocument(s, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false, merge: true, intAsBigInt: false,
    customTags: (tags) => tags.filter((t) => (t as { tag?: string }).tag !== 'tag:yaml.org,2002:timestamp') });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new Error(`error converting YAML to JSON: yaml: ${line ? `line ${line}: ` : ''}${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const js = doc.toJS({ maxAliasCount: 10000 });
  return normalize(js, s);
}

function normalize(v: unknown, src: string): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') {
    if (!isFinite(v)) throw new Error(`error converting YAML to JSON: json: unsupported value: ${v !== v ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
    return v;
  }
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => normalize(x, src));
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[keyString(k)] = normalize(x, src);
    return o;
  }
  if (v instanceof Set) return [...v].map((x) => normalize(x, src));
  if (typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object)) {
      if (k === '__proto__') Object.defineProperty(o, k, { value: normalize(x, src), enumerable: true, writable: true, configurable: true });
      else o[k] = normalize(x, src);
    }
    return o;
  }
  return v;
}
function keyString(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return Number.isInteger(k) ? String(k) : formatFloatG(k);
  if (typeof k === 'boolean') return String(k);
  if (k === null || k === undefined) return 'null';
  return String(k);
}
