// Test helpers for the kube-sim suite: a real Debian docker-registry on 127.0.0.1 and a tiny
// image pusher (config + one empty layer + schema2 manifest over the distribution API).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

export interface TestRegistry { host: string; stop(): Promise<void> }

/** Starts /usr/bin/docker-registry on a free port; htpasswd enables basic auth. */
export async function startRegistry(opts: { htpasswd?: string } = {}): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-reg-'));
  const port = await freePort();
  let auth = '';
  if (opts.htpasswd) {
    writeFileSync(join(dir, 'htpasswd'), opts.htpasswd);
    auth = `auth:\n  htpasswd:\n    realm: kube-sim\n    path: ${join(dir, 'htpasswd')}\n`;
  }
  writeFileSync(join(dir, 'config.yml'), `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`);
  const proc: ChildProcess = spawn('/usr/bin/docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://${host}/v2/`);
      await r.arrayBuffer();
      if (r.status === 200 || r.status === 401) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    host,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function sha(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}

/** Pushes an image whose config has the given Entrypoint/Cmd/Env. Returns the manifest digest. */
export async function pushImage(host: string, repo: string, tag: string, config: { Entrypoint?: string[]; Cmd?: string[]; Env?: string[] } = {}, auth?: string): Promise<string> {
  const headers: Record<string, string> = auth ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {};
  const layer = gzipSync(Buffer.alloc(1024));
  const diffId = sha(Buffer.alloc(1024));
  const cfg = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config, rootfs: { type: 'layers', diff_ids: [diffId] } }));
  for (const blob of [layer, cfg]) {
    const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers });
    await start.arrayBuffer();
    if (start.status !== 202) throw new Error(`upload start: ${start.status}`);
    const loc = new URL(start.headers.get('location')!, `http://${host}`);
    loc.searchParams.set('digest', sha(blob));
    const put = await fetch(loc, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: blob });
    await put.arrayBuffer();
    if (put.status !== 201) throw new Error(`upload: ${put.status}`);
  }
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: cfg.length, digest: sha(cfg) },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: sha(layer) }],
  }));
  const r = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' }, body: manifest });
  await r.arrayBuffer();
  if (r.status !== 201) throw new Error(`manifest: ${r.status}`);
  return sha(manifest);
}
