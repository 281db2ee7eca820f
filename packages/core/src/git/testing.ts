// Test helpers: real git repositories in temp dirs. Used by the git and
// config tests (and by other modules' tests that need a repository).
import { execa } from 'execa';
import { mkdtemp, mkdir, rm, writeFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  dir: string;
  git(...args: string[]): Promise<string>;
  /** Writes files (content string, or `{ symlink: target }`), creating folders. */
  write(files: Record<string, string | { symlink: string }>): Promise<void>;
  /** Writes, `git add -A` and commits; returns the commit hash. */
  commit(files?: Record<string, string | { symlink: string }>, message?: string, date?: string): Promise<string>;
  cleanup(): Promise<void>;
}

const ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

export async function gitIn(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await execa('git', args, { cwd: dir, env: { ...ENV, ...env } });
  return r.stdout;
}

export async function writeFiles(dir: string, files: Record<string, string | { symlink: string }>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    await mkdir(dirname(abs), { recursive: true });
    if (typeof content === 'string') await writeFile(abs, content);
    else {
      await rm(abs, { force: true });
      await symlink(content.symlink, abs);
    }
  }
}

/** A fresh repository (branch `main`) with `files` committed when given. */
export async function makeRepo(files?: Record<string, string | { symlink: string }>, opts: { dir?: string } = {}): Promise<TempRepo> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'werf-action-git-')));
  await gitIn(dir, ['init', '-q', '-b', 'main']);
  await gitIn(dir, ['config', 'core.autocrlf', 'false']);
  const repo: TempRepo = {
    dir,
    git: (...args) => gitIn(dir, args),
    write: (f) => writeFiles(dir, f),
    async commit(f, message = 'commit', date) {
      if (f) await writeFiles(dir, f);
      await gitIn(dir, ['add', '-A']);
      const env: Record<string, string> = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
      await gitIn(dir, ['commit', '-q', '--allow-empty', '-m', message], env);
      return (await gitIn(dir, ['rev-parse', 'HEAD'])).trim();
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  if (files) await repo.commit(files, 'initial');
  return repo;
}
