// Reading project files under giterminism: from the HEAD commit, or from the
// work tree when allowed (werf-giterminism.yaml, --dev, --loose-giterminism).
// Uncommitted changes to a file that must come from the commit are errors
// that name the files. Paths here are relative to the project directory.
import { readFile, readdir, stat, realpath } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import type { GitRepo, StatusEntry, PathInfo, ObjectInfo } from '../git/index.js';
import { WerfActionError, type Location } from '../errors/index.js';
import { globToRegExp, globBase } from './glob.js';

export interface FilesMode {
  dev: boolean;
  loose: boolean;
}

/** What kind of file is read, for messages and allow-list hints. */
export interface FileKind {
  /** e.g. `werf.yaml`, `the template`, `the Dockerfile`. */
  what: string;
  /** werf-giterminism.yaml setting that would allow it. */
  allowHint: string;
}

export class ProjectFiles {
  private statusCache = new Map<string, StatusEntry>();
  private statusLoaded = new Set<string>();
  private treeCache = new Map<string, Map<string, { type: string }>>();
  readonly workTreeReads = new Set<string>();

  constructor(
    readonly repo: GitRepo,
    readonly commit: string,
    /** Project dir relative to the repo root ('' = root). */
    readonly projectPath: string,
    readonly projectDir: string,
    readonly mode: FilesMode,
  ) {}

  /** Path relative to the repository root. */
  toRepo(p: string): string {
    const clean = p.replace(/^\.\/+/, '').replace(/\/+$/, '');
    if (!this.projectPath) return clean;
    return clean === '' || clean === '.' ? this.projectPath : `${this.projectPath}/${clean}`;
  }

  fromRepo(p: string): string {
    if (!this.projectPath) return p;
    return p === this.projectPath ? '' : p.slice(this.projectPath.length + 1);
  }

  /** Loads `git status` for these project paths (one git call for all). */
  async loadStatus(paths: string[]): Promise<void> {
    const need = paths.filter((p) => !this.statusLoaded.has(p));
    if (need.length === 0) return;
    const entries = await this.repo.status(need.map((p) => this.toRepo(p)));
    for (const p of need) this.statusLoaded.add(p);
    for (const e of entries) this.statusCache.set(this.fromRepo(e.path), e);
  }

  /** Uncommitted/untracked files at or under `path` (status must be loaded for it or a parent). */
  uncommitted(path: string): StatusEntry[] {
    const clean = path.replace(/^\.\/+/, '').replace(/\/+$/, '');
    const out: StatusEntry[] = [];
    for (const [p, e] of this.statusCache) {
      if (clean === '' || p === clean || p.startsWith(clean + '/')) out.push(e);
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Whether the file should be read from the work tree. */
  useWorkTree(allowed: boolean): boolean {
    return this.mode.loose || this.mode.dev || allowed;
  }

  async inspect(paths: string[]): Promise<Map<string, PathInfo>> {
    const m = await this.repo.inspectPaths(this.commit, paths.map((p) => this.toRepo(p)));
    const out = new Map<string, PathInfo>();
    for (const p of paths) out.set(p, m.get(this.toRepo(p))!);
    return out;
  }

  private objects = new Map<string, ObjectInfo>();

  /** Records what `path` is in the commit (from a batch the caller already made). */
  seed(path: string, info: ObjectInfo): void {
    this.objects.set(path, info);
  }

  /** Fetches kind + content of these paths at the commit in one `cat-file --batch --follow-symlinks`. */
  async prefetch(paths: string[]): Promise<void> {
    const need = paths.filter((p) => !this.objects.has(p));
    if (!need.length) return;
    const m = await this.repo.readObjects(need.map((p) => `${this.commit}:${this.toRepo(p)}`), { followSymlinks: true });
    for (const p of need) this.objects.set(p, m.get(`${this.commit}:${this.toRepo(p)}`) ?? { kind: 'missing' });
  }

  object(path: string): ObjectInfo | undefined {
    return this.objects.get(path);
  }

  /** Raw bytes of a work-tree file (null when missing or not a file); symlinks out of the repository are errors. */
  async readDisk(p: string): Promise<Buffer | null> {
    let real: string;
    try {
      real = await realpath(join(this.projectDir, p));
    } catch {
      return null;
    }
    if (real !== this.repo.root && !real.startsWith(this.repo.root + '/')) {
      throw new WerfActionError(`${p} is a symlink that points outside the repository (${real})`, { code: 'config.path-escape', location: { file: p } });
    }
    try {
      return await readFile(real);
    } catch {
      return null; // a directory, or vanished
    }
  }

  /**
   * Checks that the work tree has no changes to `paths` compared with the
   * commit (content comparison; a difference is confirmed with `git status`
   * so the error names the change). Paths must be prefetched.
   */
  async assertUnchanged(paths: string[], kind: FileKind, at?: (p: string) => Location): Promise<void> {
    const suspects: string[] = [];
    await Promise.all(paths.map(async (p) => {
      const obj = this.objects.get(p);
      const committed = obj?.kind === 'blob' ? obj.content! : null;
      const disk = await this.readDisk(p).catch(() => null);
      if (committed === null && disk === null) return;
      if (committed !== null && disk !== null && Buffer.compare(committed, disk) === 0) return;
      suspects.push(p);
    }));
    if (!suspects.length) return;
    const entries = await this.repo.status(suspects.map((p) => this.toRepo(p)));
    if (entries.length) throw this.uncommittedError(entries.sort((a, b) => (a.path < b.path ? -1 : 1)), kind, at);
  }

  /**
   * Reads files that giterminism requires to be committed (werf.yaml,
   * templates, Dockerfiles...). `allowed(path)` says whether the allow list
   * covers the file (then, as in --dev and loose mode, the work tree is read).
   * Returns content (null when the file does not exist in the chosen source).
   */
  async readChecked(paths: string[], kind: FileKind, allowed: (p: string) => boolean, at?: (p: string) => Location): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const fromCommit: string[] = [];
    for (const p of paths) {
      if (this.useWorkTree(allowed(p))) out.set(p, await this.readWorkTree(p));
      else fromCommit.push(p);
    }
    if (fromCommit.length) {
      await this.prefetch(fromCommit);
      for (const p of fromCommit) {
        const obj = this.objects.get(p)!;
        if (obj.kind === 'outside') throw new WerfActionError(`${p} is a symlink to ${obj.target}, outside the repository`, { code: 'config.path-escape', location: at ? at(p) : { file: p } });
      }
      await this.assertUnchanged(fromCommit, kind, at);
      for (const p of fromCommit) {
        const obj = this.objects.get(p)!;
        out.set(p, obj.kind === 'blob' ? obj.content!.toString('utf8') : null);
      }
    }
    return out;
  }

  uncommittedError(entries: StatusEntry[], kind: FileKind, at?: (p: string) => Location): WerfActionError {
    const names = entries.map((e) => `${this.fromRepo(e.path)} (${describeStatus(e)})`);
    const first = this.fromRepo(entries[0]!.path);
    const loc: Location = at ? at(first) : { file: first };
    return new WerfActionError(
      `uncommitted changes in ${kind.what}: ${names.join(', ')}; giterminism reads ${entries.length === 1 ? 'it' : 'them'} from the current commit ${this.commit.slice(0, 12)}`,
      { code: 'giterminism.uncommitted', location: loc, hint: `commit ${entries.length === 1 ? 'the file' : 'the files'}, run with --dev to use the work tree, or allow ${kind.allowHint} in werf-giterminism.yaml` },
    );
  }

  /** Reads a file from the work tree, following symlinks only inside the repository. */
  async readWorkTree(p: string): Promise<string | null> {
    const abs = join(this.projectDir, p);
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      return null;
    }
    if (real !== this.repo.root && !real.startsWith(this.repo.root + '/')) {
      throw new WerfActionError(`${p} is a symlink that points outside the repository (${real})`, { code: 'config.path-escape', location: { file: p } });
    }
    try {
      const s = await stat(real);
      if (!s.isFile()) return null;
      this.workTreeReads.add(p);
      return await readFile(real, 'utf8');
    } catch {
      return null;
    }
  }

  /** Files (not dirs) under `dir` in the commit tree, relative to the project. */
  async listCommitted(dir: string): Promise<Map<string, { type: string }>> {
    const key = dir;
    const hit = this.treeCache.get(key);
    if (hit) return hit;
    const entries = await this.repo.lsTree(this.commit, [this.toRepo(dir)], { recursive: true });
    const out = new Map<string, { type: string }>();
    for (const e of entries) {
      const rel = this.fromRepo(e.path);
      if (dir && rel !== dir && !rel.startsWith(dir + '/')) continue;
      out.set(rel, { type: e.mode === '120000' ? 'symlink' : e.type });
    }
    this.treeCache.set(key, out);
    return out;
  }

  /** Files under `dir` in the work tree (tracked + untracked, not ignored), relative to the project. */
  async listWorkTree(dir: string): Promise<string[]> {
    const files = await this.repo.lsWorkTreeFiles([this.toRepo(dir)]);
    const out: string[] = [];
    for (const f of files) {
      const rel = this.fromRepo(f);
      try {
        await stat(join(this.projectDir, rel));
        out.push(rel);
      } catch {
        // deleted in the work tree
      }
    }
    return out;
  }

  /** Lists files matching a glob (doublestar) from the commit, or the work tree when `workTree`. */
  async glob(pattern: string, workTree: boolean): Promise<string[]> {
    const base = globBase(pattern);
    const re = globToRegExp(pattern.replace(/^\.\//, ''));
    const names = workTree ? await this.listWorkTree(base) : [...(await this.listCommitted(base)).keys()];
    return names.filter((n) => re.test(n)).sort();
  }

  /** Whether `p` exists (file or dir) / is a dir, in the commit or the work tree. */
  async pathKind(p: string, workTree: boolean): Promise<'file' | 'dir' | null> {
    if (workTree) {
      try {
        const s = await stat(join(this.projectDir, p));
        return s.isDirectory() ? 'dir' : 'file';
      } catch {
        return null;
      }
    }
    const info = (await this.inspect([p])).get(p)!;
    if (info.kind === 'blob') return 'file';
    if (info.kind === 'tree') return 'dir';
    return null;
  }
}

export function describeStatus(e: StatusEntry): string {
  if (e.untracked) return 'untracked';
  const c = e.workTree !== ' ' ? e.workTree : e.index;
  switch (c) {
    case 'M': return 'modified';
    case 'A': return 'added';
    case 'D': return 'deleted';
    case 'R': return 'renamed';
    case 'T': return 'type changed';
    case 'U': return 'unmerged';
    default: return 'changed';
  }
}

/** Lists `dir` recursively on disk (for templates dirs in loose mode when git does not know them). */
export async function walkDir(abs: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  let ents;
  try {
    ents = await readdir(join(abs, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of ents) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walkDir(abs, r)));
    else out.push(r);
  }
  return out;
}
