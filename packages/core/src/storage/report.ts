// werf's build report (reference/werf-core.md §2.9; pkg/build/build_report.go):
// the JSON written by --save-build-report and read by --use-build-report, and
// the .env form. Field names and order are werf's.
import { WerfActionError } from '../errors/index.js';

export interface ReportStageRecord {
  Name: string;
  DockerImageName: string;
  DockerTag: string;
  DockerImageID: string;
  DockerImageDigest: string;
  /** Unix nanoseconds of the stage image. */
  CreatedAt: number;
  Size: number;
  /** Where the base image came from (`repo`, `secondary`) or ''. */
  SourceType: string;
  BaseImagePulled: boolean;
  Rebuilt: boolean;
  /** Seconds with two decimals; "0.00" when not rebuilt. */
  BuildTime: string;
}

export interface ReportImageRecord {
  WerfImageName: string;
  DockerRepo: string;
  DockerTag: string;
  DockerImageID: string;
  DockerImageDigest: string;
  DockerImageName: string;
  TargetPlatform: string;
  Rebuilt: boolean;
  Final: boolean;
  Size: number;
  BuildTime: string;
  /** The commit the image was built or looked up for (absent in reports written by werf). */
  Commit?: string;
  Stages: ReportStageRecord[] | null;
}

export interface BuildReport {
  Images: Record<string, ReportImageRecord>;
  ImagesByPlatform: Record<string, Record<string, ReportImageRecord>>;
}

const STAGE_KEYS: (keyof ReportStageRecord)[] = ['Name', 'DockerImageName', 'DockerTag', 'DockerImageID', 'DockerImageDigest', 'CreatedAt', 'Size', 'SourceType', 'BaseImagePulled', 'Rebuilt', 'BuildTime'];
const IMAGE_KEYS: (keyof ReportImageRecord)[] = ['WerfImageName', 'DockerRepo', 'DockerTag', 'DockerImageID', 'DockerImageDigest', 'DockerImageName', 'TargetPlatform', 'Rebuilt', 'Final', 'Size', 'BuildTime', 'Commit', 'Stages'];

function ordered<T extends object>(obj: T, keys: (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) out[k] = obj[k];
  return out;
}

function sortedRecord<V>(r: Record<string, V>, f: (v: V) => V): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(r).sort()) out[k] = f(r[k]!);
  return out;
}

function orderImage(img: ReportImageRecord): ReportImageRecord {
  const o = ordered(img, IMAGE_KEYS);
  o.Stages = img.Stages ? img.Stages.map((s) => ordered(s, STAGE_KEYS)) : null;
  return o;
}

/** JSON as Go's json.MarshalIndent(report, "", "\t") writes it, plus a newline. */
export function buildReportJson(report: BuildReport): string {
  const doc = {
    Images: sortedRecord(report.Images, orderImage),
    ImagesByPlatform: sortedRecord(report.ImagesByPlatform ?? {}, (p) => sortedRecord(p, orderImage)),
  };
  const json = JSON.stringify(doc, null, '\t')
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `${json}\n`;
}

/** Env var prefix of an image: `WERF_<NAME>_` upper-cased with `/`, `-`, `.` as `_` (`WERF_` for the nameless image). */
export function imageEnvPrefix(werfImageName: string): string {
  if (werfImageName === '') return 'WERF_';
  return `WERF_${werfImageName.toUpperCase().replace(/[/.-]/g, '_')}_`;
}

/** The `.env` form: per image DOCKER_IMAGE_NAME, _ID, _DIGEST, _REPO, _TAG, WERF_IMAGE_NAME, FINAL, then COMMIT when known. */
export function buildReportEnv(report: BuildReport): string {
  const lines: string[] = [];
  for (const name of Object.keys(report.Images).sort()) {
    const r = report.Images[name]!;
    const p = imageEnvPrefix(name);
    lines.push(
      `${p}DOCKER_IMAGE_NAME=${r.DockerImageName}`,
      `${p}DOCKER_IMAGE_ID=${r.DockerImageID}`,
      `${p}DOCKER_IMAGE_DIGEST=${r.DockerImageDigest}`,
      `${p}DOCKER_REPO=${r.DockerRepo}`,
      `${p}DOCKER_TAG=${r.DockerTag}`,
      `${p}WERF_IMAGE_NAME=${r.WerfImageName}`,
      `${p}FINAL=${r.Final}`,
    );
    if (r.Commit) lines.push(`${p}COMMIT=${r.Commit}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Parse and validate a build report (--use-build-report) as werf does; errors name the file. */
export function parseBuildReport(text: string, file: string): BuildReport {
  const fail = (what: string) => new WerfActionError(`invalid build report: ${what}`, {
    code: 'storage.bad-build-report', location: { file }, hint: 'write it again with --save-build-report',
  });
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) { throw fail(`not JSON (${(e as Error).message})`); }
  const r = doc as Partial<BuildReport>;
  if (!r || typeof r !== 'object' || !r.Images || typeof r.Images !== 'object' || Object.keys(r.Images).length === 0) {
    throw fail('it contains no images');
  }
  const checkImage = (key: string, img: ReportImageRecord) => {
    for (const f of ['WerfImageName', 'DockerImageName', 'DockerRepo', 'DockerTag', 'DockerImageID', 'DockerImageDigest'] as const) {
      if (key !== '' && f === 'WerfImageName' && img.WerfImageName === '') throw fail(`image "${key}" has empty WerfImageName`);
      if (f !== 'WerfImageName' && !img[f]) throw fail(`image "${key}" has empty ${f}`);
    }
    if (img.Commit !== undefined && (typeof img.Commit !== 'string' || !/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(img.Commit))) {
      throw fail(`image "${key}" has an invalid Commit ${JSON.stringify(img.Commit)}`);
    }
    (img.Stages ?? []).forEach((s, i) => {
      if (!s.Name) throw fail(`image "${key}" stage #${i} has empty Name`);
      for (const f of ['DockerImageName', 'DockerImageID', 'DockerImageDigest'] as const) {
        if (!s[f]) throw fail(`image "${key}" stage "${s.Name}" has empty ${f}`);
      }
    });
  };
  for (const [k, img] of Object.entries(r.Images)) checkImage(k, img);
  for (const [k, byP] of Object.entries(r.ImagesByPlatform ?? {})) for (const [p, img] of Object.entries(byP)) checkImage(`${k}[${p}]`, img);
  return { Images: r.Images, ImagesByPlatform: r.ImagesByPlatform ?? {} };
}
