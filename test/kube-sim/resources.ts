// The resource catalogue: built-in kinds, kinds served from CustomResourceDefinitions,
// discovery documents and the list-type schema facts that patching and apply need.
// Owns: which group/version/resource exists and how it is named. Must not hold objects.

export type Obj = Record<string, any>;

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  status: boolean;
  scale: boolean;
  /** Served from a CRD: its spec.versions[].schema.openAPIV3Schema for list types. */
  crd?: { name: string; schema?: Obj; storageVersion: string; versions: string[] };
}

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(group: string, version: string, kind: string, plural: string, namespaced: boolean, o: Partial<ResourceType> = {}): ResourceType {
  return {
    group, version, kind, plural, singular: kind.toLowerCase(), namespaced,
    shortNames: [], categories: [], verbs: ALL, status: false, scale: false, ...o,
  };
}

export function builtinResources(): ResourceType[] {
  const st = { status: true };
  return [
    r('', 'v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'], status: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
    r('', 'v1', 'Pod', 'pods', true, { shortNames: ['po'], categories: ['all'], ...st }),
    r('', 'v1', 'Service', 'services', true, { shortNames: ['svc'], categories: ['all'], ...st, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
    r('', 'v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
    r('', 'v1', 'Secret', 'secrets', true),
    r('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
    r('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, { shortNames: ['pvc'], ...st }),
    r('', 'v1', 'PersistentVolume', 'persistentvolumes', false, { shortNames: ['pv'], ...st }),
    r('', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
    r('', 'v1', 'Node', 'nodes', false, { shortNames: ['no'], ...st }),
    r('', 'v1', 'Endpoints', 'endpoints', true, { shortNames: ['ep'] }),
    r('', 'v1', 'ResourceQuota', 'resourcequotas', true, { shortNames: ['quota'], ...st }),
    r('', 'v1', 'LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
    r('apps', 'v1', 'Deployment', 'deployments', true, { shortNames: ['deploy'], categories: ['all'], ...st, scale: true }),
    r('apps', 'v1', 'ReplicaSet', 'replicasets', true, { shortNames: ['rs'], categories: ['all'], ...st, scale: true }),
    r('apps', 'v1', 'StatefulSet', 'statefulsets', true, { shortNames: ['sts'], categories: ['all'], ...st, scale: true }),
    r('apps', 'v1', 'DaemonSet', 'daemonsets', true, { shortNames: ['ds'], categories: ['all'], ...st }),
    r('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
    r('batch', 'v1', 'Job', 'jobs', true, { categories: ['all'], ...st }),
    r('batch', 'v1', 'CronJob', 'cronjobs', true, { shortNames: ['cj'], categories: ['all'], ...st }),
    r('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, { shortNames: ['ing'], ...st }),
    r('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
    r('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, { shortNames: ['netpol'] }),
    r('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
    r('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
    r('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
    r('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
    r('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
    r('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, { shortNames: ['pdb'], ...st }),
    r('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, { shortNames: ['hpa'], categories: ['all'], ...st }),
    r('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { shortNames: ['sc'] }),
    r('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, { verbs: ['create'] }),
    r('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, { shortNames: ['crd', 'crds'], categories: ['api-extensions'], ...st }),
  ];
}

export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function grKey(group: string, plural: string): string {
  return `${group}/${plural}`;
}

export class Catalogue {
  private list: ResourceType[] = builtinResources();

  all(): ResourceType[] {
    return this.list;
  }

  byPlural(group: string, version: string, plural: string): ResourceType | undefined {
    return this.list.find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.list.find((t) => t.group === group && t.version === version && t.kind === kind);
  }

  /** Any served version of a group/resource (used by controllers and the garbage collector). */
  byGroupResource(group: string, plural: string): ResourceType | undefined {
    return this.list.find((t) => t.group === group && t.plural === plural);
  }

  byGroupKind(group: string, kind: string): ResourceType | undefined {
    return this.list.find((t) => t.group === group && t.kind === kind);
  }

  /** Replaces the kinds served from one CRD (called when the CRD becomes Established or goes away). */
  setCrd(crdName: string, types: ResourceType[]): void {
    this.list = this.list.filter((t) => t.crd?.name !== crdName).concat(types);
  }

  groupVersions(): { group: string; versions: string[] }[] {
    const out: { group: string; versions: string[] }[] = [];
    for (const t of this.list) {
      if (!t.group) continue;
      let g = out.find((x) => x.group === t.group);
      if (!g) out.push((g = { group: t.group, versions: [] }));
      if (!g.versions.includes(t.version)) g.versions.push(t.version);
    }
    return out;
  }

  resourceList(group: string, version: string): Obj | undefined {
    const types = this.list.filter((t) => t.group === group && t.version === version);
    if (types.length === 0) return undefined;
    const resources: Obj[] = [];
    for (const t of types) {
      const res: Obj = {
        name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs,
      };
      if (t.shortNames.length) res.shortNames = t.shortNames;
      if (t.categories.length) res.categories = t.categories;
      res.storageVersionHash = hash8(`${t.group}/${t.version}/${t.plural}`);
      resources.push(res);
      if (t.status) resources.push({ name: `${t.plural}/status`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] });
      if (t.scale) resources.push({ name: `${t.plural}/scale`, singularName: '', namespaced: t.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
      if (t.kind === 'Pod') {
        resources.push({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
        resources.push({ name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
      }
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
  }

  apiGroupList(): Obj {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: this.groupVersions().map((g) => this.apiGroup(g.group)!),
    };
  }

  apiGroup(group: string): Obj | undefined {
    const g = this.groupVersions().find((x) => x.group === group);
    if (!g) return undefined;
    const versions = g.versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
    return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions, preferredVersion: versions[0] };
  }
}

function hash8(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return Buffer.from(h.toString(16).padStart(8, '0')).toString('base64').slice(0, 11);
}

// ---------------------------------------------------------------------------
// List types. Server-side apply uses `x-kubernetes-list-type` / `-list-map-keys`;
// strategic merge patch uses `patchStrategy` / `patchMergeKey` of the Go types.

export type ListType = { type: 'atomic' } | { type: 'set' } | { type: 'map'; keys: string[] };

interface ListRule { ssa: ListType; smp?: { key?: string; strategy: 'merge' | 'replace' | 'retainKeys' } }

/** Path suffix (field names, '[]' for list items) -> rule. Matched on the longest suffix. */
const BUILTIN_LISTS: [string, ListRule][] = [
  ['metadata.finalizers', { ssa: { type: 'set' }, smp: { strategy: 'merge' } }],
  ['metadata.ownerReferences', { ssa: { type: 'map', keys: ['uid'] }, smp: { key: 'uid', strategy: 'merge' } }],
  ['metadata.managedFields', { ssa: { type: 'atomic' } }],
  ['containers', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['initContainers', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['ephemeralContainers', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['containers[].env', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['initContainers[].env', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['containers[].ports', { ssa: { type: 'map', keys: ['containerPort', 'protocol'] }, smp: { key: 'containerPort', strategy: 'merge' } }],
  ['initContainers[].ports', { ssa: { type: 'map', keys: ['containerPort', 'protocol'] }, smp: { key: 'containerPort', strategy: 'merge' } }],
  ['containers[].volumeMounts', { ssa: { type: 'map', keys: ['mountPath'] }, smp: { key: 'mountPath', strategy: 'merge' } }],
  ['initContainers[].volumeMounts', { ssa: { type: 'map', keys: ['mountPath'] }, smp: { key: 'mountPath', strategy: 'merge' } }],
  ['containers[].volumeDevices', { ssa: { type: 'map', keys: ['devicePath'] }, smp: { key: 'devicePath', strategy: 'merge' } }],
  ['spec.volumes', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['spec.imagePullSecrets', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['spec.hostAliases', { ssa: { type: 'map', keys: ['ip'] }, smp: { key: 'ip', strategy: 'merge' } }],
  ['spec.topologySpreadConstraints', { ssa: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] }, smp: { key: 'topologyKey', strategy: 'merge' } }],
  ['spec.resourceClaims', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['spec.schedulingGates', { ssa: { type: 'map', keys: ['name'] }, smp: { key: 'name', strategy: 'merge' } }],
  ['status.conditions', { ssa: { type: 'map', keys: ['type'] }, smp: { key: 'type', strategy: 'merge' } }],
  ['status.containerStatuses', { ssa: { type: 'atomic' } }],
  ['spec.finalizers', { ssa: { type: 'atomic' } }],
  // Service ports: listMapKeys port+protocol, strategic key port.
  ['Service:spec.ports', { ssa: { type: 'map', keys: ['port', 'protocol'] }, smp: { key: 'port', strategy: 'merge' } }],
  ['Service:spec.clusterIPs', { ssa: { type: 'atomic' } }],
  ['spec.template.spec.containers[].envFrom', { ssa: { type: 'atomic' } }],
];

/** `kind` is the object's kind, `path` the field names from the root with '[]' after list items. */
export function listRule(t: ResourceType | undefined, path: string[]): ListRule {
  if (t?.crd) return { ssa: crdListType(t.crd.schema, path) };
  const joined = path.join('.').replace(/\.\[\]/g, '[]');
  let best: ListRule | undefined;
  let bestLen = -1;
  for (const [suffix, rule] of BUILTIN_LISTS) {
    let s = suffix;
    if (s.includes(':')) {
      const [k, rest] = s.split(':');
      if (t?.kind !== k) continue;
      if (joined !== rest) continue;
      return rule;
    }
    if ((joined === s || joined.endsWith('.' + s)) && s.length > bestLen) {
      best = rule;
      bestLen = s.length;
    }
  }
  return best ?? { ssa: { type: 'atomic' } };
}

function crdListType(schema: Obj | undefined, path: string[]): ListType {
  let node = schema;
  for (const p of path) {
    if (!node) break;
    if (p === '[]') node = node.items;
    else node = node.properties?.[p] ?? node.additionalProperties;
  }
  if (!node || typeof node !== 'object') return { type: 'atomic' };
  const lt = node['x-kubernetes-list-type'];
  if (lt === 'map') return { type: 'map', keys: node['x-kubernetes-list-map-keys'] ?? [] };
  if (lt === 'set') return { type: 'set' };
  return { type: 'atomic' };
}

/** Is the map at `path` atomic (replaced as a whole by apply)? */
export function isAtomicMap(t: ResourceType | undefined, path: string[]): boolean {
  const j = path.join('.');
  if (!t?.crd) return /(^|\.)selector$/.test(j) && (t?.kind === 'Deployment' || t?.kind === 'ReplicaSet' || t?.kind === 'StatefulSet' || t?.kind === 'DaemonSet' || t?.kind === 'Job');
  let node = t.crd.schema;
  for (const p of path) {
    if (!node) return false;
    node = p === '[]' ? node.items : node.properties?.[p] ?? node.additionalProperties;
  }
  return node?.['x-kubernetes-map-type'] === 'atomic';
}
