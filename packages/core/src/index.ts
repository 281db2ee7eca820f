// @werf-action/core: the platform-neutral engine. Front ends import from here.
// It must not import @actions/* or anything that assumes one CI platform.
export * from './errors/index.js';
export * from './log/index.js';
export * from './context.js';
export { VERSION } from './version.js';
