// loadProject: werf.yaml from git to a validated, typed Project.
// Order: open repo -> HEAD -> giterminism config -> werf.yaml + templates
// (from HEAD unless allowed) -> render -> split -> classify -> schema ->
// cross-image rules -> giterminism rules -> Dockerfiles, contexts and chart
// files must be committed (unless allowed).
import { realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import { GitRepo } from '../git/index.js';
import { WerfActionError } from '../errors/index.js';
import { ProjectFiles, walkDir } from './files.js';
import { GITERMINISM_CONFIG, checkImageGiterminism, defaultGiterminism, matchGlobList, parseGiterminism } from './giterminism.js';
import { renderConfig, type TemplateFile } from './render.js';
import { parseRendered } from './document.js';
import { validateImages } from './validate.js';
import { slugProject } from './slug.js';
import { globMatchPathOrParent } from './glob.js';
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
  /** Check that build-context and chart files are committed (default true). */
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
  const repo = await GitRepo.open(opts.dir, { workTree: opts.gitWorkTree, ctx });
  const dir = await realpath(resolve(opts.dir)).catch(() => {
    throw new WerfActionError(`the project directory ${opts.dir} does not exist`, { code: 'config.not-found', location: { subject: opts.dir } });
  });
  const projectPath = repo.relative(dir) ?? '';
  const headP = repo.headCommit();
  const templatesDir = relTo(dir, opts.configTemplatesDir ?? '.werf');
  const giterminismPath = relTo(dir, opts.giterminismConfig ?? GITERMINISM_CONFIG);
  const configCandidates = opts.config ? [relTo(dir, opts.config)] : DEFAULT_CONFIGS;
  if (loose) ctx.log.warn('giterminism is off (--loose-giterminism): werf.yaml, templates and files are read from the work tree');

  const head = await headP;
  const files = new ProjectFiles(repo, head.hash, projectPath, dir, { dev, loose });

  // one status call for the config files, one ls-tree for the templates dir
  const [, tmplTree] = await Promise.all([
    loose ? Promise.resolve() : files.loadStatus([...configCandidates, templatesDir, giterminismPath]),
    files.listCommitted(templatesDir).catch(() => new Map<string, { type: string }>()),
  ]);

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
    const untracked = files.uncommitted(configCandidates[0]!).length > 0;
    throw new WerfActionError(`${configCandidates.join(' or ')} not found in ${where}${untracked ? ' (it exists but is not committed)' : ''}`, {
      code: 'config.not-found',
      location: { file: configCandidates[0]!, subject: dir },
      hint: untracked ? 'commit it, or run with --dev' : 'create werf.yaml in the project directory, or pass --config',
    });
  }

  // templates: committed *.tmpl files, plus work-tree ones when allowed
  const templates = await loadTemplates(files, templatesDir, tmplTree, giterminism);

  const rendered = renderConfig({
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

  const { meta, images } = parseRendered(rendered, source, configPath, ctx.env);
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
  await checkBuildFiles(project, files, opts.checkContexts ?? true);
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

async function loadTemplates(files: ProjectFiles, dir: string, tree: Map<string, { type: string }>, g: ReturnType<typeof defaultGiterminism>): Promise<TemplateFile[]> {
  const prefix = dir ? dir + '/' : '';
  const allowed = (p: string) => matchGlobList(g.config.allowUncommittedTemplates, p);
  const committed = [...tree.keys()].filter((p) => p.endsWith('.tmpl'));
  let names = new Set(committed);
  if (files.mode.loose || files.mode.dev) {
    names = new Set((await walkDir(files.projectDir, dir)).filter((p) => p.endsWith('.tmpl')));
    if (files.mode.dev) {
      const known = new Set(await files.listWorkTree(dir));
      names = new Set([...names].filter((p) => known.has(p)));
    }
  } else {
    // untracked or changed templates: errors unless allowed, then read from the work tree
    const bad = files.uncommitted(dir).filter((e) => e.path.endsWith('.tmpl') && !allowed(files.fromRepo(e.path)));
    if (bad.length) throw files.uncommittedError(bad, { what: 'templates', allowHint: 'them with config.allowUncommittedTemplates' });
    for (const e of files.uncommitted(dir)) {
      const p = files.fromRepo(e.path);
      if (p.endsWith('.tmpl') && allowed(p)) names.add(p);
    }
  }
  const list = [...names].sort();
  const contents = await files.readChecked(list, { what: 'templates', allowHint: 'them with config.allowUncommittedTemplates' }, allowed);
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
  const toInspect = new Set<string>();
  for (const img of dfImages) {
    toInspect.add(dockerfilePath(img));
    if (img.context) toInspect.add(img.context);
  }
  const stapelAdds = new Set<string>();
  for (const img of project.images) {
    if (img.kind !== 'stapel') continue;
    for (const gm of img.git) if (gm.url === undefined && gm.add !== '/') stapelAdds.add(gm.add.replace(/^\/+/, '').replace(/\/+$/, ''));
  }
  for (const a of stapelAdds) toInspect.add(a);
  const info = files.mode.loose || files.mode.dev ? null : await files.inspect([...toInspect]);

  const workTree = files.mode.loose || files.mode.dev;
  for (const img of dfImages) {
    const df = dockerfilePath(img);
    const allowedDf = matchGlobList(g.config.dockerfile.allowUncommitted, df);
    if (info) {
      if (img.context) {
        const ci = info.get(img.context)!;
        if (ci.kind === 'outside') throw new WerfActionError(`the build context ${img.context} of image ${JSON.stringify(img.name)} is a symlink to ${ci.target}, outside the repository`, { code: 'config.path-escape', location: { ...img.pos } });
        if (ci.kind === 'blob') throw new WerfActionError(`the build context ${img.context} of image ${JSON.stringify(img.name)} is a file, not a directory`, { code: 'config.invalid-path', location: { ...img.pos } });
      }
      const di = info.get(df)!;
      if (di.kind === 'outside') throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} is a symlink to ${di.target}, outside the repository`, { code: 'config.path-escape', location: { ...img.pos } });
      if (di.kind !== 'blob' && !allowedDf) {
        throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} is not in the current commit ${project.commit.hash.slice(0, 12)}`, {
          code: 'config.not-found', location: { ...img.pos }, hint: 'commit it (or fix `dockerfile` / `context`); use --dev to build from the work tree',
        });
      }
    } else if (workTree) {
      const k = await files.pathKind(df, true);
      if (k !== 'file') throw new WerfActionError(`the Dockerfile ${df} of image ${JSON.stringify(img.name)} does not exist`, { code: 'config.not-found', location: { ...img.pos } });
      await files.readWorkTree(df); // symlink escape check
    }
  }
  for (const img of project.images) {
    if (img.kind !== 'stapel' || !info) continue;
    for (const gm of img.git) {
      if (gm.url !== undefined || gm.add === '/') continue;
      const a = gm.add.replace(/^\/+/, '').replace(/\/+$/, '');
      if (info.get(a)?.kind === 'outside') throw new WerfActionError(`git.add ${gm.add} of image ${JSON.stringify(img.name)} is a symlink outside the repository`, { code: 'config.path-escape', location: { ...gm.pos } });
    }
  }
  if (workTree) return;

  // status: Dockerfiles, .dockerignore files, contexts, the chart
  const paths = new Set<string>();
  for (const img of dfImages) {
    paths.add(dockerfilePath(img));
    paths.add(`${dockerfilePath(img)}.dockerignore`);
    paths.add(img.context ? `${img.context}/.dockerignore` : '.dockerignore');
    if (checkContexts) paths.add(img.context);
  }
  if (checkContexts) paths.add(project.meta.deploy.helmChartDir);
  await files.loadStatus([...paths]);

  for (const img of dfImages) {
    const df = dockerfilePath(img);
    const dfBad = files.uncommitted(df).filter((e) => files.fromRepo(e.path) === df);
    if (dfBad.length && !matchGlobList(g.config.dockerfile.allowUncommitted, df)) {
      throw files.uncommittedError(dfBad, { what: `the Dockerfile of image ${JSON.stringify(img.name)}`, allowHint: `${df} with config.dockerfile.allowUncommitted` }, () => ({ ...img.pos }));
    }
    for (const di of [`${df}.dockerignore`, img.context ? `${img.context}/.dockerignore` : '.dockerignore']) {
      const bad = files.uncommitted(di).filter((e) => files.fromRepo(e.path) === di);
      if (bad.length && !matchGlobList(g.config.dockerfile.allowUncommittedDockerignoreFiles, di)) {
        throw files.uncommittedError(bad, { what: `the .dockerignore of image ${JSON.stringify(img.name)}`, allowHint: `${di} with config.dockerfile.allowUncommittedDockerignoreFiles` }, () => ({ ...img.pos }));
      }
    }
    if (!checkContexts) continue;
    const ignore = await dockerignoreMatcher(files, img);
    const addFiles = img.contextAddFiles.map((f) => (img.context ? `${img.context}/${f}` : f));
    const bad = files.uncommitted(img.context).filter((e) => {
      const p = files.fromRepo(e.path);
      if (p === df || p.endsWith('.dockerignore')) return false;
      if (addFiles.some((a) => p === a || p.startsWith(a + '/'))) return false;
      const inCtx = img.context ? p.slice(img.context.length + 1) : p;
      return !ignore(inCtx);
    });
    if (bad.length) {
      throw files.uncommittedError(bad, { what: `files in the build context of image ${JSON.stringify(img.name)}`, allowHint: 'untracked files with contextAddFiles (and config.dockerfile.allowContextAddFiles)' }, () => ({ ...img.pos }));
    }
  }
  if (checkContexts) {
    const chart = project.meta.deploy.helmChartDir.replace(/^\.\//, '').replace(/\/+$/, '');
    const bad = files.uncommitted(chart).filter((e) => !matchGlobList(g.helm.allowUncommittedFiles, files.fromRepo(e.path)));
    if (bad.length) throw files.uncommittedError(bad, { what: 'chart files', allowHint: 'them with helm.allowUncommittedFiles' }, (p) => ({ file: p }));
  }
}

/** A .dockerignore matcher for the image's context (from the commit): true = ignored. */
async function dockerignoreMatcher(files: ProjectFiles, img: DockerfileImage): Promise<(p: string) => boolean> {
  const df = dockerfilePath(img);
  const cands = [`${df}.dockerignore`, img.context ? `${img.context}/.dockerignore` : '.dockerignore'];
  const m = await files.repo.readFiles(files.commit, cands.map((c) => files.toRepo(c)));
  const text = m.get(files.toRepo(cands[0]!)) ?? m.get(files.toRepo(cands[1]!));
  if (!text) return () => false;
  const rules = text
    .toString('utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => ({ neg: l.startsWith('!'), pat: l.replace(/^!/, '').replace(/^\/+/, '').replace(/\/+$/, '') }));
  return (p) => {
    let ignored = false;
    for (const r of rules) if (globMatchPathOrParent(r.pat, p)) ignored = !r.neg;
    return ignored;
  };
}
