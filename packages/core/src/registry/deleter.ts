// Deleting tags, per registry implementation (werf-core.md §4.7). The
// default follows werf: DELETE by tag (OCI tag deletion; failure only
// logged), then DELETE by digest (removes every tag on that manifest), 404
// ignored. GitLab gets its tag-only endpoint first; ghcr and Docker Hub go
// through their vendors' APIs (api-deleters.ts). The cloud registries (ecr,
// acr) are not implemented: `createDeleter` says so instead of pretending.
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';
import type { DeleteOutcome, Repository } from './client.js';
import { DockerHubDeleter, GitHubPackagesDeleter } from './api-deleters.js';

export type RegistryKind = 'default' | 'dockerhub' | 'github' | 'gitlab' | 'ecr' | 'acr' | 'gcr' | 'harbor' | 'quay';

export const REGISTRY_KINDS: readonly RegistryKind[] = ['default', 'dockerhub', 'github', 'gitlab', 'ecr', 'acr', 'gcr', 'harbor', 'quay'];

/** werf's auto-detection by host (docker_registry.go: detectImplementation). */
export function detectRegistryKind(registry: string): RegistryKind {
  const host = registry.replace(/:\d+$/, '');
  if (host === 'docker.io' || host === 'index.docker.io' || host === 'registry.hub.docker.com' || host === 'registry-1.docker.io') return 'dockerhub';
  if (host === 'ghcr.io' || host === 'docker.pkg.github.com') return 'github';
  if (host === 'gitlab.com' || host === 'registry.gitlab.com') return 'gitlab';
  if (/^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host)) return 'ecr';
  if (host.endsWith('.azurecr.io')) return 'acr';
  if (host === 'gcr.io' || host.endsWith('.gcr.io') || host === 'container.cloud.google.com') return 'gcr';
  if (host.startsWith('harbor.') || host === 'demo.goharbor.io') return 'harbor';
  if (host === 'quay.io' || /^quay\..*\.com$/.test(host)) return 'quay';
  return 'default';
}

export interface DeleteRequest {
  tag: string;
  /** Manifest digest when known (saves a HEAD). */
  digest?: string;
}

export interface Deleter {
  readonly kind: RegistryKind;
  /** Remove `tag` from the repository; 'not-found' when it was already gone. */
  deleteTag(repo: Repository, req: DeleteRequest): Promise<DeleteOutcome>;
}

export class DefaultDeleter implements Deleter {
  readonly kind: RegistryKind = 'default';
  constructor(private readonly ctx: Context) {}

  async deleteTag(repo: Repository, req: DeleteRequest): Promise<DeleteOutcome> {
    let digest = req.digest;
    if (!digest) {
      const info = await repo.headManifest(req.tag);
      if (!info) return 'not-found';
      digest = info.digest;
    }
    // OCI tag deletion; distribution 2.x refuses it, which werf only logs.
    let tagOutcome: DeleteOutcome | undefined;
    try {
      tagOutcome = await repo.deleteManifest(req.tag);
    } catch (e) {
      this.ctx.log.debug(`delete by tag ${repo.fullName}:${req.tag} refused, deleting by digest: ${(e as Error).message}`);
    }
    const byDigest = await repo.deleteManifest(digest);
    return byDigest === 'deleted' || tagOutcome === 'deleted' ? 'deleted' : 'not-found';
  }
}

/** GitLab: `DELETE /v2/<repo>/tags/reference/<tag>` keeps other tags on the manifest; falls back to the default. */
export class GitLabDeleter implements Deleter {
  readonly kind: RegistryKind = 'gitlab';
  private readonly fallback: DefaultDeleter;
  constructor(private readonly ctx: Context) { this.fallback = new DefaultDeleter(ctx); }

  async deleteTag(repo: Repository, req: DeleteRequest): Promise<DeleteOutcome> {
    const res = await repo.raw({
      method: 'DELETE', path: `/v2/${repo.name}/tags/reference/${req.tag}`,
      actions: ['pull', 'push', 'delete'], operation: `delete tag ${repo.fullName}:${req.tag}`,
    });
    if (res.status === 202 || res.status === 200 || res.status === 204) return 'deleted';
    if (res.status === 404) {
      // A distribution error body means the tag is gone; anything else (an HTML or empty 404) means no such endpoint.
      let code: string | undefined;
      try { code = (JSON.parse(res.body.toString('utf8')) as { errors?: { code?: string }[] }).errors?.[0]?.code; } catch { /* not JSON */ }
      if (code === 'MANIFEST_UNKNOWN' || code === 'NAME_UNKNOWN' || code === 'TAG_UNKNOWN') return 'not-found';
    }
    this.ctx.log.debug(`GitLab tag delete endpoint answered ${res.status} for ${repo.fullName}:${req.tag}; using manifest delete`);
    return this.fallback.deleteTag(repo, req);
  }
}

export interface DeleterOptions {
  /** ghcr.io: --repo-github-token / WERF_REPO_GITHUB_TOKEN. */
  githubToken?: string;
  githubApiUrl?: string;
  /** Docker Hub: --repo-docker-hub-token or username/password. */
  dockerHubToken?: string;
  dockerHubUsername?: string;
  dockerHubPassword?: string;
  dockerHubApiUrl?: string;
}

/** The deleter for a registry kind (`--repo-container-registry` or detected). */
export function createDeleter(ctx: Context, kind: RegistryKind, opts: DeleterOptions = {}): Deleter {
  switch (kind) {
    case 'default':
    case 'harbor':
    case 'quay':
    case 'gcr':
      // harbor/quay delete like the default; gcr deletes by tag, which the default tries first.
      return new DefaultDeleter(ctx);
    case 'gitlab':
      return new GitLabDeleter(ctx);
    case 'github':
      return new GitHubPackagesDeleter(ctx, { token: opts.githubToken ?? '', apiUrl: opts.githubApiUrl });
    case 'dockerhub':
      return new DockerHubDeleter(ctx, { token: opts.dockerHubToken, username: opts.dockerHubUsername, password: opts.dockerHubPassword, apiUrl: opts.dockerHubApiUrl });
    default:
      throw new WerfActionError(`deleting images from a "${kind}" registry is not implemented in werf-action yet`, {
        code: 'registry.delete-unsupported',
        location: { subject: kind },
        hint: kind === 'ecr'
          ? 'ECR deletes need the AWS API (BatchDeleteImage); use --repo-container-registry=default if your ECR accepts manifest DELETE'
          : `use --repo-container-registry=default if the registry supports the distribution DELETE API`,
      });
  }
}
