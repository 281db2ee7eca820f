// The stages storage on top of `registry` (werf-core.md §2.5, §3): one
// repository holds stage images `<digest>-<ms>` and werf's records. It finds
// reusable stages without pulling, describes them (manifest digest, image id,
// labels), writes records exactly as werf does (manifest-only images labelled
// `werf=<project>`) and deletes tags through the registry's deleter. It does
// not compute digests or build: it takes digests and tags as strings.
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';
import {
  createDeleter, detectRegistryKind, isIndex, type Deleter, type DeleterOptions, type RegistryClient, type RegistryKind, type Repository,
} from '../registry/index.js';
import { buildManifestOnlyImage } from './manifest-only.js';
import {
  CLEANUP_RECORD_TAG, Label, customTagMetaTag, imageMetadataId, imageMetadataTag, importMetadataTag,
  managedImageTag, rejectedStageTag,
} from './records.js';
import { TagIndex, type StageRef } from './tag-index.js';

export interface StageDescription extends StageRef {
  /** `registry/repository:tag`. */
  name: string;
  /** `registry/repository`. */
  repo: string;
  /** Manifest digest (`DockerImageDigest`). */
  manifestDigest: string;
  mediaType: string;
  /** Config digest (`DockerImageID`); for an index, the manifest digest. */
  imageId: string;
  /** Config + layer sizes in bytes (sum over platforms for an index). */
  size: number;
  labels: Record<string, string>;
  /** `werf-stage-content-digest` label. */
  contentDigest?: string;
  /** `werf.io/parent-stage-id` label. */
  parentStageId?: string;
  /** `werf-project-repo-commit` label. */
  commit?: string;
}

export interface StagesStorageOptions {
  /** `--repo`: `registry/path`. */
  repo: string;
  /** werf project name (label `werf=<project>` on every record). */
  project: string;
  client: RegistryClient;
  /** Registry implementation for deletes (default: detected from the host as werf does). */
  kind?: RegistryKind;
  /** Tokens for the ghcr / Docker Hub deleters. */
  deleterOptions?: DeleterOptions;
  deleter?: Deleter;
}

/** werf's repository health warnings (tags.go). */
export interface RepoHealth {
  tags: number;
  metaTags: number;
  lastCleanup?: number;
  warnings: string[];
}

export interface CustomTagRecord {
  tag: string;
  stageId: string;
  /** The record's own tag (`custom-tag-meta-...`). */
  recordTag: string;
}

export interface ImportMetadata {
  importSourceId: string;
  sourceStageId: string;
  checksum: string;
}

/** `stageID -> commits` per image, from `meta-*` tags (werf GetAllAndGroupImageMetadataByImageName). */
export interface ImageMetadataGroups {
  /** Keyed by image name (from the names given). */
  byImage: Map<string, Map<string, string[]>>;
  /** Keyed by imageMetadataID for tags of no given image. */
  notManaged: Map<string, Map<string, string[]>>;
}

export class StagesStorage {
  readonly repository: Repository;
  readonly project: string;
  private indexPromise?: Promise<TagIndex>;
  private deleterInstance?: Deleter;
  private readonly kind: RegistryKind;
  private readonly deleterOptions: DeleterOptions;

  constructor(private readonly ctx: Context, opts: StagesStorageOptions) {
    this.repository = opts.client.repository(opts.repo);
    this.project = opts.project;
    this.kind = opts.kind ?? detectRegistryKind(this.repository.registry);
    this.deleterInstance = opts.deleter;
    this.deleterOptions = opts.deleterOptions ?? {};
  }

  /** `registry/repository` as it appears in image names. */
  get address(): string {
    return this.repository.fullName;
  }

  imageName(tag: string): string {
    return `${this.address}:${tag}`;
  }

  /** The repository's tags, listed once per storage (or again with `refresh`). */
  index(opts: { refresh?: boolean } = {}): Promise<TagIndex> {
    if (!this.indexPromise || opts.refresh) {
      const p = this.repository.listTags().then((tags) => new TagIndex(tags, this.ctx.now()));
      this.indexPromise = p;
      p.catch(() => { if (this.indexPromise === p) this.indexPromise = undefined; });
    }
    return this.indexPromise;
  }

  /** Stages of `digest`, oldest first, rejected ones dropped. */
  async stagesByDigest(digest: string, opts: { refresh?: boolean; notOlderThan?: number } = {}): Promise<StageRef[]> {
    return (await this.index({ refresh: opts.refresh })).stagesByDigest(digest, opts);
  }

  /**
   * The stage to reuse for `digest`: the oldest candidate that still exists
   * and, when given, passes `accept` (e.g. a git ancestry check on its
   * labels). Undefined when there is none: build it.
   */
  async findStage(digest: string, opts: {
    refresh?: boolean;
    notOlderThan?: number;
    /** Read the image config for labels (default true); false saves one GET per lookup. */
    labels?: boolean;
    accept?: (stage: StageDescription) => boolean | Promise<boolean>;
  } = {}): Promise<StageDescription | undefined> {
    for (const ref of await this.stagesByDigest(digest, opts)) {
      const desc = await this.describeStage(ref.tag, { labels: opts.labels });
      if (!desc) {
        this.ctx.log.debug(`stage ${this.imageName(ref.tag)} is listed but its manifest is gone; skipping`);
        continue;
      }
      if (opts.accept && !(await opts.accept(desc))) continue;
      return desc;
    }
    return undefined;
  }

  /**
   * Manifest digest, image id, size and labels of a stage tag; undefined when
   * it does not exist. With `labels: false` only the manifest is read (labels {}).
   */
  async describeStage(tag: string, opts: { labels?: boolean } = {}): Promise<StageDescription | undefined> {
    const m = await this.repository.getManifest(tag);
    if (!m) return undefined;
    const dash = tag.indexOf('-');
    const digest = dash < 0 ? tag : tag.slice(0, dash);
    const createdAt = dash < 0 ? 0 : Number(tag.slice(dash + 1));
    let imageId: string;
    let size: number;
    let configDigest: string;
    if (isIndex(m.manifest)) {
      imageId = m.digest;
      const subs = await Promise.all(m.manifest.manifests.map((d) => this.repository.getManifest(d.digest)));
      size = 0;
      configDigest = '';
      for (const s of subs) {
        if (!s || isIndex(s.manifest)) continue;
        size += s.manifest.config.size + s.manifest.layers.reduce((a, l) => a + l.size, 0);
        if (!configDigest) configDigest = s.manifest.config.digest;
      }
    } else {
      configDigest = m.manifest.config.digest;
      imageId = configDigest;
      size = m.manifest.config.size + m.manifest.layers.reduce((a, l) => a + l.size, 0);
    }
    let labels: Record<string, string> = {};
    if (configDigest && opts.labels !== false) {
      const cfg = JSON.parse((await this.repository.getBlob(configDigest)).toString('utf8')) as { config?: { Labels?: Record<string, string> | null } };
      labels = { ...(cfg.config?.Labels ?? {}) };
    }
    return {
      tag, digest, createdAt,
      name: this.imageName(tag), repo: this.address,
      manifestDigest: m.digest, mediaType: m.mediaType, imageId, size, labels,
      contentDigest: labels[Label.StageContentDigest],
      parentStageId: labels[Label.ParentStageId],
      commit: labels[Label.ProjectRepoCommit],
    };
  }

  /**
   * After pushing `ourTag` for `digest`, settle a race with builders on other
   * hosts (the host-local lock does not reach them): re-list, and when an
   * older valid stage of the digest exists, it wins. Our tag is then deleted
   * if it is a different manifest; if it is the very same manifest (a
   * reproducible build) it stays, since deleting by digest would remove the
   * winner too. Returns the stage everyone will reuse from now on.
   */
  async settleStage(digest: string, ourTag: string): Promise<{ winner: string; ours: 'won' | 'deleted' | 'kept-identical' }> {
    const stages = await this.stagesByDigest(digest, { refresh: true });
    const oldest = stages[0];
    if (!oldest || oldest.tag === ourTag) return { winner: ourTag, ours: 'won' };
    const [a, b] = await Promise.all([this.repository.headManifest(oldest.tag), this.repository.headManifest(ourTag)]);
    if (!a) return { winner: ourTag, ours: 'won' }; // the older one vanished meanwhile
    if (b && a.digest === b.digest) return { winner: oldest.tag, ours: 'kept-identical' };
    this.ctx.log.info(`stage ${digest} was pushed by another builder first (${oldest.tag}); discarding ${ourTag}`);
    if (b) await this.deleteTag(ourTag, b.digest);
    return { winner: oldest.tag, ours: 'deleted' };
  }

  /** Labels of any image in the repository (stage or record); undefined when absent. */
  async labels(tag: string): Promise<Record<string, string> | undefined> {
    return this.repository.getLabels(tag);
  }

  /** Push a manifest-only record image under `tag` with `werf=<project>` plus `labels`. */
  async pushRecord(tag: string, labels: Record<string, string> = {}): Promise<string> {
    const img = buildManifestOnlyImage({ ...labels, [Label.Werf]: this.project }, this.ctx.now());
    await this.repository.uploadBlob(img.layer, img.layerDescriptor.mediaType);
    await this.repository.uploadBlob(img.config, img.configDescriptor.mediaType, { unique: true });
    const digest = await this.repository.putManifest(tag, img.manifest, img.mediaType);
    (await this.indexIfLoaded())?.add(tag);
    return digest;
  }

  /**
   * `meta-<imageMetaID>_<commit>_<stageID>`: image `imageName` was built from
   * `commit` with final stage `stageId`. A 403 is a warning, as in werf.
   */
  async putImageMetadata(imageName: string, commit: string, stageId: string): Promise<string | undefined> {
    const tag = imageMetadataTag(imageName, commit, stageId);
    const idx = await this.indexIfLoaded();
    if (idx?.has(tag)) return tag;
    try {
      await this.pushRecord(tag);
      return tag;
    } catch (e) {
      if (e instanceof WerfActionError && e.code === 'registry.forbidden') {
        this.ctx.log.warn(`cannot write image metadata ${this.imageName(tag)} (${e.message}); git-history-based cleanup will not know this commit`);
        return undefined;
      }
      throw e;
    }
  }

  /** `managed-image-<name>`; returns false when the record already existed. */
  async addManagedImage(imageName: string): Promise<boolean> {
    const tag = managedImageTag(imageName);
    const idx = await this.index();
    if (idx.has(tag)) return false;
    await this.pushRecord(tag);
    return true;
  }

  async managedImages(): Promise<string[]> {
    return (await this.index()).ofKind('managed-image').map((r) => r.imageName).sort();
  }

  async removeManagedImage(imageName: string): Promise<boolean> {
    return (await this.deleteTag(managedImageTag(imageName))) === 'deleted';
  }

  /** Mark a stage as broken: `<stage>-rejected`; every builder ignores it from now on. */
  async rejectStage(stageTag: string): Promise<string> {
    const tag = rejectedStageTag(stageTag);
    await this.pushRecord(tag);
    return tag;
  }

  /** Point `customTag` at the stage's manifest and record the link (`custom-tag-meta-*`). */
  async addCustomTag(stageTag: string, customTag: string): Promise<CustomTagRecord> {
    await this.repository.tag(stageTag, customTag);
    (await this.indexIfLoaded())?.add(customTag);
    const recordTag = customTagMetaTag(customTag);
    await this.pushRecord(recordTag, { [Label.CustomTagStageId]: stageTag, [Label.CustomTagTag]: customTag });
    return { tag: customTag, stageId: stageTag, recordTag };
  }

  /** Every custom tag record with its labels (one config read per record). */
  async customTags(): Promise<CustomTagRecord[]> {
    const recs = (await this.index()).ofKind('custom-tag-meta');
    const out = await Promise.all(recs.map(async (r) => {
      const l = await this.labels(r.tag);
      if (!l) return undefined;
      return { tag: l[Label.CustomTagTag] ?? '', stageId: l[Label.CustomTagStageId] ?? '', recordTag: r.tag };
    }));
    return out.filter((x): x is CustomTagRecord => x !== undefined);
  }

  async putImportMetadata(m: ImportMetadata): Promise<string> {
    const tag = importMetadataTag(m.importSourceId);
    await this.pushRecord(tag, {
      [Label.ImportMetadataImportSourceId]: m.importSourceId,
      [Label.ImportMetadataSourceStageId]: m.sourceStageId,
      [Label.ImportMetadataChecksum]: m.checksum,
    });
    return tag;
  }

  async getImportMetadata(importSourceId: string): Promise<ImportMetadata | undefined> {
    const l = await this.labels(importMetadataTag(importSourceId));
    if (!l) return undefined;
    return {
      importSourceId: l[Label.ImportMetadataImportSourceId] ?? importSourceId,
      sourceStageId: l[Label.ImportMetadataSourceStageId] ?? '',
      checksum: l[Label.ImportMetadataChecksum] ?? '',
    };
  }

  /** The `cleanup` record with `lastcleanuptimestamp=<ms>`, written at the end of a cleanup. */
  async putCleanupRecord(timestampMs = this.ctx.now()): Promise<void> {
    await this.pushRecord(CLEANUP_RECORD_TAG, { [Label.LastCleanupTimestamp]: String(timestampMs) });
  }

  async lastCleanupTimestamp(): Promise<number | undefined> {
    if (!(await this.index()).has(CLEANUP_RECORD_TAG)) return undefined;
    const v = (await this.labels(CLEANUP_RECORD_TAG))?.[Label.LastCleanupTimestamp];
    return v === undefined ? undefined : Number(v);
  }

  /** `meta-*` tags grouped per image as `stageID -> commits`. */
  async imageMetadata(imageNames: string[]): Promise<ImageMetadataGroups> {
    const byId = new Map<string, string>();
    for (const n of imageNames) byId.set(imageMetadataId(n), n);
    const byImage = new Map<string, Map<string, string[]>>();
    const notManaged = new Map<string, Map<string, string[]>>();
    for (const r of (await this.index()).ofKind('meta')) {
      const name = byId.get(r.imageMetadataId);
      const target = name === undefined ? notManaged : byImage;
      const key = name ?? r.imageMetadataId;
      let m = target.get(key);
      if (!m) target.set(key, (m = new Map()));
      const commits = m.get(r.stageId) ?? [];
      commits.push(r.commit);
      m.set(r.stageId, commits);
    }
    return { byImage, notManaged };
  }

  /**
   * Delete one tag with the registry's deleter; the index forgets it. A tag
   * that is listed but whose manifest cannot be read (broken storage) cannot
   * be deleted by digest: as werf does, it is overwritten with a
   * manifest-only image which is then deleted (disable with `brokenFallback: false`).
   */
  async deleteTag(tag: string, digest?: string, opts: { brokenFallback?: boolean } = {}): Promise<'deleted' | 'not-found'> {
    if (!this.deleterInstance) this.deleterInstance = createDeleter(this.ctx, this.kind, this.deleterOptions);
    const idx = await this.indexIfLoaded();
    const listed = idx?.has(tag) ?? false;
    let outcome = await this.deleterInstance.deleteTag(this.repository, { tag, digest });
    if (outcome === 'not-found' && listed && opts.brokenFallback !== false) {
      this.ctx.log.debug(`${this.imageName(tag)} is listed but has no readable manifest; overwriting it to delete it`);
      const dummy = await this.pushRecord(tag);
      outcome = await this.deleterInstance.deleteTag(this.repository, { tag, digest: dummy });
    }
    idx?.remove(tag);
    return outcome;
  }

  /**
   * werf's warnings for a neglected repository: ≥100 tags and cleanup never
   * run or last run more than 14 days ago; more than 80 % of tags are meta-*.
   */
  async health(): Promise<RepoHealth> {
    const idx = await this.index();
    const tags = idx.size;
    const metaTags = idx.ofKind('meta').length;
    const lastCleanup = await this.lastCleanupTimestamp();
    const warnings: string[] = [];
    const DAY = 24 * 3600 * 1000;
    if (tags >= 100) {
      if (lastCleanup === undefined) {
        warnings.push(`${this.address} has ${tags} tags and was never cleaned up: run werf-action cleanup regularly (e.g. nightly)`);
      } else if (this.ctx.now() - lastCleanup > 14 * DAY) {
        const days = Math.floor((this.ctx.now() - lastCleanup) / DAY);
        warnings.push(`${this.address} has ${tags} tags and was last cleaned up ${days} days ago: run werf-action cleanup regularly (e.g. nightly)`);
      }
    }
    if (tags > 0 && metaTags / tags > 0.8) {
      warnings.push(`${Math.round((metaTags / tags) * 100)}% of the tags in ${this.address} are meta-* records: run werf-action cleanup to prune metadata of old commits`);
    }
    return { tags, metaTags, lastCleanup, warnings };
  }

  private async indexIfLoaded(): Promise<TagIndex | undefined> {
    if (!this.indexPromise) return undefined;
    try { return await this.indexPromise; } catch { return undefined; }
  }
}
