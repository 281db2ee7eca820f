// User-facing errors as values. Every failure a user can act on is a
// WerfActionError with what failed, where (file:line:col, resource, registry,
// flag) and what to do. Front ends print `format()`; they never print a stack
// for these. Anything else that escapes is a bug and is reported as such.

export interface Location {
  /** Path relative to the project (or an absolute path when outside it). */
  file?: string;
  line?: number;
  column?: number;
  /** A Kubernetes resource (`Deployment/app` in `ns`), registry, image, flag... */
  subject?: string;
}

export interface ErrorDetails {
  /** Stable machine-readable code, e.g. `config.unknown-key`, `registry.unauthorized`. */
  code: string;
  location?: Location;
  /** What to do about it. */
  hint?: string;
  cause?: unknown;
}

export class WerfActionError extends Error {
  readonly code: string;
  readonly location?: Location;
  readonly hint?: string;

  constructor(message: string, details: ErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'WerfActionError';
    this.code = details.code;
    this.location = details.location;
    this.hint = details.hint;
  }

  /** `file:line:col: message` plus the hint on its own line. */
  format(): string {
    const where = formatLocation(this.location);
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}\n  hint: ${this.hint}` : head;
  }
}

export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.file) {
    let pos = loc.file;
    if (loc.line !== undefined) {
      pos += `:${loc.line}`;
      if (loc.column !== undefined) pos += `:${loc.column}`;
    }
    parts.push(pos);
  }
  if (loc.subject) parts.push(loc.subject);
  return parts.join(': ');
}

export function isWerfActionError(e: unknown): e is WerfActionError {
  return e instanceof WerfActionError;
}

/** Message for any thrown value: user errors formatted, others as `internal error: ...`. */
export function describeError(e: unknown): string {
  if (isWerfActionError(e)) return e.format();
  if (e instanceof Error) return `internal error: ${e.message}`;
  return `internal error: ${String(e)}`;
}
