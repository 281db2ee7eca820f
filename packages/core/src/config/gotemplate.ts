// The one import point of the template engine for the config module.
export { Templates, TemplateError, FuncError, GO_METHODS, GoInt, sprintf, toYaml, type FuncEntry, type GoFunc } from '@werf-action/gotemplate';
