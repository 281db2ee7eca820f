// Host-local locks between builders (werf's `:local` synchronization): one
// lock per (project, digest), held only around "re-check the repository and
// push". A lock is a directory created atomically; a lock older than
// `staleMs` (a builder killed while holding it) is broken.
import { mkdir, rmdir, stat, utimes } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../context.js';

export function defaultLockDir(env: Context['env']): string {
  return join(env.WERF_HOME ?? join(env.HOME ?? homedir(), '.werf'), 'werf-action', 'locks');
}

export async function withLocalLock<T>(ctx: Context, dir: string, name: string, fn: () => Promise<T>, opts: { staleMs?: number; pollMs?: number } = {}): Promise<T> {
  const staleMs = opts.staleMs ?? 10 * 60_000;
  const poll = opts.pollMs ?? 50;
  await mkdir(dir, { recursive: true });
  const path = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
  for (;;) {
    try {
      await mkdir(path);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const st = await stat(path).catch(() => undefined);
      if (st && ctx.now() - st.mtimeMs > staleMs) {
        ctx.log.warn(`breaking stale lock ${path}`);
        await rmdir(path).catch(() => undefined);
        continue;
      }
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
      await new Promise((r) => setTimeout(r, poll));
    }
  }
  const keepAlive = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, Math.max(1000, staleMs / 4));
  try {
    return await fn();
  } finally {
    clearInterval(keepAlive);
    await rmdir(path).catch(() => undefined);
  }
}
