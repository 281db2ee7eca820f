// The simulated node's image puller: resolves an image reference against the real registry
// over the distribution HTTP API (anonymous, basic auth, bearer tokens), and reads the image
// config (Entrypoint/Cmd/Env). Owns: registry HTTP for the kubelet only.

export interface ImageInfo {
  digest: string;
  size: number;
  entrypoint?: string[];
  cmd?: string[];
  env?: string[];
  workingDir?: string;
}

export type PullResult = { ok: true; info: ImageInfo } | { ok: false; code: 'NotFound' | 'Unknown'; message: string };

export interface Credentials { username: string; password: string }

export interface ImageRef { registry: string; repository: string; reference: string; normalized: string }

export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') { registry = first; rest = rest.slice(slash + 1); }
  }
  let tag = 'latest';
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  const reference = digest ?? tag;
  const normalized = `${registry}/${rest}${digest ? `@${digest}` : `:${tag}`}`;
  return { registry, repository: rest, reference, normalized: registry === 'docker.io' ? normalized : image.includes(':') || digest ? image : `${image}:latest` };
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

function challenge(h: string | null): { scheme: string; params: Record<string, string> } | undefined {
  if (!h) return undefined;
  const m = /^(\w+)\s*(.*)$/.exec(h);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)="([^"]*)"/g)) params[p[1]!] = p[2]!;
  return { scheme: m[1]!.toLowerCase(), params };
}

export class ImagePuller {
  constructor(private insecure: (registry: string) => boolean) {}

  private base(registry: string): string {
    const host = registry === 'docker.io' ? 'registry-1.docker.io' : registry;
    return `${this.insecure(registry) ? 'http' : 'https'}://${host}`;
  }

  private async fetchAuth(url: string, ref: ImageRef, creds: Credentials | undefined, headers: Record<string, string>): Promise<Response> {
    let res = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
    if (res.status !== 401) return res;
    const ch = challenge(res.headers.get('www-authenticate'));
    if (ch?.scheme === 'basic') {
      if (!creds) return res;
      await res.arrayBuffer().catch(() => undefined);
      res = await fetch(url, { headers: { ...headers, Authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` }, signal: AbortSignal.timeout(5000) });
      return res;
    }
    if (ch?.scheme === 'bearer' && ch.params.realm) {
      const tu = new URL(ch.params.realm);
      if (ch.params.service) tu.searchParams.set('service', ch.params.service);
      tu.searchParams.set('scope', ch.params.scope ?? `repository:${ref.repository}:pull`);
      const th: Record<string, string> = {};
      if (creds) th.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      const tr = await fetch(tu, { headers: th, signal: AbortSignal.timeout(5000) });
      if (!tr.ok) { await tr.arrayBuffer().catch(() => undefined); return res; }
      await res.arrayBuffer().catch(() => undefined);
      const tok = (await tr.json()) as { token?: string; access_token?: string };
      return fetch(url, { headers: { ...headers, Authorization: `Bearer ${tok.token ?? tok.access_token}` }, signal: AbortSignal.timeout(5000) });
    }
    return res;
  }

  async pull(image: string, creds: Credentials | undefined): Promise<PullResult> {
    const ref = parseImage(image);
    const base = this.base(ref.registry);
    const fail = (code: 'NotFound' | 'Unknown', detail: string): PullResult => ({
      ok: false, code,
      message: `rpc error: code = ${code} desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${detail}`,
    });
    try {
      const murl = `${base}/v2/${ref.repository}/manifests/${ref.reference}`;
      let res = await this.fetchAuth(murl, ref, creds, { Accept: MANIFEST_TYPES });
      if (res.status === 404) { await res.arrayBuffer(); return fail('NotFound', `${ref.normalized}: not found`); }
      if (res.status === 401 || res.status === 403) {
        await res.arrayBuffer();
        return fail('Unknown', creds ? `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to ${murl}: ${res.status} ${res.statusText}` : `pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`);
      }
      if (!res.ok) { await res.arrayBuffer(); return fail('Unknown', `unexpected status from HEAD request to ${murl}: ${res.status} ${res.statusText}`); }
      let digest = res.headers.get('docker-content-digest') ?? '';
      let manifest = (await res.json()) as { mediaType?: string; manifests?: { digest: string; platform?: { os?: string; architecture?: string } }[]; config?: { digest: string }; layers?: { size: number }[] };
      if (manifest.manifests) {
        const pick = manifest.manifests.find((m) => m.platform?.os === 'linux' && m.platform?.architecture === 'amd64') ?? manifest.manifests[0];
        if (!pick) return fail('NotFound', `${ref.normalized}: no matching manifest for linux/amd64 in the manifest list entries`);
        res = await this.fetchAuth(`${base}/v2/${ref.repository}/manifests/${pick.digest}`, ref, creds, { Accept: MANIFEST_TYPES });
        if (!res.ok) { await res.arrayBuffer(); return fail('NotFound', `${ref.normalized}: not found`); }
        manifest = (await res.json()) as typeof manifest;
      }
      const info: ImageInfo = { digest, size: (manifest.layers ?? []).reduce((s, l) => s + (l.size ?? 0), 0) };
      if (manifest.config?.digest) {
        const cr = await this.fetchAuth(`${base}/v2/${ref.repository}/blobs/${manifest.config.digest}`, ref, creds, {});
        if (cr.ok) {
          const cfg = (await cr.json()) as { config?: { Entrypoint?: string[]; Cmd?: string[]; Env?: string[]; WorkingDir?: string } };
          info.entrypoint = cfg.config?.Entrypoint ?? undefined;
          info.cmd = cfg.config?.Cmd ?? undefined;
          info.env = cfg.config?.Env ?? undefined;
          info.workingDir = cfg.config?.WorkingDir;
        } else await cr.arrayBuffer();
        if (!digest) digest = manifest.config.digest;
        info.digest = digest;
      }
      return { ok: true, info };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const cause = err.cause?.code === 'ECONNREFUSED' ? 'connect: connection refused' : err.cause?.code === 'ENOTFOUND' ? `lookup ${new URL(base).hostname}: no such host` : err.cause?.message ?? err.message;
      return fail('Unknown', `failed to do request: Head "${base}/v2/${ref.repository}/manifests/${ref.reference}": dial tcp: ${cause}`);
    }
  }
}

/** Credentials for `registry` from kubernetes.io/dockerconfigjson (or dockercfg) secrets. */
export function credentialsFromSecrets(registry: string, secrets: { type?: string; data?: Record<string, string> }[]): Credentials | undefined {
  for (const s of secrets) {
    const raw = s.data?.['.dockerconfigjson'] ?? s.data?.['.dockercfg'];
    if (!raw) continue;
    let cfg: { auths?: Record<string, { auth?: string; username?: string; password?: string }> } & Record<string, unknown>;
    try { cfg = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')); } catch { continue; }
    const auths = (cfg.auths ?? cfg) as Record<string, { auth?: string; username?: string; password?: string }>;
    for (const [host, a] of Object.entries(auths)) {
      const h = host.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
      if (h !== registry && !(registry === 'docker.io' && /index\.docker\.io/.test(h))) continue;
      if (a.username !== undefined) return { username: a.username, password: a.password ?? '' };
      if (a.auth) {
        const dec = Buffer.from(a.auth, 'base64').toString('utf8');
        const i = dec.indexOf(':');
        return { username: dec.slice(0, i), password: dec.slice(i + 1) };
      }
    }
  }
  return undefined;
}
