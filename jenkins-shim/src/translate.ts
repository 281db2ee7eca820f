// Jenkins shim: `node werf-action-jenkins.js COMMAND [ARGS...]`, called by the
// shared library steps in vars/. It only translates Jenkins' environment into
// werf-action flags (traceability annotations) and runs the CLI in-process.
/** Annotations werf's ci-env would add, from Jenkins' standard variables. */
export function jenkinsAnnotations(env: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  if (env.GIT_URL) out.push(`project.werf.io/git=${env.GIT_URL}`);
  if (env.GIT_COMMIT) out.push(`ci.werf.io/commit=${env.GIT_COMMIT}`);
  if (env.TAG_NAME) out.push(`ci.werf.io/tag=${env.TAG_NAME}`);
  if (env.BUILD_URL) out.push(`jenkins.ci.werf.io/build-url=${env.BUILD_URL}`);
  return out;
}

const DEPLOYING = new Set(['converge', 'plan']);

export function jenkinsArgv(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const [command, ...rest] = argv;
  if (!command) return [];
  const extra = DEPLOYING.has(command) ? jenkinsAnnotations(env).map((a) => `--add-annotation=${a}`) : [];
  return [command, ...rest, ...extra];
}
