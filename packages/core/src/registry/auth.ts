// WWW-Authenticate parsing and the token flow of the distribution spec:
// Bearer realms (GET with Basic credentials, or POST with an OAuth2 refresh
// token) and Basic. Tokens are cached per scope until shortly before expiry.

export interface Challenge {
  scheme: 'basic' | 'bearer';
  realm?: string;
  service?: string;
  scope?: string;
}

/** Parse the first supported challenge of a WWW-Authenticate header. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined;
  const params: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(m[2]!)) !== null) {
    params[p[1]!.toLowerCase()] = (p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]) ?? '';
  }
  return { scheme, realm: params.realm, service: params.service, scope: params.scope };
}

export type Action = 'pull' | 'push' | 'delete';

/** `repository:<name>:<actions>`; `push` implies `pull` as docker clients send it. */
export function repositoryScope(repository: string, actions: Action[]): string {
  const set = new Set<Action>(actions);
  if (set.has('push')) set.add('pull');
  const order: Action[] = ['pull', 'push', 'delete'];
  return `repository:${repository}:${order.filter((a) => set.has(a)).join(',')}`;
}

/** Merge scope strings (space separated lists) into one canonical, sorted string. */
export function mergeScopes(...scopes: (string | undefined)[]): string {
  const byResource = new Map<string, Set<string>>();
  for (const list of scopes) {
    for (const s of (list ?? '').split(/\s+/).filter(Boolean)) {
      const i = s.lastIndexOf(':');
      if (i < 0) continue;
      const res = s.slice(0, i);
      const acts = byResource.get(res) ?? new Set<string>();
      for (const a of s.slice(i + 1).split(',').filter(Boolean)) acts.add(a);
      byResource.set(res, acts);
    }
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([res, acts]) => `${res}:${[...acts].sort().join(',')}`)
    .join(' ');
}

export interface CachedToken {
  token: string;
  /** Epoch ms after which the token is not used. */
  expiresAt: number;
}

/** Token response of a registry token server (docker and OAuth2 forms). */
export interface TokenResponse {
  token?: string;
  access_token?: string;
  expires_in?: number;
  issued_at?: string;
  refresh_token?: string;
}
