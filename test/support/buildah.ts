// A Buildah environment of its own per test suite: vfs storage, chroot
// isolation, graph root and run root in a temp dir (through a storage.conf
// named by CONTAINERS_STORAGE_CONF), and a registries.conf with no
// unqualified-search registries so nothing is looked up on the internet.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { makeTempDir, removeDir } from './util.js';

export interface BuildahEnv {
  /** Environment to pass to every buildah call (merge over process.env). */
  env: Record<string, string>;
  root: string;
  runroot: string;
  /** Run buildah with this environment; returns trimmed stdout. */
  buildah(...args: string[]): Promise<string>;
  cleanup(): Promise<void>;
}

export async function buildahEnv(): Promise<BuildahEnv> {
  const dir = await makeTempDir('buildah');
  const root = join(dir, 'root');
  const runroot = join(dir, 'runroot');
  const tmp = join(dir, 'tmp');
  await Promise.all([mkdir(root), mkdir(runroot), mkdir(tmp)]);
  const storageConf = join(dir, 'storage.conf');
  await writeFile(storageConf, [
    '[storage]',
    'driver = "vfs"',
    `graphroot = "${root}"`,
    `runroot = "${runroot}"`,
    '',
  ].join('\n'));
  const registriesConf = join(dir, 'registries.conf');
  await writeFile(registriesConf, 'unqualified-search-registries = []\nshort-name-mode = "disabled"\n');
  const env: Record<string, string> = {
    CONTAINERS_STORAGE_CONF: storageConf,
    CONTAINERS_REGISTRIES_CONF: registriesConf,
    STORAGE_DRIVER: 'vfs',
    BUILDAH_ISOLATION: 'chroot',
    TMPDIR: tmp,
  };
  const buildah = async (...args: string[]): Promise<string> => {
    const r = await execa('buildah', args, { env, extendEnv: true });
    return r.stdout.trim();
  };
  return {
    env, root, runroot, buildah,
    async cleanup() {
      try { await buildah('rm', '--all'); } catch { /* nothing to remove, or storage already gone */ }
      await removeDir(dir);
    },
  };
}
