// The OCI distribution client: every HTTP request to a registry goes through
// here. It owns transport (http for insecure registries, TLS with custom CAs
// or without verification), authentication (docker config credentials, Basic,
// Bearer tokens per scope with caching), retries with backoff honouring
// Retry-After, and a bound on concurrent requests. It knows nothing of werf's
// tags or records: that is `storage`.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { join } from 'node:path';
import type { Agent } from 'undici';
import { undici } from './http.js';
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';
import { parseChallenge, mergeScopes, repositoryScope, type Action, type CachedToken, type Challenge, type TokenResponse } from './auth.js';
import { resolveCredentials, type CredentialHelperRunner, type Credentials } from './credentials.js';
import { apiHost, parseRepository } from './reference.js';
import {
  MANIFEST_ACCEPT, isIndex, type Descriptor, type ErrorBody, type FetchedManifest, type ImageConfig,
  type Manifest, type ManifestInfo, type Platform, type TagList,
} from './types.js';

export interface RequestEvent {
  registry: string;
  method: string;
  /** Path and query, without the host. */
  path: string;
  /** HTTP status, or 0 when the connection failed. */
  status: number;
  /** 0 for the first try of a request, then 1, 2, ... for retries. */
  attempt: number;
  durationMs: number;
}

export interface RegistryClientOptions {
  /**
   * werf's --insecure-registry for all registries (true) or these hosts: HTTPS
   * without certificate verification when the registry speaks TLS, plain HTTP
   * otherwise (decided by one probe of /v2/ per host).
   */
  insecureRegistry?: boolean | string[];
  /** Do not verify TLS certificates for all registries (true) or these hosts (--skip-tls-verify-registry). */
  skipTlsVerifyRegistry?: boolean | string[];
  /** Extra CA certificates (PEM) per registry host. */
  caCerts?: Record<string, string>;
  /** Directories with `<host>/*.crt` CA files (default /etc/docker/certs.d and /etc/containers/certs.d). */
  certsDirs?: string[];
  /** Directory with config.json (default $DOCKER_CONFIG or ~/.docker). */
  dockerConfigDir?: string;
  /** Credentials that win over the docker config, per registry host (e.g. from CI variables). */
  credentials?: Record<string, Omit<Credentials, 'source'> & { source?: string }>;
  runCredentialHelper?: CredentialHelperRunner;
  /** Requests in flight at once, over all registries (default 8). */
  concurrency?: number;
  /** Retries after the first attempt for 429/5xx/network errors (default 5). */
  retries?: number;
  /** First backoff delay in ms, doubled per retry with jitter (default 250). */
  backoffMs?: number;
  /** Upper bound of one delay, also for Retry-After (default 30000). */
  maxDelayMs?: number;
  /** Per-request timeout in ms (default 60000). */
  timeoutMs?: number;
  /** Called after every HTTP request (tests count requests with it). */
  onRequest?: (e: RequestEvent) => void;
}

interface HostState {
  registry: string;
  baseUrl: string;
  /** For insecure hosts: settles once the scheme is known. */
  probed?: Promise<void>;
  dispatcher?: Promise<Agent | undefined>;
  credentials?: Promise<Credentials>;
  challenge?: Challenge;
  tokens: Map<string, CachedToken>;
  /** Token fetches in flight per scope, shared by concurrent requests. */
  pendingTokens?: Map<string, Promise<string>>;
  /** Until the first response from the host: concurrent requests wait for it to learn the challenge. */
  firstContact?: Promise<void>;
  contacted?: boolean;
}

interface RawResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  url: string;
}

interface RequestOptions {
  method: string;
  /** Path under the registry (`/v2/...`) or an absolute URL (upload locations, pagination). */
  path: string;
  actions?: Action[];
  repository?: string;
  /** More scopes for the token (e.g. `repository:<from>:pull` for a cross-repository mount). */
  extraScopes?: string[];
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** What the caller is doing, for error messages. */
  operation: string;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

class Semaphore {
  private active = 0;
  private queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) { this.active++; return; }
    await new Promise<void>((r) => this.queue.push(r));
  }
  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}

function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function hostMatches(list: boolean | string[] | undefined, host: string): boolean {
  if (list === true) return true;
  if (!list) return false;
  return list.includes(host);
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

export class RegistryClient {
  private readonly hosts = new Map<string, HostState>();
  private readonly sem: Semaphore;
  private readonly opts: RegistryClientOptions;

  constructor(private readonly ctx: Context, options: RegistryClientOptions = {}) {
    this.opts = options;
    this.sem = new Semaphore(Math.max(1, options.concurrency ?? 8));
    for (const c of Object.values(options.credentials ?? {})) {
      for (const s of [c.password, c.identityToken, c.registryToken]) if (s) ctx.log.mask(s);
    }
  }

  /** A handle on one repository (`host[:port]/path`, docker.io when no host). */
  repository(name: string): Repository {
    const { registry, repository } = parseRepository(name);
    return new Repository(this, registry, repository);
  }

  /** Close TLS agents (idle keep-alive sockets would hold the process open). */
  async close(): Promise<void> {
    for (const h of this.hosts.values()) {
      await h.probed;
      const d = await h.dispatcher;
      await d?.close();
    }
    this.hosts.clear();
  }

  private host(registry: string): HostState {
    let h = this.hosts.get(registry);
    if (!h) {
      const insecure = hostMatches(this.opts.insecureRegistry, registry);
      const state: HostState = { registry, baseUrl: `https://${apiHost(registry)}`, tokens: new Map() };
      if (insecure) {
        const agent = undici().then((u) => new u.Agent({ connect: { rejectUnauthorized: false } }));
        state.dispatcher = agent;
        state.probed = agent.then((a) => this.probeScheme(state, a));
      } else {
        state.dispatcher = this.makeDispatcher(registry);
      }
      h = state;
      this.hosts.set(registry, h);
    }
    return h;
  }

  /** Insecure host: keep HTTPS (unverified) if it answers TLS, else switch to plain HTTP. */
  private async probeScheme(h: HostState, agent: Agent): Promise<void> {
    const started = Date.now();
    let status = 0;
    try {
      const { fetch } = await undici();
      const r = await fetch(`${h.baseUrl}/v2/`, {
        dispatcher: agent, signal: AbortSignal.any([this.ctx.signal, AbortSignal.timeout(this.opts.timeoutMs ?? 60_000)]),
      });
      status = r.status;
      await r.arrayBuffer();
      if (status === 401) {
        const ch = parseChallenge(r.headers.get('www-authenticate'));
        if (ch) h.challenge = { ...ch, scope: undefined };
      }
    } catch {
      h.baseUrl = `http://${apiHost(h.registry)}`;
      h.dispatcher = Promise.resolve(undefined);
      await agent.close().catch(() => undefined);
    }
    this.opts.onRequest?.({ registry: h.registry, method: 'GET', path: '/v2/', status, attempt: 0, durationMs: Date.now() - started });
    this.ctx.log.debug(`registry ${h.registry} is insecure: using ${h.baseUrl}`);
  }

  private async makeDispatcher(registry: string): Promise<Agent> {
    const { Agent } = await undici();
    if (hostMatches(this.opts.skipTlsVerifyRegistry, registry)) {
      return new Agent({ connect: { rejectUnauthorized: false } });
    }
    const extra: string[] = [];
    const given = this.opts.caCerts?.[registry];
    if (given) extra.push(given);
    for (const base of this.opts.certsDirs ?? ['/etc/docker/certs.d', '/etc/containers/certs.d']) {
      const dir = join(base, registry);
      let names: string[];
      try { names = await readdir(dir); } catch { continue; }
      for (const n of names.filter((x) => x.endsWith('.crt')).sort()) extra.push(await readFile(join(dir, n), 'utf8'));
    }
    return new Agent(extra.length ? { connect: { ca: [...rootCertificates, ...extra] } } : {});
  }

  private credentials(h: HostState): Promise<Credentials> {
    if (!h.credentials) {
      const given = this.opts.credentials?.[h.registry];
      h.credentials = given
        ? Promise.resolve({ ...given, source: given.source ?? 'explicit credentials' })
        : resolveCredentials(h.registry, this.ctx, { configDir: this.opts.dockerConfigDir, runHelper: this.opts.runCredentialHelper });
    }
    return h.credentials;
  }

  private async sleep(ms: number): Promise<void> {
    if (ms <= 0) return;
    const signal = this.ctx.signal;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
      const onAbort = () => { clearTimeout(t); reject(signal.reason ?? new Error('aborted')); };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private backoff(attempt: number): number {
    const base = this.opts.backoffMs ?? 250;
    const d = base * 2 ** attempt;
    return Math.min(this.opts.maxDelayMs ?? 30_000, d / 2 + Math.random() * (d / 2));
  }

  /** Authorization header for a request with this scope, fetching a token if needed. */
  private async authorization(h: HostState, scope: string | undefined, creds: Credentials, operation: string): Promise<string | undefined> {
    const ch = h.challenge;
    if (!ch) return undefined;
    if (ch.scheme === 'basic') {
      if (creds.username !== undefined && creds.password !== undefined) {
        return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      }
      return undefined;
    }
    if (creds.registryToken) return `Bearer ${creds.registryToken}`;
    const fullScope = scope ?? '';
    const cached = h.tokens.get(fullScope);
    if (cached && cached.expiresAt > this.ctx.now()) return `Bearer ${cached.token}`;
    const pending = (h.pendingTokens ??= new Map());
    let p = pending.get(fullScope);
    if (!p) {
      p = this.fetchToken(h, ch, fullScope, creds, operation).finally(() => pending.delete(fullScope));
      pending.set(fullScope, p);
    }
    return `Bearer ${await p}`;
  }

  private async fetchToken(h: HostState, ch: Challenge, scope: string, creds: Credentials, operation: string): Promise<string> {
    if (!ch.realm) throw this.error(h, 'registry.auth-failed', `the registry's Bearer challenge has no realm`, operation, creds);
    const url = new URL(ch.realm);
    const dispatcher = await this.dispatcherFor(url, h);
    let res: RawResponse;
    if (creds.identityToken) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken, client_id: 'werf-action' });
      if (ch.service) form.set('service', ch.service);
      if (scope) form.set('scope', scope);
      res = await this.send(h, 'POST', url.toString(), { 'content-type': 'application/x-www-form-urlencoded' }, form.toString(), dispatcher, 'token');
    } else {
      if (ch.service) url.searchParams.set('service', ch.service);
      for (const s of scope.split(' ').filter(Boolean)) url.searchParams.append('scope', s);
      const headers: Record<string, string> = {};
      if (creds.username !== undefined && creds.password !== undefined) {
        headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      }
      res = await this.send(h, 'GET', url.toString(), headers, undefined, dispatcher, 'token');
    }
    if (res.status === 401 || res.status === 403) {
      throw this.error(h, 'registry.unauthorized', `the token server ${url.host} refused the credentials (HTTP ${res.status})`, operation, creds);
    }
    if (res.status !== 200) {
      throw this.error(h, 'registry.auth-failed', `the token server ${url.host} answered HTTP ${res.status}`, operation, creds);
    }
    let body: TokenResponse;
    try { body = JSON.parse(res.body.toString('utf8')) as TokenResponse; } catch { body = {}; }
    const token = body.token ?? body.access_token;
    if (!token) throw this.error(h, 'registry.auth-failed', `the token server ${url.host} returned no token`, operation, creds);
    this.ctx.log.mask(token);
    const ttl = Math.max(30, body.expires_in ?? 60) * 1000;
    h.tokens.set(scope, { token, expiresAt: this.ctx.now() + ttl - 10_000 });
    return token;
  }

  private async dispatcherFor(url: URL, h: HostState): Promise<Agent | undefined> {
    if (url.protocol !== 'https:') return undefined;
    if (url.host === apiHost(h.registry)) return h.dispatcher;
    return undefined;
  }

  /** One HTTP exchange, with retries for 429/5xx and network errors. */
  private async send(
    h: HostState, method: string, url: string, headers: Record<string, string>,
    body: Buffer | string | undefined, dispatcher: Agent | undefined, operation: string,
  ): Promise<RawResponse> {
    const retries = this.opts.retries ?? 5;
    const path = (() => { const u = new URL(url); return u.host === apiHost(h.registry) ? u.pathname + u.search : url; })();
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      await this.sem.acquire();
      let res: RawResponse | undefined;
      let netErr: unknown;
      try {
        const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 60_000);
        const { fetch } = await undici();
        const r = await fetch(url, {
          method, headers, body, dispatcher,
          signal: AbortSignal.any([this.ctx.signal, timeout]),
        });
        const buf = Buffer.from(await r.arrayBuffer());
        res = { status: r.status, headers: r.headers as unknown as Headers, body: buf, url: r.url || url };
      } catch (e) {
        netErr = e;
      } finally {
        this.sem.release();
      }
      this.opts.onRequest?.({ registry: h.registry, method, path, status: res?.status ?? 0, attempt, durationMs: Date.now() - started });
      if (this.ctx.signal.aborted) throw this.ctx.signal.reason ?? new Error('aborted');
      if (res && !RETRY_STATUS.has(res.status)) return res;
      if (attempt >= retries || (!res && isPermanentNetworkError(netErr))) {
        if (res) return res;
        const creds = await this.credentials(h);
        const cause = netErr as { message?: string; cause?: { code?: string; message?: string } } | undefined;
        const detail = cause?.cause?.code ?? cause?.cause?.message ?? cause?.message ?? String(netErr);
        throw this.error(h, 'registry.unreachable', `cannot reach ${new URL(url).host} (${detail}) after ${attempt + 1} attempts`, operation, creds, netErr);
      }
      let delay = this.backoff(attempt);
      if (res) {
        const ra = parseRetryAfter(res.headers.get('retry-after'), this.ctx.now());
        if (ra !== undefined) delay = Math.min(this.opts.maxDelayMs ?? 30_000, Math.max(ra, 0));
        this.ctx.log.debug(`registry ${h.registry}: ${method} ${path} answered ${res.status}, retry ${attempt + 1}/${retries} in ${delay}ms`);
      } else {
        this.ctx.log.debug(`registry ${h.registry}: ${method} ${path} failed (${(netErr as Error)?.message}), retry ${attempt + 1}/${retries} in ${delay}ms`);
      }
      await this.sleep(delay);
    }
  }

  /**
   * @internal A single request whose body is streamed (in and/or out). No
   * retries and no 401 round: call it after a buffered request to the same
   * repository and scope has settled the authentication (the caller retries
   * the whole transfer).
   */
  async streamRequest(registry: string, o: Omit<RequestOptions, 'body'> & { body?: ReadableStream<Uint8Array>; contentLength?: number }): Promise<{ status: number; headers: Headers; url: string; body: ReadableStream<Uint8Array> | null }> {
    const h = this.host(registry);
    await h.probed;
    const creds = await this.credentials(h);
    const dispatcher = await h.dispatcher;
    const url = /^https?:\/\//.test(o.path) ? o.path : `${h.baseUrl}${o.path}`;
    const scope = mergeScopes(o.repository && o.actions ? repositoryScope(o.repository, o.actions) : undefined, ...(o.extraScopes ?? [])) || undefined;
    const headers: Record<string, string> = { ...o.headers };
    const auth = await this.authorization(h, scope, creds, o.operation);
    if (auth) headers.authorization = auth;
    if (o.contentLength !== undefined) headers['content-length'] = String(o.contentLength);
    const started = Date.now();
    await this.sem.acquire();
    try {
      const { fetch } = await undici();
      const r = await fetch(url, {
        method: o.method, headers, body: o.body, dispatcher, duplex: 'half',
        signal: this.ctx.signal,
      });
      this.opts.onRequest?.({ registry, method: o.method, path: new URL(url).pathname + new URL(url).search, status: r.status, attempt: 0, durationMs: Date.now() - started });
      return { status: r.status, headers: r.headers as unknown as Headers, url: r.url || url, body: r.body as ReadableStream<Uint8Array> | null };
    } catch (e) {
      this.opts.onRequest?.({ registry, method: o.method, path: new URL(url).pathname, status: 0, attempt: 0, durationMs: Date.now() - started });
      throw this.error(h, 'registry.unreachable', `${o.method} failed: ${(e as Error).message}`, o.operation, creds, e);
    } finally {
      this.sem.release();
    }
  }

  /** @internal An authenticated request to a registry; repeats once after a 401 with a fresh challenge. */
  async request(registry: string, o: RequestOptions): Promise<RawResponse> {
    const h = this.host(registry);
    await h.probed;
    const creds = await this.credentials(h);
    const dispatcher = await h.dispatcher;
    const url = /^https?:\/\//.test(o.path) ? o.path : `${h.baseUrl}${o.path}`;
    const scope = mergeScopes(o.repository && o.actions ? repositoryScope(o.repository, o.actions) : undefined, ...(o.extraScopes ?? [])) || undefined;
    // The first request to a host learns its challenge; the others wait for it
    // instead of all collecting a 401 of their own.
    let releaseFirst: (() => void) | undefined;
    if (!h.challenge && !h.contacted) {
      if (h.firstContact) await h.firstContact.catch(() => undefined);
      else h.firstContact = new Promise<void>((r) => { releaseFirst = r; });
    }
    try {
      return await this.authorizedExchange(h, o, url, scope, creds, dispatcher, () => {
        h.contacted = true;
        releaseFirst?.();
      });
    } finally {
      releaseFirst?.();
    }
  }

  private async authorizedExchange(
    h: HostState, o: RequestOptions, url: string, scope: string | undefined, creds: Credentials,
    dispatcher: Agent | undefined, onFirstResponse: () => void,
  ): Promise<RawResponse> {
    let roundScope = scope;
    for (let round = 0; ; round++) {
      const headers: Record<string, string> = { ...o.headers };
      const auth = await this.authorization(h, roundScope, creds, o.operation);
      if (auth) headers.authorization = auth;
      const res = await this.send(h, o.method, url, headers, o.body, dispatcher, o.operation);
      const ch = res.status === 401 ? parseChallenge(res.headers.get('www-authenticate')) : undefined;
      // The host keeps the scheme and realm; a challenge's scope belongs to this request only.
      if (ch) h.challenge = { ...ch, scope: undefined };
      if (round === 0) onFirstResponse();
      if (res.status !== 401) return res;
      if (round > 0) throw this.error(h, 'registry.unauthorized', `authentication failed (HTTP 401${errorText(res)})`, o.operation, creds);
      if (!ch) throw this.error(h, 'registry.unauthorized', `HTTP 401 without a usable WWW-Authenticate challenge`, o.operation, creds);
      if (ch.scheme === 'basic') {
        if (creds.username === undefined || creds.password === undefined) {
          throw this.error(h, 'registry.unauthorized', 'the registry requires a login', o.operation, creds);
        }
        // Basic credentials already sent and refused: a second try cannot help.
        if (auth?.startsWith('Basic ')) throw this.error(h, 'registry.unauthorized', `authentication failed (HTTP 401${errorText(res)})`, o.operation, creds);
      } else {
        // An expired or too narrow token: fetch a new one, adding the scope the registry asked for.
        roundScope = mergeScopes(scope, ch.scope) || undefined;
        h.tokens.delete(roundScope ?? '');
      }
    }
  }

  /** @internal */
  error(h: HostState | string, code: string, what: string, operation: string, creds?: Credentials, cause?: unknown): WerfActionError {
    const registry = typeof h === 'string' ? h : h.registry;
    const credText = creds ? `; credentials: ${creds.source}` : '';
    const hints: Record<string, string> = {
      'registry.unauthorized': `log in to ${registry} (docker login / buildah login), set DOCKER_CONFIG, or pass credentials through the CI variables`,
      'registry.forbidden': `the credentials for ${registry} lack the permission for this operation (push/delete)`,
      'registry.unreachable': `check the address and network; use --insecure-registry for a plain-HTTP registry or --skip-tls-verify-registry for a self-signed certificate`,
    };
    return new WerfActionError(`registry ${registry}: ${operation}: ${this.ctx.log.redact(what)}${credText}`, {
      code,
      location: { subject: registry },
      hint: hints[code],
      cause,
    });
  }

  /** @internal Turn a non-2xx response into a WerfActionError. */
  async failure(registry: string, res: RawResponse, operation: string): Promise<WerfActionError> {
    const h = this.host(registry);
    const creds = await this.credentials(h);
    if (res.status === 403) return this.error(h, 'registry.forbidden', `denied (HTTP 403${errorText(res)})`, operation, creds);
    if (res.status === 401) return this.error(h, 'registry.unauthorized', `authentication failed (HTTP 401${errorText(res)})`, operation, creds);
    return this.error(h, 'registry.http-error', `HTTP ${res.status}${errorText(res)}`, operation, creds);
  }
}

/** TLS and certificate failures do not go away by retrying. */
function isPermanentNetworkError(e: unknown): boolean {
  const c = (e as { cause?: { code?: string } } | undefined)?.cause?.code ?? '';
  return /^(ERR_SSL_|ERR_TLS_|CERT_|SELF_SIGNED|DEPTH_ZERO|UNABLE_TO_(VERIFY|GET)|ERR_INVALID_URL)/.test(c) || c === 'HOSTNAME_MISMATCH' || c === 'ERR_TLS_CERT_ALTNAME_INVALID';
}

function errorText(res: RawResponse): string {
  try {
    const b = JSON.parse(res.body.toString('utf8')) as ErrorBody;
    const e = b.errors?.[0];
    if (e) return `: ${e.code ?? ''}${e.message ? ` ${e.message}` : ''}`.trimEnd();
  } catch { /* not JSON */ }
  return '';
}

function errorCode(res: RawResponse): string | undefined {
  try { return (JSON.parse(res.body.toString('utf8')) as ErrorBody).errors?.[0]?.code; } catch { return undefined; }
}

/** Next page URL from a `Link: <url>; rel="next"` header. */
export function nextLink(link: string | null, base: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return new URL(m[1]!, base).toString();
  }
  return undefined;
}

export type DeleteOutcome = 'deleted' | 'not-found';

/** One repository of one registry. */
export class Repository {
  /** Blobs seen present in this repository during this run (skips repeated HEADs). */
  private readonly knownBlobs = new Set<string>();

  constructor(private readonly client: RegistryClient, readonly registry: string, readonly name: string) {}

  /** `registry/name` as written in image references. */
  get fullName(): string { return `${this.registry}/${this.name}`; }

  private req(o: Omit<RequestOptions, 'repository'>) {
    return this.client.request(this.registry, { ...o, repository: this.name });
  }

  /** Every tag, following Link pagination; [] when the repository does not exist yet. */
  async listTags(pageSize = 1000): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${this.name}/tags/list?n=${pageSize}`;
    const operation = `list tags of ${this.fullName}`;
    while (path) {
      const res = await this.req({ method: 'GET', path, actions: ['pull'], operation });
      if (res.status === 404) return tags;
      if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
      const body = JSON.parse(res.body.toString('utf8')) as TagList;
      tags.push(...(body.tags ?? []));
      path = nextLink(res.headers.get('link'), res.url);
    }
    return tags;
  }

  /** Digest, media type and size of a manifest; undefined when absent. */
  async headManifest(reference: string): Promise<ManifestInfo | undefined> {
    const operation = `check manifest ${this.fullName}:${reference}`;
    const res = await this.req({ method: 'HEAD', path: `/v2/${this.name}/manifests/${reference}`, actions: ['pull'], headers: { accept: MANIFEST_ACCEPT }, operation });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    const digest = res.headers.get('docker-content-digest');
    if (!digest) {
      const full = await this.getManifest(reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    return { digest, mediaType: res.headers.get('content-type') ?? '', size: Number(res.headers.get('content-length') ?? 0) };
  }

  async getManifest(reference: string): Promise<FetchedManifest | undefined> {
    const operation = `get manifest ${this.fullName}:${reference}`;
    const res = await this.req({ method: 'GET', path: `/v2/${this.name}/manifests/${reference}`, actions: ['pull'], headers: { accept: MANIFEST_ACCEPT }, operation });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    const digest = sha256(res.body);
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw this.client.error(this.registry, 'registry.digest-mismatch', `the manifest's content has digest ${digest}`, operation);
    }
    const manifest = JSON.parse(res.body.toString('utf8')) as Manifest;
    const mediaType = manifest.mediaType ?? res.headers.get('content-type') ?? '';
    return { manifest, raw: res.body, digest, mediaType, size: res.body.length };
  }

  /** PUT a manifest under a tag or digest; returns its digest. */
  async putManifest(reference: string, raw: Buffer | string, mediaType: string): Promise<string> {
    const operation = `push manifest ${this.fullName}:${reference}`;
    const body = typeof raw === 'string' ? Buffer.from(raw) : raw;
    const res = await this.req({ method: 'PUT', path: `/v2/${this.name}/manifests/${reference}`, actions: ['pull', 'push'], headers: { 'content-type': mediaType }, body, operation });
    if (res.status !== 201 && res.status !== 200 && res.status !== 202) throw await this.client.failure(this.registry, res, operation);
    return res.headers.get('docker-content-digest') ?? sha256(body);
  }

  /** Point `tag` at the manifest `source` (tag or digest) of this repository. */
  async tag(source: string, tag: string): Promise<string> {
    const m = await this.getManifest(source);
    if (!m) throw this.client.error(this.registry, 'registry.manifest-unknown', `manifest ${source} does not exist`, `tag ${this.fullName}:${source} as ${tag}`);
    return this.putManifest(tag, m.raw, m.mediaType);
  }

  async blobExists(digest: string): Promise<boolean> {
    if (this.knownBlobs.has(digest)) return true;
    const operation = `check blob ${this.fullName}@${digest}`;
    const res = await this.req({ method: 'HEAD', path: `/v2/${this.name}/blobs/${digest}`, actions: ['pull'], operation });
    if (res.status === 404) return false;
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    this.knownBlobs.add(digest);
    return true;
  }

  async getBlob(digest: string): Promise<Buffer> {
    const operation = `get blob ${this.fullName}@${digest}`;
    const res = await this.req({ method: 'GET', path: `/v2/${this.name}/blobs/${digest}`, actions: ['pull'], operation });
    if (res.status !== 200) throw await this.client.failure(this.registry, res, operation);
    const got = sha256(res.body);
    if (digest.startsWith('sha256:') && got !== digest) {
      throw this.client.error(this.registry, 'registry.digest-mismatch', `blob content has digest ${got}`, operation);
    }
    return res.body;
  }

  /**
   * Upload a small blob in one request (POST then PUT ?digest=); skipped when
   * it exists. `unique: true` skips the existence check for content that
   * cannot be there yet (a fresh record config).
   */
  async uploadBlob(data: Buffer | string, mediaType = 'application/octet-stream', opts: { unique?: boolean } = {}): Promise<Descriptor> {
    const body = typeof data === 'string' ? Buffer.from(data) : data;
    const digest = sha256(body);
    const desc: Descriptor = { mediaType, digest, size: body.length };
    if (!opts.unique && await this.blobExists(digest)) return desc;
    const done = () => { this.knownBlobs.add(digest); return desc; };
    const operation = `upload blob ${this.fullName}@${digest}`;
    // An upload session can be lost when a PUT fails half way; start a new one then.
    for (let session = 0; ; session++) {
      const start = await this.req({ method: 'POST', path: `/v2/${this.name}/blobs/uploads/`, actions: ['pull', 'push'], operation });
      if (start.status === 201) return done();
      if (start.status !== 202) throw await this.client.failure(this.registry, start, operation);
      const location = start.headers.get('location');
      if (!location) throw this.client.error(this.registry, 'registry.protocol', 'upload started without a Location', operation);
      const url = new URL(location, start.url);
      url.searchParams.set('digest', digest);
      const put = await this.req({ method: 'PUT', path: url.toString(), actions: ['pull', 'push'], headers: { 'content-type': 'application/octet-stream' }, body, operation });
      if (put.status === 201 || put.status === 204) return done();
      if (session < 2 && (put.status === 404 || put.status >= 500)) continue;
      throw await this.client.failure(this.registry, put, operation);
    }
  }

  /** The image config of `reference`; for an index, of the platform given (default linux/amd64, else the first). */
  async getImageConfig(reference: string, platform?: Partial<Platform>): Promise<ImageConfig | undefined> {
    const m = await this.getManifest(reference);
    if (!m) return undefined;
    let manifest = m.manifest;
    if (isIndex(manifest)) {
      const want = { os: 'linux', architecture: 'amd64', ...platform };
      const pick = manifest.manifests.find((d) => d.platform?.os === want.os && d.platform?.architecture === want.architecture && (!want.variant || d.platform?.variant === want.variant))
        ?? manifest.manifests[0];
      if (!pick) return undefined;
      const sub = await this.getManifest(pick.digest);
      if (!sub || isIndex(sub.manifest)) return undefined;
      manifest = sub.manifest;
    }
    const blob = await this.getBlob(manifest.config.digest);
    return JSON.parse(blob.toString('utf8')) as ImageConfig;
  }

  /** Labels of the image (`config.Labels`), {} when it has none. */
  async getLabels(reference: string): Promise<Record<string, string> | undefined> {
    const cfg = await this.getImageConfig(reference);
    if (!cfg) return undefined;
    return { ...(cfg.config?.Labels ?? {}) };
  }

  /**
   * DELETE /v2/<name>/manifests/<reference> (a digest deletes every tag on
   * it; a tag is accepted by registries with OCI tag deletion). 404 is 'not-found'.
   */
  async deleteManifest(reference: string): Promise<DeleteOutcome> {
    const operation = `delete ${this.fullName}${reference.includes(':') ? '@' : ':'}${reference}`;
    const res = await this.req({ method: 'DELETE', path: `/v2/${this.name}/manifests/${reference}`, actions: ['pull', 'push', 'delete'], operation });
    if (res.status === 202 || res.status === 200 || res.status === 204) return 'deleted';
    if (res.status === 404) return 'not-found';
    if (res.status === 405 || errorCode(res) === 'UNSUPPORTED') {
      throw this.client.error(this.registry, 'registry.delete-unsupported', `the registry does not allow this delete (HTTP ${res.status}${errorText(res)})`, operation);
    }
    throw await this.client.failure(this.registry, res, operation);
  }

  /** @internal Raw request for registry-specific deleters (GitLab tag endpoint) and copies. */
  raw(o: Omit<RequestOptions, 'repository'>) {
    return this.req(o);
  }

  /** @internal Streamed request (see RegistryClient.streamRequest). */
  stream(o: Omit<RequestOptions, 'repository' | 'body'> & { body?: ReadableStream<Uint8Array>; contentLength?: number }) {
    return this.client.streamRequest(this.registry, { ...o, repository: this.name });
  }

  /**
   * Copy a blob of any size from `src` without holding it in memory: GET as a
   * stream piped into a monolithic upload. Retried from scratch up to 3 times.
   */
  async uploadBlobFrom(src: Repository, digest: string, size: number): Promise<void> {
    const operation = `copy blob ${digest} from ${src.fullName} to ${this.fullName}`;
    // Buffered calls first: they settle authentication for both scopes.
    if (!(await src.blobExists(digest))) throw this.client.error(src.registry, 'registry.blob-unknown', `blob ${digest} does not exist`, operation);
    let lastStatus = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const start = await this.req({ method: 'POST', path: `/v2/${this.name}/blobs/uploads/`, actions: ['pull', 'push'], operation });
      if (start.status !== 202) throw await this.client.failure(this.registry, start, operation);
      const url = new URL(start.headers.get('location') ?? '', start.url);
      url.searchParams.set('digest', digest);
      const get = await src.stream({ method: 'GET', path: `/v2/${src.name}/blobs/${digest}`, actions: ['pull'], operation });
      if (get.status !== 200 || !get.body) {
        await get.body?.cancel();
        lastStatus = get.status;
        continue;
      }
      try {
        const put = await this.stream({
          method: 'PUT', path: url.toString(), actions: ['pull', 'push'], operation,
          headers: { 'content-type': 'application/octet-stream' }, body: get.body, contentLength: size,
        });
        await put.body?.cancel();
        if (put.status === 201 || put.status === 204) { this.knownBlobs.add(digest); return; }
        lastStatus = put.status;
      } catch (e) {
        if (attempt === 2) throw e;
      }
    }
    throw this.client.error(this.registry, 'registry.http-error', `streamed copy failed (last HTTP ${lastStatus})`, operation);
  }
}
