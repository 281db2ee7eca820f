// Defaulting and validation of the fields the deploy engine and kubectl read, per kind,
// following pkg/apis/*/v1/defaults.go and pkg/apis/*/validation. Owns: pure functions
// over one object (and its previous version for immutability). No storage access.
import { field, FieldError } from './errors.js';
import type { Obj, ResourceType } from './resources.js';
import { labelSelectorMatcher } from './selectors.js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QNAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const LABEL_NAMED = new Set(['Namespace', 'Service']);

export function podTemplatePaths(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod': return [];
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Job': return ['spec', 'template'];
    case 'CronJob': return ['spec', 'jobTemplate', 'spec', 'template'];
    default: return undefined;
  }
}

/** Non-pointer structs that Go always serializes (used for managedFields '.' markers). */
export function skeleton(kind: string): Set<string> {
  const s = new Set(['metadata', 'spec', 'status']);
  const tp = podTemplatePaths(kind);
  if (tp && tp.length) {
    const base = tp.join('.');
    s.add(base); s.add(`${base}.metadata`); s.add(`${base}.spec`);
  }
  if (kind === 'Deployment') s.add('spec.strategy');
  if (kind === 'StatefulSet' || kind === 'DaemonSet') s.add('spec.updateStrategy');
  if (kind === 'CronJob') { s.add('spec.jobTemplate'); s.add('spec.jobTemplate.spec'); }
  return s;
}

function defaultPodSpec(spec: Obj, restartDefault = 'Always'): void {
  spec.restartPolicy ??= restartDefault;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const list of ['containers', 'initContainers']) {
    for (const c of (spec[list] ?? []) as Obj[]) {
      if (c.imagePullPolicy === undefined && typeof c.image === 'string') {
        const tagged = /:[^/]+$/.test(c.image.split('@')[0]!) && !c.image.split('@')[0]!.endsWith(':latest');
        c.imagePullPolicy = c.image.includes('@') || tagged ? 'IfNotPresent' : 'Always';
      }
      c.terminationMessagePath ??= '/dev/termination-log';
      c.terminationMessagePolicy ??= 'File';
      c.resources ??= {};
      for (const p of (c.ports ?? []) as Obj[]) p.protocol ??= 'TCP';
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        if (!probe) continue;
        probe.timeoutSeconds ??= 1; probe.periodSeconds ??= 10; probe.successThreshold ??= 1; probe.failureThreshold ??= 3;
        if (probe.httpGet) { probe.httpGet.path ??= '/'; probe.httpGet.scheme ??= 'HTTP'; }
      }
    }
  }
}

function intOrPercentDefault(o: Obj, k: string, v: string | number): void {
  if (o[k] === undefined) o[k] = v;
}

/** Applies the v1 defaults of `kind` in place. `create` distinguishes defaults set only on create. */
export function applyDefaults(t: ResourceType, o: Obj): void {
  o.metadata ??= {};
  const spec = (o.spec ??= t.kind === 'ConfigMap' || t.kind === 'Secret' || t.kind === 'ServiceAccount' || t.kind === 'Event' || t.crd || t.group === 'rbac.authorization.k8s.io' || t.kind === 'Endpoints' || t.kind === 'StorageClass' || t.kind === 'IngressClass' ? undefined : {}) as Obj | undefined;
  if (spec === undefined) delete o.spec;
  switch (t.kind) {
    case 'Pod':
      defaultPodSpec(spec!);
      spec!.serviceAccountName ??= spec!.serviceAccount ?? 'default';
      spec!.serviceAccount ??= spec!.serviceAccountName;
      spec!.enableServiceLinks ??= true;
      spec!.preemptionPolicy ??= 'PreemptLowerPriority';
      spec!.priority ??= 0;
      spec!.tolerations ??= [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ];
      break;
    case 'Deployment':
      spec!.replicas ??= 1;
      spec!.strategy ??= {};
      spec!.strategy.type ??= 'RollingUpdate';
      if (spec!.strategy.type === 'RollingUpdate') {
        spec!.strategy.rollingUpdate ??= {};
        intOrPercentDefault(spec!.strategy.rollingUpdate, 'maxUnavailable', '25%');
        intOrPercentDefault(spec!.strategy.rollingUpdate, 'maxSurge', '25%');
      }
      spec!.revisionHistoryLimit ??= 10;
      spec!.progressDeadlineSeconds ??= 600;
      if (spec!.template?.spec) defaultPodSpec(spec!.template.spec);
      break;
    case 'ReplicaSet':
      spec!.replicas ??= 1;
      if (spec!.template?.spec) defaultPodSpec(spec!.template.spec);
      break;
    case 'StatefulSet':
      spec!.replicas ??= 1;
      spec!.podManagementPolicy ??= 'OrderedReady';
      spec!.updateStrategy ??= { type: 'RollingUpdate' };
      if (spec!.updateStrategy.type === 'RollingUpdate') spec!.updateStrategy.rollingUpdate ??= { partition: 0 };
      spec!.revisionHistoryLimit ??= 10;
      spec!.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      if (spec!.template?.spec) defaultPodSpec(spec!.template.spec);
      for (const pvc of (spec!.volumeClaimTemplates ?? []) as Obj[]) {
        pvc.apiVersion ??= 'v1'; pvc.kind ??= 'PersistentVolumeClaim';
        pvc.spec ??= {}; pvc.spec.volumeMode ??= 'Filesystem';
        pvc.status ??= { phase: 'Pending' };
      }
      break;
    case 'DaemonSet':
      spec!.updateStrategy ??= { type: 'RollingUpdate' };
      if (spec!.updateStrategy.type === 'RollingUpdate') {
        spec!.updateStrategy.rollingUpdate ??= {};
        spec!.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
        spec!.updateStrategy.rollingUpdate.maxSurge ??= 0;
      }
      spec!.revisionHistoryLimit ??= 10;
      if (spec!.template?.spec) defaultPodSpec(spec!.template.spec);
      break;
    case 'Job':
      spec!.parallelism ??= 1;
      spec!.completions ??= spec!.completions === null ? undefined : 1;
      spec!.backoffLimit ??= 6;
      spec!.completionMode ??= 'NonIndexed';
      spec!.suspend ??= false;
      spec!.podReplacementPolicy ??= 'TerminatingOrFailed';
      spec!.manualSelector ??= undefined;
      if (spec!.manualSelector === undefined) delete spec!.manualSelector;
      if (spec!.template?.spec) defaultPodSpec(spec!.template.spec, 'Never');
      break;
    case 'CronJob':
      spec!.concurrencyPolicy ??= 'Allow';
      spec!.suspend ??= false;
      spec!.successfulJobsHistoryLimit ??= 3;
      spec!.failedJobsHistoryLimit ??= 1;
      if (spec!.jobTemplate?.spec) {
        const js = spec!.jobTemplate.spec;
        js.backoffLimit ??= 6; js.completionMode ??= 'NonIndexed'; js.suspend ??= false; js.podReplacementPolicy ??= 'TerminatingOrFailed';
        if (js.template?.spec) defaultPodSpec(js.template.spec, 'Never');
      }
      break;
    case 'Service': {
      spec!.type ??= 'ClusterIP';
      spec!.sessionAffinity ??= 'None';
      for (const p of (spec!.ports ?? []) as Obj[]) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
      }
      if (spec!.type !== 'ExternalName') {
        spec!.internalTrafficPolicy ??= 'Cluster';
        spec!.ipFamilyPolicy ??= 'SingleStack';
        spec!.ipFamilies ??= ['IPv4'];
      }
      if (spec!.type === 'NodePort' || spec!.type === 'LoadBalancer') spec!.externalTrafficPolicy ??= 'Cluster';
      o.status ??= { loadBalancer: {} };
      break;
    }
    case 'Secret':
      o.type ??= 'Opaque';
      if (o.stringData) {
        o.data ??= {};
        for (const [k, v] of Object.entries(o.stringData as Obj)) o.data[k] = Buffer.from(String(v)).toString('base64');
        delete o.stringData;
      }
      break;
    case 'Namespace':
      spec!.finalizers ??= ['kubernetes'];
      o.status ??= {};
      o.status.phase ??= 'Active';
      o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name };
      break;
    case 'PersistentVolumeClaim':
      spec!.volumeMode ??= 'Filesystem';
      spec!.storageClassName ??= 'standard';
      o.status ??= { phase: 'Pending' };
      break;
    case 'Ingress':
      o.status ??= { loadBalancer: {} };
      break;
    case 'CustomResourceDefinition':
      for (const v of (spec!.versions ?? []) as Obj[]) v.served ??= true;
      spec!.conversion ??= { strategy: 'None' };
      break;
    case 'Lease':
    case 'PodDisruptionBudget':
    case 'HorizontalPodAutoscaler':
    case 'NetworkPolicy':
      break;
  }
}

// --- validation -------------------------------------------------------------

export function validateMeta(t: ResourceType, o: Obj, errs: FieldError[]): void {
  const name = o.metadata?.name;
  if (!name) {
    errs.push(field.required('metadata.name', 'name or generateName is required'));
  } else {
    const labelNamed = LABEL_NAMED.has(t.kind) && !t.crd;
    const re = labelNamed ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
    if (!re.test(name) || name.length > (labelNamed ? 63 : 253)) errs.push(field.invalid('metadata.name', name, labelNamed ? LABEL_MSG : SUBDOMAIN_MSG));
  }
  for (const [k, v] of Object.entries((o.metadata?.labels ?? {}) as Obj)) {
    const nm = k.includes('/') ? k.slice(k.indexOf('/') + 1) : k;
    if (!QNAME.test(nm) || nm.length > 63) errs.push(field.invalid('metadata.labels', k, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"));
    if (typeof v !== 'string' || !LABEL_VALUE.test(v) || v.length > 63) errs.push(field.invalid('metadata.labels', v, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
  }
  let annSize = 0;
  for (const [k, v] of Object.entries((o.metadata?.annotations ?? {}) as Obj)) {
    if (typeof v !== 'string') errs.push(field.invalid(`metadata.annotations`, k, 'annotation values must be strings'));
    annSize += k.length + String(v).length;
  }
  if (annSize > 262144) errs.push(new FieldError('FieldValueTooLong', 'metadata.annotations', undefined, 'must have at most 262144 bytes'));
}

function validatePodSpec(spec: Obj | undefined, path: string, errs: FieldError[], allowedRestart?: string[]): void {
  if (!spec) { errs.push(field.required(path)); return; }
  const containers = spec.containers as Obj[] | undefined;
  if (!containers || containers.length === 0) errs.push(field.required(`${path}.containers`));
  const names = new Set<string>();
  for (const [list, items] of [['containers', containers ?? []], ['initContainers', (spec.initContainers ?? []) as Obj[]]] as const) {
    items.forEach((c, i) => {
      const p = `${path}.${list}[${i}]`;
      if (!c.name) errs.push(field.required(`${p}.name`));
      else if (!DNS1123_LABEL.test(c.name)) errs.push(field.invalid(`${p}.name`, c.name, LABEL_MSG));
      else if (names.has(c.name)) errs.push(field.duplicate(`${p}.name`, c.name));
      else names.add(c.name);
      if (!c.image) errs.push(field.required(`${p}.image`));
      if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) errs.push(field.notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
    });
  }
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) errs.push(field.notSupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  else if (allowedRestart && spec.restartPolicy && !allowedRestart.includes(spec.restartPolicy)) errs.push(field.notSupported(`${path}.restartPolicy`, spec.restartPolicy, allowedRestart));
}

function validateSelectorTemplate(o: Obj, errs: FieldError[]): void {
  const sel = o.spec?.selector;
  if (!sel) { errs.push(field.required('spec.selector')); return; }
  if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
    errs.push(field.invalid('spec.selector', sel, 'empty selector is invalid for deployment'));
    return;
  }
  const labels = o.spec?.template?.metadata?.labels ?? {};
  if (!labelSelectorMatcher(sel)(labels)) errs.push(field.invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
}

export function validate(t: ResourceType, o: Obj, old: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  validateMeta(t, o, errs);
  const spec = o.spec;
  switch (t.kind) {
    case 'Pod':
      validatePodSpec(spec, 'spec', errs);
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
      validateSelectorTemplate(o, errs);
      validatePodSpec(spec?.template?.spec, 'spec.template.spec', errs, ['Always']);
      if (typeof spec?.replicas === 'number' && spec.replicas < 0) errs.push(field.invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
      break;
    case 'Job':
      validatePodSpec(spec?.template?.spec, 'spec.template.spec', errs, ['OnFailure', 'Never']);
      if (typeof spec?.backoffLimit === 'number' && spec.backoffLimit < 0) errs.push(field.invalid('spec.backoffLimit', spec.backoffLimit, 'must be greater than or equal to 0'));
      break;
    case 'CronJob':
      if (!spec?.schedule) errs.push(field.required('spec.schedule'));
      validatePodSpec(spec?.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec', errs, ['OnFailure', 'Never']);
      break;
    case 'Service':
      if (spec?.type !== 'ExternalName' && spec?.clusterIP !== 'None' && (!spec?.ports || spec.ports.length === 0)) errs.push(field.required('spec.ports'));
      if (spec?.type && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(spec.type)) errs.push(field.notSupported('spec.type', spec.type, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']));
      ((spec?.ports ?? []) as Obj[]).forEach((p, i) => {
        if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(field.invalid(`spec.ports[${i}].port`, p.port, 'must be between 1 and 65535, inclusive'));
        if ((spec.ports as Obj[]).length > 1 && !p.name) errs.push(field.required(`spec.ports[${i}].name`));
      });
      break;
    case 'Secret': {
      let size = 0;
      for (const [k, v] of Object.entries((o.data ?? {}) as Obj)) {
        if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) errs.push(field.invalid(`data[${k}]`, v, 'illegal base64 data'));
        else size += Buffer.from(v, 'base64').length;
      }
      if (size > 1048576) errs.push(new FieldError('FieldValueTooLong', 'data', undefined, 'must have at most 1048576 bytes'));
      break;
    }
    case 'ConfigMap': {
      let size = 0;
      for (const [k, v] of Object.entries((o.data ?? {}) as Obj)) size += k.length + String(v).length;
      for (const [k, v] of Object.entries((o.binaryData ?? {}) as Obj)) size += k.length + Buffer.from(String(v), 'base64').length;
      if (size > 1048576) errs.push(new FieldError('FieldValueTooLong', '[]', undefined, 'must have at most 1048576 bytes'));
      break;
    }
    case 'CustomResourceDefinition': {
      const g = spec?.group, plural = spec?.names?.plural;
      if (!g) errs.push(field.required('spec.group'));
      if (!plural) errs.push(field.required('spec.names.plural'));
      if (!spec?.names?.kind) errs.push(field.required('spec.names.kind'));
      if (g && plural && o.metadata?.name !== `${plural}.${g}`) errs.push(field.invalid('metadata.name', o.metadata?.name, 'must be spec.names.plural+"."+spec.group'));
      if (!spec?.scope || !['Namespaced', 'Cluster'].includes(spec.scope)) errs.push(field.notSupported('spec.scope', spec?.scope ?? '', ['Cluster', 'Namespaced']));
      const versions = (spec?.versions ?? []) as Obj[];
      if (versions.length === 0) errs.push(field.required('spec.versions', 'must have exactly one version marked as storage version'));
      else if (versions.filter((v) => v.storage).length !== 1) errs.push(field.invalid('spec.versions', versions.map((v) => v.name), 'must have exactly one version marked as storage version'));
      break;
    }
  }
  if (old) errs.push(...validateUpdate(t, o, old));
  return errs;
}

function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}

function validateUpdate(t: ResourceType, o: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const spec = o.spec ?? {}, oldSpec = old.spec ?? {};
  switch (t.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
      if (json(spec.selector) !== json(oldSpec.selector)) errs.push(field.immutable('spec.selector', spec.selector));
      break;
    case 'StatefulSet': {
      const strip = (s: Obj) => { const c = { ...s }; for (const k of ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']) delete c[k]; return c; };
      if (json(strip(spec)) !== json(strip(oldSpec))) errs.push(field.forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
      break;
    }
    case 'Job':
      if (json(spec.selector) !== json(oldSpec.selector)) errs.push(field.immutable('spec.selector', spec.selector));
      if (json(spec.template) !== json(oldSpec.template)) errs.push(field.immutable('spec.template', spec.template));
      if (json(spec.completions) !== json(oldSpec.completions)) errs.push(field.immutable('spec.completions', spec.completions));
      if (json(spec.completionMode) !== json(oldSpec.completionMode)) errs.push(field.immutable('spec.completionMode', spec.completionMode));
      break;
    case 'Service':
      if (oldSpec.clusterIP && spec.clusterIP && spec.clusterIP !== oldSpec.clusterIP) errs.push(field.immutable('spec.clusterIP', spec.clusterIP));
      break;
    case 'ConfigMap':
    case 'Secret':
      if (old.immutable === true) {
        if (json(o.data) !== json(old.data)) errs.push(field.forbidden('data', 'field is immutable when `immutable` is set'));
        if (json(o.binaryData) !== json(old.binaryData) && t.kind === 'ConfigMap') errs.push(field.forbidden('binaryData', 'field is immutable when `immutable` is set'));
        if (o.immutable !== true) errs.push(field.forbidden('immutable', 'field is immutable when `immutable` is set'));
      }
      if (t.kind === 'Secret' && o.type !== old.type) errs.push(field.immutable('type', o.type));
      break;
    case 'Pod': {
      const strip = (s: Obj) => {
        const c = structuredClone(s);
        for (const l of ['containers', 'initContainers']) for (const x of (c[l] ?? []) as Obj[]) delete x.image;
        delete c.activeDeadlineSeconds; delete c.tolerations; delete c.terminationGracePeriodSeconds; delete c.nodeName;
        return c;
      };
      if (json(strip(spec)) !== json(strip(oldSpec))) errs.push(field.forbidden('spec', 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'));
      break;
    }
    case 'PersistentVolumeClaim': {
      const strip = (s: Obj) => { const c = structuredClone(s); delete c.resources; delete c.volumeName; delete c.volumeAttributesClassName; return c; };
      if (json(strip(spec)) !== json(strip(oldSpec))) errs.push(field.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
      break;
    }
    case 'CustomResourceDefinition':
      if (spec.group !== oldSpec.group) errs.push(field.immutable('spec.group', spec.group));
      if (spec.names?.plural !== oldSpec.names?.plural) errs.push(field.immutable('spec.names.plural', spec.names?.plural));
      if (spec.scope !== oldSpec.scope) errs.push(field.immutable('spec.scope', spec.scope));
      break;
  }
  return errs;
}

/** Kinds whose metadata.generation is maintained (spec changes bump it). */
export function tracksGeneration(t: ResourceType): boolean {
  return !!t.crd || ['apps', 'batch', 'networking.k8s.io', 'policy', 'autoscaling', 'apiextensions.k8s.io'].includes(t.group) || t.kind === 'Pod';
}

/** Go's omitempty round trip for built-in types: nulls and empty lists/maps of map-typed fields vanish. */
const MAP_FIELDS = ['labels', 'annotations', 'data', 'binaryData', 'matchLabels', 'nodeSelector', 'stringData', 'selector', 'requests', 'limits', 'capacity', 'allocatable', 'parameters'];

export function normalize(v: unknown, builtin: boolean, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => normalize(x, builtin));
  if (v && typeof v === 'object') {
    const out: Obj = {};
    const isMap = MAP_FIELDS.includes(key);
    for (const [k, x] of Object.entries(v as Obj)) {
      if (x === null || x === undefined) { if (builtin) continue; out[k] = x; continue; }
      // omitempty string fields of Go structs vanish when empty (map entries keep "")
      if (builtin && x === '' && !isMap) continue;
      const n = normalize(x, builtin, k);
      if (builtin && Array.isArray(n) && n.length === 0 && k !== 'finalizers') continue;
      if (builtin && n && typeof n === 'object' && !Array.isArray(n) && Object.keys(n).length === 0 && ['labels', 'annotations', 'data', 'binaryData', 'matchLabels', 'nodeSelector', 'stringData'].includes(k)) continue;
      if (builtin && k === 'finalizers' && Array.isArray(n) && n.length === 0) continue;
      out[k] = n;
    }
    return out;
  }
  return v;
}
