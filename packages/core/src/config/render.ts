// Rendering werf.yaml as one Go template (reference/werf-core.md §1.5):
// werf.yaml + every templates-dir `*.tmpl` (named by its path inside the
// dir), Sprig without expandenv, werf's `env`, `include`, `tpl`, `required`,
// `fromYaml`, debug helpers, and the data `.Files`, `.Env`, `.Commit`.
// Template errors become WerfActionErrors at the template's file:line:col.
import { parse as parseYaml } from 'yaml';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as gotemplate from './gotemplate.js';
import { GO_METHODS, GoInt } from './gotemplate.js';
import { WerfActionError } from '../errors/index.js';
import type { Logger } from '../log/index.js';
import type { ProjectFiles } from './files.js';
import type { GiterminismConfig } from './types.js';
import { matchGlobList, matchNameList } from './giterminism.js';
import { describeStatus } from './files.js';
import { globToRegExp, globBase } from './glob.js';

export interface TemplateFile {
  /** Template name: path inside the templates dir (`apps/backend.tmpl`). */
  name: string;
  /** Path relative to the project dir (`.werf/apps/backend.tmpl`). */
  file: string;
  source: string;
}

export interface RenderOptions {
  configPath: string;
  source: string;
  templates: TemplateFile[];
  env: string;
  commit: { hash: string; date: Date };
  files: ProjectFiles;
  giterminism: GiterminismConfig;
  loose: boolean;
  dev: boolean;
  processEnv: Readonly<Record<string, string | undefined>>;
  debugTemplates?: boolean;
  log?: Logger;
}

const MAIN = 'werfConfig';

/** Go's time.Time.String() for a UTC time: `2006-01-02 15:04:05 +0000 UTC`. */
export function goTimeString(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** Converts a parsed YAML value to the template value model (integers are Go ints). */
function toGo(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? new GoInt(BigInt(v)) : v;
  if (Array.isArray(v)) return v.map(toGo);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toGo(x);
    return out;
  }
  return v === undefined ? null : v;
}

class FilesApi {
  constructor(private readonly o: RenderOptions) {}

  private allowed(p: string): boolean {
    return this.o.loose || this.o.dev || matchGlobList(this.o.giterminism.config.goTemplateRendering.allowUncommittedFiles, p);
  }

  private clean(p: string): string {
    if (p.startsWith('/')) throw new gotemplate.FuncError(`the path ${JSON.stringify(p)} must be relative to the project directory`);
    const parts: string[] = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (!parts.length) throw new gotemplate.FuncError(`the path ${JSON.stringify(p)} is outside the project directory`);
        parts.pop();
      } else parts.push(seg);
    }
    return parts.join('/');
  }

  private checkCommitted(paths: string[]): void {
    const f = this.o.files;
    const entries = f.repo.sync.status(paths.map((p) => f.toRepo(p)));
    if (entries.length) {
      const names = entries.map((e) => `${f.fromRepo(e.path)} (${describeStatus(e)})`).join(', ');
      throw new gotemplate.FuncError(`giterminism: ${names} ${entries.length === 1 ? 'has' : 'have'} uncommitted changes and ${entries.length === 1 ? 'is' : 'are'} read from the commit; commit, use --dev, or add to config.goTemplateRendering.allowUncommittedFiles in werf-giterminism.yaml`);
    }
  }

  get(p0: string): string {
    const p = this.clean(p0);
    const f = this.o.files;
    if (this.allowed(p)) {
      const abs = `${f.projectDir}/${p}`;
      try {
        // synchronous read: template functions cannot await
        const real = realpathSync(abs);
        if (real !== f.repo.root && !real.startsWith(f.repo.root + '/')) throw new gotemplate.FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: the file is a symlink outside the repository`);
        f.workTreeReads.add(p);
        return readFileSync(real, 'utf8');
      } catch (e) {
        if (e instanceof gotemplate.FuncError) throw e;
        throw new gotemplate.FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: the file ${p} was not found in the project directory`);
      }
    }
    const m = f.repo.sync.readFiles(f.commit, [f.toRepo(p)], { followSymlinks: true });
    const b = m.get(f.toRepo(p));
    if (!b) {
      const info = f.repo.sync.inspectPaths(f.commit, [f.toRepo(p)]).get(f.toRepo(p));
      if (info?.kind === 'outside') throw new gotemplate.FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: ${p} is a symlink to ${info.target}, outside the repository`);
      throw new gotemplate.FuncError(`{{ .Files.Get ${JSON.stringify(p0)} }}: the file ${p} was not found in the current commit`);
    }
    // unchanged in the work tree? (content comparison; git status only to name a difference)
    let disk: Buffer | null = null;
    try {
      disk = readFileSync(`${f.projectDir}/${p}`);
    } catch {
      disk = null;
    }
    if (disk === null || Buffer.compare(disk, b) !== 0) this.checkCommitted([p]);
    return b.toString('utf8');
  }

  glob(pattern: string): Record<string, unknown> {
    const f = this.o.files;
    const pat = pattern.replace(/^\.\//, '');
    const workTree = this.o.loose || this.o.dev;
    let names: string[];
    const re = globRe(pat);
    const base = baseOf(pat);
    if (workTree) {
      names = f.repo.sync.lsWorkTreeFiles([f.toRepo(base)]).map((x) => f.fromRepo(x)).filter((n) => re.test(n));
    } else {
      names = f.repo.sync.lsTree(f.commit, [f.toRepo(base)]).map((e) => f.fromRepo(e.path)).filter((n) => re.test(n));
      // files allowed uncommitted come from the work tree (including untracked ones)
      const allow = this.o.giterminism.config.goTemplateRendering.allowUncommittedFiles;
      if (allow.length) {
        const extra = f.repo.sync.lsWorkTreeFiles([f.toRepo(base)]).map((x) => f.fromRepo(x)).filter((n) => re.test(n) && this.allowed(n));
        names = [...new Set([...names, ...extra])];
      }
    }
    names.sort();
    if (names.length === 0) throw new gotemplate.FuncError(`{{ .Files.Glob ${JSON.stringify(pattern)} }}: no matches found`);
    const out: Record<string, unknown> = {};
    for (const n of names) out[n] = this.get(n);
    return out;
  }

  kind(p0: string): 'file' | 'dir' | null {
    const p = this.clean(p0);
    const f = this.o.files;
    if (this.allowed(p)) {
      try {
        const s = statSync(`${f.projectDir}/${p}`);
        return s.isDirectory() ? 'dir' : 'file';
      } catch {
        return null;
      }
    }
    if (p === '') return 'dir';
    const info = f.repo.sync.inspectPaths(f.commit, [f.toRepo(p)]).get(f.toRepo(p));
    return info?.kind === 'blob' ? 'file' : info?.kind === 'tree' ? 'dir' : null;
  }
}

const globRe = (p: string) => globToRegExp(p);
const baseOf = (p: string) => globBase(p);

let tplCounter = 0;

/** Renders werf.yaml; returns the rendered text. */
export function renderWerfYaml(o: RenderOptions): string {
  const filesApi = new FilesApi(o);
  const Files = {
    [GO_METHODS]: {
      Get: { params: ['string'], fn: (p: string) => filesApi.get(p) },
      Glob: { params: ['string'], fn: (p: string) => filesApi.glob(p) },
      Exists: { params: ['string'], fn: (p: string) => filesApi.kind(p) !== null },
      IsDir: { params: ['string'], fn: (p: string) => filesApi.kind(p) === 'dir' },
    },
  };
  const data = {
    Files,
    Env: o.env,
    Commit: { Hash: o.commit.hash, Date: { Human: goTimeString(o.commit.date), Unix: String(Math.floor(o.commit.date.getTime() / 1000)) } },
  };

  const fileOf = new Map<string, string>([[MAIN, o.configPath]]);
  for (const t of o.templates) fileOf.set(t.name, t.file);

  // eslint-disable-next-line prefer-const
  let set: ReturnType<typeof newSet>;
  const debug = (msg: string) => {
    if (o.debugTemplates) o.log?.info(msg);
  };
  const funcs: Record<string, gotemplate.FuncEntry> = {
    include: { params: ['string', 'any'], fn: (name: string, d: unknown) => set.execute(name, d) },
    tpl: {
      params: ['string', 'any'],
      fn: (text: string, d: unknown) => {
        const name = `tpl-${++tplCounter}`;
        fileOf.set(name, o.configPath);
        set.parse(name, text);
        return set.execute(name, d);
      },
    },
    env: {
      params: ['any'],
      variadic: 'string',
      fn: (nameV: unknown, ...rest: string[]) => {
        if (rest.length > 1) throw new gotemplate.FuncError('more than 1 optional argument prohibited');
        const name = typeof nameV === 'string' ? nameV : String(nameV);
        if (!o.loose && !matchNameList(o.giterminism.config.goTemplateRendering.allowEnvVariables, name)) {
          throw new gotemplate.FuncError(`the environment variable ${JSON.stringify(name)} is not allowed by giterminism: add it to config.goTemplateRendering.allowEnvVariables in werf-giterminism.yaml`);
        }
        const v = o.processEnv[name];
        const fallback = rest.length === 1 ? rest[0] : undefined;
        if (v === undefined) {
          if (fallback !== undefined) return fallback;
          if (!o.loose) throw new gotemplate.FuncError(`the environment variable ${JSON.stringify(name)} must be set or default must be provided`);
          return '';
        }
        if (v === '' && fallback !== undefined) return fallback;
        return v;
      },
    },
    required: {
      params: ['string', 'any'],
      fn: (msg: string, v: unknown) => {
        if (v === null || v === undefined || v === '') throw new gotemplate.FuncError(msg);
        return v;
      },
    },
    fromYaml: {
      params: ['string'],
      fn: (s: string) => {
        let v: unknown;
        try {
          v = parseYaml(s, { version: '1.1' });
        } catch (e) {
          throw new gotemplate.FuncError((e as Error).message.split('\n')[0]!);
        }
        if (v === null || v === undefined) return {};
        if (typeof v !== 'object' || Array.isArray(v)) throw new gotemplate.FuncError('fromYaml: the document is not a map');
        return toGo(v);
      },
    },
    toYaml: { params: ['any'], fn: (v: unknown) => gotemplate.toYaml(v) },
    tpl_debug: { params: ['string', 'any'], fn: (text: string, d: unknown) => {
      if (o.debugTemplates) {
        const name = `tpl-${++tplCounter}`;
        set.parse(name, text);
        debug(`-- tpl_debug template ${name} content:\n${text}\n-- render:\n${set.execute(name, d)}`);
      }
      return '';
    } },
    include_debug: { params: ['string', 'any'], fn: (name: string, d: unknown) => {
      if (o.debugTemplates) debug(`-- include_debug template ${JSON.stringify(name)} render:\n${set.execute(name, d)}`);
      return '';
    } },
    printf_debug: { params: ['string'], variadic: 'any', fn: (format: string, ...args: unknown[]) => {
      if (o.debugTemplates) debug(`-- printf_debug: ${gotemplate.sprintf(format, args)}`);
      return '';
    } },
    dump_debug: { params: ['any'], fn: (v: unknown) => {
      if (o.debugTemplates) debug(`-- dump_debug: ${gotemplate.sprintf('%#v', [v])}`);
      return '';
    } },
  };
  set = newSet(funcs);
  try {
    for (const t of o.templates) set.parse(t.name, t.source);
    set.parse(MAIN, o.source);
    return set.execute(MAIN, data);
  } catch (e) {
    throw toConfigError(e, fileOf, o.configPath);
  }
}

function newSet(funcs: Record<string, gotemplate.FuncEntry>) {
  // Sprig comes with the set (without env/expandenv); werf's env replaces Sprig's
  const t = new gotemplate.Templates({ typedFuncs: funcs, missingKey: 'default' });
  return {
    parse(name: string, text: string) {
      t.parse(name, text);
    },
    execute(name: string, data: unknown): string {
      return t.execute(name, data);
    },
  };
}

function toConfigError(e: unknown, fileOf: Map<string, string>, configPath: string): unknown {
  if (e instanceof WerfActionError) return e;
  if (e instanceof gotemplate.TemplateError) {
    let file = fileOf.get(e.templateName) ?? configPath;
    let line = e.line;
    // Go's template positions count columns from 0; ours (and editors') from 1
    let column = e.column !== undefined ? e.column + 1 : undefined;
    let msg = e.message.replace(/^template: /, '');
    // Go names templates in messages; show files instead (werfConfig -> werf.yaml)
    for (const [name, f] of fileOf) if (name !== f) msg = msg.split(`${name}:`).join(`${f}:`).split(`"${name}"`).join(`"${f}"`);
    // include/tpl nest errors: point at the innermost template position and show its cause
    const files = new Set(fileOf.values());
    let innermost: RegExpExecArray | undefined;
    for (const m of msg.matchAll(/(?:^|template: |: )([^\s:"<>]+):(\d+)(?::(\d+))?: /g)) if (files.has(m[1]!)) innermost = m;
    const chain = msg;
    if (innermost && innermost.index! > 0) {
      file = innermost[1]!;
      line = Number(innermost[2]);
      column = innermost[3] !== undefined ? Number(innermost[3]) + 1 : undefined;
      msg = msg.slice(innermost.index! + innermost[0].length);
    } else if (innermost) {
      msg = msg.slice(innermost[0].length);
    }
    const calls = [...msg.matchAll(/error calling [^:]+: /g)];
    if (calls.length) msg = msg.slice(calls[calls.length - 1]!.index! + calls[calls.length - 1]![0].length);
    return new WerfActionError(`template error: ${msg}`, {
      code: 'config.template',
      location: { file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) },
      hint: `${chain === msg ? '' : `${chain}\n`}werf.yaml is rendered as a Go template together with the templates dir`,
    });
  }
  return e;
}
