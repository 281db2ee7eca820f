// werf's registry layout (reference/werf-core.md §3): tag names of stages and
// records, their parsing, and the label names werf reads. Pure functions.
import { legacyMurmurHash } from '../digest/hash.js';
import { limitedSlug } from '../config/slug.js';

export const Label = {
  Werf: 'werf',
  WerfVersion: 'werf-version',
  StageContentDigest: 'werf-stage-content-digest',
  ProjectRepoCommit: 'werf-project-repo-commit',
  ParentStageId: 'werf.io/parent-stage-id',
  BaseImageId: 'werf.io/base-image-id',
  ImportChecksumPrefix: 'werf-import-checksum-',
  ImportSourceStageIdPrefix: 'werf-import-source-stage-id-',
  DependencyStageIdPrefix: 'werf-dependency-stage-id-',
  CustomTagStageId: 'stage-id',
  CustomTagTag: 'tag',
  ImportMetadataChecksum: 'checksum',
  ImportMetadataSourceStageId: 'source-stage-id',
  ImportMetadataImportSourceId: 'import-source-id',
  LastCleanupTimestamp: 'lastcleanuptimestamp',
} as const;

export const MANAGED_IMAGE_PREFIX = 'managed-image-';
export const META_PREFIX = 'meta-';
export const CUSTOM_TAG_META_PREFIX = 'custom-tag-meta-';
export const IMPORT_METADATA_PREFIX = 'import-metadata-';
export const CLIENT_ID_PREFIX = 'client-id-';
export const REJECTED_SUFFIX = '-rejected';
export const CLEANUP_RECORD_TAG = 'cleanup';
export const NAMELESS_IMAGE_RECORD = '__nameless__';
const DOCKER_TAG_MAX = 128;
const DOCKER_TAG_RE = /^[\w][\w.-]{0,127}$/;

const STAGE_RE = /^([0-9a-f]{56})-(\d{13})$/;
const INDEX_RE = /^[0-9a-f]{56}$/;

export type TagKind =
  | { kind: 'stage'; tag: string; digest: string; createdAt: number }
  | { kind: 'index'; tag: string; digest: string }
  | { kind: 'rejected'; tag: string; stageTag: string; digest: string; createdAt: number }
  | { kind: 'meta'; tag: string; imageMetadataId: string; commit: string; stageId: string }
  | { kind: 'managed-image'; tag: string; imageName: string }
  | { kind: 'custom-tag-meta'; tag: string; id: string }
  | { kind: 'import-metadata'; tag: string; id: string }
  | { kind: 'client-id'; tag: string; clientId: string; createdAt: number }
  | { kind: 'cleanup'; tag: string }
  | { kind: 'other'; tag: string };

/** What a tag of a werf repository is. Anything unknown (custom tags, foreign tags) is `other`. */
export function classifyTag(tag: string): TagKind {
  let m = STAGE_RE.exec(tag);
  if (m) return { kind: 'stage', tag, digest: m[1]!, createdAt: Number(m[2]) };
  if (INDEX_RE.test(tag)) return { kind: 'index', tag, digest: tag };
  if (tag.endsWith(REJECTED_SUFFIX)) {
    const stageTag = tag.slice(0, -REJECTED_SUFFIX.length);
    m = STAGE_RE.exec(stageTag);
    if (m) return { kind: 'rejected', tag, stageTag, digest: m[1]!, createdAt: Number(m[2]) };
  }
  if (tag.startsWith(META_PREFIX)) {
    const parts = tag.slice(META_PREFIX.length).split('_');
    if (parts.length === 3) return { kind: 'meta', tag, imageMetadataId: parts[0]!, commit: parts[1]!, stageId: parts[2]! };
  }
  if (tag.startsWith(MANAGED_IMAGE_PREFIX)) return { kind: 'managed-image', tag, imageName: unslugImageName(tag.slice(MANAGED_IMAGE_PREFIX.length)) };
  if (tag.startsWith(CUSTOM_TAG_META_PREFIX)) return { kind: 'custom-tag-meta', tag, id: tag.slice(CUSTOM_TAG_META_PREFIX.length) };
  if (tag.startsWith(IMPORT_METADATA_PREFIX)) return { kind: 'import-metadata', tag, id: tag.slice(IMPORT_METADATA_PREFIX.length) };
  if (tag.startsWith(CLIENT_ID_PREFIX)) {
    const rest = tag.slice(CLIENT_ID_PREFIX.length);
    const i = rest.lastIndexOf('-');
    const ts = Number(rest.slice(i + 1));
    if (i > 0 && Number.isInteger(ts)) return { kind: 'client-id', tag, clientId: rest.slice(0, i), createdAt: ts };
  }
  if (tag === CLEANUP_RECORD_TAG) return { kind: 'cleanup', tag };
  return { kind: 'other', tag };
}

/** werf slugImageName: `" "`→`__space__`, `/`→`__slash__`, `+`→`__plus__`, `""`→`__nameless__`. */
export function slugImageName(name: string): string {
  if (name === '') return NAMELESS_IMAGE_RECORD;
  return name.replaceAll(' ', '__space__').replaceAll('/', '__slash__').replaceAll('+', '__plus__');
}

export function unslugImageName(id: string): string {
  const res = id.replaceAll('__space__', ' ').replaceAll('__slash__', '/').replaceAll('__plus__', '+');
  return res === NAMELESS_IMAGE_RECORD ? '' : res;
}

/** The id in `managed-image-<id>`: the slugged name, LimitedSlug'ed when not a valid docker tag. */
export function managedImageId(imageName: string): string {
  const s = slugImageName(imageName);
  if (DOCKER_TAG_RE.test(s)) return s;
  return limitedSlug(s, DOCKER_TAG_MAX - MANAGED_IMAGE_PREFIX.length);
}

export function managedImageTag(imageName: string): string {
  return `${MANAGED_IMAGE_PREFIX}${managedImageId(imageName)}`;
}

/** `imageMetaID` of meta tags: LegacyMurmurHash of the managed image name. */
export function imageMetadataId(imageName: string): string {
  return legacyMurmurHash(unslugImageName(managedImageId(imageName)));
}

/** `meta-<imageMetaID>_<commit>_<stageID>`. */
export function imageMetadataTag(imageName: string, commit: string, stageId: string): string {
  return `${META_PREFIX}${imageMetadataId(imageName)}_${commit}_${stageId}`;
}

/** `custom-tag-meta-<LimitedSlug(tag, 48)>`. */
export function customTagMetaTag(customTag: string): string {
  return `${CUSTOM_TAG_META_PREFIX}${limitedSlug(customTag, 48)}`;
}

export function importMetadataTag(importSourceId: string): string {
  return `${IMPORT_METADATA_PREFIX}${importSourceId}`;
}

export function rejectedStageTag(stageTag: string): string {
  return `${stageTag}${REJECTED_SUFFIX}`;
}

/** `<digest>-<ms>`, validating both parts. */
export function stageTag(digest: string, createdAt: number): string {
  if (!INDEX_RE.test(digest)) throw new Error(`not a stage digest: ${JSON.stringify(digest)}`);
  if (!Number.isInteger(createdAt) || createdAt < 1e12 || createdAt >= 1e13) throw new Error(`not a 13-digit millisecond timestamp: ${createdAt}`);
  return `${digest}-${createdAt}`;
}
