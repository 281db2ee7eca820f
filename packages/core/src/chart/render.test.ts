import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderChart, renderChartFiles } from './render.js';
import { sortTemplates } from './engine.js';
import { chartFrom, chartYaml } from './testutil.js';

const one = (tpl: string, extra: Record<string, string> = {}, opts: Parameters<typeof renderChart>[1] = {}) => {
  const r = renderChartFiles(chartFrom({ 'Chart.yaml': chartYaml('c'), 'templates/a.yaml': tpl, ...extra }), opts);
  return r.files['c/templates/a.yaml'];
};

test('.Files methods (Helm engine/files.go)', () => {
  const files = { 'conf/a.txt': 'alpha\nbeta\n', 'conf/b.conf': 'x=1', 'conf/sub/c.txt': 'deep', 'empty.txt': '' };
  assert.equal(one('{{ .Files.Get "conf/a.txt" }}|{{ .Files.Get "missing" }}|', files), 'alpha\nbeta\n||');
  assert.equal(one('{{ range .Files.Lines "conf/a.txt" }}[{{ . }}]{{ end }}{{ len (.Files.Lines "empty.txt") }}', files), '[alpha][beta]0');
  assert.equal(one('{{ (.Files.Glob "conf/*").AsConfig }}', files), 'a.txt: |\n  alpha\n  beta\nb.conf: x=1');
  assert.equal(one('{{ (.Files.Glob "conf/**.txt").AsSecrets }}', files), 'a.txt: YWxwaGEKYmV0YQo=\nc.txt: ZGVlcA==');
  assert.equal(one('{{ range $p, $_ := .Files.Glob "conf/{a,b}.*" }}{{ $p }};{{ end }}', files), 'conf/a.txt;conf/b.conf;');
  assert.equal(one('{{ .Files.GetBytes "conf/b.conf" | toString }}', files), 'x=1');
  assert.equal(one('{{ index .Files "conf/b.conf" | toString }}', files), 'x=1');
});

test('.Capabilities: default v1.20.0, --kube-version, APIVersions.Has, --api-versions', () => {
  assert.equal(one('{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion.GitVersion }}'), 'v1.20.0 1.20 v1.20.0');
  assert.equal(one('{{ .Capabilities.KubeVersion.Version }}', {}, { capabilities: { kubeVersion: '1.27' } }), 'v1.27.0');
  assert.equal(one('{{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }} {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}'), 'true false false');
  assert.equal(one('{{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}', {}, { capabilities: { apiVersions: ['monitoring.coreos.com/v1'] } }), 'true');
  assert.match(one('{{ .Capabilities.HelmVersion.Version }}')!, /^v3\./);
  assert.throws(() => one('x', {}, { capabilities: { kubeVersion: 'banana' } }), /invalid kube version 'banana'/);
});

test('.Release, .Chart, .Template, .Subcharts', () => {
  const r = renderChartFiles(chartFrom({
    'Chart.yaml': chartYaml('parent', 'appVersion: "1.0"\nannotations: {team: x}\n'),
    'templates/a.yaml': '{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Revision }} {{ eq .Release.Revision 1 }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Service }} {{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.IsRoot }} {{ .Chart.Annotations.team }} {{ .Template.Name }} {{ .Template.BasePath }} {{ .Subcharts.sub.Chart.Name }}',
    'charts/sub/Chart.yaml': chartYaml('sub'),
    'charts/sub/templates/b.yaml': '{{ .Chart.Name }} {{ .Chart.IsRoot }} {{ .Chart.AppVersion | quote }} {{ .Template.Name }}',
  }), { release: { name: 'rel', namespace: 'ns', isUpgrade: true, revision: 3 } });
  assert.equal(r.files['parent/templates/a.yaml'], 'rel ns 3 false false true Helm parent 0.1.0 1.0 true x parent/templates/a.yaml parent/templates sub');
  assert.equal(r.files['parent/charts/sub/templates/b.yaml'], 'sub false "" parent/charts/sub/templates/b.yaml');
});

test('Helm parse order: parent defines override subchart defines; deepest first', () => {
  assert.deepEqual(sortTemplates(['a/templates/x', 'a/charts/b/templates/y', 'a/templates/_a', 'a/templates/_b']),
    ['a/charts/b/templates/y', 'a/templates/x', 'a/templates/_b', 'a/templates/_a']);
  const r = renderChartFiles(chartFrom({
    'Chart.yaml': chartYaml('p'),
    'templates/_h.tpl': '{{ define "name" }}parent{{ end }}',
    'templates/_a.tpl': '{{ define "dup" }}from _a{{ end }}',
    'templates/_b.tpl': '{{ define "dup" }}from _b{{ end }}',
    'templates/a.yaml': '{{ include "name" . }} {{ include "dup" . }}',
    'charts/s/Chart.yaml': chartYaml('s'),
    'charts/s/templates/_h.tpl': '{{ define "name" }}sub{{ end }}',
    'charts/s/templates/b.yaml': '{{ include "name" . }}',
  }));
  assert.equal(r.files['p/templates/a.yaml'], 'parent from _a');
  assert.equal(r.files['p/charts/s/templates/b.yaml'], 'parent');
});

test('tpl, include, required, fail and their errors as Helm prints them', () => {
  assert.equal(one('{{ tpl "{{ define \\"t\\" }}T{{ end }}{{ include \\"t\\" . }}-{{ .Values.x }}" . }}', { 'values.yaml': 'x: 1' }), 'T-1');
  assert.equal(one('{{ .Values.missing }}|{{ .Values.m.missing }}|', { 'values.yaml': 'm: {}' }), '||', '<no value> is removed');
  assert.throws(() => one('a: {{ required "x is required!" .Values.x }}'), { message: 'execution error at (c/templates/a.yaml:1:6): x is required!' });
  assert.throws(() => one('{{ fail "bad config" }}'), { message: 'execution error at (c/templates/a.yaml:1:3): bad config' });
  assert.equal(one('{{ required "no" .Values.zero }}', { 'values.yaml': 'zero: 0' }), '0');
  assert.throws(() => one('{{ if }}'), { message: 'parse error at (c/templates/a.yaml:1): missing value for if' });
  assert.throws(() => one('{{ .Values.a.b }}', { 'values.yaml': 'a: null' }), /nil pointer evaluating interface \{\}.b/);
  assert.throws(() => one('{{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }}'), (e: Error) => e.message.endsWith('rendering template has a nested reference name: loop: unable to execute template'));
  assert.throws(() => one('{{ .Values.nope }}', {}, { strict: true }), /map has no entry for key "nope"/);
});

test('lookup: empty map without a cluster, the callback when given', () => {
  assert.equal(one('{{ lookup "v1" "Secret" "ns" "s" | len }}'), '0');
  assert.equal(one('{{ (lookup "v1" "Secret" "ns" "s").data.k }}', {}, { lookup: (a, k, ns, n) => ({ data: { k: `${a}/${k}/${ns}/${n}` } }) }), 'v1/Secret/ns/s');
});

test('NOTES apart, subchart NOTES only on request, library charts not installable, kubeVersion', () => {
  const tree = {
    'Chart.yaml': chartYaml('c', 'kubeVersion: ">=1.19.0"\n'),
    'templates/NOTES.txt': 'root notes',
    'templates/cm.yaml': 'kind: ConfigMap',
    'charts/s/Chart.yaml': chartYaml('s'),
    'charts/s/templates/NOTES.txt': 'sub notes',
  };
  const r = renderChart(chartFrom(tree));
  assert.equal(r.notes, 'root notes');
  assert.deepEqual(r.manifests.map((m) => m.name), ['c/templates/cm.yaml']);
  assert.equal(renderChart(chartFrom(tree), { subchartNotes: true }).notes, 'sub notes\nroot notes');
  assert.throws(() => renderChart(chartFrom(tree), { capabilities: { kubeVersion: '1.18.0' } }), { message: 'chart requires kubeVersion: >=1.19.0 which is incompatible with Kubernetes v1.18.0' });
  assert.throws(() => renderChart(chartFrom({ 'Chart.yaml': chartYaml('l', 'type: library\n') })), { message: 'library charts are not installable' });
  assert.throws(() => renderChart(chartFrom({ 'Chart.yaml': chartYaml('c', 'dependencies:\n- {name: gone, version: 1.0.0}\n') })), /You may need to run `helm dependency build`.*missing in charts\/ directory: gone/);
});

test('--set integers are int64, values.yaml numbers float64 (printing and eq)', () => {
  const tree = { 'values.yaml': 'num: 1000000\n' };
  assert.equal(one('{{ .Values.num }} {{ .Values.num | int }}', tree), '1e+06 1000000');
  assert.equal(one('{{ .Values.num }} {{ eq .Values.num 1000000 }}', tree, { values: { num: 1000000n } }), '1000000 true');
  assert.equal(one('{{ .Values.yes }}|{{ index .Values "true" }}', { 'values.yaml': 'yes: on\n' }), '|true', 'YAML 1.1 booleans, keys included (go-yaml v2)');
});
