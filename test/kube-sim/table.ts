// Server-side printing (meta.k8s.io/v1 Table) for `kubectl get`, with the columns of the
// API server's printers for the kinds tests look at; other kinds get NAME + AGE.
import type { Obj, ResourceType } from './resources.js';

interface Col { name: string; type: string; format?: string; description: string; priority: number; cell: (o: Obj) => unknown }

function age(o: Obj): string {
  const ts = o.metadata?.creationTimestamp;
  if (!ts) return '<unknown>';
  const s = Math.max(0, Math.floor((Date.now() - Date.parse(ts)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  return `${Math.floor(m / 60)}h`;
}

const nameCol: Col = { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0, cell: (o) => o.metadata?.name };
const ageCol: Col = { name: 'Age', type: 'string', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0, cell: age };

export function podStatusReason(p: Obj): string {
  let reason: string = p.status?.reason ?? p.status?.phase ?? 'Unknown';
  const init = (p.status?.initContainerStatuses ?? []) as Obj[];
  for (let i = 0; i < init.length; i++) {
    const c = init[i]!;
    if (c.state?.terminated?.exitCode === 0) continue;
    if (c.started && c.state?.running && ((p.spec?.initContainers ?? []) as Obj[])[i]?.restartPolicy === 'Always') continue;
    if (c.state?.terminated) return c.state.terminated.reason ? `Init:${c.state.terminated.reason}` : `Init:ExitCode:${c.state.terminated.exitCode}`;
    if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') return `Init:${c.state.waiting.reason}`;
    return `Init:${i}/${(p.spec?.initContainers ?? []).length}`;
  }
  let hasRunning = false;
  for (const c of [...((p.status?.containerStatuses ?? []) as Obj[])].reverse()) {
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state?.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = 'Running';
  if (p.metadata?.deletionTimestamp) reason = 'Terminating';
  return reason;
}

function since(ts: string | undefined): string {
  return ts ? age({ metadata: { creationTimestamp: ts } }) : '<unknown>';
}

const col = (name: string, cell: (o: Obj) => unknown, priority = 0, type = 'string'): Col => ({ name, type, description: name, priority, cell });

const COLUMNS: Record<string, Col[]> = {
  Event: [
    col('Last Seen', (e) => since(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp)),
    col('Type', (e) => e.type),
    col('Reason', (e) => e.reason),
    col('Object', (e) => `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`),
    col('Subobject', (e) => e.involvedObject?.fieldPath ?? '', 1),
    col('Source', (e) => [e.source?.component, e.source?.host].filter(Boolean).join(', '), 1),
    col('Message', (e) => e.message),
    col('First Seen', (e) => since(e.firstTimestamp), 1),
    col('Count', (e) => e.count ?? 1, 1, 'integer'),
    col('Name', (e) => e.metadata?.name, 1),
  ],
  ReplicaSet: [nameCol, col('Desired', (r) => r.spec?.replicas ?? 0, 0, 'integer'), col('Current', (r) => r.status?.replicas ?? 0, 0, 'integer'), col('Ready', (r) => r.status?.readyReplicas ?? 0, 0, 'integer'), ageCol],
  StatefulSet: [nameCol, col('Ready', (s) => `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`), ageCol],
  DaemonSet: [
    nameCol,
    col('Desired', (d) => d.status?.desiredNumberScheduled ?? 0, 0, 'integer'),
    col('Current', (d) => d.status?.currentNumberScheduled ?? 0, 0, 'integer'),
    col('Ready', (d) => d.status?.numberReady ?? 0, 0, 'integer'),
    col('Up-to-date', (d) => d.status?.updatedNumberScheduled ?? 0, 0, 'integer'),
    col('Available', (d) => d.status?.numberAvailable ?? 0, 0, 'integer'),
    col('Node Selector', (d) => Object.entries(d.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'),
    ageCol,
  ],
  Service: [
    nameCol,
    col('Type', (x) => x.spec?.type),
    col('Cluster-IP', (x) => x.spec?.clusterIP ?? '<none>'),
    col('External-IP', (x) => (x.spec?.type === 'LoadBalancer' ? '<pending>' : x.spec?.type === 'ExternalName' ? x.spec.externalName : (x.spec?.externalIPs ?? []).join(',') || '<none>')),
    col('Port(s)', (x) => ((x.spec?.ports ?? []) as Obj[]).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>'),
    ageCol,
  ],
  ServiceAccount: [nameCol, col('Secrets', (x) => (x.secrets ?? []).length, 0, 'integer'), ageCol],
  PersistentVolumeClaim: [
    nameCol,
    col('Status', (x) => x.status?.phase),
    col('Volume', (x) => x.spec?.volumeName ?? ''),
    col('Capacity', (x) => x.status?.capacity?.storage ?? ''),
    col('Access Modes', (x) => ((x.status?.accessModes ?? []) as string[]).map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' } as Record<string, string>)[m] ?? m).join(',')),
    col('StorageClass', (x) => x.spec?.storageClassName ?? ''),
    ageCol,
  ],
  Node: [nameCol, col('Status', (n) => ((n.status?.conditions ?? []) as Obj[]).find((c) => c.type === 'Ready')?.status === 'True' ? 'Ready' : 'NotReady'), col('Roles', (n) => Object.keys(n.metadata?.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice(24)).join(',') || '<none>'), ageCol, col('Version', (n) => n.status?.nodeInfo?.kubeletVersion ?? '')],

  Pod: [
    nameCol,
    { name: 'Ready', type: 'string', description: 'The aggregate readiness state of this pod for accepting traffic.', priority: 0, cell: (p) => `${((p.status?.containerStatuses ?? []) as Obj[]).filter((c) => c.ready).length}/${(p.spec?.containers ?? []).length}` },
    { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.', priority: 0, cell: podStatusReason },
    { name: 'Restarts', type: 'string', description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.', priority: 0, cell: (p) => String(((p.status?.containerStatuses ?? []) as Obj[]).reduce((n, c) => n + (c.restartCount ?? 0), 0)) },
    ageCol,
  ],
  Deployment: [
    nameCol,
    { name: 'Ready', type: 'string', description: 'Number of the pod with ready state', priority: 0, cell: (d) => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}` },
    { name: 'Up-to-date', type: 'string', description: 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', priority: 0, cell: (d) => d.status?.updatedReplicas ?? 0 },
    { name: 'Available', type: 'string', description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', priority: 0, cell: (d) => d.status?.availableReplicas ?? 0 },
    ageCol,
  ],
  ConfigMap: [nameCol, { name: 'Data', type: 'integer', description: 'Data contains the configuration data.', priority: 0, cell: (c) => Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length }, ageCol],
  Secret: [nameCol, { name: 'Type', type: 'string', description: 'The type of the secret', priority: 0, cell: (s) => s.type }, { name: 'Data', type: 'string', description: 'The number of entries', priority: 0, cell: (s) => Object.keys(s.data ?? {}).length }, ageCol],
  Namespace: [nameCol, { name: 'Status', type: 'string', description: 'The status of the namespace', priority: 0, cell: (n) => n.status?.phase }, ageCol],
  Job: [
    nameCol,
    { name: 'Status', type: 'string', description: 'Status of the job.', priority: 0, cell: (j) => jobStatus(j) },
    { name: 'Completions', type: 'string', description: 'The completion status of the job.', priority: 0, cell: (j) => `${j.status?.succeeded ?? 0}/${j.spec?.completions ?? 1}` },
    { name: 'Duration', type: 'string', description: 'Time required to complete the job.', priority: 0, cell: (j) => j.status?.completionTime && j.status?.startTime ? `${Math.round((Date.parse(j.status.completionTime) - Date.parse(j.status.startTime)) / 1000)}s` : j.status?.startTime ? `${Math.round((Date.now() - Date.parse(j.status.startTime)) / 1000)}s` : '' },
    ageCol,
  ],
};

function jobStatus(j: Obj): string {
  const conds = (j.status?.conditions ?? []) as Obj[];
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Failed')) return 'Failed';
  if (has('Complete')) return 'Complete';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('Suspended')) return 'Suspended';
  return 'Running';
}

export function toTable(t: ResourceType, objs: Obj[], rv: string, include: string, listMeta: Obj = {}): Obj {
  const cols = COLUMNS[t.crd ? '' : t.kind] ?? [nameCol, ageCol];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: rv, ...listMeta },
    columnDefinitions: cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority })),
    rows: objs.map((o) => ({
      cells: cols.map((c) => c.cell(o) ?? ''),
      object: include === 'None' ? undefined : include === 'Metadata'
        ? { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata }
        : o,
    })),
  };
}
