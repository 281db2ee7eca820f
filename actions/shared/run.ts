// Runs one werf-action command the way every action does: inputs -> argv,
// secrets masked, the CLI's command run in-process, exit code -> failure.
// Delivery logic stays in the core; this only translates.
import * as core from '@actions/core';
import { main, type CommandReport } from '@werf-action/cli';
import { describeError } from '@werf-action/core';
import { annotateError, githubSink } from './github-log.js';
import { publishReport } from './outputs.js';
import { splitArgs, translateInputs, type InputSpec } from './inputs.js';

export interface ActionDefinition {
  /** CLI command path, e.g. ['converge']. */
  command: string[];
  inputs: InputSpec[];
}

export async function runAction(def: ActionDefinition): Promise<void> {
  try {
    const t = translateInputs(def.inputs, (n) => core.getInput(n));
    for (const s of t.secrets) core.setSecret(s);
    const extra = splitArgs(core.getInput('args'));
    const argv = [...def.command, ...t.argv, ...extra];
    core.debug(`werf-action ${argv.join(' ')}`);
    const env = { ...process.env, ...t.env };
    const reports: CommandReport[] = [];
    const code = await main(argv, {
      stdout: process.stdout, stderr: process.stderr, env, cwd: process.cwd(), logSink: githubSink(), onError: annotateError,
      onReport: (r) => reports.push(r),
    });
    for (const r of reports) await publishReport(r);
    if (code !== 0) core.setFailed(`werf-action ${def.command.join(' ')} failed (exit code ${code})`);
  } catch (e) {
    core.setFailed(describeError(e));
  }
}
