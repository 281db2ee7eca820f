// werf's "manifest-only image" used for every registry record: a Docker
// schema2 manifest with one layer that is an empty tar archive (1024 zero
// bytes, gzipped), and a config with `created`, the labels, the layer's
// diff_id and one empty history entry (container_registry_extensions).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MediaType, type Descriptor, type ImageConfig, type ImageManifest } from '../registry/index.js';

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** An empty tar archive: two 512-byte zero blocks. */
export const EMPTY_TAR = Buffer.alloc(1024);
/** gzip of EMPTY_TAR (mtime 0, so the bytes are stable). */
export const EMPTY_TAR_GZIP = gzipSync(EMPTY_TAR, { level: 9 });
export const EMPTY_TAR_DIFF_ID = sha256(EMPTY_TAR);

export interface ManifestOnlyImage {
  config: Buffer;
  configDescriptor: Descriptor;
  layer: Buffer;
  layerDescriptor: Descriptor;
  manifest: Buffer;
  mediaType: string;
  digest: string;
}

/**
 * RFC 3339 with nanoseconds, as Go marshals time.Time. werf records differ
 * only by this timestamp, and a DELETE by digest removes every tag on a
 * manifest, so two records must never share one: the sub-millisecond part
 * comes from the monotonic clock.
 */
export function goTime(ms: number, subMsNanos = Number(process.hrtime.bigint() % 1_000_000n)): string {
  const base = new Date(Math.floor(ms)).toISOString(); // ...T12:34:56.789Z
  const frac = `${base.slice(20, 23)}${String(subMsNanos).padStart(6, '0')}`.replace(/0+$/, '');
  return `${base.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

export function buildManifestOnlyImage(labels: Record<string, string>, createdAtMs: number, subMsNanos?: number): ManifestOnlyImage {
  const created = goTime(createdAtMs, subMsNanos);
  const cfg: ImageConfig = {
    architecture: '',
    created,
    history: [{ created: '0001-01-01T00:00:00Z' }],
    os: '',
    rootfs: { type: 'layers', diff_ids: [EMPTY_TAR_DIFF_ID] },
    config: { Labels: labels },
  };
  const config = Buffer.from(JSON.stringify(cfg));
  const configDescriptor: Descriptor = { mediaType: MediaType.DockerConfig, size: config.length, digest: sha256(config) };
  const layer = EMPTY_TAR_GZIP;
  const layerDescriptor: Descriptor = { mediaType: MediaType.DockerLayerTarGzip, size: layer.length, digest: sha256(layer) };
  const m: ImageManifest = { schemaVersion: 2, mediaType: MediaType.DockerManifest, config: configDescriptor, layers: [layerDescriptor] };
  const manifest = Buffer.from(JSON.stringify(m));
  return { config, configDescriptor, layer, layerDescriptor, manifest, mediaType: MediaType.DockerManifest, digest: sha256(manifest) };
}
