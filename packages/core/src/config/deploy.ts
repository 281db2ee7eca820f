// Release name and namespace (werf's pkg/config/deploy_params): the
// `deploy.helmRelease` / `deploy.namespace` templates with `[[ ]]`
// delimiters and the functions project, env (and namespace for the release)
// plus Sprig without env/expandenv; rendered values are slugged unless
// `*Slug: false`. CLI --release / --namespace win and are only validated.
import * as gotemplate from './gotemplate.js';
import { WerfActionError } from '../errors/index.js';
import type { MetaConfig } from './types.js';
import { slugNamespace, slugRelease, validateNamespace, validateRelease } from './slug.js';

export interface DeployNameOptions {
  /** --env */
  env?: string;
  /** --namespace (not slugged, only validated). */
  namespace?: string;
  /** --release (not slugged, only validated). */
  release?: string;
}

function renderParam(kind: 'release' | 'namespace', text: string, funcs: Record<string, () => string>, meta: MetaConfig): string {
  try {
    // Sprig without env/expandenv is the set's default
    const t = new gotemplate.Templates({ funcs: funcs as Record<string, gotemplate.GoFunc>, missingKey: 'default', delims: ['[[', ']]'] });
    t.parse(kind, text);
    return t.execute(kind, {}).trim();
  } catch (e) {
    const key = kind === 'release' ? 'helmRelease' : 'namespace';
    throw new WerfActionError(`cannot render deploy.${key} template ${JSON.stringify(text)}: ${(e as Error).message}`, {
      code: 'config.template',
      location: { ...meta.pos, subject: `deploy.${key}` },
      hint: 'the template uses [[ ]] delimiters and the functions project, env' + (kind === 'release' ? ', namespace' : ''),
    });
  }
}

/** The namespace werf would deploy to. */
export function resolveNamespace(meta: MetaConfig, o: DeployNameOptions = {}): string {
  if (o.namespace) {
    const bad = validateNamespace(o.namespace);
    if (bad) throw new WerfActionError(`bad --namespace ${JSON.stringify(o.namespace)}: ${bad}`, { code: 'deploy.bad-namespace', location: { subject: '--namespace' } });
    return o.namespace;
  }
  const env = o.env ?? '';
  const text = meta.deploy.namespace ?? (env ? '[[ project ]]-[[ env ]]' : '[[ project ]]');
  const rendered = renderParam('namespace', text, { project: () => meta.project, env: () => env }, meta);
  if (meta.deploy.namespaceSlug) return slugNamespace(rendered);
  const bad = validateNamespace(rendered);
  if (bad) throw new WerfActionError(`deploy.namespace rendered to an invalid namespace: ${bad}`, { code: 'config.invalid-value', location: { ...meta.pos }, hint: 'fix the template or set deploy.namespaceSlug: true' });
  return rendered;
}

/** The Helm release name werf would use. */
export function resolveRelease(meta: MetaConfig, o: DeployNameOptions = {}): string {
  if (o.release) {
    const bad = validateRelease(o.release);
    if (bad) throw new WerfActionError(`bad --release ${JSON.stringify(o.release)}: ${bad}`, { code: 'deploy.bad-release', location: { subject: '--release' } });
    return o.release;
  }
  const env = o.env ?? '';
  const namespace = resolveNamespace(meta, o);
  const text = meta.deploy.helmRelease ?? (env ? '[[ project ]]-[[ env ]]' : '[[ project ]]');
  const rendered = renderParam('release', text, { project: () => meta.project, env: () => env, namespace: () => namespace }, meta);
  if (meta.deploy.helmReleaseSlug) return slugRelease(rendered);
  const bad = validateRelease(rendered);
  if (bad) throw new WerfActionError(`deploy.helmRelease rendered to an invalid release name: ${bad}`, { code: 'config.invalid-value', location: { ...meta.pos }, hint: 'fix the template or set deploy.helmReleaseSlug: true' });
  return rendered;
}
