import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, checkWorkTreeFiles, type LoadProjectOptions } from './load.js';
import { resolveNamespace, resolveRelease } from './deploy.js';
import { renderProject, listProject, graphProject } from '../commands/config.js';
import { makeRepo, gitIn, type TempRepo } from '../git/testing.js';
import { createContext } from '../context.js';
import { createLogger, memorySink } from '../log/index.js';
import { WerfActionError } from '../errors/index.js';
import type { DockerfileImage, StapelImage } from './types.js';

const ctx = (env: Record<string, string> = {}) => createContext({ env, log: createLogger(memorySink()) });
const load = (dir: string, o: Partial<LoadProjectOptions> = {}) => loadProject({ dir, ctx: ctx(), ...o });

async function rejectsWith(p: Promise<unknown>, code: string, first: string | RegExp): Promise<WerfActionError> {
  let err: unknown;
  try {
    await p;
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof WerfActionError, `expected WerfActionError, got ${String(err)}`);
  const line = err.format().split('\n')[0]!;
  assert.equal(err.code, code, line);
  if (typeof first === 'string') assert.equal(line, first);
  else assert.match(line, first);
  return err;
}

const META = 'configVersion: 1\nproject: demo\n';

describe('loadProject: templates and data', () => {
  let repo: TempRepo;
  before(async () => {
    repo = await makeRepo({
      'werf.yaml': `${META}---
{{ include "images.tmpl" . }}
---
image: {{ .Env | default "none" }}-stapel
from: alpine:3.19
shell:
  install:
  - echo {{ .Commit.Hash }} {{ .Commit.Date.Unix }}
  - echo {{ env "ALLOWED_VAR" "fallback" }}
  - echo {{ (.Files.Get "conf/version.txt") | trim }}
  - echo {{ .Files.Exists "conf/version.txt" }} {{ .Files.IsDir "conf" }} {{ .Files.Exists "nope" }}
{{- range $path, $content := .Files.Glob "conf/*.yaml" }}
  - echo {{ $path }}={{ $content | trim }}
{{- end }}
  - echo {{ tpl "{{ .x }}" (dict "x" "tpl-ok") }}
  - echo {{ required "needs a value" "present" }}
  - echo {{ (fromYaml "a: 1").a }}
  - echo {{ dict "k" "v" | toYaml | b64enc }}
`,
      '.werf/images.tmpl': '{{ define "partial" }}dockerfile: {{ . }}{{ end -}}\nimage: backend\n{{ include "partial" "Dockerfile" }}\ncontext: backend\n',
      '.werf/nested/extra.tmpl': '{{ define "unused" }}x{{ end }}',
      'werf-giterminism.yaml': 'giterminismConfigVersion: 1\nconfig:\n  goTemplateRendering:\n    allowEnvVariables: [ALLOWED_VAR, /^RE_.*/]\n',
      'backend/Dockerfile': 'FROM alpine\n',
      'conf/version.txt': '1.2.3\n',
      'conf/a.yaml': 'a\n',
      'conf/b.yaml': 'b\n',
    }, { dir: undefined });
  });
  after(() => repo.cleanup());

  test('renders include/define, .Files, .Env, .Commit, env, tpl, required, fromYaml', async () => {
    const hash = (await repo.git('rev-parse', 'HEAD')).trim();
    const unix = (await repo.git('log', '-1', '--format=%ct')).trim();
    const p = await loadProject({ dir: repo.dir, env: 'prod', ctx: ctx({ ALLOWED_VAR: 'from-env' }) });
    assert.equal(p.meta.project, 'demo');
    assert.deepEqual(p.images.map((i) => i.name), ['backend', 'prod-stapel']);
    const df = p.images[0] as DockerfileImage;
    assert.equal(df.dockerfile, 'Dockerfile');
    assert.equal(df.context, 'backend');
    const st = p.images[1] as StapelImage;
    assert.deepEqual(st.shell!.install, [
      `echo ${hash} ${unix}`, 'echo from-env', 'echo 1.2.3', 'echo true true false', 'echo conf/a.yaml=a', 'echo conf/b.yaml=b',
      'echo tpl-ok', 'echo present', 'echo 1', 'echo azogdg==',
    ]);
    assert.equal(p.commit.hash, hash);
    assert.deepEqual(p.uncommittedFilesRead, []);
    assert.equal(p.configPath, 'werf.yaml');
    assert.equal(p.templatesDir, '.werf');
  });

  test('env default when unset or empty', async () => {
    const p = await loadProject({ dir: repo.dir, ctx: ctx({ ALLOWED_VAR: '' }) });
    assert.ok((p.images[1] as StapelImage).shell!.install.includes('echo fallback'));
    assert.equal(p.images[1]!.name, 'none-stapel');
  });

  test('render/list/graph command output', async () => {
    const p = await load(repo.dir);
    assert.equal(listProject(p), 'backend\nnone-stapel\n');
    assert.match(renderProject(p), /^configVersion: 1\nproject: demo\n---\nimage: backend\ndockerfile: Dockerfile\ncontext: backend\n/);
    assert.equal(renderProject(p, ['backend']), 'image: backend\ndockerfile: Dockerfile\ncontext: backend\n\n');
    assert.equal(graphProject(p), '- image: backend\n- image: none-stapel\n');
    await assert.rejects(async () => renderProject(p, ['nope']), /image "nope" is not defined in werf.yaml/);
  });
});

describe('loadProject: errors carry positions', () => {
  test('template error in a .tmpl names that file and line', async () => {
    const r = await makeRepo({ 'werf.yaml': `${META}---\n{{ include "a.tmpl" . }}\n`, '.werf/a.tmpl': 'image: x\n\nfrom: {{ .Files.Get "missing.txt" }}\n' });
    try {
      const e = await rejectsWith(load(r.dir), 'config.template', '.werf/a.tmpl:3:16: template error: {{ .Files.Get "missing.txt" }}: the file missing.txt was not found in the current commit');
      assert.match(e.hint!, /werf\.yaml:4:3: executing "werf\.yaml" at <include "\.werf\/a\.tmpl" \.>/);
    } finally {
      await r.cleanup();
    }
  });

  test('template parse error in werf.yaml', async () => {
    const r = await makeRepo({ 'werf.yaml': `${META}---\nimage: {{ .Env \n` });
    try {
      await rejectsWith(load(r.dir), 'config.template', 'werf.yaml:5: template error: unclosed action started at werf.yaml:4');
    } finally {
      await r.cleanup();
    }
  });

  test('required fails with the message', async () => {
    const r = await makeRepo({ 'werf.yaml': `${META}---\nimage: {{ required "set .Env please" .Env }}\nfrom: alpine\n` });
    try {
      const e = await rejectsWith(load(r.dir), 'config.template', /^werf\.yaml:4:\d+: template error: .*set \.Env please/);
      assert.equal(e.location?.file, 'werf.yaml');
    } finally {
      await r.cleanup();
    }
  });

  test('env: not allowed by giterminism, unset without default, loose mode', async () => {
    const r = await makeRepo({ 'werf.yaml': `${META}---\nimage: {{ env "SECRET_NAME" }}\nfrom: alpine\n` });
    try {
      await rejectsWith(load(r.dir), 'config.template', /^werf\.yaml:4:\d+: template error: .*the environment variable "SECRET_NAME" is not allowed by giterminism/);
      await r.commit({ 'werf-giterminism.yaml': 'giterminismConfigVersion: 1\nconfig: {goTemplateRendering: {allowEnvVariables: [SECRET_NAME]}}\n' });
      await rejectsWith(load(r.dir), 'config.template', /the environment variable "SECRET_NAME" must be set or default must be provided/);
      const p = await loadProject({ dir: r.dir, ctx: ctx({ SECRET_NAME: 'img' }) });
      assert.equal(p.images[0]!.name, 'img');
      // loose giterminism: unset -> "" -> the nameless image
      const loose = await loadProject({ dir: r.dir, looseGiterminism: true, ctx: ctx() });
      assert.equal(loose.images[0]!.nameless, true);
    } finally {
      await r.cleanup();
    }
  });

  test('missing meta suggests a project name from the origin URL', async () => {
    const r = await makeRepo({ 'werf.yaml': 'image: x\nfrom: alpine\n' });
    try {
      await r.git('remote', 'add', 'origin', 'git@gitlab.example.com:group/My_Service.git');
      const e = await rejectsWith(load(r.dir), 'config.no-meta', 'werf.yaml:1:1: the meta config section is not defined: werf.yaml needs a section with `configVersion` and `project`');
      assert.match(e.hint!, /project: group-my-service/);
    } finally {
      await r.cleanup();
    }
  });

  test('project dir that does not exist', async () => {
    await rejectsWith(load('/nonexistent/werf-action-dir'), 'config.not-found', '/nonexistent/werf-action-dir: the project directory /nonexistent/werf-action-dir does not exist');
  });

  test('no werf.yaml', async () => {
    const r = await makeRepo({ 'README': 'x' });
    try {
      await rejectsWith(load(r.dir), 'config.not-found', /^werf\.yaml: .*werf\.yaml or werf\.yml not found in the current commit/);
    } finally {
      await r.cleanup();
    }
  });
});

describe('loadProject: config file lookup', () => {
  test('werf.yml fallback, --config and --config-templates-dir', async () => {
    const r = await makeRepo({
      'werf.yml': `${META}---\n{{ include "t.tmpl" . }}\n`,
      'ci/werf-ci.yaml': `${META}---\n{{ include "t.tmpl" . }}\n`,
      '.werf/t.tmpl': 'image: from-default-dir\nfrom: alpine\n',
      'ci/tmpl/t.tmpl': 'image: from-custom-dir\nfrom: alpine\n',
    });
    try {
      const a = await load(r.dir);
      assert.equal(a.configPath, 'werf.yml');
      assert.equal(a.images[0]!.name, 'from-default-dir');
      const b = await load(r.dir, { config: 'ci/werf-ci.yaml', configTemplatesDir: 'ci/tmpl' });
      assert.equal(b.configPath, 'ci/werf-ci.yaml');
      assert.equal(b.images[0]!.name, 'from-custom-dir');
      await rejectsWith(load(r.dir, { config: '../outside.yaml' }), 'config.path-escape', /outside the project directory/);
    } finally {
      await r.cleanup();
    }
  });

  test('project in a subfolder of the repository', async () => {
    const r = await makeRepo({ 'services/api/werf.yaml': `${META}---\nimage: api\ndockerfile: Dockerfile\n`, 'services/api/Dockerfile': 'FROM x\n', 'werf.yaml': 'not: this\n' });
    try {
      const p = await load(join(r.dir, 'services/api'));
      assert.equal(p.projectPath, 'services/api');
      assert.equal(p.images[0]!.name, 'api');
      await writeFile(join(r.dir, 'services/api/Dockerfile'), 'FROM y\n');
      await rejectsWith(load(join(r.dir, 'services/api')), 'giterminism.uncommitted', 'werf.yaml:4:8: uncommitted changes in the Dockerfile of image "api": Dockerfile (modified); giterminism reads it from the current commit ' + p.commit.hash.slice(0, 12));
      // --git-work-tree
      await r.git('checkout', '--', '.');
      const q = await load(join(r.dir, 'services/api'), { gitWorkTree: r.dir });
      assert.equal(q.gitRoot, p.gitRoot);
    } finally {
      await r.cleanup();
    }
  });

  test('linked worktree and shallow clone', async () => {
    const origin = await makeRepo({ 'werf.yaml': `${META}---\nimage: a\nfrom: alpine\n` });
    await origin.commit({ 'werf.yaml': `${META}---\nimage: b\nfrom: alpine\n` });
    const tmp = await mkdtemp(join(tmpdir(), 'werf-action-cfg-'));
    try {
      await origin.git('worktree', 'add', '-q', join(tmp, 'wt'), 'HEAD~1');
      assert.equal((await load(join(tmp, 'wt'))).images[0]!.name, 'a');
      await gitIn(tmp, ['clone', '-q', '--depth=1', `file://${origin.dir}`, join(tmp, 'shallow')]);
      assert.equal((await load(join(tmp, 'shallow'))).images[0]!.name, 'b');
    } finally {
      await origin.cleanup();
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('loadProject: giterminism', () => {
  let r: TempRepo;
  before(async () => {
    r = await makeRepo({
      'werf.yaml': `${META}---\n{{ include "a.tmpl" . }}\ndockerfile: Dockerfile\ncontext: app\n`,
      '.werf/a.tmpl': 'image: app\n',
      'app/Dockerfile': 'FROM alpine\n',
      'app/src/main.go': 'package main\n',
      'app/.dockerignore': '*.log\n',
      '.helm/values.yaml': 'a: 1\n',
    });
  });
  after(() => r.cleanup());
  const reset = async () => {
    await r.git('checkout', '-q', '--', '.');
    await r.git('clean', '-qfd');
  };

  test('uncommitted werf.yaml: error naming it; --dev and allowUncommitted read the work tree', async () => {
    await writeFile(join(r.dir, 'werf.yaml'), `${META}---\nimage: changed\nfrom: alpine\n`);
    try {
      const head = (await r.git('rev-parse', 'HEAD')).trim().slice(0, 12);
      await rejectsWith(load(r.dir), 'giterminism.uncommitted', `werf.yaml: uncommitted changes in werf.yaml: werf.yaml (modified); giterminism reads it from the current commit ${head}`);
      const dev = await load(r.dir, { dev: true });
      assert.equal(dev.images[0]!.name, 'changed');
      assert.deepEqual(dev.uncommittedFilesRead, ['.werf/a.tmpl', 'werf.yaml']);
      const loose = await load(r.dir, { looseGiterminism: true });
      assert.equal(loose.images[0]!.name, 'changed');
    } finally {
      await reset();
    }
  });

  test('config.allowUncommitted in werf-giterminism.yaml', async () => {
    const r2 = await makeRepo({ 'werf.yaml': `${META}---\nimage: a\nfrom: alpine\n`, 'werf-giterminism.yaml': 'giterminismConfigVersion: 1\nconfig: {allowUncommitted: true}\n' });
    try {
      await writeFile(join(r2.dir, 'werf.yaml'), `${META}---\nimage: b\nfrom: alpine\n`);
      assert.equal((await load(r2.dir)).images[0]!.name, 'b');
      // the giterminism file itself must be committed
      await writeFile(join(r2.dir, 'werf-giterminism.yaml'), 'giterminismConfigVersion: 1\n');
      await rejectsWith(load(r2.dir), 'giterminism.uncommitted', /^werf-giterminism\.yaml: uncommitted changes in werf-giterminism\.yaml/);
    } finally {
      await r2.cleanup();
    }
  });

  test('untracked template is an error unless allowed', async () => {
    await mkdir(join(r.dir, '.werf/new'), { recursive: true });
    await writeFile(join(r.dir, '.werf/new/b.tmpl'), '{{ define "b" }}b{{ end }}');
    try {
      await rejectsWith(load(r.dir), 'giterminism.uncommitted', /^\.werf\/new\/b\.tmpl: uncommitted changes in templates: \.werf\/new\/b\.tmpl \(untracked\)/);
      assert.equal((await load(r.dir, { dev: true })).images[0]!.name, 'app');
    } finally {
      await reset();
    }
  });

  test('Dockerfile, .dockerignore and context files must be committed', async () => {
    await writeFile(join(r.dir, 'app/Dockerfile'), 'FROM busybox\n');
    try {
      await rejectsWith(load(r.dir), 'giterminism.uncommitted', /^\.werf\/a\.tmpl:1:8: uncommitted changes in the Dockerfile of image "app": app\/Dockerfile \(modified\)/);
    } finally {
      await reset();
    }
    await writeFile(join(r.dir, 'app/src/new.go'), 'x');
    await writeFile(join(r.dir, 'app/debug.log'), 'ignored by .dockerignore');
    try {
      await rejectsWith(load(r.dir, { checkContexts: true }), 'giterminism.uncommitted', '.werf/a.tmpl:1:8: uncommitted changes in the build context of image "app": app/src/new.go (untracked); giterminism reads it from the current commit ' + (await r.git('rev-parse', 'HEAD')).trim().slice(0, 12));
      const p = await load(r.dir);
      assert.equal(p.images.length, 1);
      await rejectsWith(checkWorkTreeFiles(p, ctx()), 'giterminism.uncommitted', /uncommitted changes in the build context of image "app": app\/src\/new\.go \(untracked\)/);
    } finally {
      await reset();
    }
    await writeFile(join(r.dir, 'app/debug.log'), 'only ignored files changed');
    try {
      assert.equal((await load(r.dir, { checkContexts: true })).images.length, 1);
    } finally {
      await reset();
    }
    await writeFile(join(r.dir, 'app/.dockerignore'), '*.tmp\n');
    try {
      await rejectsWith(load(r.dir), 'giterminism.uncommitted', /uncommitted changes in the \.dockerignore of image "app": app\/\.dockerignore \(modified\)/);
    } finally {
      await reset();
    }
  });

  test('build-context check applies .dockerignore with Docker\'s rules (as the build does)', async () => {
    // Docker: braces are literal, patterns are cleaned (`logs/../*.tmp` = `*.tmp`), `!` re-includes,
    // `<Dockerfile>.dockerignore` wins over the context's .dockerignore.
    const r2 = await makeRepo({
      'werf.yaml': `${META}---\nimage: app\ndockerfile: Dockerfile\ncontext: app\n`,
      'app/Dockerfile': 'FROM alpine\n',
      'app/Dockerfile.dockerignore': '{debug,trace}.log\nlogs/../*.tmp\n!keep.tmp\nsub/**/gen\n',
      'app/.dockerignore': '*\n',
    });
    try {
      const check = async (file: string) => {
        await mkdir(join(r2.dir, 'app', file, '..'), { recursive: true });
        await writeFile(join(r2.dir, 'app', file), 'x');
        try {
          return await load(r2.dir, { checkContexts: true }).then(() => 'ok', (e: unknown) => (e instanceof WerfActionError ? e.code : String(e)));
        } finally {
          await r2.git('clean', '-qfd');
        }
      };
      assert.equal(await check('x.tmp'), 'ok');
      assert.equal(await check('sub/a/b/gen'), 'ok');
      assert.equal(await check('keep.tmp'), 'giterminism.uncommitted');
      assert.equal(await check('debug.log'), 'giterminism.uncommitted');
      assert.equal(await check('other.txt'), 'giterminism.uncommitted');
    } finally {
      await r2.cleanup();
    }
  });

  test('chart files must be committed unless helm.allowUncommittedFiles', async () => {
    await writeFile(join(r.dir, '.helm/values.yaml'), 'a: 2\n');
    try {
      assert.equal((await load(r.dir)).images.length, 1);
      await rejectsWith(load(r.dir, { checkContexts: true }), 'giterminism.uncommitted', /^\.helm\/values\.yaml: uncommitted changes in the chart: \.helm\/values\.yaml \(modified\)/);
    } finally {
      await reset();
    }
  });

  test('werf.yaml features gated by giterminism', async () => {
    const r2 = await makeRepo({ 'werf.yaml': `${META}---\nimage: a\nfrom: alpine\nfromLatest: true\n` });
    try {
      await rejectsWith(load(r2.dir), 'giterminism.denied', 'werf.yaml:4:8: image "a" uses fromLatest, which giterminism does not allow');
      assert.equal(((await load(r2.dir, { looseGiterminism: true })).images[0] as StapelImage).fromLatest, true);
      await r2.commit({ 'werf-giterminism.yaml': 'giterminismConfigVersion: 1\nconfig: {stapel: {allowFromLatest: true}}\n' });
      assert.equal((await load(r2.dir)).images.length, 1);
      await r2.commit({ 'werf.yaml': `${META}---\nimage: a\ndockerfile: Dockerfile\nsecrets:\n- env: NPM_TOKEN\n`, 'Dockerfile': 'FROM x\n' });
      await rejectsWith(load(r2.dir), 'giterminism.denied', 'werf.yaml:7:3: secret "NPM_TOKEN" reads the environment variable NPM_TOKEN, which giterminism does not allow');
    } finally {
      await r2.cleanup();
    }
  });
});

describe('loadProject: .Files and contextAddFiles under giterminism', () => {
  test('.Files.Get of a changed file is an error unless allowUncommittedFiles', async () => {
    const r = await makeRepo({ 'werf.yaml': `${META}---\nimage: {{ .Files.Get "name.txt" | trim }}\nfrom: alpine\n`, 'name.txt': 'committed\n' });
    try {
      assert.equal((await load(r.dir)).images[0]!.name, 'committed');
      await writeFile(join(r.dir, 'name.txt'), 'changed\n');
      await rejectsWith(load(r.dir), 'config.template', /^werf\.yaml:4:\d+: template error: giterminism: name\.txt \(modified\) has uncommitted changes/);
      assert.equal((await load(r.dir, { dev: true })).images[0]!.name, 'changed');
      await r.git('add', 'werf.yaml');
      await writeFile(join(r.dir, 'werf-giterminism.yaml'), 'giterminismConfigVersion: 1\nconfig: {goTemplateRendering: {allowUncommittedFiles: ["*.txt"]}}\n');
      await r.git('add', 'werf-giterminism.yaml');
      await r.git('commit', '-q', '-m', 'allow');
      const p = await load(r.dir);
      assert.equal(p.images[0]!.name, 'changed');
      assert.deepEqual(p.uncommittedFilesRead, ['name.txt']);
    } finally {
      await r.cleanup();
    }
  });

  test('contextAddFiles: allowed by giterminism and must exist', async () => {
    const r = await makeRepo({ 'werf.yaml': `${META}---\nimage: a\ndockerfile: Dockerfile\ncontextAddFiles: [gen]\n`, 'Dockerfile': 'FROM x\n', '.gitignore': 'gen\n' });
    try {
      await rejectsWith(load(r.dir), 'giterminism.denied', 'werf.yaml:4:8: contextAddFiles entry "gen" of image "a" is not allowed by giterminism');
      await r.commit({ 'werf-giterminism.yaml': 'giterminismConfigVersion: 1\nconfig: {dockerfile: {allowContextAddFiles: [gen]}}\n' });
      await rejectsWith(load(r.dir), 'config.not-found', 'werf.yaml:4:8: contextAddFiles entry "gen" of image "a" does not exist in the work tree (gen)');
      await writeFile(join(r.dir, 'gen'), 'generated');
      assert.deepEqual(((await load(r.dir, { checkContexts: true })).images[0] as DockerfileImage).contextAddFiles, ['gen']);
    } finally {
      await r.cleanup();
    }
  });
});

describe('loadProject: paths that escape the repository', () => {
  test('context symlink out of the repo, Dockerfile symlink out, missing Dockerfile', async () => {
    const r = await makeRepo({
      'werf.yaml': `${META}---\nimage: a\ndockerfile: Dockerfile\ncontext: ctx\n`,
      'ctx': { symlink: '/etc' },
    });
    try {
      await rejectsWith(load(r.dir), 'config.path-escape', 'werf.yaml:4:8: the build context ctx of image "a" is a symlink to /etc, outside the repository');
      await r.git('rm', '-q', 'ctx');
      await r.commit({ 'werf.yaml': `${META}---\nimage: a\ndockerfile: Dockerfile\n`, 'Dockerfile': { symlink: '../../../../etc/hostname' } });
      await rejectsWith(load(r.dir), 'config.path-escape', /^werf\.yaml:4:8: the Dockerfile Dockerfile of image "a" is a symlink to \.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname, outside the repository/);
      await r.commit({ 'werf.yaml': `${META}---\nimage: a\ndockerfile: Missing.Dockerfile\n`, 'Dockerfile': 'FROM x\n' });
      await rejectsWith(load(r.dir), 'config.not-found', /^werf\.yaml:4:8: the Dockerfile Missing\.Dockerfile of image "a" is not in the current commit/);
      // a symlink inside the repository is fine
      await r.commit({ 'werf.yaml': `${META}---\nimage: a\ndockerfile: Dockerfile\ncontext: link\n`, 'real/Dockerfile': 'FROM x\n', 'link': { symlink: 'real' } });
      assert.equal((await load(r.dir)).images.length, 1);
    } finally {
      await r.cleanup();
    }
  });
});

describe('deploy names', () => {
  test('defaults, templates with [[ ]], slugging, CLI overrides', async () => {
    const r = await makeRepo({ 'werf.yaml': 'configVersion: 1\nproject: shop\n' });
    try {
      const p = await load(r.dir);
      assert.equal(resolveRelease(p.meta), 'shop');
      assert.equal(resolveNamespace(p.meta), 'shop');
      assert.equal(resolveRelease(p.meta, { env: 'production' }), 'shop-production');
      assert.equal(resolveNamespace(p.meta, { env: 'Review_1' }), 'shop-review-1-' + resolveNamespace(p.meta, { env: 'Review_1' }).split('-').pop());
      assert.equal(resolveRelease(p.meta, { release: 'given' }), 'given');
      assert.throws(() => resolveRelease(p.meta, { release: 'Bad_Name' }), /bad --release "Bad_Name"/);
      p.meta.deploy.helmRelease = '[[ project ]]-[[ namespace ]]-[[ env | upper ]]';
      p.meta.deploy.namespace = 'apps-[[ env ]]';
      assert.equal(resolveNamespace(p.meta, { env: 'dev' }), 'apps-dev');
      assert.match(resolveRelease(p.meta, { env: 'dev' }), /^shop-apps-dev-dev-[0-9a-f]+$/);
      p.meta.deploy.helmReleaseSlug = false;
      assert.throws(() => resolveRelease(p.meta, { env: 'dev' }), /deploy.helmRelease rendered to an invalid release name/);
    } finally {
      await r.cleanup();
    }
  });
});
