// Conformance of the API surface through the real @kubernetes/client-node: discovery, CRUD,
// Status errors, selectors, paging, watch, server-side apply, patches, dry-run, deletion
// semantics, CRDs, auth and fault injection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import './node20.js';
import * as k8s from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from './index.js';

let sim: KubeSim;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
let objs: k8s.KubernetesObjectApi;

function apiErr(e: unknown): { code: number; body: any } {
  assert.ok(e instanceof k8s.ApiException, `expected ApiException, got ${e}`);
  const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
  return { code: e.code, body };
}

async function rejects(p: Promise<unknown>): Promise<{ code: number; body: any }> {
  try {
    await p;
  } catch (e) {
    return apiErr(e);
  }
  assert.fail('expected the request to fail');
}

before(async () => {
  sim = await startKubeSim({ speed: 50, imagePolicy: 'assume-present' });
  kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  core = kc.makeApiClient(k8s.CoreV1Api);
  objs = k8s.KubernetesObjectApi.makeApiClient(kc);
});

after(async () => {
  await sim.stop();
});

describe('discovery', () => {
  it('serves /version, /api, /apis and resource lists', async () => {
    const v = await kc.makeApiClient(k8s.VersionApi).getCode();
    assert.equal(v.gitVersion, 'v1.32.4');
    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    const names = groups.groups.map((g) => g.name);
    for (const g of ['apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'coordination.k8s.io', 'apiextensions.k8s.io']) assert.ok(names.includes(g), g);
    const res = await core.getAPIResources();
    const pods = res.resources.find((r) => r.name === 'pods')!;
    assert.equal(pods.namespaced, true);
    assert.deepEqual(pods.shortNames, ['po']);
    assert.ok(res.resources.some((r) => r.name === 'pods/log'));
    assert.ok(res.resources.some((r) => r.name === 'pods/status'));
  });

  it('answers unknown paths and methods like the API server', async () => {
    const kcUser = (await import('yaml')).parse(sim.kubeconfig).users[0].user;
    const https = await import('node:https');
    const req = (method: string, path: string) => new Promise<{ code: number; body: string }>((resolve, reject) => {
      const r = https.request(`${sim.url}${path}`, { method, ca: sim.caCert, cert: Buffer.from(kcUser['client-certificate-data'], 'base64'), key: Buffer.from(kcUser['client-key-data'], 'base64') }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolve({ code: res.statusCode!, body }));
      });
      r.on('error', reject);
      r.end();
    });
    assert.deepEqual(await req('GET', '/apis/nope.example.com/v1/things'), { code: 404, body: '404 page not found\n' });
    const unknownRes = await req('GET', '/api/v1/namespaces/default/widgets');
    assert.equal(unknownRes.code, 404);
    assert.equal(JSON.parse(unknownRes.body).message, 'the server could not find the requested resource');
    const put = await req('PUT', '/api/v1/namespaces/default/configmaps');
    assert.equal(put.code, 405);
    assert.equal(JSON.parse(put.body).reason, 'MethodNotAllowed');
    assert.equal((await req('GET', '/version')).code, 200);
  });
});

describe('CRUD and Status errors', () => {
  it('creates with defaults, rejects duplicates, 404s with the server message', async () => {
    const cm = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'c1', labels: { a: '1' } }, data: { k: 'v' } } });
    assert.equal(cm.metadata?.name, 'c1');
    assert.match(cm.metadata!.uid!, /^[0-9a-f-]{36}$/);
    assert.ok(Number(cm.metadata!.resourceVersion) > 0);
    assert.equal(cm.metadata?.managedFields?.[0]?.operation, 'Update');
    const dup = await rejects(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'c1' } } }));
    assert.equal(dup.code, 409);
    assert.equal(dup.body.reason, 'AlreadyExists');
    assert.equal(dup.body.message, 'configmaps "c1" already exists');
    const nf = await rejects(core.readNamespacedConfigMap({ name: 'nope', namespace: 'default' }));
    assert.deepEqual(nf.body, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'configmaps "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'configmaps' }, code: 404 });
    const nfg = await rejects(kc.makeApiClient(k8s.AppsV1Api).readNamespacedDeployment({ name: 'x', namespace: 'default' }));
    assert.equal(nfg.body.message, 'deployments.apps "x" not found');
    assert.equal(nfg.body.details.group, 'apps');
  });

  it('generateName, namespace existence and validation errors with causes', async () => {
    const g = await core.createNamespacedSecret({ namespace: 'default', body: { metadata: { generateName: 'gen-' }, stringData: { a: 'b' } } });
    assert.match(g.metadata!.name!, /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(g.type, 'Opaque');
    assert.equal(g.data?.a, Buffer.from('b').toString('base64'));
    const ns = await rejects(core.createNamespacedConfigMap({ namespace: 'missing', body: { metadata: { name: 'x' } } }));
    assert.equal(ns.code, 404);
    assert.equal(ns.body.message, 'namespaces "missing" not found');
    const inv = await rejects(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'Bad_Name' } } }));
    assert.equal(inv.code, 422);
    assert.equal(inv.body.reason, 'Invalid');
    assert.match(inv.body.message, /^ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    assert.equal(inv.body.details.causes[0].field, 'metadata.name');
    const pod = await rejects(core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' } as k8s.V1Container] } } }));
    assert.equal(pod.body.message, 'Pod "p" is invalid: spec.containers[0].image: Required value');
  });

  it('limits Secret data to 1 MiB like the API server', async () => {
    const big = Buffer.alloc(1048577, 1).toString('base64');
    const e = await rejects(core.createNamespacedSecret({ namespace: 'default', body: { metadata: { name: 'big' }, data: { a: big } } }));
    assert.equal(e.code, 422);
    assert.equal(e.body.message, 'Secret "big" is invalid: data: Too long: must have at most 1048576 bytes');
  });

  it('update conflicts on a stale resourceVersion and keeps the RV on a no-op update', async () => {
    const cm = await core.readNamespacedConfigMap({ name: 'c1', namespace: 'default' });
    const upd = await core.replaceNamespacedConfigMap({ name: 'c1', namespace: 'default', body: { ...cm, data: { k: 'v2' } } });
    assert.notEqual(upd.metadata!.resourceVersion, cm.metadata!.resourceVersion);
    const stale = await rejects(core.replaceNamespacedConfigMap({ name: 'c1', namespace: 'default', body: { ...cm, data: { k: 'v3' } } }));
    assert.equal(stale.code, 409);
    assert.equal(stale.body.message, 'Operation cannot be fulfilled on configmaps "c1": the object has been modified; please apply your changes to the latest version and try again');
    const same = await core.replaceNamespacedConfigMap({ name: 'c1', namespace: 'default', body: upd });
    assert.equal(same.metadata!.resourceVersion, upd.metadata!.resourceVersion);
  });

  it('enforces immutable fields', async () => {
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    await batch.createNamespacedJob({ namespace: 'default', body: { metadata: { name: 'imm' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] } } } } });
    const j = await batch.readNamespacedJob({ name: 'imm', namespace: 'default' });
    assert.equal(j.spec?.selector?.matchLabels?.['batch.kubernetes.io/controller-uid'], j.metadata?.uid);
    j.spec!.template.spec!.containers[0]!.image = 'busybox:2';
    const e = await rejects(batch.replaceNamespacedJob({ name: 'imm', namespace: 'default', body: j }));
    assert.equal(e.code, 422);
    assert.match(e.body.message, /^Job\.batch "imm" is invalid: spec\.template: Invalid value: .*: field is immutable$/);
    const cm = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'frozen' }, data: { a: '1' }, immutable: true } });
    const e2 = await rejects(core.replaceNamespacedConfigMap({ name: 'frozen', namespace: 'default', body: { ...cm, data: { a: '2' } } }));
    assert.equal(e2.body.message, 'ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    await batch.deleteNamespacedJob({ name: 'imm', namespace: 'default', propagationPolicy: 'Background' });
  });
});

describe('list', () => {
  it('selects Helm release secrets by labels, supports field selectors and paging', async () => {
    await core.createNamespace({ body: { metadata: { name: 'rel' } } });
    for (const v of [1, 2, 3]) {
      await core.createNamespacedSecret({ namespace: 'rel', body: { metadata: { name: `sh.helm.release.v1.app.v${v}`, labels: { owner: 'helm', name: 'app', status: v === 3 ? 'deployed' : 'superseded', version: String(v) } }, type: 'helm.sh/release.v1', data: { release: Buffer.from('x').toString('base64') } } });
    }
    await core.createNamespacedSecret({ namespace: 'rel', body: { metadata: { name: 'other', labels: { owner: 'someone' } } } });
    const all = await core.listNamespacedSecret({ namespace: 'rel', labelSelector: 'owner=helm,name=app' });
    assert.deepEqual(all.items.map((s) => s.metadata!.name), ['sh.helm.release.v1.app.v1', 'sh.helm.release.v1.app.v2', 'sh.helm.release.v1.app.v3']);
    const deployed = await core.listNamespacedSecret({ namespace: 'rel', labelSelector: 'owner=helm,status in (deployed,failed)' });
    assert.deepEqual(deployed.items.map((s) => s.metadata!.labels!.version), ['3']);
    const notHelm = await core.listNamespacedSecret({ namespace: 'rel', labelSelector: 'owner!=helm' });
    assert.deepEqual(notHelm.items.map((s) => s.metadata!.name), ['other']);
    const byType = await core.listNamespacedSecret({ namespace: 'rel', fieldSelector: 'type=helm.sh/release.v1' });
    assert.equal(byType.items.length, 3);
    const bad = await rejects(core.listNamespacedSecret({ namespace: 'rel', fieldSelector: 'spec.foo=bar' }));
    assert.equal(bad.code, 400);
    assert.equal(bad.body.message, 'field label not supported: spec.foo');
    const p1 = await core.listNamespacedSecret({ namespace: 'rel', limit: 2 });
    assert.equal(p1.items.length, 2);
    assert.equal(p1.metadata?.remainingItemCount, 2);
    const p2 = await core.listNamespacedSecret({ namespace: 'rel', limit: 2, _continue: p1.metadata!._continue });
    assert.deepEqual([...p1.items, ...p2.items].map((s) => s.metadata!.name), ['other', 'sh.helm.release.v1.app.v1', 'sh.helm.release.v1.app.v2', 'sh.helm.release.v1.app.v3'], 'etcd key order');
    assert.equal(p2.metadata?._continue, undefined);
  });
});

describe('watch', () => {
  it('streams from a resourceVersion, filters by label, sends bookmarks, and 410s expired versions', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    const rv = list.metadata!.resourceVersion!;
    const seen: string[] = [];
    let bookmark = false;
    const w = new k8s.Watch(kc);
    const ctl = await w.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: rv, labelSelector: 'w=1', allowWatchBookmarks: true }, (type, obj) => {
      if (type === 'BOOKMARK') bookmark = true;
      else seen.push(`${type} ${obj.metadata.name}`);
    }, () => undefined);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w1', labels: { w: '1' } } } });
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w2' } } });
    await core.patchNamespacedConfigMap({ name: 'w2', namespace: 'default', body: { metadata: { labels: { w: '1' } } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await core.patchNamespacedConfigMap({ name: 'w1', namespace: 'default', body: { metadata: { labels: { w: '2' } } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await core.deleteNamespacedConfigMap({ name: 'w2', namespace: 'default' });
    await sim.waitFor(() => seen.length >= 4 && bookmark, 5000);
    ctl.abort();
    assert.deepEqual(seen, ['ADDED w1', 'ADDED w2', 'DELETED w1', 'DELETED w2']);
    sim.faults.compactHistory();
    let err: any;
    const ctl2 = await w.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: rv }, (type, obj) => { if (type === 'ERROR') err = obj; }, () => undefined);
    await sim.waitFor(() => err, 3000);
    ctl2.abort();
    assert.equal(err.code, 410);
    assert.equal(err.reason, 'Expired');
    assert.match(err.message, /^too old resource version: \d+ \(\d+\)$/);
  });
});

describe('server-side apply', () => {
  const cm = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa', namespace: 'default' }, data });
  it('creates, tracks managedFields, reports conflicts like the API server and forces', async () => {
    const created: k8s.V1ConfigMap = await objs.patch(cm({ a: '1', b: '2' }), undefined, undefined, 'helm', true, k8s.PatchStrategy.ServerSideApply);
    const mf = created.metadata!.managedFields!;
    assert.equal(mf.length, 1);
    assert.deepEqual({ m: mf[0]!.manager, o: mf[0]!.operation, f: mf[0]!.fieldsV1 }, { m: 'helm', o: 'Apply', f: { 'f:data': { 'f:a': {}, 'f:b': {} } } });
    const again: k8s.V1ConfigMap = await objs.patch(cm({ a: '1', b: '2' }), undefined, undefined, 'helm', true, k8s.PatchStrategy.ServerSideApply);
    assert.equal(again.metadata!.resourceVersion, created.metadata!.resourceVersion, 'a no-op apply must not bump the resourceVersion');
    // another manager updates a field helm owns
    const cur = await core.readNamespacedConfigMap({ name: 'ssa', namespace: 'default' });
    await core.replaceNamespacedConfigMap({ name: 'ssa', namespace: 'default', body: { ...cur, data: { ...cur.data, a: 'edited' } } }, k8s.setHeaderOptions('User-Agent', 'kubectl-edit/v1.32.4 (linux/amd64)'));
    const e = await rejects(objs.patch(cm({ a: '1', b: '2' }), undefined, undefined, 'other', false, k8s.PatchStrategy.ServerSideApply));
    assert.equal(e.code, 409);
    assert.equal(e.body.reason, 'Conflict');
    assert.equal(e.body.message, 'Apply failed with 1 conflict: conflict with "kubectl-edit" using v1: .data.a');
    assert.deepEqual(e.body.details.causes, [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-edit" using v1', field: '.data.a' }]);
    const dry: k8s.V1ConfigMap = await objs.patch(cm({ a: '1' }), undefined, 'All', 'helm', true, k8s.PatchStrategy.ServerSideApply);
    assert.equal(dry.data?.a, '1');
    assert.equal((await core.readNamespacedConfigMap({ name: 'ssa', namespace: 'default' })).data?.a, 'edited', 'dry run must not persist');
    // force takes ownership; dropping b from the applied config removes it
    const forced: k8s.V1ConfigMap = await objs.patch(cm({ a: '1' }), undefined, undefined, 'helm', true, k8s.PatchStrategy.ServerSideApply);
    assert.deepEqual(forced.data, { a: '1' });
    const managers = forced.metadata!.managedFields!.map((m) => m.manager);
    assert.deepEqual(managers, ['helm']);
  });

  it('re-applying unchanged manifests is a no-op after defaulting and controllers', async () => {
    const manifests: k8s.KubernetesObject[] = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'noop', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'noop' } }, template: { metadata: { labels: { app: 'noop' } }, spec: { containers: [{ name: 'c', image: 'x:1', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] }] } } } } as k8s.KubernetesObject,
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'noop', namespace: 'default' }, spec: { selector: { app: 'noop' }, ports: [{ port: 80, targetPort: 8080 }] } } as k8s.KubernetesObject,
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'noop', namespace: 'default' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1', command: ['sleep', 'infinity'] }] } } } } as k8s.KubernetesObject,
    ];
    for (const m of manifests) await objs.patch(m, undefined, undefined, 'helm', true, k8s.PatchStrategy.ServerSideApply);
    await sim.waitFor(() => sim.state.get('apps/v1', 'Deployment', 'default', 'noop')?.status?.availableReplicas === 1, 5000);
    await sim.waitFor(() => sim.state.get('batch/v1', 'Job', 'default', 'noop')?.status?.ready === 1, 5000);
    await new Promise((r) => setTimeout(r, 100));
    for (const m of manifests) {
      const before = sim.state.get(m.apiVersion!, m.kind!, 'default', 'noop')!;
      const after: k8s.KubernetesObject = await objs.patch(m, undefined, undefined, 'helm', true, k8s.PatchStrategy.ServerSideApply);
      assert.equal(after.metadata!.resourceVersion, before.metadata.resourceVersion, `${m.kind} changed on re-apply`);
    }
  });

  it('merges containers by name and applies strategic merge / JSON patches', async () => {
    const dep = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ssa-d', namespace: 'default' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'a', image: 'img:1' }, { name: 'b', image: 'img:1' }] } } },
    };
    await objs.patch(dep, undefined, undefined, 'helm', true, k8s.PatchStrategy.ServerSideApply);
    const smp = await objs.patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ssa-d', namespace: 'default' }, spec: { template: { spec: { containers: [{ name: 'b', image: 'img:2' }] } } } } as k8s.KubernetesObject, undefined, undefined, 'test', undefined, k8s.PatchStrategy.StrategicMergePatch) as k8s.V1Deployment;
    assert.deepEqual(smp.spec!.template.spec!.containers.map((c) => `${c.name}=${c.image}`), ['a=img:1', 'b=img:2']);
    assert.equal(smp.spec!.template.spec!.containers[0]!.imagePullPolicy, 'IfNotPresent');
    assert.equal(smp.metadata!.generation, 2);
    const merge = await objs.patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ssa-d', namespace: 'default' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'img:3' }] } } } } as k8s.KubernetesObject, undefined, undefined, 'test', undefined, k8s.PatchStrategy.MergePatch) as k8s.V1Deployment;
    assert.deepEqual(merge.spec!.template.spec!.containers.map((c) => c.name), ['c'], 'a merge patch replaces lists');
    const jp = await core.patchNamespacedConfigMap({ name: 'ssa', namespace: 'default', body: [{ op: 'add', path: '/data/z', value: 'zz' }, { op: 'test', path: '/data/a', value: '1' }] }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch));
    assert.equal(jp.data?.z, 'zz');
    const jpFail = await rejects(core.patchNamespacedConfigMap({ name: 'ssa', namespace: 'default', body: [{ op: 'test', path: '/data/a', value: 'no' }] }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch)));
    assert.equal(jpFail.code, 422);
    const sel = await rejects(objs.patch({ ...dep, spec: { ...dep.spec, selector: { matchLabels: { app: 'other' } }, template: { ...dep.spec.template, metadata: { labels: { app: 'other' } } } } }, undefined, undefined, 'helm', true, k8s.PatchStrategy.ServerSideApply));
    assert.equal(sel.code, 422);
    assert.match(sel.body.message, /^Deployment\.apps "ssa-d" is invalid: spec\.selector: Invalid value: .*: field is immutable$/);
  });
});

describe('deletion', () => {
  it('honours finalizers, foreground propagation and namespace cascading', async () => {
    await core.createNamespace({ body: { metadata: { name: 'gone' } } });
    await core.createNamespacedConfigMap({ namespace: 'gone', body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    await core.deleteNamespacedConfigMap({ name: 'held', namespace: 'gone' });
    const held = await core.readNamespacedConfigMap({ name: 'held', namespace: 'gone' });
    assert.ok(held.metadata?.deletionTimestamp);
    await core.deleteNamespace({ name: 'gone' });
    assert.equal((await core.readNamespace({ name: 'gone' })).status?.phase, 'Terminating');
    const refused = await rejects(core.createNamespacedConfigMap({ namespace: 'gone', body: { metadata: { name: 'late' } } }));
    assert.equal(refused.code, 403);
    assert.equal(refused.body.message, 'configmaps "late" is forbidden: unable to create new content in namespace gone because it is being terminated');
    await core.patchNamespacedConfigMap({ name: 'held', namespace: 'gone', body: { metadata: { finalizers: null } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await sim.waitFor(() => !sim.state.get('v1', 'Namespace', undefined, 'gone'), 5000);
    const nf = await rejects(core.readNamespace({ name: 'gone' }));
    assert.equal(nf.code, 404);
  });

  it('deletes dependents in the foreground and orphans on request', async () => {
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const body = (name: string): k8s.V1Deployment => ({ metadata: { name }, spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', 'infinity'] }] } } } });
    await apps.createNamespacedDeployment({ namespace: 'default', body: body('fg') });
    await apps.createNamespacedDeployment({ namespace: 'default', body: body('orph') });
    await sim.waitFor(() => sim.state.list('apps/v1', 'ReplicaSet', 'default').filter((r) => r.metadata.name.startsWith('orph-') || r.metadata.name.startsWith('fg-')).length === 2);
    await apps.deleteNamespacedDeployment({ name: 'fg', namespace: 'default', propagationPolicy: 'Foreground' });
    const marked = await apps.readNamespacedDeployment({ name: 'fg', namespace: 'default' });
    assert.deepEqual(marked.metadata?.finalizers, ['foregroundDeletion']);
    await sim.waitFor(() => !sim.state.get('apps/v1', 'Deployment', 'default', 'fg'), 8000);
    assert.equal(sim.state.list('v1', 'Pod', 'default').filter((p) => p.metadata.name.startsWith('fg-')).length, 0, 'pods are gone before the owner');
    await apps.deleteNamespacedDeployment({ name: 'orph', namespace: 'default', propagationPolicy: 'Orphan' });
    await sim.waitFor(() => !sim.state.get('apps/v1', 'Deployment', 'default', 'orph'), 5000);
    const rs = sim.state.list('apps/v1', 'ReplicaSet', 'default').find((r) => r.metadata.name.startsWith('orph-'));
    assert.ok(rs, 'the replica set survives');
    assert.equal(rs.metadata.ownerReferences, undefined);
  });
});

describe('Job deletion', () => {
  it('orphans pods by default with the API server warning, and removes them with Background', async () => {
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    const job = (name: string): k8s.V1Job => ({ metadata: { name }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sleep', 'infinity'] }] } } } });
    await batch.createNamespacedJob({ namespace: 'default', body: job('keep') });
    await batch.createNamespacedJob({ namespace: 'default', body: job('drop') });
    const running = (n: string) => sim.state.list('v1', 'Pod', 'default').find((p) => p.metadata.labels?.['job-name'] === n && p.status?.phase === 'Running');
    await sim.waitFor(() => running('keep') && running('drop'), 8000);
    const res = await batch.deleteNamespacedJobWithHttpInfo({ name: 'keep', namespace: 'default' });
    assert.match(String(res.headers.warning), /child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning/);
    await sim.waitFor(() => { const p = running('keep'); return p && !p.metadata.ownerReferences && !(p.metadata.finalizers ?? []).length; }, 8000);
    await batch.deleteNamespacedJob({ name: 'drop', namespace: 'default', propagationPolicy: 'Background' });
    await sim.waitFor(() => !sim.state.list('v1', 'Pod', 'default').some((p) => p.metadata.labels?.['job-name'] === 'drop'), 8000);
  });
});

describe('scheduling', () => {
  it('leaves pods Pending with FailedScheduling when the node does not fit', async () => {
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'gpu' }, spec: { nodeSelector: { accelerator: 'gpu' }, containers: [{ name: 'c', image: 'x:1' }] } } });
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'huge' }, spec: { containers: [{ name: 'c', image: 'x:1', resources: { requests: { cpu: '100', memory: '1Gi' } } }] } } });
    for (const [name, why] of [['gpu', "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."], ['huge', '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.']]) {
      const p = await sim.waitFor(() => { const x = sim.state.get('v1', 'Pod', 'default', name!); return x?.status?.conditions?.[0]?.reason === 'Unschedulable' ? x : undefined; }, 5000);
      assert.equal(p.status.phase, 'Pending');
      assert.equal(p.spec.nodeName, undefined);
      assert.equal(p.status.conditions[0].message, why);
      assert.ok(sim.state.events('default').some((e) => e.involvedObject.name === name && e.reason === 'FailedScheduling' && e.type === 'Warning'));
    }
    // the node gets the label: the pod is scheduled on the next pass
    const node = sim.state.get('v1', 'Node', undefined, 'kube-sim-node')!;
    sim.state.put({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, accelerator: 'gpu' } } });
    await sim.waitFor(() => sim.state.get('v1', 'Pod', 'default', 'gpu')?.status?.phase === 'Running', 5000);
    await core.deleteNamespacedPod({ name: 'huge', namespace: 'default' });
  });
});

describe('sidecar containers', () => {
  it('start before the main container, stay running, and do not block Job completion', async () => {
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    await batch.createNamespacedJob({ namespace: 'default', body: { metadata: { name: 'with-sidecar' }, spec: { template: { spec: {
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'x:1', restartPolicy: 'Always', command: ['sh', '-c', 'echo proxy up; sleep infinity'] }],
      containers: [{ name: 'main', image: 'x:1', command: ['sh', '-c', 'echo work; sleep 30'] }],
    } } } } });
    const running = await sim.waitFor(() => sim.state.list('v1', 'Pod', 'default').find((p) => p.metadata.labels?.['job-name'] === 'with-sidecar' && p.status?.phase === 'Running'), 5000);
    assert.equal(running.status.initContainerStatuses[0].state.running !== undefined, true);
    assert.equal(running.status.conditions.find((c: any) => c.type === 'Initialized').status, 'True');
    await sim.waitFor(() => sim.state.get('batch/v1', 'Job', 'default', 'with-sidecar')?.status?.succeeded === 1, 8000);
    const done = sim.state.get('v1', 'Pod', 'default', running.metadata.name)!;
    assert.equal(done.status.phase, 'Succeeded');
    assert.equal(done.status.initContainerStatuses[0].state.terminated.exitCode, 0);
  });
});

describe('CronJob', () => {
  it('creates Jobs on its schedule on the simulated clock', async () => {
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    await batch.createNamespacedCronJob({ namespace: 'default', body: { metadata: { name: 'tick' }, spec: { schedule: '* * * * *', concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1', command: ['echo', 'tick'] }] } } } } } } });
    const job = await sim.waitFor(() => sim.state.list('batch/v1', 'Job', 'default').find((j) => j.metadata.ownerReferences?.[0]?.name === 'tick'), 8000);
    assert.match(job.metadata.name, /^tick-\d+$/);
    assert.ok(job.metadata.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp']);
    const cj = await sim.waitFor(() => { const c = sim.state.get('batch/v1', 'CronJob', 'default', 'tick')!; return c.status?.lastScheduleTime ? c : undefined; }, 5000);
    assert.ok(Date.parse(cj.status.lastScheduleTime) <= Date.now());
  });
});

describe('CustomResourceDefinitions', () => {
  it('makes a kind servable with a status subresource', async () => {
    const ext = kc.makeApiClient(k8s.ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({ body: {
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', singular: 'widget', kind: 'Widget' }, versions: [{ name: 'v1', served: true, storage: true, subresources: { status: {} }, schema: { openAPIV3Schema: { type: 'object', x_kubernetes_preserve_unknown_fields: true } } }] },
    } });
    await sim.waitFor(() => sim.state.get('apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined, 'widgets.example.com')?.status?.conditions?.some((c: any) => c.type === 'Established'));
    const co = kc.makeApiClient(k8s.CustomObjectsApi);
    const w = await co.createNamespacedCustomObject({ group: 'example.com', version: 'v1', namespace: 'default', plural: 'widgets', body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 }, status: { ignored: true } } });
    assert.equal(w.status, undefined, 'status is dropped on create when the status subresource is enabled');
    assert.equal(w.metadata.generation, 1);
    const st = await co.replaceNamespacedCustomObjectStatus({ group: 'example.com', version: 'v1', namespace: 'default', plural: 'widgets', name: 'w', body: { ...w, spec: { size: 9 }, status: { ready: true } } });
    assert.deepEqual([st.spec.size, st.status.ready, st.metadata.generation], [1, true, 1]);
    const smp = await rejects(objs.patch({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec: { size: 2 } } as k8s.KubernetesObject, undefined, undefined, 't', undefined, k8s.PatchStrategy.StrategicMergePatch));
    assert.equal(smp.code, 415);
  });
});

describe('auth, RBAC-lite and faults', () => {
  it('rejects bad tokens with 401 and forbids denied verbs with the API server message', async () => {
    const bad = new k8s.KubeConfig();
    bad.loadFromOptions({ clusters: [{ name: 'c', server: sim.url, caData: Buffer.from(sim.caCert).toString('base64') }], users: [{ name: 'u', token: 'wrong' }], contexts: [{ name: 'x', cluster: 'c', user: 'u' }], currentContext: 'x' });
    const e = await rejects(bad.makeApiClient(k8s.CoreV1Api).listNamespace());
    assert.equal(e.code, 401);
    const tk = new k8s.KubeConfig();
    tk.loadFromOptions({ clusters: [{ name: 'c', server: sim.url, caData: Buffer.from(sim.caCert).toString('base64') }], users: [{ name: 'u', token: sim.token }], contexts: [{ name: 'x', cluster: 'c', user: 'u' }], currentContext: 'x' });
    assert.ok((await tk.makeApiClient(k8s.CoreV1Api).listNamespace()).items.length >= 4);
    const ci = new k8s.KubeConfig();
    ci.loadFromString(sim.kubeconfigFor('ci-bot', ['ci']));
    sim.rbac.deny({ user: 'ci-bot', verb: 'list', resource: 'secrets' });
    const f = await rejects(ci.makeApiClient(k8s.CoreV1Api).listNamespacedSecret({ namespace: 'default' }));
    assert.equal(f.code, 403);
    assert.equal(f.body.message, 'secrets is forbidden: User "ci-bot" cannot list resource "secrets" in API group "" in the namespace "default"');
    assert.ok(await ci.makeApiClient(k8s.CoreV1Api).listNamespacedConfigMap({ namespace: 'default' }));
    sim.rbac.clear();
  });

  it('injects 429/503, drops watches and restarts keeping state', async () => {
    const id = sim.faults.add({ verb: 'get', resource: 'configmaps', status: 429, times: 1, retryAfterSeconds: 2 });
    const e = await rejects(core.readNamespacedConfigMap({ name: 'c1', namespace: 'default' }));
    assert.equal(e.code, 429);
    assert.equal(e.body.reason, 'TooManyRequests');
    assert.ok(await core.readNamespacedConfigMap({ name: 'c1', namespace: 'default' }), 'the rule fires once');
    sim.faults.remove(id);
    sim.faults.add({ verb: 'list', resource: 'pods', status: 503, skip: 1, times: 1 });
    await core.listNamespacedPod({ namespace: 'default' });
    assert.equal((await rejects(core.listNamespacedPod({ namespace: 'default' }))).code, 503);
    sim.faults.clear();
    let ended = false;
    const ctl = await new k8s.Watch(kc).watch('/api/v1/namespaces/default/configmaps', {}, () => undefined, () => { ended = true; });
    await sim.waitFor(() => sim.faults.dropWatches() > 0 || ended, 3000);
    await sim.waitFor(() => ended, 3000);
    ctl.abort();
    const slow = sim.faults.add({ verb: 'get', resource: 'configmaps', delayMs: 300, times: 1 });
    const t0 = Date.now();
    await core.readNamespacedConfigMap({ name: 'c1', namespace: 'default' });
    assert.ok(Date.now() - t0 >= 290, 'delayed by the fault rule');
    sim.faults.remove(slow);
    // a watch open across a restart ends; resuming from its last resourceVersion sees what changed meanwhile
    const seen: string[] = [];
    let done = false;
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    const w = await new k8s.Watch(kc).watch('/api/v1/namespaces/default/configmaps', { resourceVersion: list.metadata!.resourceVersion }, (type, o) => seen.push(`${type} ${o.metadata.name}`), () => { done = true; });
    const before = await core.readNamespacedConfigMap({ name: 'c1', namespace: 'default' });
    await sim.restart();
    await sim.waitFor(() => done, 3000);
    w.abort();
    sim.state.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'during-restart', namespace: 'default' } });
    const resumed: string[] = [];
    const w2 = await new k8s.Watch(kc).watch('/api/v1/namespaces/default/configmaps', { resourceVersion: list.metadata!.resourceVersion }, (type, o) => resumed.push(`${type} ${o.metadata.name}`), () => undefined);
    await sim.waitFor(() => resumed.includes('ADDED during-restart'), 3000);
    w2.abort();
    assert.deepEqual(seen, []);
    const after = await core.readNamespacedConfigMap({ name: 'c1', namespace: 'default' });
    assert.equal(after.metadata!.resourceVersion, before.metadata!.resourceVersion);
  });
});
