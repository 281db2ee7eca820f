// The commands: each an async function from typed options to a typed result
// (werf's report shapes). Front ends call only these.
export { build, loadBuildReport, saveBuildReport, imageRefsFromReport, type BuildCommandOptions, type BuildReport } from './build.js';
export { renderConfig as configRender, listConfig as configList, graphConfig as configGraph, type ConfigCommandOptions } from './config.js';
export { render, type RenderOptions, type RenderResult } from './render.js';
export { helmTemplate, type HelmTemplateOptions, type HelmTemplateResult } from './helm-template.js';
export { helmSecret, type HelmSecretOperation, type HelmSecretOptions } from './helm-secret.js';
