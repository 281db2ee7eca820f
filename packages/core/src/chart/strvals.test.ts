import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSet, parseSetString, parseSetJSON, parseSetFile, parseSetLiteral } from './strvals.js';
import { userValues } from './values.js';

test('--set typing: bools, null, int64 as bigint, leading zeros and floats stay strings', () => {
  assert.deepEqual(parseSet('a=true,b=FALSE,c=null,d=0,e=123,f=012,g=1.5,h=1e3,i=-7,j=9223372036854775808'), {
    a: true, b: false, c: null, d: 0n, e: 123n, f: '012', g: '1.5', h: '1e3', i: -7n, j: '9223372036854775808',
  });
  assert.deepEqual(parseSetString('a=true,b=123'), { a: 'true', b: '123' });
});

test('--set nesting, lists, list literals, escapes', () => {
  assert.deepEqual(parseSet('outer.inner=value'), { outer: { inner: 'value' } });
  assert.deepEqual(parseSet('outer.middle.inner=value,outer.middle.other=x'), { outer: { middle: { inner: 'value', other: 'x' } } });
  assert.deepEqual(parseSet('name1={value1,value2}'), { name1: ['value1', 'value2'] });
  assert.deepEqual(parseSet('list[0]=foo,list[2]=bar'), { list: ['foo', null, 'bar'] });
  assert.deepEqual(parseSet('list[0].a=1,list[0].b=2'), { list: [{ a: 1n, b: 2n }] });
  assert.deepEqual(parseSet('nested[0][1]=x'), { nested: [[null, 'x']] });
  assert.deepEqual(parseSet('a\\.b=c'), { 'a.b': 'c' });
  assert.deepEqual(parseSet('a=x\\,y'), { a: 'x,y' });
  assert.deepEqual(parseSet('a='), { a: '' });
  assert.deepEqual(parseSet('a="quoted"'), { a: '"quoted"' });
  assert.deepEqual(parseSet('a={1,true,x}'), { a: [1n, true, 'x'] });
  assert.deepEqual(parseSet('a={x},b=1'), { a: ['x'], b: 1n });
  assert.deepEqual(parseSet('a=b=c'), { a: 'b=c' });
});


test('--set error messages', () => {
  assert.throws(() => parseSet('a,b=c'), /key "a" has no value \(cannot end with ,\)/);
  assert.deepEqual(parseSet('a.'), {}, 'Helm ignores a dangling dot');
  assert.throws(() => parseSet('list[-1]=x'), /negative -1 index not allowed/);
  assert.throws(() => parseSet('list[65537]=x'), /index of 65537 is greater than maximum supported index of 65536/);
  assert.throws(() => parseSet('a={x,y'), /list must terminate with '}'/);
  assert.throws(() => parseSet('a[x]=1'), /error parsing index/);
  assert.throws(() => parseSet('a[0]x=1'), /unexpected data at end of array index: "x"/);
  assert.throws(() => parseSet(Array.from({ length: 32 }, (_, i) => `k${i}`).join('.') + '=1'), /nested level is greater than maximum supported nested level of 30/);
  assert.throws(() => parseSet('a=1,a.b=2'), /interface conversion: interface \{\} is int64, not map\[string\]interface \{\}/);
});

test('--set into existing values merges maps and replaces scalars', () => {
  const dest = { a: { b: 1, c: 2 }, l: ['x', 'y'] };
  parseSet('a.b=3,l[1]=z', dest);
  assert.deepEqual(dest, { a: { b: 3n, c: 2 }, l: ['x', 'z'] });
});

test('--set-json: JSON numbers are float64, empty is null, several pairs', () => {
  assert.deepEqual(parseSetJSON('a={"b":1,"c":[1,"x"]}'), { a: { b: 1, c: [1, 'x'] } });
  assert.deepEqual(parseSetJSON('a=1 ,b="s",c='), { a: 1, b: 's', c: null });
  assert.deepEqual(parseSetJSON('l[1]={"x":true}'), { l: [null, { x: true }] });
  assert.throws(() => parseSetJSON('a={bad}'), /invalid character 'b'/);
});

test('--set-file and --set-literal', () => {
  assert.deepEqual(parseSetFile('cfg=path/to/f', {}, (p) => `content of ${p}`), { cfg: 'content of path/to/f' });
  assert.deepEqual(parseSetLiteral('a.b=x,y=z\\n'), { a: { b: 'x,y=z\\n' } });
});

test('userValues applies files, then json, set, set-string, set-file in that order', () => {
  const files: Record<string, string> = { 'a.yaml': 'x: 1\nm: {a: 1, b: 2}\nl: [1, 2]\n', 'b.yaml': 'm: {b: 3}\nl: [9]\n', f: 'FILE' };
  const v = userValues({
    valueFiles: ['a.yaml', 'b.yaml'], jsonValues: ['j={"k":1}'], values: ['x=2', 'j.k=5'], stringValues: ['x=3'], fileValues: ['y=f'],
    readFile: (p) => { if (!(p in files)) throw new Error('nope'); return files[p]!; },
  });
  assert.deepEqual(v, { x: '3', m: { a: 1, b: 3 }, l: [9], j: { k: 5n }, y: 'FILE' });
  assert.throws(() => userValues({ valueFiles: ['missing.yaml'], readFile: () => { throw new Error('x'); } }), /open missing.yaml: no such file or directory/);
  assert.throws(() => userValues({ values: ['a'] }), /failed parsing --set data: key "a" has no value/);
});
