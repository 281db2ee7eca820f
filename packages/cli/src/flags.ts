// Command-line flags the werf way: `--name value`, `--name=value`, short
// aliases, repeatable flags, and a WERF_<NAME> environment default for each
// flag (repeatable flags also read every WERF_<NAME>_<SUFFIX> variable, as
// werf does for WERF_SET_*, WERF_ADD_ANNOTATION_*, WERF_SECONDARY_REPO_1...).
import { WerfActionError } from '@werf-action/core';

export type FlagType = 'string' | 'bool' | 'int' | 'list';

export interface FlagSpec {
  name: string;               // without dashes: "repo", "add-custom-tag"
  type: FlagType;
  description: string;
  short?: string;             // one letter: "p" for --parallel
  /** Environment variable; defaults to WERF_<NAME>. `false` for none. */
  env?: string | false;
  default?: string | boolean | number;
  /** Value shown in --help, e.g. REGISTRY/PROJECT */
  valueName?: string;
}

export type FlagValue = string | boolean | number | string[] | undefined;
export type ParsedFlags = Record<string, FlagValue>;

export interface ParsedArgs {
  flags: ParsedFlags;
  /** Where each flag's value came from, to name it in errors. */
  sources: Record<string, string>;
  positionals: string[];
  /** Everything after a bare `--`. */
  rest: string[];
}

export function envName(spec: FlagSpec): string | undefined {
  if (spec.env === false) return undefined;
  return spec.env ?? `WERF_${spec.name.toUpperCase().replace(/-/g, '_')}`;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

function parseBool(raw: string, where: string): boolean {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw usage(`${where}: "${raw}" is not a boolean`, 'use true or false');
}

function parseInt10(raw: string, where: string): number {
  if (!/^-?\d+$/.test(raw.trim())) throw usage(`${where}: "${raw}" is not an integer`);
  return Number(raw);
}

export function usage(message: string, hint?: string): WerfActionError {
  return new WerfActionError(message, { code: 'cli.usage', hint: hint ?? 'see --help' });
}

/**
 * Parse argv against the flag specs. Precedence: command line, then the
 * environment, then the default. Unknown flags are errors, as in werf.
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: ParsedFlags = {};
  const sources: Record<string, string> = {};
  const positionals: string[] = [];
  let rest: string[] = [];

  const set = (spec: FlagSpec, raw: string | undefined, where: string) => {
    switch (spec.type) {
      case 'bool':
        flags[spec.name] = raw === undefined ? true : parseBool(raw, where);
        break;
      case 'int':
        flags[spec.name] = parseInt10(raw ?? '', where);
        break;
      case 'list':
        flags[spec.name] = [...((flags[spec.name] as string[] | undefined) ?? []), raw ?? ''];
        break;
      default:
        flags[spec.name] = raw ?? '';
    }
    sources[spec.name] = where;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { rest = argv.slice(i + 1); break; }
    if (!arg.startsWith('-') || arg === '-') { positionals.push(arg); continue; }
    let name: string;
    let inline: string | undefined;
    let spec: FlagSpec | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = byName.get(name);
    } else {
      name = arg.slice(1, 2);
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
      spec = byShort.get(name);
    }
    if (!spec) throw usage(`unknown flag ${arg.split('=')[0]}`);
    const where = `flag --${spec.name}`;
    if (spec.type === 'bool') {
      set(spec, inline, where);
      continue;
    }
    if (inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined) throw usage(`flag --${spec.name} needs a value`);
      inline = next;
      i++;
    }
    set(spec, inline, where);
  }

  for (const spec of specs) {
    if (flags[spec.name] !== undefined) continue;
    const name = envName(spec);
    if (name) {
      if (spec.type === 'list') {
        // WERF_SET_FOO=..., WERF_SET_1=...: every variable with the prefix, in name order.
        const prefix = `${name}_`;
        const keys = Object.keys(env).filter((k) => (k === name || k.startsWith(prefix)) && env[k] !== undefined && env[k] !== '').sort();
        if (keys.length) {
          flags[spec.name] = keys.map((k) => env[k]!);
          sources[spec.name] = `environment ${keys.join(', ')}`;
          continue;
        }
      } else if (env[name] !== undefined && env[name] !== '') {
        set(spec, env[name], `environment ${name}`);
        continue;
      }
    }
    if (spec.default !== undefined) flags[spec.name] = spec.default;
    else if (spec.type === 'list') flags[spec.name] = [];
  }
  return { flags, sources, positionals, rest };
}

export function str(flags: ParsedFlags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
export function bool(flags: ParsedFlags, name: string): boolean {
  return flags[name] === true;
}
export function int(flags: ParsedFlags, name: string): number | undefined {
  const v = flags[name];
  return typeof v === 'number' ? v : undefined;
}
export function list(flags: ParsedFlags, name: string): string[] {
  const v = flags[name];
  return Array.isArray(v) ? v : [];
}
