// Registry credentials from the docker config (DOCKER_CONFIG or ~/.docker):
// `auths` (base64 user:password or identitytoken), `credHelpers` per registry
// and `credsStore`, the helpers being `docker-credential-<name>` programs.
// Every secret found is masked in the log before it is returned.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';
import { DOCKER_HUB } from './reference.js';

export interface Credentials {
  username?: string;
  password?: string;
  /** OAuth2 refresh token (`identitytoken` in config.json) for token servers. */
  identityToken?: string;
  /** A bearer token to send as is (`registrytoken`). */
  registryToken?: string;
  /** Where they came from, for error messages (never the secret). */
  source: string;
}

export interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string; registrytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** werf's --docker-config default: $WERF_DOCKER_CONFIG, $DOCKER_CONFIG, or ~/.docker. */
export function dockerConfigDir(env: Context['env']): string {
  return env.WERF_DOCKER_CONFIG || env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

export async function readDockerConfig(dir: string): Promise<{ path: string; config: DockerConfigFile } | undefined> {
  const path = join(dir, 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return { path, config: JSON.parse(text) as DockerConfigFile };
  } catch (e) {
    throw new WerfActionError(`cannot parse docker config ${path}: ${(e as Error).message}`, {
      code: 'registry.bad-docker-config',
      location: { file: path },
      hint: 'fix the JSON or point DOCKER_CONFIG at another directory',
    });
  }
}

/** The key docker uses for a registry in config.json (`https://index.docker.io/v1/` for Docker Hub). */
export function configKey(registry: string): string {
  return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry;
}

/** Host part of a config.json `auths` key (`https://host:5000/v1/` → `host:5000`), as docker's ConvertToHostname. */
function keyHost(key: string): string {
  let k = key.replace(/^https?:\/\//, '');
  const slash = k.indexOf('/');
  if (slash >= 0) k = k.slice(0, slash);
  if (k === 'index.docker.io' || k === 'registry-1.docker.io') return DOCKER_HUB;
  return k;
}

export interface CredentialHelperRunner {
  (helper: string, serverUrl: string, ctx: Context): Promise<{ Username?: string; Secret?: string } | undefined>;
}

/** Runs `docker-credential-<helper> get` with the server URL on stdin. */
export const runCredentialHelper: CredentialHelperRunner = async (helper, serverUrl, ctx) => {
  const program = `docker-credential-${helper}`;
  try {
    // Loaded on first use: most runs never call a credential helper.
    const { execa } = await import('execa');
    const r = await execa(program, ['get'], { input: serverUrl, cancelSignal: ctx.signal, env: { ...ctx.env } as Record<string, string>, extendEnv: false, reject: false });
    if (r.exitCode !== 0) {
      const out = `${r.stdout}`.trim();
      if (/credentials not found/i.test(out)) return undefined;
      throw new WerfActionError(`credential helper ${program} failed for ${serverUrl}: ${out || `exit code ${r.exitCode}`}`, {
        code: 'registry.credential-helper-failed',
        location: { subject: serverUrl },
        hint: `check that ${program} works: echo ${serverUrl} | ${program} get`,
      });
    }
    return JSON.parse(`${r.stdout}`) as { Username?: string; Secret?: string };
  } catch (e) {
    if (e instanceof WerfActionError) throw e;
    throw new WerfActionError(`credential helper ${program} could not run for ${serverUrl}: ${(e as Error).message}`, {
      code: 'registry.credential-helper-failed',
      location: { subject: serverUrl },
      hint: `install ${program} or remove it from the docker config`,
    });
  }
};

/**
 * Credentials for `registry` (host[:port] or docker.io): credHelpers entry,
 * then `auths`, then credsStore. Returns `{source: 'anonymous'}` when nothing matches.
 */
export async function resolveCredentials(
  registry: string,
  ctx: Context,
  options: { configDir?: string; runHelper?: CredentialHelperRunner } = {},
): Promise<Credentials> {
  const dir = options.configDir ?? dockerConfigDir(ctx.env);
  const loaded = await readDockerConfig(dir);
  if (!loaded) return { source: `anonymous (no ${join(dir, 'config.json')})` };
  const { path, config } = loaded;
  const runHelper = options.runHelper ?? runCredentialHelper;
  const key = configKey(registry);

  const fromHelper = async (helper: string, what: string): Promise<Credentials | undefined> => {
    const got = await runHelper(helper, key, ctx);
    if (!got || (!got.Secret && !got.Username)) return undefined;
    const source = `${what} docker-credential-${helper} (${path})`;
    if (got.Secret) ctx.log.mask(got.Secret);
    // Docker's convention: username "<token>" means the secret is an identity token.
    if (got.Username === '<token>') return { identityToken: got.Secret, source };
    return { username: got.Username, password: got.Secret, source };
  };

  const helperName = config.credHelpers?.[key] ?? config.credHelpers?.[registry]
    ?? (registry === DOCKER_HUB ? config.credHelpers?.['index.docker.io'] : undefined);
  if (helperName) {
    const c = await fromHelper(helperName, 'credHelpers');
    if (c) return c;
  }
  for (const [k, entry] of Object.entries(config.auths ?? {})) {
    if (keyHost(k) !== registry) continue;
    const c: Credentials = { source: `auths["${k}"] in ${path}` };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      ctx.log.mask(entry.auth);
      const sep = decoded.indexOf(':');
      if (sep < 0) {
        throw new WerfActionError(`docker config ${path}: auths["${k}"].auth is not base64 of user:password`, {
          code: 'registry.bad-docker-config', location: { file: path, subject: registry },
          hint: `run docker login ${registry} again`,
        });
      }
      c.username = decoded.slice(0, sep);
      c.password = decoded.slice(sep + 1);
    }
    if (entry.username) c.username = entry.username;
    if (entry.password) c.password = entry.password;
    if (entry.identitytoken) c.identityToken = entry.identitytoken;
    if (entry.registrytoken) c.registryToken = entry.registrytoken;
    for (const s of [c.password, c.identityToken, c.registryToken]) if (s) ctx.log.mask(s);
    if (c.password || c.identityToken || c.registryToken) return c;
  }
  if (config.credsStore) {
    const c = await fromHelper(config.credsStore, 'credsStore');
    if (c) return c;
  }
  return { source: `anonymous (no entry for ${registry} in ${path})` };
}
