// config: werf.yaml (+ .werf/**/*.tmpl, werf-giterminism.yaml) read from git,
// rendered with @werf-action/gotemplate, split, strictly validated into typed
// objects with file:line:col errors, and checked against giterminism.
// Must not: run git itself (that is ../git), build, deploy or talk to registries.
export * from './types.js';
export { loadProject, checkWorkTreeFiles, dockerfilePath, type LoadProjectOptions } from './load.js';
export { parseRendered } from './document.js';
export { renderWerfYaml, goTimeString, type RenderOptions, type TemplateFile } from './render.js';
export { splitDocs, createPositionMapper, type RawDoc, type PositionMapper } from './yamldoc.js';
export { validateImages, imageEdges, imageLevels } from './validate.js';
export { parseGiterminism, defaultGiterminism, matchGlobList, matchNameList, checkImageGiterminism, GITERMINISM_CONFIG } from './giterminism.js';
export { resolveNamespace, resolveRelease, type DeployNameOptions } from './deploy.js';
export {
  slugify, limitedSlug, slugNamespace, slugRelease, slugDockerTag, slugProject, validateNamespace, validateRelease,
  NAMESPACE_MAX, RELEASE_MAX, DOCKER_TAG_MAX, PROJECT_MAX,
} from './slug.js';
export { globMatch, globToRegExp, globMatchPathOrParent } from './glob.js';
export { parseGoDuration } from './duration.js';
export { ProjectFiles } from './files.js';
