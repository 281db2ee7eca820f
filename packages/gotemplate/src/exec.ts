// The executor: a port of Go 1.19's text/template/exec.go over the value model of values.ts.
// Values: undefined = invalid reflect.Value, null = nil interface{}, see values.ts for the rest.
import {
  type ActionNode, type ChainNode, type CommandNode, type FieldNode, type IdentifierNode, type ListNode, type Node,
  type NumberNode, type ParsedTree, type PipeNode, type RangeNode, type TemplateNode, type VariableNode,
  isEmptyTree, nodeString, parseTemplate, ParseError,
} from './parse.js';
import { formatV } from './fmt.js';
import {
  GO_METHODS, GO_TYPE, GoInt, GoStruct, GoTime, type MethodSpec, type ParamType, isGoMap, sortedKeys, truth, typeName,
} from './values.js';

export type GoFunc = (...args: any[]) => unknown;
export interface FuncEntry extends MethodSpec { builtin?: string }
export type FuncDef = GoFunc | FuncEntry;

export class TemplateError extends Error {
  templateName: string;
  line?: number;
  column?: number;
  constructor(message: string, templateName: string, line?: number, column?: number) {
    super(message);
    this.name = 'TemplateError';
    this.templateName = templateName;
    this.line = line;
    this.column = column;
  }
}

/** Thrown by functions to stop rendering with exactly this message (no "error calling" prefix is added by us; Go adds it). */
export class FuncError extends Error {}

const MISSING = Symbol('missing');
const BREAK = { brk: true };
const CONTINUE = { cont: true };

export interface ExecOptions {
  missingKey: 'default' | 'zero' | 'error';
  maxOutputBytes: number;
  maxTemplateDepth: number;
}

interface Variable { name: string; v: unknown; iface: boolean }

export interface TemplateSetLike {
  lookup(name: string): ParsedTree | undefined;
  func(name: string): FuncEntry | undefined;
  readonly options: ExecOptions;
}

const PARAM_NAME: Record<ParamType, string> = {
  any: 'interface {}', rv: 'reflect.Value', string: 'string', int: 'int', int64: 'int64', float64: 'float64', bool: 'bool',
  uint32: 'uint32', '[]any': '[]interface {}', '[]string': '[]string', map: 'map[string]interface {}', time: 'time.Time', bytes: '[]uint8',
};

function canBeNil(t: ParamType | null): boolean {
  return t === 'any' || t === 'rv' || t === '[]any' || t === '[]string' || t === 'map' || t === 'bytes';
}

function zeroOf(t: ParamType): unknown {
  switch (t) {
    case 'rv': return undefined;
    default: return null;
  }
}

function assignable(v: unknown, t: ParamType): boolean {
  switch (t) {
    case 'any': case 'rv': return true;
    case 'string': return typeof v === 'string';
    case 'int': return v instanceof GoInt && v.t === 'int';
    case 'uint32': return v instanceof GoInt && v.t === 'uint32';
    case 'int64': return typeof v === 'bigint';
    case 'float64': return typeof v === 'number';
    case 'bool': return typeof v === 'boolean';
    case '[]any': return Array.isArray(v) && !(v as any)[GO_TYPE];
    case '[]string': return Array.isArray(v) && (v as any)[GO_TYPE] === '[]string';
    case 'map': return isGoMap(v) && (!(v as any)[GO_TYPE] || (v as any)[GO_TYPE] === 'chartutil.Values');
    case 'time': return v instanceof GoTime;
    case 'bytes': return v instanceof Uint8Array;
  }
}

export class State {
  out = '';
  node: Node | null = null;
  vars: Variable[];
  depth: number;
  constructor(readonly set: TemplateSetLike, public tmplName: string, public tree: ParsedTree, dot: unknown, depth = 0) {
    this.vars = [{ name: '$', v: dot, iface: false }];
    this.depth = depth;
  }

  errorf(msg: string): never {
    const name = this.tmplName;
    if (!this.node) throw new TemplateError(`template: ${name}: ${msg}`, name);
    const n = this.node;
    const text = n.tree.text;
    const pos = n.pos;
    const lastNL = text.lastIndexOf('\n', pos - 1);
    const before = pos === 0 ? '' : text.slice(0, pos);
    let line = 1;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
    const col = lastNL === -1 ? byteCount(text, 0, pos) : byteCount(text, lastNL + 1, pos);
    const ctx = nodeString(n);
    throw new TemplateError(`template: ${n.tree.parseName}:${line}:${col}: executing ${JSON.stringify(name)} at <${ctx}>: ${msg}`, name, line, col);
  }

  write(s: string): void {
    this.out += s;
    if (this.out.length > this.set.options.maxOutputBytes) {
      this.node = null;
      this.errorf(`output exceeds the limit of ${this.set.options.maxOutputBytes} bytes`);
    }
  }

  // ------------------------------------------------------------ walking
  walk(dot: unknown, dotIface: boolean, node: Node): void {
    this.node = node;
    switch (node.k) {
      case 'text': this.write(node.text); return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, dotIface, n);
        return;
      case 'action': {
        const v = this.evalPipeline(dot, dotIface, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, v);
        return;
      }
      case 'comment': return;
      case 'if': case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, dotIface, node.pipe);
        if (truth(v)) {
          if (node.k === 'with') this.walk(v, false, node.list); else this.walk(dot, dotIface, node.list);
        } else if (node.elseList) this.walk(dot, dotIface, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range': this.walkRange(dot, dotIface, node); return;
      case 'template': this.walkTemplate(dot, dotIface, node); return;
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      default: this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  printValue(n: ActionNode, v: unknown): void {
    this.node = n;
    if (typeof v === 'string') { this.write(v); return; }
    if (v === undefined || v === null) { this.write('<no value>'); return; }
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    this.write(formatV(v));
  }

  walkRange(dot: unknown, dotIface: boolean, r: RangeNode): void {
    this.node = r;
    const mark0 = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotIface, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl.length;
      const one = (index: unknown, elem: unknown, iface: boolean): boolean => {
        if (decl > 0) { const v = this.vars[this.vars.length - 1]; v.v = elem; v.iface = iface; }
        if (decl > 1) { const v = this.vars[this.vars.length - 2]; v.v = index; v.iface = false; }
        try {
          this.walk(elem, iface, r.list);
        } catch (e) {
          if (e === CONTINUE) return true;
          if (e === BREAK) return false;
          throw e;
        } finally {
          this.vars.length = mark;
        }
        return true;
      };
      if (Array.isArray(val)) {
        if (val.length > 0) {
          const iface = !(val as any)[GO_TYPE];
          for (let i = 0; i < val.length; i++) if (!one(new GoInt(BigInt(i)), val[i], iface)) break;
          return;
        }
      } else if (val instanceof Uint8Array) {
        if (val.length > 0) {
          for (let i = 0; i < val.length; i++) if (!one(new GoInt(BigInt(i)), new GoInt(BigInt(val[i]), 'uint8'), false)) break;
          return;
        }
      } else if (isGoMap(val)) {
        const keys = sortedKeys(val);
        if (keys.length > 0) {
          const t = (val as any)[GO_TYPE];
          const iface = !t || t === 'chartutil.Values' || t.endsWith('interface {}');
          for (const k of keys) if (!one(k, val[k], iface)) break;
          return;
        }
      } else if (val !== undefined && val !== null) {
        this.errorf(`range can't iterate over ${formatV(val)}`);
      }
      if (r.elseList) this.walk(dot, dotIface, r.elseList);
    } catch (e) {
      // Go's walkRange recovers walkBreak for the whole statement, so a {{break}} in the
      // else branch (which belongs to an enclosing range) only ends this range statement.
      if (e !== BREAK) throw e;
    } finally {
      this.vars.length = mark0;
    }
  }

  walkTemplate(dot: unknown, dotIface: boolean, t: TemplateNode): void {
    this.node = t;
    const tmpl = this.set.lookup(t.name);
    if (!tmpl) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    if (this.depth >= this.set.options.maxTemplateDepth) this.errorf(`exceeded maximum template depth (${this.set.options.maxTemplateDepth})`);
    const newDot = t.pipe ? this.evalPipeline(dot, dotIface, t.pipe) : undefined;
    const saved = { name: this.tmplName, tree: this.tree, vars: this.vars };
    this.tmplName = t.name;
    this.tree = tmpl;
    this.vars = [{ name: '$', v: newDot, iface: false }];
    this.depth++;
    try {
      this.walk(newDot, false, tmpl.root);
    } finally {
      this.depth--;
      this.tmplName = saved.name; this.tree = saved.tree; this.vars = saved.vars;
    }
  }

  // ------------------------------------------------------------ evaluation
  evalPipeline(dot: unknown, dotIface: boolean, pipe: PipeNode | null): unknown {
    if (!pipe) return undefined;
    this.node = pipe;
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, dotIface, cmd, value);
      if (value === null) value = undefined; // interface{} nil -> invalid
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], v: value, iface: false });
    }
    return value;
  }

  setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) { this.vars[i].v = value; this.vars[i].iface = false; return; }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  varValue(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    return this.errorf(`undefined variable: ${name}`);
  }

  notAFunction(args: Node[], final: unknown): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  evalCommand(dot: unknown, dotIface: boolean, cmd: CommandNode, final: unknown): unknown {
    const first = cmd.args[0];
    switch (first.k) {
      case 'field': return this.evalFieldNode(dot, dotIface, first, cmd.args, final);
      case 'chain': return this.evalChainNode(dot, dotIface, first, cmd.args, final);
      case 'identifier': return this.evalFunction(dot, dotIface, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, dotIface, first);
      case 'variable': return this.evalVariableNode(dot, dotIface, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.k) {
      case 'bool': return first.val;
      case 'dot': return dot;
      case 'nil': this.errorf('nil is not a command');
      // eslint-disable-next-line no-fallthrough
      case 'number': return this.idealConstant(first);
      case 'string': return first.text;
    }
    return this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  idealConstant(c: NumberNode): unknown {
    this.node = c;
    const t = c.text;
    if (c.isComplex) this.errorf(`complex numbers are not supported: ${t}`);
    const isHex = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (c.isFloat && !isHex && t[0] !== "'" && /[.eEpP]/.test(t)) return c.float64;
    if (c.isInt) return new GoInt(c.int64);
    if (c.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: unknown, dotIface: boolean, field: FieldNode, args: Node[] | null, final: unknown): unknown {
    this.node = field;
    return this.evalFieldChain(dot, dot, dotIface, field, field.ident, args, final);
  }

  evalChainNode(dot: unknown, dotIface: boolean, chain: ChainNode, args: Node[] | null, final: unknown): unknown {
    this.node = chain;
    if (chain.node.k === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, dotIface, null, chain.node);
    return this.evalFieldChain(dot, pipe, false, chain, chain.field, args, final);
  }

  evalVariableNode(dot: unknown, dotIface: boolean, v: VariableNode, args: Node[] | null, final: unknown): unknown {
    this.node = v;
    const vr = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return vr.v;
    }
    return this.evalFieldChain(dot, vr.v, vr.iface, v, v.ident.slice(1), args, final);
  }

  private recvIface = false;

  evalFieldChain(dot: unknown, receiver: unknown, recvIface: boolean, node: Node, ident: string[], args: Node[] | null, final: unknown): unknown {
    const n = ident.length;
    let r = receiver;
    let ri = recvIface;
    for (let i = 0; i < n - 1; i++) {
      r = this.evalField(dot, ident[i], node, null, MISSING, r, ri);
      ri = this.recvIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, r, ri);
  }

  evalField(dot: unknown, fieldName: string, node: Node, args: Node[] | null, final: unknown, receiver: unknown, recvIface: boolean): unknown {
    this.recvIface = false;
    if (receiver === undefined) {
      if (this.set.options.missingKey === 'error') this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (typeof receiver === 'object') {
      const methods = (receiver as any)[GO_METHODS] as Record<string, FuncDef> | undefined;
      const m = methods?.[fieldName] ?? (receiver instanceof GoStruct ? receiver.methods()[fieldName] : undefined);
      if (m) return this.evalCall(dot, false, toEntry(m), false, node, fieldName, args, final);
      if (receiver instanceof GoStruct) {
        const f = receiver.field(fieldName);
        if (f.ok) {
          if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          return f.value;
        }
      } else if (isGoMap(receiver)) {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        const t = (receiver as any)[GO_TYPE] as string | undefined;
        if (Object.prototype.hasOwnProperty.call(receiver, fieldName)) {
          this.recvIface = !t || t === 'chartutil.Values' || t.endsWith('interface {}');
          const v = receiver[fieldName];
          return v === undefined ? null : v;
        }
        switch (this.set.options.missingKey) {
          case 'default': return undefined;
          case 'zero':
            this.recvIface = !t || t === 'chartutil.Values' || t.endsWith('interface {}');
            return t === 'map[string]string' ? '' : null;
          case 'error': this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
        }
      }
    }
    const tn = recvIface ? 'interface {}' : typeName(receiver);
    return this.errorf(`can't evaluate field ${fieldName} in type ${tn}`);
  }

  evalFunction(dot: unknown, dotIface: boolean, node: IdentifierNode, cmd: Node, args: Node[] | null, final: unknown): unknown {
    this.node = node;
    const f = this.set.func(node.ident);
    if (!f) this.errorf(`${JSON.stringify(node.ident)} is not a defined function`);
    return this.evalCall(dot, dotIface, f, !!f.builtin, cmd, node.ident, args, final);
  }

  evalCall(dot: unknown, dotIface: boolean, fn: FuncEntry, isBuiltin: boolean, node: Node, name: string, args: Node[] | null, final: unknown): unknown {
    const a = args ? args.slice(1) : [];
    const params = fn.params ?? [];
    let numIn = a.length;
    if (final !== MISSING) numIn++;
    let numFixed = a.length;
    if (fn.variadic) {
      numFixed = params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${a.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: unknown;
      for (const arg of a) {
        v = this.evalArg(dot, dotIface, 'rv', arg);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'rv');
      return v;
    }
    const argv: unknown[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < a.length; i++) argv[i] = this.evalArg(dot, dotIface, params[i], a[i]);
    if (fn.variadic) for (; i < a.length; i++) argv[i] = this.evalArg(dot, dotIface, fn.variadic, a[i]);
    if (final !== MISSING) {
      let t: ParamType;
      if (fn.variadic) t = numIn - 1 < numFixed ? params[numIn - 1] : fn.variadic;
      else t = params[params.length - 1];
      argv[i] = this.validateType(final, t);
    }
    try {
      const r = fn.fn.apply(null, argv);
      return r;
    } catch (e) {
      if (e === BREAK || e === CONTINUE) throw e;
      this.node = node;
      if (e instanceof RangeError && /call stack/.test(e.message)) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      return this.errorf(`error calling ${name}: ${msg}`);
    }
  }

  validateType(value: unknown, t: ParamType | null): unknown {
    if (value === undefined) {
      if (t === null) return undefined;
      if (canBeNil(t)) return zeroOf(t);
      this.errorf(`invalid value; expected ${PARAM_NAME[t]}`);
    }
    if (t === null || t === 'any' || t === 'rv') return value;
    if (assignable(value, t)) return value;
    if (value === null) this.errorf(`wrong type for value; expected ${PARAM_NAME[t]}; got interface {}`);
    return this.errorf(`wrong type for value; expected ${PARAM_NAME[t]}; got ${typeName(value)}`);
  }

  evalArg(dot: unknown, dotIface: boolean, t: ParamType | null, n: Node): unknown {
    this.node = n;
    switch (n.k) {
      case 'dot': return this.validateType(dot, t);
      case 'nil':
        if (t !== null && canBeNil(t)) return zeroOf(t);
        return this.errorf(`cannot assign nil to ${t === null ? 'interface {}' : PARAM_NAME[t]}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, dotIface, n, [n], MISSING), t);
      case 'variable': return this.validateType(this.evalVariableNode(dot, dotIface, n, null, MISSING), t);
      case 'pipe': return this.validateType(this.evalPipeline(dot, dotIface, n), t);
      case 'identifier': return this.validateType(this.evalFunction(dot, dotIface, n, n, null, MISSING), t);
      case 'chain': return this.validateType(this.evalChainNode(dot, dotIface, n, null, MISSING), t);
    }
    switch (t) {
      case 'bool':
        if (n.k === 'bool') return n.val;
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'float64':
        if (n.k === 'number' && n.isFloat) return n.float64;
        return this.errorf(`expected float; found ${nodeString(n)}`);
      case 'int': case 'int64':
        if (n.k === 'number' && n.isInt) return t === 'int' ? new GoInt(n.int64) : n.int64;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'uint32':
        if (n.k === 'number' && n.isUint) return new GoInt(n.uint64, 'uint32');
        return this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
      case 'any': case 'rv': case null: return this.evalEmptyInterface(dot, dotIface, n);
      case 'string':
        if (n.k === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${PARAM_NAME[t]}`);
  }

  evalEmptyInterface(dot: unknown, dotIface: boolean, n: Node): unknown {
    this.node = n;
    switch (n.k) {
      case 'bool': return n.val;
      case 'dot': return dot;
      case 'field': return this.evalFieldNode(dot, dotIface, n, null, MISSING);
      case 'identifier': return this.evalFunction(dot, dotIface, n, n, null, MISSING);
      case 'number': return this.idealConstant(n);
      case 'string': return n.text;
      case 'variable': return this.evalVariableNode(dot, dotIface, n, null, MISSING);
      case 'pipe': return this.evalPipeline(dot, dotIface, n);
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }
}

function byteCount(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export function toEntry(f: FuncDef): FuncEntry {
  if (typeof f === 'function') return { fn: f, variadic: 'any', params: [] };
  return f;
}

export { isEmptyTree, parseTemplate, ParseError };
export type { ParsedTree, ListNode };
