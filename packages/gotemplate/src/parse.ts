// Lexer and parser: a port of Go 1.19's text/template/parse (lex.go, parse.go, node.go),
// with the same tokens, trees and error messages (`template: NAME:LINE: ...`).
import { quoteGo } from './fmt.js';
import { fromBytes } from './values.js';

export const enum T {
  Error, Bool, Char, CharConstant, Comment, Complex, Assign, Declare, EOF, Field, Identifier,
  LeftDelim, LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
  Keyword, Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
}

const KEY: Record<string, T> = {
  '.': T.Dot, block: T.Block, break: T.Break, continue: T.Continue, define: T.Define, else: T.Else,
  end: T.End, if: T.If, range: T.Range, nil: T.Nil, template: T.Template, with: T.With,
};

export interface Item { t: T; pos: number; val: string; line: number }

function isSpace(c: string): boolean { return c === ' ' || c === '\t' || c === '\r' || c === '\n'; }
function isAlphaNumeric(c: string): boolean {
  if (c === '_') return true;
  const code = c.charCodeAt(0);
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 128) return false;
  return /[\p{L}\p{Nd}]/u.test(c);
}
function goU(c: string): string {
  // %#U
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const printable = cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
  return printable ? `U+${hex} '${c}'` : `U+${hex}`;
}

/** Tokenizes a whole template (Go runs the lexer as a goroutine; the token stream is the same). */
export function lex(input: string, left = '{{', right = '}}', breakOK = true, continueOK = true): Item[] {
  const items: Item[] = [];
  let pos = 0, start = 0, parenDepth = 0;
  let line = 1, startLine = 1;  // startLine: line at `start`
  const rFirst = right[0];
  const emit = (t: T): void => {
    items.push({ t, pos: start, val: input.slice(start, pos), line: startLine });
    startLine += countNL(input, start, pos);
    start = pos;
  };
  const ignore = (): void => { startLine += countNL(input, start, pos); start = pos; };
  const errorf = (msg: string): false => { items.push({ t: T.Error, pos: start, val: msg, line: startLine }); return false; };
  const peek = (): string => {
    if (pos >= input.length) return '';
    const c = input.charCodeAt(pos);
    return c < 0xd800 || c > 0xdbff ? input[pos] : String.fromCodePoint(input.codePointAt(pos)!);
  };
  const next = (): string => { const c = peek(); pos += c.length; return c; };
  const hasLeftTrim = (p: number): boolean => input[p] === '-' && p + 1 < input.length && isSpace(input[p + 1]);
  const hasRightTrim = (p: number): boolean => p + 1 < input.length && isSpace(input[p]) && input[p + 1] === '-';
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrim(pos) && input.startsWith(right, pos + 2)) return [true, true];
    if (input.startsWith(right, pos)) return [true, false];
    return [false, false];
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === '' || isSpace(r)) return true;
    switch (r) { case '.': case ',': case '|': case ':': case ')': case '(': return true; }
    return r === rFirst;
  };
  const leftTrimLen = (p: number): number => { let q = p; while (q < input.length && isSpace(input[q])) q++; return q - p; };
  void line;

  // state machine
  let state: 'text' | 'action' = 'text';
  for (;;) {
    if (state === 'text') {
      const x = input.indexOf(left, pos);
      if (x >= 0) {
        pos = x;
        let trim = 0;
        if (hasLeftTrim(x + left.length)) {
          let q = x;
          while (q > start && isSpace(input[q - 1])) q--;
          trim = x - q;
        }
        pos -= trim;
        if (pos > start) emit(T.Text);
        pos += trim;
        ignore();
        // lexLeftDelim
        pos += left.length;
        const trimSpace = hasLeftTrim(pos);
        const after = trimSpace ? 2 : 0;
        if (input.startsWith('/*', pos + after)) {
          pos += after;
          ignore();
          // lexComment
          pos += 2;
          const e = input.indexOf('*/', pos);
          if (e < 0) { errorf('unclosed comment'); break; }
          pos = e + 2;
          const [delim, ts] = atRightDelim();
          if (!delim) { errorf('comment ends before closing delimiter'); break; }
          emit(T.Comment);
          if (ts) pos += 2;
          pos += right.length;
          if (ts) pos += leftTrimLen(pos);
          ignore();
          continue;
        }
        emit(T.LeftDelim);
        pos += after;
        ignore();
        parenDepth = 0;
        state = 'action';
        continue;
      }
      pos = input.length;
      if (pos > start) emit(T.Text);
      emit(T.EOF);
      break;
    }
    // inside action
    const [delim, trimSpace] = atRightDelim();
    if (delim) {
      if (parenDepth === 0) {
        if (trimSpace) { pos += 2; ignore(); }
        pos += right.length;
        emit(T.RightDelim);
        if (trimSpace) { pos += leftTrimLen(pos); ignore(); }
        state = 'text';
        continue;
      }
      errorf('unclosed left paren');
      break;
    }
    const r = next();
    if (r === '') { errorf('unclosed action'); break; }
    if (isSpace(r)) {
      pos -= 1;
      // lexSpace
      let num = 0;
      while (pos < input.length && isSpace(input[pos])) { pos++; num++; }
      if (hasRightTrim(pos - 1) && input.startsWith(right, pos - 1 + 2)) {
        pos--;
        if (num === 1) continue;
      }
      emit(T.Space);
      continue;
    }
    if (r === '=') { emit(T.Assign); continue; }
    if (r === ':') {
      if (next() !== '=') { errorf('expected :='); break; }
      emit(T.Declare); continue;
    }
    if (r === '|') { emit(T.Pipe); continue; }
    if (r === '"') {
      let ok = true;
      for (;;) {
        const c = next();
        if (c === '\\') { const d = next(); if (d !== '' && d !== '\n') continue; ok = false; break; }
        if (c === '' || c === '\n') { ok = false; break; }
        if (c === '"') break;
      }
      if (!ok) { errorf('unterminated quoted string'); break; }
      emit(T.String); continue;
    }
    if (r === '`') {
      const e = input.indexOf('`', pos);
      if (e < 0) { errorf('unterminated raw quoted string'); break; }
      pos = e + 1;
      emit(T.RawString); continue;
    }
    if (r === '$') {
      if (atTerminator()) { emit(T.Variable); continue; }
      if (!lexFieldOrVar(T.Variable)) break;
      continue;
    }
    if (r === "'") {
      let ok = true;
      for (;;) {
        const c = next();
        if (c === '\\') { const d = next(); if (d !== '' && d !== '\n') continue; ok = false; break; }
        if (c === '' || c === '\n') { ok = false; break; }
        if (c === "'") break;
      }
      if (!ok) { errorf('unterminated character constant'); break; }
      emit(T.CharConstant); continue;
    }
    if (r === '.') {
      if (pos < input.length) {
        const c = input[pos];
        if (c < '0' || c > '9') {
          if (atTerminator()) { emit(T.Dot); continue; }
          if (!lexFieldOrVar(T.Field)) break;
          continue;
        }
      }
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      pos -= 1;
      if (!scanNumber()) { errorf(`bad number syntax: ${quoteGo(input.slice(start, pos))}`); break; }
      const sign = peek();
      if (sign === '+' || sign === '-') {
        if (!scanNumber() || input[pos - 1] !== 'i') { errorf(`bad number syntax: ${quoteGo(input.slice(start, pos))}`); break; }
        emit(T.Complex);
      } else emit(T.Number);
      continue;
    }
    if (isAlphaNumeric(r)) {
      pos -= r.length;
      // lexIdentifier
      let c: string;
      for (;;) { c = next(); if (!isAlphaNumeric(c)) { pos -= c.length; break; } }
      const word = input.slice(start, pos);
      if (!atTerminator()) { errorf(`bad character ${goU(c)}`); break; }
      const k = KEY[word];
      if (k !== undefined && k > T.Keyword) {
        if ((k === T.Break && !breakOK) || (k === T.Continue && !continueOK)) emit(T.Identifier);
        else emit(k);
      } else if (word[0] === '.') emit(T.Field);
      else if (word === 'true' || word === 'false') emit(T.Bool);
      else emit(T.Identifier);
      continue;
    }
    if (r === '(') { emit(T.LeftParen); parenDepth++; continue; }
    if (r === ')') {
      emit(T.RightParen); parenDepth--;
      if (parenDepth < 0) { errorf(`unexpected right paren ${goU(r)}`); break; }
      continue;
    }
    if (r.charCodeAt(0) <= 0x7f && r >= ' ' && r !== '\x7f') { emit(T.Char); continue; }
    errorf(`unrecognized character in action: ${goU(r)}`);
    break;
  }
  return items;

  function lexFieldOrVar(t: T): boolean {
    if (atTerminator()) { emit(t === T.Variable ? T.Variable : T.Dot); return true; }
    let c: string;
    for (;;) { c = next(); if (!isAlphaNumeric(c)) { pos -= c.length; break; } }
    if (!atTerminator()) { errorf(`bad character ${goU(c)}`); return false; }
    emit(t);
    return true;
  }
  function accept(valid: string): boolean {
    if (pos < input.length && valid.includes(input[pos])) { pos++; return true; }
    return false;
  }
  function acceptRun(valid: string): void { while (pos < input.length && valid.includes(input[pos])) pos++; }
  function scanNumber(): boolean {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) { accept('+-'); acceptRun('0123456789_'); }
    if (digits.length === 23 && accept('pP')) { accept('+-'); acceptRun('0123456789_'); }
    accept('i');
    if (pos < input.length && isAlphaNumeric(peek())) { next(); return false; }
    return true;
  }
}

function countNL(s: string, a: number, b: number): number {
  let n = 0;
  const first = s.indexOf('\n', a);
  if (first < 0 || first >= b) return 0;
  for (let i = s.indexOf('\n', a); i >= 0 && i < b; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

// ---------------------------------------------------------------- nodes

export type Node =
  | TextNode | ActionNode | IfNode | RangeNode | WithNode | TemplateNode | ListNode | CommentNode
  | BreakNode | ContinueNode | PipeNode | CommandNode | FieldNode | VariableNode | ChainNode
  | IdentifierNode | DotNode | NilNode | BoolNode | NumberNode | StringNode | EndNode | ElseNode;

export interface TreeRef { name: string; parseName: string; text: string }

interface Base { pos: number; tree: TreeRef }
export interface TextNode extends Base { k: 'text'; text: string }
export interface CommentNode extends Base { k: 'comment'; text: string }
export interface ListNode extends Base { k: 'list'; nodes: Node[] }
export interface ActionNode extends Base { k: 'action'; line: number; pipe: PipeNode }
export interface BranchBase extends Base { line: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null }
export interface IfNode extends BranchBase { k: 'if' }
export interface RangeNode extends BranchBase { k: 'range' }
export interface WithNode extends BranchBase { k: 'with' }
export interface TemplateNode extends Base { k: 'template'; line: number; name: string; pipe: PipeNode | null }
export interface BreakNode extends Base { k: 'break'; line: number }
export interface ContinueNode extends Base { k: 'continue'; line: number }
export interface PipeNode extends Base { k: 'pipe'; line: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode extends Base { k: 'command'; args: Node[] }
export interface FieldNode extends Base { k: 'field'; ident: string[] }
export interface VariableNode extends Base { k: 'variable'; ident: string[] }
export interface ChainNode extends Base { k: 'chain'; node: Node; field: string[] }
export interface IdentifierNode extends Base { k: 'identifier'; ident: string }
export interface DotNode extends Base { k: 'dot' }
export interface NilNode extends Base { k: 'nil' }
export interface BoolNode extends Base { k: 'bool'; val: boolean }
export interface NumberNode extends Base {
  k: 'number'; text: string; isInt: boolean; isUint: boolean; isFloat: boolean; isComplex: boolean;
  int64: bigint; uint64: bigint; float64: number; complexRe?: number; complexIm?: number;
}
export interface StringNode extends Base { k: 'string'; quoted: string; text: string }
export interface EndNode extends Base { k: 'end' }
export interface ElseNode extends Base { k: 'else'; line: number }

export function nodeString(n: Node): string {
  switch (n.k) {
    case 'text': return n.text;
    case 'comment': return '{{' + n.text + '}}';
    case 'list': return n.nodes.map(nodeString).join('');
    case 'action': return '{{' + nodeString(n.pipe) + '}}';
    case 'if': case 'range': case 'with':
      return '{{' + n.k + ' ' + nodeString(n.pipe) + '}}' + nodeString(n.list) + (n.elseList ? '{{else}}' + nodeString(n.elseList) : '') + '{{end}}';
    case 'template': return '{{template ' + quoteGo(n.name) + (n.pipe ? ' ' + nodeString(n.pipe) : '') + '}}';
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'pipe': {
      let s = '';
      if (n.decl.length) s = n.decl.map(nodeString).join(', ') + ' := ';
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command': return n.args.map((a) => (a.k === 'pipe' ? '(' + nodeString(a) + ')' : nodeString(a))).join(' ');
    case 'field': return n.ident.map((i) => '.' + i).join('');
    case 'variable': return n.ident.join('.');
    case 'chain': return (n.node.k === 'pipe' ? '(' + nodeString(n.node) + ')' : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'identifier': return n.ident;
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return n.val ? 'true' : 'false';
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
  }
}

export class ParseError extends Error {
  constructor(message: string, readonly parseName: string, readonly line: number) { super(message); }
}

// ------------------------------------------------------------ Go literal helpers

/** strconv.Unquote for "..." and `...` tokens. */
export function unquote(s: string): string {
  if (s[0] === '`') {
    if (s.includes('\r')) return s.slice(1, -1).replace(/\r/g, '');
    return s.slice(1, -1);
  }
  const q = s[0];
  const body = s.slice(1, -1);
  if (!body.includes('\\')) {
    if (q === "'" && [...body].length !== 1) throw new Error('invalid syntax');
    return body;
  }
  let out = '';
  const bytes: number[] = [];
  const flush = (): void => { if (bytes.length) { out += fromBytes(Uint8Array.from(bytes)); bytes.length = 0; } };
  for (let i = 0; i < body.length;) {
    const c = body[i];
    if (c !== '\\') { flush(); const ch = String.fromCodePoint(body.codePointAt(i)!); out += ch; i += ch.length; continue; }
    const e = body[i + 1];
    i += 2;
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e in simple) { flush(); out += simple[e]; continue; }
    if (e === q) { flush(); out += e; continue; }
    if (e === 'x') { const h = body.slice(i, i + 2); if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new Error('invalid syntax'); bytes.push(parseInt(h, 16)); i += 2; continue; }
    if (e >= '0' && e <= '7') { const o = body.slice(i - 1, i + 2); if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw new Error('invalid syntax'); bytes.push(parseInt(o, 8)); i += 2; continue; }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const h = body.slice(i, i + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) throw new Error('invalid syntax');
      const cp = parseInt(h, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) throw new Error('invalid syntax');
      flush(); out += String.fromCodePoint(cp); i += n; continue;
    }
    throw new Error('invalid syntax');
  }
  flush();
  return out;
}

function parseGoInt(text: string, unsigned: boolean): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') { neg = s[0] === '-'; s = s.slice(1); }
  if (unsigned && (text[0] === '+' || text[0] === '-')) return undefined;
  let base = 10;
  let digits = s;
  let prefixed = false;
  if (/^0[xX]/.test(s)) { base = 16; digits = s.slice(2); prefixed = true; }
  else if (/^0[oO]/.test(s)) { base = 8; digits = s.slice(2); prefixed = true; }
  else if (/^0[bB]/.test(s)) { base = 2; digits = s.slice(2); prefixed = true; }
  else if (s.length > 1 && s[0] === '0') { base = 8; digits = s.slice(1); }
  // underscores: only between digits (or after base prefix)
  if (digits.includes('_')) {
    const chk = (prefixed || base === 8 ? '_' : '') + digits;
    if (/__|_$/.test(digits) || (!prefixed && base !== 8 && digits[0] === '_')) return undefined;
    void chk;
    digits = digits.replace(/_/g, '');
  }
  if (!digits) return base === 8 && !prefixed ? 0n : undefined;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  let v = BigInt((base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '') + digits);
  if (neg) v = -v;
  if (unsigned) { if (v > 0xffffffffffffffffn) return undefined; }
  else if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return undefined;
  return v;
}

function parseGoFloat(text: string): number | undefined {
  let s = text.replace(/_/g, '');
  if (/^[+-]?0[xX]/.test(s)) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
    if (!m) return undefined;
    const mant = parseInt((m[2] || '0') + (m[3] || ''), 16) / Math.pow(16, (m[3] || '').length);
    return (m[1] === '-' ? -1 : 1) * mant * Math.pow(2, parseInt(m[4], 10));
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function newNumber(text: string, typ: T): Omit<NumberNode, 'pos' | 'tree'> {
  const n: Omit<NumberNode, 'pos' | 'tree'> = { k: 'number', text, isInt: false, isUint: false, isFloat: false, isComplex: false, int64: 0n, uint64: 0n, float64: 0 };
  if (typ === T.CharConstant) {
    let r: string;
    try { r = unquote(text); } catch { throw new Error('invalid syntax'); }
    const cps = [...r];
    if (cps.length !== 1) throw new Error(`malformed character constant: ${text}`);
    const cp = BigInt(cps[0].codePointAt(0)!);
    return { ...n, isInt: true, isUint: true, isFloat: true, int64: cp, uint64: cp, float64: Number(cp) };
  }
  if (typ === T.Complex) {
    const m = /^([+-]?[^+-]+(?:[eE][+-]\d+)?)([+-].*)i$/.exec(text);
    const re = m ? parseGoFloat(m[1]) : undefined;
    const im = m ? parseGoFloat(m[2]) : undefined;
    if (re === undefined || im === undefined) throw new Error(`expected integer`);
    return simplifyComplex({ ...n, isComplex: true, complexRe: re, complexIm: im });
  }
  if (text.endsWith('i')) {
    const f = parseGoFloat(text.slice(0, -1));
    if (f !== undefined) return simplifyComplex({ ...n, isComplex: true, complexRe: 0, complexIm: f });
  }
  const u = parseGoInt(text, true);
  if (u !== undefined) { n.isUint = true; n.uint64 = u; }
  const i = parseGoInt(text, false);
  if (i !== undefined) {
    n.isInt = true; n.int64 = i;
    if (i === 0n) { n.isUint = true; n.uint64 = u ?? 0n; }
  }
  if (n.isInt) { n.isFloat = true; n.float64 = Number(n.int64); }
  else if (n.isUint) { n.isFloat = true; n.float64 = Number(n.uint64); }
  else {
    const f = parseGoFloat(text);
    if (f !== undefined && isFinite(f)) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quoteGo(text)}`);
      n.isFloat = true; n.float64 = f;
      if (Number.isInteger(f) && Math.abs(f) < 9.223372036854776e18) { n.isInt = true; n.int64 = BigInt(f); }
      if (Number.isInteger(f) && f >= 0 && f < 1.8446744073709552e19) { n.isUint = true; n.uint64 = BigInt(f); }
    } else if (f !== undefined) {
      throw new Error(`strconv.ParseFloat: parsing ${quoteGo(text)}: value out of range`);
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${quoteGo(text)}`);
  return n;
}

function simplifyComplex(n: Omit<NumberNode, 'pos' | 'tree'>): Omit<NumberNode, 'pos' | 'tree'> {
  if (n.complexIm === 0) {
    n.isFloat = true; n.float64 = n.complexRe!;
    if (Number.isInteger(n.float64) && Math.abs(n.float64) < 9.2e18) { n.isInt = true; n.int64 = BigInt(n.float64); }
    if (Number.isInteger(n.float64) && n.float64 >= 0 && n.float64 < 1.8e19) { n.isUint = true; n.uint64 = BigInt(n.float64); }
  }
  return n;
}

// ---------------------------------------------------------------- parser

export interface ParsedTree { name: string; root: ListNode; ref: TreeRef }

function itemString(i: Item): string {
  if (i.t === T.EOF) return 'EOF';
  if (i.t === T.Error) return i.val;
  if (i.t > T.Keyword) return `<${i.val}>`;
  const cps = [...i.val];
  if (cps.length > 10) return quoteGo(cps.slice(0, 10).join('')) + '...';
  return quoteGo(i.val);
}

export function isEmptyTree(n: Node | null): boolean {
  if (!n) return true;
  switch (n.k) {
    case 'comment': return true;
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return n.text.trim() === '' && !/[^\t\n\v\f\r \u0085\u00a0]/.test(n.text) ? true : /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(n.text);
    default: return false;
  }
}

/**
 * parse.Parse: returns the trees defined by `text` (the top-level one named `name`
 * plus every {{define}}/{{block}}). Throws ParseError with Go's message.
 */
export function parseTemplate(name: string, text: string, left: string, right: string, hasFunc: (n: string) => boolean): Map<string, ParsedTree> {
  const items = lex(text, left || '{{', right || '}}', !hasFunc('break'), !hasFunc('continue'));
  const treeSet = new Map<string, ParsedTree>();
  let idx = 0;
  // lookahead buffer emulation: token[0] is the last lexed item
  const tok: Item[] = [items[0], items[0], items[0]];
  let peekCount = 0;
  let lastLexed = 0;
  const lexNext = (): Item => {
    const it = items[Math.min(idx, items.length - 1)];
    lastLexed = it.line;
    if (idx < items.length) idx++;
    return it;
  };
  const next = (): Item => {
    if (peekCount > 0) peekCount--; else tok[0] = lexNext();
    return tok[peekCount];
  };
  const backup = (): void => { peekCount++; };
  const backup2 = (t1: Item): void => { tok[1] = t1; peekCount = 2; };
  const backup3 = (t2: Item, t1: Item): void => { tok[1] = t1; tok[2] = t2; peekCount = 3; };
  const peek = (): Item => {
    if (peekCount > 0) return tok[peekCount - 1];
    peekCount = 1;
    tok[0] = lexNext();
    return tok[0];
  };
  const nextNonSpace = (): Item => { let t: Item; for (;;) { t = next(); if (t.t !== T.Space) break; } return t; };
  const peekNonSpace = (): Item => { const t = nextNonSpace(); backup(); return t; };

  let cur: TreeRef = { name, parseName: name, text };
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  let actionLine = 0;

  const errorf = (msg: string): never => {
    void lastLexed;
    throw new ParseError(`template: ${name}:${tok[0].line}: ${msg}`, name, tok[0].line);
  };
  const unexpected = (t: Item, context: string): never => {
    if (t.t === T.Error) {
      let extra = '';
      if (actionLine !== 0 && actionLine !== t.line) {
        extra = ` in action started at ${name}:${actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      return errorf(`${itemString(t)}${extra}`);
    }
    return errorf(`unexpected ${itemString(t)} in ${context}`);
  };
  const expect = (expected: T, context: string): Item => {
    const t = nextNonSpace();
    if (t.t !== expected) unexpected(t, context);
    return t;
  };
  const list = (pos: number): ListNode => ({ k: 'list', pos, tree: cur, nodes: [] });

  const add = (t: ParsedTree): void => {
    const old = treeSet.get(t.name);
    if (!old || isEmptyTree(old.root)) { treeSet.set(t.name, t); return; }
    if (!isEmptyTree(t.root)) errorf(`template: multiple definition of template ${quoteGo(t.name)}`);
  };

  function itemList(): [ListNode, Node] {
    const l = list(peekNonSpace().pos);
    while (peekNonSpace().t !== T.EOF) {
      const n = textOrAction();
      if (n.k === 'end' || n.k === 'else') return [l, n];
      l.nodes.push(n);
    }
    return errorf('unexpected EOF');
  }

  function textOrAction(): Node {
    const t = nextNonSpace();
    switch (t.t) {
      case T.Text: return { k: 'text', pos: t.pos, tree: cur, text: t.val };
      case T.LeftDelim: {
        actionLine = t.line;
        try { return action(); } finally { actionLine = 0; }
      }
      case T.Comment: return { k: 'comment', pos: t.pos, tree: cur, text: t.val };
      default: return unexpected(t, 'input');
    }
  }

  function action(): Node {
    const t = nextNonSpace();
    switch (t.t) {
      case T.Block: return blockControl();
      case T.Break: case T.Continue: {
        const what = t.t === T.Break ? 'break' : 'continue';
        const n = nextNonSpace();
        if (n.t !== T.RightDelim) unexpected(n, `{{${what}}}`);
        if (rangeDepth === 0) errorf(`{{${what}}} outside {{range}}`);
        return { k: what, pos: t.pos, tree: cur, line: t.line } as BreakNode | ContinueNode;
      }
      case T.Else: {
        const p = peekNonSpace();
        if (p.t === T.If) return { k: 'else', pos: p.pos, tree: cur, line: p.line };
        const r = expect(T.RightDelim, 'else');
        return { k: 'else', pos: r.pos, tree: cur, line: r.line };
      }
      case T.End: return { k: 'end', pos: expect(T.RightDelim, 'end').pos, tree: cur };
      case T.If: return control('if', true);
      case T.Range: return control('range', false);
      case T.Template: return templateControl();
      case T.With: return control('with', false);
    }
    backup();
    const tk = peek();
    return { k: 'action', pos: tk.pos, tree: cur, line: tk.line, pipe: pipeline('command', T.RightDelim) };
  }

  function control(context: 'if' | 'range' | 'with', allowElseIf: boolean): IfNode | RangeNode | WithNode {
    const mark = vars.length;
    try {
      const pipe = pipeline(context, T.RightDelim);
      if (context === 'range') rangeDepth++;
      let [l, nx] = itemList();
      if (context === 'range') rangeDepth--;
      let elseList: ListNode | null = null;
      if (nx.k === 'else') {
        let done = false;
        if (allowElseIf && peek().t === T.If) {
          next();
          elseList = list(nx.pos);
          elseList.nodes.push(control('if', true));
          done = true;
        }
        if (!done) {
          [elseList, nx] = itemList();
          if (nx.k !== 'end') errorf(`expected end; found ${nodeString(nx)}`);
        }
      }
      return { k: context, pos: pipe.pos, tree: cur, line: pipe.line, pipe, list: l, elseList };
    } finally {
      vars.length = mark;
    }
  }

  function parseTemplateName(t: Item, context: string): string {
    if (t.t === T.String || t.t === T.RawString) {
      try { return unquote(t.val); } catch (e) { return errorf((e as Error).message); }
    }
    return unexpected(t, context);
  }

  function templateControl(): TemplateNode {
    const context = 'template clause';
    const t = nextNonSpace();
    const nm = parseTemplateName(t, context);
    let pipe: PipeNode | null = null;
    if (nextNonSpace().t !== T.RightDelim) {
      backup();
      pipe = pipeline(context, T.RightDelim);
    }
    return { k: 'template', pos: t.pos, tree: cur, line: t.line, name: nm, pipe };
  }

  function blockControl(): TemplateNode {
    const context = 'block clause';
    const t = nextNonSpace();
    const nm = parseTemplateName(t, context);
    const pipe = pipeline(context, T.RightDelim);
    const saved = { cur, vars, rangeDepth };
    cur = { name: nm, parseName: name, text };
    vars = ['$']; rangeDepth = 0;
    const [root, end] = itemList();
    if (end.k !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
    add({ name: nm, root, ref: cur });
    ({ cur, vars, rangeDepth } = saved);
    return { k: 'template', pos: t.pos, tree: cur, line: t.line, name: nm, pipe };
  }

  function parseDefinition(): void {
    const context = 'define clause';
    const t = nextNonSpace();
    if (t.t !== T.String && t.t !== T.RawString) unexpected(t, context);
    let nm: string;
    try { nm = unquote(t.val); } catch (e) { return errorf((e as Error).message); }
    cur = { name: nm, parseName: name, text };
    vars = ['$']; rangeDepth = 0;
    expect(T.RightDelim, context);
    const [root, end] = itemList();
    if (end.k !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
    add({ name: nm, root, ref: cur });
  }

  function pipeline(context: string, end: T): PipeNode {
    const t0 = peekNonSpace();
    const pipe: PipeNode = { k: 'pipe', pos: t0.pos, tree: cur, line: t0.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = peekNonSpace();
      if (v.t === T.Variable) {
        next();
        const after = peek();
        const nx = peekNonSpace();
        if (nx.t === T.Assign || nx.t === T.Declare) {
          pipe.isAssign = nx.t === T.Assign;
          nextNonSpace();
          pipe.decl.push({ k: 'variable', pos: v.pos, tree: cur, ident: v.val.split('.') });
          vars.push(v.val);
        } else if (nx.t === T.Char && nx.val === ',') {
          nextNonSpace();
          pipe.decl.push({ k: 'variable', pos: v.pos, tree: cur, ident: v.val.split('.') });
          vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const p = peekNonSpace().t;
            if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue decls;
            errorf('range can only initialize variables');
          }
          errorf(`too many declarations in ${context}`);
        } else if (after.t === T.Space) {
          backup3(v, after);
        } else {
          backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.t === end) {
        if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
        for (let i = 1; i < pipe.cmds.length; i++) {
          const a0 = pipe.cmds[i].args[0];
          if (a0.k === 'bool' || a0.k === 'dot' || a0.k === 'nil' || a0.k === 'number' || a0.k === 'string') {
            errorf(`non executable command in pipeline stage ${i + 1}`);
          }
        }
        return pipe;
      }
      switch (t.t) {
        case T.Bool: case T.CharConstant: case T.Complex: case T.Dot: case T.Field: case T.Identifier:
        case T.Number: case T.Nil: case T.RawString: case T.String: case T.Variable: case T.LeftParen:
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  }

  function command(): CommandNode {
    const cmd: CommandNode = { k: 'command', pos: peekNonSpace().pos, tree: cur, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.t === T.Space) continue;
      if (t.t === T.RightDelim || t.t === T.RightParen) backup();
      else if (t.t !== T.Pipe) unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  }

  function operand(): Node | null {
    let node = term();
    if (!node) return null;
    if (peek().t === T.Field) {
      const chainPos = peek().pos;
      const fields: string[] = [];
      while (peek().t === T.Field) fields.push(next().val.slice(1));
      switch (node.k) {
        case 'field': node = { k: 'field', pos: chainPos, tree: cur, ident: [...node.ident, ...fields] }; break;
        case 'variable': node = { k: 'variable', pos: chainPos, tree: cur, ident: [...node.ident, ...fields] }; break;
        case 'bool': case 'string': case 'number': case 'nil': case 'dot':
          errorf(`unexpected . after term ${quoteGo(nodeString(node))}`);
          break;
        default: node = { k: 'chain', pos: chainPos, tree: cur, node, field: fields };
      }
    }
    return node;
  }

  function term(): Node | null {
    const t = nextNonSpace();
    switch (t.t) {
      case T.Identifier:
        if (!hasFunc(t.val)) errorf(`function ${quoteGo(t.val)} not defined`);
        return { k: 'identifier', pos: t.pos, tree: cur, ident: t.val };
      case T.Dot: return { k: 'dot', pos: t.pos, tree: cur };
      case T.Nil: return { k: 'nil', pos: t.pos, tree: cur };
      case T.Variable: {
        const ident = t.val.split('.');
        if (!vars.includes(ident[0])) errorf(`undefined variable ${quoteGo(ident[0])}`);
        return { k: 'variable', pos: t.pos, tree: cur, ident };
      }
      case T.Field: return { k: 'field', pos: t.pos, tree: cur, ident: t.val.slice(1).split('.') };
      case T.Bool: return { k: 'bool', pos: t.pos, tree: cur, val: t.val === 'true' };
      case T.CharConstant: case T.Complex: case T.Number: {
        try { return { ...newNumber(t.val, t.t), pos: t.pos, tree: cur }; } catch (e) { return errorf((e as Error).message); }
      }
      case T.LeftParen: return pipeline('parenthesized pipeline', T.RightParen);
      case T.String: case T.RawString: {
        let s: string;
        try { s = unquote(t.val); } catch (e) { return errorf((e as Error).message); }
        return { k: 'string', pos: t.pos, tree: cur, quoted: t.val, text: s };
      }
    }
    backup();
    return null;
  }

  // Tree.parse
  const top: ParsedTree = { name, root: list(peek().pos), ref: cur };
  const topRef = cur;
  while (peek().t !== T.EOF) {
    if (peek().t === T.LeftDelim) {
      const delim = next();
      if (nextNonSpace().t === T.Define) {
        parseDefinition();
        cur = topRef; vars = ['$']; rangeDepth = 0;
        continue;
      }
      backup2(delim);
    }
    const n = textOrAction();
    if (n.k === 'end' || n.k === 'else') errorf(`unexpected ${nodeString(n)}`);
    top.root.nodes.push(n);
  }
  add(top);
  return treeSet;
}
