// One Dockerfile image, ready to be digested and built: the Dockerfile and
// .dockerignore read from the commit, the context tree listed once, the
// target stage found, and werf's `dockerfile` stage digest computed from
// them plus the build args its dependencies provide.
import { posix } from 'node:path';
import type { GitRepo, ObjectInfo } from '../git/index.js';
import { WerfActionError } from '../errors/index.js';
import { sha256, stageDigest, stageContentDigest } from '../digest/index.js';
import { parseDockerfile, targetStageIndex, type Dockerfile } from './dockerfile/parser.js';
import { computeDockerfileDependencies, hostPlatform } from './dockerfile/digest.js';
import { ContextTree } from './context.js';
import { DockerIgnore, SourceMatcher } from './dockerignore.js';
import { contextAddFilesChecksum } from './workspace.js';
import { Once } from './graph.js';

export type ImportType = 'ImageName' | 'ImageTag' | 'ImageRepo' | 'ImageID' | 'ImageDigest';

/** What the build needs from a werf.yaml Dockerfile image (structurally a subset of config's DockerfileImage). */
export interface DockerfileImageSpec {
  name: string;
  final: boolean;
  /** Relative to `context`. */
  dockerfile: string;
  /** Relative to the project dir; '' = the project dir. */
  context: string;
  contextAddFiles: string[];
  target?: string;
  args: Record<string, string>;
  addHost: string[];
  network?: string;
  secrets: { id: string; env?: string; src?: string; value?: string }[];
  dependencies: { image: string; imports: { type: ImportType; targetBuildArg?: string }[] }[];
  platform: string[];
  cacheVersion?: string;
  staged?: boolean;
}

/** A built (or found) image as its dependents see it. */
export interface ImageRef {
  /** `repo:tag` */
  name: string;
  repo: string;
  tag: string;
  id: string;
  digest: string;
}

export interface PreparedImage {
  spec: DockerfileImageSpec;
  dockerfile: Dockerfile;
  /** Dockerfile text as committed. */
  dockerfileText: string;
  /** Repository-relative paths. */
  dockerfilePath: string;
  contextPath: string;
  /** Dockerfile path relative to the context. */
  dockerfileInContext: string;
  tree: ContextTree;
  ignore: DockerIgnore;
  targetIndex: number;
  platform: string;
}

export interface ImageDigest {
  /** werf stage digest of the `dockerfile` stage (56 hex). */
  digest: string;
  contentDigest: string;
  /** Sha256 of the stage dependencies. */
  dependencies: string;
  parts: string[];
  /** Build args resolved from dependencies (passed to Buildah too). */
  dependencyArgs: Record<string, string>;
}

/** Caches shared by all images of one build (same commit). */
export class PrepareCache {
  readonly trees = new Once<string, ContextTree>();
  /** Objects read so far by `git cat-file` name; missing ones too (kind `missing`). */
  readonly objects = new Map<string, ObjectInfo>();

  /** Reads the names not read yet, in one `git cat-file --batch`. */
  async read(git: GitRepo, names: string[]): Promise<void> {
    const missing = names.filter((n) => !this.objects.has(n));
    if (missing.length === 0) return;
    for (const [k, v] of await git.readObjects(missing)) this.objects.set(k, v);
  }
}

function norm(p: string): string {
  const n = posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\/?/, '').replace(/\/+$/, '');
  return n === '.' ? '' : n;
}

/** Where an image's files are in the repository and the `git cat-file` names to read them. */
function imageLocation(commit: string, projectPath: string, spec: DockerfileImageSpec) {
  const contextPath = norm(posix.join(projectPath || '.', spec.context || '.'));
  const inCtx = norm(spec.dockerfile || 'Dockerfile');
  const dockerfilePath = norm(posix.join(contextPath || '.', inCtx));
  if (contextPath.startsWith('..') || dockerfilePath.startsWith('..')) {
    throw new WerfActionError(`image "${spec.name}": context and dockerfile must stay inside the repository`, {
      code: 'build.path-outside-repo', location: { subject: spec.name },
    });
  }
  const names = {
    dockerfile: `${commit}:${dockerfilePath}`,
    specificIgnore: `${commit}:${dockerfilePath}.dockerignore`,
    generalIgnore: `${commit}:${posix.join(contextPath || '.', '.dockerignore').replace(/^\.\//, '')}`,
    root: ContextTree.rootObjectName(commit, contextPath),
  };
  return { contextPath, inCtx, dockerfilePath, names };
}

/**
 * Prepares several images of one commit: their Dockerfiles, .dockerignore
 * files and context top trees are read in a single `git cat-file --batch`.
 */
export async function prepareDockerfileImages(opts: {
  git: GitRepo;
  commit: string;
  projectPath: string;
  specs: DockerfileImageSpec[];
  platform?: string;
  cache?: PrepareCache;
}): Promise<Map<string, PreparedImage>> {
  const cache = opts.cache ?? new PrepareCache();
  await cache.read(opts.git, opts.specs.flatMap((spec) => Object.values(imageLocation(opts.commit, opts.projectPath, spec).names)));
  const out = new Map<string, PreparedImage>();
  for (const spec of opts.specs) out.set(spec.name, await prepareDockerfileImage({ ...opts, spec, cache }));
  return out;
}

/**
 * Reads what a Dockerfile image needs from `commit`.
 * `projectPath` is the project directory relative to the repository root.
 */
export async function prepareDockerfileImage(opts: {
  git: GitRepo;
  commit: string;
  projectPath: string;
  spec: DockerfileImageSpec;
  /** Default platform when the image has none (first of build.platform, else the host's). */
  platform?: string;
  cache?: PrepareCache;
}): Promise<PreparedImage> {
  const { git, commit, spec } = opts;
  const cache = opts.cache ?? new PrepareCache();
  const { contextPath, inCtx, dockerfilePath, names } = imageLocation(commit, opts.projectPath, spec);
  // One `git cat-file --batch` for the Dockerfile, both .dockerignore candidates and the context's top tree.
  await cache.read(git, Object.values(names));
  const blob = (n: string) => {
    const o = cache.objects.get(n);
    return o?.kind === 'blob' && o.content ? o.content : null;
  };
  const [text, specificIgnore, generalIgnore] = [blob(names.dockerfile), blob(names.specificIgnore), blob(names.generalIgnore)];
  const tree = await cache.trees.run(`${commit}:${contextPath}`, async () => ContextTree.fromRootObject(git, commit, contextPath, cache.objects.get(names.root)));
  if (!text) {
    throw new WerfActionError(`image "${spec.name}": Dockerfile ${dockerfilePath} is not in commit ${commit.slice(0, 12)}`, {
      code: 'build.dockerfile-not-found',
      location: { file: dockerfilePath, subject: spec.name },
      hint: 'commit the Dockerfile (werf-action reads it from git HEAD)',
    });
  }
  const dockerfileText = text.toString('utf8');
  const dockerfile = parseDockerfile(dockerfileText, dockerfilePath);
  const ignore = DockerIgnore.parse((specificIgnore ?? generalIgnore)?.toString('utf8') ?? '');
  const targetIndex = targetStageIndex(dockerfile, spec.target);
  const platform = spec.platform[0] ?? opts.platform ?? hostPlatform();
  return { spec, dockerfile, dockerfileText, dockerfilePath, contextPath, dockerfileInContext: inCtx, tree, ignore, targetIndex, platform };
}

/** Build args an image receives from its dependencies (werf ResolveDependenciesArgs). */
export function dependencyBuildArgs(spec: DockerfileImageSpec, refs: ReadonlyMap<string, ImageRef>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dep of spec.dependencies) {
    const ref = refs.get(dep.image);
    if (!ref) throw new Error(`internal: dependency ${dep.image} of ${spec.name} has no result yet`);
    for (const imp of dep.imports) {
      if (!imp.targetBuildArg) continue;
      out[imp.targetBuildArg] =
        imp.type === 'ImageName' ? ref.name
          : imp.type === 'ImageTag' ? ref.tag
            : imp.type === 'ImageRepo' ? ref.repo
              : imp.type === 'ImageID' ? ref.id
                : ref.digest;
    }
  }
  return out;
}

/** werf's `dockerfile` stage digest of a prepared image. */
export async function computeImageDigest(p: PreparedImage, opts: {
  dependencyArgs: Record<string, string>;
  /** build.cacheVersion; the image's own cacheVersion wins. */
  globalCacheVersion?: string;
  /** Absolute context dir in the work tree (for contextAddFiles). */
  workTreeContext?: string;
}): Promise<ImageDigest> {
  const addSums = new Map<string, string>();
  const adds = p.spec.contextAddFiles;
  if (adds.length && opts.workTreeContext) {
    // contextAddFiles checksums are per source list; compute ahead (async) for every COPY/ADD.
    for (const st of p.dockerfile.stages) {
      for (const ins of st.commands) {
        if (ins.cmd !== 'copy' && ins.cmd !== 'add') continue;
        const key = ins.args.slice(0, -1).join('\0');
        if (!addSums.has(key)) addSums.set(key, await contextAddFilesChecksum(opts.workTreeContext, adds, new SourceMatcher(ins.args.slice(0, -1))));
      }
    }
  }
  const input = {
    dockerfile: p.dockerfile,
    targetIndex: p.targetIndex,
    buildArgs: p.spec.args,
    dependencyArgs: opts.dependencyArgs,
    addHost: p.spec.addHost,
    platform: p.platform,
    cacheVersion: p.spec.cacheVersion ?? opts.globalCacheVersion,
  };
  // Pass 1 collects the resolved COPY/ADD source lists (they do not depend on checksums);
  // their Git checksums are computed asynchronously (lazily read trees); pass 2 hashes.
  const wanted = new Map<string, string[]>();
  computeDockerfileDependencies({ ...input, sourcesChecksum: (sources) => {
    wanted.set(sources.join('\0'), sources);
    return '';
  } });
  const sums = new Map<string, string>();
  for (const [key, sources] of wanted) sums.set(key, await p.tree.checksum(p.ignore, new SourceMatcher(sources)));
  const r = computeDockerfileDependencies({
    ...input,
    sourcesChecksum: (sources, ins) => {
      let sum = sha256(sums.get(sources.join('\0'))!);
      if (adds.length) {
        const extra = addSums.get(ins.args.slice(0, -1).join('\0')) ?? '';
        if (extra !== '') sum = sha256(sum, extra);
      }
      return sum;
    },
  });
  const digest = stageDigest({ platform: p.platform, stageName: 'dockerfile', dependencies: r.dependencies });
  return {
    digest,
    contentDigest: stageContentDigest({ platform: p.platform, stageName: 'dockerfile', digest }),
    dependencies: r.dependencies,
    parts: r.parts,
    dependencyArgs: opts.dependencyArgs,
  };
}
