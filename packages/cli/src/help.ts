// Help text generated from the command table.
import { envName, type FlagSpec } from './flags.js';
import { commands, type CommandSpec } from './specs.js';

export function globalHelp(): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  const lines = commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return [
    'werf-action: build, deploy and clean up Kubernetes applications the werf way',
    '',
    'Usage: werf-action COMMAND [FLAGS]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every flag also reads WERF_<FLAG> from the environment (repeatable flags: WERF_<FLAG>_*).',
    'Run werf-action COMMAND --help for its flags; werf-action --version for the version.',
    '',
  ].join('\n');
}

function flagLine(s: FlagSpec): string {
  const short = s.short ? `-${s.short}, ` : '    ';
  const value = s.type === 'bool' ? '' : ` ${s.valueName ?? (s.type === 'int' ? 'N' : 'VALUE')}`;
  const env = envName(s);
  const extra = [s.type === 'list' ? 'repeatable' : '', s.default !== undefined ? `default ${s.default}` : '', env ? `$${env}` : ''].filter(Boolean).join(', ');
  return `  ${short}--${s.name}${value}\n        ${s.description}${extra ? ` (${extra})` : ''}`;
}

export function commandHelp(spec: CommandSpec): string {
  return [
    `Usage: werf-action ${spec.path.join(' ')}${spec.flags.length ? ' [FLAGS]' : ''}${spec.args ? ` ${spec.args}` : ''}`,
    '',
    spec.summary,
    '',
    ...(spec.flags.length ? ['Flags:', ...spec.flags.map(flagLine), ''] : []),
  ].join('\n');
}
