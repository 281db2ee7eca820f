// .helmignore rules (Helm's pkg/ignore) and Go's path/filepath.Match.

/** Go's filepath.Match on `/`-separated paths; throws on a bad pattern. */
export function goMatch(pattern: string, name: string): boolean {
  return compileGlob(pattern).test(name);
}

const cache = new Map<string, RegExp>();

export function compileGlob(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      i++;
      if (i >= pattern.length) throw new Error('syntax error in pattern');
      re += escapeRe(pattern[i]!);
    } else if (c === '[') {
      let j = i + 1;
      let cls = '';
      if (pattern[j] === '^') { cls += '^'; j++; }
      let n = 0;
      for (;;) {
        if (j >= pattern.length) throw new Error('syntax error in pattern');
        let ch = pattern[j]!;
        if (ch === ']' && n > 0) break;
        if (ch === '\\') { j++; if (j >= pattern.length) throw new Error('syntax error in pattern'); ch = pattern[j]!; }
        else if (ch === '-' || ch === ']') throw new Error('syntax error in pattern');
        cls += escapeRe(ch);
        j++;
        if (pattern[j] === '-') {
          j++;
          let hi = pattern[j];
          if (hi === undefined || hi === ']') throw new Error('syntax error in pattern');
          if (hi === '\\') { j++; hi = pattern[j]; if (hi === undefined) throw new Error('syntax error in pattern'); }
          cls += '-' + escapeRe(hi);
          j++;
        }
        n++;
      }
      // A class never matches the separator in Go.
      re += cls.startsWith('^') ? `(?!/)[${cls}]` : `(?!/)[${cls}]`;
      i = j;
    } else re += escapeRe(c);
  }
  const r = new RegExp(re + '$', 's');
  cache.set(pattern, r);
  return r;
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

interface Pattern { raw: string; negate: boolean; mustDir: boolean; match: (path: string) => boolean }

export class IgnoreRules {
  private patterns: Pattern[] = [];

  /** Parses a .helmignore text; throws Helm's errors on bad lines. */
  static parse(text: string): IgnoreRules {
    const r = new IgnoreRules();
    for (const line of text.split(/\r?\n/)) r.addRule(line);
    return r;
  }

  addDefaults(): this {
    this.addRule('templates/.?*');
    return this;
  }

  addRule(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new Error('double-star (**) syntax is not supported');
    compileGlob(rule); // fails on patterns that cannot compile
    const p: Pattern = { raw: rule, negate: false, mustDir: false, match: () => false };
    if (rule.startsWith('!')) { p.negate = true; rule = rule.slice(1); }
    if (rule.endsWith('/')) { p.mustDir = true; rule = rule.slice(0, -1); }
    if (rule.startsWith('/')) {
      const r = rule.slice(1);
      p.match = (n) => safeMatch(r, n);
    } else if (rule.includes('/')) {
      p.match = (n) => safeMatch(rule, n);
    } else {
      p.match = (n) => safeMatch(rule, n.slice(n.lastIndexOf('/') + 1));
    }
    this.patterns.push(p);
  }

  /** Helm's Rules.Ignore, including its negation quirk: a `!rule` ignores what it does not match. */
  ignore(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }
}

function safeMatch(pattern: string, name: string): boolean {
  try { return goMatch(pattern, name); } catch { return false; }
}
