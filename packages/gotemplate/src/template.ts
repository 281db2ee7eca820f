// Templates: one Go template set (text/template's *Template with its common namespace).
import { builtinFuncs } from './builtins.js';
import { State, TemplateError, toEntry, type ExecOptions, type FuncDef, type FuncEntry, type GoFunc } from './exec.js';
import { ParseError, isEmptyTree, parseTemplate, type ParsedTree } from './parse.js';
import { GoInt } from './values.js';
import { sprigFuncs } from './sprig/index.js';

export type FuncMap = Record<string, GoFunc>;

export interface TemplateOptions {
  /** default ['{{', '}}']; werf uses ['[[', ']]'] for release/namespace templates */
  delims?: [left: string, right: string];
  /** Go's missingkey option; Helm uses 'zero' and strips '<no value>' afterwards */
  missingKey?: 'default' | 'zero' | 'error';
  /** added on top of builtins + Sprig (without env/expandenv); may override them */
  funcs?: FuncMap;
  /** functions with Go signatures (argument type checks as Go does) */
  typedFuncs?: Record<string, FuncEntry>;
  /** bound for nested {{template}} calls (Go allows 100000; JS stacks do not) */
  maxIncludeDepth?: number;
  /** bound for one execution's output (characters) */
  maxOutputBytes?: number;
  /** start from builtins only, without Sprig */
  noSprig?: boolean;
}

const BUILTINS = builtinFuncs();
let SPRIG: Record<string, FuncEntry> | undefined;

/** Adapts a plain JS function: Go `int` arguments arrive as bigint, as the public value model says. */
function plainFunc(f: GoFunc): FuncEntry {
  return toEntry((...args: unknown[]) => f(...args.map((a) => (a instanceof GoInt ? a.v : a))));
}

export class Templates {
  readonly options: ExecOptions;
  private readonly trees: Map<string, ParsedTree>;
  private readonly funcs: Map<string, FuncEntry>;
  private readonly base: Record<string, FuncEntry>;
  private readonly delims: [string, string];
  private readonly hasFuncBound: (n: string) => boolean;

  constructor(options: TemplateOptions = {}, share?: { trees: Map<string, ParsedTree>; funcs: Map<string, FuncEntry>; base: Record<string, FuncEntry> }) {
    this.options = {
      missingKey: options.missingKey ?? 'default',
      maxOutputBytes: options.maxOutputBytes ?? 64 * 1024 * 1024,
      maxTemplateDepth: options.maxIncludeDepth ?? 100000,
    };
    this.delims = options.delims ?? ['{{', '}}'];
    this.trees = share ? new Map(share.trees) : new Map();
    if (share) { this.funcs = share.funcs; this.base = share.base; }
    else {
      this.funcs = new Map();
      // Sprig is shared by every set (read-only); own functions are layered on top of it.
      this.base = options.noSprig ? {} : (SPRIG ??= sprigFuncs({ env: false, typed: true }) as unknown as Record<string, FuncEntry>);
      for (const [k, v] of Object.entries(options.typedFuncs ?? {})) this.funcs.set(k, v);
      for (const [k, v] of Object.entries(options.funcs ?? {})) this.funcs.set(k, plainFunc(v));
    }
    this.hasFuncBound = (n) => this.funcs.has(n) || Object.prototype.hasOwnProperty.call(this.base, n) || Object.prototype.hasOwnProperty.call(BUILTINS, n);
  }

  /** Adds or replaces functions (Go's Funcs); typed entries keep Go's argument checks. */
  addFuncs(funcs: Record<string, FuncDef>, typed = false): this {
    for (const [k, v] of Object.entries(funcs)) this.funcs.set(k, typed || typeof v !== 'function' ? toEntry(v) : plainFunc(v));
    return this;
  }

  /** Parses `text` as template `name` (plus its {{define}}s). Throws TemplateError with Go's message. */
  parse(name: string, text: string): this {
    let trees: Map<string, ParsedTree>;
    try {
      trees = parseTemplate(name, text, this.delims[0], this.delims[1], this.hasFuncBound);
    } catch (e) {
      if (e instanceof ParseError) throw new TemplateError(e.message, e.parseName, e.line);
      throw e;
    }
    for (const [n, t] of trees) {
      const old = this.trees.get(n);
      if (old && isEmptyTree(t.root)) continue;
      this.trees.set(n, t);
    }
    if (!this.trees.has(name)) this.trees.set(name, trees.get(name)!);
    return this;
  }

  has(name: string): boolean { return this.trees.has(name); }
  names(): string[] { return [...this.trees.keys()]; }
  lookup(name: string): ParsedTree | undefined { return this.trees.get(name); }
  func(name: string): FuncEntry | undefined {
    return this.funcs.get(name) ?? (Object.prototype.hasOwnProperty.call(this.base, name) ? this.base[name] : undefined) ?? (Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined);
  }

  /** A copy of the namespace sharing the functions (Go's Clone), e.g. for Helm's tpl. */
  clone(options?: Partial<ExecOptions>): Templates {
    const c = new Templates({ delims: this.delims }, { trees: this.trees, funcs: this.funcs, base: this.base });
    Object.assign(c.options, this.options, options ?? {});
    return c;
  }

  /** Executes template `name` with `data` as dot; `depth` counts enclosing executions (include/tpl). */
  execute(name: string, data: unknown, rootName = name, depth = 0): string {
    const tree = this.trees.get(name);
    if (!tree) throw new TemplateError(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(rootName)}`, name);
    if (depth > this.options.maxTemplateDepth) throw new TemplateError(`template: ${name}: exceeded maximum template depth (${this.options.maxTemplateDepth})`, name);
    const st = new State(this, name, tree, data, depth);
    try {
      st.walk(data, false, tree.root);
    } catch (e) {
      if (e instanceof RangeError && /call stack/.test(e.message)) {
        throw new TemplateError(`template: ${name}: exceeded maximum template depth (JavaScript stack exhausted)`, name);
      }
      throw e;
    }
    return st.out;
  }
}

export { TemplateError };
