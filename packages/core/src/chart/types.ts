// The in-memory chart, as Helm's pkg/chart holds it after loading.
import type { Values } from './yaml.js';

export interface ChartFile {
  /** Path relative to the chart root, `/`-separated. */
  name: string;
  data: Uint8Array;
}

export interface Maintainer { name?: string; email?: string; url?: string }

export interface Dependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  'import-values'?: (string | { child: string; parent: string })[];
  alias?: string;
}

/** Chart.yaml (Helm's chart.Metadata), with Go's field names as JSON keys. */
export interface ChartMetadata {
  name: string;
  home?: string;
  sources?: string[];
  version: string;
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  icon?: string;
  apiVersion: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  dependencies?: Dependency[];
  type?: string;
}

export interface Chart {
  metadata: ChartMetadata;
  /** Chart.lock / requirements.lock, parsed (kept for completeness). */
  lock?: unknown;
  templates: ChartFile[];
  /** values.yaml, parsed; {} when absent. */
  values: Values;
  /** values.yaml as written (for `helm show values`-like uses). */
  rawValues?: string;
  schema?: Uint8Array;
  /** Every other file (README, crds/, config files, .helmignore...). */
  files: ChartFile[];
  /** Subcharts from charts/ (directories and archives), by chart name. */
  dependencies: Chart[];
  parent?: Chart;
  /** Where it came from, for error messages. */
  source: string;
}

export function chartName(c: Chart): string {
  return c.metadata.name;
}

/** `root/charts/sub/charts/subsub`, by chart names (aliases), as Helm's ChartFullPath. */
export function chartFullPath(c: Chart): string {
  return c.parent ? `${chartFullPath(c.parent)}/charts/${c.metadata.name}` : c.metadata.name;
}

export function isRoot(c: Chart): boolean {
  return !c.parent;
}
