// werf's secrets: AES with a hex key, values encrypted leaf by leaf in
// secret-values.yaml, whole files encrypted in .helm/secret/**.
// Format (werf/common-go pkg/secret): hex of [version uint16 LE] ‖ payload;
// version 16 = AES-CBC (IV 16 bytes ‖ ciphertext, PKCS#7) — what every werf
// release writes and reads; version 2 = AES-GCM (nonce 12 ‖ sealed) — read too.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, Scalar } from 'yaml';
import { WerfActionError } from '../errors/index.js';
import type { Context } from '../context.js';
import { isTable, type Values } from './yaml.js';

const VERSION_CBC = 16;
const VERSION_GCM = 2;

export type SecretFormat = 'cbc' | 'gcm';

/** `werf helm secret generate-secret-key`: 16 random bytes as 32 hex chars. */
export function generateSecretKey(): string {
  return randomBytes(16).toString('hex');
}

function keyBytes(key: string): Buffer {
  const k = key.trim();
  if (!/^[0-9a-fA-F]*$/.test(k) || k.length % 2 !== 0) {
    throw new WerfActionError('encoding/hex: invalid byte in the secret key', { code: 'secret.bad-key', hint: 'a secret key is hex (what `helm secret generate-secret-key` prints)' });
  }
  const b = Buffer.from(k, 'hex');
  if (![16, 24, 32].includes(b.length)) {
    throw new WerfActionError(`crypto/aes: invalid key size ${b.length}`, { code: 'secret.bad-key', hint: 'the key must be 32, 48 or 64 hex characters' });
  }
  return b;
}

function algo(key: Buffer, mode: 'cbc' | 'gcm'): string {
  return `aes-${key.length * 8}-${mode}`;
}

/** Encrypts bytes into werf's hex format (CBC by default, readable by every werf version). */
export function encryptData(key: string, data: Uint8Array | string, format: SecretFormat = 'cbc'): string {
  const k = keyBytes(key);
  const plain = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  const head = Buffer.alloc(2);
  if (format === 'gcm') {
    head.writeUInt16LE(VERSION_GCM);
    const nonce = randomBytes(12);
    const c = createCipheriv(algo(k, 'gcm'), k, nonce) as import('node:crypto').CipherGCM;
    const body = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    return Buffer.concat([head, nonce, body]).toString('hex');
  }
  head.writeUInt16LE(VERSION_CBC);
  const iv = randomBytes(16);
  const c = createCipheriv(algo(k, 'cbc'), k, iv);
  return Buffer.concat([head, iv, c.update(plain), c.final()]).toString('hex');
}

function extractError(data: string, message: string): WerfActionError {
  return new WerfActionError(`decryption failed: check data \`${data}\`: ${message}`, {
    code: 'secret.bad-data', hint: 'the value is not something werf encrypted (hex starting with 1000)',
  });
}

/** Decrypts werf's hex format; throws werf's messages on bad data or a wrong key. */
export function decryptData(key: string, hex: string): Buffer {
  const k = keyBytes(key);
  const text = hex.trim();
  if (text.length === 0) return Buffer.alloc(0);
  if (text.length % 2 !== 0) throw extractError(text, 'encoding/hex: odd length hex string');
  if (!/^[0-9a-fA-F]*$/.test(text)) throw extractError(text, 'encoding/hex: invalid byte');
  const raw = Buffer.from(text, 'hex');
  if (raw.length < 2) throw extractError(text, `minimum required data length: '${(2 + 32) * 2}'`);
  const version = raw.readUInt16LE(0);
  const wrongKey = () => new WerfActionError('decryption failed: check encryption key and data: inconsistent data, unpad failed', {
    code: 'secret.wrong-key', hint: 'the secret key (WERF_SECRET_KEY, .werf_secret_key or ~/.werf/global_secret_key) is not the one the data was encrypted with',
  });
  if (version === VERSION_CBC) {
    if (raw.length < 2 + 32) throw extractError(text, `minimum required data length: '${(2 + 32) * 2}'`);
    const iv = raw.subarray(2, 18);
    const body = raw.subarray(18);
    if (body.length % 16 !== 0) throw new WerfActionError("decryption failed: check encryption key and data: data isn't a multiple of the block size", { code: 'secret.bad-data' });
    const d = createDecipheriv(algo(k, 'cbc'), k, iv);
    d.setAutoPadding(false);
    const plain = Buffer.concat([d.update(body), d.final()]);
    const pad = plain[plain.length - 1]!;
    if (pad === 0 || pad > 16 || pad > plain.length) throw wrongKey();
    for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) throw wrongKey();
    return plain.subarray(0, plain.length - pad);
  }
  if (version === VERSION_GCM) {
    if (raw.length < 2 + 12 + 16) throw extractError(text, `minimum required data length: '${(2 + 12 + 16) * 2}'`);
    const nonce = raw.subarray(2, 14);
    const body = raw.subarray(14, raw.length - 16);
    const tag = raw.subarray(raw.length - 16);
    const d = createDecipheriv(algo(k, 'gcm'), k, nonce) as import('node:crypto').DecipherGCM;
    d.setAuthTag(tag);
    try { return Buffer.concat([d.update(body), d.final()]); } catch {
      throw new WerfActionError('decryption failed: check encryption key and data: authentication failed: data has been tampered with or the encryption key is wrong', { code: 'secret.wrong-key' });
    }
  }
  throw extractError(text, `unsupported secret format version: ${version}`);
}

export interface SecretKeyOptions {
  /** --secret-key */
  key?: string;
  /** Project directory (where .werf_secret_key may be). */
  projectDir?: string;
  /** ~/.werf (WERF_HOME / --home-dir). */
  homeDir?: string;
}

/** werf's key lookup: WERF_SECRET_KEY (or --secret-key), <project>/.werf_secret_key, ~/.werf/global_secret_key. */
export function findSecretKey(ctx: Pick<Context, 'env' | 'log'>, opts: SecretKeyOptions = {}): string {
  const fromEnv = opts.key ?? ctx.env.WERF_SECRET_KEY;
  const found = (k: string) => { const t = k.trim(); ctx.log.mask(t); return t; };
  if (fromEnv) return found(fromEnv);
  const places = ['WERF_SECRET_KEY environment variable'];
  if (opts.projectDir) {
    const p = join(opts.projectDir, '.werf_secret_key');
    places.push(`${p} file`);
    try { return found(readFileSync(p, 'utf8')); } catch { /* next */ }
  }
  const home = opts.homeDir ?? ctx.env.WERF_HOME ?? (ctx.env.HOME ? join(ctx.env.HOME, '.werf') : undefined);
  if (home) {
    const p = join(home, 'global_secret_key');
    places.push(`${p} file`);
    try { return found(readFileSync(p, 'utf8')); } catch { /* none */ }
  }
  throw new WerfActionError(`encryption key not found in: ${places.join(', ')}`, {
    code: 'secret.no-key',
    hint: 'set WERF_SECRET_KEY (a key from `helm secret generate-secret-key`), or use --ignore-secret-key to render with encrypted values',
  });
}

/** Go's %v of a YAML scalar as yaml.v3 decodes it (what werf encrypts). */
export function goScalarText(v: unknown, source?: string): string {
  if (typeof v === 'number') {
    const isInt = source === undefined ? Number.isInteger(v) : /^[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9_]+)$/.test(source.trim());
    return isInt ? String(v) : goFloatV(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Go's %v of a float64: shortest 'g' with the exponent form from 1e+06 up and below 1e-04. */
export function goFloatV(f: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  const [mant, expS] = f.toExponential().split('e');
  const exp = Number(expS);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

function loadDoc(text: string, file: string): Document {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new WerfActionError(`unable to unmarshal config data: yaml: line ${e.linePos?.[0]?.line ?? 0}: ${e.message.split('\n')[0]}`, {
      code: 'secret.yaml', location: { file, line: e.linePos?.[0]?.line },
    });
  }
  return doc;
}

function stringify(doc: Document): string {
  const s = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0 });
  return s;
}

/** Encrypts every non-null scalar of a values YAML (keys, comments, layout stay). */
export function encryptValuesYaml(key: string, text: string, file = 'secret-values.yaml', format: SecretFormat = 'cbc'): string {
  const doc = loadDoc(text, file);
  visit(doc, {
    Scalar(k, node) {
      if (k === 'key') return;
      if (node.value === null || node.value === undefined) return;
      node.value = encryptData(key, goScalarText(node.value, node.source), format);
      node.type = 'PLAIN';
      delete node.tag;
      return undefined;
    },
  });
  return stringify(doc);
}

/** Decrypts an encrypted values YAML back to YAML text (all leaves become strings). */
export function decryptValuesYaml(key: string, text: string, file = 'secret-values.yaml', mask?: (s: string) => void): string {
  const doc = loadDoc(text, file);
  let err: unknown;
  visit(doc, {
    Scalar(k, node) {
      if (k === 'key' || err) return;
      if (node.value === null || node.value === undefined) return;
      if (typeof node.value !== 'string') {
        err = new WerfActionError(`unable to decode non string value "${String(node.value)}": expected encoded value as hex string`, { code: 'secret.bad-data', location: { file, line: lineOfNode(doc, node) } });
        return visit.BREAK;
      }
      try {
        const plain = decryptData(key, node.value).toString('utf8');
        mask?.(plain);
        node.value = plain;
        delete node.type;
        return undefined;
      } catch (e) { err = e; return visit.BREAK; }
    },
  });
  if (err) throw err;
  return stringify(doc);
}

function lineOfNode(doc: Document, node: Scalar): number | undefined {
  const off = node.range?.[0];
  if (off === undefined) return undefined;
  const src = String((doc as unknown as { source?: string }).source ?? '');
  return src ? src.slice(0, off).split('\n').length : undefined;
}

/** Decrypts a secret-values file straight into values (each leaf a string), masking every value. */
export function decryptSecretValues(key: string, text: string, file: string, mask: (s: string) => void): Values {
  const doc = loadDoc(text, file);
  const raw = doc.toJS({ maxAliasCount: -1 }) as unknown;
  if (raw === null || raw === undefined) return {};
  const walk = (v: unknown, path: string): unknown => {
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (v instanceof Map) { const o: Values = {}; for (const [k, x] of v) o[String(k)] = walk(x, `${path}.${String(k)}`); return o; }
    if (typeof v === 'object') { const o: Values = {}; for (const [k, x] of Object.entries(v)) o[k] = walk(x, path ? `${path}.${k}` : k); return o; }
    if (typeof v !== 'string') {
      throw new WerfActionError(`unable to decode non string value "${String(v)}": expected encoded value as hex string`, { code: 'secret.bad-data', location: { file, subject: path } });
    }
    let plain: string;
    try { plain = decryptData(key, v).toString('utf8'); } catch (e) {
      if (e instanceof WerfActionError) throw new WerfActionError(e.message, { code: e.code, location: { file, subject: path }, hint: e.hint });
      throw e;
    }
    mask(plain);
    return plain;
  };
  const out = walk(raw, '');
  if (!isTable(out)) throw new WerfActionError('secret values must be a map', { code: 'secret.yaml', location: { file } });
  return out;
}

/**
 * `helm secret values edit` without an editor: the new plain YAML is encrypted,
 * but leaves whose plain value did not change keep their old ciphertext (small diffs).
 */
export function reencryptValuesYaml(key: string, oldEncrypted: string, newPlain: string, file = 'secret-values.yaml', format: SecretFormat = 'cbc'): string {
  const old = loadDoc(oldEncrypted, file);
  const neu = loadDoc(newPlain, file);
  const oldByPath = new Map<string, string>();
  const collect = (node: unknown, path: string) => {
    if (isMap(node)) for (const it of node.items) collect(it.value, `${path}.${isScalar(it.key) ? String(it.key.value) : String(it.key)}`);
    else if (isSeq(node)) node.items.forEach((x, i) => collect(x, `${path}[${i}]`));
    else if (isScalar(node) && typeof node.value === 'string') oldByPath.set(path, node.value);
  };
  collect(old.contents, '');
  const apply = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const it of node.items) {
        const p = `${path}.${isScalar(it.key) ? String(it.key.value) : String(it.key)}`;
        if (isScalar(it.value)) it.value = leaf(it.value, p);
        else apply(it.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((x, i) => { const p = `${path}[${i}]`; if (isScalar(x)) node.items[i] = leaf(x, p); else apply(x, p); });
    }
  };
  const leaf = (s: Scalar, p: string): Scalar => {
    if (s.value === null || s.value === undefined) return s;
    const plain = goScalarText(s.value, s.source);
    const prev = oldByPath.get(p);
    let cipher: string | undefined;
    if (prev !== undefined) {
      try { if (decryptData(key, prev).toString('utf8') === plain) cipher = prev; } catch { /* re-encrypt */ }
    }
    const n = new Scalar(cipher ?? encryptData(key, plain, format));
    n.commentBefore = s.commentBefore;
    n.comment = s.comment;
    return n;
  };
  if (isScalar(neu.contents)) neu.contents = leaf(neu.contents, '') as never;
  else apply(neu.contents, '');
  return stringify(neu);
}

/** `helm secret file encrypt`: the whole content as one hex line. */
export function encryptFile(key: string, data: Uint8Array | string, format: SecretFormat = 'cbc'): string {
  return encryptData(key, data, format) + '\n';
}

/** `helm secret file decrypt` / `werf_secret_file`. */
export function decryptFile(key: string, text: string | Uint8Array): Buffer {
  return decryptData(key, typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
}
