// gotemplate: a chart of 200 templates with helpers rendered 100 times, ours in-process vs the
// Go oracle (text/template + sprig, GOTPL_REPEAT), side by side. Prints the ratio ours/Go.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compileHelm, renderHelm } from '../packages/gotemplate/src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const N = 100;

const helpers = `{{/* Expand the name of the chart. */}}
{{- define "app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "app.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}
{{- define "app.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
{{- define "app.labels" -}}
helm.sh/chart: {{ include "app.chart" . }}
{{ include "app.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
`;

function template(i: number): string {
  return `{{- $svc := index .Values.services ${i % 10} }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}-${i}
  labels:
    {{- include "app.labels" . | nindent 4 }}
  annotations:
    checksum/config: {{ toJson .Values.config | sha256sum }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "app.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      containers:
        - name: {{ $svc.name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          env:
          {{- range $k, $v := .Values.env }}
            - name: {{ $k | upper }}
              value: {{ $v | quote }}
          {{- end }}
          ports:
          {{- range $svc.ports }}
            - name: {{ .name }}
              containerPort: {{ .port }}
              protocol: {{ .protocol | default "TCP" }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if and .Values.ingress.enabled (eq ${i % 3} 0) }}
      # ingress {{ .Values.ingress.className | default "nginx" }} {{ len .Values.ingress.hosts }}
      {{- end }}
`;
}

const templates: Record<string, string> = { 'app/templates/_helpers.tpl': helpers };
for (let i = 0; i < 200; i++) templates[`app/templates/t${String(i).padStart(3, '0')}.yaml`] = template(i);
const values = {
  Values: {
    replicaCount: 2, nameOverride: '', fullnameOverride: '',
    image: { repository: 'registry.example.com/app', tag: '', pullPolicy: 'IfNotPresent' },
    podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' },
    autoscaling: { enabled: false }, ingress: { enabled: true, className: '', hosts: ['a.example.com', 'b.example.com'] },
    env: { log_level: 'info', feature_x: true, workers: 8, url: 'https://api.example.com/v1?a=1&b=2' },
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    config: { a: 1, b: [1, 2, 3], c: { d: 'x' } },
    services: Array.from({ length: 10 }, (_, k) => ({ name: `svc${k}`, ports: [{ name: 'http', port: 8080 + k }, { name: 'metrics', port: 9090, protocol: 'TCP' }] })),
  },
  Release: { Name: 'my-release', Namespace: 'default', Service: 'Helm', IsInstall: true, Revision: 1 },
  Chart: { Name: 'app', Version: '1.2.3+build.4', AppVersion: '2.0.1' },
};

function findOracle(): string | undefined {
  if (process.env.ORACLE && existsSync(process.env.ORACLE)) return process.env.ORACLE;
  const build = join(here, '../../shared/tools/gotpl-oracle/build.sh');
  if (!existsSync(build)) return undefined;
  try { return execFileSync('flock', ['/tmp/oracle.lock', build], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return undefined; }
}

// The machine is shared: measure in alternating rounds (ours, then Go) and keep each side's best
// round, so that both numbers come from the same load conditions. Each iteration parses and
// renders the whole chart, as the oracle's ms_per_render does.
const ROUNDS = 5;
const PER_ROUND = N / ROUNDS;
let out: Record<string, string> = {};
for (let i = 0; i < 10; i++) out = renderHelm(templates, values); // JIT warm-up
const oracle = findOracle();
let oursBest = Infinity, goBest = Infinity;
let goOut: Record<string, string> | undefined;
let goError: string | undefined;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) out = renderHelm(templates, values);
  oursBest = Math.min(oursBest, Number(process.hrtime.bigint() - t0) / 1e6 / PER_ROUND);
  if (oracle && !goError) {
    const res = spawnSync(oracle, [], { input: JSON.stringify({ templates, values }), encoding: 'utf8', env: { ...process.env, GOTPL_REPEAT: String(PER_ROUND) } });
    const j = JSON.parse(res.stdout || '{}') as { rendered?: Record<string, string>; ms_per_render?: number; error?: string };
    if (j.error || j.ms_per_render === undefined) goError = j.error ?? res.stderr;
    else { goBest = Math.min(goBest, j.ms_per_render); goOut = j.rendered; }
  }
}
console.log(`gotemplate: chart of ${Object.keys(templates).length} templates (with helpers), ${N} renders in ${ROUNDS} alternating rounds, best round shown`);
console.log(`  ours (TypeScript, in-process)  parse+render: ${oursBest.toFixed(2)} ms per render`);
// compile once, execute many (what the deploy engine does for a chart)
const chart = compileHelm(templates);
let renderOnly = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) chart.render(values);
  renderOnly = Math.min(renderOnly, Number(process.hrtime.bigint() - t0) / 1e6 / PER_ROUND);
}
console.log(`  ours, compiled once           render only: ${renderOnly.toFixed(2)} ms per render`);
if (!oracle) {
  console.log('  Go oracle not available (needs ../shared/tools/gotpl-oracle and Go): only our number is shown');
} else if (goError) {
  console.log(`  Go oracle failed: ${goError}`);
} else {
  console.log(`  Go (text/template + sprig)      parse+render: ${goBest.toFixed(2)} ms per render`);
  console.log(`  ratio ours/Go, parse+render both: ${(oursBest / goBest).toFixed(2)}x; ours compiled once vs Go parse+render: ${(renderOnly / goBest).toFixed(2)}x (target <= 1.0x)`);
  console.log(`  outputs identical: ${JSON.stringify(goOut) === JSON.stringify(out)}`);
}
