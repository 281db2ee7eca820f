// Inputs most actions share, so each action.yml says the same thing.
import type { InputSpec } from './inputs.js';

export const projectInputs: InputSpec[] = [
  { input: 'working-directory', kind: 'string', flag: 'dir' },
  { input: 'env', kind: 'string', flag: 'env' },
  { input: 'config', kind: 'string', flag: 'config' },
  { input: 'dev', kind: 'bool', flag: 'dev' },
  { input: 'loose-giterminism', kind: 'bool', flag: 'loose-giterminism' },
];

export const registryInputs: InputSpec[] = [
  { input: 'repo', kind: 'string', flag: 'repo' },
  { input: 'final-repo', kind: 'string', flag: 'final-repo' },
  { input: 'insecure-registry', kind: 'bool', flag: 'insecure-registry' },
  { input: 'skip-tls-verify-registry', kind: 'bool', flag: 'skip-tls-verify-registry' },
];

export const kubeInputs: InputSpec[] = [
  { input: 'kube-config-base64-data', kind: 'string', flag: 'kube-config-base64', secret: true },
  { input: 'kube-config', kind: 'string', flag: 'kube-config' },
  { input: 'kube-context', kind: 'string', flag: 'kube-context' },
];

export const valuesInputs: InputSpec[] = [
  { input: 'values', kind: 'list', flag: 'values' },
  { input: 'set', kind: 'list', flag: 'set' },
  { input: 'secret-values', kind: 'list', flag: 'secret-values' },
  { input: 'secret-key', kind: 'string', env: 'WERF_SECRET_KEY', secret: true },
];

export const releaseInputs: InputSpec[] = [
  { input: 'namespace', kind: 'string', flag: 'namespace' },
  { input: 'release', kind: 'string', flag: 'release' },
];

/** github-token: used for ghcr.io login and deletions; never printed. */
export const tokenInputs: InputSpec[] = [
  { input: 'github-token', kind: 'string', env: 'WERF_REPO_GITHUB_TOKEN', secret: true },
];
