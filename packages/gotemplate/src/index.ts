// @werf-action/gotemplate: Go's text/template (Go 1.19 semantics) with Sprig v3 and Helm's
// functions, byte-compatible with Helm's engine. See README.md for the value model and API.
//
// Go value model: JS number = Go float64 (all numbers from YAML/JSON values, as in Helm);
// JS bigint = Go int64 (from --set parsing, add, ...); GoInt = Go `int` (template literals,
// len, until); string, boolean, null (= nil), undefined (= missing value); arrays =
// []interface{}, plain objects = map[string]interface{}. Functions are called with these.
export type { GoFunc, FuncEntry, FuncDef, ExecOptions } from './exec.js';
export { TemplateError, FuncError } from './exec.js';
export { Templates, type FuncMap, type TemplateOptions } from './template.js';
export { sprigFuncs, strval, toInt64, toFloat64, deepEqual } from './sprig/index.js';
export { renderHelm, compileHelm, HelmChart, bindHelmFuncs, helmStaticFuncs, type HelmRenderOptions } from './helm.js';
export { toYaml, marshalYAML, unmarshalYAML } from './yaml.js';
export { marshalJSON, unmarshalJSON } from './json.js';
export { toToml } from './toml.js';
export { sprintf, sprint, sprintln, formatV, quoteGo, formatFloatG } from './fmt.js';
export {
  GoInt, GoTime, GoStruct, GO_TYPE, GO_METHODS, tagType, strSlice, typeName, kindName, truth,
  type IntType, type ParamType, type MethodSpec,
} from './values.js';
