// `build` of examples/hello (loaded by config's loadProject) against a
// registry with htpasswd auth and a self-signed TLS certificate: credentials
// from the docker config, the CA from a cert dir, for both our client and Buildah.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../packages/core/src/commands/build.js';
import { createContext } from '../../packages/core/src/context.js';
import { createLogger, memorySink } from '../../packages/core/src/log/index.js';
import { RegistryClient } from '../../packages/core/src/registry/index.js';
import { WerfActionError } from '../../packages/core/src/errors/index.js';
import { startRegistry, buildahEnv, pushBusyboxBase, createGitRepo, type TestRegistry, type BuildahEnv, type TestGitRepo } from '../support/index.js';

const root = new URL('../..', import.meta.url).pathname;
let registry: TestRegistry;
let bah: BuildahEnv;
let base: string;
let repo: TestGitRepo;
let lockDir: string;

before(async () => {
  [registry, bah] = await Promise.all([startRegistry({ auth: true, tls: true }), buildahEnv()]);
  base = await pushBusyboxBase(registry, bah);
  repo = await createGitRepo();
  await cp(join(root, 'examples/hello'), repo.dir, { recursive: true });
  await repo.commit({}, 'examples/hello');
  lockDir = await mkdtemp(join(tmpdir(), 'locks-'));
});
after(async () => {
  await repo?.cleanup();
  await bah?.cleanup();
  await registry?.stop();
  await rm(lockDir, { recursive: true, force: true });
});

async function run(dockerConfig: string | undefined, sink = memorySink()) {
  const ctx = createContext({ log: createLogger(sink), env: { ...process.env, ...bah.env, HELLO_BASE_IMAGE: base, DOCKER_CONFIG: dockerConfig ?? '/nonexistent' } });
  const caCerts = { [registry.host]: await readFile(registry.caFile!, 'utf8') };
  const client = new RegistryClient(ctx, { caCerts, dockerConfigDir: dockerConfig ?? '/nonexistent', retries: 0 });
  try {
    return await build({
      load: { dir: repo.dir }, repo: `${registry.host}/hello/app`, registryClient: client,
      registryCertDir: registry.certDir, dockerConfig, lockDir,
    }, ctx);
  } finally {
    await client.close();
  }
}

test('examples/hello builds and pushes through basic auth + TLS, then rebuilds nothing; masked credentials', async () => {
  const sink = memorySink();
  const r1 = await run(registry.dockerConfigDir, sink);
  assert.deepEqual(Object.keys(r1.Images).sort(), ['backend', 'frontend']);
  assert.ok(Object.values(r1.Images).every((i) => i.Rebuilt));
  assert.match(sink.text(), /hello from werf-action|STEP/);
  assert.doesNotMatch(sink.text(), new RegExp(registry.password!));
  const r2 = await run(registry.dockerConfigDir);
  assert.ok(Object.values(r2.Images).every((i) => !i.Rebuilt));
  assert.equal(r2.Images.frontend!.DockerTag, r1.Images.frontend!.DockerTag);
});

test('without credentials the error names the registry and the credential source', async () => {
  await assert.rejects(run(undefined), (e: unknown) => {
    assert.ok(e instanceof WerfActionError, String(e));
    assert.match(e.format(), new RegExp(registry.host.replace(/\./g, '\\.')));
    assert.match(e.code, /unauthorized|auth/);
    return true;
  });
});
