// Rendered werf.yaml text -> meta + images: split (werf's splitter),
// classify, strict schema, global imageSpec merge, WERF_* overrides.
import { R, YamlDoc, createPositionMapper, splitDocs } from './yamldoc.js';
import { classify, parseDockerfileImages, parseMeta, parseStapelImages, validateProjectName } from './schema.js';
import type { ImageConfig, MetaConfig } from './types.js';

/** Splits, classifies and parses rendered werf.yaml (exported for tests and `config render`). */
export function parseRendered(
  rendered: string,
  source: string,
  configPath: string,
  env: Readonly<Record<string, string | undefined>> = {},
  partials: { file: string; source: string }[] = [],
): { meta?: MetaConfig; images: ImageConfig[] } {
  const mapper = createPositionMapper(configPath, source, rendered, partials);
  let meta: MetaConfig | undefined;
  let metaDoc: YamlDoc | undefined;
  const docs = splitDocs(rendered).map((raw) => new YamlDoc(raw, mapper));
  const kinds = docs.map((d) => classify(d));
  // meta first: images inherit build.platform / cacheVersion / staged
  docs.forEach((d, i) => {
    if (kinds[i] !== 'meta') return;
    if (metaDoc) throw d.error(d.root, `duplicate meta config section (the first one is at line ${metaDoc.pos(metaDoc.root).line})`, 'config.duplicate-meta');
    metaDoc = d;
    meta = parseMeta(d);
  });
  if (meta && env.WERF_PROJECT_NAME) {
    const at = R.root(metaDoc!).map().get('project')!;
    validateProjectName(env.WERF_PROJECT_NAME, at);
    meta.project = env.WERF_PROJECT_NAME;
  }
  const images: ImageConfig[] = [];
  docs.forEach((d, i) => {
    if (kinds[i] === 'dockerfile') images.push(...parseDockerfileImages(d, meta));
    else if (kinds[i] === 'stapel') images.push(...parseStapelImages(d, meta));
  });
  if (meta?.build.imageSpec) {
    for (const img of images) if (img.final) img.imageSpec = mergeImageSpec(meta.build.imageSpec, img.imageSpec);
  }
  if (env.WERF_FORCE_STAGED_DOCKERFILE === '1' || env.WERF_FORCE_STAGED_DOCKERFILE === 'true') {
    for (const img of images) if (img.kind === 'dockerfile') img.staged = true;
  }
  return { meta, images };
}

/**
 * werf's mergeImageSpec (pkg/config): the global build.imageSpec is applied on
 * top of a final image's own: a global author wins, clearHistory and
 * keepEssentialWerfLabels are ORed, global labels override the image's,
 * removeLabels are the image's followed by the global ones not already there.
 */
function mergeImageSpec(global: NonNullable<MetaConfig['build']['imageSpec']>, own: ImageConfig['imageSpec']): NonNullable<ImageConfig['imageSpec']> {
  const out: NonNullable<ImageConfig['imageSpec']> = { ...(own ?? {}), config: { ...(own?.config ?? {}) } };
  const gc = global.config ?? {};
  const c = out.config!;
  if (global.author) out.author = global.author;
  if (global.clearHistory) out.clearHistory = true;
  if (gc.keepEssentialWerfLabels) c.keepEssentialWerfLabels = true;
  if (gc.labels) c.labels = { ...(c.labels ?? {}), ...gc.labels };
  const remove = [...(c.removeLabels ?? [])];
  for (const l of gc.removeLabels ?? []) if (!remove.includes(l)) remove.push(l);
  if (remove.length) c.removeLabels = remove;
  return out;
}

