// Dependencies of werf's `dockerfile` stage (werf pkg/build/stage/
// full_dockerfile.go: GetDependencies): every stage's resolved FROM, its
// instructions with ARG/ENV expanded, COPY/ADD sources checksummed from Git;
// stages related through FROM <stage>, COPY --from=N, RUN --mount from=N pull
// in each other's lists; only the target stage's list is hashed, with the
// cacheVersion. The caller turns the result into the stage digest.
import { sha256 } from '../../digest/index.js';
import { WerfActionError } from '../../errors/index.js';
import { processWord, ShellWordError } from './shell.js';
import { flagValue, flagValues, keyValues, type Dockerfile, type Instruction } from './parser.js';

export interface DockerfileDigestInput {
  dockerfile: Dockerfile;
  targetIndex: number;
  /** werf.yaml `args`. */
  buildArgs: Readonly<Record<string, string>>;
  /** Build args coming from `dependencies[].imports` (dependency image name/tag/...). */
  dependencyArgs: Readonly<Record<string, string>>;
  addHost: readonly string[];
  /** Target platform (`linux/amd64`); defaults to the host platform. */
  platform?: string;
  cacheVersion?: string;
  /** Checksum of COPY/ADD sources (resolved, relative to the context), "" when nothing matches. */
  sourcesChecksum(sources: string[], instruction: Instruction): string;
}

export interface DockerfileDigestResult {
  /** Sha256Hash(target stage dependencies..., [cacheVersion]). */
  dependencies: string;
  /** The strings that were hashed (WERF_DEBUG_DOCKERFILE_STAGE_DEPENDENCIES). */
  parts: string[];
  /** Resolved base image of the target stage. */
  baseImage: string;
}

/** `linux/amd64` style platform of this machine. */
export function hostPlatform(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'ia32' ? '386' : process.arch === 'arm' ? 'arm' : process.arch;
  return `linux/${arch}`;
}

/** BuildKit's automatic platform ARGs. */
export function platformArgs(target: string | undefined): Record<string, string> {
  const build = hostPlatform();
  const tp = target && target !== '' ? target : build;
  const [bos = '', barch = '', bvar = ''] = build.split('/');
  const [tos = '', tarch = '', tvar = ''] = tp.split('/');
  return {
    BUILDPLATFORM: build, BUILDOS: bos, BUILDARCH: barch, BUILDVARIANT: bvar,
    TARGETPLATFORM: tp, TARGETOS: tos, TARGETARCH: tarch, TARGETVARIANT: tvar,
  };
}

export function computeDockerfileDependencies(input: DockerfileDigestInput): DockerfileDigestResult {
  const df = input.dockerfile;
  const esc = df.escapeToken;
  const fail = (ins: Instruction, e: unknown): never => {
    const msg = e instanceof Error ? e.message : String(e);
    throw new WerfActionError(`${msg} in ${ins.cmd.toUpperCase()}`, {
      code: 'dockerfile.expansion',
      location: { file: df.file, line: ins.startLine },
      cause: e,
    });
  };
  const word = (ins: Instruction, text: string, env: Map<string, string>): string => {
    try {
      return processWord(text, env, esc);
    } catch (e) {
      if (e instanceof ShellWordError) return fail(ins, e);
      throw e;
    }
  };
  const depArgs = input.dependencyArgs;
  const buildArgs = input.buildArgs;
  const has = (o: Readonly<Record<string, string>>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

  // Meta ARGs (before the first FROM).
  const meta = new Map<string, string>();
  for (const ins of df.metaArgs) {
    for (const kv of keyValues(ins)) {
      const key = word(ins, kv.key, meta);
      let value: string;
      if (has(depArgs, key)) value = depArgs[key]!;
      else if (has(buildArgs, key)) value = buildArgs[key]!;
      else value = word(ins, kv.value ?? '', meta);
      meta.set(key, value);
    }
  }
  const resolvedMeta = new Map<string, string>(Object.entries(platformArgs(input.platform)));
  for (const [k, v] of meta) resolvedMeta.set(k, v);

  const n = df.stages.length;
  const stageArgs: Map<string, string>[] = Array.from({ length: n }, () => new Map());
  const stageEnvs: Map<string, string>[] = Array.from({ length: n }, () => new Map());
  // werf's toArgsArray: stage ARGs win over ENVs.
  const argsAndEnvs = (i: number) => {
    const m = new Map(stageEnvs[i]!);
    for (const [k, v] of stageArgs[i]!) m.set(k, v);
    return m;
  };

  const instructionDeps = (i: number, ins: Instruction, onbuild: boolean): { deps: string[]; onbuildDeps: string[] } => {
    const deps: string[] = [];
    const onbuildDeps: string[] = [];
    const resolve = (v: string) => word(ins, v, onbuild ? stageEnvs[i]! : argsAndEnvs(i));
    const code = ins.original.trim();
    switch (ins.cmd) {
      case 'arg':
        for (const kv of keyValues(ins)) {
          let key: string;
          let value: string;
          if (!onbuild) {
            key = resolve(kv.key);
            const raw = kv.value ?? '';
            if (has(depArgs, key)) value = depArgs[key]!;
            else if (has(buildArgs, key)) value = buildArgs[key]!;
            else if (raw === '') value = resolvedMeta.get(key) ?? '';
            else value = resolve(raw);
            stageArgs[i]!.set(key, value);
          } else {
            key = resolve(kv.key);
            value = resolve(kv.value ?? '');
          }
          deps.push(`ARG ${key}=${value}`);
        }
        break;
      case 'env':
        for (const kv of keyValues(ins)) {
          const key = resolve(kv.key);
          const value = resolve(kv.value ?? '');
          if (!onbuild) stageEnvs[i]!.set(key, value);
          deps.push(`ENV ${key}=${value}`);
        }
        break;
      case 'add':
      case 'copy': {
        deps.push(heredocAware(code, ins));
        if (ins.cmd === 'add' || flagValue(ins.flags, 'from') === undefined) {
          const sources = ins.args.slice(0, -1).map(resolve);
          deps.push(input.sourcesChecksum(sources, ins));
        }
        break;
      }
      case 'onbuild': {
        const expression = code.replace(/^\s*onbuild\s*/i, '');
        deps.push(expression);
        const sub = instructionDeps(i, ins.sub!, true);
        onbuildDeps.push(...sub.deps);
        break;
      }
      default:
        deps.push(heredocAware(resolve(code), ins));
    }
    return { deps, onbuildDeps };
  };

  const stagesDeps: string[][] = [];
  const stagesOnbuild: string[][] = [];
  for (const st of df.stages) {
    const deps: string[] = [...input.addHost];
    const base = word(st.from, st.baseName, resolvedMeta);
    if (base === '') {
      throw new WerfActionError(`base image name of stage ${st.index} resolves to an empty string`, {
        code: 'dockerfile.invalid-base-image',
        location: { file: df.file, line: st.from.startLine },
        hint: 'give the ARG used in FROM a default or pass it in werf.yaml args',
      });
    }
    deps.push(base);
    const onb: string[] = [];
    for (const c of st.commands) {
      const r = instructionDeps(st.index, c, false);
      deps.push(...r.deps);
      onb.push(...r.onbuildDeps);
    }
    stagesDeps.push(deps);
    stagesOnbuild.push(onb);
  }

  // COPY --from=<name> / RUN --mount from=<name> are resolved to stage indexes first (werf ResolveDockerStagesFromValue).
  const nameToIndex = new Map<string, number>();
  df.stages.forEach((s, idx) => {
    if (s.name !== undefined && s.name !== String(idx)) nameToIndex.set(s.name, idx);
  });
  const fromIndex = (v: string): number | undefined => {
    const mapped = nameToIndex.get(v.toLowerCase());
    const s = mapped !== undefined ? String(mapped) : v;
    return /^\d+$/.test(s) ? Number(s) : undefined;
  };
  for (const st of df.stages) {
    const ind = st.index;
    for (const rel of df.stages) {
      if (rel.index === ind) continue;
      if (rel.name !== undefined && st.baseName === rel.name) {
        stagesDeps[ind]!.push(...stagesDeps[rel.index]!, ...stagesOnbuild[rel.index]!);
      }
    }
    for (const c of st.commands) {
      if (c.cmd === 'copy') {
        const from = flagValue(c.flags, 'from');
        const j = from === undefined ? undefined : fromIndex(from);
        if (j !== undefined && j < n) stagesDeps[ind]!.push(...stagesDeps[j]!);
      } else if (c.cmd === 'run') {
        for (const m of flagValues(c.flags, 'mount')) {
          const mf = /(?:^|,)from=([^,]+)/.exec(m);
          const j = mf ? fromIndex(mf[1]!) : undefined;
          if (j !== undefined && j < n) stagesDeps[ind]!.push(...stagesDeps[j]!);
        }
      }
    }
  }

  const parts = [...stagesDeps[input.targetIndex]!];
  if (input.cacheVersion) parts.push(input.cacheVersion);
  const target = df.stages[input.targetIndex]!;
  return { dependencies: sha256(...parts), parts, baseImage: word(target.from, target.baseName, resolvedMeta) };
}

/** Heredoc bodies are not part of BuildKit's instruction text; we add them so a changed body changes the digest. */
function heredocAware(text: string, ins: Instruction): string {
  if (ins.heredocs.length === 0) return text;
  return [text, ...ins.heredocs.map((h) => h.content)].join('\n');
}
