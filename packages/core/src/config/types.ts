// Typed werf.yaml: what `loadProject` returns. Every object keeps `pos`, the
// place in the file the user wrote, so later stages (build, deploy, cleanup)
// can report errors against werf.yaml too.

export interface SourcePos {
  /** Path relative to the project directory (e.g. `werf.yaml`, `.werf/images.tmpl`). */
  file: string;
  line: number;
  column: number;
}

export interface ImageSpecConfig {
  author?: string;
  clearHistory?: boolean;
  config?: {
    cmd?: string[];
    entrypoint?: string[];
    env?: Record<string, string>;
    expose?: string[];
    healthcheck?: HealthcheckConfig;
    labels?: Record<string, string>;
    stopSignal?: string;
    user?: string;
    volumes?: string[];
    workingDir?: string;
    removeEnv?: string[];
    /** Literal names or `/regexp/`. */
    removeLabels?: string[];
    removeVolumes?: string[];
    keepEssentialWerfLabels?: boolean;
    clearCmd?: boolean;
    clearEntrypoint?: boolean;
    clearUser?: boolean;
    clearWorkingDir?: boolean;
  };
}

export interface HealthcheckConfig {
  test: string[];
  interval?: string;
  timeout?: string;
  startPeriod?: string;
  retries?: number;
}

export interface BuildConfig {
  cacheVersion?: string;
  platform: string[];
  staged: boolean;
  imageSpec?: ImageSpecConfig;
}

export interface DeployConfig {
  /** Chart directory relative to the project dir; default `.helm`. */
  helmChartDir: string;
  helmChartConfig: { appVersion?: string };
  /** Template with `[[ ]]` delimiters; undefined = werf's default. */
  helmRelease?: string;
  helmReleaseSlug: boolean;
  namespace?: string;
  namespaceSlug: boolean;
}

/** A keep-policy reference matcher: literal or `/regexp/`, always anchored. */
export interface RefMatcher {
  /** As written in werf.yaml. */
  value: string;
  /** Anchored regexp source exactly as werf builds it: `^<re>$` or `^<quoted literal>$`. */
  regexp: string;
}

export type PolicyOperator = 'And' | 'Or';

/**
 * A limit as written (werf keeps absent values absent: the cleanup module
 * applies werf's defaults). `operator` is set to And when both `last` and
 * `in` are given without one, as werf does.
 */
export interface KeepPolicyLimit {
  last?: number;
  /** Milliseconds (from a Go duration string). */
  in?: number;
  operator?: PolicyOperator;
}

export interface KeepPolicy {
  references: {
    branch?: RefMatcher;
    tag?: RefMatcher;
    limit?: KeepPolicyLimit;
  };
  imagesPerReference?: KeepPolicyLimit;
  pos: SourcePos;
}

export interface CleanupConfig {
  disable: boolean;
  disableKubernetesBasedPolicy: boolean;
  disableGitHistoryBasedPolicy: boolean;
  disableBuiltWithinLastNHoursPolicy: boolean;
  keepImagesBuiltWithinLastNHours: number;
  /** Empty = werf's default policies (the cleanup module applies them). */
  keepPolicies: KeepPolicy[];
}

export interface GitWorktreeConfig {
  forceShallowClone: boolean;
  allowUnshallow: boolean;
  allowFetchOriginBranchesAndTags: boolean;
}

export interface MetaConfig {
  project: string;
  configVersion: 1;
  build: BuildConfig;
  deploy: DeployConfig;
  cleanup: CleanupConfig;
  gitWorktree: GitWorktreeConfig;
  pos: SourcePos;
}

export type DependencyImportType = 'ImageName' | 'ImageTag' | 'ImageRepo' | 'ImageID' | 'ImageDigest';

export interface DependencyConfig {
  image: string;
  /** Stapel only. */
  before?: 'install' | 'setup';
  after?: 'install' | 'setup';
  imports: { type: DependencyImportType; targetBuildArg?: string; targetEnv?: string }[];
  pos: SourcePos;
}

export interface BuildSecret {
  id: string;
  /** Exactly one source. */
  env?: string;
  src?: string;
  value?: string;
  pos: SourcePos;
}

interface ImageBase {
  name: string;
  /** True for the nameless image (`image: ~`), whose name is ''. */
  nameless: boolean;
  final: boolean;
  platform: string[];
  cacheVersion?: string;
  network?: string;
  secrets: BuildSecret[];
  imageSpec?: ImageSpecConfig;
  dependencies: DependencyConfig[];
  pos: SourcePos;
  /** The rendered YAML document this image came from (for `config render IMAGE`). */
  rawDoc: string;
}

export interface DockerfileImage extends ImageBase {
  kind: 'dockerfile';
  /** Relative to `context`. */
  dockerfile: string;
  /** Relative to the project dir; '' = the project dir. */
  context: string;
  contextAddFiles: string[];
  target?: string;
  args: Record<string, string>;
  addHost: string[];
  ssh?: string;
  staged: boolean;
}

export interface GitMapping {
  /** Remote repository URL; undefined for the local repository. */
  url?: string;
  branch?: string;
  tag?: string;
  commit?: string;
  basicAuth?: { username: string; password: { env?: string; file?: string; value?: string } };
  /** Absolute path inside the repository; default `/`. */
  add: string;
  /** Absolute path in the image. */
  to: string;
  owner?: string;
  group?: string;
  includePaths: string[];
  excludePaths: string[];
  stageDependencies: { install: string[]; beforeSetup: string[]; setup: string[] };
  pos: SourcePos;
}

export interface ShellConfig {
  beforeInstall: string[];
  install: string[];
  beforeSetup: string[];
  setup: string[];
  cacheVersion?: string;
  beforeInstallCacheVersion?: string;
  installCacheVersion?: string;
  beforeSetupCacheVersion?: string;
  setupCacheVersion?: string;
}

export type StapelStageName = 'beforeInstall' | 'install' | 'beforeSetup' | 'setup';

export interface ImportConfig {
  /** A werf image name, or an external image reference when `external`. */
  from: string;
  external: boolean;
  stage?: StapelStageName;
  before?: 'install' | 'setup';
  after?: 'install' | 'setup';
  add: string;
  to: string;
  owner?: string;
  group?: string;
  includePaths: string[];
  excludePaths: string[];
  pos: SourcePos;
}

export interface MountConfig {
  type: 'tmp_dir' | 'build_dir' | 'custom_dir';
  /** Host path for custom_dir. */
  fromPath?: string;
  to: string;
  pos: SourcePos;
}

export interface DockerInstructions {
  USER?: string;
  WORKDIR?: string;
  VOLUME: string[];
  ENV: Record<string, string>;
  LABEL: Record<string, string>;
  EXPOSE: string[];
  ENTRYPOINT?: string | string[];
  CMD?: string | string[];
  HEALTHCHECK?: string;
  exactValues: boolean;
}

export interface StapelImage extends ImageBase {
  kind: 'stapel';
  /** True for (deprecated) `artifact:` documents. */
  artifact: boolean;
  /** Base image: werf image name (when `fromImage` set) or external ref. */
  from?: string;
  /** Name of the werf image `from` refers to, when internal. */
  fromImage?: string;
  fromLatest: boolean;
  fromCacheVersion?: string;
  disableGitAfterPatch: boolean;
  git: GitMapping[];
  shell?: ShellConfig;
  docker?: DockerInstructions;
  mount: MountConfig[];
  import: ImportConfig[];
}

export type ImageConfig = DockerfileImage | StapelImage;

export interface GiterminismConfig {
  giterminismConfigVersion: 1;
  cli: { allowCustomTags: boolean };
  config: {
    allowUncommitted: boolean;
    allowUncommittedTemplates: string[];
    goTemplateRendering: { allowEnvVariables: string[]; allowUncommittedFiles: string[] };
    secrets: { allowEnvVariables: string[]; allowFiles: string[]; allowValueIds: string[] };
    stapel: {
      allowFromLatest: boolean;
      git: { allowBranch: boolean };
      mount: { allowBuildDir: boolean; allowFromPaths: string[] };
    };
    dockerfile: {
      allowUncommitted: string[];
      allowUncommittedDockerignoreFiles: string[];
      allowContextAddFiles: string[];
    };
  };
  helm: { allowUncommittedFiles: string[] };
  includes: { allowIncludesUpdate: boolean };
}

export interface Project {
  /** Absolute project directory (`--dir`). */
  dir: string;
  /** Absolute git work-tree root. */
  gitRoot: string;
  /** Project dir relative to the git root ('' when they are the same). */
  projectPath: string;
  /** Config file relative to the project dir (`werf.yaml` / `werf.yml` / --config). */
  configPath: string;
  /** Templates dir relative to the project dir (`.werf` or --config-templates-dir). */
  templatesDir: string;
  commit: { hash: string; date: Date };
  env: string;
  dev: boolean;
  looseGiterminism: boolean;
  meta: MetaConfig;
  images: ImageConfig[];
  giterminism: GiterminismConfig;
  /** The rendered werf.yaml (what `config render` prints). */
  rendered: string;
  /** Files read from the work tree (allowed uncommitted, --dev, loose); for reports. */
  uncommittedFilesRead: string[];
}
