#!/usr/bin/env node
// gotpl: renders templates with @werf-action/gotemplate, speaking the gotpl-oracle protocol.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
await main();
