// Copying an image (single manifest or index) between repositories without a
// local image store: blobs are mounted across repositories of one registry
// when the registry allows it, otherwise read and uploaded; manifests are put
// byte for byte, so the copy has the same digest. Blobs pass through memory
// (one at a time per image), which suits stage images of CI sizes.
import { WerfActionError } from '../errors/index.js';
import { isIndex } from './types.js';
import type { Repository } from './client.js';
import { repositoryScope } from './auth.js';

export interface CopyResult {
  digest: string;
  /** Blobs that had to be uploaded (not present, not mountable). */
  uploaded: number;
  mounted: number;
  skipped: number;
}

async function copyBlob(src: Repository, dst: Repository, digest: string, mediaType: string, stats: CopyResult): Promise<void> {
  if (await dst.blobExists(digest)) { stats.skipped++; return; }
  if (src.registry === dst.registry && src.name !== dst.name) {
    const res = await dst.raw({
      method: 'POST',
      path: `/v2/${dst.name}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(src.name)}`,
      actions: ['pull', 'push'],
      extraScopes: [repositoryScope(src.name, ['pull'])],
      operation: `mount blob ${digest} from ${src.fullName} into ${dst.fullName}`,
    });
    if (res.status === 201) { stats.mounted++; return; }
    // 202: the registry started a normal upload instead; it expires unused.
  }
  const data = await src.getBlob(digest);
  await dst.uploadBlob(data, mediaType);
  stats.uploaded++;
}

async function copyManifest(src: Repository, ref: string, dst: Repository, dstRef: string, stats: CopyResult): Promise<string> {
  const m = await src.getManifest(ref);
  if (!m) {
    throw new WerfActionError(`cannot copy ${src.fullName}:${ref}: it does not exist`, {
      code: 'registry.manifest-unknown', location: { subject: `${src.fullName}:${ref}` },
      hint: 'the image may have been removed by a cleanup meanwhile; run the build again',
    });
  }
  if (isIndex(m.manifest)) {
    for (const d of m.manifest.manifests) await copyManifest(src, d.digest, dst, d.digest, stats);
  } else {
    const blobs = [m.manifest.config, ...m.manifest.layers];
    for (const b of blobs) await copyBlob(src, dst, b.digest, b.mediaType, stats);
  }
  return dst.putManifest(dstRef, m.raw, m.mediaType);
}

/** Copy `src:srcRef` to `dst:dstTag` (tag or digest); the manifest digest is preserved. */
export async function copyImage(src: Repository, srcRef: string, dst: Repository, dstTag: string): Promise<CopyResult> {
  const stats: CopyResult = { digest: '', uploaded: 0, mounted: 0, skipped: 0 };
  stats.digest = await copyManifest(src, srcRef, dst, dstTag, stats);
  return stats;
}
