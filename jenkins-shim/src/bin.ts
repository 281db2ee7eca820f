// Process entry of the Jenkins shim bundle (dist/jenkins/resources/werf-action-jenkins.js).
import { main } from '@werf-action/cli';
import { jenkinsArgv } from './translate.js';

const code = await main(jenkinsArgv(process.argv.slice(2), process.env), {
  stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
});
process.exit(code);
