// Replaced at bundle time by esbuild's `define`; tests see the workspace version.
declare const __WERF_ACTION_VERSION__: string | undefined;
export const VERSION: string = typeof __WERF_ACTION_VERSION__ === 'string' ? __WERF_ACTION_VERSION__ : '0.1.0-dev';
