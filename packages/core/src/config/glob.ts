// Shell globs with `**` (doublestar semantics, as werf uses for .Files.Glob and
// giterminism allow lists). Paths are '/'-separated and relative.

const cache = new Map<string, RegExp>();

/** Compiles a glob to an anchored RegExp. `*`/`?` never cross '/', `**` as a segment matches any depth. */
export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let i = 0;
  let inGroup = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) re += '.*';
          else {
            re += '(?:[^/]*(?:/[^/]*)*/)?';
            i++; // skip the '/'
          }
          i += 2;
          continue;
        }
      }
      re += '[^/]*';
      i++;
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
        i++;
      } else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith('!') || cls.startsWith('^')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end + 1;
      }
    } else if (c === '{') {
      inGroup++;
      re += '(?:';
      i++;
    } else if (c === '}' && inGroup) {
      inGroup--;
      re += ')';
      i++;
    } else if (c === ',' && inGroup) {
      re += '|';
      i++;
    } else if (c === '\\' && i + 1 < glob.length) {
      re += escapeRe(glob[i + 1]!);
      i += 2;
    } else {
      re += escapeRe(c);
      i++;
    }
  }
  const out = new RegExp(`^${re}$`);
  cache.set(glob, out);
  return out;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

export function globMatch(glob: string, path: string): boolean {
  return globToRegExp(normalizeGlob(glob)).test(path);
}

/** True when `path` matches the glob or lies inside a directory the glob matches. */
export function globMatchPathOrParent(glob: string, path: string): boolean {
  const re = globToRegExp(normalizeGlob(glob));
  if (re.test(path)) return true;
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    if (re.test(path.slice(0, i))) return true;
  }
  return false;
}

function normalizeGlob(g: string): string {
  return g.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** The literal directory prefix of a glob (before its first wildcard), '' for none. */
export function globBase(glob: string): string {
  const g = normalizeGlob(glob);
  const idx = g.search(/[*?[{\\]/);
  const lit = idx === -1 ? g : g.slice(0, idx);
  const slash = lit.lastIndexOf('/');
  if (idx === -1) return g;
  return slash === -1 ? '' : lit.slice(0, slash);
}
