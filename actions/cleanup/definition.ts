// Inputs of the cleanup action and the command they run.
import type { ActionDefinition } from '../shared/run.js';
import { kubeInputs, projectInputs, registryInputs, tokenInputs } from '../shared/common-inputs.js';

export const definition: ActionDefinition = {
  command: ['cleanup'],
  inputs: [
    ...projectInputs, ...registryInputs, ...tokenInputs, ...kubeInputs,
    { input: 'dry-run', kind: 'bool', flag: 'dry-run' },
    { input: 'without-kube', kind: 'bool', flag: 'without-kube' },
  ],
};
