// All tags of the stages repository, listed once and indexed by what they
// are (stage by digest, rejected markers, records). Kept current as this
// process pushes or deletes tags, so a run lists the repository once.
import { classifyTag, type TagKind } from './records.js';

export interface StageRef {
  /** `<digest>-<ms>` (or the bare digest for a multi-platform index). */
  tag: string;
  digest: string;
  /** Unix ms from the tag; 0 for an index. */
  createdAt: number;
}

type Of<K extends TagKind['kind']> = Extract<TagKind, { kind: K }>;

export class TagIndex {
  private readonly all = new Map<string, TagKind>();
  /** Epoch ms when the tags were listed. */
  readonly listedAt: number;

  constructor(tags: Iterable<string>, listedAt: number) {
    this.listedAt = listedAt;
    for (const t of tags) this.all.set(t, classifyTag(t));
  }

  get size(): number { return this.all.size; }
  tags(): string[] { return [...this.all.keys()]; }
  has(tag: string): boolean { return this.all.has(tag); }
  add(tag: string): void { if (!this.all.has(tag)) this.all.set(tag, classifyTag(tag)); }
  remove(tag: string): void { this.all.delete(tag); }

  ofKind<K extends TagKind['kind']>(kind: K): Of<K>[] {
    const out: Of<K>[] = [];
    for (const v of this.all.values()) if (v.kind === kind) out.push(v as Of<K>);
    return out;
  }

  isRejected(stageTag: string): boolean {
    return this.all.has(`${stageTag}-rejected`);
  }

  /**
   * Stages of `digest`, oldest first, without rejected ones
   * (werf GetStagesIDsByDigest). `notOlderThan` drops stages created before it.
   */
  stagesByDigest(digest: string, opts: { notOlderThan?: number } = {}): StageRef[] {
    const out: StageRef[] = [];
    for (const v of this.all.values()) {
      if (v.kind !== 'stage' || v.digest !== digest) continue;
      if (this.isRejected(v.tag)) continue;
      if (opts.notOlderThan !== undefined && v.createdAt < opts.notOlderThan) continue;
      out.push({ tag: v.tag, digest: v.digest, createdAt: v.createdAt });
    }
    return out.sort((a, b) => a.createdAt - b.createdAt || a.tag.localeCompare(b.tag));
  }

  /** Every stage (not rejected), oldest first. */
  stages(): StageRef[] {
    return this.ofKind('stage')
      .filter((s) => !this.isRejected(s.tag))
      .map((s) => ({ tag: s.tag, digest: s.digest, createdAt: s.createdAt }))
      .sort((a, b) => a.createdAt - b.createdAt || a.tag.localeCompare(b.tag));
  }
}
