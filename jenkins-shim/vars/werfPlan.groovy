// werfPlan(env: 'production', ...): werf-action plan with the given flags.
def call(Map args = [:]) {
  werfAction('plan', args)
}
