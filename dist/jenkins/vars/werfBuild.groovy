// werfBuild(env: 'production', ...): werf-action build with the given flags.
def call(Map args = [:]) {
  werfAction('build', args)
}
