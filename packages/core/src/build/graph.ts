// The image graph: dependency levels (images of a level depend only on
// earlier levels), a bounded-parallel runner, and once-only shared work.
import { WerfActionError } from '../errors/index.js';

/** Groups `nodes` into levels by `deps`; throws on unknown names and cycles. */
export function dependencyLevels(nodes: readonly string[], deps: (name: string) => readonly string[]): string[][] {
  const known = new Set(nodes);
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (n: string, path: string[]): number => {
    const done = level.get(n);
    if (done !== undefined) return done;
    if (visiting.has(n)) {
      throw new WerfActionError(`images depend on each other in a cycle: ${[...path, n].join(' -> ')}`, {
        code: 'build.dependency-cycle', location: { subject: n }, hint: 'remove one of the dependencies',
      });
    }
    visiting.add(n);
    let l = 0;
    for (const d of deps(n)) {
      if (!known.has(d)) {
        throw new WerfActionError(`image "${n}" depends on unknown image "${d}"`, {
          code: 'build.unknown-dependency', location: { subject: n },
        });
      }
      l = Math.max(l, visit(d, [...path, n]) + 1);
    }
    visiting.delete(n);
    level.set(n, l);
    return l;
  };
  for (const n of nodes) visit(n, []);
  const out: string[][] = [];
  for (const n of nodes) {
    const l = level.get(n)!;
    (out[l] ??= []).push(n);
  }
  return out;
}

/** Runs `fn` over `items` with at most `limit` at once; rejects with the first error after all settled. */
export async function runLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let firstError: unknown;
  let failed = false;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (e) {
        if (!failed) {
          failed = true;
          firstError = e;
        }
      }
    }
  };
  const n = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  if (failed) throw firstError;
  return results;
}

/** A keyed memo of promises: the first caller does the work, the others wait for it. */
export class Once<K, V> {
  private readonly map = new Map<K, Promise<V>>();
  run(key: K, fn: () => Promise<V>): Promise<V> {
    let p = this.map.get(key);
    if (!p) {
      p = fn();
      this.map.set(key, p);
    }
    return p;
  }
  get size(): number {
    return this.map.size;
  }
}

/** A keyed mutex: work for the same key runs one at a time. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();
  async with<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = prev.then(() => mine);
    this.tails.set(key, tail);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
