// Inputs of the plan action and the command they run.
import type { ActionDefinition } from '../shared/run.js';
import { kubeInputs, projectInputs, registryInputs, releaseInputs, tokenInputs, valuesInputs } from '../shared/common-inputs.js';

export const definition: ActionDefinition = {
  command: ['plan'],
  inputs: [
    ...projectInputs, ...registryInputs, ...tokenInputs, ...kubeInputs, ...valuesInputs, ...releaseInputs,
    { input: 'exit-code', kind: 'bool', flag: 'exit-code' },
  ],
};
