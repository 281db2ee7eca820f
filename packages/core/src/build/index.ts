// build: everything between a Project and images in a registry.
// Owns: Dockerfile parsing for digests (dockerfile/), the build context as
// Git sees it and .dockerignore (context.ts, dockerignore.ts), the image
// graph and parallel levels (graph.ts), per-image digests (image-digest.ts)
// and the Buildah driver (buildah.ts: the only file that knows Buildah's flags).
// Must not: talk HTTP to registries (registry/storage do), run git directly
// (git module does), or read config files itself (config does).
export * from './dockerfile/parser.js';
export * from './dockerfile/shell.js';
export * from './dockerfile/digest.js';
export * from './dockerignore.js';
export * from './context.js';
export * from './buildah.js';
export * from './workspace.js';
export * from './graph.js';
export * from './image.js';
export * from './store.js';
export * from './repo-store.js';
export * from './lock.js';
