// kube-sim: a strict Kubernetes API simulator for tests (see README.md, DIFFERENCES.md).
// Starts an API server (HTTPS with client certs by default) backed by an in-memory store,
// controllers and one simulated node, and writes a kubeconfig for client-node and kubectl.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { issueClientCert, makePki, type Pki } from './certs.js';
import { Cluster } from './cluster.js';
import { Controllers } from './controllers.js';
import { EventRecorder } from './events.js';
import { Kubelet } from './kubelet.js';
import type { Obj, ResourceType } from './resources.js';
import { ApiServer, type DenyRule, type FaultRule, type RequestRecord, type User } from './server.js';

export type { Obj, ResourceType } from './resources.js';
export type { DenyRule, FaultRule, RequestRecord, User } from './server.js';
export { ApiError } from './errors.js';

export interface KubeSimOptions {
  /** Port to listen on (0 = any free port). */
  port?: number;
  /** 'cert' (client certificate, default), 'token' (bearer token) or 'none' (plain HTTP, anonymous). */
  auth?: 'cert' | 'token' | 'none';
  /** Serve HTTPS (default true unless auth is 'none'). */
  tls?: boolean;
  /** Where to write the kubeconfig (default: a temp dir). */
  kubeconfigPath?: string;
  /** Default namespace in the kubeconfig context. */
  namespace?: string;
  /** Simulated seconds per real second for controllers and the kubelet (default 20). */
  speed?: number;
  /** Seconds (simulated) a started container without readiness probe needs to become ready (default 0). */
  readyDelaySeconds?: number;
  /** Check images against their registry (default) or treat every image as present. */
  imagePolicy?: 'registry' | 'assume-present';
  /** Registries reached over plain HTTP (default: 127.0.0.1:*, localhost:*). */
  insecureRegistries?: string[];
  /** Watch history kept for resourceVersion resumption (default 5000 events). */
  historyLimit?: number;
  /** Interval of BOOKMARK events on watches that allow them (default 1000 ms). */
  bookmarkIntervalMs?: number;
  /** Extra bearer tokens: token -> user. */
  tokens?: Record<string, User>;
}

export interface Faults {
  /** Fail or delay matching requests. Returns an id for remove(). */
  add(rule: FaultRule): number;
  remove(id: number): void;
  clear(): void;
  /** End every open watch stream (hard = reset the TCP connection). Returns how many were open. */
  dropWatches(hard?: boolean): number;
  /** Forget watch history: every resourceVersion before now gets 410 Gone. */
  compactHistory(): void;
}

export interface Rbac {
  /** Forbid requests matching the rule (403 with the API server's message). */
  deny(rule: DenyRule): void;
  clear(): void;
}

export interface KubeSim {
  url: string;
  port: number;
  kubeconfigPath: string;
  kubeconfig: string;
  /** PEM of the cluster CA (empty for plain HTTP). */
  caCert: string;
  /** The admin user's bearer token (valid in every auth mode). */
  token: string;
  stop(): Promise<void>;
  /** Stops and restarts the API server on the same port, keeping all objects (and watch history unless compact). */
  restart(opts?: { compact?: boolean; downMs?: number }): Promise<void>;
  faults: Faults;
  rbac: Rbac;
  /** Direct state access for assertions (bypasses auth, faults and admission except validation). */
  state: StateAccess;
  requests: RequestRecord[];
  /** Number of watch streams currently open. */
  openWatches(): number;
  /** A kubeconfig (YAML) for another user: a client certificate (tls) or a new token. */
  kubeconfigFor(user: string, groups?: string[]): string;
  /** Resolves when fn returns a truthy value (polling the in-memory state), rejects after timeoutMs. */
  waitFor<T>(fn: () => T | undefined | false | null, timeoutMs?: number): Promise<T>;
}

export interface StateAccess {
  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): Obj | undefined;
  list(apiVersion: string, kind: string, namespace?: string): Obj[];
  /** Create or replace an object as an admin client would (validation and defaulting apply). */
  put(obj: Obj): Obj;
  delete(apiVersion: string, kind: string, namespace: string | undefined, name: string, propagationPolicy?: string): void;
  events(namespace?: string): Obj[];
  /** Container log lines of a pod. */
  logs(namespace: string, pod: string, container?: string): string;
  resourceVersion(): number;
  cluster: Cluster;
}

const ADMIN = 'kube-sim-admin';

export async function startKubeSim(opts: KubeSimOptions = {}): Promise<KubeSim> {
  const auth = opts.auth ?? 'cert';
  const tls = opts.tls ?? auth !== 'none';
  const speed = opts.speed ?? 20;
  const node = 'kube-sim-node';
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-'));
  const pki: Pki | undefined = tls ? makePki(dir) : undefined;
  const adminToken = `kube-sim-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const tokens = new Map<string, User>([[adminToken, { name: ADMIN, groups: ['system:masters', 'system:authenticated'] }]]);
  for (const [k, v] of Object.entries(opts.tokens ?? {})) tokens.set(k, v);

  const cluster = new Cluster({ historyLimit: opts.historyLimit });
  const events = new EventRecorder(cluster, node);
  const insecure = opts.insecureRegistries ?? [];
  const kubelet = new Kubelet(cluster, events, {
    node, speed,
    readyDelaySeconds: opts.readyDelaySeconds ?? 0,
    imagePolicy: opts.imagePolicy ?? 'registry',
    insecureRegistry: (host) => insecure.includes(host) || /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host),
  });
  const controllers = new Controllers(cluster, events, { speed, node });
  controllers.caCert = pki?.caCert ?? '';
  bootstrap(cluster, node);

  const server = new ApiServer(cluster, {
    tls, pki, tokens, anonymous: auth === 'none',
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 1000,
    version: { major: '1', minor: '32', gitVersion: 'v1.32.4', gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335', gitTreeState: 'clean', buildDate: '2025-04-22T16:02:27Z', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64' },
  });
  server.logs = kubelet;
  const port = await server.listen(opts.port ?? 0);
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  // The reconcile loop: controllers run after every store change (debounced) and when a
  // time-based check is due; the kubelet runs on its own timers (sleeps, probes, back-offs).
  let timer: NodeJS.Timeout | undefined;
  let nextAt = Infinity;
  let running = false;
  let stopped = false;
  let again = false;
  let dirty = true;
  let ctrlDue = 0;
  let lastFull = 0;
  const schedule = (at: number) => {
    if (stopped) return;
    if (timer && at >= nextAt) return;
    if (timer) clearTimeout(timer);
    nextAt = at;
    timer = setTimeout(loop, Math.max(0, Math.min(at - Date.now(), 2_000_000_000)));
  };
  const loop = () => {
    timer = undefined;
    nextAt = Infinity;
    if (stopped) return;
    if (running) { again = true; return; }
    running = true;
    let kubeletDue = Infinity;
    try {
      for (let i = 0; i < 5; i++) {
        const rv = cluster.store.rv;
        const now = Date.now();
        // a full pass at least once a second catches time-based conditions nobody scheduled
        if (dirty || now >= ctrlDue || now - lastFull >= 1000) {
          dirty = false;
          lastFull = now;
          ctrlDue = controllers.pass(now);
        }
        kubeletDue = kubelet.tick(Date.now());
        if (cluster.store.rv === rv) break;
      }
    } catch (e) {
      process.stderr.write(`kube-sim: controller error: ${(e as Error).stack}\n`);
    } finally {
      running = false;
    }
    let due = Math.min(ctrlDue, kubeletDue, lastFull + 1000);
    if (again || dirty) { again = false; due = Date.now() + 1; }
    schedule(Math.max(due, Date.now() + 1));
  };
  cluster.store.subscribe(() => { dirty = true; schedule(Date.now() + 2); });
  kubelet.onAsync = () => schedule(Date.now());
  schedule(Date.now());

  const kcUser = (name: string, groups: string[]): Obj => {
    if (tls && auth === 'cert') {
      const c = issueClientCert(pki!, name, groups);
      return { 'client-certificate-data': Buffer.from(c.cert).toString('base64'), 'client-key-data': Buffer.from(c.key).toString('base64') };
    }
    if (auth === 'none') return {};
    const tok = name === ADMIN ? adminToken : `kube-sim-${name}-${Math.random().toString(36).slice(2)}`;
    tokens.set(tok, { name, groups: [...groups, 'system:authenticated'] });
    return { token: tok };
  };
  const kubeconfigFor = (user: string, groups: string[] = []): string => {
    const cluster: Obj = { server: url };
    if (tls) cluster['certificate-authority-data'] = Buffer.from(pki!.caCert).toString('base64');
    return toYaml({
      apiVersion: 'v1', kind: 'Config',
      clusters: [{ name: 'kube-sim', cluster }],
      users: [{ name: user, user: kcUser(user, groups) }],
      contexts: [{ name: 'kube-sim', context: { cluster: 'kube-sim', user, namespace: opts.namespace ?? 'default' } }],
      'current-context': 'kube-sim',
      preferences: {},
    });
  };
  const kubeconfig = kubeconfigFor(ADMIN, ['system:masters']);
  const kubeconfigPath = opts.kubeconfigPath ?? join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 });

  const typeOf = (apiVersion: string, kind: string): ResourceType => {
    const t = cluster.catalogue.byKind(apiVersion, kind);
    if (!t) throw new Error(`kube-sim: no resource for ${apiVersion} ${kind}`);
    return t;
  };
  const state: StateAccess = {
    cluster,
    get: (av, kind, ns, name) => cluster.tryGet(typeOf(av, kind), ns, name),
    list: (av, kind, ns) => {
      const t = typeOf(av, kind);
      return cluster.store.scan(cluster.key(t), t.namespaced ? ns : undefined).map((o) => cluster.present(t, o));
    },
    put: (obj) => {
      const t = typeOf(obj.apiVersion, obj.kind);
      const cur = cluster.tryGet(t, obj.metadata?.namespace, obj.metadata?.name);
      if (!cur) return cluster.create(t, obj.metadata?.namespace, obj, { fieldManager: 'kube-sim-test' });
      return cluster.update(t, obj.metadata?.namespace, obj.metadata.name, { ...obj, metadata: { ...obj.metadata, resourceVersion: cur.metadata.resourceVersion } }, { fieldManager: 'kube-sim-test' });
    },
    delete: (av, kind, ns, name, propagationPolicy) => { cluster.delete(typeOf(av, kind), ns, name, { propagationPolicy }); },
    events: (ns) => state.list('v1', 'Event', ns),
    logs: (ns, pod, container) => {
      const p = cluster.get(typeOf('v1', 'Pod'), ns, pod);
      return kubelet.read({ namespace: ns, pod: p, container: container ?? p.spec.containers[0].name, follow: false, previous: false, timestamps: false }).text;
    },
    resourceVersion: () => cluster.store.rv,
  };

  const sim: KubeSim = {
    url, port, kubeconfigPath, kubeconfig,
    caCert: pki?.caCert ?? '',
    token: adminToken,
    requests: server.requests,
    openWatches: () => server.openWatches(),
    state,
    kubeconfigFor,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async restart(o = {}) {
      await server.close();
      if (o.compact) cluster.store.compact();
      if (o.downMs) await new Promise((r) => setTimeout(r, o.downMs));
      await server.listen(port);
    },
    faults: {
      add: (rule) => server.addFault(rule),
      remove: (id) => { const i = server.faults.findIndex((f) => f.id === id); if (i >= 0) server.faults.splice(i, 1); },
      clear: () => { server.faults.splice(0); },
      dropWatches: (hard) => server.dropWatches(hard),
      compactHistory: () => cluster.store.compact(),
    },
    rbac: {
      deny: (rule) => { server.deny.push(rule); },
      clear: () => { server.deny.splice(0); },
    },
    waitFor: async <T,>(fn: () => T | undefined | false | null, timeoutMs = 10_000): Promise<T> => {
      const end = Date.now() + timeoutMs;
      while (true) {
        const v = fn();
        if (v) return v as T;
        if (Date.now() > end) throw new Error(`kube-sim: waitFor timed out after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
  return sim;
}

function bootstrap(cluster: Cluster, node: string): void {
  const t = (plural: string, group = '') => cluster.type(group, plural);
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    cluster.create(t('namespaces'), undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, { fieldManager: 'kube-apiserver' });
    cluster.create(t('serviceaccounts'), ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }, { fieldManager: 'kube-controller-manager' });
  }
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const n = cluster.create(t('nodes'), undefined, {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: node, labels: { 'kubernetes.io/hostname': node, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'node-role.kubernetes.io/control-plane': '' } },
    spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] },
  }, { fieldManager: 'kubelet' });
  cluster.update(t('nodes'), undefined, node, {
    ...n,
    status: {
      capacity: { cpu: '8', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      allocatable: { cpu: '8', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: node }],
      nodeInfo: { kubeletVersion: 'v1.32.4', containerRuntimeVersion: 'containerd://1.7.24', operatingSystem: 'linux', architecture: 'amd64', osImage: 'kube-sim', kernelVersion: '6.1.0', kubeProxyVersion: 'v1.32.4', machineID: '', systemUUID: '', bootID: '' },
    },
  }, { subresource: 'status', fieldManager: 'kubelet' });
  cluster.create(t('storageclasses', 'storage.k8s.io'), undefined, {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate',
  }, { fieldManager: 'kube-apiserver' });
  cluster.create(t('services'), 'default', {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
  }, { fieldManager: 'kube-apiserver' });
}
