// Stages in a registry repository, on top of `storage`. A no-op lookup costs
// the run's one tag listing plus one manifest GET per image (no config blob
// reads): the image ID, manifest digest and size all come from the manifest.
import { formatStageTag } from '../digest/index.js';
import type { StagesStorage } from '../storage/stages-storage.js';
import type { Buildah, RegistryAccess } from './buildah.js';
import type { StageRecord, StageStore } from './store.js';

export class RepoStageStore implements StageStore {
  readonly remote = true;

  constructor(
    private readonly storage: StagesStorage,
    private readonly buildah: Buildah,
    private readonly access: RegistryAccess,
  ) {}

  get repo(): string {
    return this.storage.address;
  }

  async prefetch(): Promise<void> {
    await this.storage.index();
  }

  async find(digest: string, opts: { fresh?: boolean } = {}): Promise<StageRecord | undefined> {
    // labels: false — the manifest alone gives image ID, digest and size (one GET per image)
    const d = await this.storage.findStage(digest, { refresh: opts.fresh, labels: false });
    if (!d) return undefined;
    return { tag: d.tag, digest, createdAt: d.createdAt, imageId: d.imageId.replace(/^sha256:/, ''), manifestDigest: d.manifestDigest, size: d.size };
  }

  async publish(localImage: string, digest: string, createdAt: number): Promise<StageRecord> {
    const tag = formatStageTag(digest, createdAt);
    const name = `${this.repo}:${tag}`;
    await this.buildah.tag(localImage, name);
    const manifestDigest = await this.buildah.push(name, name, this.access);
    (await this.storage.index()).add(tag);
    const info = await this.buildah.inspect(name);
    return { tag, digest, createdAt, imageId: info?.id ?? '', manifestDigest, size: info?.size ?? 0 };
  }

  async addImageMetadata(imageName: string, commit: string, stageTag: string): Promise<void> {
    await this.storage.putImageMetadata(imageName, commit, stageTag);
  }

  async addManagedImage(imageName: string): Promise<void> {
    await this.storage.addManagedImage(imageName);
  }

  async addCustomTag(stage: StageRecord, customTag: string): Promise<void> {
    await this.storage.addCustomTag(stage.tag, customTag);
  }
}
