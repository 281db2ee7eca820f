// JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic merge patch
// (k8s.io/apimachinery/pkg/util/strategicpatch) for the built-in kinds' list keys.
// Owns: pure functions from (object, patch) to object. No storage, no validation.
import { ApiError } from './errors.js';
import { listRule, type Obj, type ResourceType } from './resources.js';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const out: Obj = isObj(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function invalidPatch(msg: string): ApiError {
  return new ApiError(422, 'Invalid', msg);
}

function decodePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw invalidPatch(`the server rejected our request due to an error in our request`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObj(v)) {
    const o: Obj = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys(v[k]);
    return o;
  }
  return v;
}

export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new ApiError(400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target);
  const parentOf = (path: string[], op: string): { parent: any; key: string } => {
    let cur: any = doc;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i]!;
      cur = Array.isArray(cur) ? cur[Number(seg)] : isObj(cur) ? cur[seg] : undefined;
      if (cur === undefined) throw invalidPatch(`the server rejected our request due to an error in our request`.replace(/.*/, `${op} operation does not apply: doc is missing path: "/${path.join('/')}": missing value`));
    }
    return { parent: cur, key: path[path.length - 1]! };
  };
  const getAt = (path: string[]): unknown => {
    let cur: any = doc;
    for (const seg of path) {
      cur = Array.isArray(cur) ? cur[Number(seg)] : isObj(cur) ? cur[seg] : undefined;
      if (cur === undefined) return undefined;
    }
    return cur;
  };
  const add = (path: string[], value: unknown, op: string) => {
    if (path.length === 0) { doc = clone(value); return; }
    const { parent, key } = parentOf(path, op);
    if (Array.isArray(parent)) {
      const idx = key === '-' ? parent.length : Number(key);
      if (!Number.isInteger(idx) || idx < 0 || idx > parent.length) throw invalidPatch(`add operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
      parent.splice(idx, 0, clone(value));
    } else if (isObj(parent)) parent[key] = clone(value);
    else throw invalidPatch(`${op} operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
  };
  const remove = (path: string[], op: string) => {
    const { parent, key } = parentOf(path, op);
    if (Array.isArray(parent)) {
      const idx = Number(key);
      if (!(idx >= 0 && idx < parent.length)) throw invalidPatch(`${op} operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
      return parent.splice(idx, 1)[0];
    }
    if (!isObj(parent) || !(key in parent)) throw invalidPatch(`${op} operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
    const v = parent[key];
    delete parent[key];
    return v;
  };
  for (const raw of ops) {
    if (!isObj(raw)) throw new ApiError(400, 'BadRequest', 'invalid JSON patch operation');
    const op = String(raw.op);
    const path = decodePointer(String(raw.path ?? ''));
    switch (op) {
      case 'add': add(path, raw.value, op); break;
      case 'remove': remove(path, op); break;
      case 'replace': remove(path, op); add(path, raw.value, op); break;
      case 'move': { const v = remove(decodePointer(String(raw.from)), op); add(path, v, op); break; }
      case 'copy': { const v = getAt(decodePointer(String(raw.from))); if (v === undefined) throw invalidPatch(`copy operation does not apply: doc is missing from path: ${raw.from}`); add(path, v, op); break; }
      case 'test': {
        const v = getAt(path);
        if (!deepEqual(v, raw.value)) throw invalidPatch(`testing value /${path.join('/')} failed: test failed`);
        break;
      }
      default: throw new ApiError(422, 'Invalid', `Unexpected kind: ${op}`);
    }
  }
  return doc;
}

/** Strategic merge patch for built-in kinds. CRDs get 415 before reaching here. */
export function strategicMergePatch(t: ResourceType | undefined, target: Obj, patch: Obj): Obj {
  return smpMap(t, target, patch, []) as Obj;
}

function smpMap(t: ResourceType | undefined, target: unknown, patch: Obj, path: string[]): unknown {
  const directive = patch['$patch'];
  if (directive === 'replace') {
    const p = clone(patch);
    delete p['$patch'];
    return stripDirectives(p);
  }
  if (directive === 'delete') return undefined;
  const out: Obj = isObj(target) ? clone(target) : {};
  const retain = patch['$retainKeys'];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const f = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[f]) && Array.isArray(v)) out[f] = (out[f] as unknown[]).filter((x) => !v.some((y) => deepEqual(x, y)));
      continue;
    }
    if (v === null) { delete out[k]; continue; }
    const childPath = [...path, k];
    if (Array.isArray(v)) {
      const rule = listRule(t, childPath).smp;
      if (rule?.strategy === 'merge') out[k] = smpList(t, out[k], v, childPath, rule.key);
      else out[k] = stripDirectives(clone(v));
      const order = patch[`$setElementOrder/${k}`];
      if (Array.isArray(order) && rule?.key && Array.isArray(out[k])) out[k] = applyOrder(out[k] as Obj[], order as Obj[], rule.key);
      continue;
    }
    if (isObj(v)) {
      const r = smpMap(t, out[k], v, childPath);
      if (r === undefined) delete out[k];
      else out[k] = r;
      continue;
    }
    out[k] = v;
  }
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

function applyOrder(list: Obj[], order: Obj[], key: string): Obj[] {
  const pos = (o: Obj) => { const i = order.findIndex((x) => x[key] === o[key]); return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
  return [...list].sort((a, b) => pos(a) - pos(b));
}

function smpList(t: ResourceType | undefined, target: unknown, patch: unknown[], path: string[], key: string | undefined): unknown[] {
  const out: unknown[] = Array.isArray(target) ? clone(target) : [];
  if (!key) {
    for (const v of patch) if (!out.some((x) => deepEqual(x, v))) out.push(clone(v));
    return out;
  }
  if (patch.some((p) => isObj(p) && p['$patch'] === 'replace')) {
    return stripDirectives(patch.filter((p) => !(isObj(p) && p['$patch'] === 'replace'))) as unknown[];
  }
  for (const p of patch) {
    if (!isObj(p)) continue;
    const idx = out.findIndex((x) => isObj(x) && x[key] === p[key]);
    if (p['$patch'] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = smpMap(t, out[idx], p, [...path, '[]']);
    else out.push(smpMap(t, {}, p, [...path, '[]']));
  }
  return out;
}

function stripDirectives<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripDirectives) as T;
  if (isObj(v)) {
    const o: Obj = {};
    for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) o[k] = stripDirectives(x);
    return o as T;
  }
  return v;
}
