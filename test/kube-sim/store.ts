// The object store: one global resourceVersion counter (etcd's revision), objects per
// group/resource, and a bounded history of changes for watches. Owns storage only:
// no defaulting, validation or admission.
import type { Obj } from './resources.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: EventType;
  gr: string;
  obj: Obj;
  prev?: Obj;
}

export type Listener = (ev: StoreEvent) => void;

export function objKey(ns: string | undefined, name: string): string {
  return ns ? `${ns}/${name}` : name;
}

export class Store {
  rv: number;
  private data = new Map<string, Map<string, Obj>>();
  private history: StoreEvent[] = [];
  /** Watches from a resourceVersion older than this get 410 Gone. */
  compactedRv: number;
  private listeners = new Set<Listener>();

  constructor(public historyLimit = 5000, startRv = 1000) {
    this.rv = startRv;
    this.compactedRv = startRv;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private bucket(gr: string): Map<string, Obj> {
    let b = this.data.get(gr);
    if (!b) this.data.set(gr, (b = new Map()));
    return b;
  }

  get(gr: string, ns: string | undefined, name: string): Obj | undefined {
    const o = this.data.get(gr)?.get(objKey(ns, name));
    return o ? structuredClone(o) : undefined;
  }

  /** Live reference for read-only scans by controllers (do not mutate). */
  peek(gr: string, ns: string | undefined, name: string): Obj | undefined {
    return this.data.get(gr)?.get(objKey(ns, name));
  }

  /** Sorted by key like etcd's range read. Returns live references: callers copy before handing out. */
  scan(gr: string, ns?: string): Obj[] {
    const b = this.data.get(gr);
    if (!b) return [];
    const keys = [...b.keys()].filter((k) => ns === undefined || k.startsWith(ns + '/')).sort();
    return keys.map((k) => b.get(k)!);
  }

  groups(): string[] {
    return [...this.data.keys()];
  }

  private emit(ev: StoreEvent): void {
    this.history.push(ev);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.compactedRv = dropped[dropped.length - 1]!.rv;
    }
    for (const l of [...this.listeners]) l(ev);
  }

  put(gr: string, obj: Obj, type: 'ADDED' | 'MODIFIED'): Obj {
    const key = objKey(obj.metadata.namespace, obj.metadata.name);
    const b = this.bucket(gr);
    const prev = b.get(key);
    this.rv++;
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(this.rv);
    b.set(key, stored);
    this.emit({ rv: this.rv, type, gr, obj: structuredClone(stored), ...(prev ? { prev: structuredClone(prev) } : {}) });
    return structuredClone(stored);
  }

  remove(gr: string, ns: string | undefined, name: string): Obj | undefined {
    const b = this.bucket(gr);
    const key = objKey(ns, name);
    const prev = b.get(key);
    if (!prev) return undefined;
    b.delete(key);
    this.rv++;
    const last = structuredClone(prev);
    last.metadata.resourceVersion = String(this.rv);
    this.emit({ rv: this.rv, type: 'DELETED', gr, obj: structuredClone(last), prev: structuredClone(prev) });
    return last;
  }

  /** Changes after `rv` for one group/resource, or 'gone' when history no longer reaches back that far. */
  since(rv: number, gr: string): StoreEvent[] | 'gone' {
    if (rv < this.compactedRv) return 'gone';
    return this.history.filter((e) => e.rv > rv && e.gr === gr);
  }

  /** Forget all history (as after an API server restart with a fresh watch cache). */
  compact(): void {
    this.history = [];
    this.compactedRv = this.rv;
  }
}
