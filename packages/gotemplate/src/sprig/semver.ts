// Masterminds/semver v3 (as sprig 3.2.3 uses it): versions, constraints, semverCompare, semver.
import { GoStruct, type MethodSpec } from '../values.js';

const semVerRe = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const cv = String.raw`v?([0-9|xX*]+)(\.[0-9|xX*]+)?(\.[0-9|xX*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const cvNG = cv.replace(/\((?!\?)/g, '(?:');
const ops = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const constraintRe = new RegExp(`^\\s*(${ops})\\s*(${cv})\\s*$`);
const rangeRe = new RegExp(`\\s*(${cv})\\s+-\\s+(${cv})\\s*`, 'g');
const findRe = new RegExp(`(?:${ops})\\s*(?:${cvNG})`, 'g');
const validRe = new RegExp(`^(?:\\s*(?:${ops})\\s*(?:${cvNG})\\s*)(?:(?:\\s+|,\\s*)(?:${ops})\\s*(?:${cvNG})\\s*)*$`);

export class Version extends GoStruct {
  override readonly goType = '*semver.Version';
  constructor(readonly major: bigint, readonly minor: bigint, readonly patch: bigint, readonly pre: string, readonly metadata: string, readonly original: string) { super(); }
  override field(): { ok: boolean } { return { ok: false }; }
  override toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre) s += '-' + this.pre;
    if (this.metadata) s += '+' + this.metadata;
    return s;
  }
  override format(): string { return this.toString(); }
  override methods(): Record<string, MethodSpec> {
    return {
      Major: { params: [], fn: () => new (UintBox as any)(this.major) },
      Minor: { params: [], fn: () => new (UintBox as any)(this.minor) },
      Patch: { params: [], fn: () => new (UintBox as any)(this.patch) },
      Prerelease: { params: [], fn: () => this.pre },
      Metadata: { params: [], fn: () => this.metadata },
      Original: { params: [], fn: () => this.original },
      String: { params: [], fn: () => this.toString() },
      Compare: { params: ['any'], fn: (o: Version) => BigInt(compare(this, o)) },
      LessThan: { params: ['any'], fn: (o: Version) => compare(this, o) < 0 },
      GreaterThan: { params: ['any'], fn: (o: Version) => compare(this, o) > 0 },
      Equal: { params: ['any'], fn: (o: Version) => compare(this, o) === 0 },
    };
  }
}
// uint64 results of Major/Minor/Patch
import { GoInt } from '../values.js';
class UintBox extends GoInt { constructor(v: bigint) { super(v, 'uint64'); } }

export function newVersion(v: string): Version {
  const m = semVerRe.exec(v);
  if (!m) throw new Error('Invalid Semantic Version');
  const seg = (s: string | undefined): bigint => {
    if (!s) return 0n;
    const n = BigInt(s.replace(/^\./, ''));
    if (n > 0xffffffffffffffffn) throw new Error(`Error parsing version segment: strconv.ParseUint: parsing "${s.replace(/^\./, '')}": value out of range`);
    return n;
  };
  const pre = m[5] ?? '';
  if (pre) for (const p of pre.split('.')) if (/^\d+$/.test(p) && p.length > 1 && p[0] === '0') throw new Error('Version segment starts with 0');
  return new Version(seg(m[1]), seg(m[2]), seg(m[3]), pre, m[8] ?? '', v);
}

function cmpPrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return o !== '' ? -1 : 1;
  if (o === '') return 1;
  const sn = /^\d+$/.test(s), on = /^\d+$/.test(o);
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}
function cmpPre(a: string, b: string): number {
  const x = a.split('.'), y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = cmpPrePart(x[i] ?? '', y[i] ?? '');
    if (d) return d;
  }
  return 0;
}
export function compare(v: Version, o: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (v[k] !== o[k]) return v[k] < o[k] ? -1 : 1;
  const ps = v.pre, po = o.pre;
  if (ps === '' && po === '') return 0;
  if (ps === '') return 1;
  if (po === '') return -1;
  return cmpPre(ps, po);
}

interface Con { con: Version; orig: string; op: string; minorDirty: boolean; patchDirty: boolean; dirty: boolean }
const isX = (s: string): boolean => s === 'x' || s === 'X' || s === '*';

function parseConstraint(c: string): Con {
  const m = constraintRe.exec(c);
  if (!m) throw new Error(`improper constraint: ${c}`);
  const op = m[1], orig = m[2];
  const m3 = m[3], m4 = m[4] ?? '', m5 = m[5] ?? '', m6 = m[6] ?? '';
  let ver = orig, minorDirty = false, patchDirty = false, dirty = false;
  if (isX(m3) || m3 === '') { ver = `0.0.0${m6}`; dirty = true; }
  else if (isX(m4.replace(/^\./, '')) || m4 === '') { minorDirty = true; dirty = true; ver = `${m3}.0.0${m6}`; }
  else if (isX(m5.replace(/^\./, '')) || m5 === '') { dirty = true; patchDirty = true; ver = `${m3}${m4}.0${m6}`; }
  let con: Version;
  try { con = newVersion(ver); } catch { throw new Error(`improper constraint: ${c}`); }
  return { con, orig, op, minorDirty, patchDirty, dirty };
}

function check(v: Version, c: Con): boolean {
  const preBlock = v.pre !== '' && c.con.pre === '';
  const { con } = c;
  const tilde = (): boolean => {
    if (preBlock) return false;
    if (compare(v, con) < 0) return false;
    if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
    if (v.major !== con.major) return false;
    if (v.minor !== con.minor && !c.minorDirty) return false;
    return true;
  };
  switch (c.op) {
    case '': case '=':
      if (preBlock) return false;
      if (c.dirty) return tilde();
      return compare(v, con) === 0;
    case '!=':
      if (c.dirty) {
        if (preBlock) return false;
        if (con.major !== v.major) return true;
        if (con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) return (v.pre !== '' || con.pre !== '') ? cmpPre(v.pre, con.pre) !== 0 : false;
      }
      return compare(v, con) !== 0;
    case '>':
      if (preBlock) return false;
      if (!c.dirty) return compare(v, con) === 1;
      if (v.major > con.major) return true;
      if (v.major < con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return compare(v, con) === 1;
    case '<': return !preBlock && compare(v, con) < 0;
    case '>=': case '=>': return !preBlock && compare(v, con) >= 0;
    case '<=': case '=<':
      if (preBlock) return false;
      if (!c.dirty) return compare(v, con) <= 0;
      if (v.major > con.major) return false;
      if (v.major === con.major && v.minor > con.minor && !c.minorDirty) return false;
      return true;
    case '~': case '~>': return tilde();
    case '^': {
      if (preBlock) return false;
      if (compare(v, con) < 0) return false;
      if (con.major > 0n || c.minorDirty) return v.major === con.major;
      if (con.major === 0n && v.major > 0n) return false;
      if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
      if (con.minor === 0n && v.minor > 0n) return false;
      return con.patch === v.patch;
    }
  }
  return false;
}

export function newConstraint(c: string): Con[][] {
  c = c.replace(rangeRe, (_all, a: string, ...rest: unknown[]) => `>= ${a}, <= ${rest[9] as string}`);
  return c.split('||').map((v) => {
    if (!validRe.test(v)) throw new Error(`improper constraint: ${v}`);
    const cs = v.match(findRe) ?? [v];
    return cs.map(parseConstraint);
  });
}

export function semverCompare(constraint: string, version: string): boolean {
  const c = newConstraint(constraint);
  const v = newVersion(version);
  return c.some((and) => and.every((x) => check(v, x)));
}

export function parseSemver(v: string): Version { return newVersion(v); }
