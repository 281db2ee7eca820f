// Masterminds/semver v3 as Helm uses it: lax version parsing (`v1`, `1.2`)
// and constraints (`>=1.2 <2`, `^1.2`, `~1.2.3`, `1.x`, `1.2 - 1.4`, `||`).

export interface SemVer { major: number; minor: number; patch: number; pre: string; build: string }

const VERSION_RE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function parseSemver(v: string): SemVer | undefined {
  const m = VERSION_RE.exec(v.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), pre: m[4] ?? '', build: m[5] ?? '' };
}

export function compareSemver(a: SemVer, b: SemVer): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  if (a.pre === b.pre) return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  const pa = a.pre.split('.'), pb = b.pre.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i], y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x), ny = /^\d+$/.test(y);
    if (nx && ny) { if (Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1; }
    else if (nx) return -1;
    else if (ny) return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

type Check = (v: SemVer) => boolean;

interface Partial { major?: number; minor?: number; patch?: number; pre: string; wild: number /* index of first wildcard: 0..3, 3=none */ }

function parsePartial(s: string): Partial | undefined {
  const m = /^v?([0-9xX*]+)(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(?:-([0-9A-Za-z-.]+))?(?:\+[0-9A-Za-z-.]+)?$/.exec(s);
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]];
  let wild = 3;
  const nums: (number | undefined)[] = [];
  for (let i = 0; i < 3; i++) {
    const p = parts[i];
    if (p === undefined || /^[xX*]$/.test(p)) { if (wild === 3) wild = i; nums.push(undefined); continue; }
    if (!/^\d+$/.test(p)) return undefined;
    nums.push(wild < 3 ? undefined : Number(p));
  }
  return { major: nums[0], minor: nums[1], patch: nums[2], pre: m[4] ?? '', wild };
}

function toVer(p: Partial): SemVer {
  return { major: p.major ?? 0, minor: p.minor ?? 0, patch: p.patch ?? 0, pre: p.pre, build: '' };
}

function one(op: string, p: Partial): Check {
  const base = toVer(p);
  const cmp = (v: SemVer) => compareSemver(v, base);
  const upper = (): SemVer => p.wild === 0 ? { major: Infinity, minor: 0, patch: 0, pre: '', build: '' }
    : p.wild === 1 ? { major: base.major + 1, minor: 0, patch: 0, pre: '', build: '' }
    : p.wild === 2 ? { major: base.major, minor: base.minor + 1, patch: 0, pre: '', build: '' }
    : base;
  switch (op) {
    case '': case '=':
      if (p.wild === 3) return (v) => cmp(v) === 0;
      return (v) => compareSemver(v, base) >= 0 && (p.wild === 0 || compareSemver(v, upper()) < 0);
    case '!=':
      if (p.wild === 3) return (v) => cmp(v) !== 0;
      return (v) => !(compareSemver(v, base) >= 0 && (p.wild === 0 || compareSemver(v, upper()) < 0));
    case '>': return p.wild === 3 ? (v) => cmp(v) > 0 : (v) => p.wild !== 0 && compareSemver(v, upper()) >= 0;
    case '>=': case '=>': return (v) => cmp(v) >= 0;
    case '<': return (v) => cmp(v) < 0;
    case '<=': case '=<': return p.wild === 3 ? (v) => cmp(v) <= 0 : (v) => p.wild === 0 || compareSemver(v, upper()) < 0;
    case '~': case '~>': {
      const hi: SemVer = p.wild <= 1 && p.wild !== 3 ? { major: base.major + 1, minor: 0, patch: 0, pre: '', build: '' }
        : { major: base.major, minor: base.minor + 1, patch: 0, pre: '', build: '' };
      return (v) => cmp(v) >= 0 && compareSemver(v, hi) < 0;
    }
    case '^': {
      let hi: SemVer;
      if (base.major > 0 || p.wild === 1) hi = { major: base.major + 1, minor: 0, patch: 0, pre: '', build: '' };
      else if (base.minor > 0 || p.wild === 2) hi = { major: 0, minor: base.minor + 1, patch: 0, pre: '', build: '' };
      else hi = { major: 0, minor: 0, patch: base.patch + 1, pre: '', build: '' };
      return (v) => cmp(v) >= 0 && compareSemver(v, hi) < 0;
    }
  }
  throw new Error(`improper constraint: ${op}`);
}

/** A Masterminds constraint; throws `improper constraint: X` when unparsable. */
export function parseConstraint(text: string): (v: SemVer) => boolean {
  const ors = text.split('||').map((s) => s.trim());
  const alts: { checks: Check[]; allowPre: boolean }[] = [];
  for (const or of ors) {
    const checks: Check[] = [];
    let allowPre = false;
    const norm = or.replace(/\s*-\s+/g, ' - ').replace(/(=|<|>|~|\^|!)\s+/g, '$1');
    const tokens = norm.split(/[\s,]+/).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i + 1] === '-' && tokens[i + 2] !== undefined) {
        const lo = parsePartial(tokens[i]!), hi = parsePartial(tokens[i + 2]!);
        if (!lo || !hi) throw new Error(`improper constraint: ${text}`);
        if (lo.pre || hi.pre) allowPre = true;
        checks.push(one('>=', lo), one('<=', hi));
        i += 2;
        continue;
      }
      const m = /^(!=|>=|=>|<=|=<|~>|[=<>~^])?(.*)$/.exec(tokens[i]!)!;
      const p = parsePartial(m[2]!);
      if (!p) throw new Error(`improper constraint: ${text}`);
      if (p.pre) allowPre = true;
      checks.push(one(m[1] ?? '', p));
    }
    alts.push({ checks, allowPre });
  }
  return (v) => alts.some((a) => (v.pre === '' || a.allowPre) && a.checks.every((c) => c(v)));
}

export function satisfies(version: string, constraint: string): boolean {
  const v = parseSemver(version);
  if (!v) return false;
  try { return parseConstraint(constraint)(v); } catch { return false; }
}
