// Process entry of the bundled CLI (dist/cli/werf-action.js).
import { main } from './main.js';

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
// Exit now rather than wait for idle keep-alive sockets of registry clients to
// time out (writes to files, pipes and terminals are synchronous on Linux).
process.exit(code);
