// The context passed to every command and module instead of global state.
import { createLogger, consoleSink, type Logger } from './log/index.js';

export interface Context {
  log: Logger;
  signal: AbortSignal;
  /** Milliseconds since the epoch; replaceable in tests. */
  now(): number;
  /** The environment the command reads WERF_* and CI variables from. */
  env: Readonly<Record<string, string | undefined>>;
}

export function createContext(overrides: Partial<Context> = {}): Context {
  return {
    log: overrides.log ?? createLogger(consoleSink()),
    signal: overrides.signal ?? new AbortController().signal,
    now: overrides.now ?? Date.now,
    env: overrides.env ?? process.env,
  };
}
