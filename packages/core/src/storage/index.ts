// storage: the stages storage on top of `registry` — find and reuse stages by
// digest, describe them, write werf's records (meta-*, managed-image-*,
// custom-tag-meta-*, -rejected, import-metadata-*, cleanup), delete tags, and
// the build report shapes. It must not compute digests, run Buildah, or talk
// HTTP itself (all registry traffic goes through `registry`).
export * from './records.js';
export { TagIndex, type StageRef } from './tag-index.js';
export { buildManifestOnlyImage, goTime, EMPTY_TAR, EMPTY_TAR_GZIP, EMPTY_TAR_DIFF_ID, type ManifestOnlyImage } from './manifest-only.js';
export {
  StagesStorage, type StagesStorageOptions, type StageDescription, type CustomTagRecord, type ImportMetadata, type ImageMetadataGroups, type RepoHealth,
} from './stages-storage.js';
export * from './report.js';
