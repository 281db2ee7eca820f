// Go RE2 syntax on top of JS RegExp (the common subset charts use), with Go's Expand for $1/${name}.

const cache = new Map<string, RegExp>();

/** Translates a Go regexp to a JS RegExp (global, unicode). Throws Go-like errors for invalid syntax. */
export function goRegexp(re: string): RegExp {
  let r = cache.get(re);
  if (r) return r;
  let src = re;
  let flags = 'gu';
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    src = src.slice(m[0].length);
    if (m[1].includes('i')) flags += 'i';
    if (m[1].includes('m')) flags += 'm';
    if (m[1].includes('s')) flags += 's';
  }
  src = lenient(src).replace(/\(\?P</g, '(?<').replace(/\\z/g, '$(?![\\s\\S])').replace(/\\A/g, '^(?<![\\s\\S])');
  // Go's $ without (?m) matches only at the end of text, like JS without m.
  try {
    r = new RegExp(src, flags);
  } catch (e) {
    const msg = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    const q = /^[^`\x00-\x08\x0a-\x1f\x7f]*$/.test(re) ? '`' + re + '`' : JSON.stringify(re);
    throw new Error(`regexp: Compile(${q}): error parsing regexp: ${goMessage(msg, re)}`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(re, r);
  return r;
}

/** Go treats `{` that does not start a repeat count, and a stray `]` or `}`, as literals; JS's u-mode does not. */
function lenient(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { out += c + (src[i + 1] ?? ''); i++; continue; }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; if (src[i + 1] === '^') { out += '^'; i++; } if (src[i + 1] === ']') { out += '\\]'; i++; } continue; }
    if (c === '{') { const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i)); if (!m) { out += '\\{'; continue; } out += m[0]; i += m[0].length - 1; continue; }
    if (c === '}' || c === ']') { out += '\\' + c; continue; }
    out += c;
  }
  return out;
}

function goMessage(js: string, re: string): string {
  if (/Nothing to repeat/.test(js)) { const m = /(^|[(|])([*+?])/.exec(re); return `missing argument to repetition operator: \`${m ? m[2] : '*'}\``; }
  if (/Unterminated group/.test(js)) return `missing closing ): \`${re}\``;
  if (/Unmatched '\)'/.test(js)) return `unexpected ): \`${re}\``;
  if (/Unterminated character class/.test(js)) return `missing closing ]: \`${re.slice(re.lastIndexOf('['))}\``;
  if (/Range out of order/.test(js)) return `invalid character class range`;
  if (/\\ at end of pattern/.test(js)) return 'trailing backslash at end of expression: ``';
  return js;
}

export function regexMatch(re: string, s: string): boolean { const r = goRegexp(re); r.lastIndex = 0; return r.test(s); }

export function findAll(re: string, s: string, n: number): string[] {
  const r = goRegexp(re);
  const out: string[] = [];
  if (n === 0) return out;
  r.lastIndex = 0;
  let prevEnd = -1;
  for (const m of s.matchAll(r)) {
    if (m[0] === '' && m.index === prevEnd) continue; // Go skips empty match adjacent to previous
    out.push(m[0]);
    prevEnd = m.index! + m[0].length;
    if (n > 0 && out.length >= n) break;
  }
  return out;
}

export function find(re: string, s: string): string {
  const r = goRegexp(re);
  r.lastIndex = 0;
  const m = r.exec(s);
  return m ? m[0] : '';
}

function expand(tpl: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < tpl.length; i++) {
    const c = tpl[i];
    if (c !== '$' || i === tpl.length - 1) { out += c; continue; }
    if (tpl[i + 1] === '$') { out += '$'; i++; continue; }
    let name: string;
    let j: number;
    if (tpl[i + 1] === '{') {
      const e = tpl.indexOf('}', i + 2);
      if (e < 0) { out += c; continue; }
      name = tpl.slice(i + 2, e);
      if (!/^[A-Za-z0-9_]+$/.test(name)) { out += c; continue; }
      j = e;
    } else {
      const mm = /^[A-Za-z0-9_]+/.exec(tpl.slice(i + 1));
      if (!mm) { out += c; continue; }
      name = mm[0];
      j = i + name.length;
    }
    i = j;
    if (/^\d+$/.test(name)) {
      const k = parseInt(name, 10);
      if (k < m.length) out += m[k] ?? '';
    } else out += m.groups?.[name] ?? '';
  }
  return out;
}

export function replaceAll(re: string, s: string, repl: string, literal: boolean): string {
  const r = goRegexp(re);
  r.lastIndex = 0;
  let out = '';
  let last = 0;
  let prevEnd = -1;
  for (const m of s.matchAll(r)) {
    const st = m.index!;
    if (m[0] === '' && st === prevEnd) continue;
    out += s.slice(last, st) + (literal ? repl : expand(repl, m as RegExpExecArray));
    last = st + m[0].length;
    prevEnd = last;
  }
  return out + s.slice(last);
}

export function split(re: string, s: string, n: number): string[] {
  if (n === 0) return [];
  const r = goRegexp(re);
  if (re.length > 0 && s.length === 0) return [''];
  r.lastIndex = 0;
  const matches = [...s.matchAll(r)].map((m) => [m.index!, m.index! + m[0].length]);
  const out: string[] = [];
  let beg = 0, end = 0;
  for (const [a, b] of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = a;
    if (b === 0) continue;
    out.push(s.slice(beg, end));
    beg = b;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

export function quoteMeta(s: string): string { return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'); }
