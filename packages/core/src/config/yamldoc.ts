// The YAML layer of werf.yaml: werf's document splitter, parsing each
// document with positions, mapping positions in the rendered text back to the
// file the user wrote, and a small strict reader (unknown keys are errors).
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isAlias, type Node, type Document, type Pair, type Scalar } from 'yaml';
import { WerfActionError } from '../errors/index.js';
import type { SourcePos } from './types.js';

export interface RawDoc {
  /** Text of the document. */
  content: string;
  /** 0-based line of the document's first line in the rendered text. */
  startLine: number;
}

/**
 * werf's splitter (pkg/config/parser.go splitContent): a line made of `---`
 * optionally followed by spaces/tabs and a `#comment` separates documents;
 * documents that are empty or only comments are dropped.
 */
export function splitDocs(text: string): RawDoc[] {
  const out: RawDoc[] = [];
  const lines = text.split('\n');
  let cur: string[] = [];
  let start = 0;
  const flush = (nextStart: number) => {
    const content = cur.join('\n');
    if (!isEmptyDoc(content)) out.push({ content: cur.length ? content + '\n' : content, startLine: start });
    cur = [];
    start = nextStart;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^---[ \t\r]*(#.*)?$/.test(line) && (i < lines.length - 1 || line.length > 0)) {
      flush(i + 1);
      continue;
    }
    if (i === lines.length - 1 && line === '') break; // trailing newline
    cur.push(line);
  }
  flush(lines.length);
  return out;
}

function isEmptyDoc(content: string): boolean {
  for (const line of content.split('\n')) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('#')) return false;
  }
  return true;
}

/** Where a line of the rendered text came from. */
export interface PositionMapper {
  /** 1-based rendered line/column to a position in a source file. */
  map(line: number, column: number): { pos: SourcePos; exact: boolean };
  /** The rendered line (for excerpts). */
  renderedLine(line: number): string;
}

/**
 * Maps rendered lines to source lines by aligning identical lines in order
 * (template-free lines survive rendering unchanged). Lines produced by
 * template actions map to the closest aligned line before them, inexactly.
 */
export function createPositionMapper(file: string, source: string, rendered: string, partials: { file: string; source: string }[] = []): PositionMapper {
  const src = source.split('\n');
  const out = rendered.split('\n');
  const exact = new Int32Array(out.length).fill(-1);
  // lines of the templates-dir partials that occur exactly once across them
  const partialLine = new Map<string, { file: string; line: number } | null>();
  for (const p of partials) {
    p.source.split('\n').forEach((l, i) => {
      if (l.includes('{{') || l.includes('}}') || l.trim() === '') return;
      partialLine.set(l, partialLine.has(l) ? null : { file: p.file, line: i + 1 });
    });
  }
  if (source === rendered) {
    for (let i = 0; i < out.length; i++) exact[i] = i;
  } else {
    // index source lines without template actions by content
    const where = new Map<string, number[]>();
    src.forEach((l, i) => {
      if (l.includes('{{') || l.includes('}}') || l.trim() === '') return;
      const list = where.get(l);
      if (list) list.push(i);
      else where.set(l, [i]);
    });
    let s = 0;
    for (let i = 0; i < out.length; i++) {
      const cands = where.get(out[i]!);
      if (!cands) continue;
      const next = cands.find((c) => c >= s);
      if (next === undefined) continue;
      exact[i] = next;
      s = next + 1;
    }
  }
  return {
    map(line, column) {
      const i = line - 1;
      if (i >= 0 && i < out.length && exact[i]! >= 0) return { pos: { file, line: exact[i]! + 1, column }, exact: true };
      const fromPartial = i >= 0 && i < out.length ? partialLine.get(out[i]!) : undefined;
      if (fromPartial) return { pos: { file: fromPartial.file, line: fromPartial.line, column }, exact: true };
      // a generated line most likely comes from the source line after the
      // last line that survived rendering (the template action producing it)
      for (let j = Math.min(i, out.length - 1); j >= 0; j--) {
        if (exact[j]! >= 0) return { pos: { file, line: Math.min(exact[j]! + 2, src.length), column: 1 }, exact: false };
      }
      return { pos: { file, line: 1, column: 1 }, exact: false };
    },
    renderedLine(line) {
      return out[line - 1] ?? '';
    },
  };
}

/** One parsed document with what it needs to report errors. */
export class YamlDoc {
  readonly doc: Document.Parsed;
  readonly raw: RawDoc;
  private readonly lc: LineCounter;
  private readonly mapper: PositionMapper;

  constructor(raw: RawDoc, mapper: PositionMapper) {
    this.raw = raw;
    this.mapper = mapper;
    this.lc = new LineCounter();
    this.doc = parseDocument(raw.content, { lineCounter: this.lc, version: '1.1', uniqueKeys: true, prettyErrors: true, merge: true });
    const e = this.doc.errors[0];
    if (e) {
      let [line, col] = e.linePos ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
      const lastLine = raw.content.replace(/\n$/, '').split('\n').length;
      if (line > lastLine) [line, col] = [lastLine, 1]; // "at the end of input": point at the last line
      const msg = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').replace(/:\s*$/, '');
      throw this.errorAt(line, col, `YAML syntax error: ${msg}`, 'config.yaml-syntax');
    }
  }

  get root(): Node | null {
    return (this.doc.contents as Node | null) ?? null;
  }

  /** Source position of a node (its first character). */
  pos(node: Node | null | undefined): SourcePos {
    const off = node?.range?.[0] ?? 0;
    const lp = this.lc.linePos(off);
    return this.mapper.map(lp.line + this.raw.startLine, lp.col).pos;
  }

  /** A user error at `node`; shows the rendered line when the position is approximate. */
  error(node: Node | null | undefined, message: string, code: string, hint?: string): WerfActionError {
    const off = node?.range?.[0] ?? 0;
    const lp = this.lc.linePos(off);
    return this.errorAt(lp.line, lp.col, message, code, hint);
  }

  private errorAt(docLine: number, col: number, message: string, code: string, hint?: string): WerfActionError {
    const line = docLine + this.raw.startLine;
    const m = this.mapper.map(line, col);
    const text = m.exact ? message : `${message} (rendered werf.yaml line ${line}: ${JSON.stringify(this.mapper.renderedLine(line).trim())})`;
    return new WerfActionError(text, { code, location: { ...m.pos }, ...(hint ? { hint } : {}) });
  }
}

export type Kind = 'map' | 'list' | 'string' | 'bool' | 'int' | 'null';

/** Strict reader over a YAML node. `path` is the dotted key path used in messages. */
export class R {
  constructor(readonly d: YamlDoc, readonly node: Node | null, readonly path: string, readonly keyNode: Node | null = null) {}

  /** An error at the key of this value (e.g. for a forbidden key). */
  keyErr(message: string, code = 'config.invalid-value', hint?: string): WerfActionError {
    return this.d.error(this.keyNode ?? this.node, message, code, hint);
  }

  static root(d: YamlDoc): R {
    return new R(d, d.root, '');
  }

  get pos(): SourcePos {
    return this.d.pos(this.node);
  }

  isNull(): boolean {
    return this.node === null || (isScalar(this.node) && this.node.value === null);
  }

  kind(): Kind {
    const n = this.node;
    if (n === null) return 'null';
    if (isMap(n)) return 'map';
    if (isSeq(n)) return 'list';
    if (isScalar(n)) {
      if (n.value === null) return 'null';
      if (typeof n.value === 'boolean') return 'bool';
      if (typeof n.value === 'number' && Number.isInteger(n.value)) return 'int';
      return 'string';
    }
    return 'null';
  }

  err(message: string, code = 'config.invalid-value', hint?: string): WerfActionError {
    return this.d.error(this.node, message, code, hint);
  }

  private where(): string {
    return this.path ? `\`${this.path}\`` : 'the document';
  }

  typeErr(expected: string): WerfActionError {
    const got = this.kind() === 'list' ? 'a list' : this.kind() === 'map' ? 'a map' : this.kind() === 'null' ? 'nothing' : `${describeScalar(this.node as Scalar)}`;
    return this.err(`${this.where()} must be ${expected}, got ${got}`, 'config.type');
  }

  /**
   * The entries of a map; keys not in `allowed` are errors (werf's strict
   * unmarshal). `allowed` may be undefined for free-form maps.
   */
  map(allowed?: readonly string[], hintFor?: (key: string) => string | undefined): Map<string, R> {
    const out = new Map<string, R>();
    if (this.isNull()) return out;
    if (!isMap(this.node)) throw this.typeErr('a map');
    for (const item of this.node.items as Pair<Node, Node | null>[]) {
      const k = item.key;
      const key = isScalar(k) ? String(k.value) : '';
      const childPath = this.path ? `${this.path}.${key}` : key;
      if (allowed && !allowed.includes(key)) {
        const hint = hintFor?.(key) ?? `expected one of: ${allowed.join(', ')}`;
        const suggestion = closest(key, allowed);
        throw this.d.error(k, `unknown key \`${childPath}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`, 'config.unknown-key', hint);
      }
      let v = item.value ?? null;
      if (v && isAlias(v)) v = v.resolve(this.d.doc) as Node;
      out.set(key, new R(this.d, v, childPath, k));
    }
    return out;
  }

  list(): R[] {
    if (this.isNull()) return [];
    if (!isSeq(this.node)) throw this.typeErr('a list');
    return (this.node.items as (Node | null)[]).map((n, i) => new R(this.d, n && isAlias(n) ? (n.resolve(this.d.doc) as Node) : n, `${this.path}[${i}]`));
  }

  /** A scalar as a string (numbers and booleans keep their written form, as yaml.v2 does for string fields). */
  str(): string {
    const n = this.node;
    if (!isScalar(n) || n.value === null) throw this.typeErr('a string');
    if (typeof n.value === 'string') return n.value;
    return n.source ?? String(n.value);
  }

  optStr(): string | undefined {
    return this.isNull() ? undefined : this.str();
  }

  bool(): boolean {
    const n = this.node;
    if (!isScalar(n) || typeof n.value !== 'boolean') throw this.typeErr('a boolean (true or false)');
    return n.value;
  }

  int(): number {
    const n = this.node;
    if (!isScalar(n) || typeof n.value !== 'number' || !Number.isInteger(n.value)) throw this.typeErr('an integer');
    return n.value;
  }

  /** A list of strings, or (for werf's `interface{}` fields) a single string. */
  strList(opts: { single?: boolean } = {}): string[] {
    if (this.isNull()) return [];
    if (opts.single && isScalar(this.node)) return [this.str()];
    if (!isSeq(this.node)) throw this.typeErr(opts.single ? 'a string or a list of strings' : 'a list of strings');
    return this.list().map((r) => r.str());
  }

  /** A map of string to string (values may be any scalar). */
  strMap(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.map()) out[k] = v.isNull() ? '' : v.str();
    return out;
  }
}

function describeScalar(n: Scalar): string {
  if (typeof n.value === 'boolean') return `the boolean ${n.source ?? String(n.value)}`;
  if (typeof n.value === 'number') return `the number ${n.source ?? String(n.value)}`;
  return `the string ${JSON.stringify(String(n.value))}`;
}

/** The allowed key within edit distance 2 of `key` (for "did you mean"). */
function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const a of allowed) {
    const d = editDistance(key.toLowerCase(), a.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
