// Stage digest formulas (werf pkg/build/build_phase.go: calculateDigest,
// calculateStage; pkg/image/const.go).
import { sha3_224 } from './hash.js';

/** Part of every stage digest; changing it invalidates every cache (werf `imagePkg.BuildCacheVersion`). */
export const BUILD_CACHE_VERSION = '1.2';

/** werf omits linux/amd64 (and an empty platform) from digests for backward compatibility. */
export function platformForDigest(platform: string | undefined): string | undefined {
  if (!platform || platform === 'linux/amd64') return undefined;
  return platform;
}

export interface StageDigestInput {
  /** Target platform (`linux/arm64`); amd64 and empty are omitted. */
  platform?: string;
  /** Stage name as hashed (legacy names for dependency stages are the caller's job). */
  stageName: string;
  /** The stage's own dependencies checksum (e.g. `Sha256Hash(...)` of the Dockerfile stage). */
  dependencies: string;
  /** The previous non-empty stage, if any. */
  prev?: { digest: string; nextStageDependencies: string };
  /** Only for staged Dockerfiles under legacy rules: the base image reference. */
  baseImageReference?: string;
}

/** `Sha3_224Hash([platform], "1.2", stageName, deps, [prev.digest, prev.nextDeps], [baseImage])`. */
export function stageDigest(input: StageDigestInput): string {
  const args: string[] = [];
  const p = platformForDigest(input.platform);
  if (p) args.push(p);
  args.push(BUILD_CACHE_VERSION, input.stageName, input.dependencies);
  if (input.prev) args.push(input.prev.digest, input.prev.nextStageDependencies);
  if (input.baseImageReference !== undefined) args.push(input.baseImageReference);
  return sha3_224(...args);
}

/** Content digest stored in label `werf-stage-content-digest`:
 * `Sha3_224Hash([platform], "1.2", "<stage>-content", "", digest, nextStageDeps)`. */
export function stageContentDigest(input: { platform?: string; stageName: string; digest: string; nextStageDependencies?: string }): string {
  const args: string[] = [];
  const p = platformForDigest(input.platform);
  if (p) args.push(p);
  args.push(BUILD_CACHE_VERSION, `${input.stageName}-content`, '', input.digest, input.nextStageDependencies ?? '');
  return sha3_224(...args);
}

/** Tag of a multi-platform index: `Sha3_224Hash(per-platform stage IDs...)`. */
export function multiplatformIndexTag(platformStageIds: string[]): string {
  return sha3_224(...platformStageIds);
}
