// Dockerfile parser: the file into instructions with line numbers, as
// BuildKit's frontend/dockerfile/parser + instructions do it (directives,
// comments, line continuations, JSON forms, flags, heredocs, multi-stage
// FROM ... AS). Syntax errors are WerfActionErrors naming the file and line.
import { WerfActionError } from '../../errors/index.js';

export interface Heredoc {
  name: string;
  content: string;
  /** false when the delimiter was quoted (no expansion). */
  expand: boolean;
  chomp: boolean;
}

export interface Instruction {
  /** Lower-case keyword: `from`, `run`, `copy`, ... */
  cmd: string;
  /** The instruction as BuildKit keeps it: first line left-trimmed, continuation lines joined, comments dropped. */
  original: string;
  /** `--flag[=value]` words before the arguments (COPY --from=x, RUN --mount=..., FROM --platform=...). */
  flags: string[];
  /** Arguments after the flags, split per instruction (JSON arrays decoded). */
  args: string[];
  /** The arguments were a JSON array (exec form). */
  json: boolean;
  startLine: number;
  endLine: number;
  heredocs: Heredoc[];
  /** For ONBUILD: the wrapped instruction. */
  sub?: Instruction;
}

export interface KeyValue {
  key: string;
  /** undefined for `ARG name` without a default. */
  value: string | undefined;
}

export interface DockerfileStage {
  index: number;
  /** Lower-cased `AS` name, or undefined. */
  name?: string;
  /** The image or stage named by FROM, unexpanded. */
  baseName: string;
  /** FROM --platform value, unexpanded. */
  platform?: string;
  from: Instruction;
  commands: Instruction[];
}

export interface Dockerfile {
  file: string;
  escapeToken: string;
  /** ARG instructions before the first FROM. */
  metaArgs: Instruction[];
  stages: DockerfileStage[];
  warnings: string[];
}

const KNOWN = new Set([
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label',
  'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
]);
const HEREDOC_CMDS = new Set(['run', 'copy', 'add']);
const WS_RE = /[\t\v\f\r ]+/;
const DIRECTIVE_RE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;

export function syntaxError(file: string, line: number, message: string, hint?: string): WerfActionError {
  return new WerfActionError(message, {
    code: 'dockerfile.syntax',
    location: { file, line },
    hint: hint ?? 'fix the Dockerfile; see https://docs.docker.com/reference/dockerfile/',
  });
}

/** Parses a Dockerfile. `file` is used in error locations (project-relative path). */
export function parseDockerfile(text: string, file = 'Dockerfile'): Dockerfile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let escape = '\\';
  let contRe = /\\[ \t]*$/;
  let directivesDone = false;
  const seenDirectives = new Set<string>();
  const warnings: string[] = [];
  const nodes: Instruction[] = [];

  const isComment = (l: string) => /^#/.test(l.trimStart());
  const processLine = (raw: string, stripLeft: boolean, lineNo: number): string => {
    const token = stripLeft ? raw.trimStart() : raw;
    if (!directivesDone) {
      const m = DIRECTIVE_RE.exec(token);
      if (!m) directivesDone = true;
      else {
        const k = m[1]!.toLowerCase();
        if (k !== 'escape' && k !== 'syntax' && k !== 'check') directivesDone = true;
        else {
          if (seenDirectives.has(k)) throw syntaxError(file, lineNo, `only one ${k} parser directive can be used`);
          seenDirectives.add(k);
          if (k === 'escape') {
            const v = m[2]!;
            if (v !== '`' && v !== '\\') throw syntaxError(file, lineNo, `invalid escape token '${v}' does not match \` or \\`);
            escape = v;
            contRe = v === '`' ? /`[ \t]*$/ : /\\[ \t]*$/;
          }
        }
      }
    }
    return token.replace(/^#.*$/, '');
  };
  const trimCont = (l: string): [string, boolean] => (contRe.test(l) ? [l.replace(contRe, ''), false] : [l, true]);

  let i = 0;
  while (i < lines.length) {
    const lineNo = i + 1;
    const processed = processLine(lines[i]!, true, lineNo);
    i++;
    const startLine = lineNo;
    let [line, end] = trimCont(processed);
    if (end && line === '') continue;
    let emptyCont = false;
    while (!end && i < lines.length) {
      const raw = lines[i]!;
      const p = processLine(raw, false, i + 1);
      i++;
      if (isComment(raw)) continue;
      if (p.trimStart() === '') {
        emptyCont = true;
        continue;
      }
      const [c, e] = trimCont(p);
      line += c;
      end = e;
    }
    if (emptyCont) warnings.push(`${file}:${startLine}: empty continuation line`);
    const node = parseLine(line, file, startLine, i);
    // Heredocs: bodies follow the instruction line.
    if (HEREDOC_CMDS.has(node.cmd) || (node.sub && HEREDOC_CMDS.has(node.sub.cmd))) {
      const target = node.sub ?? node;
      for (const h of findHeredocs(target.args.join(' '))) {
        const body: string[] = [];
        let closed = false;
        while (i < lines.length) {
          const raw = lines[i]!;
          i++;
          const cmp = h.chomp ? raw.replace(/^\t+/, '') : raw;
          if (cmp === h.name) {
            closed = true;
            break;
          }
          body.push(h.chomp ? cmp : raw);
        }
        if (!closed) throw syntaxError(file, startLine, `unterminated heredoc <<${h.name}`);
        const doc: Heredoc = { ...h, content: body.map((b) => b + '\n').join('') };
        target.heredocs.push(doc);
      }
      node.endLine = i;
    }
    nodes.push(node);
  }
  if (nodes.length === 0) throw syntaxError(file, Math.max(lines.length, 1), 'file with no instructions');

  const metaArgs: Instruction[] = [];
  const stages: DockerfileStage[] = [];
  for (const n of nodes) {
    if (n.cmd === 'from') {
      const args = n.args;
      if (!(args.length === 1 || (args.length === 3 && args[1]!.toLowerCase() === 'as'))) {
        throw syntaxError(file, n.startLine, 'FROM requires either one or three arguments');
      }
      const name = args.length === 3 ? args[2]!.toLowerCase() : undefined;
      if (name !== undefined && !/^[a-z][a-z0-9-_.]*$/.test(name)) {
        throw syntaxError(file, n.startLine, `invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`);
      }
      const platform = flagValue(n.flags, 'platform');
      stages.push({ index: stages.length, name, baseName: args[0]!, platform, from: n, commands: [] });
    } else if (stages.length === 0) {
      if (n.cmd !== 'arg') throw syntaxError(file, n.startLine, `no build stage in current context: ${n.cmd.toUpperCase()} before the first FROM`, 'only ARG may come before the first FROM');
      metaArgs.push(n);
    } else {
      stages[stages.length - 1]!.commands.push(n);
    }
  }
  if (stages.length === 0) throw syntaxError(file, nodes[nodes.length - 1]!.startLine, 'no FROM instruction', 'a Dockerfile needs at least one FROM');
  return { file, escapeToken: escape, metaArgs, stages, warnings };
}

function parseLine(line: string, file: string, startLine: number, endLine: number, inOnbuild = false): Instruction {
  const trimmed = line.trim();
  const m = WS_RE.exec(trimmed);
  const keyword = m ? trimmed.slice(0, m.index) : trimmed;
  const rest = m ? trimmed.slice(m.index + m[0].length) : '';
  const cmd = keyword.toLowerCase();
  if (!KNOWN.has(cmd)) throw syntaxError(file, startLine, `unknown instruction: ${keyword}`);
  const { flags, rest: argText } = extractFlags(rest, file, startLine);
  const node: Instruction = {
    cmd, original: line, flags, args: [], json: false, startLine, endLine, heredocs: [],
  };
  const at = (msg: string) => syntaxError(file, startLine, msg);
  switch (cmd) {
    case 'onbuild': {
      if (inOnbuild) throw at('ONBUILD ONBUILD is not allowed');
      const sub = parseLine(argText, file, startLine, endLine, true);
      if (sub.cmd === 'from' || sub.cmd === 'maintainer') throw at(`${sub.cmd.toUpperCase()} isn't allowed as an ONBUILD trigger`);
      node.sub = sub;
      node.args = [argText.trim()];
      break;
    }
    case 'add':
    case 'copy':
    case 'volume': {
      const j = tryJson(argText);
      if (j) {
        node.args = j;
        node.json = true;
      } else node.args = argText.trim() === '' ? [] : argText.trim().split(WS_RE);
      if (cmd !== 'volume' && node.args.length < 2) {
        throw at(`${cmd.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`);
      }
      break;
    }
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell': {
      const j = tryJson(argText);
      if (j) {
        node.args = j;
        node.json = true;
      } else node.args = argText === '' ? [] : [argText];
      if (cmd === 'shell' && !node.json) throw at('SHELL requires the arguments to be in JSON form');
      break;
    }
    case 'from':
    case 'expose':
      node.args = argText.trim() === '' ? [] : argText.trim().split(WS_RE);
      break;
    case 'arg': {
      const words = splitWords(argText, '\\');
      if (words.length === 0) throw at('ARG requires at least one argument');
      node.args = words;
      break;
    }
    case 'env':
    case 'label': {
      const words = splitWords(argText, '\\');
      if (words.length === 0) throw at(`${cmd.toUpperCase()} requires at least one argument`);
      if (!words[0]!.includes('=')) {
        // legacy `ENV key value with spaces`
        const mm = WS_RE.exec(argText.trim());
        if (!mm) throw at(`${cmd.toUpperCase()} must have two arguments`);
        const t = argText.trim();
        node.args = [`${t.slice(0, mm.index)}=${t.slice(mm.index + mm[0].length)}`];
        node.json = false;
        (node as Instruction & { legacyKV?: boolean }).legacyKV = true;
      } else {
        for (const w of words) {
          if (!w.includes('=')) throw at(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
        }
        node.args = words;
      }
      break;
    }
    default:
      node.args = argText.trim() === '' ? [] : [argText.trim()];
      if (['workdir', 'user', 'stopsignal', 'maintainer'].includes(cmd) && node.args.length === 0) {
        throw at(`${cmd.toUpperCase()} requires exactly one argument`);
      }
  }
  return node;
}

/** Key/value pairs of an ARG/ENV/LABEL instruction (values unexpanded, quotes kept). */
export function keyValues(ins: Instruction): KeyValue[] {
  const legacy = (ins as Instruction & { legacyKV?: boolean }).legacyKV === true;
  return ins.args.map((w) => {
    const eq = w.indexOf('=');
    if (eq < 0) return { key: w, value: undefined };
    return { key: w.slice(0, eq), value: legacy ? w.slice(eq + 1) : w.slice(eq + 1) };
  });
}

export function flagValue(flags: string[], name: string): string | undefined {
  let v: string | undefined;
  for (const f of flags) {
    if (f === `--${name}`) v = '';
    else if (f.startsWith(`--${name}=`)) v = f.slice(name.length + 3);
  }
  return v;
}

export function flagValues(flags: string[], name: string): string[] {
  return flags.filter((f) => f.startsWith(`--${name}=`)).map((f) => f.slice(name.length + 3));
}

function tryJson(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    /* shell form */
  }
  return undefined;
}

/** BuildKit's extractBuilderFlags: leading `--name[=value]` words. */
function extractFlags(text: string, file: string, line: number): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (!text.startsWith('--', i)) break;
    let word = '';
    let quote = '';
    let j = i;
    for (; j < n; j++) {
      const c = text[j]!;
      if (quote) {
        if (c === quote) quote = '';
        else word += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c)) break;
      else word += c;
    }
    if (quote) throw syntaxError(file, line, `unmatched quote in flag ${word}`);
    i = j;
    if (word === '--') break;
    flags.push(word);
  }
  return { flags, rest: text.slice(i) };
}

/** Whitespace-separated words; quotes and escapes stay in the words (BuildKit parseWords). */
export function splitWords(text: string, escape: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let blank = true;
  const chars = Array.from(text);
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    if (blank) {
      if (/\s/.test(c)) continue;
      blank = false;
    }
    if (/\s/.test(c) && !quote) {
      words.push(word);
      word = '';
      blank = true;
      continue;
    }
    if (c === escape && k + 1 < chars.length && quote !== "'") {
      word += c + chars[++k]!;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    word += c;
  }
  if (word !== '') words.push(word);
  return words;
}

function findHeredocs(argText: string): Omit<Heredoc, 'content'>[] {
  const out: Omit<Heredoc, 'content'>[] = [];
  const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
  for (let m = re.exec(argText); m; m = re.exec(argText)) {
    out.push({ name: m[3]!, chomp: m[1] === '-', expand: m[2] === '' });
  }
  return out;
}

/** The stage index a `--from=` / `FROM` value names, or undefined for an image. */
export function stageIndexByName(df: Dockerfile, ref: string): number | undefined {
  const lower = ref.toLowerCase();
  for (const s of df.stages) if (s.name !== undefined && s.name === lower) return s.index;
  if (/^\d+$/.test(ref)) {
    const n = Number(ref);
    if (n < df.stages.length) return n;
  }
  return undefined;
}

/** Index of the target stage (last stage when `target` is empty). */
export function targetStageIndex(df: Dockerfile, target: string | undefined): number {
  if (!target) return df.stages.length - 1;
  for (const s of df.stages) if (s.name === target) return s.index;
  for (const s of df.stages) if (s.name === target.toLowerCase()) return s.index;
  throw new WerfActionError(`${target} is not a valid target build stage`, {
    code: 'dockerfile.target-not-found',
    location: { file: df.file },
    hint: `stages in ${df.file}: ${df.stages.map((s) => s.name ?? String(s.index)).join(', ')}`,
  });
}

/** The stages `index` needs: FROM <stage>, COPY --from=<stage>, RUN --mount=from=<stage>, transitively, in order. */
export function stageClosure(df: Dockerfile, index: number): number[] {
  const seen = new Set<number>();
  const visit = (i: number) => {
    if (seen.has(i)) return;
    seen.add(i);
    const st = df.stages[i]!;
    const base = stageIndexByName(df, st.baseName);
    if (base !== undefined && base < i) visit(base);
    for (const c of st.commands) {
      const all = c.sub ? [c, c.sub] : [c];
      for (const ins of all) {
        const from = flagValue(ins.flags, 'from');
        if (from !== undefined && (ins.cmd === 'copy' || ins.cmd === 'add')) {
          const j = stageIndexByName(df, from);
          if (j !== undefined && j !== i) visit(j);
        }
        for (const m of flagValues(ins.flags, 'mount')) {
          const mf = /(?:^|,)from=([^,]+)/.exec(m);
          if (mf) {
            const j = stageIndexByName(df, mf[1]!);
            if (j !== undefined && j !== i) visit(j);
          }
        }
      }
    }
  };
  visit(index);
  return [...seen].sort((a, b) => a - b);
}
