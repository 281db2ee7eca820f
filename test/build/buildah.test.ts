// The Buildah driver against real Buildah (vfs, chroot) and a real registry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildah } from '../../packages/core/src/build/buildah.js';
import { createContext } from '../../packages/core/src/context.js';
import { createLogger, memorySink } from '../../packages/core/src/log/index.js';
import { WerfActionError } from '../../packages/core/src/errors/index.js';
import { startRegistry, buildahEnv, pushBusyboxBase, type TestRegistry, type BuildahEnv } from '../support/index.js';

let registry: TestRegistry;
let env: BuildahEnv;
let base: string;
let dir: string;

before(async () => {
  [registry, env] = await Promise.all([startRegistry(), buildahEnv()]);
  base = await pushBusyboxBase(registry, env);
  dir = await mkdtemp(join(tmpdir(), 'buildah-test-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  await env?.cleanup();
  await registry?.stop();
});

function ctxWith() {
  const sink = memorySink();
  const ctx = createContext({ log: createLogger(sink), env: { ...process.env, ...env.env } });
  return { ctx, sink };
}

test('build streams output in a section, labels and args apply, push returns the registry digest', async () => {
  const { ctx, sink } = ctxWith();
  const b = new Buildah(ctx);
  assert.equal(b.storageDriver, 'vfs');
  assert.equal(b.isolation, 'chroot');
  await writeFile(join(dir, 'Dockerfile'), `FROM ${base}\nARG MSG\nCOPY hello.txt /hello.txt\nRUN echo "msg=$MSG" > /msg && cat /hello.txt\n`);
  await writeFile(join(dir, 'hello.txt'), 'hello from the context\n');
  const tag = `${registry.host}/drv/app:one`;
  const r = await b.build({
    contextDir: dir, dockerfile: join(dir, 'Dockerfile'), buildArgs: { MSG: 'hi' }, labels: { 'werf': 'proj', 'x-test': '1' },
    tags: [tag], registry: { tlsVerify: false }, title: 'image app',
  });
  assert.match(r.imageId, /^[0-9a-f]{64}$/);
  const text = sink.text();
  assert.match(text, /┌ image app/);
  assert.match(text, /STEP 4\/\d+: RUN/);
  assert.match(text, /hello from the context/);
  assert.match(text, /└ image app \(\d+\.\d\ds\)/);
  const info = await b.inspect(tag);
  assert.equal(info?.id, r.imageId);
  assert.equal(info?.labels['x-test'], '1');
  assert.ok((info?.size ?? 0) > 0);
  const digest = await b.push(tag, tag, { tlsVerify: false });
  assert.match(digest, /^sha256:[0-9a-f]{64}$/);
  const res = await fetch(`${registry.url}/v2/drv/app/manifests/one`, { method: 'HEAD', headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' } });
  assert.equal(res.headers.get('docker-content-digest'), digest);
  assert.equal(await b.inspect(`${registry.host}/drv/app:missing`), undefined);
  await b.rmi(tag);
  assert.equal(await b.exists(tag), false);
});

test('a failing RUN names the instruction, its Dockerfile line and the last output lines', async () => {
  const { ctx } = ctxWith();
  const b = new Buildah(ctx);
  const df = `FROM ${base}\nRUN echo before\nRUN echo boom-output && \\\n    exit 3\nRUN echo never\n`;
  await writeFile(join(dir, 'Dockerfile.fail'), df);
  await assert.rejects(
    b.build({ contextDir: dir, dockerfile: join(dir, 'Dockerfile.fail'), tags: [`${registry.host}/drv/fail:x`], registry: { tlsVerify: false }, dockerfileForErrors: { file: 'app/Dockerfile', text: df } }),
    (e: unknown) => {
      assert.ok(e instanceof WerfActionError);
      assert.equal(e.code, 'build.failed');
      assert.match(e.message, /RUN echo boom-output/);
      assert.equal(e.location?.file, 'app/Dockerfile');
      assert.equal(e.location?.line, 3);
      assert.match(e.hint ?? '', /boom-output/);
      return true;
    },
  );
  assert.equal(await b.exists(`${registry.host}/drv/fail:x`), false, 'nothing is tagged after a failure');
});

test('secrets from env are mounted and masked; unreachable registry push says so', async () => {
  const { ctx, sink } = ctxWith();
  const b = new Buildah({ ...ctx, env: { ...ctx.env, MY_TOKEN: 's3cr3t-value' } });
  await writeFile(join(dir, 'Dockerfile.secret'), `FROM ${base}\nRUN --mount=type=secret,id=tok cat /run/secrets/tok\n`);
  await b.build({ contextDir: dir, dockerfile: join(dir, 'Dockerfile.secret'), tags: ['localhost/secret:x'], registry: { tlsVerify: false }, secrets: [{ id: 'tok', env: 'MY_TOKEN' }] });
  assert.doesNotMatch(sink.text(), /s3cr3t-value/);
  await assert.rejects(b.push('localhost/secret:x', '127.0.0.1:1/nope/x:y', { tlsVerify: false }), (e: unknown) => {
    assert.ok(e instanceof WerfActionError);
    assert.equal(e.code, 'registry.unreachable');
    assert.equal(e.location?.subject, '127.0.0.1:1/nope/x:y');
    return true;
  });
});
