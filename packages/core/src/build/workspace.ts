// Materializes the build context Buildah receives: the commit's files under
// the context directory (from Git objects, filtered by .dockerignore), the
// Dockerfile, and contextAddFiles copied from the work tree. Never the dirty
// work tree itself.
import { cp, mkdir, mkdtemp, rm, stat, symlink, writeFile, readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { GitRepo } from '../git/index.js';
import { WerfActionError } from '../errors/index.js';
import type { ContextTree } from './context.js';
import type { DockerIgnore, SourceMatcher } from './dockerignore.js';

export interface MaterializedContext {
  dir: string;
  files: number;
  cleanup(): Promise<void>;
}

export async function materializeContext(opts: {
  git: GitRepo;
  tree: ContextTree;
  ignore: DockerIgnore;
  /** Dockerfile path relative to the context (never ignored). */
  dockerfile: string;
  /** Absolute context directory in the work tree (for contextAddFiles). */
  workTreeContext: string;
  contextAddFiles: readonly string[];
  parent?: string;
}): Promise<MaterializedContext> {
  const dir = await mkdtemp(join(opts.parent ?? tmpdir(), 'werf-action-ctx-'));
  try {
    const entries = (await opts.tree.files(opts.ignore, [opts.dockerfile])).filter((e) => e.type === 'blob');
    const blobs = await opts.git.readBlobs(entries.map((e) => e.hash));
    const dirs = new Set<string>();
    for (const e of entries) {
      const d = dirname(e.path);
      if (d !== '.' && !dirs.has(d)) {
        await mkdir(join(dir, d), { recursive: true });
        dirs.add(d);
      }
    }
    let count = 0;
    const writes: Promise<void>[] = [];
    const flush = async () => {
      await Promise.all(writes);
      writes.length = 0;
    };
    for (const e of entries) {
      const content = blobs.get(e.hash);
      if (!content) continue;
      const abs = join(dir, e.path);
      if (e.mode === '120000') writes.push(symlink(content.toString('utf8'), abs));
      else writes.push(writeFile(abs, content, { mode: e.mode === '100755' ? 0o755 : 0o644 }));
      count++;
      if (writes.length >= 64) await flush();
    }
    await flush();
    for (const add of opts.contextAddFiles) {
      const src = join(opts.workTreeContext, add);
      try {
        await stat(src);
      } catch {
        throw new WerfActionError(`contextAddFiles entry "${add}" does not exist in the work tree`, {
          code: 'build.context-add-file-missing',
          location: { subject: src },
          hint: 'contextAddFiles must name existing files or directories relative to the context',
        });
      }
      await mkdir(dirname(join(dir, add)), { recursive: true });
      await cp(src, join(dir, add), { recursive: true, force: true, verbatimSymlinks: true });
      count++;
    }
    return { dir, files: count, cleanup: () => rm(dir, { recursive: true, force: true }) };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Checksum of contextAddFiles that match COPY/ADD sources: SHA-256 over
 * `path:::sha256(content)` of each matching work-tree file, sorted; "" when none.
 */
export async function contextAddFilesChecksum(workTreeContext: string, addFiles: readonly string[], sources: SourceMatcher): Promise<string> {
  const files: string[] = [];
  const walk = async (abs: string) => {
    const st = await stat(abs).catch(() => undefined);
    if (!st) return;
    if (st.isDirectory()) {
      for (const n of await readdir(abs)) await walk(join(abs, n));
    } else files.push(relative(workTreeContext, abs).split('\\').join('/'));
  };
  for (const a of addFiles) await walk(join(workTreeContext, a));
  const matched = [...new Set(files)].filter((f) => sources.matches(f)).sort();
  if (matched.length === 0) return '';
  const h = createHash('sha256');
  for (const f of matched) {
    const content = await readFile(join(workTreeContext, f));
    h.update(`${f}:::${createHash('sha256').update(content).digest('hex')}\n`);
  }
  return h.digest('hex');
}
