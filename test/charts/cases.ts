// The chart corpus: each case is a chart under test/charts/<case>/chart and
// variants of `helm template` arguments. Expected outputs live next to it:
//   <case>/<variant>.out         what `helm template` prints (or `ERROR: <message>`)
//   <case>/<variant>.files.json  every rendered template as Go's text/template +
//                                Sprig + Helm functions produce it (gotpl-oracle)
import type { HelmTemplateOptions } from '../../packages/core/src/commands/helm-template.js';

export interface Variant {
  name: string;
  args: Omit<HelmTemplateOptions, 'chart'>;
  /** Skip the oracle for templates using Go methods (.Files.Get, APIVersions.Has, ...). */
  noOracle?: string[];
}

export const CASES: Record<string, Variant[]> = {
  webapp: [
    { name: 'default', args: {} },
    {
      name: 'overrides',
      args: {
        name: 'prod', namespace: 'web', valueFiles: ['prod-values.yaml'],
        values: ['ingress.enabled=false', 'replicaCount=5', 'env.EXTRA=x\\,y', 'extraEnvVars[0].name=A', 'extraEnvVars[0].value=b'],
        stringValues: ['image.tag=010'], jsonValues: ['podAnnotations={"a.io/x":"1","b":2}'],
      },
    },
    { name: 'show-only', args: { showOnly: ['templates/service.yaml', 'templates/tests/*'] } },
    { name: 'skip-tests-old-kube', args: { skipTests: true, kubeVersion: '1.18.3' } },
    { name: 'kube-too-old', args: { kubeVersion: 'v1.15.0' } },
  ],
  umbrella: [
    { name: 'default', args: {} },
    { name: 'replica-analytics', args: { values: ['replica.enabled=true', 'tags.analytics=true', 'cache.enabled=false'] } },
    { name: 'cache-by-global', args: { values: ['cache.enabled=null', 'global.cacheEnabled=false', 'tags.replication=false', 'replica.enabled=null'] } },
  ],
  schema: [
    { name: 'default', args: {} },
    { name: 'invalid', args: { values: ['replicas=20', 'name=Bad_Name', 'image.pullPolicy=Sometimes', 'ports[2]=x'] } },
    { name: 'skip-validation', args: { values: ['replicas=20'], skipSchemaValidation: true } },
    { name: 'required', args: { values: ['name=null'], skipSchemaValidation: true } },
  ],
  legacy: [
    { name: 'default', args: {} },
    { name: 'crds', args: { includeCrds: true, namespace: 'ops' } },
    { name: 'helper-off', args: { values: ['helper.enabled=false'] } },
  ],
};
