// GitHub Action entry: werf-action converge.
import { runAction } from '../shared/run.js';
import { definition } from './definition.js';

await runAction(definition);
