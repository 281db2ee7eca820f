import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Templates, TemplateError, FuncError, GoInt, GO_METHODS, renderHelm, sprigFuncs, toYaml, marshalJSON } from './index.js';

const run = (text: string, data: unknown, opts: ConstructorParameters<typeof Templates>[0] = {}): string =>
  new Templates(opts).parse('t', text).execute('t', data);

test('custom delimiters (werf release templates)', () => {
  const out = run('[[ project ]]-[[ env ]] {{ not a tpl }}', {}, { delims: ['[[', ']]'], funcs: { project: () => 'app', env: () => 'prod' } });
  assert.equal(out, 'app-prod {{ not a tpl }}');
});

test('missingkey modes', () => {
  assert.equal(run('{{ .a }}|{{ .a.b }}', {}), '<no value>|<no value>');
  assert.equal(run('{{ .a }}', {}, { missingKey: 'zero' }), '<no value>');
  assert.throws(() => run('{{ .a.b }}', {}, { missingKey: 'zero' }), /nil pointer evaluating interface \{\}\.b/);
  assert.throws(() => run('{{ .a }}', {}, { missingKey: 'error' }), /template: t:1:3: executing "t" at <.a>: map has no entry for key "a"/);
});

test('parse errors carry Go message, template name and line', () => {
  try {
    new Templates().parse('werf.yaml', 'a\nb\n{{ if }}');
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof TemplateError);
    assert.equal(e.message, 'template: werf.yaml:3: missing value for if');
    assert.equal(e.templateName, 'werf.yaml');
    assert.equal(e.line, 3);
  }
});

test('exec errors carry line and column', () => {
  try {
    run('x\n  {{ .a.b.c }}', { a: null });
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof TemplateError);
    assert.equal(e.message, 'template: t:2:7: executing "t" at <.a.b.c>: nil pointer evaluating interface {}.b');
    assert.equal(e.line, 2);
    assert.equal(e.column, 7); // Go reports the position of the second field of a chain
  }
});

test('typed functions get Go argument checks; FuncError becomes "error calling"', () => {
  const t = new Templates({
    typedFuncs: {
      need: { params: ['string', 'int'], fn: (s: string, n: GoInt) => s.repeat(Number(n.v)) },
      boom: { params: [], fn: () => { throw new FuncError('no way'); } },
    },
  });
  t.parse('t', '{{ need "ab" 2 }}');
  assert.equal(t.execute('t', {}), 'abab');
  t.parse('u', '{{ need .s 2 }}');
  assert.throws(() => t.execute('u', { s: 1.5 }), /wrong type for value; expected string; got float64/);
  t.parse('v', '{{ boom }}');
  assert.throws(() => t.execute('v', {}), /template: v:1:3: executing "v" at <boom>: error calling boom: no way/);
});

test('plain functions receive bigint for Go int', () => {
  let seen: unknown;
  run('{{ f 3 (len "abc") }}', {}, { funcs: { f: (...a: unknown[]) => { seen = a; return ''; } } });
  assert.deepEqual(seen, [3n, 3n]);
});

test('objects with methods (.Files.Get)', () => {
  const files = { [GO_METHODS]: { Get: { params: ['string'], fn: (p: string) => `content of ${p}` } } };
  assert.equal(run('{{ .Files.Get "a.txt" }}', { Files: files }), 'content of a.txt');
});

test('include, tpl, required in werf-style usage', () => {
  const out = renderHelm({ 'c/templates/a.yaml': '{{ include "x" . }} {{ tpl .Values.t . }} {{ required "need" .Values.v }}', 'c/templates/_h.tpl': '{{ define "x" }}X{{ .Values.v }}{{ end }}' },
    { Values: { t: '{{ .Values.v | upper }}', v: 'v' } });
  assert.deepEqual(out, { 'c/templates/a.yaml': 'Xv V v' });
  assert.throws(() => renderHelm({ 'c/templates/a.yaml': '{{ required "need it" .Values.missing }}' }, { Values: {} }), /error calling required: need it/);
});

test('lookup uses the callback and returns {} without one', () => {
  const t = { 'c/templates/a.yaml': '{{ (lookup "v1" "Secret" "ns" "s").data.k }}|{{ lookup "v1" "X" "" "" }}' };
  assert.deepEqual(renderHelm(t, {}, { lookup: (a, k, ns, n) => (k === 'Secret' ? { data: { k: `${a}/${ns}/${n}` } } : null) }), { 'c/templates/a.yaml': 'v1/ns/s|map[]' });
  assert.throws(() => renderHelm(t, {}), /nil pointer evaluating interface \{\}\.k/);
});

test('output and recursion are bounded', () => {
  assert.throws(() => run('{{ range until 100 }}{{ "0123456789" }}{{ end }}', {}, { maxOutputBytes: 500 }), /output exceeds the limit of 500 bytes/);
  assert.throws(() => run('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}', {}, { maxIncludeDepth: 50 }), /exceeded maximum template depth \(50\)/);
  assert.throws(() => run('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}', {}), TemplateError);
  assert.throws(() => renderHelm({ 'c/templates/a.yaml': '{{ include "r" . }}', 'c/templates/_r.tpl': '{{ define "r" }}{{ include "r" . }}{{ end }}' }, {}, { maxIncludeDepth: 20 }),
    /rendering template has a nested reference name: r/);
});

test('Go 1.19 grammar: else with and range over int are rejected (deliberate)', () => {
  assert.throws(() => new Templates().parse('t', '{{ with .a }}{{ else with .b }}{{ end }}'), /template: t:1: unexpected <with> in else/);
  assert.throws(() => run('{{ range 3 }}{{ . }}{{ end }}', {}), /range can't iterate over 3/);
});

test('names, has, clone keep separate namespaces', () => {
  const t = new Templates().parse('a', '{{ define "x" }}X{{ end }}A');
  assert.ok(t.has('x') && t.has('a'));
  const c = t.clone().parse('b', '{{ define "y" }}Y{{ end }}');
  assert.ok(c.has('y') && !t.has('y'));
  assert.deepEqual(t.names().sort(), ['a', 'x']);
});

test('random and time functions have the right shape', () => {
  const out = run('{{ randAlphaNum 12 }}|{{ randAlpha 5 }}|{{ randNumeric 6 }}|{{ randAscii 4 }}|{{ uuidv4 }}|{{ now | date "2006-01-02" }}|{{ randInt 3 7 }}|{{ shuffle "abcdef" | len }}|{{ randBytes 6 | b64dec | len }}|{{ encryptAES "k" "secret" | decryptAES "k" }}', {});
  const [an, a, n, asc, uuid, date, ri, sh, rb, aes] = out.split('|');
  assert.match(an, /^[A-Za-z0-9]{12}$/);
  assert.match(a, /^[A-Za-z]{5}$/);
  assert.match(n, /^[0-9]{6}$/);
  assert.equal(asc.length, 4);
  assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(+ri >= 3 && +ri < 7);
  assert.equal(sh, '6');
  assert.ok(rb.length > 0);
  assert.equal(aes, 'secret');
});

test('dates with fixed inputs are exact', () => {
  assert.equal(run('{{ date "2006-01-02T15:04:05Z07:00 Mon Jan 2 3PM .000" (toDate "2006-01-02 15:04:05" "2021-03-04 17:08:09") }}', {}), '2021-03-04T17:08:09Z Thu Mar 4 5PM .000');
  assert.equal(run('{{ duration 3725 }} {{ durationRound "2h10m" }} {{ unixEpoch (toDate "2006-01-02" "2020-01-01") }}', {}), '1h2m5s 2h 1577836800');
});

test('sprigFuncs exposes the whole Sprig map (env only on request)', () => {
  const f = sprigFuncs();
  assert.ok(!('env' in f) && !('expandenv' in f));
  // sprig 3.2.3 has 205 names without env/expandenv; the X.509/bcrypt ones are not implemented (README)
  assert.ok(Object.keys(f).length >= 196, `${Object.keys(f).length} functions`);
  const e = sprigFuncs({ env: true, getenv: (k) => (k === 'HOME' ? '/root' : undefined) });
  assert.equal((e.env as (k: string) => string)('HOME'), '/root');
});

test('toYaml and JSON match Go for values built in JS', () => {
  assert.equal(toYaml({ b: [1n, 2.5, 'x'], a: { 'item10': true, 'item2': null } }), 'a:\n  item2: null\n  item10: true\nb:\n- 1\n- 2.5\n- x');
  assert.equal(marshalJSON({ a: '<>', b: [new GoInt(1n), 1e21] }), '{"a":"\\u003c\\u003e","b":[1,1e+21]}');
});
