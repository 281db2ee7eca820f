// Flag groups shared by several commands, turned into core options.
import { isAbsolute, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { WerfActionError } from '@werf-action/core';
import { bool, int, list, str, type ParsedFlags } from '../flags.js';
import type { CliIo } from '../main.js';

export function projectOptions(flags: ParsedFlags, io: CliIo) {
  return {
    dir: resolve(io.cwd, str(flags, 'dir') ?? '.'),
    gitWorkTree: str(flags, 'git-work-tree') && resolve(io.cwd, str(flags, 'git-work-tree')!),
    config: str(flags, 'config'),
    configTemplatesDir: str(flags, 'config-templates-dir'),
    giterminismConfig: str(flags, 'giterminism-config'),
    env: str(flags, 'env'),
    dev: bool(flags, 'dev'),
    looseGiterminism: bool(flags, 'loose-giterminism'),
    debugTemplates: bool(flags, 'debug-templates'),
  };
}

export function registryOptions(flags: ParsedFlags) {
  return {
    repo: str(flags, 'repo'),
    finalRepo: str(flags, 'final-repo'),
    insecureRegistry: bool(flags, 'insecure-registry'),
    skipTlsVerifyRegistry: bool(flags, 'skip-tls-verify-registry'),
    dockerConfig: str(flags, 'docker-config'),
  };
}

export function buildOptions(flags: ParsedFlags, io: CliIo, dir: string) {
  const reportPath = str(flags, 'build-report-path');
  return {
    parallel: bool(flags, 'parallel'),
    parallelTasksLimit: int(flags, 'parallel-tasks-limit'),
    platform: list(flags, 'platform'),
    addCustomTags: list(flags, 'add-custom-tag'),
    requireBuiltImages: bool(flags, 'require-built-images'),
    saveBuildReport: bool(flags, 'save-build-report'),
    buildReportPath: reportPath && (isAbsolute(reportPath) ? reportPath : resolve(io.cwd, reportPath)),
    defaultReportPath: resolve(dir, '.werf-build-report.json'),
  };
}

export function valueOptions(flags: ParsedFlags, io: CliIo) {
  return {
    valueFiles: list(flags, 'values'),
    values: list(flags, 'set'),
    stringValues: list(flags, 'set-string'),
    fileValues: list(flags, 'set-file'),
    jsonValues: list(flags, 'set-json'),
    cwd: io.cwd,
  };
}

/** `key=value` pairs of --add-annotation / --add-label. */
export function keyValues(items: string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new WerfActionError(`--${flag} ${JSON.stringify(item)} is not key=value`, { code: 'cli.usage', location: { subject: `--${flag}` }, hint: 'write it as key=value' });
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export function readInput(path: string, io: CliIo): string {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new WerfActionError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { code: 'cli.input', location: { file: path } });
  }
}
