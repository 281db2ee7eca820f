// The control plane's controllers, reconciled in passes: namespace lifecycle, garbage
// collection (background/foreground/orphan), CRD establishment, Deployment -> ReplicaSet ->
// Pods with rolling updates, StatefulSet, DaemonSet, Job (+TTL), PVC binding.
// Owns: moving objects' state as kube-controller-manager would. Writes only through Cluster.
import { createHash } from 'node:crypto';
import { ApiError } from './errors.js';
import { Cluster, nowIso } from './cluster.js';
import { normalize } from './defaults.js';
import type { EventRecorder } from './events.js';
import { apiVersionOf, grKey, type Obj, type ResourceType } from './resources.js';
import { labelSelectorMatcher } from './selectors.js';

const CM = 'kube-controller-manager';
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** pod-template-hash: FNV-32a over the template, rendered with SafeEncodeString. */
export function templateHash(template: Obj, collisionCount = 0): string {
  const h = createHash('sha256').update(JSON.stringify(sortDeep(template)) + String(collisionCount)).digest();
  const n = h.readUInt32BE(0);
  let s = '';
  for (const ch of String(n)) s += SAFE[ch.charCodeAt(0) % SAFE.length];
  return s;
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const o: Obj = {};
    for (const k of Object.keys(v as Obj).sort()) o[k] = sortDeep((v as Obj)[k]);
    return o;
  }
  return v;
}

function intOrPercent(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const x = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return Number(v ?? 0);
}

function cond(list: Obj[] | undefined, type: string): Obj | undefined {
  return (list ?? []).find((c) => c.type === type);
}

function setCond(list: Obj[], c: Obj): Obj[] {
  const now = nowIso();
  const old = cond(list, c.type);
  const next: Obj = { type: c.type, status: c.status, lastUpdateTime: now, lastTransitionTime: now, reason: c.reason, message: c.message };
  if (old && old.status === c.status) next.lastTransitionTime = old.lastTransitionTime;
  if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return list;
  if (!('lastUpdateTime' in c) && c.noUpdateTime) delete next.lastUpdateTime;
  const out = list.filter((x) => x.type !== c.type);
  out.push(next);
  return out;
}

export function isPodReady(p: Obj): boolean {
  return cond(p.status?.conditions, 'Ready')?.status === 'True';
}

function isPodAvailable(p: Obj, minReadySeconds: number, speed: number): boolean {
  const c = cond(p.status?.conditions, 'Ready');
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  return Date.now() - Date.parse(c.lastTransitionTime) >= (minReadySeconds * 1000) / speed;
}

function isActive(p: Obj): boolean {
  return !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

function controllerOf(o: Obj): Obj | undefined {
  return ((o.metadata.ownerReferences ?? []) as Obj[]).find((r) => r.controller);
}

export interface ControllerOptions { speed: number; node: string }

export class Controllers {
  private t: (plural: string, group?: string) => ResourceType;
  private jobBackoffUntil = new Map<string, number>();
  private progressCheck = new Map<string, number>();

  constructor(private c: Cluster, private ev: EventRecorder, private opts: ControllerOptions) {
    this.t = (plural, group = '') => c.type(group, plural);
  }

  private ms(s: number): number {
    return (s * 1000) / this.opts.speed;
  }

  private scan(plural: string, group = '', ns?: string): Obj[] {
    const t = this.t(plural, group);
    return this.c.store.scan(this.c.key(t), ns).map((o) => this.c.present(t, o));
  }

  private safe(fn: () => void): void {
    try { fn(); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }

  /** One reconcile pass. Returns the earliest time (epoch ms) a time-based check is due. */
  pass(now: number): number {
    let due = Infinity;
    this.crds();
    this.namespaces();
    this.gc();
    for (const d of this.scan('deployments', 'apps')) this.safe(() => { due = Math.min(due, this.deployment(d, now)); });
    for (const rs of this.scan('replicasets', 'apps')) this.safe(() => { due = Math.min(due, this.replicaSet(rs, now)); });
    for (const s of this.scan('statefulsets', 'apps')) this.safe(() => this.statefulSet(s));
    for (const d of this.scan('daemonsets', 'apps')) this.safe(() => this.daemonSet(d));
    for (const j of this.scan('jobs', 'batch')) this.safe(() => { due = Math.min(due, this.job(j, now)); });
    this.orphanJobPods();
    for (const cj of this.scan('cronjobs', 'batch')) this.safe(() => { due = Math.min(due, this.cronJob(cj)); });
    for (const p of this.scan('persistentvolumeclaims')) this.safe(() => this.pvc(p));
    for (const svc of this.scan('services')) this.safe(() => this.endpoints(svc));
    for (const ep of this.c.store.scan('/endpoints')) {
      if (ep.metadata.labels?.['endpoints.kubernetes.io/managed-by'] !== 'endpoint-controller') continue;
      if (!this.c.store.peek('/services', ep.metadata.namespace, ep.metadata.name)) this.safe(() => { this.c.delete(this.t('endpoints'), ep.metadata.namespace, ep.metadata.name); });
    }
    return due;
  }

  // --- CRDs ---------------------------------------------------------------------

  private crds(): void {
    const crdT = this.t('customresourcedefinitions', 'apiextensions.k8s.io');
    const present = new Set<string>();
    for (const crd of this.scan('customresourcedefinitions', 'apiextensions.k8s.io')) {
      present.add(crd.metadata.name);
      const spec = crd.spec;
      const storage = (spec.versions as Obj[]).find((v) => v.storage)?.name;
      const types: ResourceType[] = [];
      if (!crd.metadata.deletionTimestamp) {
        for (const v of (spec.versions as Obj[]).filter((x) => x.served !== false)) {
          types.push({
            group: spec.group, version: v.name, kind: spec.names.kind, plural: spec.names.plural,
            singular: spec.names.singular ?? spec.names.kind.toLowerCase(), namespaced: spec.scope === 'Namespaced',
            shortNames: spec.names.shortNames ?? [], categories: spec.names.categories ?? [],
            verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
            status: !!v.subresources?.status, scale: !!v.subresources?.scale,
            crd: { name: crd.metadata.name, schema: v.schema?.openAPIV3Schema, storageVersion: storage, versions: (spec.versions as Obj[]).map((x) => x.name) },
          });
        }
      }
      const current = this.c.catalogue.all().filter((x) => x.crd?.name === crd.metadata.name);
      if (JSON.stringify(current) !== JSON.stringify(types)) this.c.catalogue.setCrd(crd.metadata.name, types);
      if (crd.metadata.deletionTimestamp) {
        // delete all instances, then release the CRD
        const gk = grKey(spec.group, spec.names.plural);
        const left = this.c.store.scan(gk);
        for (const o of left) this.safe(() => { this.c.store.remove(gk, o.metadata.namespace, o.metadata.name); });
        if ((crd.metadata.finalizers ?? []).includes('customresourcecleanup.apiextensions.k8s.io')) this.safe(() => this.c.removeFinalizer(crdT, undefined, crd.metadata.name, 'customresourcecleanup.apiextensions.k8s.io', 'kube-apiserver'));
        continue;
      }
      if (cond(crd.status?.conditions, 'Established')?.status !== 'True') {
        const now = nowIso();
        const status = {
          conditions: [
            { type: 'NamesAccepted', status: 'True', lastTransitionTime: now, reason: 'NoConflicts', message: 'no conflicts found' },
            { type: 'Established', status: 'True', lastTransitionTime: now, reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
          ],
          acceptedNames: { ...spec.names, singular: spec.names.singular ?? spec.names.kind.toLowerCase() },
          storedVersions: [storage],
        };
        this.safe(() => {
          const fins = crd.metadata.finalizers ?? [];
          let cur = crd;
          if (!fins.includes('customresourcecleanup.apiextensions.k8s.io')) cur = this.c.update(crdT, undefined, crd.metadata.name, { ...crd, metadata: { ...crd.metadata, finalizers: [...fins, 'customresourcecleanup.apiextensions.k8s.io'] } }, { fieldManager: 'kube-apiserver' });
          this.c.update(crdT, undefined, crd.metadata.name, { ...cur, status }, { subresource: 'status', fieldManager: 'kube-apiserver' });
        });
      }
    }
    for (const t of this.c.catalogue.all()) if (t.crd && !present.has(t.crd.name)) this.c.catalogue.setCrd(t.crd.name, []);
  }

  // --- namespaces -----------------------------------------------------------------

  private namespaces(): void {
    const nsT = this.t('namespaces');
    for (const ns of this.scan('namespaces')) {
      const name = ns.metadata.name;
      if (!ns.metadata.deletionTimestamp) {
        if (!this.c.store.peek('/serviceaccounts', name, 'default')) this.safe(() => this.c.create(this.t('serviceaccounts'), name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }, { fieldManager: CM }));
        if (!this.c.store.peek('/configmaps', name, 'kube-root-ca.crt')) this.safe(() => this.c.create(this.t('configmaps'), name, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': this.caCert ?? '' } }, { fieldManager: CM }));
        continue;
      }
      let remaining = 0;
      for (const t of this.c.catalogue.all()) {
        if (!t.namespaced) continue;
        if (t.crd && t.version !== t.crd.storageVersion) continue;
        for (const o of this.c.store.scan(this.c.key(t), name)) {
          remaining++;
          if (!o.metadata.deletionTimestamp) this.safe(() => this.c.delete(t, name, o.metadata.name, { propagationPolicy: 'Background' }));
        }
      }
      if (remaining > 0) {
        const conds = [{ type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: nowIso(), reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining} objects` }];
        if (JSON.stringify(ns.status?.conditions?.map((c: Obj) => c.message)) !== JSON.stringify(conds.map((c) => c.message))) this.safe(() => this.c.update(nsT, undefined, name, { ...ns, status: { ...ns.status, conditions: conds } }, { subresource: 'status', fieldManager: 'namespace-controller' }));
        continue;
      }
      if ((ns.spec?.finalizers ?? []).length) {
        this.safe(() => {
          const cur = this.c.store.get('/namespaces', undefined, name)!;
          cur.spec.finalizers = [];
          const stored = this.c.store.put('/namespaces', cur, 'MODIFIED');
          if (!(stored.metadata.finalizers ?? []).length) this.c.store.remove('/namespaces', undefined, name);
        });
      } else if (!(ns.metadata.finalizers ?? []).length) {
        this.safe(() => { this.c.store.remove('/namespaces', undefined, name); });
      }
    }
  }

  caCert?: string;

  // --- garbage collector ---------------------------------------------------------------

  private gc(): void {
    const uids = new Map<string, { t: ResourceType; o: Obj }>();
    const all: { t: ResourceType; o: Obj }[] = [];
    const seen = new Set<string>();
    for (const t of this.c.catalogue.all()) {
      const k = this.c.key(t);
      if (seen.has(k)) continue;
      seen.add(k);
      for (const o of this.c.store.scan(k)) { uids.set(o.metadata.uid, { t, o }); all.push({ t, o }); }
    }
    const dependents = new Map<string, { t: ResourceType; o: Obj; ref: Obj }[]>();
    for (const x of all) for (const ref of (x.o.metadata.ownerReferences ?? []) as Obj[]) {
      if (!dependents.has(ref.uid)) dependents.set(ref.uid, []);
      dependents.get(ref.uid)!.push({ ...x, ref });
    }
    for (const x of all) {
      const refs = (x.o.metadata.ownerReferences ?? []) as Obj[];
      if (!refs.length || x.o.metadata.deletionTimestamp) continue;
      const alive = refs.filter((r) => {
        const owner = uids.get(r.uid);
        if (!owner) return false;
        // a dependent of an owner being deleted in the foreground is deleted too
        if (owner.o.metadata.deletionTimestamp && (owner.o.metadata.finalizers ?? []).includes('foregroundDeletion')) return false;
        return true;
      });
      if (alive.length === 0) {
        const fg = refs.some((r) => { const ow = uids.get(r.uid); return ow && (ow.o.metadata.finalizers ?? []).includes('foregroundDeletion'); });
        this.safe(() => this.c.delete(x.t, x.o.metadata.namespace, x.o.metadata.name, { propagationPolicy: fg ? 'Foreground' : 'Background', preconditions: { uid: x.o.metadata.uid } }));
      }
    }
    for (const x of all) {
      const fins = (x.o.metadata.finalizers ?? []) as string[];
      if (!x.o.metadata.deletionTimestamp) continue;
      const deps = dependents.get(x.o.metadata.uid) ?? [];
      if (fins.includes('orphan')) {
        for (const d of deps) this.safe(() => {
          const cur = this.c.get(d.t, d.o.metadata.namespace, d.o.metadata.name);
          const refs = (cur.metadata.ownerReferences as Obj[]).filter((r) => r.uid !== x.o.metadata.uid);
          this.c.patch(d.t, d.o.metadata.namespace, d.o.metadata.name, 'merge', { metadata: { ownerReferences: refs.length ? refs : null, resourceVersion: cur.metadata.resourceVersion } }, { fieldManager: 'garbage-collector' });
        });
        this.safe(() => this.c.removeFinalizer(x.t, x.o.metadata.namespace, x.o.metadata.name, 'orphan', 'garbage-collector'));
      } else if (fins.includes('foregroundDeletion')) {
        const blocking = deps.filter((d) => d.ref.blockOwnerDeletion);
        if (blocking.length === 0) this.safe(() => this.c.removeFinalizer(x.t, x.o.metadata.namespace, x.o.metadata.name, 'foregroundDeletion', 'garbage-collector'));
      }
    }
  }

  private ownerRef(kind: string, apiVersion: string, o: Obj): Obj {
    return { apiVersion, kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true };
  }

  private owned(plural: string, group: string, ns: string, owner: Obj): Obj[] {
    return this.scan(plural, group, ns).filter((o) => controllerOf(o)?.uid === owner.metadata.uid);
  }

  private updateStatus(plural: string, group: string, o: Obj, status: Obj): void {
    if (JSON.stringify(sortDeep(normalize(status, true))) === JSON.stringify(sortDeep(o.status ?? {}))) return;
    this.c.update(this.t(plural, group), o.metadata.namespace, o.metadata.name, { ...o, status }, { subresource: 'status', fieldManager: CM });
  }

  private createPod(owner: Obj, kind: string, template: Obj, extra: { name?: string; generateName?: string; labels?: Obj; nodeName?: string; hostname?: string; subdomain?: string }): Obj | undefined {
    const ns = owner.metadata.namespace;
    const pod: Obj = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        ...(extra.name ? { name: extra.name } : { generateName: extra.generateName ?? `${owner.metadata.name}-` }),
        namespace: ns,
        labels: { ...(template.metadata?.labels ?? {}), ...(extra.labels ?? {}) },
        ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
        ...(template.metadata?.finalizers ? { finalizers: template.metadata.finalizers } : {}),
        ownerReferences: [this.ownerRef(kind, apiVersionOf(this.t(kind === 'Job' ? 'jobs' : `${kind.toLowerCase()}s`, kind === 'Job' ? 'batch' : 'apps')), owner)],
      },
      spec: structuredClone(template.spec),
    };
    if (extra.hostname) pod.spec.hostname = extra.hostname;
    if (extra.subdomain) pod.spec.subdomain = extra.subdomain;
    if (kind === 'Job') pod.metadata.finalizers = ['batch.kubernetes.io/job-tracking'];
    try {
      const p = this.c.create(this.t('pods'), ns, pod, { fieldManager: CM });
      this.ev.record(owner, 'Normal', 'SuccessfulCreate', kind === 'Job' || kind === 'DaemonSet' ? `Created pod: ${p.metadata.name}` : kind === 'StatefulSet' ? `create Pod ${p.metadata.name} in StatefulSet ${owner.metadata.name} successful` : `Created pod: ${p.metadata.name}`, kind === 'Job' ? 'job-controller' : kind === 'StatefulSet' ? 'statefulset-controller' : kind === 'DaemonSet' ? 'daemonset-controller' : 'replicaset-controller');
      return p;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const comp = kind === 'Job' ? 'job-controller' : kind === 'StatefulSet' ? 'statefulset-controller' : kind === 'DaemonSet' ? 'daemonset-controller' : 'replicaset-controller';
      this.ev.record(owner, 'Warning', 'FailedCreate', kind === 'StatefulSet' ? `create Pod ${extra.name} in StatefulSet ${owner.metadata.name} failed error: ${e.message}` : `Error creating: ${e.message}`, comp);
      this.lastCreateError.set(owner.metadata.uid, e.message);
      return undefined;
    }
  }

  private lastCreateError = new Map<string, string>();

  private deletePod(owner: Obj, p: Obj, comp: string): void {
    this.safe(() => {
      this.c.delete(this.t('pods'), p.metadata.namespace, p.metadata.name, { preconditions: { uid: p.metadata.uid } });
      this.ev.record(owner, 'Normal', 'SuccessfulDelete', comp === 'statefulset-controller' ? `delete Pod ${p.metadata.name} in StatefulSet ${owner.metadata.name} successful` : `Deleted pod: ${p.metadata.name}`, comp);
    });
  }

  // --- Deployment ---------------------------------------------------------------------

  private deployment(d: Obj, now: number): number {
    if (d.metadata.deletionTimestamp) return Infinity;
    const ns = d.metadata.namespace;
    const rsT = this.t('replicasets', 'apps');
    const all = this.owned('replicasets', 'apps', ns, d).sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
    const hash = templateHash(d.spec.template, d.status?.collisionCount ?? 0);
    const strip = (tpl: Obj) => { const c = structuredClone(tpl); if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash']; return JSON.stringify(sortDeep(c)); };
    const want = strip(d.spec.template);
    let newRS = all.find((rs) => strip(rs.spec.template) === want);
    const old = all.filter((rs) => rs !== newRS);
    const desired: number = d.spec.replicas ?? 1;
    const maxRev = Math.max(0, ...all.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)));
    const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
    const surge = strategy === 'RollingUpdate' ? intOrPercent(d.spec.strategy.rollingUpdate?.maxSurge, desired, true) : 0;
    let unavailable = strategy === 'RollingUpdate' ? intOrPercent(d.spec.strategy.rollingUpdate?.maxUnavailable, desired, false) : 0;
    if (strategy === 'RollingUpdate' && surge === 0 && unavailable === 0) unavailable = 1;
    let conditions: Obj[] = structuredClone(d.status?.conditions ?? []);
    const dep = (msg: string) => this.ev.record(d, 'Normal', 'ScalingReplicaSet', msg, 'deployment-controller');
    const scale = (rs: Obj, n: number) => {
      if (rs.spec.replicas === n) return;
      const from = rs.spec.replicas;
      const cur = this.c.get(rsT, ns, rs.metadata.name);
      cur.spec.replicas = n;
      cur.metadata.annotations = { ...(cur.metadata.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(desired + surge) };
      const upd = this.c.update(rsT, ns, rs.metadata.name, cur, { fieldManager: CM });
      rs.spec.replicas = n;
      rs.metadata = upd.metadata;
      dep(`Scaled ${n > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${n}`);
    };
    if (d.spec.paused) {
      // status only
    } else if (!newRS) {
      const total = all.reduce((s, rs) => s + rs.spec.replicas, 0);
      let initial = desired;
      if (strategy === 'RollingUpdate' && old.length) initial = Math.max(0, Math.min(desired, desired + surge - total));
      if (strategy === 'Recreate' && old.some((rs) => rs.spec.replicas > 0 || (rs.status?.replicas ?? 0) > 0)) initial = 0;
      const tpl = structuredClone(d.spec.template);
      tpl.metadata = { ...(tpl.metadata ?? {}), labels: { ...(tpl.metadata?.labels ?? {}), 'pod-template-hash': hash } };
      const rs: Obj = {
        apiVersion: 'apps/v1', kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`, namespace: ns, labels: tpl.metadata.labels,
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(desired + surge), 'deployment.kubernetes.io/revision': String(maxRev + 1) },
          ownerReferences: [this.ownerRef('Deployment', 'apps/v1', d)],
        },
        spec: { replicas: initial, minReadySeconds: d.spec.minReadySeconds ?? 0, selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } }, template: tpl },
      };
      if (!rs.spec.minReadySeconds) delete rs.spec.minReadySeconds;
      newRS = this.c.create(rsT, ns, rs, { fieldManager: CM });
      conditions = setCond(conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${newRS.metadata.name}"` });
      this.progressCheck.set(d.metadata.uid, now);
      if (initial > 0) dep(`Scaled up replica set ${newRS.metadata.name} from 0 to ${initial}`);
    } else {
      const rev = Number(newRS.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
      if (rev < maxRev) {
        const cur = this.c.get(rsT, ns, newRS.metadata.name);
        cur.metadata.annotations = { ...(cur.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': String(maxRev + 1) };
        newRS = this.c.update(rsT, ns, newRS.metadata.name, cur, { fieldManager: CM });
      }
      if (strategy === 'Recreate') {
        for (const rs of old) if (rs.spec.replicas > 0) scale(rs, 0);
        const oldPods = old.reduce((s, rs) => s + (rs.status?.replicas ?? 0), 0) + this.scan('pods', '', ns).filter((p) => old.some((rs) => controllerOf(p)?.uid === rs.metadata.uid)).length;
        if (oldPods === 0) scale(newRS, desired);
      } else {
        const total = all.reduce((s, rs) => s + rs.spec.replicas, 0);
        if (newRS.spec.replicas < desired) {
          const up = Math.min(desired + surge - total, desired - newRS.spec.replicas);
          if (up > 0) scale(newRS, newRS.spec.replicas + up);
        } else if (newRS.spec.replicas > desired) scale(newRS, desired);
        // scale down old replica sets as availability allows
        const allNow = all.reduce((s, rs) => s + rs.spec.replicas, 0);
        const minAvailable = desired - unavailable;
        const newUnavailable = newRS.spec.replicas - (newRS.status?.availableReplicas ?? 0);
        let maxScaledDown = allNow - minAvailable - newUnavailable;
        if (maxScaledDown > 0) {
          for (const rs of old) {
            if (maxScaledDown <= 0) break;
            const unhealthy = rs.spec.replicas - (rs.status?.availableReplicas ?? 0);
            if (rs.spec.replicas === 0 || unhealthy <= 0) continue;
            const down = Math.min(maxScaledDown, unhealthy);
            scale(rs, rs.spec.replicas - down);
            maxScaledDown -= down;
          }
          const available = all.reduce((s, rs) => s + (rs.status?.availableReplicas ?? 0), 0);
          let can = Math.min(maxScaledDown, available - minAvailable);
          for (const rs of old) {
            if (can <= 0) break;
            if (rs.spec.replicas === 0) continue;
            const down = Math.min(rs.spec.replicas, can);
            scale(rs, rs.spec.replicas - down);
            can -= down;
          }
        }
      }
      // history limit
      const limit = d.spec.revisionHistoryLimit ?? 10;
      const dead = old.filter((rs) => rs.spec.replicas === 0 && (rs.status?.replicas ?? 0) === 0);
      for (const rs of dead.slice(0, Math.max(0, dead.length - limit))) this.safe(() => this.c.delete(rsT, ns, rs.metadata.name, { propagationPolicy: 'Background' }));
    }
    // status
    const rss = [newRS!, ...old];
    const sum = (f: (rs: Obj) => number) => rss.reduce((s, rs) => s + f(rs), 0);
    const replicas = sum((rs) => rs.status?.replicas ?? 0);
    const updated = newRS!.status?.replicas ?? 0;
    const ready = sum((rs) => rs.status?.readyReplicas ?? 0);
    const available = sum((rs) => rs.status?.availableReplicas ?? 0);
    const specTotal = sum((rs) => rs.spec.replicas ?? 0);
    const minAvailable = desired - unavailable;
    conditions = setCond(conditions, available >= minAvailable
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    const complete = updated === desired && replicas === desired && available === desired && newRS!.spec.replicas === desired;
    const prog = cond(conditions, 'Progressing');
    let due = Infinity;
    if (!d.spec.paused) {
      if (complete) {
        conditions = setCond(conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${newRS!.metadata.name}" has successfully progressed.` });
      } else if (prog?.reason !== 'ProgressDeadlineExceeded') {
        const sig = `${updated}/${ready}/${available}/${replicas}/${newRS!.metadata.name}`;
        const changed = (d.status?.updatedReplicas ?? -1) !== updated || (d.status?.availableReplicas ?? -1) !== available || (d.status?.readyReplicas ?? -1) !== ready || (d.status?.replicas ?? -1) !== replicas || prog?.reason === 'NewReplicaSetAvailable';
        void sig;
        if (changed || prog?.reason !== 'ReplicaSetUpdated' && prog?.reason !== 'NewReplicaSetCreated') {
          conditions = setCond(conditions.filter((c) => !(c.type === 'Progressing' && changed)), { type: 'Progressing', status: 'True', reason: prog?.reason === 'NewReplicaSetCreated' && !changed ? 'NewReplicaSetCreated' : 'ReplicaSetUpdated', message: `ReplicaSet "${newRS!.metadata.name}" is progressing.` });
          if (prog?.reason === 'NewReplicaSetCreated' && changed) conditions = setCond(conditions, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${newRS!.metadata.name}" is progressing.` });
        }
        const p = cond(conditions, 'Progressing')!;
        const deadline = Date.parse(p.lastUpdateTime) + this.ms(d.spec.progressDeadlineSeconds ?? 600);
        if (Date.now() >= deadline) {
          conditions = setCond(conditions, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS!.metadata.name}" has timed out progressing.` });
        } else due = deadline;
      }
    }
    const order = ['Available', 'Progressing', 'ReplicaFailure'];
    conditions.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    const status: Obj = {
      observedGeneration: d.metadata.generation,
      replicas, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available,
      unavailableReplicas: Math.max(0, specTotal - available),
      conditions,
    };
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k];
    if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;
    this.updateStatus('deployments', 'apps', d, status);
    return due;
  }

  // --- ReplicaSet -----------------------------------------------------------------------

  private replicaSet(rs: Obj, now: number): number {
    void now;
    if (rs.metadata.deletionTimestamp) return Infinity;
    const ns = rs.metadata.namespace;
    const match = labelSelectorMatcher(rs.spec.selector);
    const pods = this.scan('pods', '', ns).filter((p) => controllerOf(p)?.uid === rs.metadata.uid && match(p.metadata.labels ?? {}));
    const active = pods.filter(isActive);
    const want: number = rs.spec.replicas ?? 1;
    let failure: string | undefined;
    if (active.length < want) {
      for (let i = active.length; i < Math.min(want, active.length + 500); i++) {
        const p = this.createPod(rs, 'ReplicaSet', rs.spec.template, {});
        if (!p) { failure = this.lastCreateError.get(rs.metadata.uid); break; }
        active.push(p);
      }
    } else if (active.length > want) {
      const rank = (p: Obj) => (p.spec.nodeName ? 1 : 0) * 4 + (p.status?.phase === 'Running' ? 2 : 0) + (isPodReady(p) ? 1 : 0);
      const victims = [...active].sort((a, b) => rank(a) - rank(b) || Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp)).slice(0, active.length - want);
      for (const p of victims) this.deletePod(rs, p, 'replicaset-controller');
    }
    const live = this.scan('pods', '', ns).filter((p) => controllerOf(p)?.uid === rs.metadata.uid && isActive(p));
    const minReady = rs.spec.minReadySeconds ?? 0;
    const status: Obj = {
      replicas: live.length,
      fullyLabeledReplicas: live.filter((p) => Object.entries(rs.spec.template.metadata?.labels ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: live.filter(isPodReady).length,
      availableReplicas: live.filter((p) => isPodAvailable(p, minReady, this.opts.speed)).length,
      observedGeneration: rs.metadata.generation,
    };
    if (failure) status.conditions = [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: nowIso(), reason: 'FailedCreate', message: failure }];
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[k] === 0) delete status[k];
    this.updateStatus('replicasets', 'apps', rs, status);
    if (minReady) {
      const pending = live.filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, this.opts.speed));
      if (pending.length) return Math.min(...pending.map((p) => Date.parse(cond(p.status.conditions, 'Ready')!.lastTransitionTime) + this.ms(minReady)));
    }
    return Infinity;
  }

  // --- StatefulSet -----------------------------------------------------------------------

  private statefulSet(s: Obj): void {
    if (s.metadata.deletionTimestamp) return;
    const ns = s.metadata.namespace, name = s.metadata.name;
    const rev = `${name}-${templateHash(s.spec.template)}`;
    const pods = this.owned('pods', '', ns, s);
    const byOrd = new Map<number, Obj>();
    for (const p of pods) { const m = new RegExp(`^${name}-(\\d+)$`).exec(p.metadata.name); if (m) byOrd.set(Number(m[1]), p); }
    const replicas: number = s.spec.replicas ?? 1;
    const parallel = s.spec.podManagementPolicy === 'Parallel';
    const readyOk = (p?: Obj) => !!p && isActive(p) && isPodReady(p);
    // create missing / replace failed
    for (let i = 0; i < replicas; i++) {
      const p = byOrd.get(i);
      if (p && (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded') && !p.metadata.deletionTimestamp) { this.deletePod(s, p, 'statefulset-controller'); if (!parallel) break; continue; }
      if (!p) {
        for (const tpl of (s.spec.volumeClaimTemplates ?? []) as Obj[]) {
          const pvcName = `${tpl.metadata.name}-${name}-${i}`;
          if (!this.c.store.peek('/persistentvolumeclaims', ns, pvcName)) this.safe(() => this.c.create(this.t('persistentvolumeclaims'), ns, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: pvcName, labels: { ...(s.spec.selector.matchLabels ?? {}) } }, spec: structuredClone(tpl.spec) }, { fieldManager: CM }));
        }
        const tpl = structuredClone(s.spec.template);
        for (const tplc of (s.spec.volumeClaimTemplates ?? []) as Obj[]) {
          tpl.spec.volumes = [...(tpl.spec.volumes ?? []).filter((v: Obj) => v.name !== tplc.metadata.name), { name: tplc.metadata.name, persistentVolumeClaim: { claimName: `${tplc.metadata.name}-${name}-${i}` } }];
        }
        this.createPod(s, 'StatefulSet', tpl, { name: `${name}-${i}`, hostname: `${name}-${i}`, subdomain: s.spec.serviceName, labels: { 'controller-revision-hash': rev, 'statefulset.kubernetes.io/pod-name': `${name}-${i}`, 'apps.kubernetes.io/pod-index': String(i) } });
        if (!parallel) break;
        continue;
      }
      if (!parallel && !readyOk(p)) break;
    }
    // scale down from the highest ordinal
    const extra = [...byOrd.entries()].filter(([i]) => i >= replicas).sort((a, b) => b[0] - a[0]);
    for (const [, p] of extra) { if (!p.metadata.deletionTimestamp) this.deletePod(s, p, 'statefulset-controller'); if (!parallel) break; }
    // rolling update from the highest ordinal down to the partition
    const allReady = [...Array(replicas).keys()].every((i) => readyOk(byOrd.get(i)));
    if (s.spec.updateStrategy?.type !== 'OnDelete' && allReady) {
      const partition = s.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
      for (let i = replicas - 1; i >= partition; i--) {
        const p = byOrd.get(i)!;
        if (p.metadata.labels?.['controller-revision-hash'] !== rev) { this.deletePod(s, p, 'statefulset-controller'); break; }
      }
    }
    const live = this.owned('pods', '', ns, s).filter((p) => !p.metadata.deletionTimestamp);
    const updated = live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === rev).length;
    const current = s.status?.currentRevision ?? rev;
    const done = updated === replicas && live.length === replicas;
    const status: Obj = {
      observedGeneration: s.metadata.generation,
      replicas: live.length,
      readyReplicas: live.filter(isPodReady).length,
      currentReplicas: done ? updated : live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === current).length,
      updatedReplicas: updated,
      currentRevision: done ? rev : current,
      updateRevision: rev,
      collisionCount: 0,
      availableReplicas: live.filter(isPodReady).length,
    };
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (status[k] === 0) delete status[k];
    this.updateStatus('statefulsets', 'apps', s, status);
  }

  // --- DaemonSet --------------------------------------------------------------------------

  private daemonSet(d: Obj): void {
    if (d.metadata.deletionTimestamp) return;
    const ns = d.metadata.namespace;
    const hash = templateHash(d.spec.template);
    const pods = this.owned('pods', '', ns, d).filter(isActive);
    const cur = pods.find((p) => p.metadata.labels?.['controller-revision-hash'] === hash);
    const oldPods = pods.filter((p) => p !== cur);
    if (!cur && oldPods.length === 0) {
      const tpl = structuredClone(d.spec.template);
      tpl.spec.nodeName = this.opts.node;
      this.createPod(d, 'DaemonSet', tpl, { labels: { 'controller-revision-hash': hash, 'pod-template-generation': String(d.metadata.generation) } });
    } else if (oldPods.length && d.spec.updateStrategy?.type !== 'OnDelete') {
      for (const p of oldPods) if (!p.metadata.deletionTimestamp) this.deletePod(d, p, 'daemonset-controller');
    }
    const live = this.owned('pods', '', ns, d).filter(isActive);
    const updated = live.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash);
    const ready = live.filter(isPodReady).length;
    const status: Obj = {
      currentNumberScheduled: live.length ? 1 : 0,
      numberMisscheduled: 0,
      desiredNumberScheduled: 1,
      numberReady: ready ? 1 : 0,
      observedGeneration: d.metadata.generation,
      updatedNumberScheduled: updated.length ? 1 : 0,
      numberAvailable: ready ? 1 : 0,
      numberUnavailable: ready ? 0 : 1,
    };
    for (const k of ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled']) if (status[k] === 0) delete status[k];
    this.updateStatus('daemonsets', 'apps', d, status);
  }

  // --- Job ----------------------------------------------------------------------------------

  private job(j: Obj, now: number): number {
    const ns = j.metadata.namespace;
    const jobT = this.t('jobs', 'batch');
    const conds: Obj[] = structuredClone(j.status?.conditions ?? []);
    const finished = conds.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    const pods = this.owned('pods', '', ns, j);
    // release the tracking finalizer of finished pods
    for (const p of pods) if ((p.metadata.finalizers ?? []).includes('batch.kubernetes.io/job-tracking') && (!isActive(p) || finished || j.metadata.deletionTimestamp)) {
      this.safe(() => this.c.removeFinalizer(this.t('pods'), ns, p.metadata.name, 'batch.kubernetes.io/job-tracking', 'job-controller'));
    }
    if (j.metadata.deletionTimestamp) return Infinity;
    if (finished) {
      const ttl = j.spec.ttlSecondsAfterFinished;
      if (ttl !== undefined) {
        const fin = Date.parse(j.status.completionTime ?? cond(conds, 'Failed')?.lastTransitionTime ?? nowIso());
        const at = fin + this.ms(ttl);
        if (Date.now() >= at) { this.safe(() => this.c.delete(jobT, ns, j.metadata.name, { propagationPolicy: 'Background' })); return Infinity; }
        return at;
      }
      return Infinity;
    }
    const restartOnFailure = j.spec.template.spec.restartPolicy === 'OnFailure';
    const active = pods.filter(isActive);
    const succeeded = (j.status?.succeeded ?? 0) + 0;
    const succeededPods = pods.filter((p) => p.status?.phase === 'Succeeded');
    const failedPods = pods.filter((p) => p.status?.phase === 'Failed');
    const succ = Math.max(succeeded, succeededPods.length);
    const restarts = restartOnFailure ? active.reduce((s, p) => s + ((p.status?.containerStatuses ?? []) as Obj[]).reduce((n, c) => n + (c.restartCount ?? 0), 0), 0) : 0;
    const failed = Math.max(j.status?.failed ?? 0, failedPods.length);
    const completions: number | undefined = j.spec.completions ?? undefined;
    const parallelism: number = j.spec.parallelism ?? 1;
    const status: Obj = { ...(j.status ?? {}) };
    status.startTime ??= nowIso();
    status.uncountedTerminatedPods = {};
    let due = Infinity;
    const record = (type: 'Normal' | 'Warning', reason: string, msg: string) => this.ev.record(j, type, reason, msg, 'job-controller');
    const failWith = (reason: string, message: string) => {
      let cs = setCond(conds, { type: 'FailureTarget', status: 'True', reason, message, noUpdateTime: true });
      cs = setCond(cs, { type: 'Failed', status: 'True', reason, message, noUpdateTime: true });
      for (const c of cs) { delete c.lastUpdateTime; c.lastProbeTime = c.lastProbeTime ?? c.lastTransitionTime; }
      for (const p of active) this.deletePod(j, p, 'job-controller');
      record('Warning', reason, message);
      status.conditions = cs;
      status.active = undefined;
      status.ready = 0;
      status.terminating = 0;
      status.failed = failed + (active.length ? active.length : 0);
    };
    const deadline = j.spec.activeDeadlineSeconds;
    if (failed + restarts > (j.spec.backoffLimit ?? 6)) {
      failWith('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
    } else if (deadline !== undefined && Date.now() - Date.parse(status.startTime) >= this.ms(deadline)) {
      failWith('DeadlineExceeded', 'Job was active longer than specified deadline');
    } else if (completions !== undefined && succ >= completions || completions === undefined && succ > 0 && active.length === 0) {
      let cs = setCond(conds, { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
      cs = setCond(cs, { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
      for (const c of cs) { delete c.lastUpdateTime; c.lastProbeTime = c.lastProbeTime ?? c.lastTransitionTime; }
      status.conditions = cs;
      status.completionTime = nowIso();
      record('Normal', 'Completed', 'Job completed');
    } else if (j.spec.suspend) {
      for (const p of active) this.deletePod(j, p, 'job-controller');
    } else {
      const remaining = completions === undefined ? parallelism : Math.min(parallelism, completions - succ);
      if (active.length < remaining) {
        const until = this.jobBackoffUntil.get(j.metadata.uid) ?? 0;
        if (failed > 0 && Date.now() < until) due = until;
        else {
          for (let i = active.length; i < remaining; i++) if (!this.createPod(j, 'Job', j.spec.template, { labels: {} })) break;
        }
      }
    }
    // back-off for the next pod after failures: 10s * 2^(failures-1), capped at 6m
    if (failed > (j.status?.failed ?? 0)) this.jobBackoffUntil.set(j.metadata.uid, Date.now() + this.ms(Math.min(360, 10 * 2 ** (failed - 1))));
    const liveActive = this.owned('pods', '', ns, j).filter(isActive);
    if (!status.conditions?.some((c: Obj) => c.type === 'Failed')) {
      status.active = liveActive.length || undefined;
      status.ready = liveActive.filter(isPodReady).length;
      status.terminating = 0;
      if (failed) status.failed = failed;
    }
    if (succ) status.succeeded = succ;
    if (status.active === undefined) delete status.active;
    this.updateStatus('jobs', 'batch', j, status);
    void now;
    return due;
  }

  /** The job controller also releases the tracking finalizer of pods whose Job is gone. */
  private orphanJobPods(): void {
    for (const p of this.c.store.scan('/pods')) {
      if (!(p.metadata.finalizers ?? []).includes('batch.kubernetes.io/job-tracking')) continue;
      const ref = controllerOf(p);
      const job = ref ? this.c.store.peek(grKey('batch', 'jobs'), p.metadata.namespace, ref.name) : undefined;
      if (job && job.metadata.uid === ref?.uid) continue;
      this.safe(() => this.c.removeFinalizer(this.t('pods'), p.metadata.namespace, p.metadata.name, 'batch.kubernetes.io/job-tracking', 'job-controller'));
    }
  }

  // --- CronJob ---------------------------------------------------------------------------------

  private readonly start = Date.now();
  /** Simulated clock: runs `speed` times faster than the wall clock from the simulator's start. */
  private simOf(wall: number): number { return this.start + (wall - this.start) * this.opts.speed; }
  private wallOf(sim: number): number { return this.start + (sim - this.start) / this.opts.speed; }

  private cronJob(cj: Obj): number {
    if (cj.metadata.deletionTimestamp) return Infinity;
    const ns = cj.metadata.namespace;
    const jobT = this.t('jobs', 'batch');
    const jobs = this.owned('jobs', 'batch', ns, cj);
    const finished = (j: Obj) => ((j.status?.conditions ?? []) as Obj[]).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    const active = jobs.filter((j) => !finished(j) && !j.metadata.deletionTimestamp);
    const status: Obj = { ...(cj.status ?? {}) };
    if (active.length) status.active = active.map((j) => ({ kind: 'Job', namespace: ns, name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion }));
    else delete status.active;
    const succeeded = jobs.filter((j) => j.status?.completionTime).sort((a, b) => Date.parse(a.status.completionTime) - Date.parse(b.status.completionTime));
    if (succeeded.length) status.lastSuccessfulTime = succeeded[succeeded.length - 1]!.status.completionTime;
    // history limits
    const failedJobs = jobs.filter((j) => finished(j) && !j.status?.completionTime);
    for (const [list, limit] of [[succeeded, cj.spec.successfulJobsHistoryLimit ?? 3], [failedJobs, cj.spec.failedJobsHistoryLimit ?? 1]] as [Obj[], number][]) {
      for (const j of list.slice(0, Math.max(0, list.length - limit))) this.safe(() => { this.c.delete(jobT, ns, j.metadata.name, { propagationPolicy: 'Background' }); });
    }
    let due = Infinity;
    const sched = parseCron(cj.spec.schedule);
    if (sched && !cj.spec.suspend) {
      const nowSim = this.simOf(Date.now());
      const from = cj.status?.lastScheduleTime ? this.simOf(Date.parse(cj.status.lastScheduleTime)) : this.simOf(Date.parse(cj.metadata.creationTimestamp));
      let t = Math.floor(from / 60000) * 60000 + 60000;
      let last: number | undefined;
      for (let i = 0; i < 100000 && t <= nowSim; i++, t += 60000) if (sched(new Date(t))) last = t;
      if (last !== undefined) {
        const policy = cj.spec.concurrencyPolicy ?? 'Allow';
        if (policy === 'Forbid' && active.length) {
          // skipped; try again at the next schedule
        } else {
          if (policy === 'Replace') for (const j of active) this.safe(() => { this.c.delete(jobT, ns, j.metadata.name, { propagationPolicy: 'Background' }); });
          const name = `${cj.metadata.name}-${Math.floor(last / 60000)}`;
          const tpl = structuredClone(cj.spec.jobTemplate ?? {});
          const job: Obj = {
            apiVersion: 'batch/v1', kind: 'Job',
            metadata: { name, namespace: ns, labels: tpl.metadata?.labels, annotations: { ...(tpl.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(this.wallOf(last)).toISOString().replace(/\.\d+Z$/, 'Z') }, ownerReferences: [this.ownerRef('CronJob', 'batch/v1', cj)] },
            spec: tpl.spec,
          };
          try {
            this.c.create(jobT, ns, job, { fieldManager: CM });
            this.ev.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`, 'cronjob-controller');
          } catch (e) {
            if (!(e instanceof ApiError && e.code === 409)) throw e;
          }
          status.lastScheduleTime = new Date(this.wallOf(last)).toISOString().replace(/\.\d+Z$/, 'Z');
        }
      }
      // next run
      let n = Math.floor(nowSim / 60000) * 60000 + 60000;
      let found = false;
      for (let i = 0; i < 10080 && !(found = sched(new Date(n))); i++) n += 60000;
      due = found ? this.wallOf(n) : Infinity;
    }
    this.updateStatus('cronjobs', 'batch', cj, status);
    return due;
  }

  // --- Endpoints ----------------------------------------------------------------------------

  /** The endpoints controller: ready and not-ready pod addresses of a Service with a selector. */
  private endpoints(svc: Obj): void {
    const sel = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0 || svc.metadata.deletionTimestamp) return;
    const ns = svc.metadata.namespace;
    const epT = this.t('endpoints');
    const pods = this.scan('pods', '', ns).filter((p) => Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) && p.status?.podIP && !p.metadata.deletionTimestamp && isActive(p));
    const addr = (p: Obj) => ({ ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid } });
    const ready = pods.filter(isPodReady).map(addr);
    const notReady = pods.filter((p) => !isPodReady(p)).map(addr);
    const ports = ((svc.spec.ports ?? []) as Obj[]).map((p) => {
      let port = p.targetPort ?? p.port;
      if (typeof port === 'string') {
        const c = pods.flatMap((x) => (x.spec.containers ?? []) as Obj[]).flatMap((c) => (c.ports ?? []) as Obj[]).find((cp) => cp.name === port);
        port = c?.containerPort ?? port;
      }
      return { ...(p.name ? { name: p.name } : {}), port, protocol: p.protocol ?? 'TCP' };
    });
    const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }] : undefined;
    const want: Obj = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns, labels: { ...(svc.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' } }, ...(subsets ? { subsets } : {}) };
    const cur = this.c.tryGet(epT, ns, svc.metadata.name);
    if (!cur) { this.c.create(epT, ns, want, { fieldManager: CM }); return; }
    if (JSON.stringify(sortDeep(normalize(cur.subsets ?? null, true))) === JSON.stringify(sortDeep(normalize(want.subsets ?? null, true))) && JSON.stringify(cur.metadata.labels) === JSON.stringify(want.metadata.labels)) return;
    this.c.update(epT, ns, svc.metadata.name, { ...want, metadata: { ...want.metadata, resourceVersion: cur.metadata.resourceVersion } }, { fieldManager: CM });
  }

  // --- PVC -----------------------------------------------------------------------------------

  private pvc(p: Obj): void {
    if (p.status?.phase !== 'Pending' || p.metadata.deletionTimestamp) return;
    const pvT = this.t('persistentvolumes');
    const pvName = `pvc-${p.metadata.uid}`;
    const size = p.spec.resources?.requests?.storage ?? '1Gi';
    if (!this.c.store.peek('/persistentvolumes', undefined, pvName)) {
      this.c.create(pvT, undefined, {
        apiVersion: 'v1', kind: 'PersistentVolume',
        metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } },
        spec: { capacity: { storage: size }, accessModes: p.spec.accessModes ?? ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: p.spec.storageClassName, claimRef: { kind: 'PersistentVolumeClaim', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid, apiVersion: 'v1' }, hostPath: { path: `/var/local-path-provisioner/${pvName}` } },
      }, { fieldManager: 'local-path-provisioner' });
    }
    const cur = this.c.get(this.t('persistentvolumeclaims'), p.metadata.namespace, p.metadata.name);
    cur.spec.volumeName = pvName;
    cur.metadata.annotations = { ...(cur.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    const upd = this.c.update(this.t('persistentvolumeclaims'), p.metadata.namespace, p.metadata.name, cur, { fieldManager: CM });
    this.c.update(this.t('persistentvolumeclaims'), p.metadata.namespace, p.metadata.name, { ...upd, status: { phase: 'Bound', accessModes: p.spec.accessModes ?? ['ReadWriteOnce'], capacity: { storage: size } } }, { subresource: 'status', fieldManager: CM });
  }
}

/** A standard 5-field cron schedule (UTC) as a predicate over minutes; undefined when invalid. */
export function parseCron(expr: string): ((d: Date) => boolean) | undefined {
  const macros: Record<string, string> = { '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *' };
  const parts = (macros[expr.trim()] ?? expr.trim()).split(/\s+/);
  if (parts.length !== 5) return undefined;
  const ranges: [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]];
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const [lo, hi] = ranges[i]!;
    const set = new Set<number>();
    for (const item of parts[i]!.split(',')) {
      const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(item);
      if (!m) return undefined;
      const a = m[1] === '*' ? lo : Number(m[1]);
      const b = m[2] !== undefined ? Number(m[2]) : m[1] === '*' || m[3] ? hi : a;
      const step = m[3] ? Number(m[3]) : 1;
      if (a < lo || b > hi || step < 1) return undefined;
      for (let v = a; v <= b; v += step) set.add(v);
    }
    sets.push(set);
  }
  return (d) => sets[0]!.has(d.getUTCMinutes()) && sets[1]!.has(d.getUTCHours()) && sets[2]!.has(d.getUTCDate()) && sets[3]!.has(d.getUTCMonth() + 1) && sets[4]!.has(d.getUTCDay());
}
