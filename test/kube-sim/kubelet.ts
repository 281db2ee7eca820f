// The simulated node: schedules pods onto itself, pulls images from the real registry,
// runs each container's command through shell.ts on a simulated clock, evaluates probes,
// restarts with back-off, writes pod status and events, serves logs, and finishes graceful
// deletions. Owns: everything a kubelet + container runtime would do for one node.
import { randomBytes } from 'node:crypto';
import { ApiError, errors } from './errors.js';
import type { Cluster } from './cluster.js';
import { nowIso } from './cluster.js';
import type { EventRecorder } from './events.js';
import { credentialsFromSecrets, ImagePuller, parseImage, type ImageInfo, type PullResult } from './registry.js';
import type { Obj, ResourceType } from './resources.js';
import type { LogProvider, LogRequest } from './server.js';
import { normalize } from './defaults.js';
import { sortKeys } from './patch.js';
import { parseDuration, runProgram, runSync, type ShellCtx, type Sleep } from './shell.js';

export interface KubeletOptions {
  node: string;
  speed: number;
  /** Seconds (simulated) a container needs after start before it counts as ready without a probe. */
  readyDelaySeconds: number;
  /** 'registry' checks every image against its registry; 'assume-present' skips the check. */
  imagePolicy: 'registry' | 'assume-present';
  insecureRegistry: (host: string) => boolean;
}

const READY_AFTER_ANNOTATION = 'kube-sim.werf.io/ready-after-seconds';

interface LogLine { ts: string; text: string }

interface Probe { next: number; ok: number; fail: number; passed: boolean }

interface Ctr {
  name: string;
  init: boolean;
  spec: Obj;
  phase: 'waiting' | 'pulling' | 'pullError' | 'pullBackoff' | 'configError' | 'running' | 'terminated' | 'crashBackoff';
  reason?: string;
  message?: string;
  nextAt: number;
  backoff: number;
  restartCount: number;
  startedAt?: string;
  startedMs?: number;
  finishedAt?: string;
  exitCode?: number;
  termReason?: string;
  last?: Obj;
  gen?: Generator<Sleep, number>;
  ctx?: ShellCtx;
  ready: boolean;
  readiness?: Probe;
  liveness?: Probe;
  startup?: Probe;
  logs: LogLine[];
  prevLogs?: LogLine[];
  followers: Set<{ write: (s: string) => void; end: () => void; ts: boolean }>;
  containerID?: string;
  imageID?: string;
  info?: ImageInfo;
  killing?: number;
}

interface PodRt {
  uid: string;
  ns: string;
  name: string;
  ip: string;
  startTime: string;
  ctrs: Ctr[];
  scheduledAt: string;
  initializedAt?: string;
  readyChangedAt: string;
  ready: boolean;
  deleting?: number;
  done: boolean;
  due: number;
  syncedRv?: string;
}

export class Kubelet implements LogProvider {
  private pods = new Map<string, PodRt>();
  /** Pods whose runtime changed outside a sync (an image pull finished). */
  private dirty = new Set<string>();
  private images = new Map<string, ImageInfo>();
  private puller: ImagePuller;
  private podT: ResourceType;

  constructor(private cluster: Cluster, private events: EventRecorder, private opts: KubeletOptions) {
    this.puller = new ImagePuller(opts.insecureRegistry);
    this.podT = cluster.catalogue.byPlural('', 'v1', 'pods')!;
  }

  private ms(seconds: number): number {
    return (seconds * 1000) / this.opts.speed;
  }

  /** One pass over the node's pods. Returns the earliest time (epoch ms) something is due, or Infinity. */
  tick(now: number): number {
    let due = Infinity;
    const key = this.cluster.key(this.podT);
    const seen = new Set<string>();
    for (const pod of this.cluster.store.scan(key)) {
      seen.add(pod.metadata.uid);
      if (!pod.spec.nodeName) { this.schedule(pod); due = Math.min(due, now + 1000); continue; }
      if (pod.spec.nodeName !== this.opts.node) continue;
      // skip pods with nothing due whose object did not change since the last sync
      const known = this.pods.get(pod.metadata.uid);
      if (known && known.syncedRv === pod.metadata.resourceVersion && now < known.due && !this.dirty.has(known.uid)) { due = Math.min(due, known.due); continue; }
      const d = this.syncPod(pod, now);
      const rt = this.pods.get(pod.metadata.uid);
      if (rt) {
        this.dirty.delete(rt.uid);
        rt.due = d;
        rt.syncedRv = this.cluster.store.peek(this.cluster.key(this.podT), pod.metadata.namespace, pod.metadata.name)?.metadata.resourceVersion;
      }
      due = Math.min(due, d);
    }
    for (const [uid, rt] of this.pods) if (!seen.has(uid)) { for (const c of rt.ctrs) this.endFollowers(c); this.pods.delete(uid); }
    return due;
  }

  /** Why the one node cannot take the pod (the scheduler's filter plugins), or undefined. */
  private unschedulable(pod: Obj): string | undefined {
    const node = this.cluster.store.peek('/nodes', undefined, this.opts.node);
    const labels: Record<string, string> = node?.metadata.labels ?? {};
    const sel = pod.spec.nodeSelector ?? {};
    let affinityOk = Object.entries(sel).every(([k, v]) => labels[k] === v);
    const terms = (pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) as Obj[];
    if (terms.length) {
      affinityOk &&= terms.some((t) => ((t.matchExpressions ?? []) as Obj[]).every((e) => {
        const v = labels[e.key];
        switch (e.operator) {
          case 'In': return v !== undefined && (e.values ?? []).includes(v);
          case 'NotIn': return v === undefined || !(e.values ?? []).includes(v);
          case 'Exists': return v !== undefined;
          case 'DoesNotExist': return v === undefined;
          case 'Gt': return v !== undefined && Number(v) > Number(e.values?.[0]);
          case 'Lt': return v !== undefined && Number(v) < Number(e.values?.[0]);
        }
        return false;
      }));
    }
    if (!affinityOk) return "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";
    const want = { cpu: 0, memory: 0 };
    for (const c of [...((pod.spec.containers ?? []) as Obj[])]) {
      want.cpu += quantity(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu ?? '0');
      want.memory += quantity(c.resources?.requests?.memory ?? c.resources?.limits?.memory ?? '0');
    }
    const alloc = node?.status?.allocatable ?? {};
    const used = { cpu: 0, memory: 0 };
    for (const p of this.cluster.store.scan('/pods')) {
      if (p.spec.nodeName !== this.opts.node || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      for (const c of (p.spec.containers ?? []) as Obj[]) {
        used.cpu += quantity(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu ?? '0');
        used.memory += quantity(c.resources?.requests?.memory ?? c.resources?.limits?.memory ?? '0');
      }
    }
    const short: string[] = [];
    if (used.cpu + want.cpu > quantity(alloc.cpu ?? '8')) short.push('Insufficient cpu');
    if (used.memory + want.memory > quantity(alloc.memory ?? '16Gi')) short.push('Insufficient memory');
    if (short.length) return `0/1 nodes are available: ${short.map((x) => `1 ${x}`).join(', ')}. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`;
    return undefined;
  }

  private unschedulableSeen = new Map<string, string>();

  private schedule(pod: Obj): void {
    try {
      const cur = this.cluster.get(this.podT, pod.metadata.namespace, pod.metadata.name);
      if (cur.metadata.deletionTimestamp) return;
      const why = this.unschedulable(cur);
      if (why) {
        if (this.unschedulableSeen.get(cur.metadata.uid) === why) return;
        this.unschedulableSeen.set(cur.metadata.uid, why);
        const conds = [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: nowIso(), reason: 'Unschedulable', message: why }];
        this.cluster.update(this.podT, cur.metadata.namespace, cur.metadata.name, { ...cur, status: { ...cur.status, conditions: conds } }, { subresource: 'status', fieldManager: 'kube-scheduler' });
        this.events.record(cur, 'Warning', 'FailedScheduling', why, 'default-scheduler');
        return;
      }
      this.unschedulableSeen.delete(cur.metadata.uid);
      cur.spec.nodeName = this.opts.node;
      const p = this.cluster.update(this.podT, cur.metadata.namespace, cur.metadata.name, cur, { fieldManager: 'kube-scheduler' });
      const conds = [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: nowIso() }];
      this.cluster.update(this.podT, p.metadata.namespace, p.metadata.name, { ...p, status: { ...p.status, conditions: conds } }, { subresource: 'status', fieldManager: 'kube-scheduler' });
      this.events.record(p, 'Normal', 'Scheduled', `Successfully assigned ${p.metadata.namespace}/${p.metadata.name} to ${this.opts.node}`, 'default-scheduler');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  private rt(pod: Obj): PodRt {
    let rt = this.pods.get(pod.metadata.uid);
    if (!rt) {
      const mk = (spec: Obj, init: boolean): Ctr => ({ name: spec.name, init, spec, phase: 'waiting', nextAt: 0, backoff: 0, restartCount: 0, ready: false, logs: [], followers: new Set() });
      rt = {
        uid: pod.metadata.uid, ns: pod.metadata.namespace, name: pod.metadata.name,
        ip: this.cluster.newPodIP(), startTime: nowIso(),
        ctrs: [...((pod.spec.initContainers ?? []) as Obj[]).map((c) => mk(c, true)), ...((pod.spec.containers ?? []) as Obj[]).map((c) => mk(c, false))],
        scheduledAt: nowIso(), readyChangedAt: nowIso(), ready: false, done: false, due: 0,
      };
      this.pods.set(pod.metadata.uid, rt);
    }
    // image updates of a running pod (the only mutable container field)
    for (const c of rt.ctrs) {
      const spec = ((c.init ? pod.spec.initContainers : pod.spec.containers) as Obj[]).find((x) => x.name === c.name);
      if (spec && spec.image !== c.spec.image) { c.spec = spec; if (c.phase === 'running') this.stop(c, 137, 'Error', pod); c.info = undefined; }
    }
    return rt;
  }

  private syncPod(pod: Obj, now: number): number {
    const rt = this.rt(pod);
    let due = Infinity;
    const restartPolicy: string = pod.spec.restartPolicy ?? 'Always';
    if (pod.metadata.deletionTimestamp) {
      if (rt.deleting === undefined) {
        rt.deleting = now;
        for (const c of rt.ctrs) if (c.phase === 'running') {
          this.events.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, 'kubelet', `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`);
          const grace = Math.max(0, pod.metadata.deletionGracePeriodSeconds ?? 30);
          c.killing = now + (c.ctx?.listening || c.ctx?.trapsTerm ? Math.min(this.ms(grace), this.ms(0.1)) : this.ms(grace));
        }
      }
      let allStopped = true;
      for (const c of rt.ctrs) {
        if (c.phase !== 'running') continue;
        if (now >= (c.killing ?? now)) this.stop(c, c.ctx?.listening || c.ctx?.trapsTerm ? 0 : 137, c.ctx?.listening || c.ctx?.trapsTerm ? 'Completed' : 'Error', pod);
        else { allStopped = false; due = Math.min(due, c.killing!); }
      }
      if (allStopped) {
        try { this.cluster.delete(this.podT, rt.ns, rt.name, { gracePeriodSeconds: 0, preconditions: { uid: rt.uid } }); } catch { /* gone or held by finalizers */ }
        this.writeStatus(pod, rt, now, restartPolicy);
        return due;
      }
      this.writeStatus(pod, rt, now, restartPolicy);
      return due;
    }
    if (rt.done) return Infinity;
    // init containers run one after another
    const inits = rt.ctrs.filter((c) => c.init);
    const mains = rt.ctrs.filter((x) => !x.init);
    let initDone = true;
    for (const c of inits) {
      const sidecar = c.spec.restartPolicy === 'Always';
      if (!sidecar && c.phase === 'terminated' && c.exitCode === 0) continue;
      if (sidecar && rt.initializedAt) {
        // a sidecar keeps running (and restarting) beside the main containers until they finish
        const mainsDone = mains.every((m) => m.phase === 'terminated') && restartPolicy !== 'Always' && (restartPolicy === 'Never' || mains.every((m) => m.exitCode === 0));
        if (mainsDone) { if (c.phase === 'running') this.stop(c, 0, 'Completed', pod); continue; }
        due = Math.min(due, this.step(pod, rt, c, now, 'Always'));
        continue;
      }
      due = Math.min(due, this.step(pod, rt, c, now, sidecar ? 'Always' : restartPolicy === 'Always' ? 'OnFailure' : restartPolicy));
      if (sidecar && c.phase === 'running' && (!c.startup || c.startup.passed)) continue;
      initDone = false;
      if (!sidecar && c.phase === 'terminated' && c.exitCode !== 0 && restartPolicy === 'Never') rt.done = true;
      break;
    }
    if (initDone && !rt.initializedAt) rt.initializedAt = nowIso();
    if (initDone) for (const c of mains) due = Math.min(due, this.step(pod, rt, c, now, restartPolicy));
    if (initDone) for (const c of inits.filter((x) => x.spec.restartPolicy === 'Always' && x.phase === 'running')) {
      const mainsDone = mains.every((m) => m.phase === 'terminated') && restartPolicy !== 'Always' && (restartPolicy === 'Never' || mains.every((m) => m.exitCode === 0));
      if (mainsDone) this.stop(c, 0, 'Completed', pod);
    }
    this.writeStatus(pod, rt, now, restartPolicy);
    return due;
  }

  // --- one container ----------------------------------------------------------

  private fieldPath(c: Ctr): string {
    return `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`;
  }

  private step(pod: Obj, rt: PodRt, c: Ctr, now: number, restartPolicy: string): number {
    switch (c.phase) {
      case 'waiting': {
        const policy: string = c.spec.imagePullPolicy ?? 'IfNotPresent';
        const cached = this.images.get(c.spec.image);
        if (cached && policy !== 'Always') {
          c.info = cached;
          this.events.record(pod, 'Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine`, 'kubelet', this.fieldPath(c));
          return this.start(pod, rt, c, now);
        }
        if (policy === 'Never') {
          c.reason = 'ErrImageNeverPull';
          c.message = `Container image "${c.spec.image}" is not present with pull policy of Never`;
          this.events.record(pod, 'Warning', 'ErrImageNeverPull', c.message, 'kubelet', this.fieldPath(c));
          c.phase = 'pullError';
          c.nextAt = Infinity;
          return Infinity;
        }
        this.pull(pod, c, now);
        return Infinity;
      }
      case 'pulling':
        return Infinity;
      case 'pullError':
        if (now < c.nextAt) return c.nextAt;
        c.phase = 'pullBackoff';
        c.reason = 'ImagePullBackOff';
        c.message = `Back-off pulling image "${c.spec.image}"`;
        this.events.record(pod, 'Normal', 'BackOff', c.message, 'kubelet', this.fieldPath(c));
        c.backoff = c.backoff ? Math.min(c.backoff * 2, 300) : 10;
        c.nextAt = now + this.ms(c.backoff);
        return c.nextAt;
      case 'pullBackoff':
        if (now < c.nextAt) return c.nextAt;
        this.pull(pod, c, now);
        return Infinity;
      case 'configError':
      case 'crashBackoff':
        if (now < c.nextAt) return c.nextAt;
        return this.start(pod, rt, c, now);
      case 'running':
        return this.advance(pod, rt, c, now, restartPolicy);
      case 'terminated': {
        const restart = restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && c.exitCode !== 0);
        if (!restart) return Infinity;
        c.backoff = c.backoff ? Math.min(c.backoff * 2, 300) : 10;
        c.phase = 'crashBackoff';
        c.nextAt = now + this.ms(c.backoff);
        c.reason = 'CrashLoopBackOff';
        c.message = `back-off ${fmtDuration(c.backoff)} restarting failed container=${c.name} pod=${rt.name}_${rt.ns}(${rt.uid})`;
        this.events.record(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${rt.name}_${rt.ns}(${rt.uid})`, 'kubelet', this.fieldPath(c));
        return c.nextAt;
      }
    }
  }

  private pull(pod: Obj, c: Ctr, now: number): void {
    c.phase = 'pulling';
    c.reason = 'ContainerCreating';
    c.message = undefined;
    const image: string = c.spec.image;
    this.events.record(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, 'kubelet', this.fieldPath(c));
    const started = Date.now();
    const done = (r: PullResult) => {
      if (c.phase !== 'pulling') return;
      this.dirty.add(pod.metadata.uid);
      if (r.ok) {
        this.images.set(image, r.info);
        c.info = r.info;
        const took = ((Date.now() - started) / 1000).toFixed(3);
        this.events.record(pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took}s (${took}s including waiting). Image size: ${r.info.size} bytes.`, 'kubelet', this.fieldPath(c));
        c.phase = 'configError';
        c.nextAt = 0;
      } else {
        c.phase = 'pullError';
        c.reason = 'ErrImagePull';
        c.message = r.message;
        this.events.record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${r.message}`, 'kubelet', this.fieldPath(c));
        this.events.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', 'kubelet', this.fieldPath(c));
        c.nextAt = Date.now() + this.ms(1);
      }
      this.onAsync?.();
    };
    if (this.opts.imagePolicy === 'assume-present') { queueMicrotask(() => done({ ok: true, info: { digest: 'sha256:' + '0'.repeat(64), size: 0 } })); return; }
    const ref = parseImage(image);
    const secrets = ((pod.spec.imagePullSecrets ?? []) as Obj[]).map((s) => this.cluster.store.peek('/secrets', pod.metadata.namespace, s.name)).filter((s): s is Obj => !!s);
    const creds = credentialsFromSecrets(ref.registry, secrets);
    void now;
    this.puller.pull(image, creds).then(done, (e) => done({ ok: false, code: 'Unknown', message: String(e) }));
  }

  /** Called when an async pull finishes so the owner can run another pass. */
  onAsync?: () => void;

  private env(pod: Obj, rt: PodRt, c: Ctr): Map<string, string> | string {
    const env = new Map<string, string>();
    env.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    for (const e of c.info?.env ?? []) { const i = e.indexOf('='); if (i > 0) env.set(e.slice(0, i), e.slice(i + 1)); }
    env.set('HOSTNAME', pod.spec.hostname ?? rt.name);
    env.set('KUBERNETES_SERVICE_HOST', '10.96.0.1');
    env.set('KUBERNETES_SERVICE_PORT', '443');
    const ns = rt.ns;
    const cm = (name: string) => this.cluster.store.peek('/configmaps', ns, name);
    const sec = (name: string) => this.cluster.store.peek('/secrets', ns, name);
    for (const ef of (c.spec.envFrom ?? []) as Obj[]) {
      const prefix = ef.prefix ?? '';
      if (ef.configMapRef) {
        const o = cm(ef.configMapRef.name);
        if (!o) { if (ef.configMapRef.optional) continue; return `configmap "${ef.configMapRef.name}" not found`; }
        for (const [k, v] of Object.entries(o.data ?? {})) env.set(prefix + k, String(v));
      }
      if (ef.secretRef) {
        const o = sec(ef.secretRef.name);
        if (!o) { if (ef.secretRef.optional) continue; return `secret "${ef.secretRef.name}" not found`; }
        for (const [k, v] of Object.entries(o.data ?? {})) env.set(prefix + k, Buffer.from(String(v), 'base64').toString('utf8'));
      }
    }
    for (const e of (c.spec.env ?? []) as Obj[]) {
      if (e.value !== undefined) { env.set(e.name, expandK8s(String(e.value), env)); continue; }
      const vf = e.valueFrom;
      if (!vf) { env.set(e.name, ''); continue; }
      if (vf.configMapKeyRef) {
        const r = vf.configMapKeyRef, o = cm(r.name);
        if (!o) { if (r.optional) continue; return `configmap "${r.name}" not found`; }
        if (o.data?.[r.key] === undefined) { if (r.optional) continue; return `couldn't find key ${r.key} in ConfigMap ${ns}/${r.name}`; }
        env.set(e.name, o.data[r.key]);
      } else if (vf.secretKeyRef) {
        const r = vf.secretKeyRef, o = sec(r.name);
        if (!o) { if (r.optional) continue; return `secret "${r.name}" not found`; }
        if (o.data?.[r.key] === undefined) { if (r.optional) continue; return `couldn't find key ${r.key} in Secret ${ns}/${r.name}`; }
        env.set(e.name, Buffer.from(o.data[r.key], 'base64').toString('utf8'));
      } else if (vf.fieldRef) {
        const p: string = vf.fieldRef.fieldPath;
        const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(p);
        const v = m ? pod.metadata[m[1]!]?.[m[2]!] : ({ 'metadata.name': rt.name, 'metadata.namespace': ns, 'metadata.uid': rt.uid, 'spec.nodeName': this.opts.node, 'spec.serviceAccountName': pod.spec.serviceAccountName, 'status.podIP': rt.ip, 'status.hostIP': '172.18.0.2' } as Record<string, string>)[p];
        env.set(e.name, v ?? '');
      } else env.set(e.name, '');
    }
    return env;
  }

  private start(pod: Obj, rt: PodRt, c: Ctr, now: number): number {
    const env = this.env(pod, rt, c);
    if (typeof env === 'string') {
      if (c.reason !== 'CreateContainerConfigError' || c.message !== env) this.events.record(pod, 'Warning', 'Failed', `Error: ${env}`, 'kubelet', this.fieldPath(c));
      c.phase = 'configError';
      c.reason = 'CreateContainerConfigError';
      c.message = env;
      c.nextAt = now + this.ms(2);
      return c.nextAt;
    }
    const command: string[] | undefined = c.spec.command ?? c.info?.entrypoint;
    const args: string[] = c.spec.args ?? (c.spec.command ? [] : c.info?.cmd ?? []);
    const argv = [...(command ?? []), ...args].map((a) => expandK8s(String(a), env));
    if (c.startedAt) { c.prevLogs = c.logs; c.logs = []; c.restartCount++; }
    const ctx: ShellCtx = {
      env, files: c.ctx?.files ?? new Map(), listening: false, trapsTerm: false,
      out: (line) => this.log(c, line),
    };
    c.ctx = ctx;
    c.gen = runProgram(argv, ctx);
    c.phase = 'running';
    c.reason = undefined;
    c.message = undefined;
    c.startedAt = nowIso();
    c.startedMs = now;
    c.ready = false;
    c.containerID = `containerd://${randomBytes(32).toString('hex')}`;
    c.imageID = c.info?.digest ? `${parseImage(c.spec.image).normalized.replace(/[:@][^/]*$/, '')}@${c.info.digest}` : '';
    const probeInit = (p: Obj | undefined): Probe | undefined => p ? { next: now + this.ms(p.initialDelaySeconds ?? 0), ok: 0, fail: 0, passed: false } : undefined;
    c.readiness = probeInit(c.spec.readinessProbe);
    c.liveness = probeInit(c.spec.livenessProbe);
    c.startup = probeInit(c.spec.startupProbe);
    c.nextAt = now;
    this.events.record(pod, 'Normal', 'Created', `Created container ${c.name}`, 'kubelet', this.fieldPath(c));
    this.events.record(pod, 'Normal', 'Started', `Started container ${c.name}`, 'kubelet', this.fieldPath(c));
    return this.advance(pod, rt, c, now, pod.spec.restartPolicy ?? 'Always');
  }

  private advance(pod: Obj, rt: PodRt, c: Ctr, now: number, restartPolicy: string): number {
    let due = Infinity;
    while (c.phase === 'running' && now >= c.nextAt) {
      const r = c.gen!.next();
      if (r.done) { this.stop(c, r.value, r.value === 0 ? 'Completed' : 'Error', pod); return this.step(pod, rt, c, now, restartPolicy); }
      c.nextAt = r.value.sleep === Infinity ? Infinity : c.nextAt + this.ms(r.value.sleep);
      if (c.nextAt < now) c.nextAt = now;
      if (r.value.sleep > 0 && c.nextAt > now) break;
    }
    due = Math.min(due, c.nextAt);
    if (c.phase !== 'running' || (c.init && c.spec.restartPolicy !== 'Always')) return due;
    // probes
    const period = (p: Obj) => this.ms(p.periodSeconds ?? 10);
    if (c.startup && !c.startup.passed) {
      const p = c.spec.startupProbe;
      if (now >= c.startup.next) {
        const r = this.probe(c, p, rt);
        c.startup.next = now + period(p);
        if (r.ok) c.startup.passed = true;
        else if (++c.startup.fail >= (p.failureThreshold ?? 3)) {
          this.events.record(pod, 'Warning', 'Unhealthy', `Startup probe failed: ${r.message}`, 'kubelet', this.fieldPath(c));
          this.events.record(pod, 'Normal', 'Killing', `Container ${c.name} failed startup probe, will be restarted`, 'kubelet', this.fieldPath(c));
          this.stop(c, 137, 'Error', pod);
          return this.step(pod, rt, c, now, restartPolicy);
        }
      }
      return Math.min(due, c.startup.next);
    }
    if (c.liveness) {
      const p = c.spec.livenessProbe;
      if (now >= c.liveness.next) {
        const r = this.probe(c, p, rt);
        c.liveness.next = now + period(p);
        if (r.ok) c.liveness.fail = 0;
        else {
          this.events.record(pod, 'Warning', 'Unhealthy', `Liveness probe failed: ${r.message}`, 'kubelet', this.fieldPath(c));
          if (++c.liveness.fail >= (p.failureThreshold ?? 3)) {
            this.events.record(pod, 'Normal', 'Killing', `Container ${c.name} failed liveness probe, will be restarted`, 'kubelet', this.fieldPath(c));
            this.stop(c, 137, 'Error', pod);
            return this.step(pod, rt, c, now, restartPolicy);
          }
        }
      }
      due = Math.min(due, c.liveness.next);
    }
    if (c.readiness) {
      const p = c.spec.readinessProbe;
      if (now >= c.readiness.next) {
        const r = this.probe(c, p, rt);
        c.readiness.next = now + period(p);
        if (r.ok) { c.readiness.fail = 0; if (++c.readiness.ok >= (p.successThreshold ?? 1)) c.ready = true; }
        else {
          c.readiness.ok = 0;
          this.events.record(pod, 'Warning', 'Unhealthy', `Readiness probe failed: ${r.message}`, 'kubelet', this.fieldPath(c));
          if (++c.readiness.fail >= (p.failureThreshold ?? 3)) c.ready = false;
        }
      }
      due = Math.min(due, c.readiness.next);
    } else {
      const delay = Number(pod.metadata.annotations?.[READY_AFTER_ANNOTATION] ?? this.opts.readyDelaySeconds);
      const at = c.startedMs! + this.ms(delay);
      if (now >= at) c.ready = true;
      else due = Math.min(due, at);
    }
    return due;
  }

  private probe(c: Ctr, p: Obj, rt: PodRt): { ok: boolean; message: string } {
    if (p.exec) {
      const r = runSync((p.exec.command ?? []) as string[], c.ctx!);
      if (r.code === -1) return { ok: false, message: `command timed out` };
      return { ok: r.code === 0, message: r.output.join('\n') };
    }
    const port = p.httpGet?.port ?? p.tcpSocket?.port ?? p.grpc?.port;
    const portNum = typeof port === 'number' ? port : ((c.spec.ports ?? []) as Obj[]).find((x) => x.name === port)?.containerPort ?? port;
    if (c.ctx?.listening) return { ok: true, message: '' };
    if (p.httpGet) return { ok: false, message: `Get "${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${rt.ip}:${portNum}${p.httpGet.path ?? '/'}": dial tcp ${rt.ip}:${portNum}: connect: connection refused` };
    if (p.tcpSocket) return { ok: false, message: `dial tcp ${rt.ip}:${portNum}: connect: connection refused` };
    return { ok: false, message: `timeout: failed to connect service "${rt.ip}:${portNum}" within 1s: context deadline exceeded` };
  }

  private stop(c: Ctr, code: number, reason: string, pod: Obj): void {
    void pod;
    c.phase = 'terminated';
    c.exitCode = code;
    c.termReason = reason;
    c.finishedAt = nowIso();
    c.ready = false;
    c.gen = undefined;
    c.last = { terminated: { exitCode: code, reason, startedAt: c.startedAt, finishedAt: c.finishedAt, containerID: c.containerID } };
    this.endFollowers(c);
  }

  private log(c: Ctr, text: string): void {
    const line = { ts: new Date().toISOString().replace('Z', '000000Z').replace(/(\.\d{9})\d*Z$/, '$1Z'), text };
    c.logs.push(line);
    if (c.logs.length > 10000) c.logs.splice(0, 5000);
    for (const f of c.followers) f.write((f.ts ? line.ts + ' ' : '') + text + '\n');
  }

  private endFollowers(c: Ctr): void {
    for (const f of [...c.followers]) f.end();
    c.followers.clear();
  }

  // --- status ------------------------------------------------------------------

  private ctrStatus(c: Ctr): Obj {
    let state: Obj;
    if (c.phase === 'running') state = { running: { startedAt: c.startedAt } };
    else if (c.phase === 'terminated') state = { terminated: { exitCode: c.exitCode, reason: c.termReason, startedAt: c.startedAt, finishedAt: c.finishedAt, containerID: c.containerID } };
    else state = { waiting: { reason: c.reason ?? (c.init ? 'PodInitializing' : 'ContainerCreating'), ...(c.message ? { message: c.message } : {}) } };
    const image = parseImage(c.spec.image).normalized;
    const s: Obj = {
      name: c.name, state,
      lastState: c.restartCount > 0 || (c.phase === 'crashBackoff' && c.last) ? c.last ?? {} : {},
      ready: c.ready, restartCount: c.restartCount, image, imageID: c.imageID ?? '',
      ...(c.containerID ? { containerID: c.containerID } : {}),
      started: c.phase === 'running' && (!c.startup || c.startup.passed),
    };
    if (c.phase === 'crashBackoff' && c.last) s.lastState = c.last;
    return s;
  }

  private writeStatus(pod: Obj, rt: PodRt, now: number, restartPolicy: string): void {
    void now;
    const inits = rt.ctrs.filter((c) => c.init), mains = rt.ctrs.filter((c) => !c.init);
    const sidecars = inits.filter((c) => c.spec.restartPolicy === 'Always');
    const initialized = !!rt.initializedAt || inits.every((c) => c.spec.restartPolicy === 'Always' ? c.phase === 'running' : c.phase === 'terminated' && c.exitCode === 0);
    const allReady = initialized && mains.every((c) => c.ready) && sidecars.every((c) => c.ready || c.phase === 'terminated');
    let phase = 'Pending';
    const anyStarted = mains.some((c) => c.startedAt);
    if (initialized && anyStarted) {
      const terminated = mains.every((c) => c.phase === 'terminated');
      if (terminated && restartPolicy !== 'Always' && (restartPolicy === 'Never' || mains.every((c) => c.exitCode === 0))) {
        phase = mains.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed';
      } else phase = 'Running';
    }
    if (!initialized && restartPolicy === 'Never' && inits.some((c) => c.phase === 'terminated' && c.exitCode !== 0)) phase = 'Failed';
    if (phase === 'Succeeded' || phase === 'Failed') rt.done = true;
    if (allReady !== rt.ready) { rt.ready = allReady; rt.readyChangedAt = nowIso(); }
    const terminal = phase === 'Succeeded' || phase === 'Failed';
    const cond = (type: string, ok: boolean, at: string, reason?: string): Obj => ({ type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at, ...(ok || !reason ? {} : { reason }) });
    const conditions = [
      cond('PodReadyToStartContainers', !terminal || true, rt.scheduledAt),
      cond('Initialized', initialized, rt.initializedAt ?? rt.scheduledAt, 'ContainersNotInitialized'),
      cond('Ready', allReady, rt.readyChangedAt, terminal ? 'PodCompleted' : 'ContainersNotReady'),
      cond('ContainersReady', allReady, rt.readyChangedAt, terminal ? 'PodCompleted' : 'ContainersNotReady'),
      cond('PodScheduled', true, rt.scheduledAt),
    ];
    const notReady = mains.filter((c) => !c.ready).map((c) => c.name);
    if (!allReady) {
      const msg = terminal ? undefined : `containers with unready status: [${notReady.join(' ')}]`;
      for (const c of conditions) if ((c.type === 'Ready' || c.type === 'ContainersReady') && msg) c.message = msg;
      if (!initialized) conditions[1]!.message = `containers with incomplete status: [${inits.filter((c) => !(c.phase === 'terminated' && c.exitCode === 0) && !(c.spec.restartPolicy === 'Always' && c.phase === 'running')).map((c) => c.name).join(' ')}]`;
    }
    const status: Obj = {
      phase, conditions,
      hostIP: '172.18.0.2', hostIPs: [{ ip: '172.18.0.2' }],
      podIP: rt.ip, podIPs: [{ ip: rt.ip }],
      startTime: rt.startTime,
      ...(inits.length ? { initContainerStatuses: inits.map((c) => this.ctrStatus(c)) } : {}),
      containerStatuses: mains.map((c) => this.ctrStatus(c)),
      qosClass: pod.status?.qosClass ?? 'BestEffort',
    };
    if (JSON.stringify(sortKeys(normalize(status, true))) === JSON.stringify(sortKeys(pod.status))) return;
    try {
      const cur = this.cluster.store.get(this.cluster.key(this.podT), rt.ns, rt.name);
      if (!cur || cur.metadata.uid !== rt.uid) return;
      this.cluster.update(this.podT, rt.ns, rt.name, { ...cur, status }, { subresource: 'status', fieldManager: 'kubelet' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  // --- logs ---------------------------------------------------------------------

  read(req: LogRequest): ReturnType<LogProvider['read']> {
    const rt = this.pods.get(req.pod.metadata.uid);
    const c = rt?.ctrs.find((x) => x.name === req.container);
    const podName = req.pod.metadata.name;
    if (!c || (!c.startedAt)) {
      const reason = c?.phase === 'pullError' || c?.phase === 'pullBackoff' ? 'trying and failing to pull image' : c?.reason ?? 'ContainerCreating';
      if (c?.phase === 'pullBackoff' && false) void 0;
      throw errors.badRequest(`container "${req.container}" in pod "${podName}" is waiting to start: ${c?.phase === 'pullBackoff' ? 'image can\'t be pulled' : reason}`);
    }
    if (req.previous && !c.prevLogs) throw errors.badRequest(`previous terminated container "${req.container}" in pod "${podName}" not found`);
    let lines = req.previous ? c.prevLogs! : c.logs;
    if (req.sinceSeconds !== undefined) { const since = Date.now() - req.sinceSeconds * 1000; lines = lines.filter((l) => Date.parse(l.ts) >= since); }
    if (req.tailLines !== undefined && req.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - req.tailLines));
    let text = lines.map((l) => (req.timestamps ? `${l.ts} ` : '') + l.text + '\n').join('');
    if (req.limitBytes !== undefined) text = text.slice(0, req.limitBytes);
    if (!req.follow || req.previous || c.phase !== 'running') return { text };
    return {
      text,
      follow: (write, end) => {
        const f = { write, end, ts: req.timestamps };
        c.followers.add(f);
        return () => c.followers.delete(f);
      },
    };
  }
}

function expandK8s(s: string, env: Map<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name) => (m === '$$' ? '$' : env.has(name) ? env.get(name)! : m));
}

function fmtDuration(sec: number): string {
  if (sec < 60) return `${sec}s`;
  const m = Math.floor(sec / 60), s = sec % 60;
  return `${m}m${s}s`;
}

export { parseDuration };

/** A Kubernetes quantity (cpu cores or bytes) as a number. */
export function quantity(q: string | number): number {
  if (typeof q === 'number') return q;
  const m = /^([0-9.]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(String(q).trim());
  if (!m) return 0;
  const mult: Record<string, number> = { '': 1, m: 0.001, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6 };
  return Number(m[1]) * mult[m[2] ?? '']!;
}
