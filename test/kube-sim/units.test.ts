// Unit tests of the simulator's pure parts: selectors, patches, field sets and apply, the shell.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from './errors.js';
import { jsonPatch, mergePatch, strategicMergePatch } from './patch.js';
import { builtinResources } from './resources.js';
import { labelSelectorMatcher, matchReqs, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { parseCron } from './controllers.js';
import { configFieldSet, pathString, serverSideApply, toFieldsV1 } from './ssa.js';
import { parseScript, runProgram, runSync, type ShellCtx } from './shell.js';

const pod = builtinResources().find((t) => t.kind === 'Pod')!;
const deploy = builtinResources().find((t) => t.kind === 'Deployment')!;
const svc = builtinResources().find((t) => t.kind === 'Service')!;

describe('label selectors', () => {
  it('parses the full grammar', () => {
    const r = parseLabelSelector('owner=helm,name==app,status!=superseded,env in (a, b),tier notin (x),has,!gone');
    assert.equal(r.length, 7);
    assert.ok(matchReqs(r, { owner: 'helm', name: 'app', status: 'deployed', env: 'b', has: '' }));
    assert.ok(!matchReqs(r, { owner: 'helm', name: 'app', status: 'deployed', env: 'b', has: '', gone: '1' }));
    assert.ok(!matchReqs(r, { owner: 'helm', name: 'app', status: 'superseded', env: 'a', has: '' }));
  });
  it('rejects invalid values like the API server', () => {
    assert.throws(() => parseLabelSelector('a=b c'), (e: ApiError) => e.code === 400);
    assert.throws(() => parseLabelSelector('a=-bad'), (e: ApiError) => e.code === 400 && /unable to parse requirement/.test(e.message));
  });
  it('matches metav1.LabelSelector with expressions; a nil selector matches nothing', () => {
    const m = labelSelectorMatcher({ matchLabels: { app: 'x' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] });
    assert.ok(m({ app: 'x', tier: 'web' }));
    assert.ok(!m({ app: 'x' }));
    assert.ok(!labelSelectorMatcher(undefined)({ app: 'x' }));
    assert.ok(labelSelectorMatcher({})({ any: 'thing' }));
  });
  it('knows the supported field labels per resource', () => {
    assert.deepEqual(parseFieldSelector('status.phase!=Running,spec.nodeName=n', 'pods', true).map((r) => r.op), ['!=', '=']);
    assert.throws(() => parseFieldSelector('status.phase=Running', 'configmaps', true), /field label not supported: status.phase/);
    assert.throws(() => parseFieldSelector('metadata.namespace=x', 'namespaces', false), /field label not supported/);
  });
});

describe('patches', () => {
  it('merge patch deletes with null and replaces lists', () => {
    assert.deepEqual(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] }), { a: { c: 2, d: 3 }, l: [3] });
  });
  it('JSON patch ops and failing test', () => {
    const r = jsonPatch({ a: [1, 2], m: { 'x/y': 1 } }, [{ op: 'add', path: '/a/-', value: 3 }, { op: 'remove', path: '/m/x~1y' }, { op: 'move', from: '/a/0', path: '/first' }]);
    assert.deepEqual(r, { a: [2, 3], m: {}, first: 1 });
    assert.throws(() => jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]), (e: ApiError) => e.code === 422);
  });
  it('strategic merge patch merges containers by name, env by name, honours $patch directives', () => {
    const base = { spec: { containers: [{ name: 'a', image: '1', env: [{ name: 'X', value: '1' }] }, { name: 'b', image: '1' }], tolerations: [{ key: 't' }] } };
    const r = strategicMergePatch(pod, base, { spec: { containers: [{ name: 'a', env: [{ name: 'Y', value: '2' }] }, { name: 'b', $patch: 'delete' }], tolerations: [{ key: 'u' }] } });
    assert.deepEqual(r, { spec: { containers: [{ name: 'a', image: '1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }], tolerations: [{ key: 'u' }] } });
    const fin = strategicMergePatch(pod, { metadata: { finalizers: ['a'] } }, { metadata: { finalizers: ['b'], $deleteFromPrimitiveList: undefined } as never });
    assert.deepEqual(fin.metadata.finalizers, ['a', 'b']);
  });
});

describe('server-side apply field sets', () => {
  it('encodes FieldsV1 with list keys and item markers', () => {
    const set = configFieldSet(deploy, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', labels: { a: 'b' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }] } } } });
    assert.deepEqual(toFieldsV1(set), {
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } } } } },
    });
    assert.equal(pathString('f:spec\u0001f:template\u0001f:spec\u0001f:containers\u0001k:{"name":"c"}\u0001f:image'), '.spec.template.spec.containers[name="c"].image');
  });
  it('prunes fields a manager stops applying unless another manager owns them', () => {
    const first = serverSideApply(svc, undefined, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { a: '1', b: '2' } }, spec: { ports: [{ port: 80 }, { port: 81 }] } }, 'helm', false, 'v1', undefined);
    const live = { ...first.object, metadata: { ...first.object.metadata, managedFields: first.managedFields } };
    const second = serverSideApply(svc, live, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { a: '1' } }, spec: { ports: [{ port: 80 }] } }, 'helm', false, 'v1', undefined);
    assert.deepEqual(second.object.metadata.labels, { a: '1' });
    assert.deepEqual(second.object.spec.ports, [{ port: 80 }]);
    const conflict = () => serverSideApply(svc, live, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { a: 'other' } } }, 'kubectl', false, 'v1', undefined);
    assert.throws(conflict, (e: ApiError) => e.code === 409 && e.message === 'Apply failed with 1 conflict: conflict with "helm": .metadata.labels.a');
  });
});

describe('container shell', () => {
  const ctx = (): ShellCtx & { lines: string[] } => {
    const lines: string[] = [];
    return { env: new Map([['NAME', 'world']]), files: new Map(), out: (l) => lines.push(l), listening: false, trapsTerm: false, lines };
  };
  const run = (argv: string[]) => {
    const c = ctx();
    const g = runProgram(argv, c);
    const sleeps: number[] = [];
    let r = g.next();
    while (!r.done) {
      sleeps.push(r.value.sleep);
      if (r.value.sleep === Infinity) return { c, sleeps, code: undefined };
      r = g.next();
    }
    return { c, sleeps, code: r.value };
  };
  it('runs echo, sleep, loops, conditionals and exit codes', () => {
    const r = run(['sh', '-c', 'echo "hello $NAME"; for i in 1 2; do echo n=$i; sleep 2; done; if [ -f /tmp/x ]; then exit 9; else echo no file; fi; false || exit 4']);
    assert.deepEqual(r.c.lines, ['hello world', 'n=1', 'n=2', 'no file']);
    assert.deepEqual(r.sleeps, [2, 2]);
    assert.equal(r.code, 4);
  });
  it('treats unknown programs as servers and sleep infinity as forever', () => {
    assert.equal(run(['/usr/bin/my-server', '--port', '8080']).c.listening, true);
    assert.deepEqual(run(['sleep', 'infinity']).sleeps, [Infinity]);
    assert.equal(run(['sh', '-c', 'exit 3']).code, 3);
    assert.equal(run(['sh', '-c', 'echo a && false && echo b']).code, 1);
  });
  it('runs probes synchronously against the container files', () => {
    const c = ctx();
    assert.equal(runSync(['cat', '/tmp/ready'], c).code, 1);
    c.files.set('/tmp/ready', 'ok\n');
    assert.deepEqual(runSync(['cat', '/tmp/ready'], c), { code: 0, output: ['ok'] });
    assert.equal(runSync(['sh', '-c', 'sleep infinity'], c).code, -1);
    assert.ok(parseScript('while true; do echo x; sleep 1; done'));
  });
});

describe('cron schedules', () => {
  it('parses the 5-field syntax and macros', () => {
    const every15 = parseCron('*/15 9-17 * * 1-5')!;
    assert.ok(every15(new Date('2026-11-27T09:45:00Z')));
    assert.ok(!every15(new Date('2026-11-27T09:50:00Z')));
    assert.ok(!every15(new Date('2026-11-29T09:45:00Z')), 'Sunday');
    assert.ok(parseCron('@hourly')!(new Date('2026-01-01T05:00:00Z')));
    assert.equal(parseCron('61 * * * *'), undefined);
    assert.equal(parseCron('* * *'), undefined);
  });
});
