// Shell-style word processing of Dockerfile values, as BuildKit does it
// (frontend/dockerfile/shell/lex.go): quotes removed, escapes applied,
// $VAR / ${VAR} / ${VAR:-w} / ${VAR-w} / ${VAR:+w} / ${VAR?w} / ${VAR#p}
// / ${VAR%p} / ${VAR/p/r} expanded. Unset variables expand to "".

export class ShellWordError extends Error {}

type Env = ReadonlyMap<string, string>;

class Scanner {
  private i = 0;
  private readonly chars: string[];
  constructor(s: string) {
    this.chars = Array.from(s);
  }
  peek(): string | undefined {
    return this.chars[this.i];
  }
  next(): string | undefined {
    return this.chars[this.i++];
  }
}

class Word {
  private readonly sc: Scanner;
  private rawEscapes = false;
  constructor(text: string, private readonly env: Env, private readonly escape: string) {
    this.sc = new Scanner(text);
  }

  run(): string {
    return this.processStopOn(undefined, false);
  }

  private processStopOn(stop: string | undefined, rawEscapes: boolean): string {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let out = '';
      while (this.sc.peek() !== undefined) {
        const ch = this.sc.peek()!;
        if (stop !== undefined && ch === stop) {
          this.sc.next();
          return out;
        }
        if (ch === '$') out += this.processDollar();
        else if (ch === "'") out += this.processSingleQuote();
        else if (ch === '"') out += this.processDoubleQuote();
        else {
          let c = this.sc.next()!;
          if (c === this.escape) {
            if (this.rawEscapes) out += c;
            const n = this.sc.next();
            if (n === undefined) break;
            c = n;
          }
          out += c;
        }
      }
      if (stop !== undefined) throw new ShellWordError(`unexpected end of statement while looking for matching ${stop}`);
      return out;
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    this.sc.next();
    let out = '';
    for (;;) {
      const c = this.sc.next();
      if (c === undefined) throw new ShellWordError('unexpected end of statement while looking for matching single-quote');
      if (c === "'") return out;
      out += c;
    }
  }

  private processDoubleQuote(): string {
    this.sc.next();
    let out = '';
    for (;;) {
      const p = this.sc.peek();
      if (p === undefined) throw new ShellWordError('unexpected end of statement while looking for matching double-quote');
      if (p === '"') {
        this.sc.next();
        return out;
      }
      if (p === '$') {
        out += this.processDollar();
        continue;
      }
      let c = this.sc.next()!;
      if (c === this.escape) {
        if (this.rawEscapes) out += c;
        const n = this.sc.peek();
        if (n === undefined) continue;
        if (n === '"' || n === '$' || n === this.escape) c = this.sc.next()!;
      }
      out += c;
    }
  }

  private getEnv(name: string): [string, boolean] {
    const v = this.env.get(name);
    return v === undefined ? ['', false] : [v, true];
  }

  private processName(): string {
    let name = '';
    for (;;) {
      const ch = this.sc.peek();
      if (ch === undefined) break;
      if (name === '' && /\d/.test(ch)) {
        while (this.sc.peek() !== undefined && /\d/.test(this.sc.peek()!)) name += this.sc.next();
        return name;
      }
      if (name === '' && '@*#?-$!0'.includes(ch)) return this.sc.next()!;
      if (!/[\p{L}\p{Nd}_]/u.test(ch)) break;
      name += this.sc.next();
    }
    return name;
  }

  private processDollar(): string {
    this.sc.next();
    if (this.sc.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      return this.getEnv(name)[0];
    }
    this.sc.next();
    const first = this.sc.peek();
    if (first === undefined) throw new ShellWordError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ShellWordError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.sc.next();
    let chs = ch ?? '';
    let nullIsUnset = false;
    if (ch === '}') return this.getEnv(name)[0];
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.sc.next();
      chs += ch ?? '';
      if (ch === undefined || !'+-?#%'.includes(ch)) {
        // BuildKit falls through and then rejects unknown modifiers
        if (ch !== undefined) this.processStopOnSafe();
        throw new ShellWordError(`unsupported modifier (${chs}) in substitution`);
      }
    }
    if (ch !== undefined && '+-?#%'.includes(ch)) {
      const raw = ch === '#' || ch === '%';
      let word: string;
      try {
        word = this.processStopOn('}', raw);
      } catch (e) {
        if (this.sc.peek() === undefined) throw new ShellWordError("syntax error: missing '}'");
        throw e;
      }
      const [value, set] = this.getEnv(name);
      switch (ch) {
        case '-':
          return !set || (nullIsUnset && value === '') ? word : value;
        case '+':
          return !set || (nullIsUnset && value === '') ? '' : word;
        case '?':
          if (!set) throw new ShellWordError(`${name}: ${word || 'is not allowed to be unset'}`);
          if (nullIsUnset && value === '') throw new ShellWordError(`${name}: ${word || 'is not allowed to be empty'}`);
          return value;
        default: {
          let greedy = false;
          if (word.startsWith(ch)) {
            greedy = true;
            word = word.slice(1);
          }
          return ch === '%' ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
        }
      }
    }
    if (ch === '/') {
      const all = this.sc.peek() === '/';
      if (all) this.sc.next();
      let pattern: string;
      let replacement: string;
      try {
        pattern = this.processStopOn('/', true);
      } catch (e) {
        if (this.sc.peek() === undefined) throw new ShellWordError("syntax error: missing '/' in ${}");
        throw e;
      }
      try {
        replacement = this.processStopOn('}', true);
      } catch (e) {
        if (this.sc.peek() === undefined) throw new ShellWordError("syntax error: missing '}'");
        throw e;
      }
      const [value] = this.getEnv(name);
      const re = shellPatternToRegex(pattern, true, false, all);
      if (all) return value.replace(re, () => replacement);
      return value.replace(re, () => replacement);
    }
    throw new ShellWordError(`unsupported modifier (${chs}) in substitution`);
  }

  private processStopOnSafe(): void {
    try {
      this.processStopOn('}', false);
    } catch {
      /* the modifier error is what matters */
    }
  }
}

function shellPatternToRegex(pattern: string, greedy: boolean, anchored: boolean, global = false, suffix = false): RegExp {
  let out = anchored && !suffix ? '^' : '';
  const star = greedy ? '.*' : '.*?';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const t = chars[i]!;
    if (t === '*') out += star;
    else if (t === '?') out += '.';
    else if (t === '\\') {
      const n = chars[i + 1];
      if (n === '}' || n === '/') continue;
      if (n !== '*' && n !== '?' && n !== '\\') throw new ShellWordError(`invalid escape '\\${n ?? ''}'`);
      out += '\\' + n;
      i++;
    } else if ('[]{}.+()|^$'.includes(t)) out += '\\' + t;
    else out += t;
  }
  if (suffix) out += '$';
  return new RegExp(out, global ? 'gs' : 's');
}

function trimPrefix(word: string, value: string, greedy: boolean): string {
  const m = shellPatternToRegex(word, greedy, true).exec(value);
  return m ? value.slice(m.index + m[0].length) : value;
}

function trimSuffix(word: string, value: string, greedy: boolean): string {
  // Shortest (non-greedy) suffix: try suffixes from the end; longest: from the start.
  const re = shellPatternToRegex(word, true, true, false, false);
  const anchoredFull = new RegExp(`^(?:${re.source.slice(1)})$`, 's');
  if (greedy) {
    for (let i = 0; i <= value.length; i++) if (anchoredFull.test(value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = value.length; i >= 0; i--) if (anchoredFull.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** Expands `word` with `env` as BuildKit's `Lex.ProcessWord` does. Throws ShellWordError on syntax errors. */
export function processWord(word: string, env: ReadonlyMap<string, string> | Readonly<Record<string, string>>, escapeToken = '\\'): string {
  const map = env instanceof Map ? env : new Map(Object.entries(env));
  return new Word(word, map, escapeToken).run();
}
