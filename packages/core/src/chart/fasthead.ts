// A fast reader of a manifest's head (apiVersion, kind, metadata.name,
// metadata.annotations) for the documents charts usually produce: block
// mappings and sequences of simple scalars. It checks every line against a
// conservative grammar and indentation rules; anything it is not sure about
// (anchors, tags, multi-line plain scalars, escapes, non-string head values,
// bad indentation...) returns undefined and the caller parses the document in
// full, which also produces Helm's YAML errors.
import type { Head } from './manifests.js';
import { parseYaml } from './yaml.js';

const PLAIN_KEY = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
// YAML 1.1 plain scalars that are not strings (go-yaml v2 resolver).
const NON_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0b[01_]+|\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|\d+(?::[0-5]?\d)+(?:\.\d*)?|<<)$/;

type Scalar = { kind: 'plain' | 'dq' | 'sq' | 'flow' | 'block' | 'empty'; text: string };

/** Parses the value part after `key:` or `- `; undefined = not in the simple subset. */
function scanValue(v: string): Scalar | undefined {
  if (v === '' || v.startsWith('#')) return { kind: 'empty', text: '' };
  const c = v[0]!;
  const restOk = (rest: string) => /^\s*(?:#.*)?$/.test(rest);
  if (c === '"') {
    let i = 1;
    while (i < v.length && v[i] !== '"') {
      if (v[i] === '\\') {
        const e = v[i + 1] ?? '';
        if (e === 'x' || e === 'u' || e === 'U') return undefined;
        if (!'0abt\tnvfre "/\\N_LP'.includes(e) || e === '') return undefined;
        i += 2;
      } else i++;
    }
    if (i >= v.length || !restOk(v.slice(i + 1))) return undefined;
    return { kind: 'dq', text: v.slice(1, i) };
  }
  if (c === "'") {
    let i = 1;
    for (;;) {
      if (i >= v.length) return undefined;
      if (v[i] === "'") { if (v[i + 1] === "'") { i += 2; continue; } break; }
      i++;
    }
    if (!restOk(v.slice(i + 1))) return undefined;
    return { kind: 'sq', text: v.slice(1, i).replace(/''/g, "'") };
  }
  if (c === '|' || c === '>') return /^[|>][-+1-9]{0,2}\s*(?:#.*)?$/.test(v) ? { kind: 'block', text: '' } : undefined;
  if (c === '[' || c === '{') {
    let depth = 0, i = 0;
    for (; i < v.length; i++) {
      const ch = v[i]!;
      if (ch === '"') { i++; while (i < v.length && v[i] !== '"') i += v[i] === '\\' ? 2 : 1; continue; }
      if (ch === "'") { i++; while (i < v.length && !(v[i] === "'" && v[i + 1] !== "'")) i += v[i] === "'" ? 2 : 1; continue; }
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') { depth--; if (depth === 0) break; }
    }
    if (depth !== 0 || i >= v.length || !restOk(v.slice(i + 1))) return undefined;
    const text = v.slice(0, i + 1);
    if (text !== '[]' && text !== '{}') {
      try { parseYaml(text); } catch { return undefined; } // a flow collection is checked by the full parser
    }
    return { kind: 'flow', text };
  }
  if ('&*!%@`,?:-]}'.includes(c) && !(c === '-' && v.length > 1 && v[1] !== ' ')) return undefined;
  let text = v;
  const hash = text.search(/\s#/);
  if (hash >= 0) text = text.slice(0, hash);
  text = text.trimEnd();
  if (/:\s|:$/.test(text) || text.includes('\t')) return undefined;
  return { kind: 'plain', text };
}

function headString(s: Scalar): string | undefined {
  switch (s.kind) {
    case 'sq': return s.text;
    case 'dq': return s.text.includes('\\') ? undefined : s.text;
    case 'plain': return NON_STRING.test(s.text) ? undefined : s.text;
  }
  return undefined;
}

export function fastHead(doc: string): Head | undefined {
  const head: Head = { apiVersion: '', kind: '', name: '' };
  const seen = new Set<string>();
  // open block collections: indentation and kind
  const stack: { indent: number; kind: 'map' | 'seq' }[] = [];
  let prevCol = -1;
  let prevWasKey = false;
  let opener = false; // the previous line opens a nested block (`key:` or `-`)
  let blockParent = -1; // inside a block scalar: its key's indentation
  let section: 'top' | 'metadata' | 'annotations' | 'other' = 'top';
  let metadataIndent = -1;
  let annotationsIndent = -1;
  for (const raw of doc.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = line.length - line.trimStart().length;
    if (blockParent >= 0) {
      if (line.trim() === '' || indent > blockParent) continue;
      blockParent = -1;
    }
    const body = line.slice(indent);
    if (body === '' || body.startsWith('#')) continue;
    if (line.slice(0, indent + 1).includes('\t')) return undefined;
    if (body.startsWith('---') || body.startsWith('...') || body.startsWith('%')) return undefined;
    const dashedLine = body === '-' || body.startsWith('- ');
    const kind = dashedLine ? 'seq' : 'map';
    if (stack.length === 0) stack.push({ indent, kind });
    else if (opener && (indent > prevCol || (dashedLine && prevWasKey && indent === prevCol))) stack.push({ indent, kind });
    else {
      while (stack.length && stack[stack.length - 1]!.indent > indent) stack.pop();
      if (stack.length && stack[stack.length - 1]!.indent === indent && stack[stack.length - 1]!.kind === 'seq' && !dashedLine) stack.pop();
      const top = stack[stack.length - 1];
      if (!top || top.indent !== indent || top.kind !== kind) return undefined;
    }
    // sequence dashes
    let col = indent;
    let rest = body;
    let dashed = false;
    while (rest === '-' || rest.startsWith('- ')) {
      if (dashed) stack.push({ indent: col, kind: 'seq' });
      dashed = true;
      const after = rest.slice(1);
      const sp = after.length - after.trimStart().length;
      col += 1 + sp;
      rest = after.trimStart();
    }
    if (rest === '') { opener = true; prevWasKey = false; prevCol = dashed ? indent : col; continue; }
    if (dashed) stack.push({ indent: col, kind: 'map' });
    prevCol = col;
    // key: value, or a bare value after a dash
    let key: string | undefined;
    let value = rest;
    const km = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`?][^:#]*?)\s*:(?:\s+|$)/.exec(rest);
    if (km) {
      const k = km[1]!;
      if (k.startsWith('"')) { if (k.includes('\\')) return undefined; key = k.slice(1, -1); }
      else if (k.startsWith("'")) key = k.slice(1, -1).replace(/''/g, "'");
      else { if (!PLAIN_KEY.test(k)) return undefined; key = k; }
      value = rest.slice(km[0].length);
    } else if (!dashed) {
      return undefined;
    }
    const sv = scanValue(value);
    if (!sv) return undefined;
    opener = sv.kind === 'empty' && key !== undefined;
    prevWasKey = key !== undefined;
    if (key === undefined && dashed) stack.pop(); // a bare `- value` opens no mapping
    if (sv.kind === 'block') { blockParent = indent; opener = false; }
    // head extraction
    if (key !== undefined && !dashed) {
      if (col === 0) {
        section = 'other';
        if (key === 'apiVersion' || key === 'kind' || key === 'metadata') {
          if (seen.has(key)) return undefined;
          seen.add(key);
          if (key === 'metadata') {
            if (sv.kind === 'flow' || sv.kind === 'block' || sv.kind === 'dq' || sv.kind === 'sq') return undefined;
            if (sv.kind === 'plain') { if (!/^(?:~|null|Null|NULL)$/.test(sv.text)) return undefined; continue; }
            section = 'metadata';
            metadataIndent = -1;
          } else {
            const s = headString(sv);
            if (s === undefined) return undefined;
            head[key] = s;
          }
        }
      } else if (section === 'metadata' || section === 'annotations') {
        if (section === 'annotations' && annotationsIndent >= 0 && col >= annotationsIndent) {
          if (col === annotationsIndent) {
            const s = headString(sv);
            if (s === undefined) return undefined;
            head.annotations![key] = s;
            continue;
          }
          continue;
        }
        if (metadataIndent < 0) metadataIndent = col;
        if (col === metadataIndent) {
          section = 'metadata';
          if (key === 'name') {
            if (seen.has('name')) return undefined;
            seen.add('name');
            const s = headString(sv);
            if (s === undefined) return undefined;
            head.name = s;
          } else if (key === 'annotations') {
            if (seen.has('annotations')) return undefined;
            seen.add('annotations');
            if (sv.kind !== 'empty') {
              if (sv.kind === 'flow' && sv.text === '{}') { head.annotations = {}; continue; }
              if (sv.kind === 'plain' && /^(?:~|null|Null|NULL)$/.test(sv.text)) continue;
              return undefined;
            }
            section = 'annotations';
            annotationsIndent = -1;
          }
        } else if (section === 'annotations' && annotationsIndent < 0 && col > metadataIndent) {
          annotationsIndent = col;
          const s = headString(sv);
          if (s === undefined) return undefined;
          head.annotations = { [key]: s };
        }
      }
    } else if (dashed) {
      if (indent === 0) return undefined;
      if (section === 'metadata' && (metadataIndent < 0 || indent <= metadataIndent)) return undefined;
      if (section === 'annotations' && (annotationsIndent < 0 || indent <= annotationsIndent)) return undefined;
    }
  }
  if (blockParent === 0) return undefined;
  return head;
}
