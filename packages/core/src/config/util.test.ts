import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { limitedSlug, slugDockerTag, slugNamespace, slugRelease, slugify, slugProject } from './slug.js';
import { globMatch, globMatchPathOrParent, globBase } from './glob.js';
import { parseGoDuration } from './duration.js';
import { parseGiterminism, matchNameList } from './giterminism.js';
import { WerfActionError } from '../errors/index.js';

describe('slug (werf pkg/slug test vectors)', () => {
  test('LimitedSlug', () => {
    assert.equal(limitedSlug(''), '');
    assert.equal(limitedSlug('data'), 'data');
    assert.equal(limitedSlug('A'), 'a-54dcf7ce');
    assert.equal(limitedSlug('x'.repeat(43)), 'x'.repeat(42 - 9) + '-27e2f02f');
    assert.equal(limitedSlug('postgres-feature-31981-change-delivery-date-del-result', 48), 'postgres-feature-31981-change-delivery--852739dc');
    assert.equal(limitedSlug('php_fpm_exporter-monitoring-dev-encrypt-1', 48), 'php-fpm-exporter-monitoring-dev-encrypt--83286e5');
    // idempotent
    for (const s of ['A', 'x'.repeat(43)]) assert.equal(limitedSlug(limitedSlug(s)), limitedSlug(s));
  });
  test('DockerTag', () => {
    assert.equal(slugDockerTag('-data'), 'data-a871d86e');
    assert.equal(slugDockerTag('da/ta'), 'da-ta-afa96f8');
    assert.equal(slugDockerTag('x'.repeat(129)), 'x'.repeat(128 - 9) + '-8cca70eb');
  });
  test('HelmRelease', () => {
    assert.equal(slugRelease('data'), 'data');
    assert.equal(slugRelease('release.name'), 'release.name');
    assert.equal(slugRelease('-data'), 'data-a871d86e');
    assert.equal(slugRelease('da/ta'), 'da-ta-afa96f8');
    assert.equal(slugRelease('x'.repeat(54)), 'x'.repeat(53 - 9) + '-18c5dfb9');
  });
  test('KubernetesNamespace', () => {
    assert.equal(slugNamespace('data'), 'data');
    assert.equal(slugNamespace('da_ta'), 'da-ta-3b339d14');
    assert.equal(slugNamespace('kubernetes.namespace'), 'kubernetes-namespace-1507f75c');
    assert.equal(slugNamespace('x'.repeat(64)), 'x'.repeat(63 - 9) + '-afd4efcd');
  });
  test('transliteration', () => {
    assert.equal(slugify('Привет, Мир!'), 'privyet-mir');
    assert.equal(slugify('Crème Brûlée'), 'creme-brulee');
    assert.equal(slugify('__a__b__'), 'a-b');
    assert.equal(slugify('Straße Øresund Æble'), 'strabe-oresund-aeble');
    assert.equal(slugProject('My Project'), 'my-project');
    assert.equal(slugProject('ok'), 'ok');
  });
});

describe('glob', () => {
  test('doublestar semantics', () => {
    assert.ok(globMatch('*.tmpl', 'a.tmpl'));
    assert.ok(!globMatch('*.tmpl', 'd/a.tmpl'));
    assert.ok(globMatch('**/*.tmpl', 'a.tmpl'));
    assert.ok(globMatch('**/*.tmpl', 'x/y/a.tmpl'));
    assert.ok(globMatch('a/**', 'a/b/c'));
    assert.ok(globMatch('a/**/c', 'a/c'));
    assert.ok(globMatch('a/**/c', 'a/x/y/c'));
    assert.ok(globMatch('{a,b}/*.txt', 'b/x.txt'));
    assert.ok(globMatch('file?.[ch]', 'file1.c'));
    assert.ok(!globMatch('file?.[!ch]', 'file1.c'));
    assert.ok(globMatch('./conf/*.yaml', 'conf/x.yaml'));
    assert.ok(globMatchPathOrParent('.helm/templates', '.helm/templates/a.yaml'));
    assert.ok(!globMatchPathOrParent('.helm/templates', '.helm/values.yaml'));
    assert.equal(globBase('conf/**/*.yaml'), 'conf');
    assert.equal(globBase('*.yaml'), '');
    assert.equal(globBase('a/b.txt'), 'a/b.txt');
  });
});

describe('Go durations', () => {
  test('valid and invalid', () => {
    assert.equal(parseGoDuration('168h'), 168 * 3600_000);
    assert.equal(parseGoDuration('1h30m'), 90 * 60_000);
    assert.equal(parseGoDuration('1.5s'), 1500);
    assert.equal(parseGoDuration('0'), 0);
    assert.equal(parseGoDuration('300ms'), 300);
    assert.equal(parseGoDuration('7d'), null);
    assert.equal(parseGoDuration('10'), null);
    assert.equal(parseGoDuration(''), null);
  });
});

describe('werf-giterminism.yaml', () => {
  test('every key', () => {
    const g = parseGiterminism(`giterminismConfigVersion: 1
cli: {allowCustomTags: true}
config:
  allowUncommitted: true
  allowUncommittedTemplates: [.werf/a.tmpl]
  goTemplateRendering:
    allowEnvVariables: [CI_COMMIT_TAG, /^APP_.*/]
    allowUncommittedFiles: [conf/*]
  secrets: {allowEnvVariables: [TOKEN], allowFiles: [secrets/*], allowValueIds: [inline]}
  stapel:
    allowFromLatest: true
    git: {allowBranch: true}
    mount: {allowBuildDir: true, allowFromPaths: [/var/cache]}
  dockerfile:
    allowUncommitted: [Dockerfile]
    allowUncommittedDockerignoreFiles: [.dockerignore]
    allowContextAddFiles: [generated]
helm: {allowUncommittedFiles: [.helm/values.yaml]}
includes: {allowIncludesUpdate: true}
`);
    assert.equal(g.cli.allowCustomTags, true);
    assert.equal(g.config.allowUncommitted, true);
    assert.deepEqual(g.config.goTemplateRendering.allowEnvVariables, ['CI_COMMIT_TAG', '/^APP_.*/']);
    assert.ok(matchNameList(g.config.goTemplateRendering.allowEnvVariables, 'APP_X'));
    assert.ok(!matchNameList(g.config.goTemplateRendering.allowEnvVariables, 'XAPP_X'));
    assert.deepEqual(g.config.stapel.mount.allowFromPaths, ['/var/cache']);
    assert.deepEqual(g.helm.allowUncommittedFiles, ['.helm/values.yaml']);
    assert.equal(g.includes.allowIncludesUpdate, true);
  });
  test('strict: unknown keys and versions', () => {
    assert.throws(() => parseGiterminism('giterminismConfigVersion: 1\nconfig:\n  allowUncommited: true\n'), (e: unknown) =>
      e instanceof WerfActionError && e.format().split('\n')[0] === 'werf-giterminism.yaml:3:3: unknown key `config.allowUncommited` (did you mean `allowUncommitted`?)');
    assert.throws(() => parseGiterminism('config: {}\n'), (e: unknown) => e instanceof WerfActionError && e.format().startsWith('werf-giterminism.yaml:1:1: `giterminismConfigVersion` is required'));
    assert.throws(() => parseGiterminism('giterminismConfigVersion: 2\n'), /must be 1/);
    assert.throws(() => parseGiterminism('giterminismConfigVersion: 1\nconfig:\n  goTemplateRendering:\n    allowEnvVariables: ["/(/"]\n'), (e: unknown) =>
      e instanceof WerfActionError && e.location?.line === 4 && /invalid regular expression/.test(e.message));
  });
});
