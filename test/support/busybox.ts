// A base image made from the host's static busybox (Debian busybox-static),
// pushed to a test registry: nothing can be pulled from the internet here.
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { BuildahEnv } from './buildah.js';
import type { TestRegistry } from './registry.js';
import { makeTempDir, removeDir } from './util.js';

export interface BusyboxOptions {
  /** Repository and tag inside the registry (default `base/busybox:latest`). */
  name?: string;
  /** Manifest format Buildah pushes (default `docker`, Docker schema2). */
  format?: 'docker' | 'oci';
}

const BUSYBOX = '/bin/busybox';
/** Applets linked in /bin when busybox cannot list its own. */
const FALLBACK_APPLETS = ['sh', 'echo', 'cat', 'sleep', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'touch', 'env', 'true', 'false', 'test', 'printf', 'grep', 'sed', 'wc', 'head', 'tail', 'date', 'id', 'chmod', 'ln', 'sha256sum'];

/** Registry flags for buildah push/pull against a test registry (TLS verification, credentials). */
export function registryFlags(registry: TestRegistry): string[] {
  const flags: string[] = [];
  if (registry.certDir) flags.push('--cert-dir', registry.certDir);
  else flags.push('--tls-verify=false');
  if (registry.username && registry.password) flags.push('--creds', `${registry.username}:${registry.password}`);
  return flags;
}

/** Builds the busybox image in `buildah`'s storage and pushes it; returns `host/base/busybox:latest`. */
export async function pushBusyboxBase(registry: TestRegistry, buildah: BuildahEnv, opts: BusyboxOptions = {}): Promise<string> {
  const ref = `${registry.host}/${opts.name ?? 'base/busybox:latest'}`;
  const rootfs = await makeTempDir('busybox-rootfs');
  try {
    await mkdir(join(rootfs, 'bin'));
    await mkdir(join(rootfs, 'tmp'), { mode: 0o1777 });
    await mkdir(join(rootfs, 'etc'));
    await writeFile(join(rootfs, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
    await writeFile(join(rootfs, 'etc', 'group'), 'root:x:0:\nnobody:x:65534:\n');
    await copyFile(BUSYBOX, join(rootfs, 'bin', 'busybox'));
    let applets = FALLBACK_APPLETS;
    try {
      const { stdout } = await execa(BUSYBOX, ['--list']);
      const listed = stdout.split('\n').map((s) => s.trim()).filter((s) => /^[a-z0-9_.[-]+$/i.test(s) && s !== 'busybox');
      if (listed.length > 0) applets = listed;
    } catch { /* keep the fallback list */ }
    for (const a of applets) await symlink('busybox', join(rootfs, 'bin', a));

    const ctr = await buildah.buildah('from', 'scratch');
    try {
      await buildah.buildah('copy', '--quiet', ctr, `${rootfs}/`, '/');
      await buildah.buildah('config', '--env', 'PATH=/bin', '--cmd', '/bin/sh', '--created-by', 'test/support busybox', ctr);
      await buildah.buildah('commit', '--quiet', '--format', opts.format ?? 'docker', ctr, ref);
    } finally {
      await buildah.buildah('rm', ctr).catch(() => undefined);
    }
    await buildah.buildah('push', '--quiet', ...registryFlags(registry), ref, `docker://${ref}`);
    return ref;
  } finally {
    await removeDir(rootfs);
  }
}
