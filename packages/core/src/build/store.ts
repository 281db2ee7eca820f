// Where stages live, as the build sees it: find a stage by digest, publish a
// freshly built one, and write werf's records. Two implementations: the local
// Buildah storage (no --repo: images named `<project>:<digest>-<ms>`) and a
// registry repository (in ./repo-store.ts, on top of `storage`).
import { parseStageTag, formatStageTag } from '../digest/index.js';
import type { Buildah } from './buildah.js';

export interface StageRecord {
  /** `<digest>-<ms>` */
  tag: string;
  digest: string;
  createdAt: number;
  /** Image ID (config digest without `sha256:`), when known. */
  imageId: string;
  /** Manifest digest (`sha256:...`), '' for local images without one. */
  manifestDigest: string;
  size: number;
}

export interface StageStore {
  /** `registry/path` for a repository, `<project>` for local storage. */
  readonly repo: string;
  readonly remote: boolean;
  /** The oldest valid stage with this digest; `fresh` re-lists instead of using the run's cached listing. */
  find(digest: string, opts?: { fresh?: boolean }): Promise<StageRecord | undefined>;
  /**
   * Starts the run's one listing (repository tags / local images) that `find`
   * then uses, so it overlaps the digest work; settles when it is there.
   */
  prefetch(): Promise<void>;
  /** Makes the local image `localImage` available as `<repo>:<tag>`; returns its record. */
  publish(localImage: string, digest: string, createdAt: number): Promise<StageRecord>;
  /** werf records; no-ops for local storage. */
  addImageMetadata(imageName: string, commit: string, stageTag: string): Promise<void>;
  addManagedImage(imageName: string): Promise<void>;
  addCustomTag(stage: StageRecord, customTag: string): Promise<void>;
}

/** Stages in the local Buildah storage (werf's local stages storage without --repo). */
export class LocalStageStore implements StageStore {
  readonly remote = false;
  private listing?: Promise<Map<string, { tag: string; id: string }[]>>;

  constructor(private readonly buildah: Buildah, readonly repo: string) {}

  private list(fresh: boolean): Promise<Map<string, { tag: string; id: string }[]>> {
    if (!this.listing || fresh) {
      this.listing = this.buildah.images().then((imgs) => {
        const byDigest = new Map<string, { tag: string; id: string }[]>();
        const prefixes = [`localhost/${this.repo}:`, `${this.repo}:`];
        for (const img of imgs) {
          for (const n of img.names) {
            const p = prefixes.find((x) => n.startsWith(x));
            if (!p) continue;
            const tag = n.slice(p.length);
            const st = parseStageTag(tag);
            if (!st) continue;
            const list = byDigest.get(st.digest) ?? [];
            list.push({ tag, id: img.id });
            byDigest.set(st.digest, list);
          }
        }
        return byDigest;
      });
    }
    return this.listing;
  }

  async prefetch(): Promise<void> {
    await this.list(false);
  }

  async find(digest: string, opts: { fresh?: boolean } = {}): Promise<StageRecord | undefined> {
    const list = (await this.list(opts.fresh ?? false)).get(digest);
    if (!list?.length) return undefined;
    const oldest = [...list].sort((a, b) => parseStageTag(a.tag)!.createdAt - parseStageTag(b.tag)!.createdAt)[0]!;
    const info = await this.buildah.inspect(`${this.repo}:${oldest.tag}`);
    if (!info) return undefined;
    return { tag: oldest.tag, digest, createdAt: parseStageTag(oldest.tag)!.createdAt, imageId: info.id, manifestDigest: info.digest, size: info.size };
  }

  async publish(localImage: string, digest: string, createdAt: number): Promise<StageRecord> {
    const tag = formatStageTag(digest, createdAt);
    await this.buildah.tag(localImage, `${this.repo}:${tag}`);
    const info = await this.buildah.inspect(`${this.repo}:${tag}`);
    this.listing = undefined;
    return { tag, digest, createdAt, imageId: info?.id ?? '', manifestDigest: info?.digest ?? '', size: info?.size ?? 0 };
  }

  async addImageMetadata(): Promise<void> {}
  async addManagedImage(): Promise<void> {}
  async addCustomTag(stage: StageRecord, customTag: string): Promise<void> {
    await this.buildah.tag(`${this.repo}:${stage.tag}`, `${this.repo}:${customTag}`);
  }
}
