// gobwas/glob with '/' as separator, as Helm's .Files.Glob uses it:
// `*` (no '/'), `**` (anything), `?`, `[abc]`, `[!a-z]`, `{a,b}`, `\` escapes.

export function compileGobwas(pattern: string): RegExp {
  let i = 0;
  const parse = (inAlt: boolean): string => {
    let re = '';
    while (i < pattern.length) {
      const c = pattern[i]!;
      if (inAlt && (c === ',' || c === '}')) return re;
      i++;
      if (c === '*') {
        if (pattern[i] === '*') { i++; re += '.*'; } else re += '[^/]*';
      } else if (c === '?') re += '[^/]';
      else if (c === '\\') {
        if (i >= pattern.length) throw new Error('unexpected end of pattern');
        re += esc(pattern[i++]!);
      } else if (c === '[') {
        const end = pattern.indexOf(']', i);
        if (end < 0) throw new Error('unclosed [');
        let body = pattern.slice(i, end);
        i = end + 1;
        let neg = false;
        if (body.startsWith('!')) { neg = true; body = body.slice(1); }
        if (body === '') throw new Error('empty range');
        re += `[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => '\\' + m)}]`;
      } else if (c === '{') {
        const alts: string[] = [];
        for (;;) {
          alts.push(parse(true));
          if (i >= pattern.length) throw new Error('unclosed {');
          const d = pattern[i++];
          if (d === '}') break;
        }
        re += `(?:${alts.join('|')})`;
      } else re += esc(c);
    }
    if (inAlt) throw new Error('unclosed {');
    return re;
  };
  return new RegExp(`^${parse(false)}$`, 's');
}

function esc(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

/** Matches like Helm's Files.Glob: an invalid pattern matches everything (`**`). */
export function globMatcher(pattern: string): (name: string) => boolean {
  try { const re = compileGobwas(pattern); return (n) => re.test(n); } catch { return () => true; }
}
