// chart: Helm-compatible chart loading, values, dependencies, schema,
// rendering (on @werf-action/gotemplate), output ordering, and werf's
// additions (service values, secret values and files). See README.md.
export type { Chart, ChartFile, ChartMetadata, Dependency, Maintainer } from './types.js';
export { chartFullPath } from './types.js';
export { loadChart, loadDir, loadArchive, loadFiles, type LoadDirOptions } from './loader.js';
export { parseYaml, parseYamlMap, type Values } from './yaml.js';
export { coalesceValues, mergeValues, coalesceTables, mergeTables, mergeMaps, userValues, type ValueOptions, type Warn } from './values.js';
export { parseSet, parseSetString, parseSetJSON, parseSetFile, parseSetLiteral } from './strvals.js';
export { validateValues, schemaViolations, validateAgainstSingleSchema } from './schema.js';
export { processDependencies, checkDependencies, cloneChart } from './dependencies.js';
export { capabilities, parseKubeVersion, releaseObject, DEFAULT_API_VERSIONS, type CapabilitiesOptions, type ReleaseOptions } from './builtins.js';
export { renderChartTemplates, collectTemplates, type EngineOptions, type LookupFn, type RenderValues } from './engine.js';
export { renderChart, renderChartFiles, validateReleaseName, crdObjects, type RenderChartOptions, type RenderedChart, type RenderedFiles } from './render.js';
export {
  splitManifests, sortManifests, sortByKind, readHead, manifestText, helmTemplateOutput,
  INSTALL_ORDER, UNINSTALL_ORDER, HOOK_EVENTS,
  type Manifest, type Hook, type HookEvent, type Head, type CrdFile, type SortResult, type TemplateOutputOptions,
} from './manifests.js';
export {
  generateSecretKey, encryptData, decryptData, encryptValuesYaml, decryptValuesYaml, decryptSecretValues,
  reencryptValuesYaml, encryptFile, decryptFile, findSecretKey, type SecretFormat, type SecretKeyOptions,
} from './secrets.js';
export {
  werfServiceValues, loadSecretValues, readSecretDir, werfSecretFileFunc, addExtraMetadata, parseImageName,
  type ServiceValuesOptions, type ImageReportEntry, type SecretSources,
} from './werf.js';
