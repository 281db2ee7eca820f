// Sprig's string helpers that need a faithful port (goutils, xstrings, strings.Title, paths).
import { toBytes, fromBytes } from '../values.js';

const isSpaceRune = (c: string): boolean => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
const isUpper = (c: string): boolean => /\p{Lu}/u.test(c);
const isLower = (c: string): boolean => /\p{Ll}/u.test(c);
const isTitleCase = (c: string): boolean => /\p{Lt}/u.test(c);
const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isNumber = (c: string): boolean => /\p{N}/u.test(c);
const isPunct = (c: string): boolean => /\p{P}/u.test(c);

/** byte-wise (Latin-1 view) helpers: Go code that indexes str[i] as rune(byte) */
function bytesAsRunes(s: string): number[] { return Array.from(toBytes(s)); }

export function trimSpaceGo(s: string): string {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
}

export function deleteWhiteSpace(s: string): string {
  if (s === '') return s;
  const b = bytesAsRunes(s);
  const out: number[] = [];
  for (const c of b) if (!isSpaceRune(String.fromCharCode(c))) out.push(c);
  if (out.length === b.length) return s;
  // Go writes rune(byte) as UTF-8: bytes >= 0x80 become 2-byte sequences (Latin-1 -> UTF-8)
  return out.map((c) => String.fromCharCode(c)).join('');
}

export function initials(s: string): string {
  if (s === '') return s;
  const b = bytesAsRunes(s);
  let out = '';
  let gap = true;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (isSpaceRune(ch)) gap = true;
    else if (gap) { out += ch; gap = false; }
  }
  return out;
}

export function swapCaseGoutils(s: string): string {
  if (s === '') return s;
  let ws = true;
  let out = '';
  for (const ch of s) {
    if (isUpper(ch) || isTitleCase(ch)) { out += ch.toLowerCase(); ws = false; }
    else if (isLower(ch)) {
      out += ws ? toTitle(ch) : ch.toUpperCase();
      ws = false;
    } else { out += ch; ws = isSpaceRune(ch); }
  }
  return out;
}

function toTitle(ch: string): string {
  const special: Record<string, string> = { 'ǆ': 'ǅ', 'ǉ': 'ǈ', 'ǌ': 'ǋ', 'ǳ': 'ǲ', 'ß': 'ß' };
  if (special[ch]) return special[ch];
  const u = ch.toUpperCase();
  return [...u].length === 1 ? u : ch;
}

export function uncapitalize(s: string): string {
  if (s === '') return s;
  let next = true;
  let out = '';
  for (const ch of s) {
    if (isSpaceRune(ch)) { next = true; out += ch; }
    else if (next) { out += lowerRune(ch); next = false; }
    else out += ch;
  }
  return out;
}

function lowerRune(ch: string): string { const l = ch.toLowerCase(); return [...l].length === 1 ? l : ch; }
function upperRune(ch: string): string { const u = ch.toUpperCase(); return [...u].length === 1 ? u : ch; }

/** strings.Title (deprecated in Go but what sprig uses). */
export function titleGo(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = isSeparator(prev);
    out += sep ? toTitle(ch) : ch;
    prev = ch;
  }
  return out;
}
function isSeparator(r: string): boolean {
  const c = r.codePointAt(0)!;
  if (c <= 0x7f) {
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || r === '_') return false;
    return true;
  }
  if (isLetter(r) || /\p{Nd}/u.test(r)) return false;
  return isSpaceRune(r);
}

export function upperGo(s: string): string { let o = ''; for (const c of s) o += upperRune(c); return o; }
export function lowerGo(s: string): string { let o = ''; for (const c of s) o += lowerRune(c); return o; }

export function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  const b = toBytes(str);
  const sub = (a: number, e?: number): string => fromBytes(b.subarray(a, e));
  const len = b.length;
  if (str === '') return '';
  if (maxWidth < 4) throw new Error('stringutils illegal argument: Minimum abbreviation width is 4');
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return sub(0, maxWidth - 3) + '...';
  if (maxWidth < 7) throw new Error('stringutils illegal argument: Minimum abbreviation width with offset is 7');
  if (offset + maxWidth - 3 < len) return '...' + abbreviateFull(sub(offset), 0, maxWidth - 3);
  return '...' + sub(len - (maxWidth - 3));
}

export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLong: boolean): string {
  if (str === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = toBytes(str);
  const sub = (a: number, e?: number): string => fromBytes(b.subarray(a, e));
  const len = b.length;
  let offset = 0;
  let out = '';
  const lastSpace = (a: number, e: number): number => { for (let i = Math.min(e, len) - 1; i >= a; i--) if (b[i] === 32) return i - a; return -1; };
  while (len - offset > wrapLength) {
    if (b[offset] === 32) { offset++; continue; }
    const end = wrapLength + offset + 1;
    if (end > len) throw new Error(`runtime error: slice bounds out of range [:${end}] with length ${len}`);
    const sp = lastSpace(offset, end) + offset;
    if (sp >= offset) { out += sub(offset, sp) + newLine; offset = sp + 1; }
    else if (wrapLong) { out += sub(offset, wrapLength + offset) + newLine; offset += wrapLength; }
    else {
      const e2 = wrapLength + offset;
      let idx = -1;
      for (let i = e2; i < len; i++) if (b[i] === 32) { idx = i - e2; break; }
      if (idx === -1) { out += sub(offset); offset = len; }
      else { const at = idx + e2; out += sub(offset, at) + newLine; offset = at + 1; }
    }
  }
  return out + sub(offset);
}

// ------------------------------------------------------------------ xstrings
const isConnector = (r: string): boolean => r === '-' || r === '_' || isSpaceRune(r);

export function toCamelCase(str: string): string {
  if (str.length === 0) return '';
  const rs = [...str];
  let i = 0;
  let out = '';
  let r0 = '';
  let found = false;
  while (i < rs.length) {
    r0 = rs[i++];
    if (!isConnector(r0)) { r0 = upperRune(r0); found = true; break; }
    out += r0;
  }
  if (i >= rs.length) { if (found) out += r0; return out; }
  let r1: string;
  while (i < rs.length) {
    r1 = r0;
    r0 = rs[i++];
    if (isConnector(r0) && isConnector(r1)) { out += r1; continue; }
    if (isConnector(r1)) r0 = upperRune(r0);
    else { r0 = lowerRune(r0); out += r1; }
  }
  return out + r0;
}

const enum W { invalid, number, upper, alphabet, connector, punct, other }

function nextWord(rs: string[], at: number): [W, number] {
  // returns word type and end index
  if (at >= rs.length) return [W.invalid, at];
  let i = at;
  const r = rs[i++];
  if (isConnector(r)) { while (i < rs.length && isConnector(rs[i])) i++; return [W.connector, i]; }
  if (isPunct(r)) { while (i < rs.length && isPunct(rs[i])) i++; return [W.punct, i]; }
  if (isUpper(r)) {
    if (i >= rs.length) return [W.upper, i];
    const r2 = rs[i];
    if (isUpper(r2)) {
      i++;
      while (i < rs.length && isUpper(rs[i])) i++;
      if (i < rs.length && isLetter(rs[i])) i--;
    } else if (isLetter(r2)) {
      i++;
      while (i < rs.length && isLetter(rs[i]) && !isUpper(rs[i])) i++;
    }
    return [W.upper, i];
  }
  if (isLetter(r)) { while (i < rs.length && isLetter(rs[i]) && !isUpper(rs[i])) i++; return [W.alphabet, i]; }
  if (isNumber(r)) { while (i < rs.length && isNumber(rs[i])) i++; return [W.number, i]; }
  while (i < rs.length && !(isConnector(rs[i]) || isLetter(rs[i]) || isNumber(rs[i]) || isPunct(rs[i]))) i++;
  return [W.other, i];
}

export function camelToLower(str: string, conn: string): string {
  if (str.length === 0) return '';
  const rs = [...str];
  let out = '';
  const lower = (wt: W, a: number, b: number): void => {
    if (wt !== W.upper && wt !== W.connector) { out += rs.slice(a, b).join(''); return; }
    for (let i = a; i < b; i++) { const r = rs[i]; out += isConnector(r) ? conn : isUpper(r) ? lowerRune(r) : r; }
  };
  let s = 0;
  let [wt, e] = nextWord(rs, 0);
  while (e < rs.length) {
    if (wt !== W.connector) lower(wt, s, e);
    const prev = wt;
    const ls = s, le = e;
    s = e; [wt, e] = nextWord(rs, s);
    switch (prev) {
      case W.number:
        while (wt === W.alphabet || wt === W.number) { lower(wt, s, e); s = e; [wt, e] = nextWord(rs, s); }
        if (wt !== W.invalid && wt !== W.punct && wt !== W.connector) out += conn;
        break;
      case W.connector: lower(prev, ls, le); break;
      case W.punct: break;
      default: {
        if (wt !== W.number) { if (wt !== W.connector && wt !== W.punct) out += conn; break; }
        if (e >= rs.length) break;
        const ns = s, ne = e;
        s = e; [wt, e] = nextWord(rs, s);
        if (wt !== W.alphabet) {
          lower(W.number, ns, ne);
          if (wt !== W.connector && wt !== W.punct) out += conn;
          break;
        }
        out += conn;
        lower(W.number, ns, ne);
        while (wt === W.alphabet || wt === W.number) { lower(wt, s, e); s = e; [wt, e] = nextWord(rs, s); }
        if (wt !== W.invalid && wt !== W.connector && wt !== W.punct) out += conn;
      }
    }
  }
  lower(wt, s, e);
  return out;
}

export function swapCaseX(s: string): string {
  let o = '';
  for (const c of s) o += isUpper(c) ? lowerRune(c) : isLower(c) ? upperRune(c) : c;
  return o;
}

// ------------------------------------------------------------------ path (Go's path package)
export function pathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const parts = p.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}
export function pathBase(p: string): string {
  if (p === '') return '.';
  while (p.length > 0 && p[p.length - 1] === '/') p = p.slice(0, -1);
  const i = p.lastIndexOf('/');
  if (i >= 0) p = p.slice(i + 1);
  return p === '' ? '/' : p;
}
export function pathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return pathClean(p.slice(0, i + 1));
}
export function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}
