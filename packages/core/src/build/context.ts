// The build context of a Dockerfile image as Git sees it: the tree of the
// context directory at a commit (object hashes only, no file reads), the
// .dockerignore filter, and werf's ls-tree checksum of COPY/ADD sources
// (SHA-256 over `<hash><mode>` of matching entries sorted by path, whole
// subtrees taken by their tree hash when fully matched). Trees are read
// lazily, one `git cat-file --batch` per directory level that has to be
// looked into, so a digest costs far less than listing the whole context.
import { createHash } from 'node:crypto';
import { parseTreeObject, type GitRepo, type ObjectInfo } from '../git/index.js';
import { WerfActionError } from '../errors/index.js';
import type { DockerIgnore, SourceMatcher } from './dockerignore.js';

export interface ContextEntry {
  /** Path relative to the context directory. */
  path: string;
  /** Octal mode (`100644`, `40000`/`040000`, `120000`, `160000`). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  hash: string;
}

/** go-git's FileMode.String(): 7 octal digits. */
function modeString(mode: string): string {
  return mode.padStart(7, '0');
}

export class ContextTree {
  /** Children of each loaded directory (relative to the context; '' = the context itself). */
  private readonly children = new Map<string, ContextEntry[]>();
  private readonly treeHashes = new Map<string, string>();
  private fullyLoaded = false;

  private constructor(
    private readonly git: GitRepo | undefined,
    readonly commit: string,
    /** Context directory relative to the repository root ('' = root). */
    readonly contextPath: string,
    readonly rootHash: string,
  ) {
    this.treeHashes.set('', rootHash);
  }

  /** Opens the context directory of `commit`: one `git cat-file --batch` for its top level. */
  static async load(git: GitRepo, commit: string, contextPath: string): Promise<ContextTree> {
    const name = ContextTree.rootObjectName(commit, contextPath);
    return ContextTree.fromRootObject(git, commit, contextPath, (await git.readObjects([name])).get(name));
  }

  /** The `git cat-file` name of the context's tree. */
  static rootObjectName(commit: string, contextPath: string): string {
    const clean = normalize(contextPath);
    return clean === '' ? `${commit}^{tree}` : `${commit}:${clean}`;
  }

  /** Opens the context from its tree object, read by the caller (batched with other reads). */
  static fromRootObject(git: GitRepo, commit: string, contextPath: string, obj: ObjectInfo | undefined): ContextTree {
    const clean = normalize(contextPath);
    if (!obj || obj.kind !== 'tree' || !obj.hash || !obj.content) {
      throw new WerfActionError(`build context "${clean || '.'}" is not a directory in commit ${commit.slice(0, 12)}`, {
        code: 'build.context-not-found',
        location: { subject: clean || '.' },
        hint: 'the context must be a directory committed to git (giterminism)',
      });
    }
    const t = new ContextTree(git, commit, clean, obj.hash);
    t.setChildren('', parseTreeObject(obj.content, obj.hash.length / 2));
    return t;
  }

  /** A tree from a full listing (tests, and trees assembled elsewhere). */
  static fromEntries(contextPath: string, rootHash: string, entries: ContextEntry[]): ContextTree {
    const t = new ContextTree(undefined, '', normalize(contextPath), rootHash);
    t.fillFromListing(entries);
    return t;
  }

  private setChildren(dir: string, raw: { name: string; mode: string; type: ContextEntry['type']; hash: string }[]): void {
    const prefix = dir === '' ? '' : dir + '/';
    const list = raw.map((e) => ({ path: prefix + e.name, mode: e.mode, type: e.type, hash: e.hash }));
    this.children.set(dir, list);
    for (const e of list) if (e.type === 'tree') this.treeHashes.set(e.path, e.hash);
  }

  private fillFromListing(entries: ContextEntry[]): void {
    const map = new Map<string, ContextEntry[]>([['', []]]);
    for (const e of entries) {
      const slash = e.path.lastIndexOf('/');
      const parent = slash < 0 ? '' : e.path.slice(0, slash);
      let list = map.get(parent);
      if (!list) map.set(parent, (list = []));
      list.push(e);
      if (e.type === 'tree') {
        this.treeHashes.set(e.path, e.hash);
        if (!map.has(e.path)) map.set(e.path, []);
      }
    }
    for (const [k, v] of map) this.children.set(k, v);
    this.fullyLoaded = true;
  }

  /** Loads the children of `dirs` not loaded yet, in one batch. */
  private async ensure(dirs: string[]): Promise<void> {
    const missing = dirs.filter((d) => !this.children.has(d));
    if (missing.length === 0) return;
    if (!this.git) throw new Error('internal: context tree without git is incomplete');
    const byHash = new Map<string, string[]>();
    for (const d of missing) {
      const h = this.treeHashes.get(d)!;
      byHash.set(h, [...(byHash.get(h) ?? []), d]);
    }
    const objs = await this.git.readObjects([...byHash.keys()]);
    for (const [h, ds] of byHash) {
      const o = objs.get(h);
      for (const d of ds) this.setChildren(d, o?.kind === 'tree' && o.content ? parseTreeObject(o.content, h.length / 2) : []);
    }
  }

  /** Loads everything with one recursive `git ls-tree` (for materializing the context). */
  async loadAll(): Promise<void> {
    if (this.fullyLoaded) return;
    if (!this.git) return;
    const list = await this.git.lsTree(this.commit, this.contextPath === '' ? undefined : [this.contextPath], { recursive: true, trees: true });
    const prefix = this.contextPath === '' ? '' : this.contextPath + '/';
    const entries: ContextEntry[] = [];
    for (const e of list) {
      if (!e.path.startsWith(prefix) || e.path.length === prefix.length) continue;
      entries.push({ path: e.path.slice(prefix.length), mode: e.mode, type: e.type, hash: e.hash });
    }
    this.fillFromListing(entries);
  }

  /** Committed non-directory entries left after .dockerignore (`keep`, e.g. the Dockerfile, is never dropped). */
  async files(ignore: DockerIgnore, keep: readonly string[] = []): Promise<ContextEntry[]> {
    await this.loadAll();
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
  async checksum(ignore: DockerIgnore, sources: SourceMatcher): Promise<string> {
    const picked: { path: string; hash: string; mode: string }[] = [];
    const full = this.contextPath === '' ? '' : this.contextPath + '/';
    let frontier: string[] = [''];
    while (frontier.length) {
      const walk: string[] = [];
      for (const dir of frontier) {
        const src = sources.dirStatus(dir);
        if (src === 'none') continue;
        const ign = ignore.dirStatus(dir);
        if (ign === 'all') continue;
        if (src === 'all' && ign === 'none') {
          picked.push({ path: dir === '' ? this.contextPath : full + dir, hash: this.treeHashes.get(dir)!, mode: '040000' });
          continue;
        }
        walk.push(dir);
      }
      await this.ensure(walk);
      const next: string[] = [];
      for (const dir of walk) {
        for (const e of this.children.get(dir) ?? []) {
          if (e.type === 'tree') next.push(e.path);
          else if (sources.matches(e.path) && !ignore.ignores(e.path)) picked.push({ path: full + e.path, hash: e.hash, mode: e.mode });
        }
      }
      frontier = next;
    }
    if (picked.length === 0) return '';
    picked.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const h = createHash('sha256');
    for (const p of picked) h.update(p.hash + modeString(p.mode));
    return h.digest('hex');
  }
}

function normalize(contextPath: string): string {
  const ctx = contextPath.replace(/^\.?\/*/, '').replace(/\/+$/, '');
  return ctx === '.' ? '' : ctx;
}
