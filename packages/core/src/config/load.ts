// loadProject: werf.yaml from git to a validated, typed Project.
// Order: open repo -> HEAD -> giterminism config -> werf.yaml + templates
// (from HEAD unless allowed) -> render -> split -> classify -> schema ->
// cross-image rules -> giterminism rules -> Dockerfiles, contexts and chart
// files must be committed (unless allowed).
import { realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import { GitRepo, blobHash, lsTreeIn, parseCommitObject, readObjectsIn } from '../git/index.js';
import { WerfActionError } from '../errors/index.js';
import { ProjectFiles, walkDir } from './files.js';
import { GITERMINISM_CONFIG, checkImageGiterminism, defaultGiterminism, matchGlobList, parseGiterminism } from './giterminism.js';
import { renderWerfYaml, type TemplateFile } from './render.js';
import { parseRendered } from './document.js';
import { validateImages } from './validate.js';
import { slugProject } from './slug.js';
import { DockerIgnore } from '../build/dockerignore.js';
import type { DockerfileImage, Project } from './types.js';

export interface LoadProjectOptions {
  /** Project directory (`--dir`); werf.yaml is looked up here. */
  dir: string;
  /** `--git-work-tree`. */
  gitWorkTree?: string;
  /** `--config`, relative to dir (or absolute inside it). */
  config?: string;
  /** `--config-templates-dir`, relative to dir. */
  configTemplatesDir?: string;
  /** `--giterminism-config`, relative to dir. */
  giterminismConfig?: string;
  /** `--env`. */
  env?: string;
  dev?: boolean;
  looseGiterminism?: boolean;
  debugTemplates?: boolean;
  /** Also check build-context and chart files (git status over the contexts; default false, see checkWorkTreeFiles). */
  checkContexts?: boolean;
  ctx: Context;
}

const DEFAULT_CONFIGS = ['werf.yaml', 'werf.yml'];

function relTo(dir: string, p: string): string {
  const abs = resolve(dir, p);
  if (abs === dir) return '';
  if (!abs.startsWith(dir + '/')) {
    throw new WerfActionError(`${p} is outside the project directory ${dir}`, { code: 'config.path-escape', location: { subject: p } });
  }
  return abs.slice(dir.length + 1);
}

export async function loadProject(opts: LoadProjectOptions): Promise<Project> {
  const { ctx } = opts;
  const env = opts.env ?? '';
  const loose = opts.looseGiterminism ?? false;
  const dev = opts.dev ?? false;
  const dir = await realpath(resolve(opts.dir)).catch(() => {
    throw new WerfActionError(`the project directory ${opts.dir} does not exist`, { code: 'config.not-found', location: { subject: opts.dir }, hint: 'check --dir' });
  });
  const templatesDir = relTo(dir, opts.configTemplatesDir ?? '.werf');
  const giterminismPath = relTo(dir, opts.giterminismConfig ?? GITERMINISM_CONFIG);
  const configCandidates = opts.config ? [relTo(dir, opts.config)] : DEFAULT_CONFIGS;
  if (loose) ctx.log.warn('giterminism is off (--loose-giterminism): werf.yaml, templates and files are read from the work tree');

  // first round, in parallel: open the repository; one cat-file for HEAD and
  // the config files; ls-tree of the templates dir (paths relative to dir)
  const firstPaths = [giterminismPath, ...configCandidates];
  const [repo, objs, tmplEntries] = await Promise.all([
    GitRepo.open(dir, { workTree: opts.gitWorkTree, ctx }),
    readObjectsIn(dir, ['HEAD', ...firstPaths.map((p) => `HEAD:./${p}`)], { followSymlinks: true, signal: ctx.signal }),
    lsTreeIn(dir, 'HEAD', [templatesDir || '.'], { signal: ctx.signal }),
  ]);
  const projectPath = repo.relative(dir) ?? '';
  const headObj = objs.get('HEAD');
  if (!headObj || headObj.kind !== 'commit') await repo.headCommit(); // throws the "no commits" error
  const head = parseCommitObject(headObj!.hash!, headObj!.content!);
  const files = new ProjectFiles(repo, head.hash, projectPath, dir, { dev, loose });
  for (const p of firstPaths) files.seed(p, objs.get(`HEAD:./${p}`) ?? { kind: 'missing' });
  const tmplTree = new Map<string, string>();
  for (const e of tmplEntries) {
    if (e.type === 'blob' && e.mode !== '120000' && e.path.endsWith('.tmpl') && (!templatesDir || e.path.startsWith(templatesDir + '/'))) tmplTree.set(e.path, e.hash);
  }

  // werf-giterminism.yaml: always from the commit (the work tree in --dev / loose)
  let giterminism = defaultGiterminism();
  {
    const m = await files.readChecked([giterminismPath], { what: giterminismPath, allowHint: 'nothing (it must be committed)' }, () => false);
    const text = m.get(giterminismPath);
    if (text != null) giterminism = parseGiterminism(text, giterminismPath);
  }

  // werf.yaml / werf.yml
  const cfgAllowed = () => giterminism.config.allowUncommitted;
  let configPath: string | undefined;
  let source: string | null = null;
  for (const c of configCandidates) {
    const m = await files.readChecked([c], { what: c, allowHint: 'it with config.allowUncommitted: true' }, cfgAllowed);
    source = m.get(c) ?? null;
    if (source !== null) {
      configPath = c;
      break;
    }
  }
  if (configPath === undefined || source === null) {
    const where = files.useWorkTree(cfgAllowed()) ? 'the project directory' : `the current commit ${head.hash.slice(0, 12)}`;
    const untracked = !files.useWorkTree(cfgAllowed()) && (await files.readDisk(configCandidates[0]!).catch(() => null)) !== null;
    throw new WerfActionError(`${configCandidates.join(' or ')} not found in ${where}${untracked ? ' (it exists but is not committed)' : ''}`, {
      code: 'config.not-found',
      location: { file: configCandidates[0]!, subject: dir },
      hint: untracked ? 'commit it, or run with --dev' : 'create werf.yaml in the project directory, or pass --config',
    });
  }

  // templates: committed *.tmpl files, plus work-tree ones when allowed
  const templates = await loadTemplates(files, templatesDir, tmplTree, giterminism);

  const rendered = renderWerfYaml({
    configPath,
    source,
    templates,
    env,
    commit: head,
    files,
    giterminism,
    loose,
    dev,
    processEnv: ctx.env,
    debugTemplates: opts.debugTemplates,
    log: ctx.log,
  });

  const { meta, images } = parseRendered(rendered, source, configPath, ctx.env, templates);
  if (!meta) {
    const origin = await repo.remoteUrl();
    const suggested = slugProject(origin ? originPath(origin) : basename(dir));
    throw new WerfActionError('the meta config section is not defined: werf.yaml needs a section with `configVersion` and `project`', {
      code: 'config.no-meta',
      location: { file: configPath, line: 1, column: 1 },
      hint: `add at the top of ${configPath}:\nconfigVersion: 1\nproject: ${suggested}\n---\n(the project name cannot be changed later without rebuilding and redeploying)`,
    });
  }
  validateImages(images);
  checkImageGiterminism(images, giterminism, { loose, dev });

  const project: Project = {
    dir,
    gitRoot: repo.root,
    projectPath,
    configPath,
    templatesDir,
    commit: head,
    env,
    dev,
    looseGiterminism: loose,
    meta,
    images,
    giterminism,
    rendered,
    uncommittedFilesRead: [],
  };
  await checkBuildFiles(project, files, opts.checkContexts ?? false);
  project.uncommittedFilesRead = [...files.workTreeReads].sort();
  return project;
}

function originPath(url: string): string {
  let p = url;
  const scp = /^[^/@]+@[^:/]+:(.*)$/.exec(url);
  if (scp) p = scp[1]!;
  else {
    try {
      p = new URL(url).pathname;
    } catch {
      /* a plain path */
    }
  }
  return p.replace(/^\/+/, '').replace(/\.git$/, '');
}

async function loadTemplates(files: ProjectFiles, dir: string, tree: Map<string, string>, g: ReturnType<typeof defaultGiterminism>): Promise<TemplateFile[]> {
  const prefix = dir ? dir + '/' : '';
  const allowed = (p: string) => matchGlobList(g.config.allowUncommittedTemplates, p);
  const kind = { what: 'templates', allowHint: 'them with config.allowUncommittedTemplates' };
  const onDisk = (await walkDir(files.projectDir, dir)).filter((p) => p.endsWith('.tmpl'));
  let names: Set<string>;
  if (files.mode.loose || files.mode.dev) {
    names = new Set(onDisk);
    if (files.mode.dev) {
      const known = new Set(await files.listWorkTree(dir));
      names = new Set([...names].filter((p) => known.has(p)));
    }
  } else {
    // committed templates come from the commit and must be unchanged; untracked
    // ones are errors unless allowed (then they are read from the work tree)
    names = new Set([...tree.keys(), ...onDisk.filter(allowed)]);
    const checked = [...new Set([...tree.keys(), ...onDisk])].filter((p) => !allowed(p));
    // fast path: a work-tree file whose git blob hash equals the committed one
    // is the committed content (no git call); anything else goes to git
    const algo = [...tree.values()][0]?.length === 64 ? 'sha256' : 'sha1';
    const slow: string[] = [];
    await Promise.all(checked.map(async (p) => {
      const h = tree.get(p);
      const disk = h ? await files.readDisk(p).catch(() => null) : null;
      if (h && disk && blobHash(disk, algo) === h) files.seed(p, { kind: 'blob', hash: h, content: disk });
      else slow.push(p);
    }));
    if (slow.length) {
      const byHash = await files.repo.readObjects(slow.filter((p) => tree.has(p)).map((p) => tree.get(p)!));
      for (const p of slow) files.seed(p, tree.has(p) ? byHash.get(tree.get(p)!) ?? { kind: 'missing' } : { kind: 'missing' });
      await files.assertUnchanged(slow.sort(), kind);
    }
  }
  const list = [...names].sort();
  const contents = await files.readChecked(list, kind, allowed);
  const out: TemplateFile[] = [];
  for (const p of list) {
    const text = contents.get(p);
    if (text == null) continue; // deleted in the work tree
    out.push({ name: p.slice(prefix.length), file: p, source: text });
  }
  return out;
}

/** Dockerfile (relative to the project) of a Dockerfile image. */
export function dockerfilePath(img: DockerfileImage): string {
  const parts: string[] = [];
  for (const seg of (img.context ? `${img.context}/${img.dockerfile}` : img.dockerfile).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Dockerfiles exist in the commit and stay inside the repository; Dockerfiles,
 * .dockerignore files, build contexts and the chart have no uncommitted
 * changes unless allowed.
 */
async function checkBuildFiles(project: Project, files: ProjectFiles, checkContexts: boolean): Promise<void> {
  const g = project.giterminism;
  const dfImages = project.images.filter((i): i is DockerfileImage => i.kind === 'dockerfile');
  const ignoreFiles = (img: DockerfileImage) => [`${dockerfilePath(img)}.dockerignore`, img.context ? `${img.context}/.dockerignore` : '.dockerignore'];
  const workTree = files.mode.loose || files.mode.dev;

  if (workTree) {
    for (const img of dfImages) {
      const df = dockerfilePath(img);
      const k = await files.pathKind(df, true);
      if (k !== 'file') throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} does not exist`, { code: 'config.not-found', location: { ...img.pos } });
      await files.readDisk(df); // symlink escape check
    }
    return;
  }

  // one cat-file: Dockerfiles, .dockerignore files, contexts, local git.add paths
  const toFetch = new Set<string>();
  for (const img of dfImages) {
    toFetch.add(dockerfilePath(img));
    for (const f of ignoreFiles(img)) toFetch.add(f);
    if (img.context) toFetch.add(img.context);
  }
  for (const img of project.images) {
    if (img.kind !== 'stapel') continue;
    for (const gm of img.git) if (gm.url === undefined && gm.add !== '/') toFetch.add(gm.add.replace(/^\/+/, '').replace(/\/+$/, ''));
  }
  await files.prefetch([...toFetch]);

  for (const img of dfImages) {
    const df = dockerfilePath(img);
    if (img.context) {
      const ci = files.object(img.context)!;
      if (ci.kind === 'outside') throw new WerfActionError(`the build context ${img.context} of image ${JSON.stringify(img.name)} is a symlink to ${ci.target}, outside the repository`, { code: 'config.path-escape', location: { ...img.pos } });
      if (ci.kind === 'blob') throw new WerfActionError(`the build context ${img.context} of image ${JSON.stringify(img.name)} is a file, not a directory`, { code: 'config.invalid-path', location: { ...img.pos } });
    }
    const di = files.object(df)!;
    const allowedDf = matchGlobList(g.config.dockerfile.allowUncommitted, df);
    if (di.kind === 'outside') throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} is a symlink to ${di.target}, outside the repository`, { code: 'config.path-escape', location: { ...img.pos } });
    if (allowedDf) {
      if ((await files.readDisk(df)) === null) throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} does not exist`, { code: 'config.not-found', location: { ...img.pos } });
    } else {
      if (di.kind !== 'blob') {
        throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} is not in the current commit ${project.commit.hash.slice(0, 12)}`, {
          code: 'config.not-found', location: { ...img.pos }, hint: 'commit it (or fix `dockerfile` / `context`); use --dev to build from the work tree',
        });
      }
      await files.assertUnchanged([df], { what: `the Dockerfile of image ${JSON.stringify(img.name)}`, allowHint: `${df} with config.dockerfile.allowUncommitted` }, () => ({ ...img.pos }));
    }
    for (const f of img.contextAddFiles) {
      const rel = img.context ? `${img.context}/${f}` : f;
      if ((await files.pathKind(rel, true)) === null) {
        throw new WerfActionError(`contextAddFiles entry ${JSON.stringify(f)} of image ${JSON.stringify(img.name)} does not exist in the work tree (${rel})`, { code: 'config.not-found', location: { ...img.pos } });
      }
    }
    const ignores = ignoreFiles(img).filter((f) => !matchGlobList(g.config.dockerfile.allowUncommittedDockerignoreFiles, f));
    await files.assertUnchanged(ignores, { what: `the .dockerignore of image ${JSON.stringify(img.name)}`, allowHint: `${ignores.join(' / ')} with config.dockerfile.allowUncommittedDockerignoreFiles` }, () => ({ ...img.pos }));
  }
  for (const img of project.images) {
    if (img.kind !== 'stapel') continue;
    for (const gm of img.git) {
      if (gm.url !== undefined || gm.add === '/') continue;
      const a = gm.add.replace(/^\/+/, '').replace(/\/+$/, '');
      if (files.object(a)?.kind === 'outside') throw new WerfActionError(`git.add ${gm.add} of image ${JSON.stringify(img.name)} is a symlink outside the repository`, { code: 'config.path-escape', location: { ...gm.pos } });
    }
  }
  if (checkContexts) await checkContextFiles(project, files, dfImages);
}

/** Build-context and chart files have no uncommitted changes (git status over the contexts: O(files)). */
async function checkContextFiles(project: Project, files: ProjectFiles, dfImages: DockerfileImage[]): Promise<void> {
  const g = project.giterminism;
  const chart = project.meta.deploy.helmChartDir.replace(/^\.\//, '').replace(/\/+$/, '');
  await files.loadStatus([...new Set([...dfImages.map((i) => i.context), chart])]);
  for (const img of dfImages) {
    const df = dockerfilePath(img);
    const ignore = await dockerignoreMatcher(files, img);
    const addFiles = img.contextAddFiles.map((f) => (img.context ? `${img.context}/${f}` : f));
    const bad = files.uncommitted(img.context).filter((e) => {
      const p = files.fromRepo(e.path);
      if (p === df || p.endsWith('.dockerignore')) return false;
      if (addFiles.some((a) => p === a || p.startsWith(a + '/'))) return false;
      const inCtx = img.context ? p.slice(img.context.length + 1) : p;
      return !ignore.ignores(inCtx);
    });
    if (bad.length) {
      throw files.uncommittedError(bad, { what: `the build context of image ${JSON.stringify(img.name)}`, allowHint: 'untracked files with contextAddFiles (and config.dockerfile.allowContextAddFiles)' }, () => ({ ...img.pos }));
    }
  }
  const bad = files.uncommitted(chart).filter((e) => !matchGlobList(g.helm.allowUncommittedFiles, files.fromRepo(e.path)));
  if (bad.length) throw files.uncommittedError(bad, { what: 'the chart', allowHint: 'them with helm.allowUncommittedFiles' }, (p) => ({ file: p }));
}

/**
 * The giterminism check of build contexts and the chart (werf does it when
 * building/deploying): uncommitted or untracked files there are errors unless
 * allowed. Separate from loadProject because `git status` over the contexts
 * costs O(files in them). No-op with --dev / --loose-giterminism.
 */
export async function checkWorkTreeFiles(project: Project, ctx: Context): Promise<void> {
  if (project.dev || project.looseGiterminism) return;
  const repo = await GitRepo.open(project.dir, { workTree: project.gitRoot, ctx });
  const files = new ProjectFiles(repo, project.commit.hash, project.projectPath, project.dir, { dev: false, loose: false });
  const dfImages = project.images.filter((i): i is DockerfileImage => i.kind === 'dockerfile');
  await files.prefetch(dfImages.flatMap((img) => [`${dockerfilePath(img)}.dockerignore`, img.context ? `${img.context}/.dockerignore` : '.dockerignore']));
  await checkContextFiles(project, files, dfImages);
}

/**
 * The image's .dockerignore (from the commit, `<Dockerfile>.dockerignore`
 * first) with Docker's rules: the same matcher the build uses, so both agree
 * on which files are in the context.
 */
async function dockerignoreMatcher(files: ProjectFiles, img: DockerfileImage): Promise<DockerIgnore> {
  const df = dockerfilePath(img);
  const cands = [`${df}.dockerignore`, img.context ? `${img.context}/.dockerignore` : '.dockerignore'];
  await files.prefetch(cands);
  const found = cands.map((c) => files.object(c)).find((o) => o?.kind === 'blob');
  return DockerIgnore.parse(found?.content?.toString('utf8') ?? '');
}
