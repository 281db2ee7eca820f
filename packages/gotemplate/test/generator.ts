// Random Go templates and values over the whole language and the deterministic function set,
// for differential testing against the Go oracle (scripts/fuzz.ts).

export interface Case { templates: Record<string, string>; values: Record<string, unknown>; strict?: boolean }

class Rng {
  private s: number;
  constructor(seed: number) { this.s = (seed >>> 0) || 1; }
  next(): number { // xorshift32
    let x = this.s;
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    this.s = x;
    return x / 0x100000000;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(a: readonly T[]): T { return a[this.int(a.length)]; }
  chance(p: number): boolean { return this.next() < p; }
}

const STRINGS = ['', 'a', 'b', 'abc', 'Hello World', 'foo-bar_baz', 'FooBar', 'true', 'yes', 'no', 'on', 'null', '~', '1', '1.0', '0x1F', '1e3', '012',
  '-x', '*', '&a', '!t', 'a: b', 'x #y', ' lead', 'trail ', 'multi\nline', 'multi\nline\n', 'two\n\nblank', '<a&b>', 'ünïcödé', '日本', 'tab\there',
  'quote"s', "it's", 'back\\slash', '2020-01-02', '1:20', '@x', '%p', 'a,b,c', 'k=v', '{x}', '[y]', '- item', '? q', 'v1.2.3', '1.2.3-beta.1', '>=1.0.0',
  'The quick brown fox jumps over the lazy dog and keeps running far beyond the eighty column limit', '   ', 'snake_case_word', 'kebab-case-word', 'MixedCASEWord9x',
  'camelCaseString', '0', '-1', '3.14', '+5', '.5', 'NaN', 'Inf', 'ab%sc', 'x\ry', '#comment', '---', 'a b  c', 'AbC dEf'];
const NUMS = [0, 1, 2, 3, -1, 1.5, -0.5, 8080, 1000000, 123456789, 0.0001, 0.00001, 1e21, 1e20, 3.0, 100, 2.5e-7, 42, 65536, 1e6 + 0.5];
const KEYS = ['a', 'b', 'c', 'name', 'x', 'list', 'map', 'n', 'f', 's', 'empty', 'nil', 'flag', 'item10', 'item2', 'Key', 'k-dash', 'z', 'aa', '1', 'A1', 'a2b', 'a10b'];

function value(r: Rng, depth: number): unknown {
  const k = r.int(depth > 2 ? 6 : 10);
  switch (k) {
    case 0: case 1: return r.pick(STRINGS);
    case 2: case 3: return r.pick(NUMS);
    case 4: return r.chance(0.5);
    case 5: return r.chance(0.3) ? null : r.pick(STRINGS);
    case 6: case 7: { const n = r.int(4); return Array.from({ length: n }, () => value(r, depth + 1)); }
    default: { const m: Record<string, unknown> = {}; const n = r.int(4); for (let i = 0; i < n; i++) m[r.pick(KEYS)] = value(r, depth + 1); return m; }
  }
}

function values(r: Rng): Record<string, unknown> {
  const v: Record<string, unknown> = {
    s: r.pick(STRINGS), n: r.pick(NUMS), f: r.chance(0.5), l: [r.pick(STRINGS), r.pick(NUMS), r.pick(STRINGS)], ls: [r.pick(STRINGS), r.pick(STRINGS)],
    m: { a: r.pick(STRINGS), b: r.pick(NUMS), c: [r.pick(STRINGS), null] }, e: {}, el: [], nul: null, i: 3, big: 1e6,
  };
  for (let i = 0; i < 3; i++) { const k = r.pick(KEYS); if (!(k in v)) v[k] = value(r, 1); }
  return { Values: v, Release: { Name: r.pick(['rel', 'my-release']), Namespace: 'ns', IsInstall: true, Revision: 1 }, Chart: { Name: 'c', Version: '1.2.3' } };
}

const STR_FUNCS1 = ['upper', 'lower', 'title', 'untitle', 'trim', 'nospace', 'initials', 'swapcase', 'snakecase', 'camelcase', 'kebabcase', 'quote', 'squote',
  'b64enc', 'b64dec', 'b32enc', 'b32dec', 'sha1sum', 'sha256sum', 'adler32sum', 'toString', 'base', 'dir', 'clean', 'ext', 'isAbs', 'len', 'html', 'js', 'urlquery',
  'toJson', 'toYaml', 'fromYaml', 'fromJson', 'fromYamlArray', 'fromJsonArray', 'toRawJson', 'toPrettyJson', 'kindOf', 'typeOf', 'empty', 'not', 'atoi', 'int', 'int64',
  'float64', 'toStrings', 'regexQuoteMeta', 'cat', 'print', 'println', 'toDecimal', 'urlParse', 'semver', 'list', 'compact', 'uniq', 'first', 'last', 'rest', 'initial',
  'reverse', 'sortAlpha', 'add1', 'ceil', 'floor', 'deepCopy', 'toToml', 'ternary_t'];

function lit(r: Rng): string {
  switch (r.int(7)) {
    case 0: return JSON.stringify(r.pick(STRINGS)).replace(/\\r/g, '\\r');
    case 1: return String(r.pick([0, 1, 2, 3, 5, 10, -2, 80]));
    case 2: return r.pick(['1.5', '2.0', '0.5', '1e3', '-1.25']);
    case 3: return r.pick(['true', 'false']);
    case 4: return '`' + r.pick(['raw', 'a b', 'x"y', '']) + '`';
    case 5: return r.pick(["'a'", '0x10', '0o17', '1_000']);
    default: return JSON.stringify(r.pick(STRINGS));
  }
}

class Gen {
  vars: string[] = ['$'];
  defines: string[] = [];
  inRange = 0;
  constructor(readonly r: Rng) {}

  path(): string {
    const r = this.r;
    const base = r.chance(0.01) ? '.Values' : '$.Values';
    const k = r.chance(0.8) ? r.pick(['s', 'n', 'f', 'l', 'ls', 'm', 'e', 'el', 'nul', 'i', 'big', 'missing', 'm.a', 'm.b', 'm.c', 'm.zz', 's', 'n', 'm'])
      : r.pick(KEYS.filter((x) => /^[A-Za-z_]\w*$/.test(x))) + (r.chance(0.03) ? '.' + r.pick(['a', 'x']) : '');
    return `${base}.${k}`;
  }

  atom(depth: number): string {
    const r = this.r;
    const k = r.int(10);
    if (k < 3) return this.path();
    if (k < 6) return lit(r);
    if (k === 5 && this.vars.length > 1) return r.pick(this.vars.slice(1));
    if (k === 6) return r.pick(['.', '$', '$.Release.Name', '$.Chart.Version', '$.Template.Name', '$.Values', '$.Release.Revision']);
    if (k === 7 && depth < 3) return '(' + this.pipeline(depth + 1) + ')';
    return this.path();
  }

  call(depth: number): string {
    const r = this.r;
    const wild = (): boolean => r.chance(0.03);
    const a = (): string => this.atom(depth + 1);
    const s = (): string => (wild() ? a() : r.pick([JSON.stringify(r.pick(STRINGS)), JSON.stringify(r.pick(STRINGS)), '$.Values.s', '$.Values.m.a', '$.Release.Name', `(toString ${a()})`, `(printf "%v-%v" ${a()} ${a()})`, `(${this.strCall(depth + 1)})`]));
    const i = (): string => (wild() ? a() : r.chance(0.9) ? String(r.pick([0, 1, 2, 3, 4, 5, 8, -1, 10])) : `(len ${r.pick(['$.Values.l', '$.Values.s', '"abc"'])})`);
    switch (r.int(40)) {
      case 0: case 1: case 2: case 3: return `${r.pick(STR_FUNCS1.filter((f) => f !== 'ternary_t'))} ${r.chance(0.6) ? s() : a()}`;
      case 4: return `${r.pick(['indent', 'nindent', 'trunc', 'abbrev', 'repeat', 'wrap', 'substr 1', 'plural "one" "many"'])} ${i()} ${s()}`.replace(/plural "one" "many" (\S+) \S+$/, 'plural "one" "many" $1');
      case 5: return r.chance(0.8) ? `${r.pick(['replace "a"', 'trimAll', 'trimPrefix', 'trimSuffix', 'contains', 'hasPrefix', 'hasSuffix', 'splitList', 'split'])} ${s()} ${s()}`
        : `${r.pick(['regexMatch', 'regexFind'])} ${r.pick(['"^[a-z]+$"', '"[0-9]+"', '"(?i)ab"', '"\\\\d"', '"x|y"', '"^$"', '"\\\\s"'])} ${s()}`;
      case 6: return `${r.pick(['regexReplaceAll', 'regexReplaceAllLiteral'])} ${r.pick(['"a"', '"[aeiou]"', '"(\\\\w+)"', '"^x"', '"o+"'])} ${s()} ${r.pick(['"$1"', '"X"', '"${1}-"', '""'])}`;
      case 7: return `${r.pick(['regexFindAll', 'regexSplit'])} ${r.pick(['"a"', '"[aeiou]"', '"\\\\s+"', '","'])} ${s()} ${r.pick(['-1', '1', '2', '0'])}`;
      case 8: return `${r.pick(['add', 'sub', 'mul', 'div', 'mod', 'max', 'min', 'biggest'])} ${a()} ${a()}`;
      case 9: return `${r.pick(['addf', 'subf', 'mulf', 'divf', 'maxf', 'minf'])} ${a()} ${a()}`;
      case 10: { const [x, y] = r.pick([[s(), s()], ['$.Values.n', r.pick(['1.5', '0.0', '8080.0', '$.Values.big'])], ['(len $.Values.l)', r.pick(['3', '2', '(len "ab")'])], ['$.Values.f', r.pick(['true', 'false'])], [a(), a()]]); return `${r.pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${x} ${y}`; }
      case 11: return `eq ${s()} ${s()} ${r.chance(0.8) ? s() : a()}`;
      case 12: return `${r.pick(['and', 'or'])} ${a()} ${a()}${r.chance(0.3) ? ' ' + a() : ''}`;
      case 13: return `default ${a()} ${a()}`;
      case 14: return `${r.pick(['coalesce', 'all', 'any', 'list', 'tuple', 'cat', 'print', 'quote', 'squote', 'concat'])} ${a()} ${a()}`;
      case 15: return `dict ${s()} ${a()} ${s()} ${a()}`;
      case 16: return `${r.pick(['get', 'hasKey', 'pick', 'omit', 'unset'])} ${r.pick(['$.Values.m', '$.Values', '(dict "a" 1 "b" 2)', '$.Values.e', a()])} ${JSON.stringify(r.pick(KEYS))}`;
      case 17: return `${r.pick(['merge', 'mergeOverwrite'])} (dict "a" ${a()} "m" (dict "x" 1)) ${r.pick(['.Values.m', '(dict "a" 2 "m" (dict "y" 2))', '(dict)'])}`;
      case 18: return `${r.chance(0.5) ? `index $.Values.l ${r.pick(['0', '1', '2', '5'])}` : `index ${r.pick(['$.Values.m', '$.Values', '$.Values.e'])} ${r.pick(['"a"', '"missing"', '"s"', a()])}`}`;
      case 19: return `printf ${JSON.stringify(r.pick(['%v', '%s', '%d', '%q', '%5s|%-4v|', '%x', '%t', '%T', '%.2f', '%v %v', '%03d', '%+v', '%e', '%g', '%%']))} ${a()}${r.chance(0.3) ? ' ' + a() : ''}`;
      case 20: return `${r.pick(['until', 'untilStep 0 10'])} ${i()}`;
      case 21: return `${r.pick(['append', 'prepend', 'without'])} ${r.pick(['$.Values.l', '(list 1 2)', '$.Values.el', a()])} ${a()}`;
      case 22: return `${r.chance(0.5) ? 'chunk 2' : 'slice'} ${r.pick(['$.Values.l', '(list 1 2 3 4 5)', a()])}`;
      case 23: return `ternary ${a()} ${a()} ${r.pick(['true', 'false', '.Values.f', a()])}`;
      case 24: return `dig "m" ${JSON.stringify(r.pick(['a', 'b', 'c', 'zz']))} ${lit(r)} ${r.pick(['$.Values', '$.Values', '(dict "m" (dict "a" 1))', a()])}`;
      case 25: return `semverCompare ${r.pick(['">=1.0.0"', '"^1.2"', '"~1.2.0"', '"1.x"', '"<2.0.0-0"', '">= 1.2, < 3"', '"1.2.3 - 2.0.0"', '"!=1.2.3"', '">1.2"', '"=1.2.3"'])} ${r.pick(['"1.2.3"', '"v1.2.4"', '"2.0.0"', '"1.2.3-beta.1"', '"0.9"', '"1.10.0"', s()])}`;
      case 26: return `${r.pick(['toJson', 'toYaml', 'toPrettyJson', 'toRawJson'])} ${r.pick(['.Values', '.Values.m', '.Values.l', '.', a()])}`;
      case 27: return this.defines.length && r.chance(0.6) ? `include ${JSON.stringify(r.pick(this.defines))} $` : `tpl ${JSON.stringify(r.pick(['{{ .a }}', 'x{{ . }}', '{{ $.Values.s | upper }}', '{{ $.Values.n }}']))} $`;
      case 28: return `required ${JSON.stringify('need it')} ${a()}`;
      case 29: return `${r.pick(['typeOf', 'kindOf', 'typeIs "string"', 'kindIs "map"', 'deepEqual (list 1)'])} ${a()}`;
      case 30: return `${r.pick(['seq'])} ${i()}${r.chance(0.5) ? ' ' + i() : ''}`;
      case 31: return `${r.pick(['round'])} ${a()} ${r.pick(['0', '1', '2'])}`;
      case 32: return `${r.pick(['wrapWith 5 "\\n"', 'abbrevboth 5 10', 'splitn "," 2', 'regexSplit "b" -1', 'randInt_skip'])} ${s()}`.replace(/randInt_skip /, 'trunc 3 ');
      case 33: return `keys ${r.pick(['.Values.m', '(dict "b" 1 "a" 2)', '.Values.e'])} | sortAlpha`;
      case 34: return `len ${a()}`;
      case 35: return `${r.pick(['fail', 'urlJoin (dict "scheme" "https" "host" "x.io" "path" "/p")'])}${r.chance(0.5) ? '' : ''}`.replace(/^fail$/, 'toString "nofail"');
      case 36: return `${r.pick(['b64enc', 'b64dec'])} ${s()}`;
      case 37: return `set ${r.pick(['(dict "a" 1)', '.Values.m', '.Values.e'])} ${JSON.stringify(r.pick(KEYS))} ${a()}`;
      case 38: return `${r.pick(['not', 'empty'])} ${a()}`;
      default: return `${r.pick(['regexMatch "^[a-z]+$"', 'contains "a"', 'hasPrefix "a"'])} ${s()}`;
    }
  }

  strCall(depth: number): string {
    const r = this.r;
    const s = (): string => r.pick([JSON.stringify(r.pick(STRINGS)), '$.Values.s', '$.Values.m.a']);
    switch (r.int(6)) {
      case 0: return `${r.pick(['upper', 'lower', 'title', 'trim', 'quote', 'b64enc', 'snakecase', 'camelcase', 'kebabcase', 'swapcase', 'initials', 'nospace', 'untitle', 'sha1sum', 'toYaml', 'toJson'])} ${s()}`;
      case 1: return `${r.pick(['indent', 'nindent', 'trunc', 'abbrev', 'repeat', 'wrap'])} ${r.pick([0, 2, 4, 7, 10])} ${s()}`;
      case 2: return `replace ${r.pick(['"a"', '" "', '"-"'])} ${r.pick(['"_"', '""', '"XY"'])} ${s()}`;
      case 3: return `join ${r.pick(['","', '" "', '""'])} ${r.pick(['$.Values.l', '$.Values.ls', '(list 1 "a" nil 2.5)', '(splitList "-" "a-b-c")'])}`;
      case 4: return `printf ${JSON.stringify(r.pick(['%s-%d', '%v|%v', '%q', '%5.1f', '%x', '%-6s|', '%T %T']))} ${s()} ${r.pick(['3', '$.Values.n', '$.Values.l', '1.5', 'nil'])}`;
      default: return `${r.pick(['cat', 'print', 'squote'])} ${s()} ${r.pick(['$.Values.n', '$.Values.f', '$.Values.m', '$.Values.l', '3', 'nil'])}`;
    }
  }

  pipeline(depth: number): string {
    const r = this.r;
    let p = r.chance(0.55) ? this.call(depth) : this.atom(depth);
    const n = r.chance(0.35) ? 1 + r.int(2) : 0;
    for (let k = 0; k < n; k++) {
      if (r.chance(0.7)) { p += ' | ' + r.pick(['toString', 'toJson', 'toYaml', 'quote', 'kindOf', 'typeOf', 'printf "%v"', 'cat "x"', 'default "d"', 'toStrings | join ","', 'not', 'empty', 'squote']); continue; }
      p += ' | ' + r.pick(['upper', 'quote', 'squote', 'toString', 'trim', 'lower', 'toJson', 'toYaml', 'indent 2', 'nindent 4', 'default "d"', 'len', 'b64enc', 'title', 'trunc 5',
        'printf "%v"', 'cat "x"', 'replace "a" "b"', 'not', 'kindOf', 'typeOf', 'first', 'sortAlpha', 'join ","', 'toStrings', 'compact', 'empty', 'int', 'float64', 'add 1', 'sha256sum', 'fromJson', 'fromYaml']);
    }
    return p;
  }

  action(): string {
    const r = this.r;
    const l = r.chance(0.2) ? '{{- ' : '{{ ';
    const rt = r.chance(0.2) ? ' -}}' : ' }}';
    return l + this.pipeline(0) + rt;
  }

  text(): string {
    return this.r.pick(['', ' ', '\n', 'x: ', '  - ', 'text ', '\n  ', '<b>', ': ', '\t']);
  }

  block(depth: number, n = 3): string {
    const r = this.r;
    let out = '';
    for (let k = 0; k < n; k++) {
      out += this.text();
      const c = r.int(depth > 1 ? 8 : 16);
      if (c < 5) out += this.action();
      else if (c === 5) { const v = '$v' + r.int(3); const assign = this.vars.includes(v) && r.chance(0.5); out += `{{ ${v} ${assign ? '=' : ':='} ${this.pipeline(0)} }}`; if (!assign) this.vars.push(v); }
      else if (c === 6) out += `{{/* comment ${r.int(9)} */}}`;
      else if (c === 7 && this.inRange) out += r.pick(['{{ break }}', '{{ continue }}', '{{ if .}}{{ continue }}{{ end }}']);
      else if (c === 8 || c === 9) {
        const mark = this.vars.length;
        out += `{{ if ${this.pipeline(0)} }}${this.block(depth + 1, 2)}`;
        if (r.chance(0.3)) out += `{{ else if ${this.pipeline(0)} }}${this.block(depth + 1, 1)}`;
        if (r.chance(0.5)) out += `{{ else }}${this.block(depth + 1, 1)}`;
        out += '{{ end }}';
        this.vars.length = mark;
      } else if (c === 10 || c === 11) {
        const mark = this.vars.length;
        const decl = r.pick(['', '$x := ', '$i, $x := ', '$k, $val := ']);
        const src = r.pick(['$.Values.l', '$.Values.m', '$.Values', '$.Values.el', '$.Values.nul', '(until 3)', '(list "a" "b")', '$.Values.ls', '$.Values.n', this.path(), '(splitList "," "a,b")']);
        out += `{{ range ${decl}${src} }}`;
        decl.match(/\$\w+/g)?.forEach((v) => this.vars.push(v));
        this.inRange++;
        out += this.block(depth + 1, 2);
        this.inRange--;
        if (r.chance(0.3)) out += `{{ else }}${this.block(depth + 1, 1)}`;
        out += '{{ end }}';
        this.vars.length = mark;
      } else if (c === 12) {
        const mark = this.vars.length;
        out += `{{ with ${this.pipeline(0)} }}${this.block(depth + 1, 2)}`;
        if (r.chance(0.4)) out += `{{ else }}${this.block(depth + 1, 1)}`;
        out += '{{ end }}';
        this.vars.length = mark;
      } else if (c === 13 && this.defines.length) {
        out += `{{ template ${JSON.stringify(r.pick(this.defines))} ${r.pick(['$', '$', '.Values', ''])} }}`;
      } else if (c === 14 && this.defines.length) {
        out += `{{ include ${JSON.stringify(r.pick(this.defines))} $ | ${r.pick(['indent 2', 'nindent 2', 'trim', 'upper', 'quote'])} }}`;
      } else if (c === 15) {
        out += `{{ tpl ${JSON.stringify(r.pick(['{{ $.Values.s }}', 'v={{ $.Values.n }}', '{{ range $.Values.l }}{{.}},{{end}}', '{{ $.Values.s | quote }}']))} $ }}`;
      } else out += this.action();
    }
    return out;
  }
}

export function generateCase(seed: number): Case {
  const r = new Rng(seed);
  const g = new Gen(r);
  const templates: Record<string, string> = {};
  if (r.chance(0.6)) {
    let helpers = '';
    const nd = 1 + r.int(3);
    for (let k = 0; k < nd; k++) {
      const name = `c.h${k}`;
      g.vars = ['$'];
      helpers += `{{- define ${JSON.stringify(name)} -}}${g.block(1, 1 + r.int(2))}{{- end }}\n`;
      g.defines.push(name);
    }
    templates['c/templates/_helpers.tpl'] = helpers;
  }
  const nt = 1 + r.int(2);
  for (let k = 0; k < nt; k++) {
    g.vars = ['$'];
    templates[`c/templates/t${k}.yaml`] = g.block(0, 2 + r.int(4));
  }
  return { templates, values: values(r), ...(r.chance(0.05) ? { strict: true } : {}) };
}
