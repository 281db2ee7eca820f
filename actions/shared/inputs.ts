// The one place where an action's inputs become `werf-action` command-line
// arguments. Each action declares a table of InputSpec; the same table is
// checked against its action.yml by test/actions.test.ts.
export type InputKind = 'string' | 'bool' | 'int' | 'list';

export interface InputSpec {
  /** Input name in action.yml, e.g. "kube-config-base64-data". */
  input: string;
  kind: InputKind;
  /** CLI flag it becomes (without dashes); omitted for inputs handled by hand. */
  flag?: string;
  /** Environment variable it becomes instead of a flag (e.g. WERF_SECRET_KEY). */
  env?: string;
  /** Mask the value in every log line. */
  secret?: boolean;
}

export type GetInput = (name: string) => string;

export interface Translated {
  argv: string[];
  env: Record<string, string>;
  secrets: string[];
}

/** Splits a multi-line (or comma-less) list input the way users write them in YAML. */
export function splitList(raw: string): string[] {
  return raw.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Splits `args` into words, honouring single and double quotes. */
export function splitArgs(raw: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let has = false;
  for (const ch of raw) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
    }
  }
  if (quote) throw new Error(`input "args": unterminated ${quote} quote`);
  if (has || cur) out.push(cur);
  return out;
}

const TRUE = /^(true|yes|on|1)$/i;
const FALSE = /^(false|no|off|0)$/i;

export function translateInputs(specs: readonly InputSpec[], getInput: GetInput): Translated {
  const argv: string[] = [];
  const env: Record<string, string> = {};
  const secrets: string[] = [];
  for (const spec of specs) {
    const raw = getInput(spec.input).trim();
    if (raw === '') continue;
    if (spec.secret) secrets.push(raw);
    let values: string[];
    switch (spec.kind) {
      case 'bool':
        if (!TRUE.test(raw) && !FALSE.test(raw)) throw new Error(`input "${spec.input}": "${raw}" is not a boolean (use true or false)`);
        values = [TRUE.test(raw) ? 'true' : 'false'];
        break;
      case 'int':
        if (!/^\d+$/.test(raw)) throw new Error(`input "${spec.input}": "${raw}" is not a whole number`);
        values = [raw];
        break;
      case 'list':
        values = splitList(raw);
        break;
      default:
        values = [raw];
    }
    if (spec.env) env[spec.env] = values.join('\n');
    if (spec.flag) for (const v of values) argv.push(`--${spec.flag}=${v}`);
  }
  return { argv, env, secrets };
}
