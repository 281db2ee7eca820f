// Stage tags: `<56 hex digest>-<13 digit unix ms>` (70 chars); a bare 56-hex
// tag is a multi-platform index (werf repo_stages_storage.go).

export interface StageTag {
  digest: string;
  /** Creation time, unix milliseconds. */
  createdAt: number;
}

const DIGEST_RE = /^[0-9a-f]{56}$/;
const STAGE_TAG_RE = /^([0-9a-f]{56})-(\d{13})$/;

export function isDigest(s: string): boolean {
  return DIGEST_RE.test(s);
}

export function formatStageTag(digest: string, createdAt: number): string {
  if (!DIGEST_RE.test(digest)) throw new Error(`not a stage digest: ${JSON.stringify(digest)}`);
  if (!Number.isInteger(createdAt) || createdAt < 1e12 || createdAt >= 1e13) {
    throw new Error(`stage timestamp must be 13-digit unix milliseconds, got ${createdAt}`);
  }
  return `${digest}-${createdAt}`;
}

/** Parses `<digest>-<ms>`; undefined for anything else (meta tags, indexes, `-rejected`). */
export function parseStageTag(tag: string): StageTag | undefined {
  const m = STAGE_TAG_RE.exec(tag);
  if (!m) return undefined;
  return { digest: m[1]!, createdAt: Number(m[2]) };
}

export function isStageTag(tag: string): boolean {
  return STAGE_TAG_RE.test(tag);
}

/** Tag of the marker that tells every builder to ignore a stage. */
export function rejectedTag(stageTag: string): string {
  return `${stageTag}-rejected`;
}
