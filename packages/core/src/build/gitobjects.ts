// Reading Git objects in batches through the git module's runner: one
// `git cat-file --batch` per call for any number of `<rev>:<path>` names or
// hashes, and parsing of binary tree objects.
import type { GitRepo } from '../git/index.js';

export interface GitObject {
  hash: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  content: Buffer;
}

/** Objects for `names` (`<commit>:<path>`, `<hash>`, ...); missing names are absent from the map. */
export async function catFileBatch(git: GitRepo, names: readonly string[]): Promise<Map<string, GitObject>> {
  const out = new Map<string, GitObject>();
  const wanted = [...new Set(names)].filter((n) => !n.includes('\n'));
  if (wanted.length === 0) return out;
  const r = await git.run(['cat-file', '--batch'], { input: wanted.map((n) => n + '\n').join('') });
  const buf = r.stdout;
  let pos = 0;
  for (const name of wanted) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) break;
    const header = buf.toString('utf8', pos, nl);
    pos = nl + 1;
    const parts = header.split(' ');
    if (parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0]!)) {
      const size = Number(parts[2]);
      out.set(name, { hash: parts[0]!, type: parts[1] as GitObject['type'], content: buf.subarray(pos, pos + size) });
      pos += size + 1;
    }
  }
  return out;
}

export interface RawTreeEntry {
  name: string;
  /** As stored: `40000`, `100644`, `100755`, `120000`, `160000`. */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  hash: string;
}

/** Parses a binary tree object: `<mode> <name>\0<raw hash>` repeated. */
export function parseTree(content: Buffer, hashLength = 20): RawTreeEntry[] {
  const out: RawTreeEntry[] = [];
  let pos = 0;
  while (pos < content.length) {
    const sp = content.indexOf(0x20, pos);
    const nul = content.indexOf(0x00, sp + 1);
    if (sp < 0 || nul < 0) break;
    const mode = content.toString('latin1', pos, sp);
    const name = content.toString('utf8', sp + 1, nul);
    const hash = content.toString('hex', nul + 1, nul + 1 + hashLength);
    pos = nul + 1 + hashLength;
    out.push({ name, mode, hash, type: mode.startsWith('4') ? 'tree' : mode === '160000' ? 'commit' : 'blob' });
  }
  return out;
}
