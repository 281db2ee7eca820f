// A small reader for tar archives (ustar, GNU long names, pax path/size), for
// chart .tgz files. Gzip is node:zlib. Only regular files are returned.
import { gunzipSync } from 'node:zlib';

export interface TarEntry { name: string; type: string; data: Uint8Array }

const MAX_SIZE = 100 * 1024 * 1024; // Helm's MaxDecompressedChartSize

function str(b: Uint8Array, start: number, len: number): string {
  let end = start;
  while (end < start + len && b[end] !== 0) end++;
  return Buffer.from(b.subarray(start, end)).toString('utf8');
}

function octal(b: Uint8Array, start: number, len: number): number {
  if (b[start]! & 0x80) { // base-256
    let n = 0;
    for (let i = start + 1; i < start + len; i++) n = n * 256 + b[i]!;
    return n;
  }
  const s = str(b, start, len).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

export function readTar(buf: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let longName: string | undefined;
  let pax: Record<string, string> = {};
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    const stored = octal(h, 148, 8);
    if (stored !== sum) throw new Error('archive/tar: invalid tar header');
    let size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156]! || 48);
    const magic = str(h, 257, 6);
    let name = str(h, 0, 100);
    if (magic === 'ustar') {
      const prefix = str(h, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    if (pax.size) size = Number(pax.size);
    const dataStart = off + 512;
    if (dataStart + size > buf.length) throw new Error('unexpected EOF');
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') { longName = str(data, 0, data.length); continue; }
    if (type === 'x') { pax = { ...pax, ...parsePax(data) }; continue; }
    if (type === 'g') continue;
    if (longName !== undefined) { name = longName; longName = undefined; }
    if (pax.path) name = pax.path;
    pax = {};
    out.push({ name, type, data });
  }
  return out;
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const text = Buffer.from(data).toString('utf8');
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) break;
    const len = parseInt(text.slice(i, sp), 10);
    if (!(len > 0)) break;
    const rec = text.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

export function gunzip(buf: Uint8Array): Uint8Array {
  return gunzipSync(buf, { maxOutputLength: MAX_SIZE });
}

/** Writes a ustar archive (for tests and for packaging charts). */
export function writeTar(entries: { name: string; data: Uint8Array | string; type?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data);
    const h = Buffer.alloc(512);
    let name = e.name;
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
      const cut = name.lastIndexOf('/', 154);
      if (cut > 0 && Buffer.byteLength(name.slice(cut + 1)) <= 100) {
        prefix = name.slice(0, cut);
        name = name.slice(cut + 1);
      } else {
        // GNU long name: an 'L' entry whose data is the name, before the entry itself.
        const long = writeTar([{ name: '././@LongLink', data: name + '\0', type: 'L' }]);
        blocks.push(long.subarray(0, long.length - 1024));
        name = name.slice(0, 100);
      }
    }
    h.write(name, 0, 100, 'utf8');
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write(e.type ?? '0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    h.write(prefix, 345, 155, 'utf8');
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += h[i]!;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
