// The API semantics of every verb (what the registry/generic Store + admission do in the
// real API server): create, get, list, update, patch, delete, deleteCollection over the
// Store, with defaulting, validation, managedFields, finalizers and graceful deletion.
// Owns: verb semantics. Must not know about HTTP, auth or controllers' logic.
import { randomUUID } from 'node:crypto';
import { ApiError, errors, field, type GroupResource } from './errors.js';
import { applyDefaults, normalize, skeleton, tracksGeneration, validate } from './defaults.js';
import { jsonPatch, mergePatch, sortKeys, strategicMergePatch } from './patch.js';
import { apiVersionOf, Catalogue, grKey, type Obj, type ResourceType } from './resources.js';
import { matchFields, matchReqs, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { recordUpdate, serverSideApply, sortManaged, type ManagedEntry } from './ssa.js';
import { Store } from './store.js';

export interface WriteOpts {
  dryRun?: boolean;
  fieldManager?: string;
  subresource?: string;
  /** Warnings to return in `Warning:` headers. */
  warnings?: string[];
  /** Internal: managedFields to store instead of the create's Update entry (apply-create). */
  managedFields?: ManagedEntry[];
  /** Output: set when an apply created the object (201). */
  result?: { created?: boolean };
}

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface DeleteOpts extends WriteOpts {
  propagationPolicy?: string;
  gracePeriodSeconds?: number;
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
  return s;
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

const RETURNS_DELETED = new Set(['pods', 'services', 'customresourcedefinitions']);

export function gr(t: ResourceType): GroupResource {
  return { group: t.group, resource: t.plural };
}

export class Cluster {
  readonly catalogue = new Catalogue();
  readonly store: Store;
  private ipCounter = 10;

  constructor(opts: { historyLimit?: number } = {}) {
    this.store = new Store(opts.historyLimit ?? 5000);
  }

  key(t: ResourceType): string {
    return grKey(t.group, t.plural);
  }

  type(group: string, plural: string): ResourceType {
    const t = this.catalogue.byGroupResource(group, plural);
    if (!t) throw new Error(`kube-sim: unknown resource ${plural}.${group}`);
    return t;
  }

  /** An object as served at `t`'s version. */
  present(t: ResourceType, o: Obj): Obj {
    const out = structuredClone(o);
    const ordered: Obj = { apiVersion: apiVersionOf(t), kind: t.kind };
    for (const [k, v] of Object.entries(out)) if (k !== 'apiVersion' && k !== 'kind') ordered[k] = v;
    return ordered;
  }

  get(t: ResourceType, ns: string | undefined, name: string): Obj {
    const o = this.store.get(this.key(t), t.namespaced ? ns : undefined, name);
    if (!o) throw errors.notFound(gr(t), name);
    return this.present(t, o);
  }

  tryGet(t: ResourceType, ns: string | undefined, name: string): Obj | undefined {
    const o = this.store.get(this.key(t), t.namespaced ? ns : undefined, name);
    return o ? this.present(t, o) : undefined;
  }

  list(t: ResourceType, ns: string | undefined, q: ListQuery = {}): Obj {
    const labelReqs = q.labelSelector ? parseLabelSelector(q.labelSelector) : [];
    const fieldReqs = q.fieldSelector ? parseFieldSelector(q.fieldSelector, t.plural, t.namespaced) : [];
    const current = this.store.rv;
    if (q.resourceVersion && q.resourceVersion !== '0') {
      const want = Number(q.resourceVersion);
      if (!Number.isInteger(want)) throw errors.badRequest(`invalid resource version: ${q.resourceVersion}`);
      if (want > current) throw new ApiError(504, 'Timeout', `Too large resource version: ${want}, current: ${current}`, { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 });
      if (q.resourceVersionMatch === 'Exact' && want !== current) throw errors.gone(`too old resource version: ${want} (${current})`);
    }
    let start = '';
    let listRv = current;
    if (q.continue) {
      let tok: { v?: string; rv?: number; start?: string };
      try {
        tok = JSON.parse(Buffer.from(q.continue, 'base64').toString('utf8'));
      } catch {
        throw errors.badRequest('continue key is not valid: illegal base64 data at input byte 0');
      }
      if (tok.v !== 'meta.k8s.io/v1' || typeof tok.rv !== 'number' || typeof tok.start !== 'string') throw errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
      if (tok.rv < this.store.compactedRv) throw errors.gone('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.');
      start = tok.start;
      listRv = tok.rv;
    }
    const all = this.store.scan(this.key(t), t.namespaced ? ns : undefined);
    const items: Obj[] = [];
    let cont: string | undefined;
    let remaining = 0;
    for (const o of all) {
      const k = (o.metadata.namespace ? o.metadata.namespace + '/' : '') + o.metadata.name;
      if (start && k < start) continue;
      if (!matchReqs(labelReqs, o.metadata.labels) || !matchFields(fieldReqs, t.plural, o)) continue;
      if (q.limit && q.limit > 0 && items.length >= q.limit) {
        if (!cont) {
          const last = items[items.length - 1]!;
          const lk = (last.metadata.namespace ? last.metadata.namespace + '/' : '') + last.metadata.name;
          cont = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: listRv, start: lk + '\u0000' })).toString('base64');
        }
        remaining++;
        continue;
      }
      items.push(o);
    }
    const meta: Obj = { resourceVersion: String(listRv) };
    if (cont) {
      meta.continue = cont;
      if (!q.labelSelector && !q.fieldSelector) meta.remainingItemCount = remaining;
    }
    return {
      kind: `${t.kind}List`,
      apiVersion: apiVersionOf(t),
      metadata: meta,
      items: items.map((o) => (t.crd ? this.present(t, o) : stripTypeMeta(structuredClone(o)))),
    };
  }

  // --- writes ---------------------------------------------------------------

  private namespaceAdmission(t: ResourceType, ns: string | undefined, name: string, verb: 'create' | 'update'): void {
    if (!t.namespaced || !ns) return;
    const nsObj = this.store.peek('/namespaces', undefined, ns);
    if (!nsObj) throw errors.notFound({ group: '', resource: 'namespaces' }, ns);
    if (verb === 'create' && nsObj.metadata.deletionTimestamp) {
      const e = errors.forbidden(gr(t), name, `unable to create new content in namespace ${ns} because it is being terminated`);
      e.details!.causes = [{ reason: 'NamespaceTerminating', message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' }];
      throw e;
    }
  }

  private checkTypeMeta(t: ResourceType, body: Obj, subresource?: string): void {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the object provided is unrecognized');
    if (body.apiVersion && body.apiVersion !== apiVersionOf(t) && !(t.crd && t.crd.versions.map((v) => `${t.group}/${v}`).includes(body.apiVersion))) {
      throw errors.badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersionOf(t)})`);
    }
    if (body.kind && body.kind !== t.kind && !subresource) throw errors.badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${t.kind})`);
  }

  create(t: ResourceType, ns: string | undefined, input: Obj, opts: WriteOpts = {}): Obj {
    this.checkTypeMeta(t, input);
    const body = structuredClone(input);
    body.metadata ??= {};
    if (t.namespaced) {
      if (body.metadata.namespace && ns && body.metadata.namespace !== ns) throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      body.metadata.namespace = ns ?? body.metadata.namespace;
    } else delete body.metadata.namespace;
    if (!body.metadata.name && body.metadata.generateName) body.metadata.name = `${body.metadata.generateName}${randomSuffix()}`;
    const name = body.metadata.name ?? '';
    this.namespaceAdmission(t, body.metadata.namespace, name, 'create');
    if (t.kind === 'Pod' && !t.crd) this.podAdmission(body);
    body.apiVersion = apiVersionOf(t);
    body.kind = t.kind;
    const m = body.metadata;
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'managedFields', 'selfLink']) delete m[k];
    if (t.status) delete body.status;
    const nb = normalize(body, !t.crd) as Obj;
    for (const k of Object.keys(body)) delete body[k];
    Object.assign(body, nb);
    applyDefaults(t, body);
    this.createStatusDefaults(t, body);
    const obj = normalize(body, !t.crd) as Obj;
    const uid = randomUUID();
    if (t.kind === 'Job' && t.group === 'batch' && !obj.spec?.manualSelector) {
      const sel = { 'batch.kubernetes.io/controller-uid': uid };
      if (obj.spec?.selector === undefined && obj.spec) obj.spec.selector = { matchLabels: sel };
      const tpl = (obj.spec.template ??= {});
      tpl.metadata = { ...(tpl.metadata ?? {}), labels: { ...(tpl.metadata?.labels ?? {}), 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name } };
    }
    const errs = validate(t, obj, undefined);
    if (errs.length) throw errors.invalid(t.group, t.kind, name, errs);
    if (this.store.peek(this.key(t), obj.metadata.namespace, name)) throw errors.alreadyExists(gr(t), name);
    obj.metadata.uid = uid;
    obj.metadata.creationTimestamp = nowIso();
    if (tracksGeneration(t)) obj.metadata.generation = 1;
    if (t.kind === 'Service') this.allocateClusterIP(obj);
    if (opts.managedFields) obj.metadata.managedFields = opts.managedFields;
    else {
      const mf = recordUpdate(t, [], undefined, withoutMeta(obj), opts.fieldManager ?? 'unknown', apiVersionOf(t), undefined, skeleton(t.kind));
      if (mf.length) obj.metadata.managedFields = mf;
    }
    const ordered = orderMeta(obj);
    if (opts.dryRun) return this.present(t, ordered);
    return this.present(t, this.store.put(this.key(t), ordered, 'ADDED'));
  }

  private allocateClusterIP(o: Obj): void {
    const spec = o.spec;
    if (spec.type === 'ExternalName') return;
    if (!spec.clusterIP) {
      spec.clusterIP = `10.96.${Math.floor(this.ipCounter / 250)}.${(this.ipCounter % 250) + 2}`;
      this.ipCounter++;
    }
    spec.clusterIPs ??= [spec.clusterIP];
    if (spec.clusterIP === 'None') { spec.clusterIPs = ['None']; }
  }

  private createStatusDefaults(t: ResourceType, o: Obj): void {
    if (t.crd) return;
    if (t.kind === 'Pod') {
      const anyRes = ((o.spec?.containers ?? []) as Obj[]).some((c) => c.resources && Object.keys(c.resources).length > 0);
      o.status = { phase: 'Pending', qosClass: anyRes ? 'Burstable' : 'BestEffort' };
    } else if (t.kind === 'Namespace') {
      o.status = { phase: 'Active' };
    } else if (t.kind === 'Service') {
      o.status = { loadBalancer: {} };
    } else if (t.kind === 'PersistentVolumeClaim') {
      o.status = { phase: 'Pending' };
    }
  }

  private podAdmission(pod: Obj): void {
    const sa = pod.spec?.serviceAccountName ?? pod.spec?.serviceAccount ?? 'default';
    const ns = pod.metadata.namespace;
    if (!this.store.peek('/serviceaccounts', ns, sa)) {
      throw errors.forbidden({ group: '', resource: 'pods' }, pod.metadata.name ?? '', `error looking up service account ${ns}/${sa}: serviceaccount "${sa}" not found`);
    }
  }

  update(t: ResourceType, ns: string | undefined, name: string, input: Obj, opts: WriteOpts = {}): Obj {
    this.checkTypeMeta(t, input, opts.subresource);
    const nsKey = t.namespaced ? ns : undefined;
    const old = this.store.get(this.key(t), nsKey, name);
    if (!input.metadata?.name && !opts.subresource) throw errors.badRequest('name is required in the body');
    if (input.metadata?.name && input.metadata.name !== name) throw errors.badRequest(`the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`);
    if (t.namespaced && input.metadata?.namespace && ns && input.metadata.namespace !== ns) throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    if (!old) {
      if (t.kind === 'Event' || t.kind === 'Endpoints' || t.kind === 'Lease') return this.create(t, ns, input, opts);
      throw errors.notFound(gr(t), name);
    }
    const rv = input.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw errors.modified(gr(t), name);
    if (!rv && t.crd) throw errors.invalid(t.group, t.kind, name, [field.invalid('metadata.resourceVersion', '0x0', 'must be specified for an update')]);
    return this.commitUpdate(t, old, structuredClone(input), opts, 'Update');
  }

  /** Shared tail of update and patch: subresource rules, defaults, validation, managed fields, store. */
  private commitUpdate(t: ResourceType, old: Obj, next: Obj, opts: WriteOpts, op: 'Update' | 'Apply', appliedManaged?: ManagedEntry[]): Obj {
    const name = old.metadata.name as string;
    let obj: Obj;
    if (opts.subresource === 'status') {
      obj = structuredClone(old);
      if (next.status !== undefined) obj.status = next.status;
      else delete obj.status;
    } else {
      obj = next;
      obj.metadata ??= {};
      if (t.status) {
        if (old.status !== undefined) obj.status = structuredClone(old.status);
        else delete obj.status;
      }
    }
    obj.apiVersion = apiVersionOf(t);
    obj.kind = t.kind;
    const m = obj.metadata;
    const om = old.metadata;
    for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'namespace', 'name']) {
      if (om[k] !== undefined) m[k] = om[k];
      else delete m[k];
    }
    if (om.deletionTimestamp) {
      const added = ((m.finalizers ?? []) as string[]).filter((f) => !((om.finalizers ?? []) as string[]).includes(f));
      if (added.length) throw errors.invalid(t.group, t.kind, name, [field.forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`)]);
    }
    if (t.kind === 'Service' && obj.spec && !obj.spec.clusterIP && old.spec?.clusterIP) {
      obj.spec.clusterIP = old.spec.clusterIP;
      obj.spec.clusterIPs ??= old.spec.clusterIPs;
    }
    obj = normalize(obj, !t.crd) as Obj;
    applyDefaults(t, obj);
    obj = normalize(obj, !t.crd) as Obj;
    const errs = validate(t, obj, old);
    if (errs.length) throw errors.invalid(t.group, t.kind, name, errs);
    // generation
    if (tracksGeneration(t)) {
      const strip = (o: Obj) => { const c = { ...o }; delete c.metadata; delete c.status; delete c.apiVersion; delete c.kind; return JSON.stringify(sortKeys(c)); };
      obj.metadata.generation = (om.generation ?? 1) + (strip(obj) !== strip(old) ? 1 : 0);
    }
    // managed fields
    const manager = opts.fieldManager ?? 'unknown';
    if (op === 'Apply') obj.metadata.managedFields = appliedManaged;
    else {
      const provided = next.metadata?.managedFields;
      const base = Array.isArray(provided) && provided.length > 0 && opts.subresource !== 'status'
        ? (provided.length === 1 && Object.keys(provided[0]).length === 0 ? [] : provided)
        : (om.managedFields ?? []);
      obj.metadata.managedFields = recordUpdate(t, base, withoutMeta(old), withoutMeta(obj), manager, apiVersionOf(t), opts.subresource, skeleton(t.kind));
    }
    if (!obj.metadata.managedFields?.length) delete obj.metadata.managedFields;
    else obj.metadata.managedFields = sortManaged(obj.metadata.managedFields);
    obj.metadata.resourceVersion = om.resourceVersion;
    obj = orderMeta(obj);
    if (sameContent(obj, old)) return this.present(t, old);
    if (opts.dryRun) return this.present(t, obj);
    const held = (t.kind === 'Pod' && obj.spec?.nodeName && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0) || (t.kind === 'Namespace' && (obj.spec?.finalizers ?? []).length > 0);
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).length && !held) {
      this.store.put(this.key(t), obj, 'MODIFIED');
      return this.present(t, this.store.remove(this.key(t), obj.metadata.namespace, name)!);
    }
    return this.present(t, this.store.put(this.key(t), obj, 'MODIFIED'));
  }

  patch(t: ResourceType, ns: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOpts & { force?: boolean } = {}): Obj {
    const nsKey = t.namespaced ? ns : undefined;
    const old = this.store.get(this.key(t), nsKey, name);
    if (type !== 'apply' && opts.force) throw errors.badRequest('force: Invalid value: true: may not be specified for non-apply patch');
    if (type === 'apply') return this.apply(t, ns, name, old, patch, opts);
    if (!old) throw errors.notFound(gr(t), name);
    const base = this.present(t, old);
    let next: unknown;
    if (type === 'merge') {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw errors.badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
      next = mergePatch(base, patch);
    } else if (type === 'json') {
      next = jsonPatch(base, patch);
    } else {
      if (t.crd) throw errors.unsupportedMediaType('application/strategic-merge-patch+json', ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml']);
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw errors.badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
      next = strategicMergePatch(t, base, patch as Obj);
    }
    const n = next as Obj;
    if (!n || typeof n !== 'object') throw errors.badRequest('the patched object is not an object');
    if (n.metadata?.name !== undefined && n.metadata.name !== name) throw errors.badRequest(`the name of the object (${n.metadata.name}) does not match the name on the URL (${name})`);
    const rv = n.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw errors.modified(gr(t), name);
    n.metadata = { ...(n.metadata ?? {}) };
    if (JSON.stringify(n.metadata.managedFields) === JSON.stringify(old.metadata.managedFields)) delete n.metadata.managedFields;
    return this.commitUpdate(t, old, n, opts, 'Update');
  }

  private apply(t: ResourceType, ns: string | undefined, name: string, old: Obj | undefined, patch: unknown, opts: WriteOpts & { force?: boolean }): Obj {
    if (!opts.fieldManager) throw errors.badRequest('fieldManager: Required value: is required for apply patch');
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw errors.badRequest('error decoding YAML: the object is not a map');
    const cfg = structuredClone(patch) as Obj;
    if (!cfg.apiVersion) throw errors.badRequest(`Object 'apiVersion' is missing in '${JSON.stringify(cfg)}'`);
    if (!cfg.kind) throw errors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(cfg)}'`);
    this.checkTypeMeta(t, cfg, opts.subresource);
    cfg.metadata ??= {};
    if (cfg.metadata.name !== undefined && cfg.metadata.name !== name) throw errors.badRequest(`the name of the object (${cfg.metadata.name}) does not match the name on the URL (${name})`);
    if (t.namespaced && cfg.metadata.namespace && ns && cfg.metadata.namespace !== ns) throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    if (cfg.metadata.managedFields !== undefined) throw errors.badRequest('metadata.managedFields must be nil');
    const rv = cfg.metadata.resourceVersion;
    delete cfg.metadata.resourceVersion;
    if (!old) {
      if (opts.subresource) throw errors.notFound(gr(t), name);
      if (rv) throw errors.modified(gr(t), name);
      cfg.metadata.name = name;
      const r = serverSideApply(t, undefined, cfg, opts.fieldManager, !!opts.force, apiVersionOf(t), undefined);
      const created = this.create(t, ns, r.object, { ...opts, managedFields: r.managedFields });
      if (opts.result) opts.result.created = true;
      return created;
    }
    if (rv && rv !== old.metadata.resourceVersion) throw errors.modified(gr(t), name);
    const live = this.present(t, old);
    const r = serverSideApply(t, live, cfg, opts.fieldManager, !!opts.force, apiVersionOf(t), opts.subresource);
    r.object.metadata.managedFields = r.managedFields;
    return this.commitUpdate(t, old, r.object, opts, 'Apply', r.managedFields);
  }

  delete(t: ResourceType, ns: string | undefined, name: string, opts: DeleteOpts = {}): { code: number; body: Obj } {
    const nsKey = t.namespaced ? ns : undefined;
    const old = this.store.get(this.key(t), nsKey, name);
    if (!old) throw errors.notFound(gr(t), name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) throw errors.conflict(gr(t), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) throw errors.conflict(gr(t), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
      throw errors.invalid('meta.k8s.io', 'DeleteOptions', '', [field.notSupported('propagationPolicy', opts.propagationPolicy, ['Foreground', 'Background', 'Orphan', 'nil'])]);
    }
    let policy = opts.propagationPolicy ?? (opts.orphanDependents === true ? 'Orphan' : opts.orphanDependents === false ? 'Background' : undefined);
    if (!policy && t.group === 'batch' && t.kind === 'Job') {
      policy = 'Orphan';
      opts.warnings?.push('child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning');
    }
    const obj = structuredClone(old);
    const m = obj.metadata;
    const fin = new Set<string>((m.finalizers ?? []) as string[]);
    if (policy === 'Foreground') { fin.add('foregroundDeletion'); fin.delete('orphan'); }
    if (policy === 'Orphan') { fin.add('orphan'); fin.delete('foregroundDeletion'); }
    if (policy === 'Background') { fin.delete('orphan'); fin.delete('foregroundDeletion'); }
    let graceful = false;
    if (t.kind === 'Pod' && !t.crd) {
      const grace = opts.gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30;
      const terminal = obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed';
      if (m.deletionTimestamp && (grace === 0 || terminal)) m.deletionGracePeriodSeconds = 0;
      if (obj.spec?.nodeName && !terminal && grace > 0) {
        graceful = true;
        const curGrace = m.deletionGracePeriodSeconds;
        if (curGrace === undefined || grace < curGrace) {
          m.deletionGracePeriodSeconds = grace;
          m.deletionTimestamp = new Date(Date.now() + grace * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
        }
      }
    }
    if (t.kind === 'Namespace' && !t.crd) {
      if (!m.deletionTimestamp) {
        m.deletionTimestamp = nowIso();
        m.deletionGracePeriodSeconds = 0;
        obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
      }
      if (fin.size) m.finalizers = [...fin];
      if (opts.dryRun) return { code: 200, body: this.present(t, obj) };
      return { code: 200, body: this.present(t, this.store.put(this.key(t), obj, 'MODIFIED')) };
    }
    const deferred = fin.size > 0 || graceful;
    if (deferred) {
      if (!m.deletionTimestamp) { m.deletionTimestamp = nowIso(); m.deletionGracePeriodSeconds = 0; }
      if (fin.size) m.finalizers = [...fin];
      else delete m.finalizers;
      if (t.kind === 'Pod' && m.deletionGracePeriodSeconds === 0 && !graceful && fin.size === 0) { /* unreachable */ }
      const code = opts.orphanDependents === false ? 202 : 200;
      if (opts.dryRun) return { code, body: this.present(t, obj) };
      if (sameContent(obj, old)) return { code, body: this.present(t, old) };
      return { code, body: this.present(t, this.store.put(this.key(t), obj, 'MODIFIED')) };
    }
    if (opts.dryRun) return { code: 200, body: RETURNS_DELETED.has(t.plural) || t.crd ? this.present(t, obj) : successStatus(t, old) };
    const last = this.store.remove(this.key(t), nsKey, name)!;
    return { code: 200, body: RETURNS_DELETED.has(t.plural) || t.crd ? this.present(t, last) : successStatus(t, old) };
  }

  deleteCollection(t: ResourceType, ns: string | undefined, q: ListQuery, opts: DeleteOpts): Obj {
    const list = this.list(t, ns, { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector });
    const items: Obj[] = [];
    for (const o of list.items as Obj[]) {
      try {
        const r = this.delete(t, o.metadata.namespace, o.metadata.name, opts);
        items.push(r.body.kind === 'Status' ? o : r.body);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
    }
    return { ...list, items };
  }

  /** Removes a finalizer as its controller would (used by the garbage collector and namespace controller). */
  removeFinalizer(t: ResourceType, ns: string | undefined, name: string, finalizer: string, manager: string): void {
    const cur = this.store.get(this.key(t), ns, name);
    if (!cur) return;
    const fins = ((cur.metadata.finalizers ?? []) as string[]).filter((f) => f !== finalizer);
    this.patch(t, ns, name, 'merge', { metadata: { finalizers: fins.length ? fins : null, resourceVersion: cur.metadata.resourceVersion } }, { fieldManager: manager });
  }

  /** The pod and its ownerReferences' kinds for the GC, used by controllers. */
  newPodIP(): string {
    this.ipCounter++;
    return `10.244.0.${(this.ipCounter % 250) + 2}`;
  }
}

function successStatus(t: ResourceType, o: Obj): Obj {
  const d: Obj = { name: o.metadata.name };
  if (t.group) d.group = t.group;
  d.kind = t.plural;
  d.uid = o.metadata.uid;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: d };
}

function stripTypeMeta(o: Obj): Obj {
  delete o.apiVersion;
  delete o.kind;
  return o;
}

function withoutMeta(o: Obj): Obj {
  const c = structuredClone(o);
  if (c.metadata) {
    const keep: Obj = {};
    for (const k of ['labels', 'annotations', 'finalizers', 'ownerReferences']) if (c.metadata[k] !== undefined) keep[k] = c.metadata[k];
    c.metadata = keep;
  }
  return c;
}

const META_ORDER = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

function orderMeta(o: Obj): Obj {
  const out: Obj = {};
  if (o.apiVersion !== undefined) out.apiVersion = o.apiVersion;
  if (o.kind !== undefined) out.kind = o.kind;
  const m: Obj = {};
  for (const k of META_ORDER) if (o.metadata?.[k] !== undefined) m[k] = o.metadata[k];
  for (const [k, v] of Object.entries(o.metadata ?? {})) if (!(k in m)) m[k] = v;
  out.metadata = m;
  for (const [k, v] of Object.entries(o)) if (!(k in out)) out[k] = v;
  return out;
}

function sameContent(a: Obj, b: Obj): boolean {
  const strip = (o: Obj) => {
    const c = structuredClone(o);
    delete c.metadata.resourceVersion;
    for (const e of (c.metadata.managedFields ?? []) as Obj[]) delete e.time;
    return JSON.stringify(sortKeys(c));
  };
  return strip(a) === strip(b);
}
