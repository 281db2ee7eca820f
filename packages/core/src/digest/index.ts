// digest: the hash primitives werf uses for stage digests and tags, and the
// stage digest formulas themselves. Pure functions over strings: no git, no
// processes, no registry. Byte-exact with werf (common-go pkg/util, werf
// pkg/build/build_phase.go) so that a repository written by werf and by us
// shares its stages. See reference/werf-core.md §0, §2.1, §2.4, §2.6.
export * from './hash.js';
export * from './tag.js';
export * from './stage.js';
