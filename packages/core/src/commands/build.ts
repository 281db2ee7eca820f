// `build`: every Dockerfile image of werf.yaml whose content changed is built
// with Buildah and pushed as `<repo>:<digest>-<ms>`; everything else is found
// in the registry by digest and reused without pulling. Returns werf's build
// report. Without a repo, stages stay in local Buildah storage as
// `<project>:<digest>-<ms>`.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';
import { VERSION } from '../version.js';
import { GitRepo } from '../git/index.js';
import { loadProject, type LoadProjectOptions } from '../config/load.js';
import { sha256 } from '../digest/index.js';
import { RegistryClient } from '../registry/index.js';
import { StagesStorage } from '../storage/stages-storage.js';
import {
  buildReportEnv, buildReportJson, parseBuildReport, type BuildReport, type ReportImageRecord, type ReportStageRecord,
} from '../storage/report.js';
import { Buildah, type BuildahOptions, type RegistryAccess } from '../build/buildah.js';
import { dependencyLevels, KeyedMutex, Once, runLimited } from '../build/graph.js';
import {
  computeImageDigest, dependencyBuildArgs, prepareDockerfileImages,
  type DockerfileImageSpec, type ImageRef, type PreparedImage,
} from '../build/image.js';
import { LocalStageStore, type StageRecord, type StageStore } from '../build/store.js';
import { RepoStageStore } from '../build/repo-store.js';
import { materializeContext } from '../build/workspace.js';
import { defaultLockDir, withLocalLock } from '../build/lock.js';

/** What `build` needs from a loaded project (structurally a subset of config's Project). */
export interface BuildProjectInput {
  /** Absolute project directory. */
  dir: string;
  /** Absolute git work-tree root. */
  gitRoot: string;
  /** Project dir relative to the git root ('' when the same). */
  projectPath: string;
  commit: { hash: string; date: Date };
  /** `--dev`: no meta records (werf skips them on the dev branch). */
  dev?: boolean;
  meta: {
    project: string;
    build: { cacheVersion?: string; platform: string[] };
    cleanup?: { disable: boolean; disableGitHistoryBasedPolicy: boolean };
  };
  images: (({ kind: 'dockerfile' } & DockerfileImageSpec) | { kind: 'stapel'; name: string })[];
}

export interface BuildCommandOptions {
  /** A loaded project; when absent it is loaded with `load` (config's loadProject). */
  project?: BuildProjectInput;
  load?: Omit<LoadProjectOptions, 'ctx'>;
  /** Build only these images (and what they depend on). */
  images?: string[];
  /** `--repo`; without it stages stay in local Buildah storage. */
  repo?: string;
  /** `--final-repo`: final images are also pushed there. */
  finalRepo?: string;
  parallel?: boolean;
  parallelTasksLimit?: number;
  /** `--platform` (one platform; multi-platform manifests are not built yet). */
  platform?: string[];
  /** `--add-custom-tag` templates (%image%, %image_slug%, %image_safe_slug%, %image_content_based_tag%). */
  addCustomTags?: string[];
  /** `--require-built-images`: fail listing the missing images instead of building. */
  requireBuiltImages?: boolean;
  saveBuildReport?: boolean;
  /** `.json` (default `.werf-build-report.json`) or `.env`. */
  buildReportPath?: string;
  insecureRegistry?: boolean;
  skipTlsVerifyRegistry?: boolean;
  /** Directory with config.json (`--docker-config`, default $DOCKER_CONFIG or ~/.docker). */
  dockerConfig?: string;
  /** CA directory for Buildah (`--cert-dir`) when the registry uses a private CA. */
  registryCertDir?: string;
  buildah?: BuildahOptions;
  /** Injected client (tests count requests with its onRequest hook). */
  registryClient?: RegistryClient;
  /** Keep the tagged local copies of pushed images (default true: dependents and runs on the same host reuse them). */
  keepLocalImages?: boolean;
  /** Directory of the host-local locks between concurrent builders (default ~/.werf/werf-action/locks). */
  lockDir?: string;
}

export type { BuildReport, ReportImageRecord, ReportStageRecord } from '../storage/report.js';

interface Obtained {
  record: StageRecord;
  rebuilt: boolean;
  buildMs: number;
  source: 'repo' | 'local' | 'build';
}

const DEFAULT_REPORT = '.werf-build-report.json';

export async function build(opts: BuildCommandOptions, ctx: Context): Promise<BuildReport> {
  // Giterminism covers the build contexts too: an uncommitted change there is an
  // error (unless --dev/--loose-giterminism), not silently left out of the image.
  const project: BuildProjectInput = opts.project ?? await loadProject({ ...(opts.load ?? { dir: '.' }), checkContexts: true, ctx });
  const projectName = project.meta.project;
  const platforms = opts.platform?.length ? opts.platform : project.meta.build.platform;
  if (platforms.length > 1) {
    throw new WerfActionError(`building for several platforms at once (${platforms.join(', ')}) is not supported yet`, {
      code: 'build.multiplatform-unsupported', location: { subject: '--platform' }, hint: 'build one platform per run',
    });
  }
  const stapel = project.images.filter((i) => i.kind !== 'dockerfile');
  if (stapel.length) {
    throw new WerfActionError(`Stapel images are not supported by this build yet: ${stapel.map((i) => i.name).join(', ')}`, {
      code: 'build.stapel-unsupported', location: { file: 'werf.yaml', subject: stapel[0]!.name },
      hint: 'use Dockerfile images, or build Stapel images with werf',
    });
  }
  const all = new Map<string, DockerfileImageSpec>();
  for (const i of project.images) if (i.kind === 'dockerfile') all.set(i.name, i);
  const selected = selectImages(all, opts.images);
  for (const n of selected) {
    if (all.get(n)!.staged) ctx.log.warn(`image ${n}: staged: true (a stage per instruction) is not supported yet; it is built and cached as one dockerfile stage`);
  }

  const buildah = new Buildah(ctx, opts.buildah);
  const access: RegistryAccess = {
    tlsVerify: opts.insecureRegistry || opts.skipTlsVerifyRegistry ? false : undefined,
    certDir: opts.registryCertDir,
    authFile: authFile(opts.dockerConfig, ctx.env),
  };
  let client: RegistryClient | undefined;
  let store: StageStore;
  if (opts.repo) {
    client = opts.registryClient ?? new RegistryClient(ctx, {
      insecureRegistry: opts.insecureRegistry, skipTlsVerifyRegistry: opts.skipTlsVerifyRegistry, dockerConfigDir: opts.dockerConfig,
    });
    store = new RepoStageStore(new StagesStorage(ctx, { repo: opts.repo, project: projectName, client }), buildah, access);
  } else {
    if (opts.addCustomTags?.length) {
      throw new WerfActionError('--add-custom-tag needs a remote --repo', { code: 'build.custom-tag-needs-repo', location: { subject: '--add-custom-tag' } });
    }
    store = new LocalStageStore(buildah, projectName);
  }

  try {
    const git = await GitRepo.open(project.gitRoot, { ctx });
    // --dev: contexts come from a commit object of the work tree, so uncommitted
    // changes are built (and digested) like committed ones.
    const commit = project.dev ? await git.devCommit() : project.commit.hash;
    // The git read starts first (a subprocess), then the run's one listing of
    // stages, which needs no digest: its client set-up runs while git works.
    const preparing = prepareDockerfileImages({
      git, commit, projectPath: project.projectPath, specs: selected.map((n) => all.get(n)!), platform: platforms[0],
    });
    const listed = store.prefetch();
    listed.catch(() => undefined); // awaited below, before the first lookup
    const prepared = await preparing;

    await listed;

    const levels = dependencyLevels(selected, (n) => all.get(n)!.dependencies.map((d) => d.image));
    const limit = opts.parallel === false ? 1 : Math.max(1, opts.parallelTasksLimit ?? 5);
    const refs = new Map<string, ImageRef>();
    const results = new Map<string, { obtained: Obtained; prepared: PreparedImage }>();
    const missing: string[] = [];
    const byDigest = new Once<string, Obtained>();
    const mutex = new KeyedMutex();
    const repoName = store.repo;

    for (const level of levels) {
      await runLimited(level, limit, async (name) => {
        const spec = all.get(name)!;
        const p = prepared.get(name)!;
        if (spec.dependencies.some((d) => !refs.has(d.image))) {
          missing.push(`${name} (its dependencies are not built)`);
          return;
        }
        const depArgs = dependencyBuildArgs(spec, refs);
        const d = await computeImageDigest(p, {
          dependencyArgs: depArgs,
          globalCacheVersion: project.meta.build.cacheVersion,
          workTreeContext: join(project.gitRoot, p.contextPath),
        });
        if (ctx.env.WERF_DEBUG_DOCKERFILE_STAGE_DEPENDENCIES === '1') ctx.log.info(`${name} dependencies:\n  ${d.parts.join('\n  ')}`);
        const obtained = await byDigest.run(d.digest, () => mutex.with(d.digest, async (): Promise<Obtained> => {
          const found = await store.find(d.digest);
          if (found) {
            ctx.log.info(`image ${name}: using ${repoName}:${found.tag}`);
            return { record: found, rebuilt: false, buildMs: 0, source: store.remote ? 'repo' : 'local' };
          }
          if (opts.requireBuiltImages) return { record: undefined as unknown as StageRecord, rebuilt: false, buildMs: -1, source: 'build' };
          return buildStage({
            ctx, git, buildah, store, project, p, name, digest: d.digest, contentDigest: d.contentDigest, depArgs, refs, access,
            keepLocal: opts.keepLocalImages ?? true, lockDir: opts.lockDir ?? defaultLockDir(ctx.env),
          });
        }));
        if (obtained.buildMs < 0) {
          missing.push(`${name} (${repoName}: no stage with digest ${d.digest})`);
          return;
        }
        const r = obtained.record;
        refs.set(name, { name: `${repoName}:${r.tag}`, repo: repoName, tag: r.tag, id: `sha256:${r.imageId}`, digest: r.manifestDigest });
        results.set(name, { obtained, prepared: p });
        // werf: meta-* records feed git-history cleanup; skipped with --dev or when that cleanup is off.
        const cleanup = project.meta.cleanup;
        if (!project.dev && !cleanup?.disable && !cleanup?.disableGitHistoryBasedPolicy) await store.addImageMetadata(name, commit, r.tag);
        if (obtained.rebuilt && !cleanup?.disable) await store.addManagedImage(name);
      });
    }

    if (missing.length) {
      throw new WerfActionError(`${missing.length} image(s) are not built: ${missing.join('; ')}`, {
        code: 'build.required-images-missing',
        location: { subject: opts.repo ?? projectName },
        hint: 'run the build job for this commit first (werf-action build), or drop --require-built-images',
      });
    }

    // Custom tags on final images.
    const finals = selected.filter((n) => all.get(n)!.final);
    if (opts.addCustomTags?.length) {
      for (const tpl of opts.addCustomTags) {
        if (finals.length > 1 && !/%image(_slug|_safe_slug)?%/.test(tpl)) {
          throw new WerfActionError(`custom tag "${tpl}" must contain %image%, %image_slug% or %image_safe_slug% when there are several final images`, {
            code: 'build.custom-tag-ambiguous', location: { subject: '--add-custom-tag' },
          });
        }
      }
      for (const name of finals) {
        const r = results.get(name)!.obtained.record;
        for (const tpl of opts.addCustomTags) {
          const tag = expandCustomTag(tpl, name, r.tag);
          if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
            throw new WerfActionError(`custom tag "${tag}" (from "${tpl}") is not a valid docker tag`, { code: 'build.custom-tag-invalid', location: { subject: '--add-custom-tag' } });
          }
          await store.addCustomTag(r, tag);
          ctx.log.info(`image ${name}: tagged ${repoName}:${tag}`);
        }
      }
    }

    // --final-repo: final images are copied there under the same tag; the report points at them.
    const finalDigests = new Map<string, string>();
    if (opts.finalRepo) {
      if (!store.remote) {
        throw new WerfActionError('--final-repo needs --repo', { code: 'build.final-repo-needs-repo', location: { subject: '--final-repo' } });
      }
      for (const name of finals) {
        const r = results.get(name)!.obtained.record;
        const src = `${repoName}:${r.tag}`;
        const dst = `${opts.finalRepo}:${r.tag}`;
        if (!(await buildah.exists(src))) await buildah.pull(src, access);
        await buildah.tag(src, dst);
        finalDigests.set(name, await buildah.push(dst, dst, access));
        ctx.log.info(`image ${name}: copied to ${dst}`);
      }
    }

    const report: BuildReport = { Images: {}, ImagesByPlatform: {} };
    for (const name of selected) {
      const { obtained } = results.get(name)!;
      const r = obtained.record;
      const buildTime = (obtained.buildMs / 1000).toFixed(2);
      const finalDigest = finalDigests.get(name);
      const reportRepo = finalDigest ? opts.finalRepo! : repoName;
      const imageName = `${reportRepo}:${r.tag}`;
      const stage: ReportStageRecord = {
        Name: 'dockerfile', DockerImageName: imageName, DockerTag: r.tag, DockerImageID: `sha256:${r.imageId}`,
        DockerImageDigest: r.manifestDigest, CreatedAt: r.createdAt * 1e6, Size: r.size,
        SourceType: obtained.rebuilt ? '' : obtained.source, BaseImagePulled: false, Rebuilt: obtained.rebuilt, BuildTime: buildTime,
      };
      const record: ReportImageRecord = {
        WerfImageName: name, DockerRepo: reportRepo, DockerTag: r.tag,
        DockerImageID: `sha256:${r.imageId}`, DockerImageDigest: finalDigest ?? r.manifestDigest, DockerImageName: imageName,
        TargetPlatform: results.get(name)!.prepared.platform,
        Rebuilt: obtained.rebuilt, Final: all.get(name)!.final, Size: r.size, BuildTime: buildTime, Commit: commit, Stages: [stage],
      };
      report.Images[name] = record;
    }
    if (opts.saveBuildReport || opts.buildReportPath) {
      const path = resolveReportPath(project.dir, opts.buildReportPath);
      await saveBuildReport(report, path);
      ctx.log.info(`build report saved to ${path}`);
    }
    return report;
  } finally {
    if (client && !opts.registryClient) await client.close();
  }
}

async function buildStage(a: {
  ctx: Context; git: GitRepo; buildah: Buildah; store: StageStore; project: BuildProjectInput; p: PreparedImage;
  name: string; digest: string; contentDigest: string; depArgs: Record<string, string>; refs: Map<string, ImageRef>;
  access: RegistryAccess; keepLocal: boolean; lockDir: string;
}): Promise<Obtained> {
  const { ctx, buildah, store, p, name } = a;
  const spec = p.spec;
  const work = await materializeContext({
    git: a.git, tree: p.tree, ignore: p.ignore, dockerfile: p.dockerfileInContext,
    workTreeContext: join(a.project.gitRoot, p.contextPath), contextAddFiles: spec.contextAddFiles,
  });
  const tmpName = `localhost/werf-action-building/${a.project.meta.project}:${a.digest.slice(0, 16)}-${randomBytes(4).toString('hex')}`;
  try {
    const labels: Record<string, string> = {
      'werf': a.project.meta.project,
      'werf-version': VERSION,
      'werf-stage-content-digest': a.contentDigest,
      'werf-project-repo-commit': a.project.commit.hash,
    };
    for (const dep of spec.dependencies) {
      const ref = a.refs.get(dep.image)!;
      labels[`werf-dependency-stage-id-${sha256(ref.tag)}`] = ref.tag;
    }
    const { elapsedMs } = await buildah.build({
      contextDir: work.dir,
      dockerfile: join(work.dir, p.dockerfileInContext),
      target: spec.target,
      buildArgs: { ...spec.args, ...a.depArgs },
      platform: p.platform,
      network: spec.network,
      addHost: spec.addHost,
      secrets: spec.secrets.map((s) => ({ id: s.id, env: s.env, value: s.value, src: s.src && !isAbsolute(s.src) ? resolve(a.project.dir, s.src) : s.src })),
      labels,
      tags: [tmpName],
      registry: a.access,
      title: `image ${name} (${a.digest.slice(0, 12)})`,
      dockerfileForErrors: { file: p.dockerfilePath, text: p.dockerfileText },
    });
    // Another builder may have pushed the same digest while we built: theirs wins, ours is discarded.
    // The lock (project, digest) covers only this re-check and the push, as in werf.
    const outcome = await withLocalLock(ctx, a.lockDir, `${a.project.meta.project}.${a.digest}`, async () => {
      const raced = await store.find(a.digest, { fresh: true });
      if (raced) return { raced };
      return { record: await store.publish(tmpName, a.digest, ctx.now()) };
    });
    if (outcome.raced) {
      const raced = outcome.raced;
      ctx.log.info(`image ${name}: discarding the newly built image, ${store.repo}:${raced.tag} appeared meanwhile`);
      return { record: raced, rebuilt: false, buildMs: elapsedMs, source: store.remote ? 'repo' : 'local' };
    }
    const record = outcome.record!;
    ctx.log.info(`image ${name}: ${store.remote ? 'pushed' : 'stored'} ${store.repo}:${record.tag}`);
    if (store.remote && !a.keepLocal) await buildah.rmi(`${store.repo}:${record.tag}`).catch(() => undefined);
    return { record, rebuilt: true, buildMs: elapsedMs, source: 'build' };
  } finally {
    await buildah.rmi(tmpName).catch(() => undefined);
    await work.cleanup();
  }
}

function selectImages(all: Map<string, DockerfileImageSpec>, wanted: string[] | undefined): string[] {
  if (!wanted?.length) return [...all.keys()];
  const out = new Set<string>();
  const add = (n: string, from?: string) => {
    const spec = all.get(n);
    if (!spec) {
      throw new WerfActionError(from ? `image "${from}" depends on unknown image "${n}"` : `image "${n}" is not defined in werf.yaml`, {
        code: 'build.unknown-image', location: { file: 'werf.yaml', subject: n }, hint: `images: ${[...all.keys()].join(', ')}`,
      });
    }
    if (out.has(n)) return;
    for (const d of spec.dependencies) add(d.image, n);
    out.add(n);
  };
  for (const n of wanted) add(n);
  return [...all.keys()].filter((n) => out.has(n));
}

function authFile(dockerConfig: string | undefined, env: Context['env']): string | undefined {
  const dir = dockerConfig ?? env.DOCKER_CONFIG;
  if (!dir) return undefined;
  const f = join(dir, 'config.json');
  return existsSync(f) ? f : undefined;
}

/** werf's slug for a docker tag part: lower-case, [a-z0-9.-_], collapsed dashes. */
function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

export function expandCustomTag(template: string, image: string, contentTag: string): string {
  return template
    .replaceAll('%image_content_based_tag%', contentTag)
    .replaceAll('%image_safe_slug%', slug(image))
    .replaceAll('%image_slug%', slug(image))
    .replaceAll('%image%', image);
}

function resolveReportPath(projectDir: string, path: string | undefined): string {
  const p = path ?? DEFAULT_REPORT;
  return isAbsolute(p) ? p : resolve(projectDir, p);
}

export async function saveBuildReport(report: BuildReport, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, path.endsWith('.env') ? buildReportEnv(report) : buildReportJson(report));
}

/** `--use-build-report`: reads a saved JSON report (the .env form cannot be read back). */
export async function loadBuildReport(path: string): Promise<BuildReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new WerfActionError(`build report ${path} cannot be read`, {
      code: 'build.report-missing', location: { file: path }, hint: 'run build with --save-build-report first', cause: e,
    });
  }
  return parseBuildReport(text, path);
}

/** Image references (what chart values need) from a build report. */
export function imageRefsFromReport(report: BuildReport): Map<string, ImageRef> {
  const m = new Map<string, ImageRef>();
  for (const [name, i] of Object.entries(report.Images)) {
    m.set(name, { name: i.DockerImageName, repo: i.DockerRepo, tag: i.DockerTag, id: i.DockerImageID, digest: i.DockerImageDigest });
  }
  return m;
}
