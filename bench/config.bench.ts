// Config load on a big repository: 100,000 files, 20 images (10 Dockerfile
// images with their own contexts, 10 Stapel images with git mappings), a
// .werf partial, a chart. Target: loadProject <= 300 ms. Also prints the ratio
// to `git ls-tree -r HEAD` measured in the same run.
// Usage: npm run bench -- config   (the generated repo is kept in $TMPDIR for
// the next run; BENCH_CLEAN=1 removes it afterwards)
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../packages/core/src/config/index.js';
import { createContext } from '../packages/core/src/context.js';
import { createLogger, memorySink } from '../packages/core/src/log/index.js';

const FILES = 100_000;
const IMAGES = 20;
const RUNS = 7;
const dir = join(tmpdir(), `werf-action-bench-config-v1-${FILES}`);
const env = { GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b', GIT_CONFIG_GLOBAL: '/dev/null' };
const git = (...args: string[]) => execa('git', args, { cwd: dir, env });

async function generate(): Promise<void> {
  if (existsSync(join(dir, '.git/bench-ready'))) return;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await git('init', '-q', '-b', 'main');
  const t0 = Date.now();
  const perService = Math.floor(FILES / IMAGES);
  let written = 0;
  for (let s = 0; s < IMAGES; s++) {
    for (let d = 0; d < perService / 100; d++) {
      const sub = join(dir, `services/svc${s}/src/pkg${d}`);
      await mkdir(sub, { recursive: true });
      await Promise.all(Array.from({ length: 100 }, (_, f) => writeFile(join(sub, `file${f}.go`), `package pkg${d}\n// ${s}/${d}/${f}\n`)));
      written += 100;
    }
    await writeFile(join(dir, `services/svc${s}/Dockerfile`), 'FROM alpine:3.19\nCOPY . /app\n');
    await writeFile(join(dir, `services/svc${s}/.dockerignore`), '*.log\n');
  }
  const docker = Array.from({ length: IMAGES / 2 }, (_, i) => `---\nimage: svc${i}\ndockerfile: Dockerfile\ncontext: services/svc${i}\n{{- if gt ${i} 0 }}\ndependencies:\n- image: svc${i - 1}\n  imports:\n  - {type: ImageName, targetBuildArg: BASE}\n{{- end }}\n`).join('');
  const stapel = Array.from({ length: IMAGES / 2 }, (_, j) => {
    const i = j + IMAGES / 2;
    return `---\n{{ include "stapel" (dict "name" "svc${i}" "root" $) }}\n`;
  }).join('');
  await mkdir(join(dir, '.werf'), { recursive: true });
  await writeFile(join(dir, '.werf/stapel.tmpl'), `{{- define "stapel" -}}
image: {{ .name }}
from: alpine:3.19
git:
- add: /services/{{ .name }}
  to: /app
  stageDependencies:
    install: ["**/*.mod"]
shell:
  install: [echo {{ .root.Commit.Hash }}]
{{- end }}
`);
  await writeFile(join(dir, 'werf.yaml'), `configVersion: 1\nproject: bench\ndeploy:\n  namespace: "bench-[[ env ]]"\n${docker}${stapel}`);
  await mkdir(join(dir, '.helm/templates'), { recursive: true });
  await writeFile(join(dir, '.helm/Chart.yaml'), 'apiVersion: v2\nname: bench\nversion: 1.0.0\n');
  await writeFile(join(dir, '.helm/templates/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'bench');
  await writeFile(join(dir, '.git/bench-ready'), '');
  console.log(`generated ${written} files + config in ${((Date.now() - t0) / 1000).toFixed(1)}s at ${dir}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  await generate();
  const count = (await git('ls-files')).stdout.split('\n').length;
  const ctx = createContext({ env: {}, log: createLogger(memorySink()) });
  // the first load in this process is cold (JIT, yaml and template engine warm-up); reported apart
  await execa('git', ['ls-tree', '-r', 'HEAD'], { cwd: dir, stdout: 'ignore' });
  const t0 = performance.now();
  const p = await loadProject({ dir, env: 'dev', ctx });
  const cold = performance.now() - t0;
  if (p.images.length !== IMAGES) throw new Error(`expected ${IMAGES} images, got ${p.images.length}`);
  const loads: number[] = [];
  const lsTrees: number[] = [];
  const fulls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await execa('git', ['ls-tree', '-r', 'HEAD'], { cwd: dir, stdout: 'ignore' });
    lsTrees.push(performance.now() - t);
    t = performance.now();
    await loadProject({ dir, env: 'dev', ctx });
    loads.push(performance.now() - t);
    t = performance.now();
    await loadProject({ dir, env: 'dev', ctx, checkContexts: true });
    fulls.push(performance.now() - t);
  }
  const load = median(loads);
  const lsTree = median(lsTrees);
  const full = median(fulls);
  console.log(`repository: ${count} files, ${p.images.length} images; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  console.log(`loadProject (render, validate, giterminism of config/templates/Dockerfiles): median ${load.toFixed(1)} ms over ${RUNS} runs (min ${Math.min(...loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)})`);
  console.log(`git ls-tree -r HEAD: median ${lsTree.toFixed(1)} ms (min ${Math.min(...lsTrees).toFixed(1)})`);
  console.log(`ratio loadProject / ls-tree: ${(load / lsTree).toFixed(2)}`);
  console.log(`first (cold) loadProject in the process: ${cold.toFixed(1)} ms`);
  console.log(`loadProject + build-context/chart status check (checkContexts): median ${full.toFixed(1)} ms, ratio ${(full / lsTree).toFixed(2)}`);
  console.log(load <= 300 ? 'PASS: <= 300 ms' : 'FAIL: > 300 ms');
  if (process.env.BENCH_CLEAN) await rm(dir, { recursive: true, force: true });
  if (load > 300) process.exitCode = 1;
}

await main();
