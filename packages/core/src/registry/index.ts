// registry: the OCI distribution client (HTTP to registries goes only through
// here) and per-registry deleters. It must not know werf's tag formats or
// records; that is `storage`.
export * from './types.js';
export * from './reference.js';
export { parseChallenge, repositoryScope, mergeScopes, type Action, type Challenge } from './auth.js';
export { resolveCredentials, dockerConfigDir, readDockerConfig, configKey, runCredentialHelper, type Credentials, type DockerConfigFile, type CredentialHelperRunner } from './credentials.js';
export { RegistryClient, Repository, parseRetryAfter, nextLink, type RegistryClientOptions, type RequestEvent, type DeleteOutcome } from './client.js';
export { DefaultDeleter, GitLabDeleter, createDeleter, detectRegistryKind, REGISTRY_KINDS, type Deleter, type DeleteRequest, type DeleterOptions, type RegistryKind } from './deleter.js';
export { GitHubPackagesDeleter, DockerHubDeleter, type GitHubDeleterOptions, type DockerHubDeleterOptions } from './api-deleters.js';
export { copyImage, STREAM_THRESHOLD, type CopyResult } from './copy.js';
