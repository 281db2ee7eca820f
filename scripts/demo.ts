// The main job on local defaults, for a fresh machine: start a local
// registry, make a base image (nothing can be pulled from the internet here),
// commit examples/hello into a scratch git repository and build it with the
// bundled CLI exactly as a CI job would; then build again to show that
// nothing is rebuilt. Run: npm run demo
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildahEnv, createGitRepo, pushBusyboxBase, readTree, startRegistry } from '../test/support/index.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli/werf-action.js');
const example = join(root, 'examples/hello');


const registry = await startRegistry();
const buildah = await buildahEnv();
const repo = await createGitRepo(readTree(example));
let status = 0;
try {
  console.log(`registry: ${registry.url}`);
  const base = await pushBusyboxBase(registry, buildah, { name: 'base/busybox:1.36' });
  console.log(`base image: ${base}`);
  const env = { ...process.env, ...buildah.env, HELLO_BASE_IMAGE: base };
  const report = join(repo.dir, '.werf-build-report.json');
  for (const round of ['first build: everything is built', 'second build of the same commit: nothing is rebuilt']) {
    console.log(`\n=== ${round}`);
    const started = Date.now();
    const r = spawnSync(process.execPath, [cli, 'build', '--dir', repo.dir, '--repo', `${registry.host}/hello`, '--insecure-registry',
      '--save-build-report', '--build-report-path', report], { env, stdio: 'inherit' });
    console.log(`=== exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(2)} s`);
    if (r.status !== 0) { status = r.status ?? 1; break; }
    const images = JSON.parse(readFileSync(report, 'utf8')).Images as Record<string, { DockerImageName: string; Rebuilt: boolean }>;
    for (const [name, img] of Object.entries(images)) console.log(`  ${name.padEnd(10)} ${img.Rebuilt ? 'built ' : 'reused'} ${img.DockerImageName}`);
  }
} finally {
  await repo.cleanup();
  await buildah.cleanup();
  await registry.stop();
}
process.exit(status);
