// From rendered files to Helm's output (pkg/releaseutil + pkg/action
// renderResources + cmd/helm/template.go): documents split and trimmed,
// YAML heads read, hooks separated, kinds sorted in install order.
import { WerfActionError } from '../errors/index.js';
import { goMatch } from './ignore.js';
import { fastHead } from './fasthead.js';
import { YamlError, isTable, parseYaml, jsonKind } from './yaml.js';

export const INSTALL_ORDER = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
  'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList',
  'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler',
  'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];
export const UNINSTALL_ORDER = [
  'APIService', 'Ingress', 'IngressClass', 'Service', 'CronJob', 'Job', 'StatefulSet', 'HorizontalPodAutoscaler',
  'Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'DaemonSet', 'RoleBindingList', 'RoleBinding',
  'RoleList', 'Role', 'ClusterRoleBindingList', 'ClusterRoleBinding', 'ClusterRoleList', 'ClusterRole',
  'CustomResourceDefinition', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'ConfigMap',
  'SecretList', 'Secret', 'ServiceAccount', 'PodDisruptionBudget', 'PodSecurityPolicy', 'LimitRange',
  'ResourceQuota', 'NetworkPolicy', 'Namespace', 'PriorityClass',
];

export const HOOK_EVENTS = ['pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade', 'pre-rollback', 'post-rollback', 'test'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export interface Head {
  apiVersion: string;
  kind: string;
  name: string;
  annotations?: Record<string, string>;
}

export interface Manifest { /** `chart/templates/x.yaml` */ name: string; content: string; head: Head }

export interface Hook {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: HookEvent[];
  weight: number;
  deletePolicies: string[];
  outputLogPolicies: string[];
}

const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM_RE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');
/** Go's strings.TrimSpace (Unicode White_Space, not JS's BOM). */
export function goTrimSpace(s: string): string { return s.replace(TRIM_RE, ''); }

const SEP = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/;

/** releaseutil.SplitManifests: documents in order, each TrimSpace'd. */
export function splitManifests(big: string): string[] {
  const out: string[] = [];
  for (const d of goTrimSpace(big).split(SEP)) {
    if (d === '') continue;
    out.push(goTrimSpace(d));
  }
  return out;
}

function unmarshalErr(value: unknown, field: string, type: string): string {
  return `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(value)} into Go struct field ${field} of type ${type}`;
}

/** Reads apiVersion/kind/metadata.name/annotations as releaseutil.SimpleHead does; throws the message. */
export function readHead(doc: string): Head {
  return fastHead(doc) ?? readHeadFull(doc);
}

/** The same through a full YAML parse (the reference for fastHead, and its fallback). */
export function readHeadFull(doc: string): Head {
  let v: unknown;
  try { v = parseYaml(doc); } catch (e) {
    throw new Error(`error converting YAML to JSON: ${(e as YamlError).message}`);
  }
  const head: Head = { apiVersion: '', kind: '', name: '' };
  if (v === null) return head;
  if (!isTable(v)) throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type releaseutil.SimpleHead`);
  const s = (x: unknown, field: string): string => {
    if (x === undefined || x === null) return '';
    if (typeof x !== 'string') throw new Error(unmarshalErr(x, field, 'string'));
    return x;
  };
  head.apiVersion = s(v.apiVersion, 'SimpleHead.apiVersion');
  head.kind = s(v.kind, 'SimpleHead.kind');
  const md = v.metadata;
  if (md !== undefined && md !== null) {
    if (!isTable(md)) throw new Error(unmarshalErr(md, 'SimpleHead.metadata', 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }'));
    head.name = s(md.name, '.metadata.name');
    const a = md.annotations;
    if (a !== undefined && a !== null) {
      if (!isTable(a)) throw new Error(unmarshalErr(a, '.metadata.annotations', 'map[string]string'));
      head.annotations = {};
      for (const [k, x] of Object.entries(a)) {
        if (x === null) { head.annotations[k] = ''; continue; }
        if (typeof x !== 'string') throw new Error(unmarshalErr(x, '.metadata.annotations', 'string'));
        head.annotations[k] = x;
      }
    }
  }
  return head;
}

function kindLess(order: Map<string, number>, a: string, b: string): number {
  const ia = order.get(a), ib = order.get(b);
  if (ia === undefined && ib === undefined) return a === b ? 0 : a < b ? -1 : 1;
  if (ia === undefined) return 1;
  if (ib === undefined) return -1;
  return ia - ib;
}

export function sortByKind<T>(items: T[], kind: (t: T) => string, ordering: string[] = INSTALL_ORDER): T[] {
  const order = new Map(ordering.map((k, i) => [k, i]));
  return items.map((t, i) => ({ t, i })).sort((x, y) => kindLess(order, kind(x.t), kind(y.t)) || x.i - y.i).map((x) => x.t);
}

function csv(v: string | undefined): string[] {
  if (v === undefined) return [];
  return v.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
}

export interface SortResult { hooks: Hook[]; manifests: Manifest[]; skippedHooks: string[] }

/** releaseutil.SortManifests over rendered files (NOTES already removed). */
export function sortManifests(files: Record<string, string>, ordering: string[] = INSTALL_ORDER): SortResult {
  const hooks: Hook[] = [];
  const generic: Manifest[] = [];
  const skippedHooks: string[] = [];
  const paths = Object.keys(files).sort(cmpBytes);
  for (const path of paths) {
    const content = files[path]!;
    if (path.slice(path.lastIndexOf('/') + 1).startsWith('_')) continue;
    if (goTrimSpace(content) === '') continue;
    for (const m of splitManifests(content)) {
      let head: Head;
      try { head = readHead(m); } catch (e) {
        throw new WerfActionError(`YAML parse error on ${path}: ${(e as Error).message}`, {
          code: 'chart.yaml-parse', location: { file: path, line: lineOf(e as Error) },
          hint: 'render with --debug (or `render --show-invalid`) to see the generated text',
        });
      }
      const hookTypes = head.annotations?.['helm.sh/hook'];
      if (!head.annotations || Object.keys(head.annotations).length === 0 || hookTypes === undefined) {
        generic.push({ name: path, content: m, head });
        continue;
      }
      const weight = parseGoAtoi(head.annotations['helm.sh/hook-weight']);
      const events: HookEvent[] = [];
      let unknown = false;
      for (const t of hookTypes.split(',')) {
        let ev = t.trim().toLowerCase();
        if (ev === 'test-success') ev = 'test';
        if (!(HOOK_EVENTS as readonly string[]).includes(ev)) { unknown = true; break; }
        events.push(ev as HookEvent);
      }
      if (unknown) { skippedHooks.push(hookTypes); continue; }
      hooks.push({
        name: head.name, kind: head.kind, path, manifest: m, events, weight,
        deletePolicies: csv(head.annotations['helm.sh/hook-delete-policy']),
        outputLogPolicies: csv(head.annotations['helm.sh/hook-output-log-policy']),
      });
    }
  }
  return {
    hooks: sortByKind(hooks, (h) => h.kind, ordering),
    manifests: sortByKind(generic, (m) => m.head.kind, ordering),
    skippedHooks,
  };
}

function lineOf(e: Error): number | undefined {
  const m = /line (\d+)/.exec(e.message);
  return m ? Number(m[1]) : undefined;
}

function parseGoAtoi(s: string | undefined): number {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 0;
}

export function cmpBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ba = Buffer.from(a), bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}

export interface CrdFile { /** `<chartFullPath>/crds/x.yaml` */ filename: string; data: Uint8Array }

export interface TemplateOutputOptions {
  includeCrds?: boolean;
  skipTests?: boolean;
  noHooks?: boolean;
  showOnly?: string[];
  hideSecret?: boolean;
}

/** The manifest text Helm stores in a release (CRDs first when asked). */
export function manifestText(manifests: Manifest[], crds: CrdFile[] = [], hideSecret = false): string {
  let b = '';
  for (const c of crds) b += `---\n# Source: ${c.filename}\n${Buffer.from(c.data).toString('utf8')}\n`;
  for (const m of manifests) {
    const content = hideSecret && m.head.kind === 'Secret' && m.head.apiVersion === 'v1' ? '# HIDDEN: The Secret output has been suppressed' : m.content;
    b += `---\n# Source: ${m.name}\n${content}\n`;
  }
  return b;
}

/** Exactly what `helm template` writes to stdout. */
export function helmTemplateOutput(manifest: string, hooks: Hook[], opts: TemplateOutputOptions = {}): string {
  let out = goTrimSpace(manifest) + '\n';
  if (!opts.noHooks) {
    for (const h of hooks) {
      if (opts.skipTests && h.events.includes('test')) continue;
      out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    }
  }
  if (!opts.showOnly || opts.showOnly.length === 0) return out;
  const docs = splitManifests(out);
  const re = /# Source: [^/]+\/(.+)/;
  let result = '';
  for (const raw of opts.showOnly) {
    const f = raw.replace(/\\/g, '/');
    let missing = true;
    for (const d of docs) {
      const m = re.exec(d);
      if (!m) continue;
      let ok = false;
      try { ok = goMatch(f, m[1]!); } catch { ok = false; }
      if (!ok) continue;
      result += `---\n${d}\n`;
      missing = false;
    }
    if (missing) {
      throw new WerfActionError(`could not find template ${f} in chart`, {
        code: 'chart.show-only', location: { subject: `--show-only ${f}` },
        hint: 'the path is relative to the chart (e.g. templates/deployment.yaml); empty output files are not templates here',
      });
    }
  }
  return result;
}
