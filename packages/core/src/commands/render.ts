// `werf-action render`: werf's `werf render` for a werf project — the chart
// in .helm (or deploy.helmChartDir) rendered with werf's service values (from
// a build report, a build the caller runs, or stub tags), secret values and
// secret files, release/namespace from werf.yaml, extra annotations/labels.
// Decrypted secrets are masked in logs and, unless showSecrets, in the output.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WerfActionError } from '../errors/index.js';
import type { Context } from '../context.js';
import { loadProject, type LoadProjectOptions } from '../config/load.js';
import { resolveNamespace, resolveRelease } from '../config/deploy.js';
import type { Project } from '../config/types.js';
import { parseBuildReport, type BuildReport } from '../storage/report.js';
import { VERSION } from '../version.js';
import { loadDir } from '../chart/loader.js';
import { helmTemplateOutput, manifestText, type Manifest, type Hook } from '../chart/manifests.js';
import { renderChart, type RenderedChart } from '../chart/render.js';
import { findSecretKey } from '../chart/secrets.js';
import { userValues, mergeMaps, type ValueOptions } from '../chart/values.js';
import { addExtraMetadata, loadSecretValues, readSecretDir, werfSecretFileFunc, werfServiceValues, type ImageReportEntry } from '../chart/werf.js';
import type { Values } from '../chart/yaml.js';

export interface RenderOptions extends ValueOptions, Omit<LoadProjectOptions, 'ctx'> {
  /** --repo (for service values); stub repo when absent. */
  repo?: string;
  /** --use-build-report: a path or a parsed report. */
  buildReport?: string | BuildReport;
  /** --stub-tags: no build, every werf image gets REPO:TAG stubs. */
  stubTags?: boolean;
  /** Builds the images when neither buildReport nor stubTags is given (wired by the integrator). */
  build?: (project: Project) => Promise<BuildReport>;
  /** Only these images' values (werf render [IMAGE...]); all when empty. */
  images?: string[];
  namespace?: string;
  release?: string;
  /** --secret-values files. */
  secretValues?: string[];
  secretKey?: string;
  ignoreSecretKey?: boolean;
  disableDefaultSecretValues?: boolean;
  kubeVersion?: string;
  apiVersions?: string[];
  includeCrds?: boolean;
  showOnly?: string[];
  skipTests?: boolean;
  addAnnotations?: Record<string, string>;
  addLabels?: Record<string, string>;
  /** Print decrypted secret values (default: replaced by ***). */
  showSecrets?: boolean;
  homeDir?: string;
}

export interface RenderResult {
  output: string;
  releaseName: string;
  namespace: string;
  rendered: RenderedChart;
  serviceValues: Values;
}

function reportEntries(report: BuildReport, only: string[] | undefined): Record<string, ImageReportEntry> {
  const out: Record<string, ImageReportEntry> = {};
  for (const [n, r] of Object.entries(report.Images)) {
    if (only?.length && !only.includes(n)) continue;
    out[n] = { DockerRepo: r.DockerRepo, DockerTag: r.DockerTag, DockerImageName: r.DockerImageName, DockerImageDigest: r.DockerImageDigest };
  }
  return out;
}

export async function render(ctx: Context, opts: RenderOptions): Promise<RenderResult> {
  const project = await loadProject({ ...opts, ctx });
  const chartDir = join(project.dir, project.meta.deploy.helmChartDir || '.helm');
  const appVersion = project.meta.deploy.helmChartConfig?.appVersion;
  const loaded = loadDir(chartDir, {
    defaultChartYaml: `apiVersion: v2\nname: ${JSON.stringify(project.meta.project)}\nversion: 1.0.0\n${appVersion ? `appVersion: ${JSON.stringify(appVersion)}\n` : ''}`,
  });
  const namespace = resolveNamespace(project.meta, { env: opts.env, namespace: opts.namespace });
  const releaseName = resolveRelease(project.meta, { env: opts.env, namespace: opts.namespace, release: opts.release });

  let images: Record<string, ImageReportEntry> = {};
  let stubImages: string[] | undefined;
  const imageNames = project.images.map((i) => i.name).filter((n) => !opts.images?.length || opts.images.includes(n));
  if (opts.stubTags) stubImages = imageNames;
  else if (opts.buildReport) {
    const report = typeof opts.buildReport === 'string'
      ? parseBuildReport(readFileSync(resolve(project.dir, opts.buildReport), 'utf8'), opts.buildReport)
      : opts.buildReport;
    images = reportEntries(report, opts.images);
  } else if (imageNames.length) {
    if (!opts.build) {
      throw new WerfActionError('render needs the images: give --use-build-report, --stub-tags, or build them first', {
        code: 'render.no-images', hint: 'run `werf-action build --save-build-report` and pass --use-build-report',
      });
    }
    images = reportEntries(await opts.build(project), opts.images);
  }
  const repo = opts.repo ?? (stubImages ? 'REPO' : '');
  const serviceValues = werfServiceValues({
    project: project.meta.project, version: VERSION, repo, env: opts.env ?? project.env, namespace,
    commit: project.commit, images, stubImages,
  });

  const mask = (s: string) => ctx.log.mask(s);
  let key: string | undefined;
  const secretFiles = readSecretDir(chartDir);
  let hasSecretValues = false;
  try { readFileSync(join(chartDir, 'secret-values.yaml')); hasSecretValues = !opts.disableDefaultSecretValues; } catch { /* none */ }
  const needKey = hasSecretValues || (opts.secretValues?.length ?? 0) > 0 || Object.keys(secretFiles).length > 0;
  if (needKey && !opts.ignoreSecretKey) key = findSecretKey(ctx, { key: opts.secretKey, projectDir: project.dir, homeDir: opts.homeDir });
  let secretDefaults: Values = {};
  let secretExtra: Values = {};
  if (key || (needKey && opts.ignoreSecretKey)) {
    const s = loadSecretValues({ chartDir, key, extraFiles: opts.secretValues?.map((f) => resolve(project.dir, f)), disableDefault: opts.disableDefaultSecretValues, mask });
    secretDefaults = s.defaults;
    secretExtra = s.extra;
  }
  // chart values.yaml < secret-values.yaml < --values < --secret-values < --set* < service values
  loaded.values = mergeMaps(loaded.values, secretDefaults);
  const user = mergeMaps(userValues({ ...opts, cwd: opts.cwd ?? project.dir, afterFiles: secretExtra }), serviceValues);

  const rendered = renderChart(loaded, {
    values: user,
    release: { name: releaseName, namespace, revision: 1, isInstall: true, isUpgrade: false },
    capabilities: { kubeVersion: opts.kubeVersion, apiVersions: opts.apiVersions },
    funcs: { werf_secret_file: werfSecretFileFunc(secretFiles, key, mask) },
    warn: (m) => ctx.log.warn(m),
  });
  const annotations = opts.addAnnotations ?? {};
  const labels = opts.addLabels ?? {};
  const withMeta = <T extends Manifest | Hook>(list: T[], get: (t: T) => string, set: (t: T, c: string) => T) =>
    list.map((m) => set(m, addExtraMetadata(get(m), annotations, labels)));
  const manifests = withMeta(rendered.manifests, (m) => m.content, (m, c) => ({ ...m, content: c }));
  const hooks = withMeta(rendered.hooks, (h) => h.manifest, (h, c) => ({ ...h, manifest: c }));
  let output = helmTemplateOutput(manifestText(manifests, opts.includeCrds ? rendered.crds : []), hooks, { skipTests: opts.skipTests, showOnly: opts.showOnly });
  if (!opts.showSecrets) output = ctx.log.redact(output);
  return { output, releaseName, namespace, rendered: { ...rendered, manifests, hooks }, serviceValues };
}
