// GitHub Action entry: werf-action dismiss.
import { runAction } from '../shared/run.js';
import { definition } from './definition.js';

await runAction(definition);
