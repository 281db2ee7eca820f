// Giterminism: the werf-giterminism.yaml schema and the rules that say which
// non-deterministic inputs a project allows (reference/werf-core.md §1.6).
// Reading files (HEAD vs work tree) is in files.ts; this file only decides.
import { WerfActionError } from '../errors/index.js';
import { R, YamlDoc, createPositionMapper, splitDocs } from './yamldoc.js';
import { globMatchPathOrParent } from './glob.js';
import type { GiterminismConfig, ImageConfig, SourcePos } from './types.js';

export const GITERMINISM_CONFIG = 'werf-giterminism.yaml';

export function defaultGiterminism(): GiterminismConfig {
  return {
    giterminismConfigVersion: 1,
    cli: { allowCustomTags: false },
    config: {
      allowUncommitted: false,
      allowUncommittedTemplates: [],
      goTemplateRendering: { allowEnvVariables: [], allowUncommittedFiles: [] },
      secrets: { allowEnvVariables: [], allowFiles: [], allowValueIds: [] },
      stapel: { allowFromLatest: false, git: { allowBranch: false }, mount: { allowBuildDir: false, allowFromPaths: [] } },
      dockerfile: { allowUncommitted: [], allowUncommittedDockerignoreFiles: [], allowContextAddFiles: [] },
    },
    helm: { allowUncommittedFiles: [] },
    includes: { allowIncludesUpdate: false },
  };
}

/** Parses werf-giterminism.yaml strictly (unknown keys are errors, as werf's OpenAPI schema). */
export function parseGiterminism(text: string, file = GITERMINISM_CONFIG): GiterminismConfig {
  const out = defaultGiterminism();
  const docs = splitDocs(text);
  if (docs.length === 0) return out;
  if (docs.length > 1) {
    const d = new YamlDoc(docs[1]!, createPositionMapper(file, text, text));
    throw d.error(d.root, `${file} must hold a single YAML document`, 'giterminism.invalid');
  }
  const d = new YamlDoc(docs[0]!, createPositionMapper(file, text, text));
  const root = R.root(d);
  const m = root.map(['giterminismConfigVersion', 'cli', 'config', 'helm', 'includes']);
  const v = m.get('giterminismConfigVersion');
  if (!v) throw root.err('`giterminismConfigVersion` is required', 'config.required', 'add `giterminismConfigVersion: 1`');
  if (v.kind() !== 'int' || v.int() !== 1) throw v.err('`giterminismConfigVersion` must be 1');
  for (const [k, r] of m) {
    if (k === 'cli') for (const [k2, r2] of r.map(['allowCustomTags'])) out.cli[k2 as 'allowCustomTags'] = r2.bool();
    if (k === 'helm') for (const [, r2] of r.map(['allowUncommittedFiles'])) out.helm.allowUncommittedFiles = globs(r2);
    if (k === 'includes') for (const [, r2] of r.map(['allowIncludesUpdate'])) out.includes.allowIncludesUpdate = r2.bool();
    if (k === 'config') {
      const c = out.config;
      for (const [ck, cr] of r.map(['allowUncommitted', 'allowUncommittedTemplates', 'goTemplateRendering', 'secrets', 'stapel', 'dockerfile'])) {
        switch (ck) {
          case 'allowUncommitted': c.allowUncommitted = cr.bool(); break;
          case 'allowUncommittedTemplates': c.allowUncommittedTemplates = globs(cr); break;
          case 'goTemplateRendering':
            for (const [gk, gr] of cr.map(['allowEnvVariables', 'allowUncommittedFiles'])) {
              if (gk === 'allowEnvVariables') c.goTemplateRendering.allowEnvVariables = envPatterns(gr);
              else c.goTemplateRendering.allowUncommittedFiles = globs(gr);
            }
            break;
          case 'secrets':
            for (const [sk, sr] of cr.map(['allowEnvVariables', 'allowFiles', 'allowValueIds'])) {
              c.secrets[sk as 'allowFiles'] = sk === 'allowEnvVariables' ? envPatterns(sr) : sr.strList();
            }
            break;
          case 'stapel':
            for (const [sk, sr] of cr.map(['allowFromLatest', 'git', 'mount'])) {
              if (sk === 'allowFromLatest') c.stapel.allowFromLatest = sr.bool();
              else if (sk === 'git') for (const [, gr] of sr.map(['allowBranch'])) c.stapel.git.allowBranch = gr.bool();
              else {
                for (const [mk, mr] of sr.map(['allowBuildDir', 'allowFromPaths'])) {
                  if (mk === 'allowBuildDir') c.stapel.mount.allowBuildDir = mr.bool();
                  else c.stapel.mount.allowFromPaths = globs(mr);
                }
              }
            }
            break;
          case 'dockerfile':
            for (const [dk, dr] of cr.map(['allowUncommitted', 'allowUncommittedDockerignoreFiles', 'allowContextAddFiles'])) {
              c.dockerfile[dk as 'allowUncommitted'] = globs(dr);
            }
            break;
        }
      }
    }
  }
  return out;
}

function globs(r: R): string[] {
  return r.strList();
}

function envPatterns(r: R): string[] {
  const list = r.strList();
  r.list().forEach((item, i) => {
    const p = list[i]!;
    if (p.length >= 2 && p.startsWith('/') && p.endsWith('/')) {
      try {
        new RegExp(p.slice(1, -1));
      } catch (e) {
        throw item.err(`invalid regular expression ${p}: ${(e as Error).message}`);
      }
    }
  });
  return list;
}

/** Matches a name against literal names and `/regexp/` entries (anchored). */
export function matchNameList(list: string[], name: string): boolean {
  return list.some((p) => (p.length >= 2 && p.startsWith('/') && p.endsWith('/') ? new RegExp(`^(?:${p.slice(1, -1)})$`).test(name) : p === name));
}

/** True when `path` (relative to the project dir) matches one of the globs (a glob naming a directory covers its files). */
export function matchGlobList(list: string[], path: string): boolean {
  return list.some((g) => globMatchPathOrParent(g, path));
}

export interface GiterminismMode {
  loose: boolean;
  dev: boolean;
}

function denied(message: string, pos: SourcePos, hint: string): WerfActionError {
  return new WerfActionError(message, { code: 'giterminism.denied', location: { ...pos }, hint });
}

/** The werf.yaml features gated by giterminism (fromLatest, branches, mounts, secrets, contextAddFiles). */
export function checkImageGiterminism(images: ImageConfig[], g: GiterminismConfig, mode: GiterminismMode): void {
  if (mode.loose) return;
  const file = GITERMINISM_CONFIG;
  for (const img of images) {
    for (const s of img.secrets) {
      if (s.env !== undefined && !matchNameList(g.config.secrets.allowEnvVariables, s.env)) {
        throw denied(`secret ${JSON.stringify(s.id)} reads the environment variable ${s.env}, which giterminism does not allow`, s.pos, `add ${s.env} to config.secrets.allowEnvVariables in ${file}`);
      }
      if (s.src !== undefined && !matchGlobList(g.config.secrets.allowFiles, s.src.replace(/^\.\//, ''))) {
        throw denied(`secret ${JSON.stringify(s.id)} reads the file ${s.src}, which giterminism does not allow`, s.pos, `add ${s.src} to config.secrets.allowFiles in ${file}`);
      }
      if (s.value !== undefined && !g.config.secrets.allowValueIds.includes(s.id)) {
        throw denied(`secret ${JSON.stringify(s.id)} has an inline value, which giterminism does not allow`, s.pos, `add ${s.id} to config.secrets.allowValueIds in ${file}`);
      }
    }
    if (img.kind === 'dockerfile') {
      for (const f of img.contextAddFiles) {
        const rel = img.context ? `${img.context}/${f}` : f;
        if (!g.config.dockerfile.allowContextAddFiles.some((a) => a.replace(/^\.\//, '').replace(/\/+$/, '') === rel || rel.startsWith(a.replace(/^\.\//, '').replace(/\/+$/, '') + '/'))) {
          throw denied(`contextAddFiles entry ${JSON.stringify(f)} of image ${JSON.stringify(img.name)} is not allowed by giterminism`, img.pos, `add ${rel} to config.dockerfile.allowContextAddFiles in ${file}`);
        }
      }
      continue;
    }
    if (img.fromLatest && !g.config.stapel.allowFromLatest) {
      throw denied(`image ${JSON.stringify(img.name)} uses fromLatest, which giterminism does not allow`, img.pos, `set config.stapel.allowFromLatest: true in ${file}`);
    }
    for (const gm of img.git) {
      if (gm.url !== undefined && gm.tag === undefined && gm.commit === undefined && !g.config.stapel.git.allowBranch) {
        throw denied(`git mapping ${gm.url} of image ${JSON.stringify(img.name)} follows a branch${gm.branch ? ` (${gm.branch})` : ''}, which giterminism does not allow`, gm.pos, `pin a tag or commit, or set config.stapel.git.allowBranch: true in ${file}`);
      }
    }
    for (const mt of img.mount) {
      if (mt.type === 'build_dir' && !g.config.stapel.mount.allowBuildDir) {
        throw denied(`mount from build_dir in image ${JSON.stringify(img.name)} is not allowed by giterminism`, mt.pos, `set config.stapel.mount.allowBuildDir: true in ${file}`);
      }
      if (mt.type === 'custom_dir' && !g.config.stapel.mount.allowFromPaths.some((p) => globMatchPathOrParent(p, mt.fromPath!) || p === mt.fromPath)) {
        throw denied(`mount fromPath ${mt.fromPath} in image ${JSON.stringify(img.name)} is not allowed by giterminism`, mt.pos, `add ${mt.fromPath} to config.stapel.mount.allowFromPaths in ${file}`);
      }
    }
  }
}
