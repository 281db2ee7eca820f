// Chart rendering benchmark: a chart of 300 templates (200 in the root, 20 in
// each of 5 subcharts) with helpers, rendered like `helm template` (values
// coalesced, dependencies processed, templates rendered, manifests split and
// sorted). Target: < 200 ms per render. When the Go oracle is present
// (ORACLE=path, or ../shared/tools/gotpl-oracle built), the same templates
// are rendered by Go's text/template + Sprig and the ratio is printed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadFiles } from '../packages/core/src/chart/loader.js';
import { renderChart } from '../packages/core/src/chart/render.js';
import { collectTemplates } from '../packages/core/src/chart/engine.js';
import { GoInt, GoStruct } from '@werf-action/gotemplate';

const HELPERS = `{{- define "app.name" -}}{{ default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "app.fullname" -}}{{ printf "%s-%s" .Release.Name (include "app.name" .) | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}`;

const template = (i: number) => `{{- $c := index .Values.components "c${i % 10}" }}
apiVersion: apps/v1
kind: {{ if eq (mod ${i} 3) 0 }}Deployment{{ else if eq (mod ${i} 3) 1 }}StatefulSet{{ else }}ConfigMap{{ end }}
metadata:
  name: {{ include "app.fullname" . }}-${i}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ $c.replicas }}
  template:
    metadata:
      annotations:
        checksum: {{ toYaml $c | sha256sum | trunc 16 }}
    spec:
      containers:
        - name: c${i}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          env:
            {{- range $k, $v := $c.env }}
            - name: {{ $k | upper }}
              value: {{ $v | quote }}
            {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- with $c.ports }}
          ports:
            {{- range . }}
            - containerPort: {{ . }}
            {{- end }}
          {{- end }}
`;

function values(): string {
  let s = 'image:\n  repository: example/app\n  tag: ""\nresources:\n  limits: {cpu: 500m, memory: 256Mi}\n  requests: {cpu: 100m, memory: 128Mi}\ncomponents:\n';
  for (let i = 0; i < 10; i++) s += `  c${i}:\n    replicas: ${i + 1}\n    env: {LOG_LEVEL: info, WORKERS: ${i}, MODE: m${i}, RATIO: 0.${i}5}\n    ports: [80${i}0, 90${i}0]\n`;
  return s;
}

export function buildChart() {
  const files: { name: string; data: Uint8Array }[] = [];
  const add = (name: string, text: string) => files.push({ name, data: Buffer.from(text) });
  const deps = Array.from({ length: 5 }, (_, i) => `  - name: sub${i}\n    version: 1.0.0\n`).join('');
  add('Chart.yaml', `apiVersion: v2\nname: big\nversion: 1.0.0\nappVersion: "3.1"\ndependencies:\n${deps}`);
  add('values.yaml', values());
  add('templates/_helpers.tpl', HELPERS);
  for (let i = 0; i < 200; i++) add(`templates/t${String(i).padStart(3, '0')}.yaml`, template(i));
  for (let s = 0; s < 5; s++) {
    add(`charts/sub${s}/Chart.yaml`, `apiVersion: v2\nname: sub${s}\nversion: 1.0.0\nappVersion: "1.${s}"\n`);
    add(`charts/sub${s}/values.yaml`, values());
    add(`charts/sub${s}/templates/_helpers.tpl`, HELPERS);
    for (let i = 0; i < 20; i++) add(`charts/sub${s}/templates/s${String(i).padStart(2, '0')}.yaml`, template(i));
  }
  return loadFiles(files, 'bench');
}

function toJson(v: unknown): unknown {
  if (v instanceof GoInt) return Number(v.v);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoStruct) {
    const o: Record<string, unknown> = {};
    for (const k of ['Name', 'Version', 'AppVersion']) { const f = v.field(k); if (f.ok) o[k] = f.value; }
    return o;
  }
  if (v instanceof Uint8Array) return undefined;
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) { if (k === 'Files' || k === 'Subcharts' || k === 'Capabilities') continue; o[k] = toJson(x); }
    return o;
  }
  return v;
}

function findOracle(): string | undefined {
  if (process.env.ORACLE && existsSync(process.env.ORACLE)) return process.env.ORACLE;
  const cached = join(homedir(), '.cache/gotpl-oracle/gotpl-oracle');
  return existsSync(cached) ? cached : undefined;
}

const chart = buildChart();
const N = Number(process.env.BENCH_RUNS ?? 20);
for (let i = 0; i < 3; i++) renderChart(chart);
const times: number[] = [];
let docs = 0;
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  const r = renderChart(chart);
  times.push(performance.now() - t0);
  docs = r.manifests.length;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`chart render: 300 templates, 5 subcharts, ${docs} manifests; ${N} runs: median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms (target < 200 ms) ${median < 200 ? 'OK' : 'SLOW'}`);

const oracle = findOracle();
if (!oracle) {
  console.log('oracle: not built (ORACLE unset); engine-vs-oracle ratio skipped');
} else {
  const r = renderChart(chart);
  const all = collectTemplates(r.chart, r.top);
  // The oracle has one data object: give every template the root chart's scope.
  const templates: Record<string, string> = {};
  for (const [name, t] of all) templates[name] = t.tpl;
  const rootVals = [...all.values()].find((t) => t.basePath === 'big/templates')!.vals;
  const input = JSON.stringify({ templates, values: toJson(rootVals) });
  const p = spawnSync(oracle, [], { input, encoding: 'utf8', env: { ...process.env, GOTPL_REPEAT: String(N) } });
  const out = JSON.parse(p.stdout) as { ms_per_render?: number; error?: string };
  if (out.ms_per_render === undefined) console.log(`oracle failed: ${out.error ?? p.stderr}`);
  else console.log(`oracle (Go text/template + Sprig, parse + render only): ${out.ms_per_render.toFixed(1)} ms; ours (whole pipeline) / Go = ${(median / out.ms_per_render).toFixed(2)}x`);
}
