// Server-side apply and managedFields (sigs.k8s.io/structured-merge-diff semantics, simplified
// to the list/map types listed in resources.ts). Owns: field sets in FieldsV1 form, the apply
// merge, pruning of fields a manager stopped applying, conflicts, and Update-operation ownership.
import { ApiError } from './errors.js';
import { isAtomicMap, listRule, type Obj, type ResourceType } from './resources.js';
import { sortKeys } from './patch.js';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SEP = '\u0001';

/** A set of field paths; each path is its FieldsV1 keys joined by SEP. */
export type FieldSet = Set<string>;

export function keyOf(item: Obj, keys: string[]): string {
  const k: Obj = {};
  for (const name of [...keys].sort()) if (item[name] !== undefined) k[name] = item[name];
  return `k:${JSON.stringify(k)}`;
}

function defaultedKeyItem(item: Obj, keys: string[]): Obj {
  // protocol defaults to TCP for ports keyed by (port|containerPort, protocol)
  if (keys.includes('protocol') && item.protocol === undefined) return { ...item, protocol: 'TCP' };
  return item;
}

/** Fields an applied configuration sets (ToFieldSet): leaves, list items with '.', no map markers. */
export function configFieldSet(t: ResourceType | undefined, config: Obj): FieldSet {
  const out: FieldSet = new Set();
  const walk = (v: unknown, keys: string[], path: string[]) => {
    if (isObj(v)) {
      if (keys.length > 0 && (Object.keys(v).length === 0 || isAtomicMap(t, path))) { out.add(keys.join(SEP)); return; }
      for (const [k, x] of Object.entries(v)) {
        if (keys.length === 0 && (k === 'apiVersion' || k === 'kind')) continue;
        if (keys.length === 1 && keys[0] === 'f:metadata' && !['labels', 'annotations', 'finalizers', 'ownerReferences'].includes(k)) continue;
        if (keys.length === 0 && k === 'status' && t && t.status) continue;
        walk(x, [...keys, `f:${k}`], [...path, k]);
      }
      return;
    }
    if (Array.isArray(v)) {
      const rule = listRule(t, path).ssa;
      if (rule.type === 'atomic' || v.length === 0) { out.add(keys.join(SEP)); return; }
      for (const item of v) {
        if (rule.type === 'set') { out.add([...keys, `v:${JSON.stringify(item)}`].join(SEP)); continue; }
        if (!isObj(item)) continue;
        const ik = [...keys, keyOf(defaultedKeyItem(item, rule.keys), rule.keys)];
        out.add([...ik, '.'].join(SEP));
        walk(item, ik, [...path, '[]']);
      }
      return;
    }
    out.add(keys.join(SEP));
  };
  walk(config, [], []);
  return out;
}

/** Paths whose value was added or changed between `before` and `after` (the Update operation's claim). */
export function changedFieldSet(t: ResourceType | undefined, before: unknown, after: unknown, skeleton: Set<string>): { changed: FieldSet; removed: FieldSet } {
  const changed: FieldSet = new Set();
  const removed: FieldSet = new Set();
  const addAll = (v: unknown, keys: string[], path: string[], set: FieldSet, marker: boolean) => {
    if (isObj(v) && Object.keys(v).length > 0 && !(keys.length > 0 && isAtomicMap(t, path))) {
      if (marker && keys.length > 0 && !skeleton.has(path.join('.'))) set.add([...keys, '.'].join(SEP));
      for (const [k, x] of Object.entries(v)) addAll(x, [...keys, `f:${k}`], [...path, k], set, marker);
      return;
    }
    if (Array.isArray(v) && v.length > 0) {
      const rule = listRule(t, path).ssa;
      if (rule.type === 'map') {
        for (const item of v) if (isObj(item)) {
          const ik = [...keys, keyOf(item, rule.keys)];
          set.add([...ik, '.'].join(SEP));
          for (const [k, x] of Object.entries(item)) addAll(x, [...ik, `f:${k}`], [...path, '[]', k], set, marker);
        }
        return;
      }
      if (rule.type === 'set') { for (const item of v) set.add([...keys, `v:${JSON.stringify(item)}`].join(SEP)); return; }
    }
    set.add(keys.join(SEP));
  };
  const walk = (a: unknown, b: unknown, keys: string[], path: string[]) => {
    if (isObj(a) && isObj(b) && !(keys.length > 0 && isAtomicMap(t, path))) {
      for (const [k, x] of Object.entries(b)) {
        if (keys.length === 0 && (k === 'apiVersion' || k === 'kind')) continue;
        if (keys.length === 1 && keys[0] === 'f:metadata' && !['labels', 'annotations', 'finalizers', 'ownerReferences'].includes(k)) continue;
        if (!(k in a)) addAll(x, [...keys, `f:${k}`], [...path, k], changed, true);
        else walk(a[k], x, [...keys, `f:${k}`], [...path, k]);
      }
      for (const [k, x] of Object.entries(a)) {
        if (keys.length === 1 && keys[0] === 'f:metadata' && !['labels', 'annotations', 'finalizers', 'ownerReferences'].includes(k)) continue;
        if (!(k in b)) addAll(x, [...keys, `f:${k}`], [...path, k], removed, false);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const rule = listRule(t, path).ssa;
      if (rule.type === 'map') {
        for (const item of b) if (isObj(item)) {
          const k = keyOf(item, rule.keys);
          const old = a.find((x) => isObj(x) && keyOf(x, rule.keys) === k);
          if (!old) addAll([item], keys, path, changed, true);
          else walk(old, item, [...keys, k], [...path, '[]']);
        }
        for (const item of a) if (isObj(item) && !b.some((x) => isObj(x) && keyOf(x, rule.keys) === keyOf(item, rule.keys))) addAll([item], keys, path, removed, false);
        return;
      }
      if (rule.type === 'set') {
        for (const item of b) if (!a.some((x) => JSON.stringify(x) === JSON.stringify(item))) changed.add([...keys, `v:${JSON.stringify(item)}`].join(SEP));
        for (const item of a) if (!b.some((x) => JSON.stringify(x) === JSON.stringify(item))) removed.add([...keys, `v:${JSON.stringify(item)}`].join(SEP));
        return;
      }
    }
    if (JSON.stringify(sortKeys(a)) !== JSON.stringify(sortKeys(b))) changed.add(keys.join(SEP));
  };
  walk(before ?? {}, after, [], []);
  return { changed, removed };
}

// --- FieldsV1 encoding -----------------------------------------------------

export function toFieldsV1(set: FieldSet): Obj {
  const root: Obj = {};
  const members = new Set<string>();
  for (const p of set) {
    const keys = p.split(SEP);
    if (keys[keys.length - 1] === '.') keys.pop();
    let node = root;
    for (const k of keys) node = node[k] ??= {};
    members.add(keys.join(SEP));
  }
  const mark = (node: Obj, keys: string[]) => {
    for (const [k, child] of Object.entries(node)) {
      const ck = [...keys, k];
      if (Object.keys(child).length > 0) {
        mark(child, ck);
        if (members.has(ck.join(SEP))) child['.'] = {};
      }
    }
  };
  mark(root, []);
  return sortKeys(root) as Obj;
}

export function fromFieldsV1(f: Obj | undefined): FieldSet {
  const out: FieldSet = new Set();
  const walk = (node: Obj, keys: string[]) => {
    for (const [k, child] of Object.entries(node)) {
      if (k === '.') { out.add([...keys, '.'].join(SEP)); continue; }
      const ck = [...keys, k];
      if (!isObj(child) || Object.keys(child).length === 0) out.add(ck.join(SEP));
      else walk(child, ck);
    }
  };
  if (f) walk(f, []);
  return out;
}

/** A path as structured-merge-diff prints it: .spec.containers[name="app"].image */
export function pathString(p: string): string {
  let s = '';
  for (const k of p.split(SEP)) {
    if (k === '.') continue;
    if (k.startsWith('f:')) s += `.${k.slice(2)}`;
    else if (k.startsWith('k:')) {
      const o = JSON.parse(k.slice(2)) as Obj;
      s += `[${Object.entries(o).map(([a, b]) => `${a}=${JSON.stringify(b)}`).join(',')}]`;
    } else if (k.startsWith('v:')) s += `[=${k.slice(2)}]`;
    else if (k.startsWith('i:')) s += `[${k.slice(2)}]`;
  }
  return s;
}

// --- apply merge -----------------------------------------------------------

export function applyMerge(t: ResourceType | undefined, live: unknown, config: unknown, path: string[]): unknown {
  if (isObj(config)) {
    if (path.length > 0 && isAtomicMap(t, path)) return structuredClone(config);
    const out: Obj = isObj(live) ? structuredClone(live) : {};
    for (const [k, v] of Object.entries(config)) {
      if (v === null) { delete out[k]; continue; }
      out[k] = applyMerge(t, out[k], v, [...path, k]);
    }
    return out;
  }
  if (Array.isArray(config)) {
    const rule = listRule(t, path).ssa;
    if (rule.type === 'atomic' || !Array.isArray(live)) return structuredClone(config);
    if (rule.type === 'set') {
      const out = structuredClone(live);
      for (const v of config) if (!out.some((x) => JSON.stringify(x) === JSON.stringify(v))) out.push(structuredClone(v));
      return out;
    }
    const out = structuredClone(live) as unknown[];
    for (const item of config) {
      if (!isObj(item)) continue;
      const k = keyOf(defaultedKeyItem(item, rule.keys), rule.keys);
      const idx = out.findIndex((x) => isObj(x) && keyOf(defaultedKeyItem(x, rule.keys), rule.keys) === k);
      if (idx >= 0) out[idx] = applyMerge(t, out[idx], item, [...path, '[]']);
      else out.push(structuredClone(item));
    }
    return out;
  }
  return config;
}

/** Removes the given paths (fields a manager no longer applies and nobody else owns). */
export function removeFields(t: ResourceType | undefined, obj: Obj, paths: FieldSet): void {
  // parents (list items) first: removing an item makes its children unreachable, which is fine
  const sorted = [...paths].sort((a, b) => a.split(SEP).length - b.split(SEP).length);
  for (const p of sorted) {
    const keys = p.split(SEP);
    const member = keys[keys.length - 1] === '.';
    if (member) keys.pop();
    let cur: any = obj;
    let parent: any;
    let lastKey: string | undefined;
    let ok = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      parent = cur;
      lastKey = k;
      if (i === keys.length - 1) break;
      cur = step(cur, k);
      if (cur === undefined) { ok = false; break; }
    }
    if (!ok || parent === undefined || lastKey === undefined) continue;
    if (lastKey.startsWith('f:') && isObj(parent)) {
      const v = parent[lastKey.slice(2)];
      // A map member is removed only if it is now empty or was a member itself.
      if (isObj(v) && Object.keys(v).length > 0 && !member) continue;
      delete parent[lastKey.slice(2)];
    } else if (lastKey.startsWith('k:') && Array.isArray(parent)) {
      const idx = findKeyed(parent, lastKey);
      if (idx >= 0) parent.splice(idx, 1);
    } else if (lastKey.startsWith('v:') && Array.isArray(parent)) {
      const idx = parent.findIndex((x) => JSON.stringify(x) === lastKey!.slice(2));
      if (idx >= 0) parent.splice(idx, 1);
    }
  }
}

function findKeyed(list: unknown[], key: string): number {
  const want = JSON.parse(key.slice(2)) as Obj;
  return list.findIndex((x) => isObj(x) && Object.entries(want).every(([k, v]) => (x[k] ?? (k === 'protocol' ? 'TCP' : undefined)) === v));
}

function step(cur: unknown, k: string): unknown {
  if (k.startsWith('f:')) return isObj(cur) ? cur[k.slice(2)] : undefined;
  if (k.startsWith('k:') && Array.isArray(cur)) { const i = findKeyed(cur, k); return i >= 0 ? cur[i] : undefined; }
  return undefined;
}

// --- managedFields bookkeeping -----------------------------------------------

export interface ManagedEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Obj;
  subresource?: string;
}

function sameEntry(e: ManagedEntry, manager: string, op: string, apiVersion: string, sub: string | undefined): boolean {
  return e.manager === manager && e.operation === op && (e.subresource ?? '') === (sub ?? '') && (op === 'Apply' || e.apiVersion === apiVersion);
}

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function setEntry(entries: ManagedEntry[], manager: string, op: 'Apply' | 'Update', apiVersion: string, sub: string | undefined, set: FieldSet): ManagedEntry[] {
  const out: ManagedEntry[] = [];
  let placed = false;
  for (const e of entries) {
    if (sameEntry(e, manager, op, apiVersion, sub)) {
      if (set.size === 0) continue;
      const prev = fromFieldsV1(e.fieldsV1);
      const changed = prev.size !== set.size || [...set].some((p) => !prev.has(p));
      out.push({ ...e, apiVersion, fieldsV1: toFieldsV1(set), time: changed ? now() : e.time });
      placed = true;
    } else out.push(e);
  }
  if (!placed && set.size > 0) {
    const e: ManagedEntry = { manager, operation: op, apiVersion, time: now(), fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(set) };
    if (sub) e.subresource = sub;
    out.push(e);
  }
  return out;
}

function subtract(entries: ManagedEntry[], except: (e: ManagedEntry) => boolean, remove: FieldSet): ManagedEntry[] {
  if (remove.size === 0) return entries;
  const out: ManagedEntry[] = [];
  for (const e of entries) {
    if (except(e)) { out.push(e); continue; }
    const s = fromFieldsV1(e.fieldsV1);
    let changed = false;
    for (const p of remove) if (s.delete(p)) changed = true;
    // an item removed as a whole removes its children too
    for (const p of [...s]) for (const r of remove) if (r.endsWith(SEP + '.') && p.startsWith(r.slice(0, -1))) { s.delete(p); changed = true; }
    if (s.size === 0 || [...s].every((p) => p.endsWith(SEP + '.'))) continue;
    out.push(changed ? { ...e, fieldsV1: toFieldsV1(s) } : e);
  }
  return out;
}

/** Bookkeeping for create/update/patch (operation Update). Returns the new managedFields. */
export function recordUpdate(t: ResourceType | undefined, entries: ManagedEntry[], before: Obj | undefined, after: Obj, manager: string, apiVersion: string, sub: string | undefined, skeleton: Set<string>): ManagedEntry[] {
  const { changed, removed } = changedFieldSet(t, before ?? {}, after, skeleton);
  let out = subtract(entries, (e) => false, removed);
  out = subtract(out, (e) => sameEntry(e, manager, 'Update', apiVersion, sub), changed);
  const mine = out.find((e) => sameEntry(e, manager, 'Update', apiVersion, sub));
  const set = mine ? fromFieldsV1(mine.fieldsV1) : new Set<string>();
  for (const p of changed) set.add(p);
  if (set.size === 0) return out;
  return setEntry(out, manager, 'Update', apiVersion, sub, set);
}

export interface ApplyResult { object: Obj; managedFields: ManagedEntry[] }

/** Server-side apply of `config` over `live` (undefined when creating). Throws 409 on conflicts unless force. */
export function serverSideApply(t: ResourceType | undefined, live: Obj | undefined, config: Obj, manager: string, force: boolean, apiVersion: string, sub: string | undefined): ApplyResult {
  const entries: ManagedEntry[] = (live?.metadata?.managedFields ?? []) as ManagedEntry[];
  const cfgSet = configFieldSet(t, config);
  const mineIdx = entries.findIndex((e) => sameEntry(e, manager, 'Apply', apiVersion, sub));
  const prevSet = mineIdx >= 0 ? fromFieldsV1(entries[mineIdx]!.fieldsV1) : new Set<string>();

  const base = structuredClone(live ?? {}) as Obj;
  delete base.metadata?.managedFields;
  const cfg = structuredClone(config);
  delete cfg.metadata?.managedFields;
  let merged = applyMerge(t, base, cfg, []) as Obj;

  // conflicts: other managers owning a field whose value this apply changes
  const { changed } = changedFieldSet(t, base, merged, new Set());
  const conflicts: { manager: string; entry: ManagedEntry; path: string }[] = [];
  for (const e of entries) {
    if (sameEntry(e, manager, 'Apply', apiVersion, sub)) continue;
    if ((e.subresource ?? '') !== (sub ?? '')) continue;
    const s = fromFieldsV1(e.fieldsV1);
    for (const p of changed) if (s.has(p) && cfgSet.has(p)) conflicts.push({ manager: e.manager, entry: e, path: p });
  }
  if (conflicts.length > 0 && !force) throw conflictError(conflicts);

  let out = entries;
  if (conflicts.length > 0) {
    const byEntry = new Map<ManagedEntry, FieldSet>();
    for (const c of conflicts) {
      if (!byEntry.has(c.entry)) byEntry.set(c.entry, new Set());
      byEntry.get(c.entry)!.add(c.path);
    }
    out = [];
    for (const e of entries) {
      const rm = byEntry.get(e);
      if (!rm) { out.push(e); continue; }
      const s = fromFieldsV1(e.fieldsV1);
      for (const p of rm) s.delete(p);
      if (s.size > 0 && ![...s].every((p) => p.endsWith(SEP + '.'))) out.push({ ...e, fieldsV1: toFieldsV1(s) });
    }
  }

  // prune what this manager applied before and nobody (including now) claims
  const others = new Set<string>();
  for (const e of out) if (!sameEntry(e, manager, 'Apply', apiVersion, sub)) for (const p of fromFieldsV1(e.fieldsV1)) others.add(p);
  const prune = new Set<string>();
  for (const p of prevSet) if (!cfgSet.has(p) && !others.has(p)) prune.add(p);
  if (prune.size > 0) removeFields(t, merged, prune);
  merged = merged as Obj;

  out = setEntry(out, manager, 'Apply', apiVersion, sub, cfgSet);
  return { object: merged, managedFields: out };
}

function printManager(e: ManagedEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion}`;
  return s;
}

function conflictError(conflicts: { entry: ManagedEntry; path: string }[]): ApiError {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.entry)}`, field: pathString(c.path) }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0]!.entry)}: ${pathString(conflicts[0]!.path)}`;
  } else {
    const by = new Map<string, string[]>();
    for (const c of conflicts) {
      const m = printManager(c.entry);
      if (!by.has(m)) by.set(m, []);
      by.get(m)!.push(pathString(c.path));
    }
    const lines: string[] = [];
    for (const m of [...by.keys()].sort()) {
      lines.push(`conflicts with ${m}:`);
      for (const p of by.get(m)!) lines.push(`- ${p}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError(409, 'Conflict', message, { causes });
}

/** The API server's order of managedFields entries (sortEncodedManagedFields). */
export function sortManaged(entries: ManagedEntry[]): ManagedEntry[] {
  const sec = (e: ManagedEntry) => (e.time ? Math.floor(Date.parse(e.time) / 1000) : 0);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort((p, q) =>
    cmp(p.operation, q.operation) || sec(p) - sec(q) || cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource ?? '', q.subresource ?? ''));
}
