// werfCleanup(env: 'production', ...): werf-action cleanup with the given flags.
def call(Map args = [:]) {
  werfAction('cleanup', args)
}
