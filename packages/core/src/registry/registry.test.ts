// Unit tests: reference grammar, challenges, scopes, Retry-After, Link, credentials, kinds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../context.js';
import { createLogger, memorySink } from '../log/index.js';
import { WerfActionError } from '../errors/index.js';
import {
  parseReference, parseRepository, formatReference, apiHost, isValidTag,
  parseChallenge, repositoryScope, mergeScopes, parseRetryAfter, nextLink,
  resolveCredentials, detectRegistryKind, createDeleter,
} from './index.js';

describe('parseReference', () => {
  const cases: [string, string, string, string | undefined, string | undefined][] = [
    ['alpine', 'docker.io', 'library/alpine', undefined, undefined],
    ['alpine:3.19', 'docker.io', 'library/alpine', '3.19', undefined],
    ['user/app:v1', 'docker.io', 'user/app', 'v1', undefined],
    ['index.docker.io/user/app', 'docker.io', 'user/app', undefined, undefined],
    ['localhost/app', 'localhost', 'app', undefined, undefined],
    ['localhost:5000/a/b/c:t', 'localhost:5000', 'a/b/c', 't', undefined],
    ['127.0.0.1:5000/p', '127.0.0.1:5000', 'p', undefined, undefined],
    ['ghcr.io/org/app:1.0@sha256:' + 'a'.repeat(64), 'ghcr.io', 'org/app', '1.0', 'sha256:' + 'a'.repeat(64)],
    ['registry.example.com/x@sha256:' + 'b'.repeat(64), 'registry.example.com', 'x', undefined, 'sha256:' + 'b'.repeat(64)],
  ];
  for (const [ref, registry, repository, tag, digest] of cases) {
    it(ref, () => {
      assert.deepEqual(parseReference(ref), { registry, repository, tag, digest });
    });
  }
  it('rejects bad names, tags and digests with a user error', () => {
    for (const bad of ['', 'app/UPPER', 'app:bad tag', 'app@sha256:xyz', 'host:5000/', 'a//b', '-x']) {
      assert.throws(() => parseReference(bad), (e: unknown) => e instanceof WerfActionError && e.code === 'registry.invalid-reference', bad);
    }
  });
  it('parses repositories and formats references', () => {
    assert.deepEqual(parseRepository('127.0.0.1:5000/proj'), { registry: '127.0.0.1:5000', repository: 'proj' });
    assert.throws(() => parseRepository('host.io/proj:tag'), /must not have a tag/);
    assert.equal(formatReference(parseReference('alpine:3')), 'docker.io/library/alpine:3');
    assert.equal(apiHost('docker.io'), 'registry-1.docker.io');
    assert.equal(apiHost('ghcr.io'), 'ghcr.io');
    assert.ok(isValidTag('a'.repeat(56) + '-1700000000000'));
    assert.ok(!isValidTag('.x'));
    assert.ok(!isValidTag('a'.repeat(129)));
  });
});

describe('auth helpers', () => {
  it('parses Bearer and Basic challenges', () => {
    assert.deepEqual(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'), {
      scheme: 'bearer', realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/alpine:pull',
    });
    assert.deepEqual(parseChallenge('Basic realm="basic-realm"'), { scheme: 'basic', realm: 'basic-realm', service: undefined, scope: undefined });
    assert.equal(parseChallenge('Negotiate abc'), undefined);
    assert.equal(parseChallenge(null), undefined);
  });
  it('builds and merges scopes', () => {
    assert.equal(repositoryScope('a/b', ['push']), 'repository:a/b:pull,push');
    assert.equal(repositoryScope('a/b', ['delete', 'pull']), 'repository:a/b:pull,delete');
    assert.equal(mergeScopes('repository:x:pull', 'repository:x:push repository:a:pull', undefined), 'repository:a:pull repository:x:pull,push');
  });
  it('reads Retry-After as seconds or a date', () => {
    assert.equal(parseRetryAfter('2', 0), 2000);
    assert.equal(parseRetryAfter('0.5', 0), 500);
    const now = Date.parse('2024-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Mon, 01 Jan 2024 00:00:03 GMT', now), 3000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
  it('follows Link rel=next', () => {
    assert.equal(nextLink('</v2/p/tags/list?last=b&n=2>; rel="next"', 'http://h:1/v2/p/tags/list?n=2'), 'http://h:1/v2/p/tags/list?last=b&n=2');
    assert.equal(nextLink(null, 'http://h/'), undefined);
  });
});

describe('resolveCredentials', () => {
  async function withConfig(config: unknown, fn: (dir: string) => Promise<void>) {
    const dir = await mkdtemp(join(tmpdir(), 'werf-action-dockercfg-'));
    try {
      await writeFile(join(dir, 'config.json'), JSON.stringify(config));
      await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('decodes auths and masks the secret', async () => {
    const sink = memorySink();
    const ctx = createContext({ log: createLogger(sink), env: {} });
    const auth = Buffer.from('me:s3cret-pass').toString('base64');
    await withConfig({ auths: { 'https://reg.example.com/v1/': { auth }, 'other.io': { auth: 'eDp5' } } }, async (dir) => {
      const c = await resolveCredentials('reg.example.com', ctx, { configDir: dir });
      assert.equal(c.username, 'me');
      assert.equal(c.password, 's3cret-pass');
      assert.match(c.source, /auths\["https:\/\/reg\.example\.com\/v1\/"\] in .*config\.json/);
      ctx.log.info('password is s3cret-pass');
      assert.equal(sink.text(), 'password is ***');
      const hub = await resolveCredentials('docker.io', ctx, { configDir: dir });
      assert.match(hub.source, /^anonymous/);
    });
  });

  it('maps Docker Hub to the index.docker.io key and reads identity tokens', async () => {
    const ctx = createContext({ env: {} });
    await withConfig({ auths: { 'https://index.docker.io/v1/': { identitytoken: 'tok-123456' } } }, async (dir) => {
      const c = await resolveCredentials('docker.io', ctx, { configDir: dir });
      assert.equal(c.identityToken, 'tok-123456');
    });
  });

  it('runs credHelpers and credsStore programs (docker-credential-*)', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'werf-action-credbin-'));
    try {
      const script = join(bin, 'docker-credential-fake');
      await writeFile(script, `#!/bin/sh\nread server\nif [ "$server" = "helped.io" ]; then echo '{"ServerURL":"helped.io","Username":"hu","Secret":"helper-secret"}'; exit 0; fi\nif [ "$server" = "store.io" ]; then echo '{"Username":"<token>","Secret":"idtok-xyz"}'; exit 0; fi\necho "credentials not found in native keychain"; exit 1\n`);
      await chmod(script, 0o755);
      const sink = memorySink();
      const ctx = createContext({ log: createLogger(sink), env: { PATH: `${bin}:${process.env.PATH}` } });
      await withConfig({ credHelpers: { 'helped.io': 'fake' }, credsStore: 'fake' }, async (dir) => {
        const h = await resolveCredentials('helped.io', ctx, { configDir: dir });
        assert.deepEqual([h.username, h.password], ['hu', 'helper-secret']);
        assert.match(h.source, /credHelpers docker-credential-fake/);
        const s = await resolveCredentials('store.io', ctx, { configDir: dir });
        assert.equal(s.identityToken, 'idtok-xyz');
        assert.match(s.source, /credsStore docker-credential-fake/);
        const none = await resolveCredentials('nothing.io', ctx, { configDir: dir });
        assert.match(none.source, /^anonymous/);
        ctx.log.info('helper-secret idtok-xyz');
        assert.equal(sink.text(), '*** ***');
      });
      await withConfig({ credsStore: 'missing-helper' }, async (dir) => {
        await assert.rejects(resolveCredentials('x.io', ctx, { configDir: dir }), (e: unknown) =>
          e instanceof WerfActionError && e.code === 'registry.credential-helper-failed' && /docker-credential-missing-helper/.test(e.message));
      });
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  it('finds the config dir as werf does', async () => {
    const { dockerConfigDir } = await import('./index.js');
    assert.equal(dockerConfigDir({ WERF_DOCKER_CONFIG: '/w', DOCKER_CONFIG: '/d', HOME: '/h' }), '/w');
    assert.equal(dockerConfigDir({ DOCKER_CONFIG: '/d', HOME: '/h' }), '/d');
    assert.equal(dockerConfigDir({ HOME: '/h' }), '/h/.docker');
  });

  it('reports a broken config.json with its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'werf-action-dockercfg-'));
    try {
      await writeFile(join(dir, 'config.json'), '{ nope');
      await assert.rejects(resolveCredentials('x.io', createContext({ env: {} }), { configDir: dir }), (e: unknown) =>
        e instanceof WerfActionError && e.code === 'registry.bad-docker-config' && e.location?.file === join(dir, 'config.json'));
      const anon = await resolveCredentials('x.io', createContext({ env: {} }), { configDir: join(dir, 'absent') });
      assert.match(anon.source, /^anonymous \(no .*absent\/config\.json\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('registry kinds', () => {
  it('detects implementations by host as werf does', () => {
    assert.equal(detectRegistryKind('ghcr.io'), 'github');
    assert.equal(detectRegistryKind('docker.io'), 'dockerhub');
    assert.equal(detectRegistryKind('registry.gitlab.com'), 'gitlab');
    assert.equal(detectRegistryKind('123456789012.dkr.ecr.eu-west-1.amazonaws.com'), 'ecr');
    assert.equal(detectRegistryKind('me.azurecr.io'), 'acr');
    assert.equal(detectRegistryKind('eu.gcr.io'), 'gcr');
    assert.equal(detectRegistryKind('harbor.corp.net'), 'harbor');
    assert.equal(detectRegistryKind('quay.io'), 'quay');
    assert.equal(detectRegistryKind('127.0.0.1:5000'), 'default');
  });
  it('refuses kinds it cannot delete from', () => {
    const ctx = createContext({ env: {} });
    assert.equal(createDeleter(ctx, 'default').kind, 'default');
    assert.equal(createDeleter(ctx, 'gitlab').kind, 'gitlab');
    assert.throws(() => createDeleter(ctx, 'ecr'), (e: unknown) => e instanceof WerfActionError && e.code === 'registry.delete-unsupported');
    assert.throws(() => createDeleter(ctx, 'github'), (e: unknown) => e instanceof WerfActionError && e.code === 'registry.unauthorized' && /WERF_REPO_GITHUB_TOKEN/.test(e.hint ?? ''));
    assert.equal(createDeleter(ctx, 'github', { githubToken: 'ghp_x' }).kind, 'github');
  });
});
