// The built-in objects a chart template sees (Helm's pkg/engine recAllTpls,
// pkg/chartutil ToRenderValues / capabilities, pkg/engine/files.go), in the
// Go value model of @werf-action/gotemplate: maps tagged with their Go type,
// Go methods (Files.Get, APIVersions.Has) as GO_METHODS, structs as GoStruct.
import { GoInt, GoStruct } from '@werf-action/gotemplate';
import { WerfActionError } from '../errors/index.js';
import { globMatcher } from './glob.js';
import { parseSemver } from './semver.js';
import type { Chart, ChartMetadata, Dependency, Maintainer } from './types.js';

// Registry symbols, the same ones the engine uses (Symbol.for is global).
export const GO_TYPE: symbol = Symbol.for('werf-action.gotemplate.type');
export const GO_METHODS: symbol = Symbol.for('werf-action.gotemplate.methods');

export function tag<T extends object>(v: T, type: string, methods?: Record<string, unknown>): T {
  Object.defineProperty(v, GO_TYPE, { value: type, enumerable: false, configurable: true, writable: true });
  if (methods) Object.defineProperty(v, GO_METHODS, { value: methods, enumerable: false, configurable: true, writable: true });
  return v;
}

export type ToYaml = (v: unknown) => string;

/** engine.files: name → bytes, with Helm's methods. */
export function newFiles(files: { name: string; data: Uint8Array }[], toYaml: ToYaml): Record<string, Uint8Array> {
  const m: Record<string, Uint8Array> = {};
  for (const f of files) m[f.name] = f.data;
  return filesObject(m, toYaml);
}

function basename(p: string): string { return p.slice(p.lastIndexOf('/') + 1); }

function filesObject(m: Record<string, Uint8Array>, toYaml: ToYaml): Record<string, Uint8Array> {
  const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('utf8') : '');
  const S = 'string' as const;
  return tag(m, 'engine.files', {
    Get: { params: [S], fn: (name: string) => text(m[name]) },
    GetBytes: { params: [S], fn: (name: string) => m[name] ?? new Uint8Array(0) },
    Glob: { params: [S], fn: (pattern: string) => {
      const match = globMatcher(pattern);
      const out: Record<string, Uint8Array> = {};
      for (const k of Object.keys(m)) if (match(k)) out[k] = m[k]!;
      return filesObject(out, toYaml);
    } },
    Lines: { params: [S], fn: (path: string) => {
      const b = m[path];
      if (!b || b.length === 0) return tag([], '[]string');
      let s = text(b);
      if (s.endsWith('\n')) s = s.slice(0, -1);
      return tag(s.split('\n'), '[]string');
    } },
    AsConfig: { params: [], fn: () => {
      const o: Record<string, string> = {};
      for (const k of Object.keys(m)) o[basename(k)] = text(m[k]);
      return toYaml(tag(o, 'map[string]string'));
    } },
    AsSecrets: { params: [], fn: () => {
      const o: Record<string, string> = {};
      for (const k of Object.keys(m)) o[basename(k)] = Buffer.from(m[k]!).toString('base64');
      return toYaml(tag(o, 'map[string]string'));
    } },
  });
}

/** Every group/version client-go registers (+ apiextensions), Helm's DefaultVersionSet. */
export const DEFAULT_API_VERSIONS = [
  'v1', 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', 'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'authentication.k8s.io/v1', 'authentication.k8s.io/v1alpha1', 'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1', 'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2',
  'batch/v1', 'batch/v1beta1', 'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', 'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1beta1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1', 'extensions/v1beta1', 'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1', 'networking.k8s.io/v1alpha1', 'networking.k8s.io/v1beta1', 'node.k8s.io/v1', 'node.k8s.io/v1alpha1', 'node.k8s.io/v1beta1',
  'policy/v1', 'policy/v1beta1', 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1alpha2', 'scheduling.k8s.io/v1alpha1', 'scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1', 'storage.k8s.io/v1', 'storage.k8s.io/v1alpha1', 'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1',
];

export class KubeVersion extends GoStruct {
  readonly goType = 'chartutil.KubeVersion';
  constructor(readonly version: string, readonly major: string, readonly minor: string) { super(); }
  field(name: string): { ok: boolean; value?: unknown } {
    switch (name) {
      case 'Version': return { ok: true, value: this.version };
      case 'Major': return { ok: true, value: this.major };
      case 'Minor': return { ok: true, value: this.minor };
    }
    return { ok: false };
  }
  override methods() {
    return { String: { params: [], fn: () => this.version }, GitVersion: { params: [], fn: () => this.version } };
  }
  format(): string { return this.version; }
}

/** chartutil.ParseKubeVersion: `1.21` → v1.21.0. */
export function parseKubeVersion(v: string): KubeVersion {
  const sv = parseSemver(v);
  if (!sv) {
    throw new WerfActionError(`invalid kube version '${v}': Invalid Semantic Version`, { code: 'chart.kube-version', location: { subject: `--kube-version ${v}` }, hint: 'use a version like v1.28.0' });
  }
  let s = `${sv.major}.${sv.minor}.${sv.patch}`;
  if (sv.pre) s += `-${sv.pre}`;
  if (sv.build) s += `+${sv.build}`;
  return new KubeVersion(`v${s}`, String(sv.major), String(sv.minor));
}

export class GoStructOf extends GoStruct {
  constructor(readonly goType: string, readonly fields: [string, unknown][], private fmt?: () => string) { super(); }
  field(name: string): { ok: boolean; value?: unknown } {
    for (const [k, v] of this.fields) if (k === name) return { ok: true, value: v };
    return { ok: false };
  }
  format(): string {
    if (this.fmt) return this.fmt();
    const inner = this.fields.map(([, v]) => fmtField(v)).join(' ');
    return this.goType.startsWith('*') ? `&{${inner}}` : `{${inner}}`;
  }
}

function fmtField(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(fmtField).join(' ')}]`;
  if (v instanceof GoStruct) return v.format();
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${fmtField(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

export interface CapabilitiesOptions {
  kubeVersion?: string;
  /** Appended to the default set (`--api-versions`). */
  apiVersions?: string[];
  helmVersion?: string;
}

export function capabilities(opts: CapabilitiesOptions = {}): GoStruct {
  const kv = opts.kubeVersion ? parseKubeVersion(opts.kubeVersion) : new KubeVersion('v1.20.0', '1', '20');
  const versions = [...DEFAULT_API_VERSIONS, ...(opts.apiVersions ?? [])];
  const set = tag([...versions], 'chartutil.VersionSet', {
    Has: { params: ['string'], fn: (v: string) => versions.includes(v) },
  });
  const helm = new GoStructOf('version.BuildInfo', [
    ['Version', opts.helmVersion ?? 'v3.14.4'], ['GitCommit', ''], ['GitTreeState', ''], ['GoVersion', 'go1.21.9'],
  ]);
  return new GoStructOf('*chartutil.Capabilities', [['APIVersions', set], ['KubeVersion', kv], ['HelmVersion', helm]]);
}

function strs(a: string[] | undefined): string[] | null {
  return a ? tag([...a], '[]string') : null;
}

function maintainer(m: Maintainer): GoStruct {
  return new GoStructOf('*chart.Maintainer', [['Name', m.name ?? ''], ['Email', m.email ?? ''], ['URL', m.url ?? '']]);
}

function dependency(d: Dependency): GoStruct {
  const iv = d['import-values'] ? d['import-values'].map((x) => (typeof x === 'string' ? x : tag({ child: x.child, parent: x.parent }, 'map[string]string'))) : null;
  return new GoStructOf('*chart.Dependency', [
    ['Name', d.name], ['Version', d.version ?? ''], ['Repository', d.repository ?? ''], ['Condition', d.condition ?? ''],
    ['Tags', strs(d.tags)], ['Enabled', d.enabled ?? false], ['ImportValues', iv], ['Alias', d.alias ?? ''],
  ]);
}

/** `.Chart`: struct { chart.Metadata; IsRoot bool }, Go field names. */
export function chartObject(md: ChartMetadata, isRoot: boolean): GoStruct {
  const fields: [string, unknown][] = [
    ['Name', md.name], ['Home', md.home ?? ''], ['Sources', strs(md.sources)], ['Version', md.version],
    ['Description', md.description ?? ''], ['Keywords', strs(md.keywords)],
    ['Maintainers', md.maintainers ? tag(md.maintainers.map(maintainer), '[]*chart.Maintainer') : null],
    ['Icon', md.icon ?? ''], ['APIVersion', md.apiVersion], ['Condition', md.condition ?? ''], ['Tags', md.tags ?? ''],
    ['AppVersion', md.appVersion ?? ''], ['Deprecated', md.deprecated ?? false],
    ['Annotations', md.annotations ? tag({ ...md.annotations }, 'map[string]string') : null],
    ['KubeVersion', md.kubeVersion ?? ''],
    ['Dependencies', md.dependencies ? tag(md.dependencies.map(dependency), '[]*chart.Dependency') : null],
    ['Type', md.type ?? ''],
  ];
  const metadata = new GoStructOf('chart.Metadata', fields);
  return new GoStructOf('struct { chart.Metadata; IsRoot bool }', [...fields, ['Metadata', metadata], ['IsRoot', isRoot]],
    () => `{${metadata.format().replace(/^\{|\}$/g, '')} ${isRoot}}`);
}

export interface ReleaseOptions {
  name: string;
  namespace: string;
  revision?: number;
  isUpgrade?: boolean;
  isInstall?: boolean;
}

export function releaseObject(r: ReleaseOptions): Record<string, unknown> {
  const isUpgrade = r.isUpgrade ?? false;
  return {
    Name: r.name, Namespace: r.namespace, IsUpgrade: isUpgrade, IsInstall: r.isInstall ?? !isUpgrade,
    Revision: new GoInt(BigInt(r.revision ?? 1)), Service: 'Helm',
  };
}

export function chartValues<T extends object>(v: T): T {
  return tag(v, 'chartutil.Values');
}

export function isLibrary(c: Chart): boolean { return c.metadata.type === 'library'; }
