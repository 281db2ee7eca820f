// Real git repositories in temp dirs for tests. Every git call runs with the
// user's global and system config ignored and a fixed identity, so results do
// not depend on the machine.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { makeTempDir, removeDir } from './util.js';

export interface GitRepoOptions {
  /** Initial branch name (default `main`). */
  branch?: string;
  /** Message of the initial commit (made only when `files` is not empty). */
  message?: string;
  /**
   * Fixed author/committer date for every commit (ISO or git date format),
   * for reproducible commit hashes. Default: real time.
   */
  date?: string;
}

export interface TestGitRepo {
  dir: string;
  /** Write (string) or delete (null) files, stage everything, commit; returns the new HEAD sha. */
  commit(files: Record<string, string | null>, message?: string): Promise<string>;
  /** Write (string) or delete (null) files in the work tree without staging or committing. */
  write(files: Record<string, string | null>): Promise<void>;
  /** `git rm -r` the paths and commit; returns the new HEAD sha. */
  remove(paths: string[], message?: string): Promise<string>;
  /** Run git in the repo; returns stdout without trailing whitespace. */
  git(...args: string[]): Promise<string>;
  /** HEAD commit sha. */
  head(): Promise<string>;
  /** Environment used for git (identity, no global config); pass it to code under test if needed. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function createGitRepo(files: Record<string, string> = {}, opts: GitRepoOptions = {}): Promise<TestGitRepo> {
  const dir = await makeTempDir('git');
  const env: Record<string, string> = {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.test',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.test',
    GIT_TERMINAL_PROMPT: '0',
  };
  if (opts.date) {
    env.GIT_AUTHOR_DATE = opts.date;
    env.GIT_COMMITTER_DATE = opts.date;
  }
  const git = async (...args: string[]): Promise<string> => {
    const r = await execa('git', args, { cwd: dir, env, extendEnv: true });
    return r.stdout.trimEnd();
  };
  const write = async (fs: Record<string, string | null>): Promise<void> => {
    for (const [path, content] of Object.entries(fs)) {
      const full = join(dir, path);
      if (content === null) {
        await rm(full, { recursive: true, force: true });
      } else {
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, content);
      }
    }
  };
  const head = () => git('rev-parse', 'HEAD');
  const commit = async (fs: Record<string, string | null>, message = 'change'): Promise<string> => {
    await write(fs);
    await git('add', '-A');
    await git('commit', '-q', '--allow-empty', '--no-verify', '-m', message);
    return head();
  };

  await git('init', '-q', '-b', opts.branch ?? 'main');
  await git('config', 'user.name', 'Test Committer');
  await git('config', 'user.email', 'committer@example.test');
  await git('config', 'commit.gpgsign', 'false');
  await git('config', 'core.autocrlf', 'false');
  if (Object.keys(files).length > 0) await commit(files, opts.message ?? 'initial');

  return {
    dir, env, git, write, commit, head,
    async remove(paths, message = 'remove') {
      await git('rm', '-r', '-q', '--', ...paths);
      await git('commit', '-q', '--no-verify', '-m', message);
      return head();
    },
    cleanup: () => removeDir(dir),
  };
}
