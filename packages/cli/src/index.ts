export { main, type CliIo, type CommandReport, type Handler } from './main.js';
export { parseArgs, type FlagSpec, type ParsedArgs } from './flags.js';
export { commands } from './specs.js';
