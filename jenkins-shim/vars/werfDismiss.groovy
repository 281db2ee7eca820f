// werfDismiss(env: 'production', ...): werf-action dismiss with the given flags.
def call(Map args = [:]) {
  werfAction('dismiss', args)
}
