// Sprig v3.2.3's bcrypt/htpasswd and certificate functions (genCA, genSelfSignedCert, genSignedCert,
// their *WithKey variants, buildCustomCert) on node:crypto: a small DER encoder builds X.509 v3
// certificates the way Go's x509.CreateCertificate does for sprig's templates; bcrypt is
// golang.org/x/crypto/bcrypt (cost 10, `$2a$`). Output is random (keys, serials, salts).
import { createHash, createPrivateKey, generateKeyPairSync, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { GoStruct, typeName } from '../values.js';
import { formatV } from '../fmt.js';

// ---------------------------------------------------------------- bcrypt
// Blowfish P-array and S-boxes are the hex digits of pi's fraction (computed once, Machin's formula).
let PI_WORDS: Uint32Array | undefined;
function piWords(): Uint32Array {
  if (PI_WORDS) return PI_WORDS;
  const n = 18 + 4 * 256, bits = BigInt(n * 32 + 64);
  const one = 1n << bits;
  const atanInv = (x: bigint): bigint => {
    let sum = 0n, term = one / x, k = 1n, sgn = 1n;
    const x2 = x * x;
    while (term !== 0n) { sum += sgn * (term / k); term /= x2; k += 2n; sgn = -sgn; }
    return sum;
  };
  let pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  pi = (pi - 3n * one) >> 64n; // fraction, n*32 bits
  const w = new Uint32Array(n);
  for (let i = n - 1; i >= 0; i--) { w[i] = Number(pi & 0xffffffffn); pi >>= 32n; }
  return (PI_WORDS = w);
}

class Blowfish {
  p: Uint32Array; s0: Uint32Array; s1: Uint32Array; s2: Uint32Array; s3: Uint32Array;
  constructor() {
    const w = piWords();
    this.p = w.slice(0, 18); this.s0 = w.slice(18, 274); this.s1 = w.slice(274, 530); this.s2 = w.slice(530, 786); this.s3 = w.slice(786, 1042);
  }
  private f(x: number): number {
    return ((((this.s0[x >>> 24] + this.s1[(x >>> 16) & 0xff]) >>> 0) ^ this.s2[(x >>> 8) & 0xff]) + this.s3[x & 0xff]) >>> 0;
  }
  enc(l: number, r: number): [number, number] {
    const p = this.p;
    l = (l ^ p[0]) >>> 0;
    for (let i = 1; i <= 16; i += 2) {
      r = (r ^ this.f(l) ^ p[i]) >>> 0;
      l = (l ^ this.f(r) ^ p[i + 1]) >>> 0;
    }
    r = (r ^ p[17]) >>> 0;
    return [r, l];
  }
  expand(key: Uint8Array, salt?: Uint8Array): void {
    let j = 0;
    const next = (b: Uint8Array): number => { let w = 0; for (let i = 0; i < 4; i++) { w = ((w << 8) | b[j]) >>> 0; j = (j + 1) % b.length; } return w; };
    for (let i = 0; i < 18; i++) this.p[i] = (this.p[i] ^ next(key)) >>> 0;
    j = 0;
    let l = 0, r = 0;
    const fill = (arr: Uint32Array): void => {
      for (let i = 0; i < arr.length; i += 2) {
        if (salt) { l = (l ^ next(salt)) >>> 0; r = (r ^ next(salt)) >>> 0; }
        [l, r] = this.enc(l, r);
        arr[i] = l; arr[i + 1] = r;
      }
    };
    fill(this.p); fill(this.s0); fill(this.s1); fill(this.s2); fill(this.s3);
  }
}

const STD64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BC64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function bcB64(b: Uint8Array): string {
  return Buffer.from(b).toString('base64').replace(/=+$/, '').replace(/[A-Za-z0-9+/]/g, (c) => BC64[STD64.indexOf(c)]);
}
function bcB64Decode(s: string): Buffer {
  return Buffer.from(s.replace(/./g, (c) => STD64[BC64.indexOf(c)]), 'base64');
}

/** bcrypt hash as golang.org/x/crypto/bcrypt's GenerateFromPassword (`$2a$`); salt is 22 radix-64 chars. */
export function bcryptHash(password: string | Uint8Array, cost = 10, salt22?: string): string {
  if (cost < 4 || cost > 31) throw new Error(`crypto/bcrypt: cost ${cost} is outside allowed range (4,31)`);
  const salt = salt22 ?? bcB64(randomBytes(16));
  const csalt = bcB64Decode(salt);
  const pw = typeof password === 'string' ? Buffer.from(password) : Buffer.from(password);
  const key = Buffer.concat([pw, Buffer.from([0])]);
  const bf = new Blowfish();
  bf.expand(key, csalt);
  for (let i = 0, n = 2 ** cost; i < n; i++) { bf.expand(key); bf.expand(csalt); }
  const magic = Buffer.from('OrpheanBeholderScryDoubt');
  const words: number[] = [];
  for (let i = 0; i < 6; i++) words.push(magic.readUInt32BE(i * 4));
  for (let i = 0; i < 24; i += 8) {
    const k = i / 4;
    for (let r = 0; r < 64; r++) [words[k], words[k + 1]] = bf.enc(words[k], words[k + 1]);
  }
  const out = Buffer.alloc(24);
  words.forEach((w, i) => out.writeUInt32BE(w, i * 4));
  return `$2a$${String(cost).padStart(2, '0')}$${salt}${bcB64(out.subarray(0, 23))}`;
}

export function sprigBcrypt(input: string): string { return bcryptHash(input, 10); }
export function sprigHtpasswd(user: string, pass: string): string {
  if (user.includes(':')) return `invalid username: ${user}`;
  return `${user}:${bcryptHash(pass, 10)}`;
}

// ---------------------------------------------------------------- DER
function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const b: number[] = [];
  while (n > 0) { b.unshift(n & 0xff); n = Math.floor(n / 256); }
  return Buffer.from([0x80 | b.length, ...b]);
}
const tlv = (tag: number, ...c: Buffer[]): Buffer => { const body = Buffer.concat(c); return Buffer.concat([Buffer.from([tag]), len(body.length), body]); };
const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);
function oid(s: string): Buffer {
  const p = s.split('.').map(Number);
  const out = [40 * p[0] + p[1]];
  for (const v of p.slice(2)) {
    const b = [v & 0x7f];
    let x = Math.floor(v / 128);
    while (x > 0) { b.unshift(0x80 | (x & 0x7f)); x = Math.floor(x / 128); }
    out.push(...b);
  }
  return tlv(0x06, Buffer.from(out));
}
function uint(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  b = b.subarray(i);
  return tlv(0x02, b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bits = (b: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.from([unused]), b);
function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const p = (n: number): string => String(n).padStart(2, '0');
  const rest = p(d.getUTCMonth() + 1) + p(d.getUTCDate()) + p(d.getUTCHours()) + p(d.getUTCMinutes()) + p(d.getUTCSeconds()) + 'Z';
  return y >= 1950 && y < 2050 ? tlv(0x17, Buffer.from(p(y % 100) + rest)) : tlv(0x18, Buffer.from(String(y).padStart(4, '0') + rest));
}
function name(cn: string): Buffer {
  return seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));
}

interface Tlv { tag: number; start: number; hdr: number; end: number }
function readTlv(b: Buffer, at: number): Tlv {
  if (at + 2 > b.length) throw new Error('x509: malformed certificate');
  const tag = b[at];
  let l = b[at + 1], hdr = 2;
  if (l & 0x80) {
    const n = l & 0x7f;
    if (n === 0 || n > 4 || at + 2 + n > b.length) throw new Error('x509: malformed certificate');
    l = 0;
    for (let i = 0; i < n; i++) l = l * 256 + b[at + 2 + i];
    hdr += n;
  }
  if (at + hdr + l > b.length) throw new Error('x509: malformed certificate');
  return { tag, start: at, hdr, end: at + hdr + l };
}
function children(b: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.start + t.hdr; at < t.end;) { const c = readTlv(b, at); out.push(c); at = c.end; }
  return out;
}
/** raw subject Name and subjectKeyIdentifier of a DER certificate. */
function certInfo(der: Buffer): { subject: Buffer; ski?: Buffer } {
  const cert = readTlv(der, 0);
  if (cert.tag !== 0x30) throw new Error('x509: malformed certificate');
  const tbs = children(der, cert)[0];
  if (!tbs || tbs.tag !== 0x30) throw new Error('x509: malformed tbs certificate');
  let f = children(der, tbs);
  if (f[0]?.tag === 0xa0) f = f.slice(1);
  if (f.length < 6) throw new Error('x509: malformed tbs certificate');
  const subject = der.subarray(f[4].start, f[4].end);
  let ski: Buffer | undefined;
  const ext = f.find((x) => x.tag === 0xa3);
  if (ext) {
    const list = children(der, ext)[0];
    for (const e of list ? children(der, list) : []) {
      const parts = children(der, e);
      const id = der.subarray(parts[0].start, parts[0].end);
      if (id.equals(oid('2.5.29.14'))) {
        const val = parts[parts.length - 1];
        const inner = readTlv(der, val.start + val.hdr);
        ski = Buffer.from(der.subarray(inner.start + inner.hdr, inner.end));
      }
    }
  }
  return { subject: Buffer.from(subject), ski };
}

// ---------------------------------------------------------------- certificates
export class Certificate extends GoStruct {
  override readonly goType = 'sprig.certificate';
  constructor(readonly Cert: string, readonly Key: string) { super(); }
  override field(n: string): { ok: boolean; value?: unknown } {
    if (n === 'Cert') return { ok: true, value: this.Cert };
    if (n === 'Key') return { ok: true, value: this.Key };
    return { ok: false };
  }
  override format(): string { return `{${this.Cert} ${this.Key}}`; }
}

function pemDecode(s: string): { type: string; der: Buffer } | undefined {
  const m = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/.exec(s);
  if (!m) return undefined;
  const body = m[2].split(/\r?\n/).filter((l) => !l.includes(':')).join('');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(body)) return undefined;
  return { type: m[1], der: Buffer.from(body, 'base64') };
}
function pemEncode(type: string, der: Buffer): string {
  const b = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${type}-----\n${b}\n-----END ${type}-----\n`;
}

/** sprig parsePrivateKeyPEM */
const DSA_KEY = Symbol('dsa');
type PrivKey = KeyObject | typeof DSA_KEY;
function parsePrivateKeyPEM(s: string): PrivKey {
  const blk = pemDecode(s);
  if (!blk) throw new Error('no PEM data in input');
  const tryKey = (format: 'pkcs8' | 'pkcs1' | 'sec1', what: string): KeyObject => {
    try { return createPrivateKey({ key: blk.der, format: 'der', type: format }); } catch (e) { throw new Error(`${what}: ${(e as Error).message}`); }
  };
  if (blk.type === 'PRIVATE KEY') {
    const k = tryKey('pkcs8', 'decoding PEM as PKCS#8');
    if (!['rsa', 'ec', 'ed25519'].includes(k.asymmetricKeyType ?? '')) throw new Error(`decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm`);
    return k;
  }
  if (!blk.type.endsWith(' PRIVATE KEY')) throw new Error(`no private key data in PEM block of type ${blk.type}`);
  switch (blk.type.slice(0, -12)) {
    case 'RSA': return tryKey('pkcs1', 'parsing RSA private key from PEM');
    case 'EC': return tryKey('sec1', 'parsing EC private key from PEM');
    case 'DSA': {
      // sprig's DSAKeyFormat {Version, P, Q, G, Y, X}; Go's x509 cannot use it afterwards
      try { const t = readTlv(blk.der, 0); if (t.tag !== 0x30 || children(blk.der, t).length !== 6) throw new Error('x'); } catch { throw new Error('parsing DSA private key from PEM: asn1: structure error'); }
      return DSA_KEY;
    }
    default: throw new Error(`invalid private key type ${blk.type}`);
  }
}
/** sprig pemBlockForKey */
function keyPEM(k: KeyObject): string {
  switch (k.asymmetricKeyType) {
    case 'rsa': return k.export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'ec': return k.export({ type: 'sec1', format: 'pem' }) as string;
    default: return k.export({ type: 'pkcs8', format: 'pem' }) as string;
  }
}
function sigAlg(k: KeyObject): { alg: Buffer; hash: string | null } {
  switch (k.asymmetricKeyType) {
    case 'rsa': return { alg: seq(oid('1.2.840.113549.1.1.11'), tlv(0x05)), hash: 'sha256' };
    case 'ec': {
      const c = k.asymmetricKeyDetails?.namedCurve;
      if (c === 'secp384r1') return { alg: seq(oid('1.2.840.10045.4.3.3')), hash: 'sha384' };
      if (c === 'secp521r1') return { alg: seq(oid('1.2.840.10045.4.3.4')), hash: 'sha512' };
      return { alg: seq(oid('1.2.840.10045.4.3.2')), hash: 'sha256' };
    }
    case 'ed25519': return { alg: seq(oid('1.3.101.112')), hash: null };
    default: throw new Error('x509: only RSA, ECDSA and Ed25519 keys supported');
  }
}

function ipBytes(s: string): Buffer | undefined {
  const v4 = (x: string): number[] | undefined => {
    const p = x.split('.');
    if (p.length !== 4 || p.some((q) => !/^\d{1,3}$/.test(q) || Number(q) > 255 || (q.length > 1 && q[0] === '0'))) return undefined;
    return p.map(Number);
  };
  const k = isIP(s);
  if (k === 4) return v4(s) ? Buffer.from(v4(s)!) : undefined;
  if (k !== 6 || s.includes('%')) return undefined;
  let tail: number[] = [];
  let str = s;
  const m = /(\d+\.\d+\.\d+\.\d+)$/.exec(str);
  if (m) { const q = v4(m[1]); if (!q) return undefined; tail = q; str = str.slice(0, -m[1].length) + (str.endsWith('::' + m[1]) ? '' : '0:0'); }
  const groups = (x: string): number[] => (x === '' ? [] : x.split(':').flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
  let bytes: number[];
  if (str.includes('::')) {
    const [a, b] = str.split('::');
    const ha = groups(a), hb = groups(b);
    bytes = [...ha, ...new Array(16 - tail.length - ha.length - hb.length).fill(0), ...hb];
  } else bytes = groups(str);
  if (tail.length) bytes = bytes.slice(0, 12).concat(tail);
  const out = Buffer.from(bytes);
  // net.IP.To4: IPv4-mapped addresses are written as 4 bytes
  if (out.subarray(0, 10).every((x) => x === 0) && out[10] === 0xff && out[11] === 0xff) return out.subarray(12);
  return out;
}

function getNetIPs(ips: unknown): Buffer[] {
  if (ips === null || ips === undefined) return [];
  return (ips as unknown[]).map((ip) => {
    if (typeof ip !== 'string') throw new Error(`error parsing ip: ${formatV(ip)} is not a string`);
    const b = ipBytes(ip);
    if (!b) throw new Error(`error parsing ip: ${ip}`);
    return b;
  });
}
function getDNS(dns: unknown): string[] {
  if (dns === null || dns === undefined) return [];
  return (dns as unknown[]).map((d) => {
    if (typeof d !== 'string') throw new Error(`error processing alternate dns name: ${formatV(d)} is not a string`);
    return d;
  });
}

interface Tpl { cn: string; ips: Buffer[]; dns: string[]; days: bigint; ca: boolean }
function baseTemplate(cn: string, ips: unknown, dns: unknown, days: bigint, ca = false): Tpl {
  return { cn, ips: getNetIPs(ips), dns: getDNS(dns), days, ca };
}

function spkiKeyId(spki: Buffer): Buffer {
  const top = readTlv(spki, 0);
  const bs = children(spki, top)[1];
  return createHash('sha1').update(spki.subarray(bs.start + bs.hdr + 1, bs.end)).digest();
}

function createCertificate(t: Tpl, priv: PrivKey, signer: PrivKey, issuer?: { subject: Buffer; ski?: Buffer }): string {
  if (signer === DSA_KEY) throw new Error('error creating certificate: x509: certificate private key does not implement crypto.Signer');
  if (priv === DSA_KEY) throw new Error('error creating certificate: x509: unsupported public key type: *dsa.PublicKey');
  const pub = createPublicKey(priv);
  const now = Date.now();
  const notBefore = new Date(now);
  const ms = Number(t.days) * 86400000;
  const notAfter = new Date(now + ms);
  if (!Number.isFinite(notAfter.getTime())) throw new Error('x509: invalid validity period');
  const serial = randomBytes(16);
  const spki = pub.export({ type: 'spki', format: 'der' }) as Buffer;
  const { alg, hash } = sigAlg(signer);
  const subject = name(t.cn);
  const exts: Buffer[] = [];
  const ext = (id: string, critical: boolean, val: Buffer): void => { exts.push(seq(oid(id), ...(critical ? [bool(true)] : []), octets(val))); };
  const ski = t.ca ? spkiKeyId(spki) : undefined;
  ext('2.5.29.15', true, t.ca ? bits(Buffer.from([0xa4]), 2) : bits(Buffer.from([0xa0]), 5));
  ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2')));
  ext('2.5.29.19', true, t.ca ? seq(bool(true)) : seq());
  if (ski) ext('2.5.29.14', false, octets(ski));
  if (issuer?.ski && !issuer.subject.equals(subject)) ext('2.5.29.35', false, seq(tlv(0x80, issuer.ski)));
  if (t.dns.length || t.ips.length) {
    ext('2.5.29.17', false, seq(...t.dns.map((d) => tlv(0x82, Buffer.from(d))), ...t.ips.map((ip) => tlv(0x87, ip))));
  }
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    uint(serial),
    alg,
    issuer ? issuer.subject : subject,
    seq(time(notBefore), time(notAfter)),
    subject,
    spki,
    tlv(0xa3, seq(...exts)),
  );
  const sig = sign(hash, tbs, signer);
  return pemEncode('CERTIFICATE', seq(tbs, alg, bits(sig)));
}

const newRSA = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

function selfSigned(t: Tpl, priv: PrivKey): Certificate {
  const cert = createCertificate(t, priv, priv);
  return new Certificate(cert, keyPEM(priv as KeyObject));
}
function keyArg(pem: string): PrivKey {
  try { return parsePrivateKeyPEM(pem); } catch (e) { throw new Error(`parsing private key: ${(e as Error).message}`); }
}

export function genCA(cn: string, days: bigint): Certificate { return selfSigned(baseTemplate(cn, null, null, days, true), newRSA()); }
export function genCAWithKey(cn: string, days: bigint, key: string): Certificate { return selfSigned(baseTemplate(cn, null, null, days, true), keyArg(key)); }
export function genSelfSignedCert(cn: string, ips: unknown, dns: unknown, days: bigint): Certificate {
  const t = baseTemplate(cn, ips, dns, days);
  return selfSigned(t, newRSA());
}
export function genSelfSignedCertWithKey(cn: string, ips: unknown, dns: unknown, days: bigint, key: string): Certificate {
  const t = baseTemplate(cn, ips, dns, days);
  return selfSigned(t, keyArg(key));
}
function signed(cn: string, ips: unknown, dns: unknown, days: bigint, ca: unknown, priv: () => PrivKey): Certificate {
  if (!(ca instanceof Certificate)) throw new Error(`wrong type for value; expected sprig.certificate; got ${ca === null || ca === undefined ? 'interface {}' : typeName(ca)}`);
  const k = priv();
  const blk = pemDecode(ca.Cert);
  if (!blk) throw new Error('unable to decode certificate');
  let info: { subject: Buffer; ski?: Buffer };
  try { info = certInfo(blk.der); } catch (e) { throw new Error(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`); }
  let signer: PrivKey;
  try { signer = parsePrivateKeyPEM(ca.Key); } catch (e) { throw new Error(`error parsing private key: ${(e as Error).message}`); }
  const t = baseTemplate(cn, ips, dns, days);
  return new Certificate(createCertificate(t, k, signer, info), keyPEM(k as KeyObject));
}

export function genSignedCert(cn: string, ips: unknown, dns: unknown, days: bigint, ca: unknown): Certificate {
  return signed(cn, ips, dns, days, ca, newRSA);
}
export function genSignedCertWithKey(cn: string, ips: unknown, dns: unknown, days: bigint, ca: unknown, key: string): Certificate {
  return signed(cn, ips, dns, days, ca, () => keyArg(key));
}
export function buildCustomCert(b64cert: string, b64key: string): Certificate {
  const dec = (s: string): Buffer | undefined => (/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s) ? Buffer.from(s, 'base64') : undefined);
  const cert = dec(b64cert);
  if (!cert) throw new Error('unable to decode base64 certificate');
  const key = dec(b64key);
  if (!key) throw new Error('unable to decode base64 private key');
  const blk = pemDecode(cert.toString('latin1'));
  if (!blk) throw new Error('unable to decode certificate');
  try { certInfo(blk.der); } catch (e) { throw new Error(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`); }
  try { parsePrivateKeyPEM(key.toString('latin1')); } catch (e) { throw new Error(`error parsing private key: ${(e as Error).message}`); }
  return new Certificate(cert.toString('utf8'), key.toString('utf8'));
}

/** genPrivateKey "dsa": dsa.L2048N256 parameters, written as sprig's `DSA PRIVATE KEY` {0, P, Q, G, Y, X}. */
export function genDSAKey(): string {
  const der = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey.export({ type: 'pkcs8', format: 'der' }) as Buffer;
  const top = children(der, readTlv(der, 0));
  const params = children(der, children(der, top[1])[1]);
  const intOf = (t: Tlv): Buffer => der.subarray(t.start + t.hdr, t.end);
  const oct = top[2];
  const xT = readTlv(der, oct.start + oct.hdr);
  const big = (b: Buffer): bigint => BigInt('0x' + (b.toString('hex') || '0'));
  const [p, q, g] = params.map((t) => big(intOf(t)));
  const x = big(intOf(xT));
  let y = 1n, base = g % p, e = x;
  while (e > 0n) { if (e & 1n) y = (y * base) % p; base = (base * base) % p; e >>= 1n; }
  const hex = (n: bigint): Buffer => { const h = n.toString(16); return Buffer.from(h.length % 2 ? '0' + h : h, 'hex'); };
  void q;
  const body = seq(tlv(0x02, Buffer.from([0])), ...params.map((t) => uint(Buffer.from(intOf(t)))), uint(hex(y)), uint(hex(x)));
  return pemEncode('DSA PRIVATE KEY', body);
}
