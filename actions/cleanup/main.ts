// GitHub Action entry: werf-action cleanup.
import { runAction } from '../shared/run.js';
import { definition } from './definition.js';

await runAction(definition);
