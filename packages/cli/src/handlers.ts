// Command handlers: translate parsed flags into the options of a core
// command, run it, and print its result. No delivery logic here.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '@werf-action/core';
import {
  build, configGraph, configList, configRender, helmSecret, helmTemplate, loadBuildReport, render,
  type BuildReport, type HelmSecretOperation,
} from '@werf-action/core/commands';
import { commandContext } from './context.js';
import { bool, list, str, usage, type ParsedArgs } from './flags.js';
import { buildOptions, keyValues, projectOptions, readInput, registryOptions, valueOptions } from './handlers/common.js';
import type { CliIo, Handler } from './main.js';

function printBuildSummary(report: BuildReport, ctx: Context): void {
  const names = Object.keys(report.Images);
  if (!names.length) return;
  const width = Math.max(...names.map((n) => n.length));
  ctx.log.info('');
  for (const n of names) {
    const img = report.Images[n]!;
    ctx.log.info(`${n.padEnd(width)}  ${img.Rebuilt ? 'built ' : 'reused'}  ${img.DockerImageName}`);
  }
}

async function runBuild(args: ParsedArgs, io: CliIo, ctx: Context): Promise<BuildReport> {
  const load = projectOptions(args.flags, io);
  const b = buildOptions(args.flags, io, load.dir);
  if (bool(args.flags, 'use-build-report')) return loadBuildReport(b.buildReportPath ?? b.defaultReportPath);
  const report = await build({
    load, images: args.positionals, ...registryOptions(args.flags),
    parallel: b.parallel, parallelTasksLimit: b.parallelTasksLimit, platform: b.platform, addCustomTags: b.addCustomTags,
    requireBuiltImages: b.requireBuiltImages, saveBuildReport: b.saveBuildReport || b.buildReportPath !== undefined,
    buildReportPath: b.buildReportPath ?? b.defaultReportPath,
  }, ctx);
  printBuildSummary(report, ctx);
  io.onReport?.({ kind: 'build', report });
  return report;
}

const buildHandler: Handler = async (args, io) => {
  await runBuild(args, io, commandContext(io, args.flags));
  return 0;
};

const configHandler = (which: 'render' | 'list' | 'graph'): Handler => async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const opts = { ...projectOptions(args.flags, io), ctx };
  const text = which === 'render' ? await configRender({ ...opts, images: args.positionals })
    : which === 'list' ? await configList({ ...opts, finalOnly: bool(args.flags, 'final-images-only') })
      : await configGraph({ ...opts, images: args.positionals });
  io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  return 0;
};

const renderHandler: Handler = async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const project = projectOptions(args.flags, io);
  const b = buildOptions(args.flags, io, project.dir);
  const result = await render(ctx, {
    ...project, ...valueOptions(args.flags, io), cwd: project.dir,
    repo: str(args.flags, 'repo'),
    images: args.positionals,
    stubTags: bool(args.flags, 'stub-tags'),
    buildReport: bool(args.flags, 'use-build-report') ? (b.buildReportPath ?? b.defaultReportPath) : undefined,
    build: () => runBuild(args, io, ctx),
    namespace: str(args.flags, 'namespace'),
    release: str(args.flags, 'release'),
    secretValues: list(args.flags, 'secret-values'),
    ignoreSecretKey: bool(args.flags, 'ignore-secret-key'),
    kubeVersion: str(args.flags, 'kube-version'),
    apiVersions: list(args.flags, 'extra-apiversions'),
    includeCrds: bool(args.flags, 'include-crds'),
    showOnly: list(args.flags, 'show-only'),
    addAnnotations: keyValues(list(args.flags, 'add-annotation'), 'add-annotation'),
    addLabels: keyValues(list(args.flags, 'add-label'), 'add-label'),
  });
  const out = str(args.flags, 'output');
  if (out) writeFileSync(resolve(io.cwd, out), result.output);
  else io.stdout.write(result.output);
  return 0;
};

const helmTemplateHandler: Handler = async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const [first, second, ...extra] = args.positionals;
  if (!first || extra.length) {
    throw usage('helm template takes [NAME] CHART');
  }
  const result = await helmTemplate(ctx, {
    ...valueOptions(args.flags, io),
    name: second === undefined ? undefined : first,
    chart: second ?? first,
    nameTemplate: str(args.flags, 'name-template'),
    namespace: str(args.flags, 'namespace'),
    kubeVersion: str(args.flags, 'kube-version'),
    apiVersions: list(args.flags, 'api-versions'),
    includeCrds: bool(args.flags, 'include-crds'),
    skipTests: bool(args.flags, 'skip-tests'),
    showOnly: list(args.flags, 'show-only'),
  });
  io.stdout.write(result.output);
  return 0;
};

const secretHandler = (op: 'values-encrypt' | 'values-decrypt' | 'values-edit' | 'file-encrypt' | 'file-decrypt'): Handler => async (args, io) => {
  const ctx = commandContext(io, args.flags);
  const file = args.positionals[0];
  if (!file) throw usage(`helm secret ${op.replace('-', ' ')} takes FILE`);
  const text = readInput(file, io);
  let operation: HelmSecretOperation;
  if (op === 'values-edit') {
    // Non-interactive edit: the new plain text comes on stdin; unchanged leaves keep their ciphertext.
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    operation = { op, encrypted: text, newPlain: Buffer.concat(chunks).toString('utf8'), file };
  } else if (op === 'file-encrypt') operation = { op, data: text };
  else operation = { op, text, file };
  const result = helmSecret(ctx, operation, { projectDir: resolve(io.cwd, str(args.flags, 'dir') ?? '.') });
  const out = str(args.flags, 'output-file-path');
  if (out) writeFileSync(resolve(io.cwd, out), result);
  else io.stdout.write(result);
  return 0;
};

export const handlers: Record<string, Handler> = {
  build: buildHandler,
  render: renderHandler,
  'config render': configHandler('render'),
  'config list': configHandler('list'),
  'config graph': configHandler('graph'),
  'helm template': helmTemplateHandler,
  'helm secret generate-secret-key': async (args, io) => {
    io.stdout.write(helmSecret(commandContext(io, args.flags), { op: 'generate-secret-key' }) as string);
    return 0;
  },
  'helm secret values encrypt': secretHandler('values-encrypt'),
  'helm secret values decrypt': secretHandler('values-decrypt'),
  'helm secret values edit': secretHandler('values-edit'),
  'helm secret file encrypt': secretHandler('file-encrypt'),
  'helm secret file decrypt': secretHandler('file-decrypt'),
};
