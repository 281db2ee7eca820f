// `werf-action` entry: find the command, parse its flags, run its handler,
// turn errors into a message and an exit code. Handlers are loaded lazily so
// `--help` and `--version` start fast.
import { describeError, isWerfActionError, VERSION, type LogSink } from '@werf-action/core';
import { parseArgs, usage, type ParsedArgs } from './flags.js';
import { commands, type CommandSpec } from './specs.js';
import { commandHelp, globalHelp } from './help.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Where command logs go; the CLI writes to stderr, the actions to workflow commands. */
  logSink?: LogSink;
  /** Told about the error that ends a command, e.g. to make a file:line annotation. */
  onError?: (error: unknown) => void;
  /** Told about a command's report (werf's shapes), e.g. to set action outputs. */
  onReport?: (report: CommandReport) => void;
}

export type CommandReport = { kind: 'build'; report: import('@werf-action/core/commands').BuildReport };

export type Handler = (args: ParsedArgs, io: CliIo) => Promise<number>;

/** Exit codes: 0 ok, 1 failure, 2 usage error or not implemented (and plan --exit-code "changes"). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(globalHelp());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const spec = findCommand(argv);
  if (!spec) {
    io.stderr.write(`Error: unknown command "${argv.filter((a) => !a.startsWith('-')).slice(0, 3).join(' ')}"\n  hint: run werf-action --help for the list of commands\n`);
    return 2;
  }
  const rest = argv.slice(spec.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  try {
    const args = parseArgs(rest, spec.flags, io.env);
    const { handlers } = await import('./handlers.js');
    const handler: Handler | undefined = handlers[spec.path.join(' ')];
    if (!handler) {
      throw Object.assign(usage(`werf-action ${spec.path.join(' ')} is not implemented yet`,
        `it is tracked in the issue "${spec.issue}"; nothing was done`), { code: 'cli.not-implemented' });
    }
    return await handler(args, io);
  } catch (e) {
    io.onError?.(e);
    io.stderr.write(`Error: ${describeError(e)}\n`);
    if (!isWerfActionError(e) && e instanceof Error && io.env.WERF_LOG_DEBUG) io.stderr.write(`${e.stack}\n`);
    return isWerfActionError(e) && e.code.startsWith('cli.') ? 2 : 1;
  }
}

function findCommand(argv: readonly string[]): CommandSpec | undefined {
  let best: CommandSpec | undefined;
  for (const c of commands) {
    if (c.path.every((p, i) => argv[i] === p) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best;
}
