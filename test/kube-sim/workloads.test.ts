// Controllers and the simulated kubelet, driven through the real @kubernetes/client-node
// against a real docker-registry: rollouts, image pull failures, crash loops, Jobs, probes,
// logs (incl. follow), StatefulSet, DaemonSet and registry authentication.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import './node20.js';
import * as k8s from '@kubernetes/client-node';
import { pushImage, startRegistry, type TestRegistry } from './fixtures.js';
import { startKubeSim, type KubeSim } from './index.js';

let sim: KubeSim;
let reg: TestRegistry;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;
let batch: k8s.BatchV1Api;
let image: string;

function deployment(name: string, img: string, extra: Partial<k8s.V1PodSpec> = {}, replicas = 2): k8s.V1Deployment {
  return {
    metadata: { name },
    spec: {
      replicas, progressDeadlineSeconds: 30,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: img }], ...extra } },
    },
  };
}

const podsOf = (prefix: string) => sim.state.list('v1', 'Pod', 'default').filter((p) => p.metadata.name.startsWith(prefix + '-'));

before(async () => {
  reg = await startRegistry();
  image = `${reg.host}/app:v1`;
  await pushImage(reg.host, 'app', 'v1', { Entrypoint: ['/bin/sh', '-c'], Cmd: ['echo started $HOSTNAME; sleep infinity'] });
  await pushImage(reg.host, 'app', 'v2', { Entrypoint: ['/bin/sh', '-c'], Cmd: ['echo v2; sleep infinity'] });
  sim = await startKubeSim({ speed: 50 });
  kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  core = kc.makeApiClient(k8s.CoreV1Api);
  apps = kc.makeApiClient(k8s.AppsV1Api);
  batch = kc.makeApiClient(k8s.BatchV1Api);
});

after(async () => {
  await sim.stop();
  await reg.stop();
});

describe('Deployment', () => {
  it('rolls out, reports kubedog-ready status, and rolls a new image over', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web', image) });
    const ready = await sim.waitFor(() => {
      const d = sim.state.get('apps/v1', 'Deployment', 'default', 'web')!;
      const s = d.status ?? {};
      return s.observedGeneration >= d.metadata.generation && s.updatedReplicas === 2 && s.replicas === 2 && s.availableReplicas === 2 ? d : undefined;
    }, 10000);
    assert.deepEqual(ready.status.conditions.map((c: any) => `${c.type}=${c.status}/${c.reason}`), ['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
    const rs = sim.state.list('apps/v1', 'ReplicaSet', 'default').filter((r) => r.metadata.name.startsWith('web-'));
    assert.equal(rs.length, 1);
    assert.equal(rs[0]!.metadata.annotations['deployment.kubernetes.io/revision'], '1');
    const hash = rs[0]!.metadata.labels['pod-template-hash'];
    assert.equal(rs[0]!.metadata.name, `web-${hash}`);
    const pods = podsOf('web');
    assert.equal(pods.length, 2);
    for (const p of pods) {
      assert.equal(p.status.phase, 'Running');
      assert.equal(p.metadata.labels['pod-template-hash'], hash);
      assert.equal(p.status.containerStatuses[0].ready, true);
      assert.match(p.status.containerStatuses[0].imageID, new RegExp(`^${reg.host}/app@sha256:[0-9a-f]{64}$`));
    }
    const log = await core.readNamespacedPodLog({ name: pods[0]!.metadata.name, namespace: 'default' });
    assert.equal(log, `started ${pods[0]!.metadata.name}\n`, 'the image entrypoint from the registry ran');
    // new image: a second replica set takes over, the old one is scaled to 0
    await apps.patchNamespacedDeployment({ name: 'web', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'app', image: `${reg.host}/app:v2` }] } } } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch));
    await sim.waitFor(() => {
      const d = sim.state.get('apps/v1', 'Deployment', 'default', 'web')!;
      const s = d.status ?? {};
      return s.observedGeneration === 2 && s.updatedReplicas === 2 && s.replicas === 2 && s.availableReplicas === 2;
    }, 10000);
    const sets = sim.state.list('apps/v1', 'ReplicaSet', 'default').filter((r) => r.metadata.name.startsWith('web-'));
    assert.deepEqual(sets.map((r) => [r.metadata.annotations['deployment.kubernetes.io/revision'], r.spec.replicas]).sort(), [['1', 0], ['2', 2]]);
    const events = sim.state.events('default').filter((e) => e.involvedObject.name === 'web' && e.reason === 'ScalingReplicaSet').map((e) => e.message);
    assert.ok(events.some((m) => /^Scaled up replica set web-\w+ from 0 to 2$/.test(m)), events.join('\n'));
    assert.ok(events.some((m) => /^Scaled down replica set web-\w+ from \d to \d$/.test(m)), events.join('\n'));
  });

  it('reports ErrImagePull/ImagePullBackOff for a missing image and exceeds the progress deadline', async () => {
    const d = deployment('broken', `${reg.host}/app:missing`, {}, 1);
    d.spec!.progressDeadlineSeconds = 5;
    await apps.createNamespacedDeployment({ namespace: 'default', body: d });
    const pod = await sim.waitFor(() => podsOf('broken').find((p) => p.status.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff'), 10000);
    assert.equal(pod.status.phase, 'Pending');
    const failed = sim.state.events('default').filter((e) => e.involvedObject.uid === pod.metadata.uid && e.reason === 'Failed').map((e) => e.message);
    assert.ok(failed.includes(`Failed to pull image "${reg.host}/app:missing": rpc error: code = NotFound desc = failed to pull and unpack image "${reg.host}/app:missing": failed to resolve reference "${reg.host}/app:missing": ${reg.host}/app:missing: not found`), failed.join('\n'));
    const dep = await sim.waitFor(() => {
      const x = sim.state.get('apps/v1', 'Deployment', 'default', 'broken')!;
      return x.status?.conditions?.find((c: any) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded') ? x : undefined;
    }, 10000);
    assert.equal(dep.status.conditions.find((c: any) => c.type === 'Progressing').status, 'False');
    const e = await core.readNamespacedPodLog({ name: pod.metadata.name, namespace: 'default' }).then(() => undefined, (x) => x);
    assert.equal(e.code, 400);
    assert.match(JSON.parse(e.body).message, /^container "app" in pod "broken-\w+-\w+" is waiting to start: /);
  });

  it('crash-loops a container whose command exits non-zero, keeping the previous log', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('crash', image, { containers: [{ name: 'app', image, command: ['sh', '-c', 'echo booting; echo fatal: no config >&2; exit 3'] }] }, 1) });
    const pod = await sim.waitFor(() => podsOf('crash').find((p) => p.status.containerStatuses?.[0]?.restartCount >= 1 && p.status.containerStatuses[0].state.waiting?.reason === 'CrashLoopBackOff'), 10000);
    const cs = pod.status.containerStatuses[0];
    assert.equal(cs.lastState.terminated.exitCode, 3);
    assert.equal(cs.lastState.terminated.reason, 'Error');
    assert.match(cs.state.waiting.message, /^back-off \d+s restarting failed container=app pod=crash-/);
    const prev = await core.readNamespacedPodLog({ name: pod.metadata.name, namespace: 'default', previous: true });
    assert.equal(prev, 'booting\nfatal: no config\n');
    assert.ok(sim.state.events('default').some((e) => e.involvedObject.uid === pod.metadata.uid && e.reason === 'BackOff' && e.type === 'Warning'));
  });

  it('keeps a pod unready while its readiness probe fails and records Unhealthy events', async () => {
    await core.createNamespacedPod({ namespace: 'default', body: {
      metadata: { name: 'probe' },
      spec: { containers: [{ name: 'app', image, command: ['sh', '-c', 'sleep 30; touch /tmp/ready; sleep infinity'], readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 1 } }] },
    } });
    const unready = await sim.waitFor(() => {
      const p = sim.state.get('v1', 'Pod', 'default', 'probe');
      return p?.status?.phase === 'Running' ? p : undefined;
    }, 5000);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(unready.status.conditions.find((c: any) => c.type === 'Ready').status, 'False');
    await sim.waitFor(() => sim.state.get('v1', 'Pod', 'default', 'probe')?.status?.conditions?.find((c: any) => c.type === 'Ready')?.status === 'True', 5000);
    const unhealthy = sim.state.events('default').find((e) => e.involvedObject.name === 'probe' && e.reason === 'Unhealthy');
    assert.equal(unhealthy?.message, "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory");
    assert.equal(unhealthy?.type, 'Warning');
  });
});

describe('Job', () => {
  it('completes after the requested completions and fails past backoffLimit', async () => {
    await batch.createNamespacedJob({ namespace: 'default', body: { metadata: { name: 'ok' }, spec: { completions: 2, parallelism: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image, command: ['sh', '-c', 'echo done'] }] } } } } });
    await batch.createNamespacedJob({ namespace: 'default', body: { metadata: { name: 'bad' }, spec: { backoffLimit: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image, command: ['sh', '-c', 'exit 2'] }] } } } } });
    const ok = await sim.waitFor(() => { const j = sim.state.get('batch/v1', 'Job', 'default', 'ok')!; return j.status?.conditions?.some((c: any) => c.type === 'Complete') ? j : undefined; }, 15000);
    assert.equal(ok.status.succeeded, 2);
    assert.ok(ok.status.completionTime);
    assert.deepEqual(ok.status.conditions.map((c: any) => c.type), ['SuccessCriteriaMet', 'Complete']);
    const bad = await sim.waitFor(() => { const j = sim.state.get('batch/v1', 'Job', 'default', 'bad')!; return j.status?.conditions?.some((c: any) => c.type === 'Failed') ? j : undefined; }, 15000);
    const failedCond = bad.status.conditions.find((c: any) => c.type === 'Failed');
    assert.deepEqual([failedCond.reason, failedCond.message], ['BackoffLimitExceeded', 'Job has reached the specified backoff limit']);
    assert.equal(bad.status.failed, 2);
    const badPods = podsOf('bad');
    assert.equal(badPods.length, 2);
    for (const p of badPods) {
      assert.equal(p.status.phase, 'Failed');
      assert.equal(p.status.containerStatuses[0].state.terminated.exitCode, 2);
      assert.equal(p.metadata.labels['job-name'], 'bad');
    }
  });
});

describe('logs', () => {
  it('follows a container log as it is written', async () => {
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'ticker' }, spec: { containers: [{ name: 'c', image, command: ['sh', '-c', 'for i in 1 2 3 4; do echo tick $i; sleep 1; done'] }], restartPolicy: 'Never' } } });
    await sim.waitFor(() => sim.state.get('v1', 'Pod', 'default', 'ticker')?.status?.containerStatuses?.[0]?.state?.running, 5000);
    const out = new PassThrough();
    let text = '';
    out.on('data', (d) => { text += d.toString(); });
    let finished = false;
    out.on('end', () => { finished = true; }); // client-node 2.x never calls its done callback; the stream ends
    await new k8s.Log(kc).log('default', 'ticker', 'c', out, { follow: true });
    await sim.waitFor(() => finished, 5000);
    assert.equal(text, 'tick 1\ntick 2\ntick 3\ntick 4\n');
    assert.equal(sim.state.get('v1', 'Pod', 'default', 'ticker')!.status.phase, 'Succeeded');
  });
});

describe('StatefulSet and DaemonSet', () => {
  it('creates ordered pods with claims and one daemon pod per node', async () => {
    await apps.createNamespacedStatefulSet({ namespace: 'default', body: {
      metadata: { name: 'db' },
      spec: { replicas: 3, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
    } });
    await apps.createNamespacedDaemonSet({ namespace: 'default', body: { metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image }] } } } } });
    const sts = await sim.waitFor(() => { const s = sim.state.get('apps/v1', 'StatefulSet', 'default', 'db')!; return s.status?.readyReplicas === 3 ? s : undefined; }, 10000);
    assert.equal(sts.status.currentRevision, sts.status.updateRevision);
    const pods = ['db-0', 'db-1', 'db-2'].map((n) => sim.state.get('v1', 'Pod', 'default', n)!);
    assert.ok(Date.parse(pods[0]!.metadata.creationTimestamp) <= Date.parse(pods[2]!.metadata.creationTimestamp));
    assert.equal(sim.state.get('v1', 'PersistentVolumeClaim', 'default', 'data-db-1')?.status?.phase, 'Bound');
    const ds = await sim.waitFor(() => { const d = sim.state.get('apps/v1', 'DaemonSet', 'default', 'agent')!; return d.status?.numberReady === 1 ? d : undefined; }, 10000);
    assert.equal(ds.status.desiredNumberScheduled, 1);
  });
});

describe('registry authentication', () => {
  it('pulls with imagePullSecrets from a basic-auth registry and fails without them', async () => {
    const priv = await startRegistry({ auth: true });
    const creds = `${priv.username}:${priv.password}`;
    try {
      await pushImage(priv.host, 'private/app', 'v1', { Cmd: ['sleep', 'infinity'] }, creds);
      const auth = Buffer.from(JSON.stringify({ auths: { [priv.host]: { auth: Buffer.from(creds).toString('base64') } } })).toString('base64');
      await core.createNamespacedSecret({ namespace: 'default', body: { metadata: { name: 'pull' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': auth } } });
      const img = `${priv.host}/private/app:v1`;
      await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'authed' }, spec: { imagePullSecrets: [{ name: 'pull' }], containers: [{ name: 'c', image: img }] } } });
      await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'anon' }, spec: { containers: [{ name: 'c', image: img, imagePullPolicy: 'Always' }] } } });
      await sim.waitFor(() => sim.state.get('v1', 'Pod', 'default', 'authed')?.status?.phase === 'Running', 8000);
      const anon = await sim.waitFor(() => { const p = sim.state.get('v1', 'Pod', 'default', 'anon'); const r = p?.status?.containerStatuses?.[0]?.state?.waiting?.reason; return r === 'ErrImagePull' || r === 'ImagePullBackOff' ? p : undefined; }, 8000);
      const msgs = sim.state.events('default').filter((e) => e.involvedObject.uid === anon.metadata.uid && e.reason === 'Failed').map((e) => e.message).join('\n');
      assert.match(msgs, /pull access denied, repository does not exist or may require authorization/);
    } finally {
      await priv.stop();
    }
  });
});
