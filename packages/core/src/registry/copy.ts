// Copying an image (single manifest or index) between repositories without a
// local image store: blobs are mounted across repositories of one registry
// when the registry allows it, otherwise read and uploaded; manifests are put
// byte for byte, so the copy has the same digest. Small blobs pass through
// memory; blobs over STREAM_THRESHOLD are streamed from the GET into the upload.
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

/** Blobs up to this size are copied through memory (with per-request retries); larger ones are streamed. */
export const STREAM_THRESHOLD = 16 * 1024 * 1024;

async function copyBlob(src: Repository, dst: Repository, digest: string, mediaType: string, size: number, stats: CopyResult, streamThreshold: number): Promise<void> {
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
  if (size > streamThreshold) {
    await dst.uploadBlobFrom(src, digest, size);
  } else {
    const data = await src.getBlob(digest);
    await dst.uploadBlob(data, mediaType);
  }
  stats.uploaded++;
}

async function copyManifest(src: Repository, ref: string, dst: Repository, dstRef: string, stats: CopyResult, streamThreshold: number): Promise<string> {
  const m = await src.getManifest(ref);
  if (!m) {
    throw new WerfActionError(`cannot copy ${src.fullName}:${ref}: it does not exist`, {
      code: 'registry.manifest-unknown', location: { subject: `${src.fullName}:${ref}` },
      hint: 'the image may have been removed by a cleanup meanwhile; run the build again',
    });
  }
  if (isIndex(m.manifest)) {
    for (const d of m.manifest.manifests) await copyManifest(src, d.digest, dst, d.digest, stats, streamThreshold);
  } else {
    const blobs = [m.manifest.config, ...m.manifest.layers];
    for (const b of blobs) await copyBlob(src, dst, b.digest, b.mediaType, b.size, stats, streamThreshold);
  }
  return dst.putManifest(dstRef, m.raw, m.mediaType);
}

/** Copy `src:srcRef` to `dst:dstTag` (tag or digest); the manifest digest is preserved. */
export async function copyImage(src: Repository, srcRef: string, dst: Repository, dstTag: string, opts: { streamThreshold?: number } = {}): Promise<CopyResult> {
  const stats: CopyResult = { digest: '', uploaded: 0, mounted: 0, skipped: 0 };
  stats.digest = await copyManifest(src, srcRef, dst, dstTag, stats, opts.streamThreshold ?? STREAM_THRESHOLD);
  return stats;
}
