// .dockerignore matching with Docker's rules (moby/patternmatcher): one
// pattern per line, `#` comments, `!` exceptions, `*` `?` `[...]` `**`, the
// last matching pattern wins, a pattern that matches a directory matches
// everything below it. Also answers "can anything under this directory be
// affected" so whole Git subtrees can be taken or skipped at once.
import { posix } from 'node:path';

interface Pattern {
  text: string;
  exclusion: boolean;
  re: RegExp;
  segments: string[];
}

export class DockerIgnore {
  readonly patterns: readonly Pattern[];
  private readonly cache = new Map<string, boolean>();

  constructor(patterns: string[]) {
    this.patterns = patterns.map(compilePattern).filter((p): p is Pattern => p !== undefined);
  }

  /** Parses .dockerignore content. */
  static parse(content: string): DockerIgnore {
    const lines: string[] = [];
    for (const raw of content.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      lines.push(line);
    }
    return new DockerIgnore(lines);
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Is `path` (relative to the context, '/'-separated) excluded from the context? */
  ignores(path: string): boolean {
    if (this.patterns.length === 0) return false;
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const parents = path.split('/');
    parents.pop();
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let m = p.re.test(path);
      if (!m && parents.length > 0) {
        for (let i = 1; i <= parents.length; i++) {
          if (p.re.test(parents.slice(0, i).join('/'))) {
            m = true;
            break;
          }
        }
      }
      if (m) matched = !p.exclusion;
    }
    this.cache.set(path, matched);
    return matched;
  }

  /**
   * For a directory: 'all' when the directory and everything below is
   * ignored, 'none' when nothing below can be ignored, 'some' otherwise.
   */
  dirStatus(dir: string): 'all' | 'none' | 'some' {
    if (this.patterns.length === 0) return 'none';
    const segs = dir === '' ? [] : dir.split('/');
    let anyAffects = false;
    for (const p of this.patterns) {
      if (patternMayMatchUnder(p.segments, segs)) {
        anyAffects = true;
        if (p.exclusion) return 'some';
      }
    }
    if (!anyAffects) return 'none';
    // Only ignore patterns can touch the directory: if the directory itself is ignored, all is.
    if (dir !== '' && this.ignores(dir)) return 'all';
    return 'some';
  }
}

function compilePattern(raw: string): Pattern | undefined {
  let text = raw;
  let exclusion = false;
  if (text.startsWith('!')) {
    exclusion = true;
    text = text.slice(1).trim();
    if (text === '') return undefined;
  }
  text = posix.normalize(text);
  if (text.length > 1 && text.startsWith('/')) text = text.slice(1);
  if (text.endsWith('/') && text.length > 1) text = text.slice(0, -1);
  if (text === '.' ) text = '';
  return { text, exclusion, re: globToRegex(text), segments: text === '' ? [] : text.split('/') };
}

/** Docker's pattern to regexp: `*` = [^/]*, `?` = [^/], `**` = any depth, `[...]` classes, `\` escapes. */
export function globToRegex(pattern: string): RegExp {
  let re = '^';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) re += '.*';
        else re += '(.*/)?';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      const n = chars[++i];
      if (n !== undefined) re += escapeRe(n);
    } else if (ch === '[') {
      const close = chars.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = chars.slice(i + 1, close).join('');
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += escapeRe(ch);
  }
  re += '$';
  try {
    return new RegExp(re, 's');
  } catch {
    return new RegExp('^' + escapeRe(pattern) + '$');
  }
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const segCache = new Map<string, RegExp>();
function segmentRe(seg: string): RegExp {
  let r = segCache.get(seg);
  if (!r) {
    r = globToRegex(seg);
    segCache.set(seg, r);
  }
  return r;
}

/**
 * Could a pattern (split in segments) match `dir`, one of its parents, or
 * something below it? Conservative: `**` anywhere in the compared prefix says yes.
 */
export function patternMayMatchUnder(patternSegs: string[], dirSegs: string[]): boolean {
  if (patternSegs.length === 0) return true;
  for (let i = 0; i < patternSegs.length; i++) {
    const ps = patternSegs[i]!;
    if (ps.includes('**')) return true;
    if (i >= dirSegs.length) return true; // pattern continues below dir
    if (!segmentRe(ps).test(dirSegs[i]!)) return false;
  }
  return true; // pattern matches dir or one of its parents
}

/** A matcher for COPY/ADD sources (globs relative to the context). */
export class SourceMatcher {
  private readonly globs: { segs: string[]; re: RegExp; all: boolean }[];

  constructor(sources: string[]) {
    this.globs = sources.map((s) => {
      let t = posix.normalize(s.replace(/^\.\/+/, ''));
      t = t.replace(/^\/+/, '').replace(/\/+$/, '');
      if (t === '.' || t === '') return { segs: [], re: /^/, all: true };
      return { segs: t.split('/'), re: globToRegex(t), all: false };
    });
  }

  /** The file (or directory) is copied: a source matches it or one of its parents. */
  matches(path: string): boolean {
    const segs = path.split('/');
    for (const g of this.globs) {
      if (g.all) return true;
      for (let i = 1; i <= segs.length; i++) if (g.re.test(segs.slice(0, i).join('/'))) return true;
    }
    return false;
  }

  /** 'all': everything under `dir` is copied; 'none': nothing; 'some': look inside. */
  dirStatus(dir: string): 'all' | 'none' | 'some' {
    if (dir === '') return this.globs.some((g) => g.all) ? 'all' : this.globs.length ? 'some' : 'none';
    if (this.matches(dir)) return 'all';
    const segs = dir.split('/');
    for (const g of this.globs) if (patternMayMatchUnder(g.segs, segs)) return 'some';
    return 'none';
  }
}
