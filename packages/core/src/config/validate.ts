// Rules across images (werf's pkg/config/werf.go): unique names, the nameless
// image only alone, references that exist, no dependency cycles. Also resolves
// Stapel `from` / `import.from` to internal images when they name one.
import { WerfActionError, formatLocation } from '../errors/index.js';
import type { ImageConfig, SourcePos } from './types.js';

function err(message: string, code: string, pos: SourcePos, hint?: string): WerfActionError {
  return new WerfActionError(message, { code, location: { ...pos }, ...(hint ? { hint } : {}) });
}

const label = (name: string) => (name === '' ? 'the nameless image' : `image ${JSON.stringify(name)}`);

/** Names this image needs built first, with where each reference is written. */
export function imageEdges(img: ImageConfig): { image: string; via: string; pos: SourcePos }[] {
  const out: { image: string; via: string; pos: SourcePos }[] = [];
  for (const d of img.dependencies) out.push({ image: d.image, via: 'dependencies', pos: d.pos });
  if (img.kind === 'stapel') {
    if (img.fromImage !== undefined) out.push({ image: img.fromImage, via: 'from', pos: img.pos });
    for (const i of img.import) if (!i.external) out.push({ image: i.from, via: 'import', pos: i.pos });
  }
  return out;
}

export function validateImages(images: ImageConfig[]): void {
  const byName = new Map<string, ImageConfig>();
  for (const img of images) {
    const prev = byName.get(img.name);
    if (prev) {
      throw err(`${label(img.name)} is defined more than once`, 'config.duplicate-image', img.pos, `first defined at ${formatLocation(prev.pos)}; image names must be unique`);
    }
    byName.set(img.name, img);
  }
  const nameless = images.find((i) => i.nameless);
  if (nameless && images.length > 1) {
    throw err('a nameless image (`image: ~`) is only allowed when it is the only image', 'config.nameless-image', nameless.pos, 'give every image a name');
  }

  // resolve Stapel references: `from` naming a werf image is internal
  for (const img of images) {
    if (img.kind !== 'stapel') continue;
    if (img.from !== undefined && byName.has(img.from) && img.from !== img.name) img.fromImage = img.from;
    for (const imp of img.import) {
      if (imp.external && byName.has(imp.from)) imp.external = false;
      if (imp.external && !/[:@]/.test(imp.from.split('/').pop() ?? '')) {
        throw err(`import source ${JSON.stringify(imp.from)} is neither an image of werf.yaml nor an image reference with a tag or digest`, 'config.unknown-image', imp.pos, `images in werf.yaml: ${[...byName.keys()].map((n) => JSON.stringify(n)).join(', ') || 'none'}`);
      }
    }
  }

  for (const img of images) {
    for (const e of imageEdges(img)) {
      if (e.image === img.name) throw err(`${label(img.name)} refers to itself in \`${e.via}\``, 'config.cycle', e.pos);
      const target = byName.get(e.image);
      if (!target) {
        throw err(`${label(img.name)} refers to image ${JSON.stringify(e.image)} in \`${e.via}\`, which is not defined in werf.yaml`, 'config.unknown-image', e.pos, `defined images: ${[...byName.keys()].map((n) => JSON.stringify(n)).join(', ')}`);
      }
    }
  }

  // cycles: DFS with colours, report the path
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 1);
    stack.push(name);
    const img = byName.get(name)!;
    for (const e of imageEdges(img)) {
      const s = state.get(e.image);
      if (s === 1) {
        const cycle = [...stack.slice(stack.indexOf(e.image)), e.image];
        throw err(`dependency cycle between images: ${cycle.join(' -> ')}`, 'config.cycle', byName.get(e.image)!.pos, 'images cannot depend on each other in a loop (through dependencies, from or import)');
      }
      if (s === undefined) visit(e.image);
    }
    stack.pop();
    state.set(name, 2);
  };
  for (const img of images) if (!state.has(img.name)) visit(img.name);
}

/** Images in build order: levels where each level only needs earlier levels. */
export function imageLevels(images: ImageConfig[]): ImageConfig[][] {
  const byName = new Map(images.map((i) => [i.name, i]));
  const level = new Map<string, number>();
  const depth = (img: ImageConfig): number => {
    const known = level.get(img.name);
    if (known !== undefined) return known;
    let d = 0;
    for (const e of imageEdges(img)) {
      const t = byName.get(e.image);
      if (t) d = Math.max(d, depth(t) + 1);
    }
    level.set(img.name, d);
    return d;
  };
  const out: ImageConfig[][] = [];
  for (const img of images) {
    const d = depth(img);
    (out[d] ??= []).push(img);
  }
  return out.filter(Boolean);
}
