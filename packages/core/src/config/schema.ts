// Strict schema of werf.yaml documents (reference/werf-core.md §1.2-§1.4):
// YAML nodes -> typed objects. Unknown keys, wrong types and invalid values
// are WerfActionErrors at the node's position. Cross-image rules live in
// validate.ts.
import type { R, YamlDoc } from './yamldoc.js';
import { R as Reader } from './yamldoc.js';
import type {
  BuildSecret, CleanupConfig, DependencyConfig, DependencyImportType, DockerInstructions, DockerfileImage, GitMapping,
  HealthcheckConfig, ImageSpecConfig, ImportConfig, KeepPolicy, KeepPolicyLimit, MetaConfig, MountConfig, RefMatcher,
  ShellConfig, StapelImage, StapelStageName,
} from './types.js';
import { parseGoDuration } from './duration.js';

export const PROJECT_NAME_RE = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;

export type DocKind = 'meta' | 'dockerfile' | 'stapel';

/** werf's classification (parser.go): configVersion, then dockerfile, then image/artifact. */
export function classify(d: YamlDoc): DocKind {
  const root = Reader.root(d);
  if (root.kind() !== 'map') {
    throw root.err('a werf.yaml document must be a map (meta section with `configVersion`, or an image with `image`)', 'config.type');
  }
  const keys = new Set(root.map().keys());
  if (keys.has('configVersion')) return 'meta';
  if (keys.has('dockerfile')) return 'dockerfile';
  if (keys.has('image') || keys.has('artifact')) return 'stapel';
  throw root.err(
    'cannot recognize the type of this config section: `configVersion` is required for the meta section, `image` for image sections (with `dockerfile` for Dockerfile images)',
    'config.unknown-section',
  );
}

// ---------------------------------------------------------------- meta

export function parseMeta(d: YamlDoc): MetaConfig {
  const root = Reader.root(d);
  const m = root.map(['configVersion', 'project', 'build', 'deploy', 'cleanup', 'gitWorktree']);
  const cv = m.get('configVersion')!;
  if (cv.kind() !== 'int' || cv.int() !== 1) throw cv.err('`configVersion` must be 1', 'config.invalid-value', 'set `configVersion: 1`');
  const pr = m.get('project');
  if (!pr || pr.isNull()) throw root.err('`project` is required in the meta section', 'config.required', 'add `project: <name>` (lowercase letters, digits and dashes)');
  const project = pr.str();
  validateProjectName(project, pr);
  return {
    configVersion: 1,
    project,
    build: parseBuild(m.get('build')),
    deploy: parseDeploy(m.get('deploy')),
    cleanup: parseCleanup(m.get('cleanup')),
    gitWorktree: parseGitWorktree(m.get('gitWorktree')),
    pos: root.pos,
  };
}

export function validateProjectName(name: string, at: R): void {
  if (name === '') throw at.err('`project` must not be empty', 'config.invalid-value');
  if (name.length > 50) throw at.err(`project name ${JSON.stringify(name)} is too long (${name.length} characters, at most 50)`, 'config.project-name');
  if (!PROJECT_NAME_RE.test(name)) {
    throw at.err(`project name ${JSON.stringify(name)} is invalid: only lowercase letters, digits and dashes, starting and ending with a letter or digit`, 'config.project-name', 'e.g. `project: my-app`');
  }
}

function parseBuild(r: R | undefined): MetaConfig['build'] {
  const out: MetaConfig['build'] = { platform: [], staged: false };
  if (!r) return out;
  for (const [k, v] of r.map(['cacheVersion', 'platform', 'staged', 'imageSpec'])) {
    if (k === 'cacheVersion') out.cacheVersion = v.optStr();
    else if (k === 'platform') out.platform = parsePlatforms(v);
    else if (k === 'staged') out.staged = v.bool();
    else if (k === 'imageSpec') out.imageSpec = parseImageSpec(v, true);
  }
  return out;
}

function parseDeploy(r: R | undefined): MetaConfig['deploy'] {
  const out: MetaConfig['deploy'] = { helmChartDir: '.helm', helmChartConfig: {}, helmReleaseSlug: true, namespaceSlug: true };
  if (!r) return out;
  for (const [k, v] of r.map(['helmChartDir', 'helmChartConfig', 'helmRelease', 'helmReleaseSlug', 'namespace', 'namespaceSlug'])) {
    if (k === 'helmChartDir') {
      const s = v.str();
      if (s.trim() === '') throw v.err('`deploy.helmChartDir` must not be empty', 'config.invalid-value');
      relativePath(s, v);
      out.helmChartDir = s;
    } else if (k === 'helmChartConfig') {
      for (const [k2, v2] of v.map(['appVersion'])) if (k2 === 'appVersion') out.helmChartConfig.appVersion = v2.optStr();
    } else if (k === 'helmRelease') out.helmRelease = v.str();
    else if (k === 'helmReleaseSlug') out.helmReleaseSlug = v.bool();
    else if (k === 'namespace') out.namespace = v.str();
    else if (k === 'namespaceSlug') out.namespaceSlug = v.bool();
  }
  return out;
}

function parseCleanup(r: R | undefined): CleanupConfig {
  const out: CleanupConfig = {
    disable: false,
    disableKubernetesBasedPolicy: false,
    disableGitHistoryBasedPolicy: false,
    disableBuiltWithinLastNHoursPolicy: false,
    keepImagesBuiltWithinLastNHours: 2,
    keepPolicies: [],
  };
  if (!r) return out;
  const keys = ['disable', 'disableKubernetesBasedPolicy', 'disableGitHistoryBasedPolicy', 'disableBuiltWithinLastNHoursPolicy', 'keepImagesBuiltWithinLastNHours', 'keepPolicies'] as const;
  for (const [k, v] of r.map(keys)) {
    if (k === 'keepPolicies') out.keepPolicies = v.list().map(parseKeepPolicy);
    else if (k === 'keepImagesBuiltWithinLastNHours') {
      const n = v.int();
      if (n < 0) throw v.err('`cleanup.keepImagesBuiltWithinLastNHours` must not be negative');
      out.keepImagesBuiltWithinLastNHours = n;
    } else out[k as Exclude<(typeof keys)[number], 'keepPolicies' | 'keepImagesBuiltWithinLastNHours'>] = v.bool();
  }
  return out;
}

function parseKeepPolicy(r: R): KeepPolicy {
  const m = r.map(['references', 'imagesPerReference']);
  const refs = m.get('references');
  if (!refs || refs.isNull()) throw r.err('a keep policy needs `references` (with `branch` or `tag`)', 'config.required');
  const references: KeepPolicy['references'] = {};
  const rm = refs.map(['branch', 'tag', 'limit']);
  const b = rm.get('branch');
  const t = rm.get('tag');
  if (!b && !t) throw refs.err('`references` needs `branch` or `tag` (a name or /regexp/)', 'config.required');
  if (b && t) throw t.err('`references` takes only one of `branch` and `tag`', 'config.conflict');
  if (b) references.branch = refMatcher(b);
  if (t) references.tag = refMatcher(t);
  const lim = rm.get('limit');
  if (lim) references.limit = parseLimit(lim);
  const ipr = m.get('imagesPerReference');
  return { references, ...(ipr ? { imagesPerReference: parseLimit(ipr) } : {}), pos: r.pos };
}

function refMatcher(r: R): RefMatcher {
  const value = r.str();
  let source: string;
  if (value.length >= 2 && value.startsWith('/') && value.endsWith('/')) {
    source = value.slice(1, -1);
    try {
      new RegExp(source);
    } catch (e) {
      throw r.err(`invalid regular expression ${value}: ${(e as Error).message}`);
    }
  } else {
    source = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return { value, regexp: `^${source}$` };
}

function parseLimit(r: R): KeepPolicyLimit {
  const out: KeepPolicyLimit = {};
  for (const [k, v] of r.map(['last', 'in', 'operator'])) {
    if (k === 'last') out.last = v.int();
    else if (k === 'in') {
      const s = v.str();
      const ms = parseGoDuration(s);
      if (ms === null) throw v.err(`\`${v.path}\` must be a Go duration like 168h or 30m, got ${JSON.stringify(s)}`, 'config.invalid-value', 'units: ns, us, ms, s, m, h (there is no d: use 24h per day)');
      out.in = ms;
    } else if (k === 'operator') {
      const s = v.str();
      if (s !== 'And' && s !== 'Or') throw v.err(`\`${v.path}\` must be And or Or, got ${JSON.stringify(s)}`);
      out.operator = s;
    }
  }
  if (out.operator === undefined && out.last !== undefined && out.in !== undefined) out.operator = 'And';
  return out;
}

function parseGitWorktree(r: R | undefined): MetaConfig['gitWorktree'] {
  const out = { forceShallowClone: false, allowUnshallow: true, allowFetchOriginBranchesAndTags: true };
  if (!r) return out;
  for (const [k, v] of r.map(['forceShallowClone', 'allowUnshallow', 'allowFetchOriginBranchesAndTags'])) {
    out[k as keyof typeof out] = v.bool();
  }
  return out;
}

// ---------------------------------------------------------------- shared image parts

function parsePlatforms(r: R): string[] {
  const list = r.strList({ single: true });
  for (const [i, p] of list.entries()) {
    if (!/^[a-z0-9_]+\/[a-z0-9_]+(\/[a-z0-9_]+)?$/.test(p)) {
      const at = r.kind() === 'list' ? r.list()[i]! : r;
      throw at.err(`invalid platform ${JSON.stringify(p)}: expected os/arch[/variant], e.g. linux/amd64`);
    }
  }
  return list;
}

const IMAGE_SPEC_CONFIG_KEYS = [
  'cmd', 'entrypoint', 'env', 'expose', 'healthcheck', 'labels', 'stopSignal', 'user', 'volumes', 'workingDir',
  'removeEnv', 'removeLabels', 'removeVolumes', 'keepEssentialWerfLabels', 'clearCmd', 'clearEntrypoint', 'clearUser', 'clearWorkingDir',
] as const;
const META_IMAGE_SPEC_CONFIG_KEYS = ['labels', 'removeLabels', 'keepEssentialWerfLabels'] as const;

export function parseImageSpec(r: R, meta = false): ImageSpecConfig {
  const out: ImageSpecConfig = {};
  for (const [k, v] of r.map(['author', 'clearHistory', 'config'])) {
    if (k === 'author') out.author = v.optStr();
    else if (k === 'clearHistory') out.clearHistory = v.bool();
    else if (k === 'config') {
      const c: NonNullable<ImageSpecConfig['config']> = {};
      for (const [ck, cv] of cv_map(v, meta ? META_IMAGE_SPEC_CONFIG_KEYS : IMAGE_SPEC_CONFIG_KEYS)) {
        switch (ck) {
          case 'cmd': case 'entrypoint': c[ck] = cv.strList({ single: true }); break;
          case 'expose': case 'volumes': case 'removeEnv': case 'removeVolumes': c[ck] = cv.strList(); break;
          case 'removeLabels': c.removeLabels = cv.strList(); break;
          case 'env': case 'labels': c[ck] = cv.strMap(); break;
          case 'stopSignal': case 'user': case 'workingDir': c[ck] = cv.str(); break;
          case 'healthcheck': c.healthcheck = parseHealthcheck(cv); break;
          default: c[ck as 'clearCmd'] = cv.bool();
        }
      }
      out.config = c;
    }
  }
  return out;
}

function cv_map(r: R, keys: readonly string[]): Map<string, R> {
  return r.map(keys);
}

function parseHealthcheck(r: R): HealthcheckConfig {
  const m = r.map(['test', 'interval', 'timeout', 'startPeriod', 'retries']);
  const t = m.get('test');
  if (!t) throw r.err('`healthcheck.test` is required', 'config.required');
  const out: HealthcheckConfig = { test: t.strList({ single: true }) };
  for (const k of ['interval', 'timeout', 'startPeriod'] as const) {
    const v = m.get(k);
    if (v) {
      const s = v.str();
      if (parseGoDuration(s) === null) throw v.err(`\`${v.path}\` must be a Go duration like 30s, got ${JSON.stringify(s)}`);
      out[k] = s;
    }
  }
  const rt = m.get('retries');
  if (rt) out.retries = rt.int();
  return out;
}

function parseSecrets(r: R): BuildSecret[] {
  return r.list().map((s) => {
    const m = s.map(['id', 'env', 'src', 'value']);
    const sources = ['env', 'src', 'value'].filter((k) => m.has(k));
    if (sources.length !== 1) throw s.err('a secret needs exactly one of `env`, `src` and `value`', sources.length ? 'config.conflict' : 'config.required');
    const out: BuildSecret = { id: '', pos: s.pos };
    const idR = m.get('id');
    if (m.has('env')) out.env = m.get('env')!.str();
    if (m.has('src')) out.src = m.get('src')!.str();
    if (m.has('value')) {
      out.value = m.get('value')!.str();
      if (!idR) throw s.err('a secret with `value` needs an explicit `id`', 'config.required');
    }
    out.id = idR ? idR.str() : out.env ?? (out.src ?? '').replace(/\/+$/, '').split('/').pop()!;
    if (!/^[A-Za-z0-9_.-]+$/.test(out.id)) throw (idR ?? s).err(`invalid secret id ${JSON.stringify(out.id)}: letters, digits, '_', '.', '-' only`);
    return out;
  });
}

const IMPORT_TYPES: DependencyImportType[] = ['ImageName', 'ImageTag', 'ImageRepo', 'ImageID', 'ImageDigest'];

function parseDependencies(r: R, stapel: boolean): DependencyConfig[] {
  return r.list().map((dr) => {
    const m = dr.map(stapel ? ['image', 'before', 'after', 'imports'] : ['image', 'imports'], (k) =>
      !stapel && (k === 'before' || k === 'after') ? '`before`/`after` are only for Stapel images; Dockerfile images get dependencies through build args' : undefined);
    const img = m.get('image');
    if (!img) throw dr.err('a dependency needs `image`', 'config.required');
    const dep: DependencyConfig = { image: img.str(), imports: [], pos: dr.pos };
    if (stapel) {
      const b = m.get('before');
      const a = m.get('after');
      if (!!b === !!a) throw dr.err('a dependency needs exactly one of `before` and `after` (install or setup)', b ? 'config.conflict' : 'config.required');
      const v = (b ?? a)!;
      const s = v.str();
      if (s !== 'install' && s !== 'setup') throw v.err(`\`${v.path}\` must be install or setup, got ${JSON.stringify(s)}`);
      if (b) dep.before = s;
      else dep.after = s;
    }
    const targetKey = stapel ? 'targetEnv' : 'targetBuildArg';
    for (const ir of m.get('imports')?.list() ?? []) {
      const im = ir.map(['type', targetKey]);
      const t = im.get('type');
      const target = im.get(targetKey);
      if (!t) throw ir.err('a dependency import needs `type`', 'config.required');
      if (!target) throw ir.err(`a dependency import needs \`${targetKey}\``, 'config.required');
      const type = t.str();
      if (!IMPORT_TYPES.includes(type as DependencyImportType)) throw t.err(`\`${t.path}\` must be one of ${IMPORT_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
      dep.imports.push({ type: type as DependencyImportType, [targetKey]: target.str() });
    }
    return dep;
  });
}

/** Image names of a document: string, list, or null (the nameless image). */
function imageNames(r: R, what: string): { names: string[]; nameless: boolean } {
  if (r.isNull()) return { names: [''], nameless: true };
  if (r.kind() === 'list') {
    const names = r.list().map((x) => {
      const s = x.str();
      if (s === '') throw x.err(`${what} name must not be empty`);
      return s;
    });
    if (names.length === 0) throw r.err(`\`${r.path}\` must name at least one image`);
    return { names, nameless: false };
  }
  const s = r.str();
  if (s === '') throw r.err(`${what} name must not be empty`, 'config.invalid-value', 'use `image: ~` for the single nameless image');
  return { names: [s], nameless: false };
}

/** A relative path that stays inside the project (lexically); returns it normalized ('' for '.'). */
export function relativePath(p: string, at: R): string {
  if (p.startsWith('/')) throw at.err(`\`${at.path}\` must be a relative path, got ${JSON.stringify(p)}`, 'config.invalid-path');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) throw at.err(`\`${at.path}\` points outside the project directory: ${JSON.stringify(p)}`, 'config.path-escape', 'build contexts, Dockerfiles and chart dirs must be inside the repository');
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function absPath(r: R): string {
  const s = r.str();
  if (!s.startsWith('/')) throw r.err(`\`${r.path}\` must be an absolute path, got ${JSON.stringify(s)}`, 'config.invalid-path');
  return s;
}

// ---------------------------------------------------------------- Dockerfile image

const DOCKERFILE_KEYS = [
  'image', 'final', 'dockerfile', 'context', 'contextAddFiles', 'contextAddFile', 'target', 'args', 'addHost', 'network', 'ssh',
  'secrets', 'dependencies', 'staged', 'platform', 'cacheVersion', 'imageSpec',
] as const;

export function parseDockerfileImages(d: YamlDoc, meta: MetaConfig | undefined): DockerfileImage[] {
  const root = Reader.root(d);
  const m = root.map(DOCKERFILE_KEYS, (k) => (STAPEL_ONLY.has(k) ? `\`${k}\` is a Stapel directive; a Dockerfile image (with \`dockerfile\`) cannot use it` : undefined));
  const nameR = m.get('image');
  if (!nameR) throw root.err('a Dockerfile image section needs `image` (its name)', 'config.required');
  const { names, nameless } = imageNames(nameR, 'image');
  const dfR = m.get('dockerfile')!;
  const ctxR = m.get('context');
  const context = ctxR ? relativePath(ctxR.str(), ctxR) : '';
  const dockerfileRaw = dfR.str();
  if (dockerfileRaw === '') throw dfR.err('`dockerfile` must not be empty');
  if (dockerfileRaw.startsWith('/')) throw dfR.err(`\`dockerfile\` must be a path relative to \`context\`, got ${JSON.stringify(dockerfileRaw)}`, 'config.invalid-path');
  // the Dockerfile may use ../ relative to the context as long as it stays in the project
  const dfFromProject = relativePath(context ? `${context}/${dockerfileRaw}` : dockerfileRaw, dfR);
  void dfFromProject;
  const base = {
    final: m.has('final') ? m.get('final')!.bool() : true,
    platform: m.has('platform') ? parsePlatforms(m.get('platform')!) : meta?.build.platform ?? [],
    cacheVersion: m.get('cacheVersion')?.optStr() ?? meta?.build.cacheVersion,
    network: m.get('network')?.optStr(),
    secrets: m.has('secrets') ? parseSecrets(m.get('secrets')!) : [],
    imageSpec: m.has('imageSpec') ? parseImageSpec(m.get('imageSpec')!) : undefined,
    dependencies: m.has('dependencies') ? parseDependencies(m.get('dependencies')!, false) : [],
  };
  const args = m.has('args') ? m.get('args')!.strMap() : {};
  for (const dep of base.dependencies) {
    for (const imp of dep.imports) {
      if (imp.targetBuildArg && imp.targetBuildArg in args) {
        throw m.get('args')!.err(`build arg ${imp.targetBuildArg} is set both in \`args\` and by a dependency import of image ${JSON.stringify(dep.image)}`, 'config.conflict');
      }
    }
  }
  if (m.has('contextAddFiles') && m.has('contextAddFile')) throw m.get('contextAddFile')!.err('use only `contextAddFiles` (`contextAddFile` is its legacy name)', 'config.conflict');
  const caf = m.get('contextAddFiles') ?? m.get('contextAddFile');
  const contextAddFiles = caf ? caf.strList({ single: true }).map((p, i) => relativePath(p, caf.kind() === 'list' ? caf.list()[i]! : caf)) : [];
  const stagedR = m.get('staged');
  return names.map((name) => ({
    kind: 'dockerfile' as const,
    name,
    nameless,
    ...base,
    dockerfile: dockerfileRaw,
    context,
    contextAddFiles,
    target: m.get('target')?.optStr(),
    args,
    addHost: m.get('addHost')?.strList({ single: true }) ?? [],
    ssh: m.get('ssh')?.optStr(),
    staged: stagedR ? stagedR.bool() : meta?.build.staged ?? false,
    pos: nameR.pos,
    rawDoc: d.raw.content,
  }));
}

// ---------------------------------------------------------------- Stapel image

const STAPEL_KEYS = [
  'image', 'artifact', 'from', 'fromLatest', 'fromCacheVersion', 'fromImage', 'fromArtifact', 'final', 'cacheVersion', 'platform',
  'network', 'secrets', 'imageSpec', 'disableGitAfterPatch', 'git', 'shell', 'ansible', 'docker', 'mount', 'import', 'dependencies',
] as const;
const STAPEL_ONLY = new Set(['from', 'fromLatest', 'fromCacheVersion', 'fromImage', 'fromArtifact', 'git', 'shell', 'ansible', 'docker', 'mount', 'import', 'disableGitAfterPatch']);
const DOCKERFILE_ONLY = new Set(['dockerfile', 'context', 'contextAddFiles', 'contextAddFile', 'target', 'args', 'addHost', 'ssh', 'staged']);

export function parseStapelImages(d: YamlDoc, meta: MetaConfig | undefined): StapelImage[] {
  const root = Reader.root(d);
  const m = root.map(STAPEL_KEYS, (k) => (DOCKERFILE_ONLY.has(k) ? `\`${k}\` belongs to Dockerfile images; add \`dockerfile\` to make this a Dockerfile image` : undefined));
  const an = m.get('ansible');
  if (an) {
    throw an.keyErr('`ansible` stages are not supported by werf-action', 'config.not-supported', 'rewrite the stages with `shell` (same four stages: beforeInstall, install, beforeSetup, setup) or use a Dockerfile image');
  }
  const imgR = m.get('image');
  const artR = m.get('artifact');
  if (imgR && artR) throw artR.err('a section takes either `image` or `artifact`, not both', 'config.conflict');
  const artifact = !!artR;
  const nameR = (imgR ?? artR)!;
  const { names, nameless } = imageNames(nameR, artifact ? 'artifact' : 'image');
  if (artifact && nameless) throw nameR.err('an artifact needs a name');

  const fromR = m.get('from');
  const fromImageR = m.get('fromImage');
  const fromArtR = m.get('fromArtifact');
  const fromCount = [fromR, fromImageR, fromArtR].filter(Boolean).length;
  if (fromCount === 0) throw root.err(`${artifact ? 'artifact' : 'image'} ${JSON.stringify(names[0])} needs \`from\` (a base image reference, \`scratch\`, or another image's name)`, 'config.required');
  if (fromCount > 1) throw (fromImageR ?? fromArtR)!.err('use only one of `from`, `fromImage` and `fromArtifact`', 'config.conflict');
  let from: string | undefined;
  let fromImage: string | undefined;
  if (fromR) from = fromR.str();
  else fromImage = (fromImageR ?? fromArtR)!.str();
  const fromLatest = m.get('fromLatest')?.bool() ?? false;

  const git = (m.get('git')?.list() ?? []).map(parseGit);
  const mounts = (m.get('mount')?.list() ?? []).map(parseMount);
  const seenTo = new Map<string, R>();
  for (const [i, mt] of mounts.entries()) {
    if (seenTo.has(mt.to)) throw m.get('mount')!.list()[i]!.err(`duplicate mount target ${JSON.stringify(mt.to)}`, 'config.conflict');
    seenTo.set(mt.to, m.get('mount')!.list()[i]!);
  }
  const dockerR = m.get('docker');
  const specR = m.get('imageSpec');
  if (dockerR && specR) throw dockerR.err('`docker` (deprecated) cannot be used together with `imageSpec`', 'config.conflict', 'move the instructions to imageSpec.config');
  const base = {
    final: m.has('final') ? m.get('final')!.bool() : !artifact,
    platform: m.has('platform') ? parsePlatforms(m.get('platform')!) : meta?.build.platform ?? [],
    cacheVersion: m.get('cacheVersion')?.optStr() ?? meta?.build.cacheVersion,
    network: m.get('network')?.optStr(),
    secrets: m.has('secrets') ? parseSecrets(m.get('secrets')!) : [],
    imageSpec: specR ? parseImageSpec(specR) : undefined,
    dependencies: m.has('dependencies') ? parseDependencies(m.get('dependencies')!, true) : [],
  };
  const shell = m.has('shell') ? parseShell(m.get('shell')!) : undefined;
  const docker = dockerR ? parseDocker(dockerR) : undefined;
  const imports = (m.get('import')?.list() ?? []).map(parseImport);
  return names.map((name) => ({
    kind: 'stapel' as const,
    name,
    nameless,
    artifact,
    ...base,
    from,
    fromImage,
    fromLatest,
    fromCacheVersion: m.get('fromCacheVersion')?.optStr(),
    disableGitAfterPatch: m.get('disableGitAfterPatch')?.bool() ?? false,
    git,
    shell,
    docker,
    mount: mounts,
    import: imports,
    pos: nameR.pos,
    rawDoc: d.raw.content,
  }));
}

function parseGit(r: R): GitMapping {
  const m = r.map(['url', 'branch', 'tag', 'commit', 'basicAuth', 'add', 'to', 'owner', 'group', 'includePaths', 'excludePaths', 'stageDependencies', 'herebyIAdmitThatBranchMightBreakReproducibility']);
  const url = m.get('url')?.str();
  const out: GitMapping = {
    add: m.has('add') ? absPath(m.get('add')!) : '/',
    to: '',
    includePaths: m.get('includePaths')?.strList({ single: true }) ?? [],
    excludePaths: m.get('excludePaths')?.strList({ single: true }) ?? [],
    stageDependencies: { install: [], beforeSetup: [], setup: [] },
    pos: r.pos,
  };
  const to = m.get('to');
  if (!to) throw r.err('a git mapping needs `to` (an absolute path in the image)', 'config.required');
  out.to = absPath(to);
  if (url !== undefined) out.url = url;
  for (const k of ['branch', 'tag', 'commit'] as const) {
    const v = m.get(k);
    if (!v) continue;
    if (url === undefined) throw v.err(`\`${k}\` is only for remote git mappings (with \`url\`); the local repository is always used at the current commit`, 'config.invalid-value');
    out[k] = v.str();
  }
  if ([out.branch, out.tag, out.commit].filter((x) => x !== undefined).length > 1) throw r.err('use only one of `branch`, `tag` and `commit`', 'config.conflict');
  const ba = m.get('basicAuth');
  if (ba) {
    if (url === undefined) throw ba.err('`basicAuth` is only for remote git mappings (with `url`)');
    const bm = ba.map(['username', 'password']);
    const pw = bm.get('password');
    if (!bm.get('username') || !pw) throw ba.err('`basicAuth` needs `username` and `password`', 'config.required');
    const pm = pw.map(['env', 'file', 'value']);
    if (pm.size !== 1) throw pw.err('`basicAuth.password` needs exactly one of `env`, `file` and `value`', 'config.required');
    const [pk, pv] = [...pm][0]!;
    out.basicAuth = { username: bm.get('username')!.str(), password: { [pk]: pv.str() } };
  }
  for (const k of ['owner', 'group'] as const) if (m.has(k)) out[k] = m.get(k)!.str();
  const sd = m.get('stageDependencies');
  if (sd) {
    for (const [k, v] of sd.map(['install', 'beforeSetup', 'setup'])) out.stageDependencies[k as 'install'] = v.strList({ single: true });
  }
  for (const k of ['includePaths', 'excludePaths'] as const) {
    const v = m.get(k);
    for (const p of out[k]) if (p.startsWith('/')) throw v!.err(`\`${v!.path}\` must hold paths relative to \`add\`, got ${JSON.stringify(p)}`, 'config.invalid-path');
  }
  return out;
}

const SHELL_STAGES: StapelStageName[] = ['beforeInstall', 'install', 'beforeSetup', 'setup'];

function parseShell(r: R): ShellConfig {
  const out: ShellConfig = { beforeInstall: [], install: [], beforeSetup: [], setup: [] };
  for (const [k, v] of r.map([...SHELL_STAGES, 'cacheVersion', 'beforeInstallCacheVersion', 'installCacheVersion', 'beforeSetupCacheVersion', 'setupCacheVersion'])) {
    if ((SHELL_STAGES as string[]).includes(k)) out[k as StapelStageName] = v.strList({ single: true });
    else out[k as 'cacheVersion'] = v.optStr();
  }
  return out;
}

function parseDocker(r: R): DockerInstructions {
  const out: DockerInstructions = { VOLUME: [], ENV: {}, LABEL: {}, EXPOSE: [], exactValues: false };
  for (const [k, v] of r.map(['USER', 'WORKDIR', 'VOLUME', 'ENV', 'LABEL', 'EXPOSE', 'ENTRYPOINT', 'CMD', 'HEALTHCHECK', 'exactValues'])) {
    switch (k) {
      case 'USER': case 'WORKDIR': case 'HEALTHCHECK': out[k] = v.str(); break;
      case 'VOLUME': case 'EXPOSE': out[k] = v.strList({ single: true }); break;
      case 'ENV': case 'LABEL': out[k] = v.strMap(); break;
      case 'ENTRYPOINT': case 'CMD': out[k] = v.kind() === 'list' ? v.strList() : v.str(); break;
      case 'exactValues': out.exactValues = v.bool(); break;
    }
  }
  return out;
}

function parseMount(r: R): MountConfig {
  const m = r.map(['from', 'fromPath', 'to']);
  const to = m.get('to');
  if (!to) throw r.err('a mount needs `to` (an absolute path in the build container)', 'config.required');
  const f = m.get('from');
  const fp = m.get('fromPath');
  if (!!f === !!fp) throw r.err('a mount needs exactly one of `from` (tmp_dir or build_dir) and `fromPath`', f ? 'config.conflict' : 'config.required');
  if (f) {
    const s = f.str();
    if (s !== 'tmp_dir' && s !== 'build_dir') throw f.err(`\`${f.path}\` must be tmp_dir or build_dir, got ${JSON.stringify(s)}`);
    return { type: s, to: absPath(to), pos: r.pos };
  }
  return { type: 'custom_dir', fromPath: fp!.str(), to: absPath(to), pos: r.pos };
}

function parseImport(r: R): ImportConfig {
  const m = r.map(['from', 'image', 'artifact', 'stage', 'before', 'after', 'add', 'to', 'owner', 'group', 'includePaths', 'excludePaths']);
  const srcs = (['from', 'image', 'artifact'] as const).filter((k) => m.has(k));
  if (srcs.length !== 1) throw r.err('an import needs exactly one source: `from` (or the deprecated `image` / `artifact`)', srcs.length ? 'config.conflict' : 'config.required');
  const from = m.get(srcs[0]!)!.str();
  const addR = m.get('add');
  if (!addR) throw r.err('an import needs `add` (an absolute path in the source image)', 'config.required');
  const add = absPath(addR);
  const b = m.get('before');
  const a = m.get('after');
  if (!!b === !!a) throw r.err('an import needs exactly one of `before` and `after` (install or setup)', b ? 'config.conflict' : 'config.required');
  const ba = (b ?? a)!;
  const when = ba.str();
  if (when !== 'install' && when !== 'setup') throw ba.err(`\`${ba.path}\` must be install or setup, got ${JSON.stringify(when)}`);
  const out: ImportConfig = {
    from,
    external: srcs[0] === 'from', // resolved against image names in validate.ts
    add,
    to: m.has('to') ? absPath(m.get('to')!) : add,
    includePaths: m.get('includePaths')?.strList({ single: true }) ?? [],
    excludePaths: m.get('excludePaths')?.strList({ single: true }) ?? [],
    pos: r.pos,
  };
  if (b) out.before = when;
  else out.after = when;
  const st = m.get('stage');
  if (st) {
    const s = st.str();
    if (!(SHELL_STAGES as string[]).includes(s)) throw st.err(`\`${st.path}\` must be one of ${SHELL_STAGES.join(', ')}, got ${JSON.stringify(s)}`);
    out.stage = s as StapelStageName;
  }
  for (const k of ['owner', 'group'] as const) if (m.has(k)) out[k] = m.get(k)!.str();
  if (add === '/' && out.includePaths.length === 0) throw addR.err('importing `add: /` needs `includePaths`', 'config.required');
  return out;
}
