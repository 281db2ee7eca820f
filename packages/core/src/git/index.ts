// git: the only place in werf-action that runs `git` (through execa).
// Owns: finding the repository (top level, git dir, worktrees, subfolders),
// HEAD, trees with object hashes, file contents at a commit, work-tree status,
// refs with dates, history walks, shallow detection, fetch/unshallow.
// Must not: interpret werf.yaml, decide giterminism policy, or cache anything
// across GitRepo instances. Paths in and out are relative to `root` and use '/'.
import { execa, execaSync } from 'execa';
import { isAbsolute, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';

export interface TreeEntry {
  /** Path relative to the repository root ('/'-separated). */
  path: string;
  /** Octal mode as git prints it: 100644, 100755, 120000 (symlink), 040000, 160000. */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  hash: string;
}

export interface StatusEntry {
  /** Path relative to the repository root. */
  path: string;
  /** For renames and copies: the path before. */
  origPath?: string;
  /** Status letter in the index (`X` of porcelain v1), ' ' when unchanged. */
  index: string;
  /** Status letter in the work tree (`Y`), ' ' when unchanged. */
  workTree: string;
  untracked: boolean;
}

export interface RefInfo {
  /** Short name: `main` for refs/remotes/origin/main, `v1.0` for refs/tags/v1.0. */
  name: string;
  /** Full ref name. */
  ref: string;
  type: 'branch' | 'tag';
  /** The commit the ref points to (annotated tags are peeled). */
  commit: string;
  /** Committer date of that commit. */
  date: Date;
  /** Tagger date of an annotated tag. */
  taggerDate?: Date;
}

export interface PathInfo {
  kind: 'blob' | 'tree' | 'commit' | 'missing' | 'dangling' | 'loop' | 'notdir' | 'outside';
  hash?: string;
  /** For dangling/loop/notdir/outside: the path or symlink target git reports. */
  target?: string;
}

export interface ObjectInfo {
  kind: 'blob' | 'tree' | 'commit' | 'tag' | 'missing' | 'dangling' | 'loop' | 'notdir' | 'outside';
  hash?: string;
  content?: Buffer;
  target?: string;
}

/** Hash and committer date from a raw commit object (`cat-file commit`). */
export function parseCommitObject(hash: string, content: Buffer): { hash: string; date: Date } {
  const text = content.toString('utf8');
  const m = /^committer .* (\d+) [+-]\d{4}$/m.exec(text);
  return { hash, date: new Date(Number(m ? m[1] : 0) * 1000) };
}

export interface CommitInfo {
  hash: string;
  /** Committer date. */
  date: Date;
  parents: string[];
}

export interface LogOptions {
  maxCount?: number;
  /** Only commits with committer date >= since. */
  since?: Date;
  firstParent?: boolean;
  /** Limit to commits touching these paths. */
  paths?: string[];
}

interface RunOptions {
  input?: string;
  /** Exit codes that are not errors (the result's exitCode tells which). */
  okExitCodes?: number[];
  cwd?: string;
  /** Extra environment (e.g. GIT_INDEX_FILE for a scratch index). */
  env?: Record<string, string>;
}

interface RunResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

const GIT_ENV: Record<string, string> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  LC_ALL: 'C',
  LANG: 'C',
};

async function runGit(args: string[], cwd: string, signal: AbortSignal | undefined, opts: RunOptions = {}): Promise<RunResult> {
  let r;
  try {
    r = await execa('git', args, {
      cwd: opts.cwd ?? cwd,
      encoding: 'buffer',
      stripFinalNewline: false,
      reject: false,
      input: opts.input,
      env: opts.env ? { ...GIT_ENV, ...opts.env } : GIT_ENV,
      extendEnv: true,
      maxBuffer: 1024 * 1024 * 1024,
      ...(signal ? { cancelSignal: signal } : {}),
    });
  } catch (e) {
    throw new WerfActionError(`cannot run git: ${(e as Error).message}`, {
      code: 'git.spawn',
      hint: 'install git and make sure it is on PATH',
      cause: e,
    });
  }
  if (r.isCanceled) {
    throw new WerfActionError(`git ${args[0]} was cancelled`, { code: 'git.cancelled' });
  }
  const stdout = Buffer.from(r.stdout as Uint8Array);
  const stderr = Buffer.from((r.stderr ?? new Uint8Array()) as Uint8Array).toString('utf8');
  const exitCode = r.exitCode ?? -1;
  if (exitCode !== 0 && !(opts.okExitCodes ?? []).includes(exitCode)) {
    throw new WerfActionError(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim() || 'no output'}`, {
      code: 'git.failed',
      location: { subject: opts.cwd ?? cwd },
    });
  }
  return { stdout, stderr, exitCode };
}

/** Synchronous variant, for the few callers that cannot await (functions called from a Go template). */
function runGitSync(args: string[], cwd: string, opts: RunOptions = {}): RunResult {
  const r = execaSync('git', args, {
    cwd: opts.cwd ?? cwd,
    encoding: 'buffer',
    stripFinalNewline: false,
    reject: false,
    input: opts.input,
    env: GIT_ENV,
    extendEnv: true,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (r.failed && r.exitCode === undefined) {
    throw new WerfActionError(`cannot run git: ${r.shortMessage}`, { code: 'git.spawn', hint: 'install git and make sure it is on PATH' });
  }
  const stdout = Buffer.from(r.stdout as Uint8Array);
  const stderr = Buffer.from((r.stderr ?? new Uint8Array()) as Uint8Array).toString('utf8');
  const exitCode = r.exitCode ?? -1;
  if (exitCode !== 0 && !(opts.okExitCodes ?? []).includes(exitCode)) {
    throw new WerfActionError(`git ${args.join(' ')} failed (exit ${exitCode}): ${stderr.trim() || 'no output'}`, {
      code: 'git.failed',
      location: { subject: opts.cwd ?? cwd },
    });
  }
  return { stdout, stderr, exitCode };
}

/** Splits NUL-terminated output into strings. */
function splitZ(buf: Buffer): string[] {
  const s = buf.toString('utf8');
  const out = s.split('\0');
  if (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

function lines(buf: Buffer): string[] {
  const s = buf.toString('utf8');
  return s.split('\n').filter((l) => l.length > 0);
}

export class GitRepo {
  /** Work-tree top level (absolute, symlinks resolved). */
  readonly root: string;
  /** Absolute git dir of this work tree (`.git`, or `.git/worktrees/<name>` for a linked worktree). */
  readonly gitDir: string;
  /** Absolute common git dir (shared by all worktrees). */
  readonly commonDir: string;
  private readonly signal?: AbortSignal;

  private constructor(root: string, gitDir: string, commonDir: string, signal?: AbortSignal) {
    this.root = root;
    this.gitDir = gitDir;
    this.commonDir = commonDir;
    this.signal = signal;
  }

  /**
   * Opens the repository that contains `dir` (any subfolder works; linked
   * worktrees too). `workTree` names the work tree explicitly (werf's
   * `--git-work-tree`); `dir` must then be inside it.
   */
  static async open(dir: string, opts: { workTree?: string; ctx?: Context } = {}): Promise<GitRepo> {
    const signal = opts.ctx?.signal;
    const start = resolve(opts.workTree ?? dir);
    let r: RunResult;
    try {
      r = await runGit(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir'], start, signal, { okExitCodes: [128] });
    } catch (e) {
      if (e instanceof WerfActionError && e.code === 'git.failed') throw notARepo(start, e.message);
      throw e;
    }
    if (r.exitCode !== 0) throw notARepo(start, r.stderr.trim());
    const [top, gitDir, common] = lines(r.stdout);
    if (!top || !gitDir || !common) {
      throw new WerfActionError(`${start} is not inside a git work tree (bare repository?)`, {
        code: 'git.no-work-tree',
        location: { subject: start },
        hint: 'run werf-action in a checkout, or pass --git-work-tree',
      });
    }
    const root = await realpath(top);
    const commonDir = isAbsolute(common) ? common : resolve(start, common);
    const repo = new GitRepo(root, gitDir, commonDir, signal);
    if (opts.workTree) {
      const project = await realpath(resolve(dir));
      if (project !== root && !project.startsWith(root + '/')) {
        throw new WerfActionError(`project directory ${project} is outside the git work tree ${root}`, {
          code: 'git.outside-work-tree',
          location: { subject: project },
          hint: '--dir must point inside --git-work-tree',
        });
      }
    }
    return repo;
  }

  /** Runs git in the repository root. Exposed for the few callers with a one-off need; prefer the typed methods. */
  run(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    return runGit(args, this.root, this.signal, opts);
  }

  /**
   * Synchronous forms of readFiles / lsTree / inspectPaths / status /
   * lsWorkTreeFiles, for werf.yaml's `.Files` functions, which a Go template
   * calls synchronously. Everything else uses the async methods.
   */
  readonly sync = {
    readFiles: (commit: string, paths: string[], opts: { followSymlinks?: boolean } = {}): Map<string, Buffer> => {
      const out = new Map<string, Buffer>();
      const wanted = [...new Set(paths)].filter((p) => !p.includes('\n'));
      if (wanted.length === 0) return out;
      const r = runGitSync(['cat-file', '--batch', ...(opts.followSymlinks ? ['--follow-symlinks'] : [])], this.root, { input: wanted.map((p) => `${commit}:${p}\n`).join('') });
      parseCatFileBatch(r.stdout, wanted, (path, type, content) => {
        if (type === 'blob') out.set(path, content);
      });
      return out;
    },
    lsTree: (commit: string, paths?: string[]): TreeEntry[] => {
      const args = ['ls-tree', '-z', '--full-tree', '-r', commit];
      const clean = (paths ?? []).map((p) => p.replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.');
      if (paths && clean.length === paths.length && clean.length) args.push('--', ...clean);
      return parseLsTree(runGitSync(args, this.root).stdout);
    },
    inspectPaths: (commit: string, paths: string[]): Map<string, PathInfo> => {
      const wanted = [...new Set(paths)].filter((p) => !p.includes('\n'));
      if (wanted.length === 0) return new Map();
      const r = runGitSync(['cat-file', '--batch-check', '--follow-symlinks'], this.root, { input: wanted.map((p) => `${commit}:${p}\n`).join('') });
      return parseBatchCheck(r.stdout, wanted);
    },
    status: (paths: string[]): StatusEntry[] => {
      if (paths.length === 0) return [];
      const r = runGitSync(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...paths.map(toPathspec)], this.root);
      return parseStatus(r.stdout);
    },
    lsWorkTreeFiles: (paths: string[]): string[] => {
      const r = runGitSync(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ...paths.map(toPathspec)], this.root);
      return [...new Set(splitZ(r.stdout))];
    },
  };

  /** Path of `abs` relative to the root ('/'-separated), or null when outside. */
  relative(abs: string): string | null {
    const p = resolve(abs);
    if (p === this.root) return '';
    if (!p.startsWith(this.root + '/')) return null;
    return p.slice(this.root.length + 1);
  }

  /**
   * A commit object holding the work tree as it is (tracked and untracked
   * files, .gitignore respected) on top of HEAD, for --dev: the build then
   * reads everything from one commit as usual. Uses a scratch index, so the
   * user's index, refs and work tree are untouched; the object is garbage
   * for `git gc` once unreferenced.
   */
  async devCommit(): Promise<string> {
    const head = await this.headCommit();
    const dir = await mkdtemp(join(tmpdir(), 'werf-action-dev-index-'));
    try {
      const env = { GIT_INDEX_FILE: join(dir, 'index') };
      await this.run(['read-tree', head.hash], { env });
      await this.run(['add', '-A', '--', '.'], { env });
      const tree = (await this.run(['write-tree'], { env })).stdout.toString('utf8').trim();
      const r = await this.run(['commit-tree', tree, '-p', head.hash, '-m', 'werf-action --dev: work tree'], {
        env: { GIT_AUTHOR_NAME: 'werf-action', GIT_AUTHOR_EMAIL: 'werf-action@localhost', GIT_COMMITTER_NAME: 'werf-action', GIT_COMMITTER_EMAIL: 'werf-action@localhost' },
      });
      return r.stdout.toString('utf8').trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async headCommit(): Promise<{ hash: string; date: Date }> {
    const r = await this.run(['log', '-1', '--format=%H %ct', 'HEAD'], { okExitCodes: [128] });
    if (r.exitCode !== 0) {
      throw new WerfActionError(`the repository ${this.root} has no commits (HEAD does not exist)`, {
        code: 'git.no-head',
        location: { subject: this.root },
        hint: 'commit werf.yaml and the project files first (giterminism reads them from HEAD)',
      });
    }
    const [hash, ct] = r.stdout.toString('utf8').trim().split(' ');
    return { hash: hash!, date: new Date(Number(ct) * 1000) };
  }

  /** Resolves any revision (`HEAD`, branch, tag, `abc123^{tree}`, `HEAD:path`) to a hash; null when it does not exist. */
  async revParse(rev: string): Promise<string | null> {
    const r = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], { okExitCodes: [1, 128] });
    if (r.exitCode !== 0) return null;
    return r.stdout.toString('utf8').trim() || null;
  }

  /** Hash of the tree (or blob) at `path` in `commit`; the root tree for ''. Null when the path does not exist. */
  async treeHash(commit: string, path = ''): Promise<string | null> {
    return this.revParse(path === '' || path === '.' ? `${commit}^{tree}` : `${commit}:${path}`);
  }

  /**
   * Entries of `commit`'s tree (paths relative to the root whatever the cwd).
   * With `paths`, only those paths (files or directories) are listed.
   * `recursive` (default true) descends into trees; `trees` also lists the
   * tree entries themselves while recursing.
   */
  async lsTree(commit: string, paths?: string[], opts: { recursive?: boolean; trees?: boolean } = {}): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-z', '--full-tree'];
    if (opts.recursive ?? true) args.push('-r');
    if (opts.trees) args.push('-t');
    args.push(commit);
    if (paths && paths.length) {
      const clean = paths.map((p) => p.replace(/\/+$/, '')).filter((p) => p !== '' && p !== '.');
      if (clean.length < paths.length) {
        // the root itself was asked for: list everything
      } else {
        args.push('--', ...clean);
      }
    }
    const r = await this.run(args);
    return parseLsTree(r.stdout);
  }

  /** Content of `path` at `commit`, or null when it does not exist there (or is not a blob). */
  async readFile(commit: string, path: string): Promise<Buffer | null> {
    const m = await this.readFiles(commit, [path]);
    return m.get(path) ?? null;
  }

  /**
   * Contents of several blobs at `commit` in one `git cat-file --batch`;
   * missing paths are absent from the map. With `followSymlinks`, symlinks
   * inside the tree are resolved (ones pointing outside the repository are
   * treated as missing; use `inspectPaths` to tell why).
   */
  async readFiles(commit: string, paths: string[], opts: { followSymlinks?: boolean } = {}): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    const wanted = [...new Set(paths)].filter((p) => !p.includes('\n'));
    if (wanted.length === 0) return out;
    const input = wanted.map((p) => `${commit}:${p}\n`).join('');
    const r = await this.run(['cat-file', '--batch', ...(opts.followSymlinks ? ['--follow-symlinks'] : [])], { input });
    parseCatFileBatch(r.stdout, wanted, (path, type, content) => {
      if (type === 'blob') out.set(path, content);
    });
    return out;
  }

  /**
   * Several objects in one `git cat-file --batch [--follow-symlinks]`: each
   * spec is any revision (`HEAD`, `HEAD:path`, a hash). Symlinks pointing
   * out of the repository give kind `outside` with the target.
   */
  async readObjects(specs: string[], opts: { followSymlinks?: boolean } = {}): Promise<Map<string, ObjectInfo>> {
    const wanted = [...new Set(specs)].filter((p) => !p.includes('\n'));
    if (wanted.length === 0) return new Map();
    const r = await this.run(['cat-file', '--batch', ...(opts.followSymlinks ? ['--follow-symlinks'] : [])], { input: wanted.map((p) => `${p}\n`).join('') });
    return parseObjects(r.stdout, wanted);
  }

  /**
   * What each path is at `commit`, following symlinks inside the tree (one
   * `cat-file --batch-check --follow-symlinks`). `outside` = a symlink on the
   * way points out of the repository (`target` says where).
   */
  async inspectPaths(commit: string, paths: string[]): Promise<Map<string, PathInfo>> {
    const wanted = [...new Set(paths)].filter((p) => !p.includes('\n'));
    if (wanted.length === 0) return new Map();
    const r = await this.run(['cat-file', '--batch-check', '--follow-symlinks'], { input: wanted.map((p) => `${commit}:${p}\n`).join('') });
    return parseBatchCheck(r.stdout, wanted);
  }

  /** Contents of blobs by object hash (one `cat-file --batch`). */
  async readBlobs(hashes: string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    const wanted = [...new Set(hashes)];
    if (wanted.length === 0) return out;
    const r = await this.run(['cat-file', '--batch'], { input: wanted.map((h) => h + '\n').join('') });
    parseCatFileBatch(r.stdout, wanted, (h, type, content) => {
      if (type === 'blob') out.set(h, content);
    });
    return out;
  }

  /**
   * Uncommitted (staged or not) and untracked files, optionally limited to
   * pathspecs relative to the root. Ignored files are not listed.
   */
  async status(paths?: string[]): Promise<StatusEntry[]> {
    const args = ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--ignore-submodules=none'];
    if (paths) {
      if (paths.length === 0) return [];
      args.push('--', ...paths.map(toPathspec));
    }
    const r = await this.run(args);
    return parseStatus(r.stdout);
  }

  /** Files of the work tree: tracked (as in the index) plus untracked, not ignored. Relative to the root. */
  async lsWorkTreeFiles(paths?: string[]): Promise<string[]> {
    const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'];
    if (paths && paths.length) args.push('--', ...paths.map(toPathspec));
    const r = await this.run(args);
    return [...new Set(splitZ(r.stdout))];
  }

  /** Which of `paths` are ignored by .gitignore rules. */
  async checkIgnored(paths: string[]): Promise<Set<string>> {
    if (paths.length === 0) return new Set();
    const r = await this.run(['check-ignore', '-z', '--no-index', '--stdin'], { input: paths.join('\0') + '\0', okExitCodes: [1] });
    return new Set(splitZ(r.stdout));
  }

  /** Blob hashes of work-tree files (as `git add` would store them; filters applied). */
  async hashWorkTreeFiles(paths: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (paths.length === 0) return out;
    const r = await this.run(['hash-object', '--stdin-paths'], { input: paths.join('\n') + '\n' });
    const hashes = lines(r.stdout);
    paths.forEach((p, i) => out.set(p, hashes[i]!));
    return out;
  }

  /**
   * Remote branches (refs/remotes/<remote>/*, without <remote>/HEAD) and tags,
   * with the date of the commit each points to. `local: true` lists
   * refs/heads instead of the remote's branches.
   */
  async refs(opts: { remote?: string; local?: boolean } = {}): Promise<RefInfo[]> {
    const remote = opts.remote ?? 'origin';
    const branchNs = opts.local ? 'refs/heads/' : `refs/remotes/${remote}/`;
    const fmt = '%(refname)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(committerdate:unix)%00%(*committerdate:unix)%00%(taggerdate:unix)%00';
    const r = await this.run(['for-each-ref', `--format=${fmt}`, branchNs, 'refs/tags/']);
    const out: RefInfo[] = [];
    for (const line of lines(r.stdout)) {
      const [ref, otype, oname, peeled, cdate, pcdate, tdate] = line.split('\0') as [string, string, string, string, string, string, string];
      if (ref.startsWith('refs/tags/')) {
        const annotated = otype === 'tag';
        const commit = annotated ? peeled : oname;
        const date = annotated ? pcdate : cdate;
        // tags of non-commit objects (trees, blobs) have no date: skip them.
        if (!date) continue;
        out.push({
          name: ref.slice('refs/tags/'.length),
          ref,
          type: 'tag',
          commit,
          date: new Date(Number(date) * 1000),
          ...(annotated && tdate ? { taggerDate: new Date(Number(tdate) * 1000) } : {}),
        });
      } else {
        const name = ref.slice(branchNs.length);
        if (!opts.local && name === 'HEAD') continue;
        if (otype !== 'commit') continue;
        out.push({ name, ref, type: 'branch', commit: oname, date: new Date(Number(cdate) * 1000) });
      }
    }
    return out;
  }

  /** URL of a remote, or null when the remote is not configured. */
  async remoteUrl(remote = 'origin'): Promise<string | null> {
    const r = await this.run(['config', '--get', `remote.${remote}.url`], { okExitCodes: [1] });
    return r.exitCode === 0 ? r.stdout.toString('utf8').trim() : null;
  }

  async isShallow(): Promise<boolean> {
    const r = await this.run(['rev-parse', '--is-shallow-repository']);
    return r.stdout.toString('utf8').trim() === 'true';
  }

  /** Whether commit `a` is an ancestor of (or equal to) `b`. */
  async isAncestor(a: string, b: string): Promise<boolean> {
    const r = await this.run(['merge-base', '--is-ancestor', a, b], { okExitCodes: [1] });
    return r.exitCode === 0;
  }

  /** Whether `hash` names a commit present in the local object store. */
  async commitExists(hash: string): Promise<boolean> {
    const r = await this.run(['cat-file', '-e', `${hash}^{commit}`], { okExitCodes: [1, 128] });
    return r.exitCode === 0;
  }

  /** Commits reachable from `rev`, newest first (`git log` order). */
  async log(rev: string, opts: LogOptions = {}): Promise<CommitInfo[]> {
    const args = ['log', '-z', '--format=%H %P%x01%ct'];
    if (opts.maxCount !== undefined) args.push(`--max-count=${opts.maxCount}`);
    if (opts.since) args.push(`--since=${opts.since.toISOString()}`);
    if (opts.firstParent) args.push('--first-parent');
    args.push(rev, '--');
    if (opts.paths) args.push(...opts.paths.map(toPathspec));
    const r = await this.run(args);
    return splitZ(r.stdout).map((rec) => {
      const [ids, ct] = rec.trim().split('\x01') as [string, string];
      const [hash, ...parents] = ids.split(' ').filter(Boolean);
      return { hash: hash!, parents, date: new Date(Number(ct) * 1000) };
    });
  }

  /**
   * Walks history from `rev` newest first in pages, calling `visit` for every
   * commit until it returns false. Memory stays bounded on long histories.
   */
  async walk(rev: string, visit: (c: CommitInfo) => boolean | Promise<boolean>, opts: { pageSize?: number; firstParent?: boolean } = {}): Promise<void> {
    const page = opts.pageSize ?? 1000;
    let skip = 0;
    for (;;) {
      const args = ['log', '-z', '--format=%H %P%x01%ct', `--max-count=${page}`, `--skip=${skip}`];
      if (opts.firstParent) args.push('--first-parent');
      args.push(rev, '--');
      const r = await this.run(args);
      const recs = splitZ(r.stdout);
      for (const rec of recs) {
        const [ids, ct] = rec.trim().split('\x01') as [string, string];
        const [hash, ...parents] = ids.split(' ').filter(Boolean);
        if (!(await visit({ hash: hash!, parents, date: new Date(Number(ct) * 1000) }))) return;
      }
      if (recs.length < page) return;
      skip += page;
    }
  }

  /** Paths changed between two commits (rename detection off). */
  async diffNames(from: string, to: string, paths?: string[]): Promise<string[]> {
    const args = ['diff', '--name-only', '-z', '--no-renames', from, to, '--'];
    if (paths) args.push(...paths.map(toPathspec));
    const r = await this.run(args);
    return splitZ(r.stdout);
  }

  /** `git fetch --unshallow` (or a plain fetch when the repository is complete). */
  async unshallow(remote = 'origin'): Promise<void> {
    if (await this.isShallow()) await this.run(['fetch', '--unshallow', '--tags', remote]);
  }

  /** werf's `allowFetchOriginBranchesAndTags`: refresh remote branches and tags, pruning deleted ones. */
  async fetchBranchesAndTags(remote = 'origin'): Promise<void> {
    await this.run(['fetch', '--prune', '--prune-tags', remote, `+refs/heads/*:refs/remotes/${remote}/*`, '+refs/tags/*:refs/tags/*']);
  }
}

function notARepo(dir: string, detail: string): WerfActionError {
  const dubious = /dubious ownership/.test(detail);
  return new WerfActionError(`${dir} is not inside a git repository${detail ? ` (${detail.split('\n')[0]})` : ''}`, {
    code: dubious ? 'git.dubious-ownership' : 'git.not-a-repository',
    location: { subject: dir },
    hint: dubious
      ? `the checkout belongs to another user (common in CI containers): run \`git config --global --add safe.directory ${dir}\` first`
      : 'werf-action reads the project from git: run it inside a clone, or pass --dir / --git-work-tree',
  });
}

/**
 * Reads objects with git running in `dir` (any folder of a work tree) before
 * the repository is opened: specs may use `HEAD:./path` (relative to `dir`).
 * Lets a caller overlap its first reads with `GitRepo.open`.
 */
export async function readObjectsIn(dir: string, specs: string[], opts: { followSymlinks?: boolean; signal?: AbortSignal } = {}): Promise<Map<string, ObjectInfo>> {
  const wanted = [...new Set(specs)].filter((p) => !p.includes('\n'));
  if (wanted.length === 0) return new Map();
  const r = await runGit(['cat-file', '--batch', ...(opts.followSymlinks ? ['--follow-symlinks'] : [])], dir, opts.signal, { input: wanted.map((p) => `${p}\n`).join(''), okExitCodes: [128] });
  return parseObjects(r.stdout, wanted);
}

/** `git ls-tree -r` run in `dir`: paths relative to `dir` (not the root); [] when `rev` does not exist. */
export async function lsTreeIn(dir: string, rev: string, paths: string[], opts: { signal?: AbortSignal } = {}): Promise<TreeEntry[]> {
  const r = await runGit(['ls-tree', '-r', '-z', rev, '--', ...paths], dir, opts.signal, { okExitCodes: [128] });
  return r.exitCode === 0 ? parseLsTree(r.stdout) : [];
}

/** The object id git computes for a blob with this content (`git hash-object`), sha1 or sha256 repositories. */
export function blobHash(content: Buffer, algo: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algo).update(`blob ${content.length}\0`).update(content).digest('hex');
}

function parseObjects(buf: Buffer, wanted: string[]): Map<string, ObjectInfo> {
  const out = new Map<string, ObjectInfo>();
  let pos = 0;
  for (const spec of wanted) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) break;
    const header = buf.toString('utf8', pos, nl);
    pos = nl + 1;
    const parts = header.split(' ');
    if (parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0]!)) {
      const size = Number(parts[2]);
      out.set(spec, { kind: parts[1] as ObjectInfo['kind'], hash: parts[0]!, content: buf.subarray(pos, pos + size) });
      pos += size + 1;
      continue;
    }
    const m = /^(dangling|loop|notdir|symlink) (\d+)$/.exec(header);
    if (m) {
      const size = Number(m[2]);
      const target = buf.toString('utf8', pos, pos + size);
      pos += size + 1;
      out.set(spec, { kind: m[1] === 'symlink' ? 'outside' : (m[1] as 'dangling' | 'loop' | 'notdir'), target });
    } else {
      out.set(spec, { kind: 'missing' });
    }
  }
  return out;
}

export interface TreeObjectEntry {
  name: string;
  /** As stored: `40000`, `100644`, `100755`, `120000`, `160000`. */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  hash: string;
}

/**
 * Entries of a raw tree object (`readObjects` content of kind `tree`):
 * `<mode> <name>\0<raw hash>` repeated. `hashLength` is 20 (sha1) or 32 (sha256).
 */
export function parseTreeObject(content: Buffer, hashLength = 20): TreeObjectEntry[] {
  const out: TreeObjectEntry[] = [];
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

/** Literal pathspec (no glob magic) relative to the root. */
function toPathspec(p: string): string {
  const clean = p.replace(/\/+$/, '');
  return clean === '' || clean === '.' ? ':(top,literal).' : `:(top,literal)${clean}`;
}

/** Parses `git ls-tree -z` output: `<mode> SP <type> SP <hash> TAB <path> NUL`. */
export function parseLsTree(buf: Buffer): TreeEntry[] {
  const out: TreeEntry[] = [];
  const s = buf.toString('utf8');
  let i = 0;
  const n = s.length;
  while (i < n) {
    const end = s.indexOf('\0', i);
    const stop = end === -1 ? n : end;
    const sp1 = s.indexOf(' ', i);
    const sp2 = s.indexOf(' ', sp1 + 1);
    const tab = s.indexOf('\t', sp2 + 1);
    out.push({
      mode: s.slice(i, sp1),
      type: s.slice(sp1 + 1, sp2) as TreeEntry['type'],
      hash: s.slice(sp2 + 1, tab),
      path: s.slice(tab + 1, stop),
    });
    i = stop + 1;
  }
  return out;
}

/** Parses `git status --porcelain=v1 -z --no-renames`. */
export function parseStatus(buf: Buffer): StatusEntry[] {
  const f = splitZ(buf);
  const out: StatusEntry[] = [];
  for (let i = 0; i < f.length; i++) {
    const rec = f[i]!;
    const x = rec[0]!;
    const y = rec[1]!;
    const path = rec.slice(3);
    const e: StatusEntry = { path, index: x, workTree: y, untracked: x === '?' };
    if (x === 'R' || x === 'C') e.origPath = f[++i];
    out.push(e);
  }
  return out;
}

/**
 * Parses `git cat-file --batch` output for the requests `names` (in order):
 * `<hash> <type> <size>\n<content>\n` or `<name> missing\n` /
 * `<name> ambiguous\n` per request.
 */
function parseCatFileBatch(buf: Buffer, names: string[], onObject: (name: string, type: string, content: Buffer) => void): void {
  let pos = 0;
  for (const name of names) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) break;
    const header = buf.toString('utf8', pos, nl);
    pos = nl + 1;
    const parts = header.split(' ');
    if (parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0]!)) {
      const size = Number(parts[2]);
      onObject(name, parts[1]!, buf.subarray(pos, pos + size));
      pos += size + 1;
    }
    else {
      // `--follow-symlinks`: "<dangling|loop|notdir|symlink> <size>\n<path or target>\n"
      const m = /^(dangling|loop|notdir|symlink) (\d+)$/.exec(header);
      if (m) pos += Number(m[2]) + 1;
      // "<name> missing" / "ambiguous": nothing follows
    }
  }
}

function parseBatchCheck(stdout: Buffer, wanted: string[]): Map<string, PathInfo> {
  const out = new Map<string, PathInfo>();
  const ls = stdout.toString('utf8').split('\n');
  let i = 0;
  for (const path of wanted) {
    const line = ls[i++] ?? '';
    const parts = line.split(' ');
    if (parts.length === 3 && /^[0-9a-f]{40,64}$/.test(parts[0]!)) {
      out.set(path, { kind: parts[1] as 'blob' | 'tree' | 'commit', hash: parts[0]! });
    } else if (/^(dangling|loop|notdir|symlink) \d+$/.test(line)) {
      const target = ls[i++] ?? '';
      const k = parts[0]!;
      out.set(path, { kind: k === 'symlink' ? 'outside' : (k as 'dangling' | 'loop' | 'notdir'), target });
    } else {
      out.set(path, { kind: 'missing' });
    }
  }
  return out;
}
