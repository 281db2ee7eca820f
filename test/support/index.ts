// Test helpers that start real services on free ports and stop them:
// a docker-registry (plain, htpasswd auth, self-signed TLS), git repos in temp
// dirs, a per-suite Buildah storage, a busybox base image pushed to the
// registry, and a fault-injecting proxy in front of the registry.
// Every helper returns a handle with a stop()/cleanup(); call it in `after`.
export { startRegistry, type RegistryOptions, type TestRegistry } from './registry.js';
export { startTokenServer, type TokenServer, type TokenRequest } from './token-server.js';
export { createGitRepo, type GitRepoOptions, type TestGitRepo } from './git.js';
export { buildahEnv, type BuildahEnv } from './buildah.js';
export { pushBusyboxBase, registryFlags, type BusyboxOptions } from './busybox.js';
export { startFaultProxy, type Fault, type FaultRule, type FaultProxy, type ProxiedRequest } from './fault-proxy.js';
export { makeTempDir, removeDir, freePort, sleep, readTree } from './util.js';
