// A small POSIX-shell subset that decides what a simulated container does: echo/printf write
// log lines, sleep takes (simulated) time, exit N ends it, unknown programs run forever as
// servers. Runs as a generator so the kubelet can advance it on its own clock.
// Owns: parsing and running a command line. No timers, no I/O besides the given context.

export interface ShellCtx {
  env: Map<string, string>;
  files: Map<string, string>;
  out: (line: string) => void;
  /** Set when a program that listens on the network (a server) runs. */
  listening: boolean;
  /** A trap on TERM was installed. */
  trapsTerm: boolean;
}

/** Yielded to the kubelet: sleep this many seconds (Infinity = run until killed). */
export interface Sleep { sleep: number }

class Exit { constructor(public code: number) {} }

type Word = { parts: { text: string; quoted: boolean; expand: boolean }[] };
type Node =
  | { k: 'cmd'; words: Word[]; redirect?: { append: boolean; target: Word } }
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'seq'; list: Node[] }
  | { k: 'while'; until: boolean; cond: Node; body: Node }
  | { k: 'if'; cond: Node; then: Node; else?: Node }
  | { k: 'for'; name: string; items: Word[]; body: Node }
  | { k: 'not'; n: Node };

// --- lexer -------------------------------------------------------------------

type Tok = { t: 'word'; w: Word } | { t: 'op'; v: string };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n' || c === ';') { toks.push({ t: 'op', v: ';' }); i++; continue; }
    if (src.startsWith('&&', i) || src.startsWith('||', i) || src.startsWith('>>', i)) { toks.push({ t: 'op', v: src.slice(i, i + 2) }); i += 2; continue; }
    // fd duplication (>&2, 2>&1, 1>&2): stdout and stderr both go to the container log
    const dup = /^[0-9]?>&[0-9]/.exec(src.slice(i, i + 4));
    if (dup) { i += dup[0].length; continue; }
    if (/[0-9]/.test(c) && src[i + 1] === '>' && (i === 0 || ' \t;&|'.includes(src[i - 1]!))) {
      // N> file: stderr (2) to a file is dropped from the log; 1> is a plain redirect
      i += 2;
      toks.push({ t: 'op', v: c === '1' ? '>' : '2>' });
      continue;
    }
    if (c === '|' || c === '>' || c === '&' || c === '<') { toks.push({ t: 'op', v: c }); i++; continue; }
    const w: Word = { parts: [] };
    while (i < src.length && !' \t\n;&|<>'.includes(src[i]!)) {
      const ch = src[i]!;
      if (ch === "'") {
        const end = src.indexOf("'", i + 1);
        const e = end < 0 ? src.length : end;
        w.parts.push({ text: src.slice(i + 1, e), quoted: true, expand: false });
        i = e + 1;
      } else if (ch === '"') {
        let s = '';
        i++;
        while (i < src.length && src[i] !== '"') {
          if (src[i] === '\\' && i + 1 < src.length && '"\\$`'.includes(src[i + 1]!)) { s += src[i + 1]; i += 2; continue; }
          s += src[i++];
        }
        i++;
        w.parts.push({ text: s, quoted: true, expand: true });
      } else if (ch === '\\') {
        w.parts.push({ text: src[i + 1] ?? '', quoted: true, expand: false });
        i += 2;
      } else {
        let s = '';
        while (i < src.length && !' \t\n;&|<>\'"\\'.includes(src[i]!)) s += src[i++];
        w.parts.push({ text: s, quoted: false, expand: true });
      }
    }
    toks.push({ t: 'word', w });
  }
  return toks;
}

// --- parser ------------------------------------------------------------------

function raw(w: Word): string {
  return w.parts.map((p) => p.text).join('');
}

class Parser {
  i = 0;
  constructor(private toks: Tok[]) {}
  peekWord(): string | undefined {
    const t = this.toks[this.i];
    return t?.t === 'word' && t.w.parts.every((p) => !p.quoted) ? raw(t.w) : undefined;
  }
  isOp(v: string): boolean {
    const t = this.toks[this.i];
    return t?.t === 'op' && t.v === v;
  }
  skipSeps(): void { while (this.isOp(';') || this.isOp('&')) this.i++; }
  list(stop: string[]): Node {
    const items: Node[] = [];
    this.skipSeps();
    while (this.i < this.toks.length) {
      const w = this.peekWord();
      if (w !== undefined && stop.includes(w)) break;
      items.push(this.andOr(stop));
      this.skipSeps();
    }
    return { k: 'seq', list: items };
  }
  andOr(stop: string[]): Node {
    let n = this.pipeline(stop);
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.toks[this.i++] as { v: string }).v;
      this.skipNewlines();
      const b = this.pipeline(stop);
      n = { k: op === '&&' ? 'and' : 'or', a: n, b };
    }
    return n;
  }
  skipNewlines(): void { while (this.isOp(';')) this.i++; }
  pipeline(stop: string[]): Node {
    let neg = false;
    if (this.peekWord() === '!') { neg = true; this.i++; }
    const cmds: Node[] = [this.command(stop)];
    while (this.isOp('|')) { this.i++; cmds.push(this.command(stop)); }
    const n: Node = cmds.length === 1 ? cmds[0]! : { k: 'seq', list: cmds };
    return neg ? { k: 'not', n } : n;
  }
  expect(word: string): void {
    this.skipSeps();
    if (this.peekWord() !== word) throw new Error(`syntax error: expected ${word}`);
    this.i++;
  }
  command(stop: string[]): Node {
    const w = this.peekWord();
    if (w === 'while' || w === 'until') {
      this.i++;
      const cond = this.list(['do']);
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { k: 'while', until: w === 'until', cond, body };
    }
    if (w === 'if') {
      this.i++;
      const cond = this.list(['then']);
      this.expect('then');
      const then = this.list(['else', 'elif', 'fi']);
      let els: Node | undefined;
      if (this.peekWord() === 'elif') {
        (this.toks[this.i] as { w: Word }).w = { parts: [{ text: 'if', quoted: false, expand: false }] };
        els = this.command(stop);
        return { k: 'if', cond, then, else: els };
      }
      if (this.peekWord() === 'else') { this.i++; els = this.list(['fi']); }
      this.expect('fi');
      return { k: 'if', cond, then, else: els };
    }
    if (w === 'for') {
      this.i++;
      const name = this.peekWord() ?? '';
      this.i++;
      const items: Word[] = [];
      if (this.peekWord() === 'in') {
        this.i++;
        while (this.toks[this.i]?.t === 'word') items.push((this.toks[this.i++] as { w: Word }).w);
      }
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { k: 'for', name, items, body };
    }
    const words: Word[] = [];
    let redirect: { append: boolean; target: Word } | undefined;
    while (this.i < this.toks.length) {
      const t = this.toks[this.i]!;
      if (t.t === 'op') {
        if (t.v === '>' || t.v === '>>') {
          this.i++;
          const target = this.toks[this.i++];
          if (target?.t === 'word') redirect = { append: t.v === '>>', target: target.w };
          continue;
        }
        if (t.v === '2>' || t.v === '<') { this.i += 2; continue; }
        break;
      }
      if (words.length === 0 && stop.includes(raw(t.w))) break;
      if (words.length === 0 && ['do', 'done', 'then', 'fi', 'else'].includes(raw(t.w))) break;
      words.push(t.w);
      this.i++;
    }
    return { k: 'cmd', words, redirect };
  }
}

export function parseScript(src: string): Node {
  const p = new Parser(lex(src));
  const n = p.list([]);
  return n;
}

// --- expansion -----------------------------------------------------------------

function expandText(s: string, env: Map<string, string>, lastExit: number): string {
  return s.replace(/\$(\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*)|\?|\$)/g, (_m, _a, braced, _d, dflt, plain) => {
    if (_m === '$?') return String(lastExit);
    if (_m === '$$') return '1';
    const name = braced ?? plain;
    const v = env.get(name);
    if ((v === undefined || v === '') && dflt !== undefined) return dflt;
    return v ?? '';
  });
}

function expandWords(words: Word[], env: Map<string, string>, lastExit: number): string[] {
  const out: string[] = [];
  for (const w of words) {
    let cur = '';
    let hasQuoted = false;
    const fields: string[] = [];
    for (const p of w.parts) {
      const text = p.expand ? expandText(p.text, env, lastExit) : p.text;
      if (p.quoted) { cur += text; hasQuoted = true; continue; }
      const split = text.split(/[ \t\n]+/);
      split.forEach((s, idx) => {
        if (idx > 0) { if (cur || hasQuoted) fields.push(cur); cur = ''; hasQuoted = false; }
        cur += s;
      });
    }
    if (cur || hasQuoted) fields.push(cur);
    out.push(...fields);
  }
  return out;
}

// --- execution -----------------------------------------------------------------

export function parseDuration(s: string): number {
  if (s === 'infinity' || s === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(s);
  if (!m) return NaN;
  const n = Number(m[1]);
  return n * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]!;
}

const SERVERS_LISTENING = new Set(['httpd', 'nginx', 'node', 'python', 'python3', 'java', 'caddy', 'redis-server', 'postgres', 'apache2']);

function* runNode(n: Node, ctx: ShellCtx, st: { last: number }): Generator<Sleep, number> {
  switch (n.k) {
    case 'seq':
      for (const x of n.list) st.last = yield* runNode(x, ctx, st);
      return st.last;
    case 'and': {
      const a = yield* runNode(n.a, ctx, st);
      st.last = a;
      if (a !== 0) return a;
      return (st.last = yield* runNode(n.b, ctx, st));
    }
    case 'or': {
      const a = yield* runNode(n.a, ctx, st);
      st.last = a;
      if (a === 0) return 0;
      return (st.last = yield* runNode(n.b, ctx, st));
    }
    case 'not': {
      const r = yield* runNode(n.n, ctx, st);
      return (st.last = r === 0 ? 1 : 0);
    }
    case 'while': {
      let guard = 0;
      while (true) {
        const c = yield* runNode(n.cond, ctx, st);
        if ((c === 0) === n.until) break;
        const before = guard;
        yield* runNode(n.body, ctx, st);
        guard++;
        // a busy loop without sleeping would never yield: give it simulated time
        if (before === guard - 1 && guard % 1000 === 0) yield { sleep: 1 };
      }
      return 0;
    }
    case 'if': {
      const c = yield* runNode(n.cond, ctx, st);
      if (c === 0) return yield* runNode(n.then, ctx, st);
      if (n.else) return yield* runNode(n.else, ctx, st);
      return 0;
    }
    case 'for': {
      const items = expandWords(n.items, ctx.env, st.last);
      for (const it of items) {
        ctx.env.set(n.name, it);
        yield* runNode(n.body, ctx, st);
      }
      return 0;
    }
    case 'cmd': {
      let argv = expandWords(n.words, ctx.env, st.last);
      // leading assignments
      while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!)) {
        const a = argv.shift()!;
        const eq = a.indexOf('=');
        ctx.env.set(a.slice(0, eq), a.slice(eq + 1));
      }
      if (argv.length === 0) return 0;
      let captured: string[] | undefined;
      const out = n.redirect ? (captured = [], (l: string) => captured!.push(l)) : ctx.out;
      const code = yield* runCommand(argv, { ...ctx, out } as ShellCtx, ctx, st);
      if (n.redirect && captured) {
        const target = expandWords([n.redirect.target], ctx.env, st.last)[0] ?? '';
        if (target !== '/dev/null' && target !== '/dev/stderr' && target !== '/dev/stdout') {
          const prev = n.redirect.append ? ctx.files.get(target) ?? '' : '';
          ctx.files.set(target, prev + captured.map((l) => l + '\n').join(''));
        } else if (target !== '/dev/null') for (const l of captured) ctx.out(l);
      }
      return (st.last = code);
    }
  }
}

function* runCommand(argv: string[], io: ShellCtx, ctx: ShellCtx, st: { last: number }): Generator<Sleep, number> {
  const name = argv[0]!.split('/').pop()!;
  const args = argv.slice(1);
  switch (name) {
    case 'echo': {
      let a = args;
      let nl = true;
      let esc = false;
      while (a[0] && /^-[neE]+$/.test(a[0])) { if (a[0].includes('n')) nl = false; if (a[0].includes('e')) esc = true; a = a.slice(1); }
      let text = a.join(' ');
      if (esc) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      for (const l of (nl ? text : text).split('\n')) io.out(l);
      return 0;
    }
    case 'printf': {
      const fmt = args[0] ?? '';
      let k = 1;
      const text = fmt.replace(/%[sd]|\\n|\\t|%%/g, (m) => (m === '\\n' ? '\n' : m === '\\t' ? '\t' : m === '%%' ? '%' : args[k++] ?? ''));
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const l of lines) io.out(l);
      return 0;
    }
    case 'sleep': {
      const d = args.reduce((s, a) => s + parseDuration(a), 0);
      if (Number.isNaN(d)) { io.out(`sleep: invalid number '${args[0] ?? ''}'`); return 1; }
      yield { sleep: d };
      return 0;
    }
    case 'exit':
      throw new Exit(args[0] !== undefined ? Number(args[0]) & 255 : st.last);
    case 'true': case ':': case 'mkdir': case 'wait': case 'chmod': case 'set': case 'ulimit': case 'cd':
      return 0;
    case 'false':
      return 1;
    case 'trap':
      if (args.some((a) => /TERM|INT|15/.test(a))) ctx.trapsTerm = true;
      return 0;
    case 'export':
      for (const a of args) { const eq = a.indexOf('='); if (eq > 0) ctx.env.set(a.slice(0, eq), a.slice(eq + 1)); }
      return 0;
    case 'env': case 'printenv':
      if (name === 'printenv' && args[0]) { const v = ctx.env.get(args[0]); if (v === undefined) return 1; io.out(v); return 0; }
      for (const [k, v] of ctx.env) io.out(`${k}=${v}`);
      return 0;
    case 'date':
      io.out(new Date().toUTCString());
      return 0;
    case 'hostname':
      io.out(ctx.env.get('HOSTNAME') ?? 'localhost');
      return 0;
    case 'touch':
      for (const f of args) if (!ctx.files.has(f)) ctx.files.set(f, '');
      return 0;
    case 'rm':
      for (const f of args.filter((a) => !a.startsWith('-'))) ctx.files.delete(f);
      return 0;
    case 'cat': {
      let code = 0;
      for (const f of args) {
        const c = ctx.files.get(f);
        if (c === undefined) { io.out(`cat: can't open '${f}': No such file or directory`); code = 1; continue; }
        for (const l of c.replace(/\n$/, '').split('\n')) if (c.length) io.out(l);
      }
      return code;
    }
    case 'test': case '[': {
      const a = name === '[' ? args.slice(0, -1) : args;
      return evalTest(a, ctx) ? 0 : 1;
    }
    case 'sh': case 'bash': case 'ash': {
      const ci = args.indexOf('-c');
      if (ci >= 0 && args[ci + 1] !== undefined) return yield* runNode(parseScript(args[ci + 1]!), ctx, { last: 0 });
      return 0;
    }
    case 'exec':
      if (args.length === 0) return 0;
      { const code = yield* runCommand(args, io, ctx, st); throw new Exit(code); }
    case 'nc':
      if (args.includes('-l') || args.includes('-lk')) { ctx.listening = true; yield { sleep: Infinity }; }
      return 1;
    case 'tail':
      if (args.includes('-f')) { yield { sleep: Infinity }; }
      return 0;
    default:
      // An unknown program is a long-running server that listens on its ports.
      ctx.listening = SERVERS_LISTENING.has(name) || true;
      yield { sleep: Infinity };
      return 0;
  }
}

function evalTest(a: string[], ctx: ShellCtx): boolean {
  if (a[0] === '!') return !evalTest(a.slice(1), ctx);
  if (a.length === 2) {
    if (a[0] === '-f' || a[0] === '-e' || a[0] === '-s' || a[0] === '-r') return ctx.files.has(a[1]!) && (a[0] !== '-s' || (ctx.files.get(a[1]!) ?? '').length > 0);
    if (a[0] === '-z') return a[1] === '';
    if (a[0] === '-n') return a[1] !== '';
    if (a[0] === '-d') return a[1] === '/' || a[1] === '/tmp';
  }
  if (a.length === 3) {
    const [x, op, y] = a as [string, string, string];
    switch (op) {
      case '=': case '==': return x === y;
      case '!=': return x !== y;
      case '-eq': return Number(x) === Number(y);
      case '-ne': return Number(x) !== Number(y);
      case '-gt': return Number(x) > Number(y);
      case '-lt': return Number(x) < Number(y);
      case '-ge': return Number(x) >= Number(y);
      case '-le': return Number(x) <= Number(y);
    }
  }
  if (a.length === 1) return a[0] !== '';
  return false;
}

/** Runs argv (already split as the container's command+args) to completion; the return is the exit code. */
export function* runProgram(argv: string[], ctx: ShellCtx): Generator<Sleep, number> {
  try {
    if (argv.length === 0) { ctx.listening = true; yield { sleep: Infinity }; return 0; }
    return yield* runCommand(argv, ctx, ctx, { last: 0 });
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof Error && e.message.startsWith('syntax error')) { ctx.out(`sh: ${e.message}`); return 2; }
    throw e;
  }
}

/** Runs a probe/exec command synchronously (no simulated time may pass). Returns exit code and output. */
export function runSync(argv: string[], ctx: ShellCtx): { code: number; output: string[] } {
  const output: string[] = [];
  const probeCtx: ShellCtx = { ...ctx, env: new Map(ctx.env), out: (l) => output.push(l) };
  const g = runProgram(argv, probeCtx);
  let r = g.next();
  let steps = 0;
  while (!r.done) {
    if (++steps > 100 || r.value.sleep === Infinity) return { code: -1, output };
    r = g.next();
  }
  return { code: r.value, output };
}
