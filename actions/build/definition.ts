// Inputs of the build action and the command they run.
import type { ActionDefinition } from '../shared/run.js';
import { projectInputs, registryInputs, tokenInputs } from '../shared/common-inputs.js';

export const definition: ActionDefinition = {
  command: ['build'],
  inputs: [
    ...projectInputs, ...registryInputs, ...tokenInputs,
    { input: 'require-built-images', kind: 'bool', flag: 'require-built-images' },
    { input: 'add-custom-tag', kind: 'list', flag: 'add-custom-tag' },
  ],
};
