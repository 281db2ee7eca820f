import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coalesceValues, coalesceTables, mergeValues } from './values.js';
import { processDependencies, cloneChart, checkDependencies, pathValue } from './dependencies.js';
import { validateValues, validateAgainstSingleSchema } from './schema.js';
import { chartFrom, chartYaml } from './testutil.js';

const parent = () => chartFrom({
  'Chart.yaml': chartYaml('parent'),
  'values.yaml': [
    'name: parent', 'keep: 1', 'drop: x', 'table: {a: 1, b: 2}', 'list: [1, 2]',
    'global: {env: prod, nested: {a: 1}}',
    'sub: {fromParent: p, over: parent}',
  ].join('\n'),
  'charts/sub/Chart.yaml': chartYaml('sub'),
  'charts/sub/values.yaml': 'own: s\nover: sub\nremoveMe: 1\nglobal: {env: dev, subOnly: 1, nested: {b: 2}}\n',
});

test('coalesce: user over chart, null deletes, lists replace, subchart scoping and globals', () => {
  const warns: string[] = [];
  const v = coalesceValues(parent(), {
    drop: null, table: { b: 3, c: 4 }, list: [9], sub: { removeMe: null }, newNull: null,
  }, (w) => warns.push(w));
  assert.deepEqual(v, {
    name: 'parent', keep: 1, table: { a: 1, b: 3, c: 4 }, list: [9], newNull: null,
    global: { env: 'prod', nested: { a: 1 } },
    sub: {
      fromParent: 'p', over: 'parent', own: 's',
      global: { env: 'prod', subOnly: 1, nested: { a: 1, b: 2 } },
    },
  });
  assert.deepEqual(warns, []);
});

test('coalesce: a user null over a parent default for a subchart key removes the subchart default too', () => {
  const c = parent();
  c.values = { ...c.values, sub: { removeMe: 5 } };
  const v = coalesceValues(c, { sub: { removeMe: null } });
  assert.equal('removeMe' in (v.sub as object), false);
});

test('coalesce: type mismatches keep the higher layer and warn', () => {
  const warns: string[] = [];
  const v = coalesceValues(parent(), { table: 'scalar', keep: { a: 1 } }, (w) => warns.push(w));
  assert.equal(v.table, 'scalar');
  assert.deepEqual(v.keep, { a: 1 });
  assert.deepEqual(warns, ['warning: skipped value for parent.keep: Not a table.']);
  const w2: string[] = [];
  coalesceTables({ a: 'x' }, { a: { b: 1 } }, (w) => w2.push(w));
  assert.deepEqual(w2, ['warning: cannot overwrite table with non table for a (map[b:1])']);
  assert.throws(() => coalesceValues(parent(), { sub: 'nope' }), /type mismatch on sub/);
});

test('merge mode keeps nulls', () => {
  const v = mergeValues(parent(), { drop: null });
  assert.equal(v.drop, null);
});

const umbrella = () => chartFrom({
  'Chart.yaml': chartYaml('umbrella', [
    'dependencies:',
    '- {name: db, version: "~1.0.0", alias: primary, condition: primary.enabled}',
    '- {name: db, version: "~1.0.0", alias: replica, condition: "replica.enabled,global.replicas", tags: [replicas]}',
    '- {name: cache, version: 2.x, tags: [cache], import-values: [data, {child: conf.port, parent: cachePort}]}',
    '- {name: lib, version: 0.1.0}',
  ].join('\n')),
  'values.yaml': 'replica: {enabled: false}\ntags: {cache: true}\ncachePort: {overridden: yes}\n',
  'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.4\n',
  'charts/db/values.yaml': 'port: 5432\n',
  'charts/cache/Chart.yaml': 'apiVersion: v2\nname: cache\nversion: 2.1.0\n',
  'charts/cache/values.yaml': 'exports: {data: {cacheHost: redis, cacheDb: 0}}\nconf: {port: {value: 6379, overridden: no}}\n',
  'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n',
  'charts/extra/Chart.yaml': 'apiVersion: v2\nname: extra\nversion: 0.1.0\n',
});

test('dependencies: aliases, conditions, tags, import-values both forms, unlisted subcharts kept', () => {
  const c = cloneChart(umbrella());
  checkDependencies(c);
  processDependencies(c, {});
  assert.deepEqual(c.dependencies.map((d) => d.metadata.name).sort(), ['cache', 'extra', 'lib', 'primary']);
  assert.deepEqual(c.metadata.dependencies!.map((d) => d.name), ['primary', 'cache', 'lib']);
  assert.equal(c.values.cacheHost, 'redis');
  assert.equal(c.values.cacheDb, 0);
  assert.deepEqual(c.values.cachePort, { value: 6379, overridden: true }, 'parent values win over imported ones');
  const v = coalesceValues(c, {});
  assert.deepEqual(v.primary, { port: 5432, global: {} });
  const again = cloneChart(umbrella());
  processDependencies(again, { replica: { enabled: true }, tags: { cache: false } });
  assert.deepEqual(again.dependencies.map((d) => d.metadata.name).sort(), ['extra', 'lib', 'primary', 'replica']);
  const byTag = cloneChart(umbrella());
  processDependencies(byTag, { replica: { enabled: null }, tags: { replicas: true } });
  assert.ok(byTag.dependencies.some((d) => d.metadata.name === 'replica'), 'no bool condition: the tag decides');
  const orig = umbrella();
  assert.equal(orig.dependencies.length, 4, 'processing works on a clone');
});

test('dependencies: missing ones are reported as Helm does', () => {
  const c = chartFrom({ 'Chart.yaml': chartYaml('a', 'dependencies:\n- {name: xx, version: 1.0.0}\n- {name: yy, version: 1.0.0}\n') });
  assert.throws(() => checkDependencies(c), /found in Chart.yaml, but missing in charts\/ directory: xx, yy/);
});

test('pathValue ignores tables', () => {
  assert.deepEqual(pathValue({ a: { b: true } }, 'a.b'), { value: true });
  assert.equal(pathValue({ a: { b: { c: 1 } } }, 'a.b'), undefined);
  assert.equal(pathValue({ a: 1 }, 'x.y'), undefined);
});

test('schema: gojsonschema wording, per-chart sections, subcharts', () => {
  const schema = JSON.stringify({
    type: 'object', required: ['name', 'image'],
    properties: {
      name: { type: 'string', minLength: 3 },
      replicas: { type: 'integer', minimum: 1, maximum: 10 },
      image: { type: 'object', properties: { pullPolicy: { enum: ['Always', 'IfNotPresent'] }, tag: { type: 'string', pattern: '^v' } }, additionalProperties: false },
      ports: { type: 'array', items: { type: 'integer' }, minItems: 1, uniqueItems: true },
      ref: { $ref: '#/definitions/port' },
      either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    },
    definitions: { port: { type: 'integer', exclusiveMaximum: 65536 } },
  });
  const out = validateAgainstSingleSchema({ name: 'ab', replicas: 0.5, ports: [1, 1, 'x'], image: { pullPolicy: 'Never', tag: 'latest', extra: 1 }, ref: 70000, either: 5n }, schema);
  assert.equal(out, [
    '- image: Additional property extra is not allowed',
    '- image.pullPolicy: image.pullPolicy must be one of the following: "Always", "IfNotPresent"',
    '- image.tag: Does not match pattern \'^v\'',
    '- name: String length must be greater than or equal to 3',
    '- ports: array items[0,1] must be unique',
    '- ports.2: Invalid type. Expected: integer, given: string',
    '- ref: Must be less than 65536',
    '- replicas: Invalid type. Expected: integer, given: number',
    '',
  ].join('\n'));
  assert.equal(validateAgainstSingleSchema({ image: {} }, schema), '- (root): name is required\n');
  const c = chartFrom({
    'Chart.yaml': chartYaml('app'), 'values.schema.json': schema,
    'charts/sub/Chart.yaml': chartYaml('sub'), 'charts/sub/values.schema.json': '{"properties":{"port":{"type":"integer"}}}',
  });
  assert.throws(() => validateValues(c, { name: 'abc', image: {}, sub: { port: 'x' } }),
    { message: "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\n- port: Invalid type. Expected: integer, given: string\n" });
  validateValues(c, { name: 'abc', image: {}, replicas: 2, sub: { port: 1 } });
});
