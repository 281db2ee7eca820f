// Build performance, side by side in one run (issue "Build", Performance):
//  1. no-op `build` of examples/hello (everything already in the registry) on
//     an empty local Buildah storage, as an ephemeral CI runner starts, vs a
//     cold `buildah build` of the same Dockerfiles on an empty storage and vs
//     a warm `buildah build --layers`; the backend context has 2,000 files.
//     The no-op build runs as its own node process from an esbuild bundle, so
//     start-up is included.
//  2. digest of a 50,000-file context vs `git ls-tree -r HEAD`.
//  3. registry requests of the no-op build.
// Usage: npm run bench -- build   (BENCH_RUNS=5 by default)
import { spawnSync, execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build } from '../packages/core/src/commands/build.js';
import { createContext } from '../packages/core/src/context.js';
import { createLogger, memorySink } from '../packages/core/src/log/index.js';
import { GitRepo } from '../packages/core/src/git/index.js';
import { prepareDockerfileImage, computeImageDigest } from '../packages/core/src/build/image.js';
import { startRegistry, buildahEnv, pushBusyboxBase, createGitRepo } from '../test/support/index.js';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

function timeSync(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString().slice(-2000)}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const registry = await startRegistry();
const scratch = await mkdtemp(join(tmpdir(), 'build-bench-'));
try {
  // ---------- 1. no-op build vs buildah ----------
  const seed = await buildahEnv();
  const base = await pushBusyboxBase(registry, seed);
  await seed.cleanup();

  const repo = await createGitRepo();
  await cp(join(root, 'examples/hello'), repo.dir, { recursive: true });
  const files: Record<string, string> = {};
  for (let i = 0; i < 2000; i++) files[`backend/app/data/d${i % 40}/f${i}.txt`] = `file ${i}\n`;
  await repo.commit(files, 'hello + 2000 files');
  const env = { ...process.env, HELLO_BASE_IMAGE: base };
  const repoAddr = `${registry.host}/bench/hello`;

  // Populate the registry once.
  {
    const b = await buildahEnv();
    const ctx = createContext({ log: createLogger(memorySink()), env: { ...env, ...b.env } });
    const r = await build({ load: { dir: repo.dir }, repo: repoAddr, insecureRegistry: true, lockDir: join(scratch, 'locks') }, ctx);
    if (!Object.values(r.Images).every((i) => i.Rebuilt)) throw new Error('first build should build everything');
    await b.cleanup();
  }

  // The no-op build as a CI runner runs it: a bundled node script, a fresh empty storage each time.
  const driver = join(scratch, 'noop.ts');
  await writeFile(driver, `
import { build } from ${JSON.stringify(join(root, 'packages/core/src/commands/build.ts'))};
import { createContext } from ${JSON.stringify(join(root, 'packages/core/src/context.ts'))};
import { createLogger, memorySink } from ${JSON.stringify(join(root, 'packages/core/src/log/index.ts'))};
import { RegistryClient } from ${JSON.stringify(join(root, 'packages/core/src/registry/index.ts'))};
const events = [];
const ctx = createContext({ log: createLogger(memorySink()) });
const client = new RegistryClient(ctx, { insecureRegistry: true, onRequest: (e) => events.push(e) });
const r = await build({ load: { dir: process.argv[2] }, repo: process.argv[3], insecureRegistry: true, registryClient: client, lockDir: process.argv[4] }, ctx);
await client.close();
if (Object.values(r.Images).some((i) => i.Rebuilt)) { console.error('no-op build rebuilt something'); process.exit(2); }
console.log(JSON.stringify(events.map((e) => e.method + ' ' + e.path)));
// as the CLI (packages/cli/src/bin.ts) does: exit when done, not when idle keep-alive sockets time out
process.exit(0);
`);
  // Bundled like dist/ (esbuild, ESM, not minified), and minified for comparison.
  const bundle = join(scratch, 'noop.mjs');
  const minBundle = join(scratch, 'noop.min.mjs');
  for (const [out, minify] of [[bundle, false], [minBundle, true]] as const) {
    await esbuild({
      entryPoints: [driver], bundle: true, minify, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  }

  const noop: number[] = [];
  const noopMin: number[] = [];
  let requests: string[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [file, into] of [[bundle, noop], [minBundle, noopMin]] as const) {
      const b = await buildahEnv();
      const t = process.hrtime.bigint();
      const out = execFileSync(process.execPath, [file, repo.dir, repoAddr, join(scratch, 'locks')], { env: { ...env, ...b.env }, stdio: ['ignore', 'pipe', 'inherit'] });
      into.push(Number(process.hrtime.bigint() - t) / 1e6);
      requests = JSON.parse(out.toString().trim().split('\n').pop()!) as string[];
      await b.cleanup();
    }
  }

  // buildah build of the same Dockerfiles (backend then frontend on top of it).
  const buildahBoth = (b: { env: Record<string, string> }, layers: boolean) => {
    const e = { ...process.env, ...b.env };
    const common = ['build', `--layers=${layers}`, '--tls-verify=false', '--isolation', 'chroot', '--quiet'];
    let t = timeSync('buildah', [...common, '--build-arg', `BASE_IMAGE=${base}`, '--build-arg', 'GREETING=hi', '-t', 'bench/backend', '-f', 'backend/Dockerfile', 'backend'], e, repo.dir);
    t += timeSync('buildah', [...common, '--build-arg', 'BACKEND_IMAGE=localhost/bench/backend', '-t', 'bench/frontend', '-f', 'frontend/Dockerfile', 'frontend'], e, repo.dir);
    return t;
  };
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = await buildahEnv();
    cold.push(buildahBoth(b, false));
    await b.cleanup();
  }
  const warm: number[] = [];
  {
    const b = await buildahEnv();
    buildahBoth(b, true);
    for (let i = 0; i < runs; i++) warm.push(buildahBoth(b, true));
    await b.cleanup();
  }
  await repo.cleanup();

  // bare node for reference
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) bare.push(timeSync(process.execPath, ['-e', '0'], process.env));

  console.log(`examples/hello (2 images, backend context 2,000 files), median of ${runs}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} CPUs:`);
  console.log(`  node -e 0                                   ${ms(median(bare))}`);
  console.log(`  werf-action build, no-op, empty storage     ${ms(median(noop))}   (bundled like dist/, new process each run)`);
  console.log(`    same, minified bundle                     ${ms(median(noopMin))}`);
  console.log(`  buildah build, empty storage (cold)         ${ms(median(cold))}   ratio ${(median(cold) / median(noop)).toFixed(1)}x  (target >= 10x)`);
  console.log(`  buildah build --layers, warm cache          ${ms(median(warm))}   ratio ${(median(warm) / median(noop)).toFixed(2)}x  (target >= 1.5x)`);
  const repoReqs = requests.filter((r) => r !== 'GET /v2/');
  console.log(`  registry requests of the no-op build: ${repoReqs.length} (${repoReqs.filter((r) => r.includes('/tags/list')).length} tag listing, ${repoReqs.filter((r) => r.includes('/manifests/')).length} manifest reads for 2 images) + ${requests.length - repoReqs.length} host probe`);

  // ---------- 2. digest of a 50,000-file context vs git ls-tree -r ----------
  const big = await createGitRepo();
  const N = 50_000;
  let stream = 'commit refs/heads/main\ncommitter Bench <b@example.test> 1700000000 +0000\ndata 5\nbench\n';
  stream += 'M 100644 inline ctx/Dockerfile\ndata 40\nFROM busybox\nCOPY . /app\nRUN ls /app\n\n\n\n';
  stream += 'M 100644 inline ctx/.dockerignore\ndata 7\n*.log\n\n';
  for (let i = 0; i < N; i++) {
    const content = `content of file ${i}\n`;
    stream += `M 100644 inline ctx/d${i % 100}/s${i % 7}/f${i}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: big.dir, input: stream, env: { ...process.env, ...big.env } });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: big.dir });
  const git = await GitRepo.open(big.dir);
  const commit = (await git.headCommit()).hash;
  const spec = { name: 'big', final: true, dockerfile: 'Dockerfile', context: 'ctx', contextAddFiles: [], args: {}, addHost: [], secrets: [], dependencies: [], platform: [] };
  const lsTree: number[] = [];
  const digest: number[] = [];
  let digestValue = '';
  for (let i = 0; i < runs + 1; i++) {
    const t0 = process.hrtime.bigint();
    const p = await prepareDockerfileImage({ git, commit, projectPath: '', spec });
    digestValue = (await computeImageDigest(p, { dependencyArgs: {} })).digest;
    const d = Number(process.hrtime.bigint() - t0) / 1e6;
    const l = timeSync('git', ['ls-tree', '-r', 'HEAD'], process.env, big.dir);
    if (i > 0) { // first round warms the page cache
      digest.push(d);
      lsTree.push(l);
    }
  }
  await big.cleanup();
  console.log(`\ndigest of a ${N.toLocaleString('en')}-file context (COPY . with a .dockerignore), median of ${runs}:`);
  console.log(`  git ls-tree -r HEAD                         ${ms(median(lsTree))}`);
  console.log(`  werf-action image digest (${digestValue.slice(0, 12)}…)      ${ms(median(digest))}   ratio ${(median(digest) / median(lsTree)).toFixed(2)}x  (target <= 1.5x)`);
} finally {
  await registry.stop();
  await rm(scratch, { recursive: true, force: true });
}
