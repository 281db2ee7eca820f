// CLI: npm run kube-sim -- --port P --kubeconfig-out FILE [--registry HOST:PORT] [--speed N] [--auth cert|token|none]
import { startKubeSim } from './index.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const registry = arg('registry');
const sim = await startKubeSim({
  port: Number(arg('port') ?? 0),
  kubeconfigPath: arg('kubeconfig-out'),
  speed: arg('speed') ? Number(arg('speed')) : undefined,
  auth: (arg('auth') as 'cert' | 'token' | 'none' | undefined) ?? 'cert',
  insecureRegistries: registry ? [registry] : undefined,
  imagePolicy: process.argv.includes('--assume-images') ? 'assume-present' : 'registry',
});
process.stdout.write(`kube-sim listening on ${sim.url}\nkubeconfig: ${sim.kubeconfigPath}\n`);
const shutdown = () => { void sim.stop().then(() => process.exit(0)); };
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
