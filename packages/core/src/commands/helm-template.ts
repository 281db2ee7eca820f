// `werf-action helm template [NAME] CHART ...`: prints exactly what
// `helm template` prints for the same chart, values and flags.
import { resolve } from 'node:path';
import { Templates } from '@werf-action/gotemplate';
import { WerfActionError } from '../errors/index.js';
import type { Context } from '../context.js';
import { loadChart } from '../chart/loader.js';
import { helmTemplateOutput, manifestText } from '../chart/manifests.js';
import { renderChart, validateReleaseName, type RenderedChart } from '../chart/render.js';
import { userValues, type ValueOptions } from '../chart/values.js';

export interface HelmTemplateOptions extends ValueOptions {
  /** Chart directory or .tgz. */
  chart: string;
  /** Release name (default `release-name`). */
  name?: string;
  /** --name-template: rendered with Sprig to give the name. */
  nameTemplate?: string;
  /** --generate-name: `<chart>-<unix seconds>`. */
  generateName?: boolean;
  namespace?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
  showOnly?: string[];
  isUpgrade?: boolean;
  strict?: boolean;
  skipSchemaValidation?: boolean;
  renderSubchartNotes?: boolean;
  hideSecret?: boolean;
}

export interface HelmTemplateResult {
  /** What `helm template` writes to stdout. */
  output: string;
  notes: string;
  rendered: RenderedChart;
  releaseName: string;
}

export function renderNameTemplate(text: string): string {
  try {
    const t = new Templates({ missingKey: 'default' });
    t.parse('name-template', text);
    return t.execute('name-template', undefined);
  } catch (e) {
    throw new WerfActionError(`${(e as Error).message}`, { code: 'chart.name-template', location: { subject: `--name-template ${text}` } });
  }
}

export async function helmTemplate(ctx: Context, opts: HelmTemplateOptions): Promise<HelmTemplateResult> {
  const cwd = opts.cwd ?? process.cwd();
  const loaded = loadChart(resolve(cwd, opts.chart));
  let name = opts.name ?? '';
  if (opts.nameTemplate) name = renderNameTemplate(opts.nameTemplate);
  if (!name && opts.generateName) name = `${loaded.metadata.name}-${Math.floor(ctx.now() / 1000)}`;
  if (!name) name = 'release-name';
  validateReleaseName(name);
  const values = userValues({ ...opts, cwd });
  const rendered = renderChart(loaded, {
    values,
    release: { name, namespace: opts.namespace || 'default', isUpgrade: opts.isUpgrade ?? false, isInstall: !opts.isUpgrade, revision: 1 },
    capabilities: { kubeVersion: opts.kubeVersion, apiVersions: opts.apiVersions },
    strict: opts.strict,
    skipSchemaValidation: opts.skipSchemaValidation,
    subchartNotes: opts.renderSubchartNotes,
    warn: (m) => ctx.log.warn(m),
  });
  const manifest = manifestText(rendered.manifests, opts.includeCrds ? rendered.crds : [], opts.hideSecret);
  const output = helmTemplateOutput(manifest, rendered.hooks, { skipTests: opts.skipTests, noHooks: opts.noHooks, showOnly: opts.showOnly });
  return { output, notes: rendered.notes, rendered, releaseName: name };
}
