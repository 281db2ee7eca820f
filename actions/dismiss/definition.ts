// Inputs of the dismiss action and the command they run.
import type { ActionDefinition } from '../shared/run.js';
import { kubeInputs, projectInputs, releaseInputs } from '../shared/common-inputs.js';

export const definition: ActionDefinition = {
  command: ['dismiss'],
  inputs: [
    ...projectInputs, ...kubeInputs, ...releaseInputs,
    { input: 'with-namespace', kind: 'bool', flag: 'with-namespace' },
  ],
};
