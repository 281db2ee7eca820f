// Runs one werf-action command with the bundled shim from this library's
// resources. Map keys become flags: werfAction('converge', [env: 'production',
// repo: 'registry.example.com/app', set: ['a=1', 'b=2']]).
def call(String command, Map args = [:]) {
  def shim = "${env.WORKSPACE_TMP ?: pwd(tmp: true)}/werf-action-jenkins.js"
  writeFile(file: shim, text: libraryResource('werf-action-jenkins.js'))
  def flags = []
  args.each { key, value ->
    def name = key.toString().replaceAll(/([A-Z])/, '-$1').toLowerCase()
    if (value instanceof Boolean) {
      flags << "--${name}=${value}"
    } else if (value instanceof List) {
      value.each { v -> flags << "--${name}=${v}" }
    } else if (value != null) {
      flags << "--${name}=${value}"
    }
  }
  def quoted = flags.collect { "'" + it.toString().replace("'", "'\\''") + "'" }.join(' ')
  sh(label: "werf-action ${command}", script: "node '${shim}' ${command} ${quoted}")
}
