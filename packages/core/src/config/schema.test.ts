import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRendered } from './document.js';
import { validateImages, imageLevels } from './validate.js';
import { splitDocs, createPositionMapper } from './yamldoc.js';
import { WerfActionError } from '../errors/index.js';
import { renderWerfYaml } from './render.js';
import { defaultGiterminism } from './giterminism.js';
import type { ProjectFiles } from './files.js';
import type { DockerfileImage, StapelImage } from './types.js';

const dir = join(import.meta.dirname, 'testdata/invalid');

function load(text: string) {
  const r = parseRendered(text, text, 'werf.yaml');
  validateImages(r.images);
  return r;
}

/** Renders as loadProject does (no .Files in the corpus, so no repository is needed). */
function renderAndLoad(text: string) {
  const rendered = renderWerfYaml({
    configPath: 'werf.yaml', source: text, templates: [], env: '', commit: { hash: 'f'.repeat(40), date: new Date(0) },
    files: undefined as unknown as ProjectFiles, giterminism: defaultGiterminism(), loose: false, dev: false, processEnv: { HOME: '/root' },
  });
  const r = parseRendered(rendered, text, 'werf.yaml');
  validateImages(r.images);
  return r;
}

describe('malformed werf.yaml corpus: exact messages', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    test(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const expected = /^# error: (.*)$/m.exec(text)![1]!;
      assert.throws(() => renderAndLoad(text), (e: unknown) => {
        assert.ok(e instanceof WerfActionError, `not a WerfActionError: ${String(e)}`);
        assert.equal(e.format().split('\n')[0], expected);
        assert.ok(e.location?.file && e.location.line, 'file/line required');
        if (e.code !== 'config.template') assert.ok(e.location.column, 'column required');
        return true;
      });
    });
  }
});

describe('splitDocs (werf splitter)', () => {
  test('separators with spaces and comments; empty and comment-only docs dropped', () => {
    const docs = splitDocs('a: 1\n---\n# only comment\n--- # next\nb: 2\n---   \n\n---\nc: 3\n');
    assert.deepEqual(docs.map((d) => [d.content, d.startLine]), [['a: 1\n', 0], ['b: 2\n', 4], ['c: 3\n', 8]]);
  });
  test('a leading separator and no trailing newline', () => {
    const docs = splitDocs('---\nimage: x\n---');
    assert.deepEqual(docs.map((d) => [d.content, d.startLine]), [['image: x\n', 1]]);
  });
  test('"----" and "--- x" are not separators', () => {
    assert.equal(splitDocs('a: |\n  ----\nb: 1\n').length, 1);
  });
});

describe('position mapping of rendered templates', () => {
  test('lines coming from a templates-dir partial map to that file', () => {
    const source = 'configVersion: 1\nproject: app\n---\n{{ include "backend.tmpl" . }}\n';
    const partial = '{{- define "x" }}{{ end -}}\nimage: backend\nfrom: alpine\nshel:\n  install: [make]\n';
    const rendered = 'configVersion: 1\nproject: app\n---\nimage: backend\nfrom: alpine\nshel:\n  install: [make]\n';
    assert.throws(() => parseRendered(rendered, source, 'werf.yaml', {}, [{ file: '.werf/backend.tmpl', source: partial }]), (e: unknown) =>
      e instanceof WerfActionError && e.format().split('\n')[0] === '.werf/backend.tmpl:4:1: unknown key `shel` (did you mean `shell`?)');
  });

  test('template-free lines map exactly; generated lines show the rendered excerpt', () => {
    const source = 'configVersion: 1\nproject: app\n---\n{{ range list "a" "b" }}\nimage: {{ . }}\nfrom: alpine\nbogus: 1\n---\n{{ end }}\n';
    const rendered = 'configVersion: 1\nproject: app\n---\n\nimage: a\nfrom: alpine\nbogus: 1\n---\n\nimage: b\nfrom: alpine\nbogus: 1\n---\n\n';
    const m = createPositionMapper('werf.yaml', source, rendered);
    assert.deepEqual(m.map(7, 1), { pos: { file: 'werf.yaml', line: 7, column: 1 }, exact: true });
    assert.deepEqual(m.map(5, 1), { pos: { file: 'werf.yaml', line: 4, column: 1 }, exact: false });
    assert.throws(() => parseRendered(rendered, source, 'werf.yaml'), (e: unknown) => e instanceof WerfActionError && e.format().startsWith('werf.yaml:7:1: unknown key `bogus`'));
    const src2 = 'configVersion: 1\nproject: app\n---\nimage: x\nfrom: alpine\n{{ "bad: 1" }}\n';
    const out2 = 'configVersion: 1\nproject: app\n---\nimage: x\nfrom: alpine\nbad: 1\n';
    assert.throws(() => parseRendered(out2, src2, 'werf.yaml'), (e: unknown) => e instanceof WerfActionError && e.format().split('\n')[0] === 'werf.yaml:6:1: unknown key `bad` (rendered werf.yaml line 6: "bad: 1")');
  });
});

const FULL = `configVersion: 1
project: full-app
build:
  cacheVersion: "7"
  platform: [linux/amd64, linux/arm64]
  staged: true
  imageSpec:
    author: Team <t@example.com>
    clearHistory: true
    config:
      labels: {org: acme}
      removeLabels: [/^old\\./]
      keepEssentialWerfLabels: true
deploy:
  helmChartDir: charts/app
  helmChartConfig: {appVersion: "1.2.3"}
  helmRelease: "[[ project ]]-[[ env ]]-r"
  helmReleaseSlug: false
  namespace: "ns-[[ env ]]"
  namespaceSlug: true
cleanup:
  disable: false
  disableKubernetesBasedPolicy: true
  disableGitHistoryBasedPolicy: false
  disableBuiltWithinLastNHoursPolicy: true
  keepImagesBuiltWithinLastNHours: 6
  keepPolicies:
  - references:
      tag: /.*/
      limit: {last: 10}
  - references:
      branch: main
    imagesPerReference: {last: 5, in: 168h, operator: Or}
  - references:
      branch: /^feature\\/.*/
      limit: {last: 3, in: 72h30m, operator: And}
gitWorktree:
  forceShallowClone: true
  allowUnshallow: false
  allowFetchOriginBranchesAndTags: false
---
image: [web, worker]
dockerfile: Dockerfile
context: app
contextAddFiles: [generated]
target: prod
args: {A: "1", B: 2}
addHost: ["db:10.0.0.1"]
network: host
ssh: default
staged: false
platform: linux/amd64
cacheVersion: x
final: true
secrets:
- env: TOKEN
- src: ./secrets/key.pem
- id: inline
  value: v
dependencies:
- image: base
  imports:
  - {type: ImageName, targetBuildArg: BASE_NAME}
  - {type: ImageDigest, targetBuildArg: BASE_DIGEST}
imageSpec:
  config:
    cmd: ["/app"]
    entrypoint: /bin/sh
    env: {A: b}
    expose: ["8080/tcp"]
    healthcheck: {test: ["CMD", "true"], interval: 30s, retries: 3}
    stopSignal: SIGTERM
    user: app
    volumes: [/data]
    workingDir: /app
    removeEnv: [X]
    removeVolumes: [/tmp]
    clearCmd: false
    clearEntrypoint: false
    clearUser: false
    clearWorkingDir: false
---
image: base
from: alpine:3.19
fromLatest: false
fromCacheVersion: "2"
final: false
disableGitAfterPatch: true
git:
- add: /src
  to: /app
  owner: app
  group: app
  includePaths: ["**/*.go"]
  excludePaths: vendor
  stageDependencies:
    install: go.mod
    setup: ["**/*"]
- url: https://github.com/org/lib.git
  tag: v1.0.0
  add: /
  to: /lib
  basicAuth: {username: bot, password: {env: LIB_TOKEN}}
shell:
  beforeInstall: apk add make
  install: [make deps]
  beforeSetup: []
  setup: [make build]
  cacheVersion: "1"
  installCacheVersion: "2"
mount:
- {from: tmp_dir, to: /tmp/cache}
- {from: build_dir, to: /root/.cache}
- {fromPath: /var/cache/apk, to: /var/cache/apk}
import:
- image: tools
  add: /usr/bin/tool
  to: /usr/local/bin/tool
  before: setup
- from: golang:1.22
  add: /usr/local/go
  after: install
  stage: install
  includePaths: [bin]
dependencies:
- image: tools
  after: install
  imports: [{type: ImageTag, targetEnv: TOOLS_TAG}]
docker:
  USER: app
  WORKDIR: /app
  ENV: {A: b}
  EXPOSE: "80"
  CMD: ["/app"]
---
artifact: tools
from: busybox
`;

describe('every schema key', () => {
  test('meta', () => {
    const { meta } = load(FULL);
    assert.ok(meta);
    assert.equal(meta.project, 'full-app');
    assert.deepEqual(meta.build.platform, ['linux/amd64', 'linux/arm64']);
    assert.equal(meta.build.cacheVersion, '7');
    assert.equal(meta.build.staged, true);
    assert.deepEqual(meta.build.imageSpec?.config?.removeLabels, ['/^old\\./']);
    assert.deepEqual(meta.deploy, {
      helmChartDir: 'charts/app', helmChartConfig: { appVersion: '1.2.3' }, helmRelease: '[[ project ]]-[[ env ]]-r', helmReleaseSlug: false,
      namespace: 'ns-[[ env ]]', namespaceSlug: true,
    });
    assert.equal(meta.cleanup.keepImagesBuiltWithinLastNHours, 6);
    assert.equal(meta.cleanup.disableKubernetesBasedPolicy, true);
    const [p0, p1, p2] = meta.cleanup.keepPolicies;
    assert.deepEqual(p0!.references.tag, { value: '/.*/', regexp: '^.*$' });
    assert.deepEqual(p0!.references.limit, { last: 10 });
    assert.equal(p0!.imagesPerReference, undefined);
    assert.deepEqual(p1!.references.branch, { value: 'main', regexp: '^main$' });
    assert.deepEqual(p2!.references.limit, { last: 3, in: 72.5 * 3600_000, operator: 'And' });
    assert.deepEqual(p1!.imagesPerReference, { last: 5, in: 168 * 3600_000, operator: 'Or' });
    assert.equal(p2!.references.limit!.in, 72.5 * 3600_000);
    assert.ok(new RegExp(p2!.references.branch!.regexp).test('feature/x'));
    assert.deepEqual(p1!.pos, { file: 'werf.yaml', line: 31, column: 5 });
    assert.deepEqual(meta.gitWorktree, { forceShallowClone: true, allowUnshallow: false, allowFetchOriginBranchesAndTags: false });
  });

  test('Dockerfile images (a list of names shares the document)', () => {
    const { images } = load(FULL);
    const web = images.find((i) => i.name === 'web') as DockerfileImage;
    const worker = images.find((i) => i.name === 'worker') as DockerfileImage;
    assert.equal(web.kind, 'dockerfile');
    assert.equal(worker.context, 'app');
    assert.equal(web.dockerfile, 'Dockerfile');
    assert.deepEqual(web.contextAddFiles, ['generated']);
    assert.equal(web.target, 'prod');
    assert.deepEqual(web.args, { A: '1', B: '2' });
    assert.deepEqual(web.addHost, ['db:10.0.0.1']);
    assert.equal(web.network, 'host');
    assert.equal(web.ssh, 'default');
    assert.equal(web.staged, false);
    assert.deepEqual(web.platform, ['linux/amd64']);
    assert.equal(web.cacheVersion, 'x');
    assert.deepEqual(web.secrets.map((s) => [s.id, s.env, s.src, s.value]), [['TOKEN', 'TOKEN', undefined, undefined], ['key.pem', undefined, './secrets/key.pem', undefined], ['inline', undefined, undefined, 'v']]);
    assert.deepEqual(web.dependencies[0]!.imports, [{ type: 'ImageName', targetBuildArg: 'BASE_NAME' }, { type: 'ImageDigest', targetBuildArg: 'BASE_DIGEST' }]);
    const c = web.imageSpec!.config!;
    assert.deepEqual(c.entrypoint, ['/bin/sh']);
    assert.deepEqual(c.healthcheck, { test: ['CMD', 'true'], interval: '30s', retries: 3 });
    // global build.imageSpec merged into final images
    assert.deepEqual(c.labels, { org: 'acme' });
    assert.equal(web.imageSpec!.author, 'Team <t@example.com>');
    assert.deepEqual(web.pos, { file: 'werf.yaml', line: 42, column: 8 });
  });

  test('Stapel images and artifacts', () => {
    const { images } = load(FULL);
    const base = images.find((i) => i.name === 'base') as StapelImage;
    const tools = images.find((i) => i.name === 'tools') as StapelImage;
    assert.equal(base.kind, 'stapel');
    assert.equal(base.final, false);
    assert.equal(base.from, 'alpine:3.19');
    assert.equal(base.fromImage, undefined);
    assert.equal(base.fromCacheVersion, '2');
    assert.equal(base.disableGitAfterPatch, true);
    assert.deepEqual(base.platform, ['linux/amd64', 'linux/arm64'], 'inherits build.platform');
    assert.equal(base.cacheVersion, '7', 'inherits build.cacheVersion');
    assert.deepEqual(base.git[0]!.excludePaths, ['vendor']);
    assert.deepEqual(base.git[0]!.stageDependencies, { install: ['go.mod'], beforeSetup: [], setup: ['**/*'] });
    assert.equal(base.git[1]!.url, 'https://github.com/org/lib.git');
    assert.equal(base.git[1]!.tag, 'v1.0.0');
    assert.deepEqual(base.git[1]!.basicAuth, { username: 'bot', password: { env: 'LIB_TOKEN' } });
    assert.deepEqual(base.shell!.beforeInstall, ['apk add make']);
    assert.equal(base.shell!.installCacheVersion, '2');
    assert.deepEqual(base.mount.map((m) => m.type), ['tmp_dir', 'build_dir', 'custom_dir']);
    assert.equal(base.import[0]!.external, false);
    assert.equal(base.import[1]!.external, true);
    assert.equal(base.import[1]!.to, '/usr/local/go');
    assert.equal(base.import[1]!.stage, 'install');
    assert.deepEqual(base.dependencies[0]!.imports, [{ type: 'ImageTag', targetEnv: 'TOOLS_TAG' }]);
    assert.deepEqual(base.docker!.EXPOSE, ['80']);
    assert.equal(tools.artifact, true);
    assert.equal(tools.final, false);
    const levels = imageLevels(images).map((l) => l.map((i) => i.name).sort());
    assert.deepEqual(levels, [['tools'], ['base'], ['web', 'worker']]);
  });

  test('global imageSpec merge follows werf (global author and labels win, removeLabels appended)', () => {
    const { images } = load(`configVersion: 1
project: a
build:
  imageSpec:
    author: global
    config: {labels: {a: g, b: g}, removeLabels: [x, y], keepEssentialWerfLabels: true}
---
image: one
dockerfile: D
imageSpec:
  author: own
  config: {labels: {a: own, c: own}, removeLabels: [y, z], user: app}
---
image: two
dockerfile: D
final: false
`);
    const one = images[0]!.imageSpec!;
    assert.equal(one.author, 'global');
    assert.deepEqual(one.config!.labels, { a: 'g', b: 'g', c: 'own' });
    assert.deepEqual(one.config!.removeLabels, ['y', 'z', 'x']);
    assert.equal(one.config!.keepEssentialWerfLabels, true);
    assert.equal(one.config!.user, 'app');
    assert.equal(images[1]!.imageSpec, undefined, 'non-final images do not get the global imageSpec');
  });

  test('Stapel from naming another image is internal', () => {
    const { images } = load('configVersion: 1\nproject: a\n---\nimage: base\nfrom: alpine\n---\nimage: app\nfrom: base\n');
    assert.equal((images[1] as StapelImage).fromImage, 'base');
  });

  test('WERF_PROJECT_NAME overrides and is validated; nameless image alone is fine', () => {
    const r = parseRendered('configVersion: 1\nproject: a\n---\nimage: ~\ndockerfile: Dockerfile\n', '', 'werf.yaml', { WERF_PROJECT_NAME: 'b' });
    assert.equal(r.meta!.project, 'b');
    assert.equal(r.images[0]!.name, '');
    assert.equal(r.images[0]!.nameless, true);
    assert.throws(() => parseRendered('configVersion: 1\nproject: a\n', '', 'werf.yaml', { WERF_PROJECT_NAME: 'B!' }), /project name "B!" is invalid/);
  });

  test('WERF_FORCE_STAGED_DOCKERFILE forces staged', () => {
    const r = parseRendered('configVersion: 1\nproject: a\n---\nimage: x\ndockerfile: D\nstaged: false\n', '', 'werf.yaml', { WERF_FORCE_STAGED_DOCKERFILE: '1' });
    assert.equal((r.images[0] as DockerfileImage).staged, true);
  });
});
