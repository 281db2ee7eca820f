// Loading a chart from a directory or a .tgz archive, as Helm's
// pkg/chart/loader does: classification of files, .helmignore, Chart.yaml
// (v1/v2) and requirements.yaml, subcharts from charts/ (folders or archives).
import { readFileSync, readdirSync, statSync, lstatSync } from 'node:fs';
import { join, basename } from 'node:path';
import { WerfActionError } from '../errors/index.js';
import { IgnoreRules } from './ignore.js';
import { gunzip, readTar } from './tar.js';
import { parseYaml, parseYamlMap, YamlError, isTable } from './yaml.js';
import { parseSemver } from './semver.js';
import type { Chart, ChartFile, ChartMetadata, Dependency } from './types.js';

const BOM = [0xef, 0xbb, 0xbf];

function stripBom(d: Uint8Array): Uint8Array {
  return d.length >= 3 && d[0] === BOM[0] && d[1] === BOM[1] && d[2] === BOM[2] ? d.subarray(3) : d;
}

function text(d: Uint8Array): string {
  return Buffer.from(d).toString('utf8');
}

function chartError(message: string, source: string, hint?: string, file?: string): WerfActionError {
  return new WerfActionError(message, { code: 'chart.load', location: { file: file ?? source }, hint });
}

/** Loads a chart from a directory or a .tgz file. */
export function loadChart(path: string): Chart {
  let st;
  try { st = statSync(path); } catch {
    throw new WerfActionError(`path "${path}" not found`, { code: 'chart.not-found', location: { file: path }, hint: 'give the path of a chart directory (with Chart.yaml) or a chart .tgz' });
  }
  if (st.isDirectory()) return loadDir(path);
  return loadArchive(readFileSync(path), path);
}

export interface LoadDirOptions {
  /** Chart.yaml to use when the directory has none (werf projects may omit it). */
  defaultChartYaml?: string;
}

/** Walks a chart directory (symlinks followed) applying .helmignore. */
export function loadDir(dir: string, opts: LoadDirOptions = {}): Chart {
  let rules = new IgnoreRules();
  const ignorePath = join(dir, '.helmignore');
  try {
    const t = readFileSync(ignorePath, 'utf8');
    try { rules = IgnoreRules.parse(t); } catch (e) {
      throw chartError(`${(e as Error).message}`, dir, 'fix the pattern in .helmignore', ignorePath);
    }
  } catch (e) {
    if (e instanceof WerfActionError) throw e;
  }
  rules.addDefaults();
  const files: ChartFile[] = [];
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort()) {
      const a = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      let s;
      try { s = statSync(a); } catch { throw chartError(`cannot read ${r}: broken symlink`, dir, undefined, a); }
      if (s.isDirectory()) {
        if (rules.ignore(r, true)) continue;
        walk(a, r);
        continue;
      }
      if (rules.ignore(r, false)) continue;
      if (!s.isFile()) throw chartError(`cannot load irregular file ${a} as it has file mode type bits set`, dir);
      void lstatSync;
      files.push({ name: r, data: stripBom(readFileSync(a)) });
    }
  };
  walk(dir, '');
  if (opts.defaultChartYaml !== undefined && !files.some((f) => f.name === 'Chart.yaml')) {
    files.unshift({ name: 'Chart.yaml', data: Buffer.from(opts.defaultChartYaml) });
  }
  return loadFiles(files, dir);
}

/** Loads a chart archive (.tgz); the first path element is the chart folder. */
export function loadArchive(data: Uint8Array, source = '<archive>'): Chart {
  let raw: Uint8Array;
  try { raw = gunzip(data); } catch (e) {
    throw chartError(`file '${source}' does not appear to be a valid chart file (details: gzip: invalid header)`, source,
      'a chart archive is a gzip-compressed tar (what `helm package` writes)');
  }
  let entries;
  try { entries = readTar(raw); } catch (e) {
    throw chartError(`file '${source}' does not appear to be a valid chart file (details: ${(e as Error).message})`, source);
  }
  const files: ChartFile[] = [];
  for (const e of entries) {
    if (e.type === '5') continue;
    const delimiter = e.name.includes('\\') ? '\\' : '/';
    const parts = e.name.split(delimiter);
    let n = parts.slice(1).join('/');
    if (n.startsWith('/')) throw chartError('chart illegally contains absolute paths', source);
    n = cleanPath(n);
    if (n === '.') {
      if (e.type !== '0' && e.type !== '\0') continue;
      throw chartError(`chart illegally contains content outside the base directory: "${e.name}"`, source);
    }
    if (n.startsWith('..')) throw chartError('chart illegally references parent directory', source);
    if (/^[a-zA-Z]:/.test(n)) throw chartError('chart contains illegally named files', source);
    if (parts[0] === 'Chart.yaml') throw chartError('chart yaml not in base directory', source);
    if (e.type !== '0' && e.type !== '\0' && e.type !== '7') continue; // links and devices are not chart files
    files.push({ name: n, data: stripBom(e.data) });
  }
  if (files.length === 0) throw chartError('no files in chart archive', source);
  return loadFiles(files, source);
}

/** Go's path.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** Builds a chart from its files (paths relative to the chart root). */
export function loadFiles(files: ChartFile[], source: string): Chart {
  let metadata: ChartMetadata | undefined;
  const chart: Chart = { metadata: undefined as unknown as ChartMetadata, templates: [], values: {}, files: [], dependencies: [], source };
  const subcharts = new Map<string, ChartFile[]>();
  let requirements: unknown;
  const fileErr = (f: ChartFile, e: unknown) => {
    const y = e as YamlError;
    return new WerfActionError(`cannot load ${f.name}: error converting YAML to JSON: ${y.message}`, {
      code: 'chart.yaml', location: { file: join(source, f.name), line: y.line },
    });
  };
  for (const f of files) {
    if (f.name === 'Chart.yaml') {
      let raw: unknown;
      try { raw = parseYaml(text(f.data)); } catch (e) { throw fileErr(f, e); }
      metadata = { ...(metadata ?? {}), ...toMetadata(raw, join(source, f.name)) } as ChartMetadata;
      if (!metadata.apiVersion) metadata.apiVersion = 'v1';
    } else if (f.name === 'Chart.lock') {
      try { chart.lock = parseYaml(text(f.data)); } catch (e) { throw fileErr(f, e); }
    } else if (f.name === 'values.yaml') {
      chart.rawValues = text(f.data);
      try { chart.values = parseYamlMap(chart.rawValues); } catch (e) { throw fileErr(f, e); }
    } else if (f.name === 'values.schema.json') {
      chart.schema = f.data;
    } else if (f.name === 'requirements.yaml') {
      try { requirements = parseYaml(text(f.data)); } catch (e) { throw fileErr(f, e); }
      chart.files.push(f);
    } else if (f.name === 'requirements.lock') {
      try { chart.lock ??= parseYaml(text(f.data)); } catch (e) { throw fileErr(f, e); }
      chart.files.push(f);
    } else if (f.name.startsWith('templates/')) {
      chart.templates.push(f);
    } else if (f.name.startsWith('charts/')) {
      if (f.name.endsWith('.prov')) { chart.files.push(f); continue; }
      const fname = f.name.slice('charts/'.length);
      const cname = fname.split('/')[0]!;
      const list = subcharts.get(cname) ?? [];
      list.push({ name: fname, data: f.data });
      subcharts.set(cname, list);
    } else {
      chart.files.push(f);
    }
  }
  if (!metadata) {
    throw chartError('Chart.yaml file is missing', source, 'a chart is a directory with Chart.yaml, values.yaml and templates/');
  }
  if (requirements !== undefined && metadata.apiVersion === 'v1' && isTable(requirements) && Array.isArray(requirements.dependencies)) {
    metadata.dependencies = toDependencies(requirements.dependencies, join(source, 'requirements.yaml'));
  }
  chart.metadata = metadata;
  validateMetadata(metadata, source);
  for (const [n, list] of [...subcharts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (n.startsWith('_') || n.startsWith('.')) continue;
    let sub: Chart;
    try {
      if (n.endsWith('.tgz')) {
        const f = list[0]!;
        if (f.name !== n) throw chartError(`error unpacking tar in ${metadata.name}: expected ${n}, got ${f.name}`, source);
        sub = loadArchive(f.data, join(source, 'charts', n));
      } else {
        sub = loadFiles(list.map((f) => ({ name: f.name.slice(n.length + 1), data: f.data })), join(source, 'charts', n));
      }
    } catch (e) {
      if (e instanceof WerfActionError) {
        throw new WerfActionError(`error unpacking subchart ${n} in ${metadata.name}: ${e.message}`, { code: e.code, location: e.location, hint: e.hint });
      }
      throw e;
    }
    sub.parent = chart;
    chart.dependencies.push(sub);
  }
  return chart;
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  return undefined;
}

function typeErr(field: string, v: unknown, want: string, file: string): WerfActionError {
  const kind = Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v;
  return new WerfActionError(`cannot load Chart.yaml: error unmarshaling JSON: json: cannot unmarshal ${kind} into Go struct field Metadata.${field} of type ${want}`, {
    code: 'chart.metadata', location: { file }, hint: want === 'string' ? `quote the value of ${field} in Chart.yaml` : undefined,
  });
}

function toMetadata(raw: unknown, file: string): Partial<ChartMetadata> {
  if (raw === null) return {};
  if (!isTable(raw)) throw new WerfActionError('cannot load Chart.yaml: error unmarshaling JSON: json: cannot unmarshal into Go value of type chart.Metadata', { code: 'chart.metadata', location: { file } });
  const md: Record<string, unknown> = {};
  const strFields = ['name', 'home', 'version', 'description', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'kubeVersion', 'type'];
  for (const k of strFields) {
    const v = raw[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw typeErr(k, v, 'string', file);
    md[k] = sanitize(v);
  }
  for (const k of ['sources', 'keywords']) {
    const v = raw[k];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) throw typeErr(k, v, '[]string', file);
    md[k] = v.map((x) => { if (typeof x !== 'string') throw typeErr(k, x, 'string', file); return sanitize(x); });
  }
  if (raw.deprecated !== undefined && raw.deprecated !== null) {
    if (typeof raw.deprecated !== 'boolean') throw typeErr('deprecated', raw.deprecated, 'bool', file);
    md.deprecated = raw.deprecated;
  }
  if (isTable(raw.annotations)) {
    const a: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.annotations)) {
      if (typeof v !== 'string') throw typeErr('annotations', v, 'string', file);
      a[k] = v;
    }
    md.annotations = a;
  }
  if (Array.isArray(raw.maintainers)) {
    md.maintainers = raw.maintainers.map((m) => {
      const o: Record<string, string> = {};
      if (isTable(m)) for (const k of ['name', 'email', 'url']) if (typeof m[k] === 'string') o[k] = sanitize(m[k] as string);
      return o;
    });
  }
  if (Array.isArray(raw.dependencies)) md.dependencies = toDependencies(raw.dependencies, file);
  return md as Partial<ChartMetadata>;
}

function toDependencies(list: unknown[], file: string): Dependency[] {
  return list.map((d) => {
    if (!isTable(d)) throw new WerfActionError('cannot load dependencies: each dependency must be a map', { code: 'chart.metadata', location: { file } });
    if (d.name !== undefined && d.name !== null && typeof d.name !== 'string') throw typeErr('dependencies.name', d.name, 'string', file);
    const out: Dependency = { name: str(d.name) ?? '' };
    for (const k of ['version', 'repository', 'condition', 'alias'] as const) {
      const v = d[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') throw typeErr(`dependencies.${k}`, v, 'string', file);
      out[k] = sanitize(v);
    }
    if (Array.isArray(d.tags)) out.tags = d.tags.map(String);
    if (typeof d.enabled === 'boolean') out.enabled = d.enabled;
    if (Array.isArray(d['import-values'])) {
      out['import-values'] = d['import-values'].map((iv) => {
        if (typeof iv === 'string') return iv;
        if (isTable(iv)) return { child: String(iv.child ?? ''), parent: String(iv.parent ?? '') };
        return String(iv);
      });
    }
    return out;
  });
}

/** Helm's sanitizeString: whitespace → space, non-printable removed. */
function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\s/gu, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu, '');
}

function validateMetadata(md: ChartMetadata, source: string): void {
  const fail = (m: string) => { throw new WerfActionError(`validation: ${m}`, { code: 'chart.invalid', location: { file: join(source, 'Chart.yaml') } }); };
  if (!md.apiVersion) fail('chart.metadata.apiVersion is required');
  if (!md.name) fail('chart.metadata.name is required');
  if (md.name === '.' || md.name === '..' || md.name !== basename(md.name) || md.name.includes('/')) fail(`chart.metadata.name "${md.name}" is invalid`);
  if (!md.version) fail('chart.metadata.version is required');
  if (!parseSemver(md.version)) fail(`chart.metadata.version "${md.version}" is invalid`);
  if (md.type && md.type !== 'application' && md.type !== 'library') fail('chart.metadata.type must be application or library');
  const seen = new Set<string>();
  for (const d of md.dependencies ?? []) {
    if (!d.name) fail('dependencies must have a name');
    if (d.alias !== undefined && !/^[a-zA-Z0-9_-]+$/.test(d.alias)) fail(`dependency "${d.name}" has disallowed characters in the alias`);
    const key = d.alias || d.name;
    if (seen.has(key)) fail(`more than one dependency with name or alias "${key}"`);
    seen.add(key);
  }
}
