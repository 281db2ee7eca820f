// encoding/json Marshal/Unmarshal for the Go value model.
import { quoteGo } from './fmt.js';
import { GO_TYPE, GoInt, GoStruct, GoTime, isGoMap, sortedKeys, typeName } from './values.js';
import { formatTime } from './time.js';

export const NIL_SLICE: unique symbol = Symbol.for('werf-action.gotemplate.nilslice');
export function nilSlice<T>(): T[] { const a: T[] = []; (a as any)[NIL_SLICE] = true; return a; }
/** A nil map[string]interface{} (prints map[], encodes as null). */
export function nilMap(): Record<string, unknown> { const m: Record<string, unknown> = {}; Object.defineProperty(m, NIL_SLICE, { value: true }); return m; }

export class JsonError extends Error {}

function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c < 0x7f && !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) { out += s[i]; continue; }
    switch (c) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
    }
    if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) { out += '\\u00' + (c < 16 ? '0' : '') + c.toString(16); continue; }
    if (c === 0x2028 || c === 0x2029) { out += '\\u' + c.toString(16); continue; }
    if (c >= 0xd800 && c <= 0xdfff) {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) { out += s[i] + s[i + 1]; i++; continue; }
      out += '\ufffd'; continue;
    }
    out += s[i];
  }
  return out + '"';
}

export function jsonFloat(f: number): string {
  if (!isFinite(f)) throw new JsonError(`json: unsupported value: ${f !== f ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return String(f);
}

/** json.Marshal (escapeHTML) / Encoder with SetEscapeHTML(false); indent for MarshalIndent. */
export function marshalJSON(v: unknown, escapeHTML = true, indent = ''): string {
  const parts: string[] = [];
  enc(v, '');
  return parts.join('');
  function enc(x: unknown, pre: string): void {
    switch (typeof x) {
      case 'string': parts.push(jsonString(x, escapeHTML)); return;
      case 'number': parts.push(jsonFloat(x)); return;
      case 'bigint': parts.push(x.toString()); return;
      case 'boolean': parts.push(x ? 'true' : 'false'); return;
      case 'undefined': parts.push('null'); return;
      case 'function': throw new JsonError(`json: unsupported type: ${typeName(x)}`);
    }
    if (x === null) { parts.push('null'); return; }
    if (x instanceof GoInt) { parts.push(x.v.toString()); return; }
    if (x instanceof Uint8Array) { parts.push('"' + Buffer.from(x).toString('base64') + '"'); return; }
    if (x instanceof GoTime) { parts.push('"' + formatTime(x, '2006-01-02T15:04:05.999999999Z07:00') + '"'); return; }
    if (x instanceof GoStruct) {
      const j = (x as any).toJSONValue?.();
      if (j !== undefined) { enc(j, pre); return; }
      parts.push('{}'); return;
    }
    if (Array.isArray(x)) {
      if ((x as any)[NIL_SLICE]) { parts.push('null'); return; }
      if (x.length === 0) { parts.push('[]'); return; }
      parts.push('[');
      const inner = pre + indent;
      x.forEach((e, i) => {
        if (i) parts.push(',');
        if (indent) parts.push('\n' + inner);
        enc(e, inner);
      });
      if (indent) parts.push('\n' + pre);
      parts.push(']');
      return;
    }
    if (isGoMap(x)) {
      if ((x as any)[NIL_SLICE] && Object.keys(x).length === 0) { parts.push('null'); return; }
      const keys = sortedKeys(x);
      if (keys.length === 0) { parts.push('{}'); return; }
      parts.push('{');
      const inner = pre + indent;
      keys.forEach((k, i) => {
        if (i) parts.push(',');
        if (indent) parts.push('\n' + inner);
        parts.push(jsonString(k, escapeHTML) + (indent ? ': ' : ':'));
        enc(x[k], inner);
      });
      if (indent) parts.push('\n' + pre);
      parts.push('}');
      return;
    }
    throw new JsonError(`json: unsupported type: ${typeName(x)}`);
  }
}

/** json.Unmarshal into interface{}: numbers -> float64, objects -> map[string]interface{}. Throws Go's messages. */
export function unmarshalJSON(s: string): unknown {
  let i = 0;
  const n = s.length;
  const ws = (): void => { while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++; };
  const err = (what: string): never => {
    if (i >= n) throw new JsonError('unexpected end of JSON input');
    throw new JsonError(`invalid character ${quoteChar(s[i])} ${what}`);
  };
  const value = (): unknown => {
    ws();
    if (i >= n) throw new JsonError('unexpected end of JSON input');
    const c = s[i];
    if (c === '{') {
      i++;
      const m: Record<string, unknown> = {};
      ws();
      if (s[i] === '}') { i++; return m; }
      for (;;) {
        ws();
        if (s[i] !== '"') err("looking for beginning of object key string");
        const k = str();
        ws();
        if (s[i] !== ':') err('after object key');
        i++;
        const v = value();
        if (k === '__proto__') Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
        else m[k] = v;
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === '}') { i++; return m; }
        err('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      const a: unknown[] = [];
      ws();
      if (s[i] === ']') { i++; return a; }
      for (;;) {
        a.push(value());
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') { i++; return a; }
        err('after array element');
      }
    }
    if (c === '"') return str();
    if (s.startsWith('true', i)) { i += 4; return true; }
    if (s.startsWith('false', i)) { i += 5; return false; }
    if (s.startsWith('null', i)) { i += 4; return null; }
    if (c === '-' && !(s[i + 1] >= '0' && s[i + 1] <= '9')) { i++; return err('in numeric literal'); }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (m && m[0].length) {
      const after = s[i + m[0].length];
      if (after === '.' && !m[2]) { i += m[0].length + 1; return err('after decimal point in numeric literal'); }
      if ((after === 'e' || after === 'E') && !m[3]) { i += m[0].length + 1; if (s[i] === '+' || s[i] === '-') i++; return err('in exponent of numeric literal'); }
    }
    if (m && m[0].length) { i += m[0].length; return Number(m[0]); }
    return err('looking for beginning of value');
  };
  const str = (): string => {
    const st = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= n) throw new JsonError('unexpected end of JSON input');
      const c = s[i];
      if (c === '"') { i++; break; }
      if (c === '\\') {
        const e = s[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in map) { out += map[e]; i += 2; continue; }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) { out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16)); i += 6; continue; }
        i++;
        err('in string escape code');
      }
      if (c.charCodeAt(0) < 0x20) err('in string literal');
      out += c;
      i++;
    }
    void st;
    return out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  };
  const v = value();
  ws();
  if (i < n) err('after top-level value');
  return v;
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const cp = c.codePointAt(0)!;
  if (cp < 0x20) return "'" + quoteGo(c).slice(1, -1) + "'";
  return "'" + c + "'";
}

export function tagged(v: unknown): string | undefined { return v && typeof v === 'object' ? (v as any)[GO_TYPE] : undefined; }
