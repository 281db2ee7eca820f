// werf's additions to a chart render: service values (.Values.werf.* and
// .Values.global.werf.*) from a build report or stub tags, secret values
// and secret files, the werf_secret_file function, extra annotations/labels.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toYaml } from '@werf-action/gotemplate';
import { WerfActionError } from '../errors/index.js';
import { decryptFile, decryptSecretValues } from './secrets.js';
import { isTable, parseYaml, type Values } from './yaml.js';
import { splitManifests } from './manifests.js';

/** What the chart needs of one built image (werf build report field names). */
export interface ImageReportEntry {
  DockerRepo: string;
  DockerTag: string;
  DockerImageName?: string;
  DockerImageDigest?: string;
}

export interface ServiceValuesOptions {
  project: string;
  /** werf's version string (.Values.werf.version). */
  version: string;
  repo: string;
  env?: string;
  namespace?: string;
  commit?: { hash: string; date: Date };
  /** Built images by werf image name ('' = the nameless image). */
  images?: Record<string, ImageReportEntry>;
  /** --stub-tags: these images get REPO:TAG stubs. */
  stubImages?: string[];
}

/** Go's time.Time.String() for a UTC time: `2006-01-02 15:04:05.999999999 +0000 UTC`. */
export function goTimeStringUTC(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const ms = d.getUTCMilliseconds();
  const frac = ms ? '.' + p(ms, 3).replace(/0+$/, '') : '';
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${frac} +0000 UTC`;
}

/** go-containerregistry name.NewTag parts for `registry/ns/name:tag`. */
export function parseImageName(ref: string): { registry: string; repository: string; tag: string; context: string } {
  let rest = ref;
  let tag = 'latest';
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  const slash = rest.indexOf('/');
  let registry = 'index.docker.io';
  let repository = rest;
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') { registry = first; repository = rest.slice(slash + 1); }
  }
  if (registry === 'index.docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return { registry, repository, tag, context: `${registry}/${repository}` };
}

function imageValuesMap(registry: string, repository: string, name: string, tag: string, digest: string, image: string, refTag: string): Values {
  const slash = repository.lastIndexOf('/');
  const namespace = slash < 0 ? '.' : repository.slice(0, slash);
  return {
    registry, namespace, name, tag, digest, tag_digest: `${tag}@${digest}`,
    image, repository, ref: `${refTag}@${digest}`, ref_tag: refTag,
    repository_ref: `${repository}:${tag}@${digest}`, repository_tag: `${repository}:${tag}`,
    name_ref: `${name}:${tag}@${digest}`, name_tag: `${name}:${tag}`,
  };
}

/** werf's GetServiceValues plus .Values.global.werf.images (image_values.go). */
export function werfServiceValues(o: ServiceValuesOptions): Values {
  const globalWerf: Values = { name: o.project, version: o.version };
  const global: Values = { werf: globalWerf };
  const image: Values = {};
  const tagMap: Values = {};
  const date = o.commit?.date ?? new Date(0);
  const werf: Values = {
    name: o.project, version: o.version, repo: o.repo, image, tag: tagMap,
    commit: { hash: o.commit?.hash ?? '', date: { human: goTimeStringUTC(date), unix: BigInt(Math.floor(date.getTime() / 1000)) } },
  };
  const stub = (o.stubImages?.length ?? 0) > 0;
  if (o.env) { global.env = o.env; werf.env = o.env; } else if (stub) { global.env = ''; werf.env = ''; }
  if (o.namespace) werf.namespace = o.namespace;
  const images: Values = {};
  if (stub) {
    const stubImage = `${o.repo}:TAG`;
    werf.is_stub = true;
    werf.stub_image = stubImage;
    for (const n of o.stubImages!) {
      image[n] = stubImage;
      tagMap[n] = 'TAG';
      images[n] = imageValuesMap('REGISTRY', 'NAMESPACE/NAME', 'NAME', 'TAG', 'DIGEST', o.repo, stubImage);
    }
  }
  for (const [n, e] of Object.entries(o.images ?? {})) {
    const full = e.DockerImageName || `${e.DockerRepo}:${e.DockerTag}`;
    if (n === '') { werf.is_nameless_image = true; werf.nameless_image = full; continue; }
    image[n] = full;
    tagMap[n] = e.DockerTag;
    const p = parseImageName(full);
    images[n] = imageValuesMap(p.registry, p.repository, p.repository.slice(p.repository.lastIndexOf('/') + 1), p.tag, e.DockerImageDigest ?? '', p.context, full);
  }
  if (Object.keys(images).length) globalWerf.images = images;
  return { werf, global };
}

export interface SecretSources {
  /** Chart directory (where secret-values.yaml and secret/ are). */
  chartDir: string;
  /** undefined = --ignore-secret-key: values are used as they are (encrypted). */
  key: string | undefined;
  /** Extra --secret-values files (absolute or relative to cwd). */
  extraFiles?: string[];
  /** Skip the chart's secret-values.yaml (--disable-default-secret-values). */
  disableDefault?: boolean;
  mask: (s: string) => void;
}

/** Decrypts the chart's secret-values.yaml (+ extra files), merged in order. */
export function loadSecretValues(s: SecretSources): { defaults: Values; extra: Values } {
  const read = (p: string): Values => {
    let text: string;
    try { text = readFileSync(p, 'utf8'); } catch { return {}; }
    if (s.key === undefined) {
      const v = parseYaml(text);
      return isTable(v) ? v : {};
    }
    return decryptSecretValues(s.key, text, p, s.mask);
  };
  const defaults = s.disableDefault ? {} : read(join(s.chartDir, 'secret-values.yaml'));
  let extra: Values = {};
  for (const f of s.extraFiles ?? []) {
    try { statSync(f); } catch {
      throw new WerfActionError(`secret values file ${f} not found`, { code: 'secret.not-found', location: { file: f } });
    }
    extra = deepMerge(extra, read(f));
  }
  return { defaults, extra };
}

function deepMerge(a: Values, b: Values): Values {
  const out: Values = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isTable(v) && isTable(out[k]) ? deepMerge(out[k] as Values, v) : v;
  return out;
}

/** Reads `.helm/secret/**`: path relative to secret/ → encrypted text. */
export function readSecretDir(chartDir: string): Record<string, string> {
  const root = join(chartDir, 'secret');
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let names: string[];
    try { names = readdirSync(d); } catch { return; }
    for (const n of names.sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** The `werf_secret_file "rel/path"` template function over a secret dir. */
export function werfSecretFileFunc(files: Record<string, string>, key: string | undefined, mask: (s: string) => void): (path: string) => string {
  return (path: string) => {
    const enc = files[path];
    if (enc === undefined) throw new Error(`error reading secret file "${path}": no such file in the secret directory`);
    if (key === undefined) return enc;
    const plain = decryptFile(key, enc).toString('utf8');
    mask(plain);
    return plain;
  };
}

/** Adds annotations/labels to every document of a manifest text (re-serialized as werf does). */
export function addExtraMetadata(docText: string, annotations: Record<string, string>, labels: Record<string, string>): string {
  if (!Object.keys(annotations).length && !Object.keys(labels).length) return docText;
  const obj = parseYaml(docText);
  if (!isTable(obj)) return docText;
  const md = isTable(obj.metadata) ? obj.metadata : (obj.metadata = {});
  if (Object.keys(annotations).length) md.annotations = { ...(isTable(md.annotations) ? md.annotations : {}), ...annotations };
  if (Object.keys(labels).length) md.labels = { ...(isTable(md.labels) ? md.labels : {}), ...labels };
  return toYaml(obj);
}

export { splitManifests };
