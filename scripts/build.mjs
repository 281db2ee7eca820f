#!/usr/bin/env node
// Bundles every front end with esbuild into dist/ (the published action
// repository): dist/<action>/{action.yml,index.js}, dist/cli/werf-action.js,
// dist/jenkins/{vars/*.groovy,resources/werf-action-jenkins.js},
// dist/gitlab/*.yml. The output is deterministic: test/dist.test.ts builds
// into a temporary folder and fails when the committed dist/ differs.
// Usage: node scripts/build.mjs [--outdir DIR] [--quiet]
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const outIdx = args.indexOf('--outdir');
const outdir = outIdx === -1 ? join(root, 'dist') : args[outIdx + 1];
const quiet = args.includes('--quiet');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

// ESM bundles: the toolkit, execa and client-node are ESM-only. Some CommonJS
// dependencies call require() for Node built-ins, which ESM lacks: give them one.
const banner = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: banner },
  define: { __WERF_ACTION_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
};

const actions = readdirSync(join(root, 'actions')).filter((n) => existsSync(join(root, 'actions', n, 'action.yml'))).sort();
const entries = [
  ...actions.map((n) => ({ name: `${n}`, entry: `actions/${n}/main.ts`, out: join(outdir, n, 'index.js') })),
  // The CLI is split: the entry holds flag parsing and help, the engine sits in
  // a chunk loaded only when a command runs, so --help/--version start fast.
  { name: 'cli', entry: 'packages/cli/src/bin.ts', out: join(outdir, 'cli', 'werf-action.js'), shebang: true, split: true },
  // One file: Jenkins copies it out of the library's resources on its own.
  { name: 'jenkins', entry: 'jenkins-shim/src/bin.ts', out: join(outdir, 'jenkins', 'resources', 'werf-action-jenkins.js') },
];

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
// Node treats dist/**/*.js as ESM because of this file.
writeFileSync(join(outdir, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2) + '\n');

const sizes = [];
for (const e of entries) {
  const target = e.split
    ? { splitting: true, outdir: dirname(e.out), entryNames: basename(e.out, '.js'), chunkNames: 'chunks/[name]-[hash]' }
    : { outfile: e.out };
  const result = await build({
    ...common,
    ...target,
    entryPoints: [join(root, e.entry)],
    banner: { js: (e.shebang ? '#!/usr/bin/env node\n' : '') + banner },
  });
  const bytes = statSync(e.out).size;
  sizes.push([e.name, bytes, Object.keys(result.metafile.inputs).length]);
}
for (const n of actions) cpSync(join(root, 'actions', n, 'action.yml'), join(outdir, n, 'action.yml'));
cpSync(join(root, 'jenkins-shim', 'vars'), join(outdir, 'jenkins', 'vars'), { recursive: true });
if (existsSync(join(root, 'gitlab-templates'))) {
  for (const f of readdirSync(join(root, 'gitlab-templates')).filter((f) => f.endsWith('.yml'))) {
    mkdirSync(join(outdir, 'gitlab'), { recursive: true });
    cpSync(join(root, 'gitlab-templates', f), join(outdir, 'gitlab', f));
  }
}
if (!quiet) {
  for (const [name, bytes, inputs] of sizes) console.log(`${name.padEnd(10)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB  (${inputs} modules)`);
}
