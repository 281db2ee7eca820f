// toToml: pelletier/go-toml (v1) Encoder output for map[string]interface{} values, as the oracle builds it.
import { GoInt, isGoMap, sortedKeys } from './values.js';
import { formatFloatPrec } from './fmt.js';

function tomlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\b': out += '\\b'; continue;
      case '\t': out += '\\t'; continue;
      case '\n': out += '\\n'; continue;
      case '\f': out += '\\f'; continue;
      case '\r': out += '\\r'; continue;
    }
    if (c < 0x20 || c === 0x7f) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return tomlString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof GoInt) return v.v.toString();
  if (typeof v === 'number') {
    if (v !== v) return 'nan';
    if (!isFinite(v)) return v > 0 ? '+inf' : '-inf';
    const s = formatFloatPrec(v, 'f', -1);
    return s.includes('.') ? s : s + '.0';
  }
  return undefined;
}

function inline(m: Record<string, unknown>): string {
  return '{ ' + sortedKeys(m).map((k) => `${quoteKey(k)} = ${value(m[k])}`).join(', ') + ' }';
}
function value(x: unknown): string {
  if (Array.isArray(x)) return arr(x);
  if (isGoMap(x)) return inline(x);
  return scalar(x) ?? '""';
}
function arr(v: unknown[]): string {
  return '[' + v.map(value).join(', ') + ']';
}

export function toToml(v: unknown): string {
  if (v === null || v === undefined) return 'nil cannot be marshaled to TOML';
  if (!isGoMap(v)) return 'Only a struct or map can be marshaled to TOML';
  checkNil(v);
  let out = '';
  const walk = (m: Record<string, unknown>, path: string[], indent: string): void => {
    const keys = sortedKeys(m);
    for (const k of keys) {
      const x = m[k];
      if (x === null || x === undefined) continue;
      if (isGoMap(x)) continue;
      const s = Array.isArray(x) ? arr(x) : scalar(x);
      if (s !== undefined) out += `${indent}${quoteKey(k)} = ${s}\n`;
    }
    for (const k of keys) {
      const x = m[k];
      if (isGoMap(x)) {
        const p = [...path, quoteKey(k)];
        out += `\n${indent}[${p.join('.')}]\n`;
        walk(x, p, indent + '  ');
      }
    }
  };
  walk(v, [], '');
  return out;
}

function quoteKey(k: string): string { return /^[A-Za-z0-9_-]+$/.test(k) ? k : tomlString(k); }

function checkNil(v: unknown): void {
  if (v === null || v === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (Array.isArray(v)) v.forEach(checkNil);
  else if (isGoMap(v)) Object.values(v).forEach(checkNil);
}
