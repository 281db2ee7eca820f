// A schema-driven decoder for the Kubernetes protobuf envelope ("k8s\0" + runtime.Unknown) for
// the few kinds kubectl's typed commands send as protobuf (create configmap|secret|namespace|
// serviceaccount, auth can-i). Field numbers follow k8s.io/api generated.proto.
// Owns: bytes -> JSON object for those kinds. Anything else is reported as unsupported.
import type { Obj } from './resources.js';

type T = 'string' | 'int' | 'bool' | 'bytes' | 'time' | { msg: Schema } | { map: T } | { rep: T };
type Schema = Record<number, [string, T]>;

const TIME: T = 'time';
const OWNER: Schema = { 1: ['kind', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'], 5: ['apiVersion', 'string'], 6: ['controller', 'bool'], 7: ['blockOwnerDeletion', 'bool'] };
const META: Schema = {
  1: ['name', 'string'], 2: ['generateName', 'string'], 3: ['namespace', 'string'], 5: ['uid', 'string'],
  6: ['resourceVersion', 'string'], 7: ['generation', 'int'], 8: ['creationTimestamp', TIME], 9: ['deletionTimestamp', TIME],
  10: ['deletionGracePeriodSeconds', 'int'], 11: ['labels', { map: 'string' }], 12: ['annotations', { map: 'string' }],
  13: ['ownerReferences', { rep: { msg: OWNER } }], 14: ['finalizers', { rep: 'string' }],
};
const m = (s: Schema): T => ({ msg: s });

const KINDS: Record<string, Schema> = {
  ConfigMap: { 1: ['metadata', m(META)], 2: ['data', { map: 'string' }], 3: ['binaryData', { map: 'bytes' }], 4: ['immutable', 'bool'] },
  Secret: { 1: ['metadata', m(META)], 2: ['data', { map: 'bytes' }], 3: ['type', 'string'], 4: ['stringData', { map: 'string' }], 5: ['immutable', 'bool'] },
  Namespace: { 1: ['metadata', m(META)], 2: ['spec', m({ 1: ['finalizers', { rep: 'string' }] })] },
  ServiceAccount: { 1: ['metadata', m(META)], 3: ['imagePullSecrets', { rep: m({ 1: ['name', 'string'] }) }], 4: ['automountServiceAccountToken', 'bool'] },
  SelfSubjectAccessReview: {
    1: ['metadata', m(META)],
    2: ['spec', m({
      1: ['resourceAttributes', m({ 1: ['namespace', 'string'], 2: ['verb', 'string'], 3: ['group', 'string'], 4: ['version', 'string'], 5: ['resource', 'string'], 6: ['subresource', 'string'], 7: ['name', 'string'] })],
      2: ['nonResourceAttributes', m({ 1: ['path', 'string'], 2: ['verb', 'string'] })],
    })],
  },
};

class Reader {
  i = 0;
  constructor(readonly b: Buffer, readonly end = b.length) {}
  varint(): bigint {
    let r = 0n, shift = 0n;
    while (true) {
      const x = this.b[this.i++]!;
      r |= BigInt(x & 0x7f) << shift;
      if (!(x & 0x80)) return r;
      shift += 7n;
    }
  }
  bytes(): Buffer {
    const n = Number(this.varint());
    const out = this.b.subarray(this.i, this.i + n);
    this.i += n;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.i += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.i += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

function decodeMsg(buf: Buffer, schema: Schema): Obj {
  const r = new Reader(buf);
  const out: Obj = {};
  while (r.i < r.end) {
    const tag = Number(r.varint());
    const num = tag >> 3, wire = tag & 7;
    const f = schema[num];
    if (!f) { r.skip(wire); continue; }
    const [name, type] = f;
    if (typeof type === 'object' && 'rep' in type) {
      (out[name] ??= []).push(scalar(r, type.rep, wire));
    } else if (typeof type === 'object' && 'map' in type) {
      const entry = decodeMsg(r.bytes(), { 1: ['k', 'string'], 2: ['v', type.map] });
      (out[name] ??= {})[entry.k ?? ''] = entry.v ?? (type.map === 'bytes' ? '' : '');
    } else out[name] = scalar(r, type, wire);
  }
  return out;
}

function scalar(r: Reader, type: T, wire: number): unknown {
  if (type === 'string') return r.bytes().toString('utf8');
  if (type === 'bytes') return r.bytes().toString('base64');
  if (type === 'int') return Number(BigInt.asIntN(64, r.varint()));
  if (type === 'bool') return r.varint() !== 0n;
  if (type === 'time') {
    const t = decodeMsg(r.bytes(), { 1: ['s', 'int'], 2: ['n', 'int'] });
    return new Date((t.s ?? 0) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  }
  if (typeof type === 'object' && 'msg' in type) return decodeMsg(r.bytes(), type.msg);
  r.skip(wire);
  return undefined;
}

/** Decodes a protobuf request body, or returns undefined when its kind is not known here. */
export function decodeProtobuf(body: Buffer): Obj | undefined {
  if (body.length < 4 || body.subarray(0, 4).toString('latin1') !== 'k8s\u0000') return undefined;
  const unknown = decodeMsg(body.subarray(4), { 1: ['typeMeta', m({ 1: ['apiVersion', 'string'], 2: ['kind', 'string'] })], 2: ['raw', 'bytes'] });
  const kind = unknown.typeMeta?.kind as string | undefined;
  const schema = kind ? KINDS[kind] : undefined;
  if (!schema) return undefined;
  const obj = decodeMsg(Buffer.from(unknown.raw ?? '', 'base64'), schema);
  return { apiVersion: unknown.typeMeta.apiVersion, kind, ...obj };
}
