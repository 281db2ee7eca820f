// Inputs of the converge action and the command they run.
import type { ActionDefinition } from '../shared/run.js';
import { kubeInputs, projectInputs, registryInputs, releaseInputs, tokenInputs, valuesInputs } from '../shared/common-inputs.js';

export const definition: ActionDefinition = {
  command: ['converge'],
  inputs: [
    ...projectInputs, ...registryInputs, ...tokenInputs, ...kubeInputs, ...valuesInputs, ...releaseInputs,
    { input: 'auto-rollback', kind: 'bool', flag: 'auto-rollback' },
    { input: 'timeout', kind: 'int', flag: 'timeout' },
    { input: 'require-built-images', kind: 'bool', flag: 'require-built-images' },
    { input: 'add-custom-tag', kind: 'list', flag: 'add-custom-tag' },
  ],
};
