// The GitHub side of logging: sections become collapsible groups, warnings
// and errors become annotations, secrets are registered with the runner's
// masker, and a user error with a location becomes a file:line annotation.
import * as core from '@actions/core';
import { isWerfActionError, type LogSink } from '@werf-action/core';

export function githubSink(): LogSink {
  return {
    write(level, line) {
      if (level === 'warn') core.warning(line);
      else if (level === 'error') core.error(line);
      else if (level === 'debug') core.debug(line);
      else core.info(line);
    },
    startSection: (title) => core.startGroup(title),
    endSection: (title, ms) => { core.endGroup(); core.info(`${title}: ${(ms / 1000).toFixed(2)} s`); },
    mask: (secret) => core.setSecret(secret),
  };
}

/** An annotation for the error that ended the command, pointing at the file when known. */
export function annotateError(e: unknown): void {
  if (!isWerfActionError(e)) return;
  const loc = e.location;
  core.error(e.hint ? `${e.message}\nhint: ${e.hint}` : e.message, {
    title: `werf-action: ${e.code}`,
    file: loc?.file,
    startLine: loc?.line,
    startColumn: loc?.column,
  });
}
