// Inputs of the render action and the command they run.
import type { ActionDefinition } from '../shared/run.js';
import { projectInputs, registryInputs, releaseInputs, tokenInputs, valuesInputs } from '../shared/common-inputs.js';

export const definition: ActionDefinition = {
  command: ['render'],
  inputs: [
    ...projectInputs, ...registryInputs, ...tokenInputs, ...valuesInputs, ...releaseInputs,
    { input: 'stub-tags', kind: 'bool', flag: 'stub-tags' },
  ],
};
