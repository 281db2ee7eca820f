// core/v1 Events as components record them (client-go's event recorder with its correlator:
// repeated events bump count and lastTimestamp). Owns: creating/updating Event objects.
import { randomBytes } from 'node:crypto';
import type { Cluster } from './cluster.js';
import { nowIso } from './cluster.js';
import type { Obj } from './resources.js';

export class EventRecorder {
  private seen = new Map<string, string>();

  constructor(private cluster: Cluster, private node: string) {}

  record(involved: Obj, type: 'Normal' | 'Warning', reason: string, message: string, component: string, fieldPath?: string): void {
    const t = this.cluster.catalogue.byPlural('', 'v1', 'events')!;
    const ns = involved.metadata?.namespace || 'default';
    const key = `${involved.metadata?.uid}|${reason}|${message}|${fieldPath ?? ''}|${component}`;
    const now = nowIso();
    const existing = this.seen.get(key);
    try {
      if (existing) {
        const cur = this.cluster.tryGet(t, ns, existing);
        if (cur) {
          this.cluster.update(t, ns, existing, { ...cur, count: (cur.count ?? 1) + 1, lastTimestamp: now }, { fieldManager: component });
          return;
        }
      }
      const name = `${involved.metadata?.name}.${randomBytes(8).toString('hex')}`;
      const source: Obj = { component };
      if (component === 'kubelet') source.host = this.node;
      const ev: Obj = {
        apiVersion: 'v1', kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: {
          kind: involved.kind, namespace: involved.metadata?.namespace, name: involved.metadata?.name,
          uid: involved.metadata?.uid, apiVersion: involved.apiVersion, resourceVersion: involved.metadata?.resourceVersion,
          ...(fieldPath ? { fieldPath } : {}),
        },
        reason, message, source,
        firstTimestamp: now, lastTimestamp: now, count: 1, type,
        eventTime: null,
        reportingComponent: component, reportingInstance: component === 'kubelet' ? this.node : '',
      };
      this.cluster.create(t, ns, ev, { fieldManager: component });
      this.seen.set(key, name);
    } catch {
      // events are best effort, as in client-go (namespace may be terminating)
    }
  }
}
