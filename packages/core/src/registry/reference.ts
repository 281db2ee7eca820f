// Docker image reference grammar: [registry[:port]/]path[:tag][@digest],
// normalized as docker does (docker.io default, library/ for one-part names).
import { WerfActionError } from '../errors/index.js';

export const DOCKER_HUB = 'docker.io';
/** The host that serves Docker Hub's registry API. */
export const DOCKER_HUB_API = 'registry-1.docker.io';

export interface ImageReference {
  /** Registry host[:port] as the user wrote it or `docker.io`. */
  registry: string;
  /** Repository path inside the registry (`library/alpine`, `group/app`). */
  repository: string;
  tag?: string;
  digest?: string;
}

const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

function bad(ref: string, why: string): WerfActionError {
  return new WerfActionError(`invalid image reference "${ref}": ${why}`, {
    code: 'registry.invalid-reference',
    location: { subject: ref },
    hint: 'expected [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] with a lower-case name',
  });
}

/** Parse a full image reference (tag and digest optional). */
export function parseReference(ref: string): ImageReference {
  let rest = ref.trim();
  if (!rest) throw bad(ref, 'empty');
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) throw bad(ref, `bad digest "${digest}"`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) throw bad(ref, `bad tag "${tag}"`);
  }
  const { registry, repository } = splitRepository(rest, ref);
  return { registry, repository, tag, digest };
}

/** Parse a repository without tag/digest (`--repo` value). */
export function parseRepository(repo: string): { registry: string; repository: string } {
  const r = parseReference(repo);
  if (r.tag || r.digest) throw bad(repo, 'a repository must not have a tag or digest');
  return { registry: r.registry, repository: r.repository };
}

function splitRepository(name: string, original: string): { registry: string; repository: string } {
  let registry = DOCKER_HUB;
  let path = name;
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      path = name.slice(slash + 1);
    }
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DOCKER_HUB;
  if (!path) throw bad(original, 'empty repository name');
  for (const c of path.split('/')) {
    if (!COMPONENT_RE.test(c)) throw bad(original, `bad name component "${c}"`);
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  return { registry, repository: path };
}

/** `registry/repository[:tag][@digest]`, the form other tools accept. */
export function formatReference(r: ImageReference): string {
  let s = `${r.registry}/${r.repository}`;
  if (r.tag) s += `:${r.tag}`;
  if (r.digest) s += `@${r.digest}`;
  return s;
}

/** The host to send API requests to (Docker Hub's API lives elsewhere). */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
