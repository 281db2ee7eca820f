// werfConverge(env: 'production', ...): werf-action converge with the given flags.
def call(Map args = [:]) {
  werfAction('converge', args)
}
