#!/usr/bin/env node
// gotpl: renders templates with @werf-action/gotemplate, speaking the gotpl-oracle protocol
// (JSON on stdin, {"rendered": ...} or {"error": ...} on stdout). Runs with a larger V8 stack so
// that Helm's include recursion limit (1000 nested includes) is reached before the JS stack ends.
import { spawnSync } from 'node:child_process';

if (!process.execArgv.some((a) => a.startsWith('--stack-size'))) {
  const r = spawnSync(process.execPath, ['--stack-size=3800', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli.ts');
await main();
