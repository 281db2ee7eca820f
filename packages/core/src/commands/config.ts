// `werf-action config render | list | graph`: werf's `werf config ...`
// commands as functions from options to the text to print.
import { stringify } from 'yaml';
import { WerfActionError } from '../errors/index.js';
import { loadProject, type LoadProjectOptions } from '../config/load.js';
import { imageEdges } from '../config/validate.js';
import type { ImageConfig, Project } from '../config/types.js';

export type ConfigCommandOptions = LoadProjectOptions;

function pick(project: Project, names: string[] | undefined): ImageConfig[] {
  if (!names || names.length === 0) return project.images;
  const byName = new Map(project.images.map((i) => [i.name, i]));
  return names.map((n) => {
    const img = byName.get(n);
    if (!img) {
      throw new WerfActionError(`image ${JSON.stringify(n)} is not defined in ${project.configPath}`, {
        code: 'config.unknown-image',
        location: { file: project.configPath, subject: n },
        hint: `defined images: ${[...byName.keys()].map((x) => JSON.stringify(x)).join(', ')}`,
      });
    }
    return img;
  });
}

/** The rendered werf.yaml; with image names, only those images' documents (joined by `---`). */
export async function renderConfig(opts: ConfigCommandOptions & { images?: string[] }): Promise<string> {
  const project = await loadProject(opts);
  return renderProject(project, opts.images);
}

export function renderProject(project: Project, images?: string[]): string {
  if (!images || images.length === 0) return project.rendered;
  const seen = new Set<string>();
  const docs: string[] = [];
  for (const img of pick(project, images)) {
    if (seen.has(img.rawDoc)) continue;
    seen.add(img.rawDoc);
    docs.push(img.rawDoc);
  }
  return docs.join('---\n');
}

/** Image names, one per line (werf config list); `finalOnly` skips non-final images. */
export async function listConfig(opts: ConfigCommandOptions & { finalOnly?: boolean }): Promise<string> {
  const project = await loadProject(opts);
  return listProject(project, opts.finalOnly);
}

export function listProject(project: Project, finalOnly = false): string {
  return project.images.filter((i) => !finalOnly || i.final).map((i) => (i.nameless ? '~' : i.name) + '\n').join('');
}

/** Images and what each depends on, as YAML (werf config graph). */
export async function graphConfig(opts: ConfigCommandOptions & { images?: string[] }): Promise<string> {
  const project = await loadProject(opts);
  return graphProject(project, opts.images);
}

export function graphProject(project: Project, images?: string[]): string {
  const out = pick(project, images).map((img) => {
    const deps: Record<string, string[]> = {};
    for (const e of imageEdges(img)) {
      const key = e.via === 'from' ? 'from' : e.via;
      (deps[key] ??= []).includes(e.image) || deps[key]!.push(e.image);
    }
    const entry: Record<string, unknown> = { image: img.nameless ? null : img.name };
    if (Object.keys(deps).length) {
      entry.dependsOn = Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, k === 'from' ? v[0] : v]));
    }
    return entry;
  });
  return stringify(out, { indentSeq: false });
}
