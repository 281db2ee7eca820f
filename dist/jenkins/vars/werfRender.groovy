// werfRender(env: 'production', ...): werf-action render with the given flags.
def call(Map args = [:]) {
  werfAction('render', args)
}
