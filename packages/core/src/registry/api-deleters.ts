// Deleters for registries without the distribution DELETE API, through their
// vendors' HTTP APIs (werf-core.md §4.7):
// - GitHub Packages (ghcr.io): list the package's versions, map tag → version
//   id, DELETE the version (a version is one manifest: all its tags go).
// - Docker Hub: DELETE the tag through hub.docker.com with a JWT from a token
//   or a username/password login.
// Tokens are masked; errors name the API and never the token.
import { undici } from './http.js';
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';
import { parseRetryAfter, type DeleteOutcome, type Repository } from './client.js';
import type { DeleteRequest, Deleter, RegistryKind } from './deleter.js';

interface ApiResponse { status: number; body: string }

async function apiRequest(ctx: Context, method: string, url: string, headers: Record<string, string>, body?: string, retries = 4): Promise<ApiResponse> {
  for (let attempt = 0; ; attempt++) {
    let res: ApiResponse | undefined;
    let delay = 500 * 2 ** attempt;
    try {
      const { fetch } = await undici();
      const r = await fetch(url, { method, headers, body, signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(60_000)]) });
      res = { status: r.status, body: await r.text() };
      const ra = parseRetryAfter(r.headers.get('retry-after'), ctx.now());
      if (ra !== undefined) delay = Math.min(ra, 120_000);
    } catch (e) {
      if (ctx.signal.aborted || attempt >= retries) {
        throw new WerfActionError(`${method} ${new URL(url).origin}${new URL(url).pathname}: ${(e as Error).message}`, {
          code: 'registry.unreachable', location: { subject: new URL(url).host }, cause: e,
        });
      }
    }
    if (res && !(res.status === 429 || res.status >= 500 || (res.status === 403 && /rate limit/i.test(res.body)))) return res;
    if (res && attempt >= retries) return res;
    ctx.log.debug(`${method} ${url}: ${res ? `HTTP ${res.status}` : 'network error'}, retrying in ${delay}ms`);
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => { clearTimeout(t); reject(ctx.signal.reason); };
      const t = setTimeout(() => { ctx.signal.removeEventListener('abort', onAbort); resolve(); }, delay);
      ctx.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function apiError(api: string, what: string, res: ApiResponse, subject: string, hint: string): WerfActionError {
  let detail = '';
  try { detail = (JSON.parse(res.body) as { message?: string }).message ?? ''; } catch { detail = res.body.slice(0, 200); }
  return new WerfActionError(`${api}: ${what}: HTTP ${res.status}${detail ? ` ${detail}` : ''}`, {
    code: res.status === 401 ? 'registry.unauthorized' : res.status === 403 ? 'registry.forbidden' : 'registry.http-error',
    location: { subject }, hint,
  });
}

export interface GitHubDeleterOptions {
  /** A token with read:packages and delete:packages (WERF_REPO_GITHUB_TOKEN). */
  token: string;
  /** REST API root (default https://api.github.com; GHES: https://HOST/api/v3). */
  apiUrl?: string;
}

export class GitHubPackagesDeleter implements Deleter {
  readonly kind: RegistryKind = 'github';
  private readonly api: string;
  private readonly ownerBase = new Map<string, Promise<string>>();
  private readonly versions = new Map<string, Promise<Map<string, { id: number; tags: string[] }>>>();

  constructor(private readonly ctx: Context, private readonly opts: GitHubDeleterOptions) {
    if (!opts.token) {
      throw new WerfActionError('deleting from ghcr.io needs a GitHub token', {
        code: 'registry.unauthorized', location: { subject: 'ghcr.io' },
        hint: 'set --repo-github-token / WERF_REPO_GITHUB_TOKEN (GITHUB_TOKEN with packages: write, or a PAT with delete:packages)',
      });
    }
    ctx.log.mask(opts.token);
    this.api = (opts.apiUrl ?? 'https://api.github.com').replace(/\/$/, '');
  }

  private headers(): Record<string, string> {
    return { accept: 'application/vnd.github+json', authorization: `Bearer ${this.opts.token}`, 'x-github-api-version': '2022-11-28', 'user-agent': 'werf-action' };
  }

  /** `orgs/<owner>` or `user` (the token's own packages), as werf decides by the owner's type. */
  private base(owner: string): Promise<string> {
    let p = this.ownerBase.get(owner);
    if (!p) {
      p = (async () => {
        const res = await apiRequest(this.ctx, 'GET', `${this.api}/users/${encodeURIComponent(owner)}`, this.headers());
        if (res.status !== 200) throw apiError('GitHub API', `get owner ${owner}`, res, `ghcr.io/${owner}`, 'check the token and the repository owner');
        const type = (JSON.parse(res.body) as { type?: string }).type;
        return type === 'Organization' ? `orgs/${encodeURIComponent(owner)}` : 'user';
      })();
      this.ownerBase.set(owner, p);
      p.catch(() => this.ownerBase.delete(owner));
    }
    return p;
  }

  private versionsOf(base: string, pkg: string): Promise<Map<string, { id: number; tags: string[] }>> {
    const key = `${base}/${pkg}`;
    let p = this.versions.get(key);
    if (!p) {
      p = (async () => {
        const byTag = new Map<string, { id: number; tags: string[] }>();
        for (let page = 1; ; page++) {
          const url = `${this.api}/${base}/packages/container/${encodeURIComponent(pkg)}/versions?page=${page}&per_page=100`;
          const res = await apiRequest(this.ctx, 'GET', url, this.headers());
          if (res.status === 404) return byTag;
          if (res.status !== 200) throw apiError('GitHub API', `list versions of package ${pkg}`, res, `ghcr.io ${pkg}`, 'the token needs read:packages');
          const list = JSON.parse(res.body) as { id: number; metadata?: { container?: { tags?: string[] } } }[];
          if (list.length === 0) return byTag;
          for (const v of list) {
            const tags = v.metadata?.container?.tags ?? [];
            for (const t of tags) byTag.set(t, { id: v.id, tags });
          }
        }
      })();
      this.versions.set(key, p);
      p.catch(() => this.versions.delete(key));
    }
    return p;
  }

  async deleteTag(repo: Repository, req: DeleteRequest): Promise<DeleteOutcome> {
    const slash = repo.name.indexOf('/');
    if (slash < 0) {
      throw new WerfActionError(`ghcr.io repository ${repo.fullName} has no package part`, {
        code: 'registry.invalid-reference', location: { subject: repo.fullName }, hint: 'use ghcr.io/OWNER/PACKAGE',
      });
    }
    const owner = repo.name.slice(0, slash);
    const pkg = repo.name.slice(slash + 1);
    const base = await this.base(owner);
    const versions = await this.versionsOf(base, pkg);
    const v = versions.get(req.tag);
    if (!v) return 'not-found';
    const url = `${this.api}/${base}/packages/container/${encodeURIComponent(pkg)}/versions/${v.id}`;
    const res = await apiRequest(this.ctx, 'DELETE', url, this.headers());
    for (const t of v.tags) versions.delete(t);
    if (res.status === 204 || res.status === 200 || res.status === 202) return 'deleted';
    if (res.status === 404) return 'not-found';
    throw apiError('GitHub API', `delete ${repo.fullName}:${req.tag} (package version ${v.id})`, res, repo.fullName, 'the token needs delete:packages and admin rights on the package');
  }
}

export interface DockerHubDeleterOptions {
  /** A Hub JWT (--repo-docker-hub-token); personal access tokens cannot delete. */
  token?: string;
  username?: string;
  password?: string;
  /** Default https://hub.docker.com. */
  apiUrl?: string;
}

export class DockerHubDeleter implements Deleter {
  readonly kind: RegistryKind = 'dockerhub';
  private readonly api: string;
  private jwt?: Promise<string>;

  constructor(private readonly ctx: Context, private readonly opts: DockerHubDeleterOptions) {
    if (!opts.token && !(opts.username && opts.password)) {
      throw new WerfActionError('deleting from Docker Hub needs a Hub token or username and password', {
        code: 'registry.unauthorized', location: { subject: 'docker.io' },
        hint: 'set --repo-docker-hub-token, or --repo-docker-hub-username and --repo-docker-hub-password',
      });
    }
    for (const s of [opts.token, opts.password]) if (s) ctx.log.mask(s);
    this.api = (opts.apiUrl ?? 'https://hub.docker.com').replace(/\/$/, '');
  }

  private token(): Promise<string> {
    if (this.opts.token) return Promise.resolve(this.opts.token);
    if (!this.jwt) {
      this.jwt = (async () => {
        const res = await apiRequest(this.ctx, 'POST', `${this.api}/v2/users/login/`, { 'content-type': 'application/json' },
          JSON.stringify({ username: this.opts.username, password: this.opts.password }));
        if (res.status !== 200) throw apiError('Docker Hub API', `login as ${this.opts.username}`, res, 'hub.docker.com', 'check the Docker Hub username and password');
        const token = (JSON.parse(res.body) as { token?: string }).token;
        if (!token) throw apiError('Docker Hub API', 'login returned no token', res, 'hub.docker.com', 'check the Docker Hub account');
        this.ctx.log.mask(token);
        return token;
      })();
      this.jwt.catch(() => { this.jwt = undefined; });
    }
    return this.jwt;
  }

  async deleteTag(repo: Repository, req: DeleteRequest): Promise<DeleteOutcome> {
    const url = `${this.api}/v2/repositories/${repo.name}/tags/${encodeURIComponent(req.tag)}/`;
    const res = await apiRequest(this.ctx, 'DELETE', url, { authorization: `JWT ${await this.token()}` });
    if (res.status === 204 || res.status === 200 || res.status === 202) return 'deleted';
    if (res.status === 404) return 'not-found';
    throw apiError('Docker Hub API', `delete ${repo.fullName}:${req.tag}`, res, repo.fullName, 'the account needs write access to the repository; personal access tokens cannot delete');
  }
}
