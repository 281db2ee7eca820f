// Test helpers for the kube-sim suite: a tiny image pusher (config + one
// empty layer + schema2 manifest over the distribution API). The registry
// itself comes from test/support.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
export { freePort, startRegistry, type TestRegistry } from '../support/index.js';

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
