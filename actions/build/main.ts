// GitHub Action entry: werf-action build.
import { runAction } from '../shared/run.js';
import { definition } from './definition.js';

await runAction(definition);
