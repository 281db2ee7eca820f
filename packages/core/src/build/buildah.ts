// The Buildah driver: the only file in werf-action that knows Buildah's
// command line. Runs `buildah` through execa with the storage driver,
// isolation and storage root chosen once (options > env > defaults), streams
// its output into the log, and turns failures into WerfActionErrors that show
// the failing instruction and the last lines of output.
import { execa, type ResultPromise } from 'execa';
import { setMaxListeners } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { WerfActionError } from '../errors/index.js';

export interface BuildahOptions {
  /** `vfs`, `overlay`, ...; default: $STORAGE_DRIVER, else overlay when usable, else vfs. */
  storageDriver?: string;
  /** `chroot`, `oci`, `rootless`; default: $BUILDAH_ISOLATION, else chroot. */
  isolation?: string;
  /** Storage root and run root; default: Buildah's (storage.conf). */
  root?: string;
  runroot?: string;
  /** The buildah executable (default `buildah`). */
  binary?: string;
  /** Lines of output kept for error reports (default 30). */
  tailLines?: number;
  /** Retries of a push after a transient registry failure (default 4). */
  pushRetries?: number;
}

/** How to reach a registry: the flags Buildah understands. */
export interface RegistryAccess {
  /** false for an insecure (HTTP or unverified TLS) registry. */
  tlsVerify?: boolean;
  certDir?: string;
  /** A docker config.json (`auths`) to authenticate with. */
  authFile?: string;
}

export interface BuildSecretInput {
  id: string;
  /** Exactly one: a file, an environment variable, or a literal value. */
  src?: string;
  env?: string;
  value?: string;
}

export interface BuildahBuildOptions {
  contextDir: string;
  /** Dockerfile path (absolute, or relative to contextDir). */
  dockerfile: string;
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  network?: string;
  addHost?: string[];
  secrets?: BuildSecretInput[];
  labels?: Record<string, string>;
  /** Names to give the result (`repo:tag`). */
  tags?: string[];
  /** Cache intermediate layers (default false). */
  layers?: boolean;
  /** Pull policy for base images: `missing` (default), `always`, `never`. */
  pull?: 'missing' | 'always' | 'never';
  registry?: RegistryAccess;
  /** Section title for the log (default: the first tag). */
  title?: string;
  /** The Dockerfile as the user wrote it, to name the failing instruction's line in errors. */
  dockerfileForErrors?: { file: string; text: string };
  /** Where the image goes: `docker` (default, Docker schema2 like werf) or `oci`. */
  format?: 'docker' | 'oci';
}

export interface ImageInfo {
  id: string;
  /** Manifest digest in local storage (sha256:...). */
  digest: string;
  size: number;
  labels: Record<string, string>;
  created?: string;
  names: string[];
}

export class BuildahError extends WerfActionError {}

/** Picks the storage driver: overlay when the kernel has it and we are root or have fuse-overlayfs, else vfs. */
export function defaultStorageDriver(env: Readonly<Record<string, string | undefined>>): string {
  if (env.STORAGE_DRIVER) return env.STORAGE_DRIVER;
  try {
    const fs = readFileSync('/proc/filesystems', 'utf8');
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (/\boverlay\b/.test(fs) && (root || existsSync('/usr/bin/fuse-overlayfs'))) return 'overlay';
  } catch {
    /* not Linux */
  }
  return 'vfs';
}

export class Buildah {
  readonly storageDriver: string;
  readonly isolation: string;
  private readonly binary: string;
  private readonly tail: number;

  constructor(private readonly ctx: Context, private readonly opts: BuildahOptions = {}) {
    this.storageDriver = opts.storageDriver ?? defaultStorageDriver(ctx.env);
    this.isolation = opts.isolation ?? ctx.env.BUILDAH_ISOLATION ?? 'chroot';
    this.binary = opts.binary ?? 'buildah';
    this.tail = opts.tailLines ?? 30;
    // every execa call listens on the run's signal
    setMaxListeners(0, ctx.signal);
  }

  /** Global flags (before the subcommand). */
  private globalFlags(): string[] {
    const f = ['--storage-driver', this.storageDriver];
    if (this.opts.root) f.push('--root', this.opts.root);
    if (this.opts.runroot) f.push('--runroot', this.opts.runroot);
    return f;
  }

  private env(): Record<string, string | undefined> {
    return { ...this.ctx.env, BUILDAH_ISOLATION: this.isolation, STORAGE_DRIVER: this.storageDriver };
  }

  /** Runs buildah and returns stdout; failures become BuildahErrors with stderr. */
  async run(args: string[], opts: { input?: string; subject?: string } = {}): Promise<string> {
    const r = await execa(this.binary, [...this.globalFlags(), ...args], {
      env: this.env(), extendEnv: false, reject: false, cancelSignal: this.ctx.signal, input: opts.input,
      stripFinalNewline: true,
    });
    if (r.exitCode !== 0 || r.failed) {
      const err = String(r.stderr || r.stdout || r.message).trim();
      throw new BuildahError(`buildah ${args[0]} failed: ${lastLines(err, 5)}`, {
        code: classify(err, args[0] ?? ''),
        location: opts.subject ? { subject: opts.subject } : undefined,
        hint: hintFor(err),
      });
    }
    return String(r.stdout);
  }

  async version(): Promise<string> {
    const out = await this.run(['version', '--json']);
    try {
      return (JSON.parse(out) as { version: string }).version;
    } catch {
      return out;
    }
  }

  /** `buildah build`; returns the image ID. Output is streamed into the log under a section. */
  async build(o: BuildahBuildOptions): Promise<{ imageId: string; elapsedMs: number }> {
    const tmp = await mkdtemp(join(tmpdir(), 'werf-action-build-'));
    const started = this.ctx.now();
    try {
      const iid = join(tmp, 'iid');
      const args = ['build', '--iidfile', iid, '-f', o.dockerfile, '--format', o.format ?? 'docker'];
      args.push(`--layers=${o.layers ? 'true' : 'false'}`);
      args.push(`--pull=${o.pull === 'always' ? 'always' : o.pull === 'never' ? 'never' : 'missing'}`);
      args.push('--isolation', this.isolation);
      if (o.target) args.push('--target', o.target);
      if (o.platform) args.push('--platform', o.platform);
      if (o.network) args.push('--network', o.network);
      for (const h of o.addHost ?? []) args.push('--add-host', h);
      for (const [k, v] of Object.entries(o.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
      for (const [k, v] of Object.entries(o.labels ?? {})) args.push('--label', `${k}=${v}`);
      for (const t of o.tags ?? []) args.push('--tag', t);
      args.push(...registryFlags(o.registry));
      let n = 0;
      for (const s of o.secrets ?? []) {
        let src = s.src;
        if (src === undefined) {
          const value = s.value ?? (s.env !== undefined ? this.ctx.env[s.env] : undefined);
          if (value === undefined) {
            throw new WerfActionError(`build secret "${s.id}": environment variable ${s.env} is not set`, {
              code: 'build.secret-missing', location: { subject: s.id }, hint: `export ${s.env} before the build`,
            });
          }
          this.ctx.log.mask(value);
          src = join(tmp, `secret-${n++}`);
          await writeFile(src, value, { mode: 0o600 });
          await chmod(src, 0o600);
        }
        args.push('--secret', `id=${s.id},src=${src}`);
      }
      args.push(o.contextDir);

      const title = o.title ?? `Building ${o.tags?.[0] ?? o.dockerfile}`;
      const tail: string[] = [];
      let step = '';
      await this.ctx.log.section(title, async () => {
        const proc: ResultPromise = execa(this.binary, [...this.globalFlags(), ...args], {
          env: this.env(), extendEnv: false, reject: false, cancelSignal: this.ctx.signal, all: true, buffer: false,
          stdin: 'ignore',
        });
        const onLine = (line: string) => {
          if (/^STEP \d+\/\d+: /.test(line)) step = line.replace(/^STEP \d+\/\d+: /, '');
          tail.push(line);
          if (tail.length > this.tail) tail.shift();
          this.ctx.log.info(line);
        };
        let buf = '';
        proc.all?.on('data', (chunk: Buffer) => {
          buf += chunk.toString('utf8');
          let i: number;
          while ((i = buf.indexOf('\n')) >= 0) {
            onLine(buf.slice(0, i).replace(/\r$/, ''));
            buf = buf.slice(i + 1);
          }
        });
        const r = await proc;
        if (buf) onLine(buf);
        if (r.exitCode !== 0 || r.failed) {
          if (this.ctx.signal.aborted) {
            throw new WerfActionError('build cancelled', { code: 'build.cancelled', location: { subject: title } });
          }
          const failing = step || '(before the first step)';
          const line = o.dockerfileForErrors ? findInstructionLine(o.dockerfileForErrors.text, failing) : undefined;
          throw new BuildahError(`${failing}: failed`, {
            code: 'build.failed',
            location: { file: o.dockerfileForErrors?.file, line, subject: o.tags?.[0] },
            hint: `last lines of the build output:\n${tail.map((l) => `    ${l}`).join('\n')}`,
          });
        }
      });
      const imageId = (await readFile(iid, 'utf8')).trim().replace(/^sha256:/, '');
      return { imageId, elapsedMs: this.ctx.now() - started };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** Pushes a local image to `dest` (`host/repo:tag`); returns the manifest digest in the registry. */
  async push(image: string, dest: string, access: RegistryAccess = {}): Promise<string> {
    const tmp = await mkdtemp(join(tmpdir(), 'werf-action-push-'));
    try {
      const df = join(tmp, 'digest');
      // Buildah retries blob uploads but not a failed manifest PUT: retry transient failures here.
      for (let attempt = 0; ; attempt++) {
        try {
          await this.run(['push', '--quiet', '--retry', '3', '--digestfile', df, ...registryFlags(access), image, `docker://${dest}`], { subject: dest });
          break;
        } catch (e) {
          if (attempt >= (this.opts.pushRetries ?? 4) || !(e instanceof BuildahError) || !isTransient(e.message)) throw e;
          const delay = Math.min(8000, 250 * 2 ** attempt);
          this.ctx.log.warn(`push of ${dest} failed (${lastLines(e.message, 1)}); retrying in ${delay} ms`);
          await new Promise((r) => setTimeout(r, delay));
        }
      }
      return (await readFile(df, 'utf8')).trim();
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  async pull(ref: string, access: RegistryAccess = {}): Promise<string> {
    return (await this.run(['pull', '--quiet', ...registryFlags(access), `docker://${ref}`], { subject: ref })).trim();
  }

  async tag(image: string, ...names: string[]): Promise<void> {
    await this.run(['tag', image, ...names], { subject: image });
  }

  async rmi(...images: string[]): Promise<void> {
    if (images.length) await this.run(['rmi', '--force', ...images]);
  }

  /** Local image metadata, or undefined when it is not in local storage. */
  async inspect(image: string): Promise<ImageInfo | undefined> {
    let out: string;
    try {
      out = await this.run(['inspect', '--type', 'image', image], { subject: image });
    } catch (e) {
      if (e instanceof BuildahError && e.code === 'buildah.not-found') return undefined;
      throw e;
    }
    const j = JSON.parse(out) as {
      FromImage?: string; FromImageID?: string; FromImageDigest?: string; Manifest?: string;
      OCIv1?: { config?: { Labels?: Record<string, string> }; created?: string };
      Docker?: { config?: { Labels?: Record<string, string> } };
    };
    let size = 0;
    try {
      const m = JSON.parse(j.Manifest ?? '{}') as { config?: { size?: number }; layers?: { size?: number }[] };
      size = (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + (l.size ?? 0), 0);
    } catch {
      /* keep 0 */
    }
    return {
      id: (j.FromImageID ?? '').replace(/^sha256:/, ''),
      digest: j.FromImageDigest ?? '',
      size,
      labels: j.OCIv1?.config?.Labels ?? j.Docker?.config?.Labels ?? {},
      created: j.OCIv1?.created,
      names: j.FromImage ? [j.FromImage] : [],
    };
  }

  /** Local images: id and names (`localhost/project:tag`). */
  async images(): Promise<{ id: string; names: string[] }[]> {
    const out = await this.run(['images', '--json', '--no-trunc']);
    const list = JSON.parse(out || '[]') as { id?: string; names?: string[] | null }[];
    return list.map((i) => ({ id: (i.id ?? '').replace(/^sha256:/, ''), names: i.names ?? [] }));
  }

  async exists(image: string): Promise<boolean> {
    return (await this.inspect(image)) !== undefined;
  }
}

export function registryFlags(a: RegistryAccess | undefined): string[] {
  const f: string[] = [];
  if (!a) return f;
  if (a.tlsVerify === false) f.push('--tls-verify=false');
  if (a.certDir) f.push('--cert-dir', a.certDir);
  if (a.authFile) f.push('--authfile', a.authFile);
  return f;
}

function isTransient(msg: string): boolean {
  return /\b(5\d\d|429)\b|too many requests|connection reset|broken pipe|unexpected EOF|\bEOF\b|timeout|i\/o timeout/i.test(msg);
}

function lastLines(s: string, n: number): string {
  return s.split('\n').slice(-n).join('\n');
}

function classify(err: string, cmd: string): string {
  if (/image not known|no such image|not found in local storage|unable to find/i.test(err)) return 'buildah.not-found';
  if (/unauthorized|authentication required|denied/i.test(err)) return 'registry.unauthorized';
  if (/connection refused|no such host|dial tcp|i\/o timeout/i.test(err)) return 'registry.unreachable';
  return `buildah.${cmd || 'failed'}`;
}

function hintFor(err: string): string | undefined {
  if (/unauthorized|authentication required|denied/i.test(err)) return 'log in to the registry (docker login / werf-action cr login) or check the docker config';
  if (/http: server gave HTTP response to HTTPS client|x509/i.test(err)) return 'for a registry without valid TLS pass --insecure-registry or --skip-tls-verify-registry';
  if (/connection refused|no such host/i.test(err)) return 'check the registry address and that it is reachable from this machine';
  if (/overlay/i.test(err)) return 'set STORAGE_DRIVER=vfs when overlay is not available';
  return undefined;
}

/** Finds the Dockerfile line of Buildah's `STEP n/m: <instruction>` text (first match). */
export function findInstructionLine(text: string, instruction: string): number | undefined {
  {
    const want = instruction.replace(/\s+/g, ' ').trim().toLowerCase();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      let joined = lines[i]!;
      let j = i;
      while (/\\\s*$/.test(joined) && j + 1 < lines.length) joined = joined.replace(/\\\s*$/, ' ') + lines[++j];
      const norm = joined.replace(/\s+/g, ' ').trim().toLowerCase();
      if (norm && (norm === want || want.startsWith(norm) || norm.startsWith(want.slice(0, 40)))) return i + 1;
    }
  }
  return undefined;
}
