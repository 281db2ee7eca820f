import { startKubeSim } from './index.ts';
import { execFile, spawn } from 'node:child_process';
const sim = await startKubeSim({ speed: 50, imagePolicy: 'assume-present' });
const k = (args: string[], input = '') => new Promise<string>((res) => { const c = execFile('kubectl', ['--kubeconfig', sim.kubeconfigPath, ...args], { encoding: 'utf8', timeout: 20000 }, (e, o, er) => res(`[${e ? 'ERR' : 'ok'}] ${o}${er}`)); c.stdin!.end(input); });
const w = spawn('kubectl', ['--kubeconfig', sim.kubeconfigPath, 'get', 'pods', '-w']);
let wout = ''; w.stdout.on('data', (d) => wout += d); w.stderr.on('data', (d) => wout += d);
console.log(await k(['apply', '-f', '-'], `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sh, -c, "echo hi; sleep 2"]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: 1
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec: {containers: [{name: c, image: busybox:1, command: [sleep, infinity]}]}
`));
console.log(await k(['wait', '--for=condition=complete', 'job/j', '--timeout=10s']));
console.log(await k(['scale', 'deploy/d', '--replicas=3']));
console.log(await k(['rollout', 'status', 'deploy/d', '--timeout=10s']));
console.log(await k(['get', 'events']));
console.log(await k(['get', 'jobs,rs,sts,svc,sa']));
console.log(await k(['rollout', 'restart', 'deploy/d']));
console.log(await k(['rollout', 'status', 'deploy/d', '--timeout=10s']));
console.log(await k(['label', 'deploy/d', 'x=y']));
console.log(await k(['annotate', 'deploy/d', 'a=b']));
console.log(await k(['delete', 'job/j', '--wait']));
console.log(await k(['wait', '--for=delete', 'pod', '-l', 'job-name=j', '--timeout=10s']));
console.log(await k(['get', 'all']));
console.log(await k(['describe', 'deploy/d']));
w.kill();
console.log('WATCH:\n' + wout);
await sim.stop();
