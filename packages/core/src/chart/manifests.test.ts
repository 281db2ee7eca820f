import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitManifests, sortManifests, helmTemplateOutput, manifestText, readHead } from './manifests.js';

test('splitManifests: Helm regex, trimming, empty documents dropped', () => {
  assert.deepEqual(splitManifests('\n\n  a: 1\n---\nb: 2\n---   \n\n---\n  c: 3  \n'), ['a: 1', 'b: 2', '---\n  c: 3'], 'a separator swallowed by the previous one is not one (as in Go)');
  assert.deepEqual(splitManifests('---\na: 1\n--- # c\nb: 2'), ['a: 1', '# c\nb: 2']);
  assert.deepEqual(splitManifests('a: "---"\nb: x---y'), ['a: "---"\nb: x---y']);
});

test('sortManifests: file order, kind order, unknown kinds last alphabetically, hooks apart', () => {
  const files = {
    'c/templates/svc.yaml': 'kind: Service\nmetadata: {name: s}\n---\nkind: Deployment\nmetadata: {name: d}',
    'c/templates/b.yaml': 'kind: Zeta\nmetadata: {name: z}\n---\nkind: Alpha\n---\n# only a comment',
    'c/charts/sub/templates/ns.yaml': 'kind: Namespace\nmetadata: {name: ns1}\n---\nkind: Service\nmetadata: {name: sub}',
    'c/templates/_helpers.tpl': 'kind: Secret',
    'c/templates/empty.yaml': '  \n',
    'c/templates/hook.yaml': [
      'kind: Job\nmetadata:\n  name: j\n  annotations: {"helm.sh/hook": "post-install, Pre-Upgrade", "helm.sh/hook-weight": "-5", "helm.sh/hook-delete-policy": "hook-succeeded,before-hook-creation"}',
      'kind: ConfigMap\nmetadata:\n  name: old\n  annotations: {"helm.sh/hook": crd-install}',
      'kind: Pod\nmetadata:\n  name: t\n  annotations: {"helm.sh/hook": test-success}',
      'kind: ConfigMap\nmetadata:\n  name: plain\n  annotations: {other: x}',
    ].join('\n---\n'),
  };
  const r = sortManifests(files);
  assert.deepEqual(r.manifests.map((m) => `${m.head.kind}/${m.head.name}@${m.name}`), [
    'Namespace/ns1@c/charts/sub/templates/ns.yaml',
    'ConfigMap/plain@c/templates/hook.yaml',
    'Service/sub@c/charts/sub/templates/ns.yaml',
    'Service/s@c/templates/svc.yaml',
    'Deployment/d@c/templates/svc.yaml',
    '/@c/templates/b.yaml',
    'Alpha/@c/templates/b.yaml',
    'Zeta/z@c/templates/b.yaml',
  ]);
  assert.deepEqual(r.hooks.map((h) => [h.kind, h.name, h.events, h.weight, h.deletePolicies]), [
    ['Pod', 't', ['test'], 0, []],
    ['Job', 'j', ['post-install', 'pre-upgrade'], -5, ['hook-succeeded', 'before-hook-creation']],
  ]);
  assert.deepEqual(r.skippedHooks, ['crd-install']);
});

test('YAML errors are reported as Helm reports them', () => {
  assert.throws(() => sortManifests({ 'c/templates/a.yaml': 'kind: A\n  bad: [' }), /^WerfActionError: YAML parse error on c\/templates\/a.yaml: error converting YAML to JSON: yaml: line \d+/);
  assert.throws(() => readHead('metadata:\n  annotations:\n    a: 1\n'), { message: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field .metadata.annotations of type string' });
  assert.throws(() => readHead('kind: 5'), { message: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field SimpleHead.kind of type string' });
  assert.throws(() => readHead('- a\n- b'), /cannot unmarshal array into Go value of type releaseutil.SimpleHead/);
});

test('helm template output: manifests trimmed, hooks appended, skip-tests, show-only, crds', () => {
  const r = sortManifests({
    'c/templates/a.yaml': 'kind: ConfigMap\nmetadata: {name: a}',
    'c/templates/t.yaml': 'kind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}',
  });
  const text = manifestText(r.manifests, [{ filename: 'c/crds/crd.yaml', data: Buffer.from('kind: CustomResourceDefinition\n') }]);
  const out = helmTemplateOutput(text, r.hooks);
  assert.equal(out, '---\n# Source: c/crds/crd.yaml\nkind: CustomResourceDefinition\n\n---\n# Source: c/templates/a.yaml\nkind: ConfigMap\nmetadata: {name: a}\n---\n# Source: c/templates/t.yaml\nkind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}\n');
  assert.equal(helmTemplateOutput(manifestText(r.manifests), r.hooks, { skipTests: true }), '---\n# Source: c/templates/a.yaml\nkind: ConfigMap\nmetadata: {name: a}\n');
  assert.equal(helmTemplateOutput(manifestText(r.manifests), r.hooks, { showOnly: ['templates/t.yaml'] }), '---\n# Source: c/templates/t.yaml\nkind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}\n');
  assert.throws(() => helmTemplateOutput(manifestText(r.manifests), r.hooks, { showOnly: ['templates/none.yaml'] }), /could not find template templates\/none.yaml in chart/);
  assert.equal(helmTemplateOutput('', []), '\n');
});
