// toToml: pelletier/go-toml (v1) Encoder output for map[string]interface{} values, as the oracle builds it.
import { GoInt, isGoMap, sortedKeys } from './values.js';
import { formatFloatG } from './fmt.js';

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
    const s = formatFloatG(v).replace(/e\+?(-?)0*(\d)/, 'e$1$2');
    return /[.e]/.test(s) || /inf|nan/.test(s) ? s : s + '.0';
  }
  return undefined;
}

function arr(v: unknown[]): string {
  return '[' + v.map((x) => (Array.isArray(x) ? arr(x) : scalar(x) ?? '""')).join(', ') + ']';
}

export function toToml(v: unknown): string {
  if (!isGoMap(v)) return 'Only a struct or map can be marshaled to TOML';
  let out = '';
  const walk = (m: Record<string, unknown>, path: string[], indent: string): void => {
    const keys = sortedKeys(m);
    for (const k of keys) {
      const x = m[k];
      if (x === null || x === undefined) continue;
      if (isGoMap(x) || (Array.isArray(x) && x.length > 0 && x.every(isGoMap))) continue;
      const s = Array.isArray(x) ? arr(x) : scalar(x);
      if (s !== undefined) out += `${indent}${quoteKey(k)} = ${s}\n`;
    }
    for (const k of keys) {
      const x = m[k];
      if (isGoMap(x)) {
        const p = [...path, quoteKey(k)];
        out += `\n${indent}[${p.join('.')}]\n`;
        walk(x, p, indent + '  ');
      } else if (Array.isArray(x) && x.length > 0 && x.every(isGoMap)) {
        const p = [...path, quoteKey(k)];
        for (const e of x) {
          out += `\n${indent}[[${p.join('.')}]]\n`;
          walk(e as Record<string, unknown>, p, indent + '  ');
        }
      }
    }
  };
  walk(v, [], '');
  return out;
}

function quoteKey(k: string): string { return /^[A-Za-z0-9_-]+$/.test(k) ? k : tomlString(k); }
