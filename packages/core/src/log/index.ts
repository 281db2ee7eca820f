// The logger every module receives through the context. Front ends plug in a
// sink (console for the CLI, @actions/core for GitHub, collapsible sections
// for GitLab). Secrets registered with `mask` are replaced in every line
// before it reaches the sink, whatever module wrote it.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogSink {
  write(level: LogLevel, line: string): void;
  /** Start/end a collapsible group (GitHub ::group::, GitLab section_start). */
  startSection?(title: string): void;
  endSection?(title: string, elapsedMs: number): void;
  /** Tells the platform to hide a value (GitHub ::add-mask::). */
  mask?(secret: string): void;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Register a value that must never be printed. */
  mask(secret: string): void;
  /** Replace every registered secret in `text` with `***`. */
  redact(text: string): string;
  /** Run `fn` inside a titled section; logs its duration. */
  section<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

const MIN_SECRET_LENGTH = 3; // masking "a" would shred every line

export function createLogger(sink: LogSink, options: { verbose?: boolean; now?: () => number } = {}): Logger {
  const secrets = new Set<string>();
  const now = options.now ?? Date.now;
  let sorted: string[] = [];

  const redact = (text: string): string => {
    let out = text;
    for (const s of sorted) if (out.includes(s)) out = out.split(s).join('***');
    return out;
  };
  const emit = (level: LogLevel, message: string) => {
    for (const line of redact(message).split('\n')) sink.write(level, line);
  };
  return {
    debug: (m) => { if (options.verbose) emit('debug', m); },
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
    mask(secret) {
      if (!secret || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return;
      secrets.add(secret);
      // Longest first, so a secret containing another is replaced whole.
      sorted = [...secrets].sort((a, b) => b.length - a.length);
      sink.mask?.(secret);
    },
    redact,
    async section(title, fn) {
      const start = now();
      if (sink.startSection) sink.startSection(redact(title));
      else emit('info', `┌ ${title}`);
      try {
        return await fn();
      } finally {
        const elapsed = now() - start;
        if (sink.endSection) sink.endSection(redact(title), elapsed);
        else emit('info', `└ ${title} (${(elapsed / 1000).toFixed(2)}s)`);
      }
    },
  };
}

/** A sink that keeps lines in memory; for tests and for reports. */
export function memorySink(): LogSink & { lines: { level: LogLevel; line: string }[]; text(): string } {
  const lines: { level: LogLevel; line: string }[] = [];
  return {
    lines,
    write(level, line) { lines.push({ level, line }); },
    text() { return lines.map((l) => l.line).join('\n'); },
  };
}

/** Plain stderr sink for the CLI. */
export function consoleSink(stream: NodeJS.WritableStream = process.stderr): LogSink {
  return {
    write(level, line) {
      const prefix = level === 'warn' ? 'Warning: ' : level === 'error' ? 'Error: ' : '';
      stream.write(prefix + line + '\n');
    },
  };
}
