import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { loadChart, loadArchive } from './loader.js';
import { IgnoreRules, goMatch } from './ignore.js';
import { writeTar } from './tar.js';
import { chartFrom, chartYaml, tempDir, tgz, writeTree } from './testutil.js';
import { satisfies } from './semver.js';

test('classifies files as Helm does', () => {
  const c = chartFrom({
    'Chart.yaml': chartYaml('app'),
    'values.yaml': 'a: 1\nb: yes\nc: 2001-01-01\n',
    'values.schema.json': '{}',
    'templates/deploy.yaml': 'x',
    'templates/NOTES.txt': 'n',
    'crds/crd.yaml': 'c',
    'README.md': 'r',
    'charts/sub/Chart.yaml': chartYaml('sub'),
    'charts/sub/templates/a.yaml': 'a',
    'charts/_skipped/Chart.yaml': chartYaml('skipped'),
  });
  assert.equal(c.metadata.name, 'app');
  assert.deepEqual(c.values, { a: 1, b: true, c: '2001-01-01' });
  assert.deepEqual(c.templates.map((t) => t.name), ['templates/deploy.yaml', 'templates/NOTES.txt']);
  assert.deepEqual(c.files.map((f) => f.name), ['crds/crd.yaml', 'README.md']);
  assert.equal(c.dependencies.length, 1);
  assert.equal(c.dependencies[0]!.metadata.name, 'sub');
  assert.equal(c.dependencies[0]!.parent, c);
  assert.ok(c.schema);
});

test('v1 charts: apiVersion defaults to v1, requirements.yaml holds dependencies', () => {
  const c = chartFrom({
    'Chart.yaml': 'name: old\nversion: 1.0.0\n',
    'requirements.yaml': 'dependencies:\n- name: sub\n  version: ~1.0\n  alias: other\n',
    'charts/sub/Chart.yaml': 'name: sub\nversion: 1.0.3\n',
  });
  assert.equal(c.metadata.apiVersion, 'v1');
  assert.deepEqual(c.metadata.dependencies, [{ name: 'sub', version: '~1.0', alias: 'other' }]);
  assert.deepEqual(c.files.map((f) => f.name), ['requirements.yaml']);
});

test('validation errors use Helm wording', () => {
  assert.throws(() => chartFrom({ 'values.yaml': '' }), /Chart.yaml file is missing/);
  assert.throws(() => chartFrom({ 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' }), /validation: chart.metadata.name is required/);
  assert.throws(() => chartFrom({ 'Chart.yaml': 'apiVersion: v2\nname: a\nversion: one\n' }), /validation: chart.metadata.version "one" is invalid/);
  assert.throws(() => chartFrom({ 'Chart.yaml': 'apiVersion: v2\nname: a\nversion: 1.0.0\ntype: foo\n' }), /must be application or library/);
  assert.throws(() => chartFrom({ 'Chart.yaml': 'apiVersion: v2\nname: a\nversion: "1.0"\nappVersion: 1.0\n' }), /cannot unmarshal number into Go struct field Metadata.appVersion of type string/);
  assert.throws(() => chartFrom({ 'Chart.yaml': chartYaml('a', 'dependencies:\n- name: x\n  alias: "a.b"\n') }), /dependency "x" has disallowed characters in the alias/);
  assert.throws(() => chartFrom({ 'Chart.yaml': chartYaml('a', 'dependencies:\n- name: yes\n') }), /cannot unmarshal bool into Go struct field Metadata.dependencies.name of type string/);
  assert.throws(() => chartFrom({ 'Chart.yaml': chartYaml('a'), 'values.yaml': 'a: [\n' }), /cannot load values.yaml: error converting YAML to JSON: yaml: line/);
});

test('directory loading applies .helmignore and the templates/.?* default', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, {
      'Chart.yaml': chartYaml('app'),
      '.helmignore': '# comment\n*.bak\n/docs/\nsecret/*.txt\n',
      'templates/a.yaml': 'a', 'templates/.hidden.yaml': 'h', 'templates/a.yaml.bak': 'b',
      'docs/x.md': 'x', 'secret/a.txt': 's', 'secret/b.yaml': 's', 'values.yaml': '\ufeffk: v\n',
    });
    const c = loadChart(dir);
    assert.deepEqual(c.templates.map((t) => t.name), ['templates/a.yaml']);
    assert.deepEqual(c.files.map((f) => f.name).sort(), ['.helmignore', 'secret/b.yaml']);
    assert.deepEqual(c.values, { k: 'v' }, 'BOM stripped');
  } finally { cleanup(); }
});

test('.helmignore rules: anchors, dirs, negation quirk, ** rejected', () => {
  const r = IgnoreRules.parse('foo/\n/bar.txt\n');
  assert.equal(r.ignore('foo', true), true);
  assert.equal(r.ignore('foo', false), false);
  assert.equal(r.ignore('bar.txt', false), true);
  assert.equal(r.ignore('x/bar.txt', false), false);
  const n = IgnoreRules.parse('!keep.txt\n');
  assert.equal(n.ignore('other.txt', false), true, 'Helm: a negated rule ignores what it does not match');
  assert.equal(n.ignore('keep.txt', false), false);
  assert.throws(() => IgnoreRules.parse('a/**/b'), /double-star/);
  assert.equal(goMatch('*.y?ml', 'a.yaml'), true);
  assert.equal(goMatch('*', 'a/b'), false);
  assert.equal(goMatch('[a-c]x', 'bx'), true);
  assert.equal(goMatch('[^a-c]x', 'bx'), false);
  assert.equal(goMatch('a\\*', 'a*'), true);
  assert.throws(() => goMatch('[a', 'a'));
});

test('archives: first path element stripped, subchart archives, escapes rejected', () => {
  const sub = tgz({ 'Chart.yaml': chartYaml('sub'), 'templates/s.yaml': 's' }, 'sub');
  const c = loadArchive(tgz({ 'Chart.yaml': chartYaml('app'), 'templates/a.yaml': 'a', 'charts/sub-0.1.0.tgz': sub }), 'app.tgz');
  assert.equal(c.metadata.name, 'app');
  assert.deepEqual(c.templates.map((t) => t.name), ['templates/a.yaml']);
  assert.equal(c.dependencies[0]!.metadata.name, 'sub');
  assert.deepEqual(c.dependencies[0]!.templates.map((t) => t.name), ['templates/s.yaml']);

  const evil = gzipSync(writeTar([{ name: 'app/Chart.yaml', data: chartYaml('app') }, { name: 'app/../../etc/passwd', data: 'x' }]));
  assert.throws(() => loadArchive(evil), /chart illegally references parent directory/);
  const abs = gzipSync(writeTar([{ name: 'app//etc/passwd', data: 'x' }]));
  assert.throws(() => loadArchive(abs), /absolute paths/);
  const topChart = gzipSync(writeTar([{ name: 'Chart.yaml', data: chartYaml('app') }]));
  assert.throws(() => loadArchive(topChart), /chart yaml not in base directory|outside the base directory/);
  assert.throws(() => loadArchive(Buffer.from('not gzip'), 'x.tgz'), /does not appear to be a valid chart file/);
  assert.throws(() => loadArchive(gzipSync(Buffer.alloc(1024))), /no files in chart archive/);
  const longName = 'app/templates/' + 'x'.repeat(120) + '.yaml';
  const lc = loadArchive(gzipSync(writeTar([{ name: 'app/Chart.yaml', data: chartYaml('app') }, { name: longName, data: 'l' }])));
  assert.equal(lc.templates[0]!.name, longName.slice(4));
});

test('loadChart on a missing path or a non-chart', () => {
  assert.throws(() => loadChart('/nonexistent/chart'), /not found/);
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'README.md': 'x' });
    assert.throws(() => loadChart(dir), /Chart.yaml file is missing/);
  } finally { cleanup(); }
});

test('semver constraints (Masterminds)', () => {
  assert.ok(satisfies('1.2.3', '~1.2'));
  assert.ok(!satisfies('1.3.0', '~1.2'));
  assert.ok(satisfies('1.9.0', '^1.2'));
  assert.ok(!satisfies('2.0.0', '^1.2'));
  assert.ok(satisfies('v1.20.0', '>=1.16.0-0'));
  assert.ok(!satisfies('v1.20.0', '<1.19'));
  assert.ok(satisfies('1.5.0', '1.x'));
  assert.ok(satisfies('1.5.0', '>=1.0 <2.0'));
  assert.ok(satisfies('1.5.0', '1.0 - 1.6'));
  assert.ok(satisfies('3.0.0', '^1 || ^3'));
  assert.ok(!satisfies('1.2.0-beta', '>=1.0.0'));
  assert.ok(satisfies('1.2.0-beta', '>=1.0.0-0'));
});
