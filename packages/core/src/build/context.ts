// The build context of a Dockerfile image as Git sees it: the tree of the
// context directory at a commit (object hashes only, no file reads), the
// .dockerignore filter, and werf's ls-tree checksum of COPY/ADD sources
// (SHA-256 over `<hash><mode>` of matching entries sorted by path, whole
// subtrees taken by their tree hash when fully matched).
import { createHash } from 'node:crypto';
import type { GitRepo, TreeEntry } from '../git/index.js';
import { WerfActionError } from '../errors/index.js';
import { DockerIgnore, SourceMatcher } from './dockerignore.js';

export interface ContextEntry {
  /** Path relative to the context directory. */
  path: string;
  mode: string;
  type: TreeEntry['type'];
  hash: string;
}

/** go-git's FileMode.String(): 7 octal digits. */
function modeString(mode: string): string {
  return mode.padStart(7, '0');
}

export class ContextTree {
  /** Children of each directory (relative to the context; '' = the context itself), in git order. */
  private readonly children = new Map<string, ContextEntry[]>();

  private constructor(
    /** Context directory relative to the repository root ('' = root). */
    readonly contextPath: string,
    readonly rootHash: string,
    readonly entries: readonly ContextEntry[],
  ) {
    this.children.set('', []);
    for (const e of entries) {
      const slash = e.path.lastIndexOf('/');
      const parent = slash < 0 ? '' : e.path.slice(0, slash);
      let list = this.children.get(parent);
      if (!list) {
        list = [];
        this.children.set(parent, list);
      }
      list.push(e);
    }
  }

  /** Lists the context directory of `commit` with one `git ls-tree -r -t`. */
  static async load(git: GitRepo, commit: string, contextPath: string): Promise<ContextTree> {
    const ctx = contextPath.replace(/^\.?\/*/, '').replace(/\/+$/, '');
    const clean = ctx === '.' ? '' : ctx;
    const [rootHash, list] = await Promise.all([
      git.treeHash(commit, clean),
      git.lsTree(commit, clean === '' ? undefined : [clean], { recursive: true, trees: true }),
    ]);
    if (!rootHash) {
      throw new WerfActionError(`build context "${clean}" does not exist in commit ${commit.slice(0, 12)}`, {
        code: 'build.context-not-found',
        location: { subject: clean || '.' },
        hint: 'the context must be a directory committed to git (giterminism)',
      });
    }
    const prefix = clean === '' ? '' : clean + '/';
    const entries: ContextEntry[] = [];
    for (const e of list) {
      if (!e.path.startsWith(prefix) || e.path.length === prefix.length) continue;
      entries.push({ path: e.path.slice(prefix.length), mode: e.mode, type: e.type, hash: e.hash });
    }
    return new ContextTree(clean, rootHash, entries);
  }

  /** For tests and for trees assembled elsewhere. */
  static fromEntries(contextPath: string, rootHash: string, entries: ContextEntry[]): ContextTree {
    return new ContextTree(contextPath, rootHash, entries);
  }

  /** Committed non-directory entries left after .dockerignore (the Dockerfile is always kept). */
  files(ignore: DockerIgnore, keep: readonly string[] = []): ContextEntry[] {
    const keepSet = new Set(keep);
    const out: ContextEntry[] = [];
    const walk = (dir: string) => {
      for (const e of this.children.get(dir) ?? []) {
        if (e.type === 'tree') {
          if (ignore.dirStatus(e.path) === 'all' && ![...keepSet].some((k) => k.startsWith(e.path + '/'))) continue;
          walk(e.path);
        } else if (keepSet.has(e.path) || !ignore.ignores(e.path)) out.push(e);
      }
    };
    walk('');
    return out;
  }

  /**
   * werf's ls-tree checksum of the entries matched by `sources` and not
   * ignored: hex SHA-256 over `<hash><mode>` sorted by path, "" when nothing
   * matches. Directories wholly matched contribute their tree hash.
   */
  checksum(ignore: DockerIgnore, sources: SourceMatcher): string {
    const picked: { path: string; hash: string; mode: string }[] = [];
    const full = (this.contextPath === '' ? '' : this.contextPath + '/');
    const visitDir = (dir: string, hash: string) => {
      const src = sources.dirStatus(dir);
      if (src === 'none') return;
      const ign = ignore.dirStatus(dir);
      if (ign === 'all') return;
      if (src === 'all' && ign === 'none') {
        picked.push({ path: dir === '' ? this.contextPath : full + dir, hash, mode: '040000' });
        return;
      }
      for (const e of this.children.get(dir) ?? []) {
        if (e.type === 'tree') visitDir(e.path, e.hash);
        else if (sources.matches(e.path) && !ignore.ignores(e.path)) picked.push({ path: full + e.path, hash: e.hash, mode: e.mode });
      }
    };
    visitDir('', this.rootHash);
    if (picked.length === 0) return '';
    picked.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const h = createHash('sha256');
    for (const p of picked) h.update(p.hash + modeString(p.mode));
    return h.digest('hex');
  }
}
