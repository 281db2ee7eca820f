// Test helpers: charts built in memory or in temp dirs.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeTar } from './tar.js';
import { loadFiles } from './loader.js';
import type { Chart } from './types.js';

export type Tree = Record<string, string | Uint8Array>;

export function chartFrom(tree: Tree, source = 'mem'): Chart {
  return loadFiles(Object.entries(tree).map(([name, d]) => ({ name, data: typeof d === 'string' ? Buffer.from(d) : d })), source);
}

export function writeTree(dir: string, tree: Tree): void {
  for (const [name, d] of Object.entries(tree)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, d);
  }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'chart-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tgz(tree: Tree, prefix = 'chart'): Buffer {
  return gzipSync(writeTar(Object.entries(tree).map(([name, data]) => ({ name: `${prefix}/${name}`, data }))));
}

export const chartYaml = (name: string, extra = ''): string => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}`;
