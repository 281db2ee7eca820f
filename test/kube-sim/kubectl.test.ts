// The same scenarios through the real kubectl binary: server-side apply (and its conflict
// message), get -w, rollout status, delete --wait, logs, Status errors and table printing.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { pushImage, startRegistry, type TestRegistry } from './fixtures.js';
import { startKubeSim, type KubeSim } from './index.js';

let sim: KubeSim;
let reg: TestRegistry;
let image: string;

function kubectl(args: string[], input?: string, timeoutMs = 30000): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const c = execFile('kubectl', ['--kubeconfig', sim.kubeconfigPath, ...args], { encoding: 'utf8', timeout: timeoutMs }, (e, out, err) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err });
    });
    c.stdin!.end(input ?? '');
  });
}

const manifests = () => `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  key: one
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: ${image}
        command: ["sh", "-c", "echo serving; sleep infinity"]
        envFrom:
        - configMapRef: {name: web-config}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: 8080
`;

before(async () => {
  reg = await startRegistry();
  image = `${reg.host}/app:v1`;
  await pushImage(reg.host, 'app', 'v1', { Cmd: ['sleep', 'infinity'] });
  sim = await startKubeSim({ speed: 50 });
});

after(async () => {
  await sim.stop();
  await reg.stop();
});

describe('kubectl', () => {
  it('applies server-side and waits for the rollout', async () => {
    const r = await kubectl(['apply', '--server-side', '-f', '-'], manifests());
    assert.equal(r.err, '');
    assert.equal(r.out, 'configmap/web-config serverside-applied\ndeployment.apps/web serverside-applied\nservice/web serverside-applied\n');
    const st = await kubectl(['rollout', 'status', 'deployment/web', '--timeout=20s']);
    assert.equal(st.code, 0, st.err);
    assert.match(st.out, /deployment "web" successfully rolled out\n$/);
    const again = await kubectl(['apply', '--server-side', '-f', '-'], manifests());
    assert.equal(again.out, 'configmap/web-config serverside-applied\ndeployment.apps/web serverside-applied\nservice/web serverside-applied\n');
    const svc = JSON.parse((await kubectl(['get', 'service', 'web', '-o', 'json'])).out);
    assert.match(svc.spec.clusterIP, /^10\.96\.\d+\.\d+$/);
    assert.equal(svc.spec.ports[0].protocol, 'TCP');
    const pods = await kubectl(['get', 'pods', '-l', 'app=web']);
    const lines = pods.out.trim().split('\n');
    assert.match(lines[0]!, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    assert.equal(lines.length, 3);
    for (const l of lines.slice(1)) assert.match(l, /^web-\w+-\w{5}\s+1\/1\s+Running\s+0\s+\d+s$/);
    const ips = (await kubectl(['get', 'endpoints', 'web', '-o', 'jsonpath={.subsets[0].addresses[*].ip} {.subsets[0].ports[0].port}'])).out;
    assert.match(ips, /^10\.244\.0\.\d+ 10\.244\.0\.\d+ 8080$/);
    const name = lines[1]!.split(/\s+/)[0]!;
    assert.equal((await kubectl(['logs', name])).out, 'serving\n');
  });

  it('reports field manager conflicts with the API server message', async () => {
    const changed = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  key: two\n`;
    const r = await kubectl(['apply', '--server-side', '--field-manager=deployer', '-f', '-'], changed);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /Apply failed with 1 conflict: conflict with "kubectl": \.data\.key/);
    const forced = await kubectl(['apply', '--server-side', '--field-manager=deployer', '--force-conflicts', '-f', '-'], changed);
    assert.equal(forced.code, 0, forced.err);
    const cm = JSON.parse((await kubectl(['get', 'cm', 'web-config', '-o', 'json', '--show-managed-fields'])).out);
    assert.equal(cm.data.key, 'two');
    assert.deepEqual(cm.metadata.managedFields.map((m: any) => m.manager).sort(), ['deployer']);
  });

  it('streams changes with get -w', async () => {
    const proc = spawn('kubectl', ['--kubeconfig', sim.kubeconfigPath, 'get', 'configmaps', '-l', 'watch=me', '-w', '--output-watch-events', '-o', 'jsonpath={.type} {.object.metadata.name} {.object.data.v}{"\\n"}']);
    let out = '';
    proc.stdout.on('data', (d) => { out += d.toString(); });
    try {
      await sim.waitFor(() => sim.openWatches() > 0, 10000);
      const cm = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched\n  labels: {watch: me}\ndata:\n  v: "${v}"\n`;
      await kubectl(['apply', '--server-side', '-f', '-'], cm('1'));
      await kubectl(['apply', '--server-side', '-f', '-'], cm('2'));
      await kubectl(['delete', 'configmap', 'watched']);
      await sim.waitFor(() => out.includes('DELETED'), 10000);
      assert.equal(out, 'ADDED watched 1\nMODIFIED watched 2\nDELETED watched 2\n');
    } finally {
      proc.kill();
    }
  });

  it('deletes with --wait until dependents are handled and objects are gone', async () => {
    const r = await kubectl(['delete', 'deployment', 'web', '--wait', '--timeout=20s']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'deployment.apps "web" deleted\n');
    await sim.waitFor(() => sim.state.list('v1', 'Pod', 'default').every((p) => !p.metadata.name.startsWith('web-')), 10000);
    const gone = await kubectl(['get', 'deployment', 'web']);
    assert.equal(gone.code, 1);
    assert.equal(gone.err, 'Error from server (NotFound): deployments.apps "web" not found\n');
    await kubectl(['apply', '--server-side', '-f', '-'], `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: scratch\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: scratch\n`);
    const ns = await kubectl(['delete', 'namespace', 'scratch', '--wait', '--timeout=20s']);
    assert.equal(ns.out, 'namespace "scratch" deleted\n');
    assert.equal(sim.state.get('v1', 'Namespace', undefined, 'scratch'), undefined);
  });

  it('accepts the protobuf bodies of kubectl create generators and auth can-i', async () => {
    assert.equal((await kubectl(['create', 'namespace', 'proto'])).out, 'namespace/proto created\n');
    assert.equal((await kubectl(['create', 'configmap', 'c', '-n', 'proto', '--from-literal=a=b', '--from-literal=c=d'])).out, 'configmap/c created\n');
    assert.equal((await kubectl(['create', 'secret', 'generic', 's', '-n', 'proto', '--from-literal=p=secret'])).out, 'secret/s created\n');
    const cm = sim.state.get('v1', 'ConfigMap', 'proto', 'c')!;
    assert.deepEqual(cm.data, { a: 'b', c: 'd' });
    const sec = sim.state.get('v1', 'Secret', 'proto', 's')!;
    assert.deepEqual([sec.type, Buffer.from(sec.data.p, 'base64').toString()], ['Opaque', 'secret']);
    assert.equal(sim.state.get('v1', 'Namespace', undefined, 'proto')!.status.phase, 'Active');
    sim.rbac.deny({ verb: 'delete', resource: 'secrets' });
    try {
      const no = await kubectl(['auth', 'can-i', 'delete', 'secrets']);
      assert.deepEqual([no.code, no.out.trim()], [1, 'no - denied by kube-sim RBAC-lite rule']);
      assert.equal((await kubectl(['auth', 'can-i', 'get', 'secrets'])).out, 'yes\n');
    } finally {
      sim.rbac.clear();
    }
  });

  it('shows RBAC-lite denials as kubectl users see them', async () => {
    sim.rbac.deny({ verb: 'delete', resource: 'configmaps', namespace: 'default' });
    try {
      const r = await kubectl(['delete', 'configmap', 'web-config']);
      assert.equal(r.err, 'Error from server (Forbidden): configmaps "web-config" is forbidden: User "kube-sim-admin" cannot delete resource "configmaps" in API group "" in the namespace "default"\n');
    } finally {
      sim.rbac.clear();
    }
  });
});

describe('kubectl over plain HTTP and with bearer tokens', () => {
  it('works against an auth:none simulator and a token kubeconfig', async () => {
    const plain = await startKubeSim({ auth: 'none', imagePolicy: 'assume-present' });
    const tok = await startKubeSim({ auth: 'token', imagePolicy: 'assume-present' });
    try {
      for (const s of [plain, tok]) {
        const r = await new Promise<string>((resolve) => {
          const c = execFile('kubectl', ['--kubeconfig', s.kubeconfigPath, 'get', 'namespaces', '-o', 'name'], { encoding: 'utf8', timeout: 20000 }, (e, out, err) => resolve(e ? `ERR ${err}` : out));
          c.stdin!.end();
        });
        assert.equal(r, 'namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n');
      }
      assert.match(plain.url, /^http:\/\//);
      assert.match(tok.kubeconfig, /token: kube-sim-/);
    } finally {
      await plain.stop();
      await tok.stop();
    }
  });
});
