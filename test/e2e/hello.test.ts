// End to end through the bundled CLI (dist/cli/werf-action.js), as a CI job
// runs it: examples/hello committed to a fresh repository, built with real
// Buildah into a real registry, built again (nothing rebuilt), then rendered
// with the build report so the chart points at exactly the pushed images.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildahEnv, createGitRepo, pushBusyboxBase, readTree, startRegistry, type BuildahEnv, type TestGitRepo, type TestRegistry } from '../support/index.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli/werf-action.js');


let registry: TestRegistry;
let buildah: BuildahEnv;
let repo: TestGitRepo;
let env: NodeJS.ProcessEnv;

before(async () => {
  registry = await startRegistry();
  buildah = await buildahEnv();
  repo = await createGitRepo(readTree(join(root, 'examples/hello')));
  const base = await pushBusyboxBase(registry, buildah, { name: 'base/busybox:1.36' });
  env = { ...process.env, ...buildah.env, HELLO_BASE_IMAGE: base, HOME: repo.dir };
});

after(async () => {
  await repo?.cleanup();
  await buildah?.cleanup();
  await registry?.stop();
});

function werfAction(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', cwd: repo.dir, timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ReportImage { DockerImageName: string; DockerTag: string; Rebuilt: boolean }
const report = () => JSON.parse(readFileSync(join(repo.dir, '.werf-build-report.json'), 'utf8')).Images as Record<string, ReportImage>;

test('build, rebuild nothing, render with the build report', async () => {
  const first = werfAction('build', '--repo', `${registry.host}/hello`, '--insecure-registry', '--save-build-report');
  assert.equal(first.code, 0, first.stderr);
  const built = report();
  assert.deepEqual(Object.keys(built).sort(), ['backend', 'frontend']);
  for (const img of Object.values(built)) {
    assert.equal(img.Rebuilt, true);
    assert.match(img.DockerTag, /^[0-9a-f]{56}-\d{13}$/);
  }

  const second = werfAction('build', '--repo', `${registry.host}/hello`, '--insecure-registry', '--save-build-report');
  assert.equal(second.code, 0, second.stderr);
  const reused = report();
  for (const name of ['backend', 'frontend']) {
    assert.equal(reused[name]!.Rebuilt, false, `${name} reused`);
    assert.equal(reused[name]!.DockerImageName, built[name]!.DockerImageName);
  }

  const rendered = werfAction('render', '--repo', `${registry.host}/hello`, '--use-build-report', '--env', 'e2e');
  assert.equal(rendered.code, 0, rendered.stderr);
  assert.match(rendered.stdout, new RegExp(`image: ${built.frontend!.DockerImageName.replace(/[.]/g, '\\.')}\\n`));
  assert.match(rendered.stdout, new RegExp(`image: ${built.backend!.DockerImageName.replace(/[.]/g, '\\.')}\\n`));
  assert.match(rendered.stdout, /app.kubernetes.io\/instance: hello-e2e/);
});

test('the build action bundle, started as the runner starts it, sets outputs and the job summary', async () => {
  const work = join(repo.dir, '..', `runner-${Date.now()}`);
  mkdirSync(work);
  for (const f of ['output', 'state', 'env', 'summary']) writeFileSync(join(work, f), '');
  const r = spawnSync(process.execPath, [join(root, 'dist/build/index.js')], {
    cwd: repo.dir, encoding: 'utf8', timeout: 300_000,
    env: {
      ...env, GITHUB_OUTPUT: join(work, 'output'), GITHUB_STATE: join(work, 'state'), GITHUB_ENV: join(work, 'env'),
      GITHUB_STEP_SUMMARY: join(work, 'summary'), RUNNER_TEMP: work,
      INPUT_REPO: `${registry.host}/hello`, 'INPUT_INSECURE-REGISTRY': 'true', 'INPUT_GITHUB-TOKEN': 'ghs_e2etoken',
    },
  });
  try {
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /::add-mask::ghs_e2etoken/);
    const output = readFileSync(join(work, 'output'), 'utf8');
    const images = JSON.parse(/^images<<(.+)\n([^\n]*)\n\1$/m.exec(output)![2]!) as Record<string, string>;
    assert.deepEqual(Object.keys(images).sort(), ['backend', 'frontend']);
    assert.match(images.backend!, new RegExp(`^${registry.host}/hello:[0-9a-f]{56}-\\d{13}$`));
    assert.match(readFileSync(join(work, 'summary'), 'utf8'), /<td>backend<\/td>/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('an uncommitted change in a build context is an error naming the file; --dev builds it', async () => {
  await repo.write({ 'frontend/index.html': '<p>changed, not committed</p>\n' });
  const r = werfAction('build', '--repo', `${registry.host}/hello`, '--insecure-registry');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /frontend\/index\.html/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const dev = werfAction('build', '--repo', `${registry.host}/hello`, '--insecure-registry', '--dev', '--save-build-report');
  assert.equal(dev.code, 0, dev.stderr);
  assert.equal(report().frontend!.Rebuilt, true, 'the work-tree change is in the image');
  assert.equal(report().backend!.Rebuilt, false, 'backend is unchanged');
  await repo.git('checkout', '--', 'frontend/index.html');
});

test('a broken werf.yaml is reported with file:line:col and no stack trace', async () => {
  await repo.commit({ 'werf.yaml': 'project: hello\nconfigVersion: 1\n---\nimage: backend\ndockerfile: Dockerfile\ncontext: backend\nfrobnicate: true\n' }, 'break werf.yaml');
  const r = werfAction('config', 'list');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /werf\.yaml:7:1/);
  assert.match(r.stderr, /frobnicate/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
