// The chart pipeline as `helm install --dry-run --client-only` / `helm
// template` runs it: installable check, dependency check and processing,
// kubeVersion check, coalesced values + schema, rendering, NOTES apart,
// manifests split/sorted, hooks apart, CRDs from crds/ apart.
import { WerfActionError } from '../errors/index.js';
import { capabilities, releaseObject, chartValues, type CapabilitiesOptions, type ReleaseOptions, parseKubeVersion } from './builtins.js';
import { checkDependencies, cloneChart, processDependencies } from './dependencies.js';
import { renderChartTemplates, type LookupFn } from './engine.js';
import { sortManifests, manifestText, type CrdFile, type Hook, type Manifest } from './manifests.js';
import { validateValues } from './schema.js';
import { satisfies } from './semver.js';
import { chartFullPath, type Chart } from './types.js';
import { coalesceValues, type Warn } from './values.js';
import type { Values } from './yaml.js';

export interface RenderChartOptions {
  /** User-supplied values (files and --set already merged: `userValues()`). */
  values?: Values;
  release?: Partial<ReleaseOptions>;
  capabilities?: CapabilitiesOptions;
  strict?: boolean;
  skipSchemaValidation?: boolean;
  /** Include NOTES.txt of subcharts (--render-subchart-notes). */
  subchartNotes?: boolean;
  lookup?: LookupFn;
  funcs?: Record<string, (...args: any[]) => unknown>;
  warn?: Warn;
}

export interface RenderedChart {
  /** The chart after dependency processing (aliases applied, disabled removed). */
  chart: Chart;
  /** Coalesced values the templates saw as .Values. */
  values: Values;
  /** Every rendered file by `<chartFullPath>/templates/...` (NOTES included). */
  files: Record<string, string>;
  manifests: Manifest[];
  hooks: Hook[];
  notes: string;
  /** crds/ files of the chart and its subcharts (not templated). */
  crds: CrdFile[];
  /** Manifest text as Helm stores it in a release (without CRDs). */
  manifest: string;
  /** The top-level objects the templates saw. */
  top: { Values: Values; Release: Record<string, unknown>; Capabilities: unknown };
}

const RELEASE_NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateReleaseName(name: string): void {
  if (name === '' || name.length > 53 || !RELEASE_NAME_RE.test(name)) {
    throw new WerfActionError(`release name "${name}": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53`, {
      code: 'chart.release-name', location: { subject: name },
    });
  }
}

export function crdObjects(c: Chart): CrdFile[] {
  const out: CrdFile[] = [];
  for (const f of c.files) {
    if (f.name.startsWith('crds/') && /\.(ya?ml|json)$/i.test(f.name)) out.push({ filename: `${chartFullPath(c)}/${f.name}`, data: f.data });
  }
  for (const d of c.dependencies) out.push(...crdObjects(d));
  return out;
}

export type RenderedFiles = Pick<RenderedChart, 'chart' | 'values' | 'files' | 'top'>;

/** Everything up to the rendered files (no YAML parsing of the output). */
export function renderChartFiles(loaded: Chart, opts: RenderChartOptions = {}): RenderedFiles {
  const warn = opts.warn ?? (() => {});
  if (loaded.metadata.type && loaded.metadata.type !== 'application') {
    throw new WerfActionError(`${loaded.metadata.type} charts are not installable`, {
      code: 'chart.not-installable', location: { file: `${loaded.source}/Chart.yaml` }, hint: 'a library chart is used as a dependency of an application chart',
    });
  }
  if (loaded.metadata.deprecated) warn('This chart is deprecated');
  try { checkDependencies(loaded); } catch (e) {
    if (e instanceof WerfActionError) {
      throw new WerfActionError(`An error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: ${e.message}`, { code: e.code, location: e.location, hint: e.hint });
    }
    throw e;
  }
  const chart = cloneChart(loaded);
  const user = opts.values ?? {};
  processDependencies(chart, user, warn);
  const caps = capabilities(opts.capabilities);
  const kv = opts.capabilities?.kubeVersion ? parseKubeVersion(opts.capabilities.kubeVersion).version : 'v1.20.0';
  if (chart.metadata.kubeVersion && !satisfies(kv, chart.metadata.kubeVersion)) {
    throw new WerfActionError(`chart requires kubeVersion: ${chart.metadata.kubeVersion} which is incompatible with Kubernetes ${kv}`, {
      code: 'chart.kube-version', location: { file: `${loaded.source}/Chart.yaml` }, hint: 'pass --kube-version for the cluster you target',
    });
  }
  const values = chartValues(coalesceValues(chart, user, warn));
  if (!opts.skipSchemaValidation) validateValues(chart, values);
  const release = releaseObject({ name: opts.release?.name ?? 'release-name', namespace: opts.release?.namespace ?? 'default', ...opts.release });
  const top = { Values: values, Release: release, Capabilities: caps };
  const files = renderChartTemplates(chart, top, {
    strict: opts.strict, lookup: opts.lookup, funcs: opts.funcs,
  });
  return { chart, values, files, top };
}

/** Renders a loaded chart like `helm template` (no cluster). */
export function renderChart(loaded: Chart, opts: RenderChartOptions = {}): RenderedChart {
  const warn = opts.warn ?? (() => {});
  const { chart, values, files, top } = renderChartFiles(loaded, opts);
  const notesKey = `${chart.metadata.name}/templates/NOTES.txt`;
  const rest: Record<string, string> = {};
  let notes = '';
  for (const k of Object.keys(files).sort()) {
    if (k.endsWith('NOTES.txt')) {
      if (k === notesKey || opts.subchartNotes) notes += (notes ? '\n' : '') + files[k];
      continue;
    }
    rest[k] = files[k]!;
  }
  const sorted = sortManifests(rest);
  for (const h of sorted.skippedHooks) warn(`info: skipping unknown hook: ${JSON.stringify(h)}`);
  return {
    chart, values, files, manifests: sorted.manifests, hooks: sorted.hooks, notes,
    crds: crdObjects(chart), manifest: manifestText(sorted.manifests), top,
  };
}
