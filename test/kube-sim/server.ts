// The HTTP(S) front of the simulator: routing of API paths, authentication (client certs,
// bearer tokens), RBAC-lite, content negotiation, watch streams, pod logs, Tables,
// OpenAPI v3 stubs for kubectl's field-validation probe, fault injection and a request log.
// Owns: the wire protocol. Verb semantics live in cluster.ts.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { ApiError, errors, field } from './errors.js';
import { Cluster, gr, type DeleteOpts, type PatchType } from './cluster.js';
import { apiVersionOf, type Obj, type ResourceType } from './resources.js';
import { matchFields, matchReqs, parseFieldSelector, parseLabelSelector } from './selectors.js';
import type { StoreEvent } from './store.js';
import { toTable } from './table.js';
import { decodeProtobuf } from './proto.js';
import type { Pki } from './certs.js';

export interface User { name: string; groups: string[] }

export interface DenyRule {
  user?: string;
  verb?: string;
  /** plural, optionally with subresource: "pods/log" */
  resource?: string;
  group?: string;
  namespace?: string;
}

export interface FaultRule {
  /** HTTP method or Kubernetes verb (get, list, watch, create, update, patch, delete). */
  verb?: string;
  resource?: string;
  path?: RegExp | string;
  status?: 429 | 500 | 503 | 504;
  delayMs?: number;
  /** Let this many matching requests through before the rule fires. */
  skip?: number;
  /** Fire this many times, then stop (default: forever). */
  times?: number;
  /** Fire only on every Nth matching request (after skip). */
  every?: number;
  /** Active only for this many milliseconds after the rule was added. */
  forMs?: number;
  retryAfterSeconds?: number;
  /** Drop the connection without a response. */
  reset?: boolean;
}

export interface RequestRecord {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  verb: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  user?: string;
  userAgent?: string;
  contentType?: string;
  status: number;
}

export interface LogRequest {
  namespace: string;
  pod: Obj;
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  limitBytes?: number;
}

export interface LogProvider {
  /** Throws ApiError 400 when the container has no log yet. Returns the text and, with follow, a subscription. */
  read(req: LogRequest): { text: string; follow?: (write: (chunk: string) => void, end: () => void) => () => void };
}

export interface ServerOptions {
  tls: boolean;
  pki?: Pki;
  tokens: Map<string, User>;
  anonymous: boolean;
  bookmarkIntervalMs: number;
  version: Obj;
}

interface Watcher {
  res: http.ServerResponse;
  close: () => void;
}

const ACCEPTED_PATCH = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

export class ApiServer {
  private server?: http.Server | https.Server;
  private sockets = new Set<Socket>();
  private watchers = new Set<Watcher>();
  readonly deny: DenyRule[] = [];
  readonly faults: (FaultRule & { id: number; seen: number; fired: number; added: number })[] = [];
  readonly requests: RequestRecord[] = [];
  private faultId = 0;
  logs?: LogProvider;
  port = 0;

  constructor(readonly cluster: Cluster, readonly opts: ServerOptions) {}

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) this.sendError(res, e instanceof ApiError ? e : errors.internal(String(e?.stack ?? e)));
        else res.destroy();
      });
    };
    const server = this.opts.tls
      ? https.createServer({ key: this.opts.pki!.serverKey, cert: this.opts.pki!.serverCert, ca: this.opts.pki!.caCert, requestCert: true, rejectUnauthorized: false }, handler)
      : http.createServer(handler);
    server.keepAliveTimeout = 60_000;
    server.on(this.opts.tls ? 'secureConnection' : 'connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    this.dropWatches(true);
    for (const sock of this.sockets) sock.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  /** Ends every open watch. `hard` resets the TCP connection instead of ending the stream cleanly. */
  dropWatches(hard = false): number {
    const n = this.watchers.size;
    for (const w of [...this.watchers]) {
      w.close();
      if (hard) w.res.socket?.destroy();
      else w.res.end();
    }
    this.watchers.clear();
    return n;
  }

  openWatches(): number {
    return this.watchers.size;
  }

  addFault(rule: FaultRule): number {
    const id = ++this.faultId;
    this.faults.push({ ...rule, id, seen: 0, fired: 0, added: Date.now() });
    return id;
  }

  // --- plumbing ---------------------------------------------------------------

  private send(res: http.ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
    const yaml = typeof body !== 'string' && /^application\/yaml\b/.test(String((res.req as http.IncomingMessage | undefined)?.headers.accept ?? ''));
    const text = typeof body === 'string' ? body : yaml ? toYaml(body) : JSON.stringify(body) + '\n';
    res.writeHead(code, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : yaml ? 'application/yaml' : 'application/json', 'Cache-Control': 'no-cache, private', ...headers });
    res.end(text);
  }

  private sendError(res: http.ServerResponse, e: ApiError): void {
    this.send(res, e.code, e.status(), e.headers);
  }

  private authenticate(req: http.IncomingMessage): User | undefined | 'invalid' {
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m) return 'invalid';
      const u = this.opts.tokens.get(m[1]!.trim());
      return u ?? 'invalid';
    }
    if (this.opts.tls) {
      const sock = req.socket as TLSSocket;
      if (sock.authorized) {
        const cert = sock.getPeerCertificate();
        const subj = cert?.subject as unknown as Record<string, string | string[]> | undefined;
        if (subj?.CN) {
          const o = subj.O;
          return { name: String(subj.CN), groups: [...(Array.isArray(o) ? o : o ? [o] : []), 'system:authenticated'] };
        }
      }
    }
    return undefined;
  }

  private denied(user: User, verb: string, t: ResourceType | undefined, resource: string, ns: string | undefined): boolean {
    return this.deny.some((r) =>
      (r.user === undefined || r.user === user.name) &&
      (r.verb === undefined || r.verb === '*' || r.verb === verb) &&
      (r.resource === undefined || r.resource === '*' || r.resource === resource) &&
      (r.group === undefined || r.group === '*' || r.group === (t?.group ?? '')) &&
      (r.namespace === undefined || r.namespace === ns));
  }

  private async readBody(req: http.IncomingMessage): Promise<string> {
    const buf = await this.readRaw(req);
    const ct = String(req.headers['content-type'] ?? '');
    if (ct.startsWith('application/vnd.kubernetes.protobuf')) {
      const obj = decodeProtobuf(buf);
      if (!obj) throw errors.unsupportedMediaType(ct, ['application/json', 'application/yaml']);
      return JSON.stringify(obj);
    }
    return buf.toString('utf8');
  }

  private async readRaw(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 3 * 1024 * 1024) throw new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private decode(text: string, contentType: string): unknown {
    const ct = contentType.split(';')[0]!.trim().toLowerCase();
    try {
      if (ct === 'application/yaml' || ct === 'application/apply-patch+yaml') return parseYaml(text);
      return JSON.parse(text);
    } catch (e) {
      if (ct.includes('yaml')) throw errors.badRequest(`error decoding YAML: ${(e as Error).message}`);
      throw errors.badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
    }
  }

  // --- main handler -----------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const rec: RequestRecord = { at: Date.now(), method: req.method ?? 'GET', path: url.pathname, query, verb: '', userAgent: req.headers['user-agent'], contentType: req.headers['content-type'], status: 0 };
    this.requests.push(rec);
    if (this.requests.length > 20000) this.requests.splice(0, 10000);
    const origWriteHead = res.writeHead.bind(res);
    (res as any).writeHead = (code: number, ...rest: any[]) => { rec.status = code; return origWriteHead(code, ...rest); };

    const route = this.route(url.pathname, req.method ?? 'GET', query);
    Object.assign(rec, { verb: route.verb, resource: route.t?.plural, subresource: route.sub, namespace: route.ns, name: route.name });

    // faults
    for (const f of this.faults) {
      const m = (f.verb === undefined || f.verb === route.verb || f.verb.toUpperCase() === req.method) &&
        (f.resource === undefined || f.resource === route.t?.plural) &&
        (f.path === undefined || (typeof f.path === 'string' ? url.pathname.includes(f.path) : f.path.test(url.pathname)));
      if (!m) continue;
      f.seen++;
      if (f.skip && f.seen <= f.skip) continue;
      if (f.times !== undefined && f.fired >= f.times) continue;
      if (f.forMs !== undefined && Date.now() - f.added > f.forMs) continue;
      if (f.every && (f.seen - (f.skip ?? 0)) % f.every !== 0) continue;
      f.fired++;
      if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
      if (f.reset) { req.socket.destroy(); return; }
      if (f.status === 429) return this.sendError(res, errors.tooManyRequests(f.retryAfterSeconds ?? 1));
      if (f.status === 500) return this.sendError(res, errors.internal('injected fault'));
      if (f.status === 503) return this.sendError(res, errors.serviceUnavailable());
      if (f.status === 504) return this.sendError(res, new ApiError(504, 'Timeout', 'Timeout: request did not complete within requested timeout - context deadline exceeded'));
    }

    // authentication
    const user = this.authenticate(req);
    if (user === 'invalid') return this.sendError(res, errors.unauthorized());
    const publicPath = ['/version', '/version/', '/healthz', '/livez', '/readyz'].includes(url.pathname);
    if (!user && !publicPath && !this.opts.anonymous) return this.sendError(res, errors.unauthorized());
    const who: User = user ?? { name: 'system:anonymous', groups: ['system:unauthenticated'] };
    rec.user = who.name;

    const accept = String(req.headers.accept ?? '');
    if (accept && !/application\/json|\*\/\*|application\/yaml|text\/plain|application\/\*/.test(accept) && /protobuf/.test(accept)) return this.sendError(res, errors.notAcceptable());

    if (route.kind === 'plain') return this.send(res, 200, route.body!);
    if (route.kind === 'json') return this.send(res, 200, route.body);
    if (route.kind === 'notfound') return this.send(res, 404, '404 page not found\n');
    if (route.kind === 'status') return this.sendError(res, route.error!);

    const t = route.t!;
    const resourceName = route.sub ? `${t.plural}/${route.sub}` : t.plural;
    if (this.denied(who, route.verb, t, resourceName, route.ns)) {
      const scope = route.ns ? `in the namespace "${route.ns}"` : 'at the cluster scope';
      return this.sendError(res, errors.forbidden(gr(t), route.name ?? '', `User "${who.name}" cannot ${route.verb} resource "${resourceName}" in API group "${t.group}" ${scope}`));
    }

    const dry = query.dryRun;
    if (dry !== undefined && dry !== 'All') return this.sendError(res, errors.badRequest(`dryRun: Unsupported value: "${dry}": supported values: "All"`));
    const fieldManager = query.fieldManager || defaultManager(req.headers['user-agent']);
    if (fieldManager.length > 128) return this.sendError(res, errors.badRequest('fieldManager: Too long: may not be more than 128 bytes'));
    const warnings: string[] = [];
    const wopts = { dryRun: dry === 'All', fieldManager, warnings, subresource: route.sub };
    const tableAccept = /as=Table/.test(accept);
    const out = (code: number, body: Obj) => {
      const headers: Record<string, string> = {};
      if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
      this.send(res, code, body, headers);
    };
    const c = this.cluster;

    switch (route.verb) {
      case 'get': {
        if (route.sub === 'log') return this.serveLog(res, route.ns!, route.name!, query);
        if (route.sub === 'scale') return out(200, this.scaleOf(t, c.get(t, route.ns, route.name!)));
        const o = c.get(t, route.ns, route.name!);
        if (tableAccept) return out(200, toTable(t, [o], o.metadata.resourceVersion, query.includeObject ?? 'Object'));
        return out(200, o);
      }
      case 'list': {
        const l = c.list(t, route.ns, { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector, limit: query.limit ? Number(query.limit) : undefined, continue: query.continue, resourceVersion: query.resourceVersion, resourceVersionMatch: query.resourceVersionMatch });
        if (tableAccept) {
          const meta: Obj = {};
          if (l.metadata.continue) meta.continue = l.metadata.continue;
          if (l.metadata.remainingItemCount !== undefined) meta.remainingItemCount = l.metadata.remainingItemCount;
          return out(200, toTable(t, (l.items as Obj[]).map((o) => c.present(t, o)), l.metadata.resourceVersion, query.includeObject ?? 'Object', meta));
        }
        return out(200, l);
      }
      case 'watch':
        return this.serveWatch(req, res, t, route.ns, route.name, query, tableAccept);
      case 'create': {
        const body = this.decode(await this.readBody(req), String(req.headers['content-type'] ?? 'application/json')) as Obj;
        if (t.kind === 'SelfSubjectAccessReview') return out(201, this.accessReview(who, body));
        if (t.kind === 'Namespace' && route.ns) return this.sendError(res, errors.methodNotSupported(gr(t), 'create'));
        const o = c.create(t, route.ns, body, wopts);
        return out(201, o);
      }
      case 'update': {
        const body = this.decode(await this.readBody(req), String(req.headers['content-type'] ?? 'application/json')) as Obj;
        if (route.sub === 'scale') return out(200, this.setScale(t, route.ns, route.name!, body, wopts));
        return out(200, c.update(t, route.ns, route.name!, body, wopts));
      }
      case 'patch': {
        const ct = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
        const type: PatchType | undefined = ({ 'application/json-patch+json': 'json', 'application/merge-patch+json': 'merge', 'application/strategic-merge-patch+json': 'strategic', 'application/apply-patch+yaml': 'apply', 'application/apply-patch+cbor': undefined } as Record<string, PatchType | undefined>)[ct];
        if (!type) return this.sendError(res, errors.unsupportedMediaType(ct, ACCEPTED_PATCH));
        const body = this.decode(await this.readBody(req), type === 'apply' ? 'application/apply-patch+yaml' : 'application/json');
        if (route.sub === 'scale') {
          const cur = this.scaleOf(t, c.get(t, route.ns, route.name!));
          const next = type === 'merge' || type === 'strategic' ? { ...cur, spec: { ...cur.spec, ...((body as Obj).spec ?? {}) } } : cur;
          return out(200, this.setScale(t, route.ns, route.name!, next, wopts));
        }
        const force = query.force === 'true' || query.force === '1';
        if (query.force !== undefined && type !== 'apply') return this.sendError(res, errors.badRequest('force: Invalid value: true: may not be specified for non-apply patch'));
        const result: { created?: boolean } = {};
        const o = c.patch(t, route.ns, route.name!, type, body, { ...wopts, force, result });
        return out(result.created ? 201 : 200, o);
      }
      case 'delete': {
        const text = await this.readBody(req);
        const body = text.trim() ? (this.decode(text, 'application/json') as Obj) : {};
        const dopts: DeleteOpts = {
          ...wopts,
          dryRun: wopts.dryRun || (Array.isArray(body.dryRun) && body.dryRun.includes('All')),
          propagationPolicy: query.propagationPolicy ?? body.propagationPolicy,
          gracePeriodSeconds: query.gracePeriodSeconds !== undefined ? Number(query.gracePeriodSeconds) : body.gracePeriodSeconds,
          orphanDependents: query.orphanDependents !== undefined ? query.orphanDependents === 'true' : body.orphanDependents,
          preconditions: body.preconditions,
        };
        const r = c.delete(t, route.ns, route.name!, dopts);
        return out(r.code, r.body);
      }
      case 'deletecollection': {
        const text = await this.readBody(req);
        const body = text.trim() ? (this.decode(text, 'application/json') as Obj) : {};
        const l = c.deleteCollection(t, route.ns, { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector }, { ...wopts, propagationPolicy: query.propagationPolicy ?? body.propagationPolicy, gracePeriodSeconds: body.gracePeriodSeconds });
        return out(200, l);
      }
    }
    return this.sendError(res, errors.methodNotSupported(gr(t), route.verb));
  }

  /** SelfSubjectAccessReview against the deny rules (everything else is allowed). */
  private accessReview(who: User, body: Obj): Obj {
    const ra = body.spec?.resourceAttributes;
    const na = body.spec?.nonResourceAttributes;
    let allowed = true;
    let reason = '';
    if (ra) {
      const resource = ra.subresource ? `${ra.resource}/${ra.subresource}` : ra.resource;
      const t = this.cluster.catalogue.all().find((x) => x.plural === ra.resource && x.group === (ra.group ?? ''));
      allowed = !this.denied(who, ra.verb, t ?? { group: ra.group ?? '' } as ResourceType, resource, ra.namespace || undefined);
      if (!allowed) reason = 'denied by kube-sim RBAC-lite rule';
    }
    void na;
    return {
      kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null }, spec: body.spec ?? {},
      status: { allowed, ...(allowed ? {} : { denied: true, reason }) },
    };
  }

  private scaleOf(t: ResourceType, o: Obj): Obj {
    const sel = o.spec?.selector;
    const selStr = sel ? Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') : '';
    return {
      kind: 'Scale', apiVersion: 'autoscaling/v1',
      metadata: { name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion, creationTimestamp: o.metadata.creationTimestamp },
      spec: { replicas: o.spec?.replicas ?? 0 },
      status: { replicas: o.status?.replicas ?? 0, selector: selStr },
    };
  }

  private setScale(t: ResourceType, ns: string | undefined, name: string, scale: Obj, opts: { dryRun: boolean; fieldManager: string }): Obj {
    const cur = this.cluster.get(t, ns, name);
    if (scale.metadata?.resourceVersion && scale.metadata.resourceVersion !== cur.metadata.resourceVersion) throw errors.modified(gr(t), name);
    const o = this.cluster.patch(t, ns, name, 'merge', { spec: { replicas: scale.spec?.replicas ?? 0 } }, { ...opts });
    return this.scaleOf(t, o);
  }

  // --- routing ----------------------------------------------------------------

  private route(path: string, method: string, query: Record<string, string>): {
    kind: 'plain' | 'json' | 'notfound' | 'status' | 'resource'; body?: unknown; error?: ApiError;
    t?: ResourceType; ns?: string; name?: string; sub?: string; verb: string;
  } {
    const c = this.cluster.catalogue;
    const seg = path.split('/').filter(Boolean);
    if (path === '/version' || path === '/version/') return { kind: 'json', body: this.opts.version, verb: 'get' };
    if (['/healthz', '/livez', '/readyz'].includes(path)) return { kind: 'plain', body: 'ok', verb: 'get' };
    if (path === '/api' || path === '/api/') return { kind: 'json', body: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${this.port}` }] }, verb: 'get' };
    if (path === '/apis' || path === '/apis/') return { kind: 'json', body: c.apiGroupList(), verb: 'get' };
    if (seg[0] === 'openapi') return this.openapi(seg);
    let group: string, version: string, rest: string[];
    if (seg[0] === 'api' && seg.length >= 2) { group = ''; version = seg[1]!; rest = seg.slice(2); }
    else if (seg[0] === 'apis' && seg.length >= 2) {
      if (seg.length === 2) {
        const g = c.apiGroup(seg[1]!);
        return g ? { kind: 'json', body: g, verb: 'get' } : { kind: 'notfound', verb: 'get' };
      }
      group = seg[1]!; version = seg[2]!; rest = seg.slice(3);
    } else return { kind: 'notfound', verb: 'get' };
    if (rest.length === 0) {
      const l = c.resourceList(group, version);
      return l ? { kind: 'json', body: l, verb: 'get' } : { kind: 'notfound', verb: 'get' };
    }
    if (!c.resourceList(group, version)) return { kind: 'notfound', verb: 'get' };
    let watchPrefix = false;
    if (rest[0] === 'watch') { watchPrefix = true; rest = rest.slice(1); }
    let ns: string | undefined;
    let plural: string, name: string | undefined, sub: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3 && group === '' ) {
      ns = rest[1]!;
      if (['status', 'finalize'].includes(rest[2]!) && rest.length === 3) { plural = 'namespaces'; name = rest[1]; sub = rest[2]; ns = undefined; }
      else { plural = rest[2]!; name = rest[3]; sub = rest[4]; if (rest.length > 5) return { kind: 'notfound', verb: 'get' }; }
    } else if (rest[0] === 'namespaces' && rest.length >= 3 && group !== '') {
      ns = rest[1]!; plural = rest[2]!; name = rest[3]; sub = rest[4];
      if (rest.length > 5) return { kind: 'notfound', verb: 'get' };
    } else {
      plural = rest[0]!; name = rest[1]; sub = rest[2];
      if (rest.length > 3) return { kind: 'notfound', verb: 'get' };
    }
    const t = c.byPlural(group, version, plural);
    if (!t) return { kind: 'status', error: errors.notFoundPath(), verb: 'get' };
    if (!t.namespaced && ns !== undefined) return { kind: 'status', error: errors.notFoundPath(), verb: 'get' };
    if (sub) {
      const ok = (sub === 'status' && t.status) || (sub === 'scale' && t.scale) || (sub === 'log' && t.kind === 'Pod' && !t.crd) || (t.kind === 'Namespace' && sub === 'finalize');
      if (!ok) return { kind: 'status', error: errors.notFoundPath(), verb: 'get' };
    }
    const isWatch = watchPrefix || query.watch === 'true' || query.watch === '1';
    let verb: string;
    switch (method) {
      case 'GET': case 'HEAD': verb = name ? (isWatch ? 'watch' : 'get') : isWatch ? 'watch' : 'list'; break;
      case 'POST': verb = name ? (sub ? 'create' : 'badpost') : 'create'; break;
      case 'PUT': verb = 'update'; break;
      case 'PATCH': verb = 'patch'; break;
      case 'DELETE': verb = name ? 'delete' : 'deletecollection'; break;
      default: verb = method.toLowerCase();
    }
    if (verb === 'badpost' || ((verb === 'update' || verb === 'patch' || verb === 'delete') && !name)) {
      return { kind: 'status', error: errors.methodNotSupported(gr(t), method === 'POST' ? 'create' : verb), verb, t };
    }
    return { kind: 'resource', t, ns, name, sub, verb };
  }

  private openapi(seg: string[]): { kind: 'json' | 'notfound'; body?: unknown; verb: string } {
    const c = this.cluster.catalogue;
    if (seg[1] !== 'v3') return { kind: 'notfound', verb: 'get' };
    const gvs: { group: string; version: string }[] = [{ group: '', version: 'v1' }];
    for (const g of c.groupVersions()) for (const v of g.versions) gvs.push({ group: g.group, version: v });
    const pathOf = (gv: { group: string; version: string }) => (gv.group ? `apis/${gv.group}/${gv.version}` : 'api/v1');
    if (seg.length === 2) {
      const paths: Obj = {};
      for (const gv of gvs) paths[pathOf(gv)] = { serverRelativeURL: `/openapi/v3/${pathOf(gv)}?hash=${this.cluster.store.rv}` };
      return { kind: 'json', body: { paths }, verb: 'get' };
    }
    const want = seg.slice(2).join('/');
    const gv = gvs.find((x) => pathOf(x) === want);
    if (!gv) return { kind: 'notfound', verb: 'get' };
    const paths: Obj = {};
    for (const t of c.all().filter((x) => x.group === gv.group && x.version === gv.version)) {
      const base = `/${pathOf(gv)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}/{name}`;
      const gvk = { group: t.group, version: t.version, kind: t.kind };
      const params = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((n) => ({ name: n, in: 'query', schema: { type: n === 'force' ? 'boolean' : 'string', uniqueItems: true } }));
      paths[base] = {
        get: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'get' },
        put: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'put', parameters: params.slice(0, 3) },
        patch: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'patch', parameters: params },
        delete: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'delete' },
      };
      const coll = `/${pathOf(gv)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
      paths[coll] = { post: { 'x-kubernetes-group-version-kind': gvk, 'x-kubernetes-action': 'post', parameters: params.slice(0, 3) } };
    }
    return { kind: 'json', body: { openapi: '3.0.0', info: { title: 'Kubernetes', version: String(this.opts.version.gitVersion) }, paths, components: { schemas: {} } }, verb: 'get' };
  }

  // --- watch ------------------------------------------------------------------

  private serveWatch(req: http.IncomingMessage, res: http.ServerResponse, t: ResourceType, ns: string | undefined, name: string | undefined, q: Record<string, string>, table: boolean): void {
    const c = this.cluster;
    const labelReqs = q.labelSelector ? parseLabelSelector(q.labelSelector) : [];
    let fieldSel = q.fieldSelector ?? '';
    if (name) fieldSel = fieldSel ? `${fieldSel},metadata.name=${name}` : `metadata.name=${name}`;
    const fieldReqs = parseFieldSelector(fieldSel, t.plural, t.namespaced);
    const key = c.key(t);
    const matches = (o: Obj | undefined) => !!o && (!t.namespaced || ns === undefined || o.metadata.namespace === ns) && matchReqs(labelReqs, o.metadata.labels) && matchFields(fieldReqs, t.plural, o);
    const include = q.includeObject ?? 'Object';
    const wrap = (type: string, o: Obj) => {
      const obj = c.present(t, o);
      return JSON.stringify({ type, object: table && type !== 'BOOKMARK' && type !== 'ERROR' ? toTable(t, [obj], obj.metadata.resourceVersion, include) : obj }) + '\n';
    };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    const write = (s: string) => { if (!res.writableEnded) res.write(s); };
    const rvParam = q.resourceVersion;
    const bookmarks = q.allowWatchBookmarks === 'true' || q.allowWatchBookmarks === '1';
    const sendInitial = q.sendInitialEvents === 'true';
    const startRv = c.store.rv;
    const pending: StoreEvent[] = [];
    let ready = false;
    const onEvent = (ev: StoreEvent) => {
      if (ev.gr !== key) return;
      if (!ready) { pending.push(ev); return; }
      deliver(ev);
    };
    const deliver = (ev: StoreEvent) => {
      const now = matches(ev.obj);
      const before = ev.type !== 'ADDED' && matches(ev.prev);
      if (ev.type === 'DELETED') { if (before || now) write(wrap('DELETED', ev.obj)); return; }
      if (ev.type === 'ADDED') { if (now) write(wrap('ADDED', ev.obj)); return; }
      if (now && before) write(wrap('MODIFIED', ev.obj));
      else if (now) write(wrap('ADDED', ev.obj));
      else if (before) write(wrap('DELETED', ev.obj));
    };
    const unsubscribe = c.store.subscribe(onEvent);
    let bookmarkTimer: NodeJS.Timeout | undefined;
    let timeout: NodeJS.Timeout | undefined;
    const w: Watcher = {
      res,
      close: () => {
        unsubscribe();
        if (bookmarkTimer) clearInterval(bookmarkTimer);
        if (timeout) clearTimeout(timeout);
        this.watchers.delete(w);
      },
    };
    this.watchers.add(w);
    req.on('close', () => w.close());
    res.on('close', () => w.close());
    const bookmark = (initialEnd = false) => {
      const meta: Obj = { resourceVersion: String(c.store.rv) };
      if (initialEnd) meta.annotations = { 'k8s.io/initial-events-end': 'true' };
      write(JSON.stringify({ type: 'BOOKMARK', object: { kind: t.kind, apiVersion: apiVersionOf(t), metadata: meta } }) + '\n');
    };
    if (!rvParam || rvParam === '0' || sendInitial) {
      for (const o of c.store.scan(key, t.namespaced ? ns : undefined)) if (matches(o)) write(wrap('ADDED', o));
      if (sendInitial && bookmarks) bookmark(true);
      ready = true;
      for (const ev of pending.splice(0)) if (ev.rv > startRv) deliver(ev);
    } else {
      const rv = Number(rvParam);
      if (!Number.isInteger(rv)) { write(JSON.stringify({ type: 'ERROR', object: errors.badRequest(`invalid resource version: ${rvParam}`).status() }) + '\n'); res.end(); w.close(); return; }
      const hist = c.store.since(rv, key);
      if (hist === 'gone') {
        write(JSON.stringify({ type: 'ERROR', object: errors.gone(`too old resource version: ${rv} (${c.store.compactedRv + 1})`).status() }) + '\n');
        res.end();
        w.close();
        return;
      }
      for (const ev of hist) deliver(ev);
      ready = true;
      for (const ev of pending.splice(0)) if (ev.rv > startRv) deliver(ev);
    }
    if (bookmarks) bookmarkTimer = setInterval(() => bookmark(), this.opts.bookmarkIntervalMs);
    const ts = q.timeoutSeconds ? Number(q.timeoutSeconds) : 1800;
    timeout = setTimeout(() => { res.end(); w.close(); }, ts * 1000);
  }

  // --- logs -------------------------------------------------------------------

  private serveLog(res: http.ServerResponse, ns: string, name: string, q: Record<string, string>): void {
    const t = this.cluster.catalogue.byPlural('', 'v1', 'pods')!;
    if (q.sinceSeconds !== undefined && q.sinceTime !== undefined) throw errors.invalid('', 'PodLogOptions', '', [field.forbidden('sinceSeconds', 'at most one of `sinceTime` or `sinceSeconds` may be specified')]);
    if (q.tailLines !== undefined && !(Number(q.tailLines) >= 0)) throw errors.invalid('', 'PodLogOptions', '', [field.invalid('tailLines', Number(q.tailLines), 'must be greater than or equal to 0')]);
    const pod = this.cluster.get(t, ns, name);
    const containers = ((pod.spec?.containers ?? []) as Obj[]).map((c) => c.name as string);
    const inits = ((pod.spec?.initContainers ?? []) as Obj[]).map((c) => c.name as string);
    let container = q.container;
    if (!container) {
      if (containers.length !== 1) throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`);
      container = containers[0]!;
    }
    if (!containers.includes(container) && !inits.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${name}`);
    if (!this.logs) throw errors.badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
    const r = this.logs.read({
      namespace: ns, pod, container,
      follow: q.follow === 'true', previous: q.previous === 'true', timestamps: q.timestamps === 'true',
      tailLines: q.tailLines !== undefined ? Number(q.tailLines) : undefined,
      sinceSeconds: q.sinceSeconds !== undefined ? Number(q.sinceSeconds) : q.sinceTime !== undefined ? Math.max(0, (Date.now() - Date.parse(q.sinceTime)) / 1000) : undefined,
      limitBytes: q.limitBytes !== undefined ? Number(q.limitBytes) : undefined,
    });
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', ...(r.follow ? { 'Transfer-Encoding': 'chunked' } : {}) });
    res.write(r.text);
    if (!r.follow) { res.end(); return; }
    res.flushHeaders();
    const stop = r.follow((chunk) => { if (!res.writableEnded) res.write(chunk); }, () => { if (!res.writableEnded) res.end(); });
    res.on('close', stop);
  }
}

/** The default field manager: the user agent up to the first '/', as the API server derives it. */
export function defaultManager(ua: string | undefined): string {
  const s = (ua ?? '').split('/')[0]!;
  return s.slice(0, 128) || 'unknown';
}
