// The Context a CLI command runs with: a logger on the front end's sink, the
// environment, and an abort signal that fires on SIGINT/SIGTERM so a
// cancelled CI job stops Buildah and leaves the registry valid.
import { consoleSink, createContext, createLogger, type Context } from '@werf-action/core';
import { bool, type ParsedFlags } from './flags.js';
import type { CliIo } from './main.js';

export function commandContext(io: CliIo, flags: ParsedFlags): Context {
  const quiet = bool(flags, 'log-quiet');
  const sink = io.logSink ?? consoleSink(io.stderr);
  const log = createLogger(quiet ? { ...sink, write: (level, line) => { if (level === 'error' || level === 'warn') sink.write(level, line); } } : sink, {
    verbose: bool(flags, 'log-verbose') || bool(flags, 'log-debug'),
  });
  const abort = new AbortController();
  const stop = () => abort.abort(new Error('cancelled by signal'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  abort.signal.addEventListener('abort', () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); });
  return createContext({ log, env: io.env, signal: abort.signal });
}
